"""The four-sheet template round-trips (SQLite and PostgreSQL): untouched it changes nothing; filled in by hand
on an empty database it sets up processes, objectives, indicators and values; its drop-downs offer the
vocabularies and the codes of its own Procesos and Objetivos sheets."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from sqlalchemy import func, select

from mios_dashboard.db import session_scope
from mios_dashboard.models import Indicator, Objective, Process
from mios_dashboard.services.exports.board import export_template
from mios_dashboard.services.imports.import_file import import_file


def template_bytes(factory, lang: str) -> bytes:
    buffer = io.BytesIO()
    with session_scope(factory) as session:
        export_template(session, buffer, lang=lang)
    return buffer.getvalue()


def run(factory, path, **kwargs):
    with session_scope(factory, actor="ana") as session:
        return import_file(session, path, actor="ana", **kwargs)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_demo_template_imports_back_changing_nothing(demo_factory, tmp_path, lang):
    path = tmp_path / "plantilla.xlsx"
    path.write_bytes(template_bytes(demo_factory, lang))
    result = run(demo_factory, path, dry_run=True, lang=lang)
    assert result.accepted, result.messages()
    with session_scope(demo_factory) as session:
        processes = session.scalar(select(func.count()).select_from(Process))
        objectives = session.scalar(select(func.count()).select_from(Objective))
    assert processes and objectives
    assert (result.processes_created, result.processes_updated, result.processes_unchanged) == (0, 0, processes)
    assert (result.objectives_created, result.objectives_updated, result.objectives_unchanged) == (0, 0, objectives)
    assert (result.indicators_created, result.indicators_updated) == (0, 0)
    assert (result.measurements_inserted, result.measurements_updated) == (0, 0)


def validations(ws) -> dict[str, str]:
    """First cell of each list drop-down → its source."""
    return {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}


def listed(book, formula: str) -> list:
    sheet, cells = formula.split("!")
    return [c.value for row in book[sheet.strip("'")][cells.replace("$", "")] for c in row if c.value is not None]


def test_the_empty_template_has_four_sheets_and_drop_downs(session_factory):
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(session_factory, "es")))
    assert book.sheetnames[:4] == ["Procesos", "Objetivos", "Indicadores", "Mediciones"]
    assert [c.value for c in book["Procesos"][1]] == ["Código", "Nombre", "Tipo", "Responsable", "Propósito"]
    assert [c.value for c in book["Objetivos"][1]] == [
        "Código", "Objetivo", "Perspectiva", "Proceso", "Qué se hará", "Recursos", "Responsable", "Fecha de cierre",
        "Cómo se evaluará", "Peso", "Objetivo padre"]
    processes, objectives, indicators = (validations(book[name]) for name in ("Procesos", "Objetivos", "Indicadores"))
    assert listed(book, processes["C2"]) == ["Estratégico", "Operativo", "Apoyo"]
    assert listed(book, objectives["C2"]) == ["Financiera", "Clientes", "Procesos internos", "Aprendizaje y crecimiento"]
    # process and objective codes come from the setup sheets themselves, empty rows below included
    assert objectives["D2"] == indicators["N2"] == "'Procesos'!$A$2:$A$201"
    assert objectives["K2"] == indicators["M2"] == "'Objetivos'!$A$2:$A$201"
    header = [c.value for c in book["Indicadores"][1]]
    assert header[-4:] == ["Decimales", "Ventana XmR desde", "Ventana XmR hasta", "Activo"]
    by_column = {header[openpyxl.utils.column_index_from_string(cell[:1]) - 1]: listed(book, source)
                 for cell, source in indicators.items() if not source.startswith("'Procesos'")
                 and not source.startswith("'Objetivos'")}
    assert by_column["Sentido"] == ["Mayor es mejor", "Menor es mejor", "Rango"]
    assert by_column["Frecuencia"][2] == "Mensual" and by_column["Agregación"][0] == "Suma"
    assert by_column["Activo"] == ["Sí", "No"]
    english = openpyxl.load_workbook(io.BytesIO(template_bytes(session_factory, "en")))
    assert english.sheetnames[:4] == ["Processes", "Objectives", "Indicators", "Measurements"]
    assert [c.value for c in english["Processes"][1]] == ["Code", "Name", "Type", "Owner", "Purpose"]
    assert listed(english, validations(english["Processes"])["C2"]) == ["Strategic", "Operational", "Support"]


def test_a_filled_in_empty_template_sets_up_the_company(session_factory, tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(session_factory, "es")))
    book["Procesos"].append(["COM", "Comercial", "Operativo", "Ana", "Vender"])
    book["Procesos"].append(["DIR", "Dirección", "Estratégico", "Carlos", None])
    book["Objetivos"].append(["OB-1", "Crecer", "Financiera", "DIR", "Plan", "Presupuesto", "Carlos",
                              dt.date(2026, 12, 31), "Estados financieros", 1, None])
    book["Objetivos"].append(["OB-2", "Clientes felices", "Clientes", "Comercial", None, None, None, None, None, 2,
                              "OB-1"])
    book["Indicadores"].append(["VEN-01", "Ventas", "MXN", "Mayor es mejor", "Mensual", "Suma", 1000, None, None,
                                None, None, "Financiera", "OB-1", "COM", "Ana", None, 0, "2025-01", "2025-06", "Sí"])
    book["Indicadores"].append(["SAT-01", "Satisfacción", "%", "Mayor es mejor", "Mensual", "Promedio", 0.9, None,
                                None, None, None, None, "OB-2", "COM", None, None, 1, None, None, "Sí"])
    book["Indicadores"]["G3"].number_format = "0%"
    measurements = book["Mediciones"]
    for code, period, value in (("VEN-01", "2025-01", 900), ("VEN-01", "2025-02", 1100), ("SAT-01", "2025-02", 0.95)):
        measurements.append([code, None, None, None, period, value])
    measurements.cell(row=measurements.max_row, column=6).number_format = "0%"
    path = tmp_path / "lleno.xlsx"
    book.save(path)
    result = run(session_factory, path)
    assert result.accepted, result.messages()
    assert (result.processes_created, result.objectives_created, result.indicators_created,
            result.measurements_inserted) == (2, 2, 2, 3)
    with session_scope(session_factory) as session:
        sat = session.scalar(select(Indicator).where(Indicator.code == "SAT-01"))
        assert (sat.target, sat.objective.code, sat.process.code, sat.decimals) == (90.0, "OB-2", "COM", 1)
        ven = session.scalar(select(Indicator).where(Indicator.code == "VEN-01"))
        assert (ven.xmr_baseline_start, ven.xmr_baseline_end) == (dt.date(2025, 1, 1), dt.date(2025, 6, 1))
        ob2 = session.scalar(select(Objective).where(Objective.code == "OB-2"))
        assert (ob2.parent.code, ob2.process.code, ob2.perspective.code, ob2.weight) == ("OB-1", "COM", "CLI", 2)
    # and the template written from what is now stored imports back changing nothing
    again = tmp_path / "vuelta.xlsx"
    again.write_bytes(template_bytes(session_factory, "es"))
    second = run(session_factory, again, dry_run=True)
    assert second.accepted, second.messages()
    assert (second.processes_unchanged, second.objectives_unchanged, second.indicators_unchanged) == (2, 2, 2)
    assert second.processes_updated == second.objectives_updated == second.indicators_updated == 0
