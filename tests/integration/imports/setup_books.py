"""Setup workbooks written by openpyxl, as a company fills them in: Procesos, Objetivos, Indicadores, Mediciones.

Shared by the setup tests and bench/bench_setup.py. References are written the ways people write them: a
process by its name in the objectives sheet, a parent objective that comes further down the sheet, the
perspective by code, by its Spanish name or by its English one.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import openpyxl

PROCESS_HEADER = ["Código", "Nombre", "Tipo", "Responsable", "Propósito"]
OBJECTIVE_HEADER = ["Código", "Objetivo", "Perspectiva", "Proceso", "Qué se hará", "Recursos", "Responsable",
                    "Fecha de cierre", "Cómo se evaluará", "Peso", "Objetivo padre"]
INDICATOR_HEADER = ["Código", "Nombre", "Unidad", "Sentido", "Frecuencia", "Agregación", "Meta", "Perspectiva",
                    "Objetivo", "Proceso", "Responsable", "Decimales", "Ventana XmR", "Activo"]
MEASUREMENT_HEADER = ["Código", "Periodo", "Valor"]
TYPES = ("Estratégico", "operativo", "APOYO")
PERSPECTIVE_WAYS = ("FIN", "Clientes", "Internal processes", "aprendizaje y crecimiento")


def write_sheets(path: Path, sheets: dict[str, list[list]], formats: dict[tuple[str, str], str] | None = None) -> Path:
    """A workbook with one sheet per entry, rows appended from A1; `formats` maps (sheet, cell) → number format."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    for (name, cell), number_format in (formats or {}).items():
        book[name][cell].number_format = number_format
    book.save(path)
    return path


def company_sheets(processes: int = 20, objectives: int = 40, indicators: int = 200, months: int = 24,
                   first_month: dt.date = dt.date(2025, 1, 1)) -> dict[str, list[list]]:
    """The four sheets of a synthetic company: every objective under a process, half of them children of
    another objective (named by code, further down the sheet), indicators spread over the objectives."""
    rng = random.Random(11)
    process_rows = [PROCESS_HEADER] + [
        [f"P{p:02d}", f"Proceso número {p}", TYPES[p % 3], f"Responsable {p}", f"Propósito del proceso {p}"]
        for p in range(1, processes + 1)]
    objective_rows = [OBJECTIVE_HEADER]
    for o in range(1, objectives + 1):
        parent = f"O{o + 1:02d}" if o % 2 == 1 and o < objectives else None
        process = f"proceso número {1 + o % processes}" if o % 3 == 0 else f"P{1 + o % processes:02d}"
        objective_rows.append([
            f"O{o:02d}", f"Objetivo de la calidad {o}", PERSPECTIVE_WAYS[o % 4], process, f"Plan de acción {o}",
            "Presupuesto y personal", f"Dueño {o}", dt.date(2026, 12, 31), "Revisión mensual del indicador",
            1 + o % 3, parent])
    indicator_rows = [INDICATOR_HEADER]
    for i in range(1, indicators + 1):
        percent = i % 2 == 0
        indicator_rows.append([
            f"K{i:03d}", f"Indicador {i}", "%" if percent else "piezas", "menor es mejor" if i % 5 == 0 else "mayor es mejor",
            "mensual", "promedio" if percent else "suma", 90 if percent else 1000, None, f"O{1 + i % objectives:02d}",
            f"P{1 + i % processes:02d}", f"Responsable {i}", 1 if percent else 0,
            "2025-01 a 2025-12" if i % 10 == 0 else None, "no" if i == indicators else "sí"])
    measurement_rows = [MEASUREMENT_HEADER]
    for i in range(1, indicators + 1):
        for m in range(months):
            month = dt.date(first_month.year + (first_month.month - 1 + m) // 12, (first_month.month - 1 + m) % 12 + 1, 1)
            value = round(rng.uniform(80, 100), 1) if i % 2 == 0 else float(rng.randint(900, 1100))
            measurement_rows.append([f"K{i:03d}", month.strftime("%Y-%m"), value])
    return {"Procesos": process_rows, "Objetivos": objective_rows, "Indicadores": indicator_rows,
            "Mediciones": measurement_rows}


def company_workbook(path: Path, **sizes: int) -> Path:
    return write_sheets(path, company_sheets(**sizes))
