"""Real-world-shaped files (issue 4's "done when" check): each is imported exactly or refused whole.

Every case builds its file into a folder and says what the database must hold afterwards: the exact
measurements {(code, period): value}, or the refusal (problem code, sheet, cell) that must name the spot.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .xlsx import Formula, SheetSpec, Styled, write_xlsx

D = dt.date
MONTHS_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]
    expected: dict = field(default_factory=dict)  # {(code, date): value}
    refusal: tuple[str, str | None, str | None] | None = None  # (problem code, sheet, cell)


def _wide_spanish_months(folder: Path) -> Path:
    """Title rows (one merged), month headers "ene-25"…, indicators named with other case and accents, a
    section title row, a blank row, a Total column and a Total row; "n/d" and "-" mean no measurement."""
    header = ["Indicador"] + [f"{m}-25" for m in MONTHS_ES[:6]] + ["Total", "Notas"]
    rows = [
        ["Tablero de control 2025 — Dirección general"],
        ["Cifras al cierre de mes"],
        [],
        header,
        ["Perspectiva financiera"],
        ["ventas  NETAS", 1000, 1100, 1200.5, "n/d", 1300, "-", 4600.5, "ok"],
        [],
        ["Perspectiva de procesos"],
        ["Entregas a TIEMPO", 91, 92.5, 93, 94, 95, 96, 561.5, None],
        ["Total", 1091, 1192.5, 1293.5, 94, 1395, 96, None, None],
    ]
    return write_xlsx(folder / "tablero-2025.xlsx", [SheetSpec("Tablero", rows, merged=["A1:I1"])])


WIDE_SPANISH = {("VEN-01", D(2025, 1, 1)): 1000.0, ("VEN-01", D(2025, 2, 1)): 1100.0,
                ("VEN-01", D(2025, 3, 1)): 1200.5, ("VEN-01", D(2025, 5, 1)): 1300.0,
                **{("ENT-02", D(2025, m, 1)): v for m, v in zip(range(1, 7), (91, 92.5, 93, 94, 95, 96))}}


def _percent_cells(folder: Path) -> Path:
    """Percent-formatted cells hold fractions: ×100 for a % indicator, left alone for another unit."""
    rows = [["Código", "Periodo", "Valor"],
            ["ENT-02", D(2025, 1, 1), Styled(0.953, "percent1")],
            ["ENT-02", D(2025, 2, 1), Styled(0.9, "percent")],
            ["MAR-07", "2025-01", Styled(0.31, "percent")],
            ["VEN-01", "2025-01", 1500]]
    return write_xlsx(folder / "porcentajes.xlsx", [SheetSpec("Mediciones", rows)])


PERCENT = {("ENT-02", D(2025, 1, 1)): 95.3, ("ENT-02", D(2025, 2, 1)): 90.0, ("MAR-07", D(2025, 1, 1)): 31.0,
           ("VEN-01", D(2025, 1, 1)): 1500.0}


def _text_numbers(folder: Path) -> Path:
    """Numbers typed as text with decimal comma, thousands points, currency signs and percent points."""
    rows = [["Indicador", "Mes", "Resultado"],
            ["Ventas netas", "enero 2025", "$ 1.234.567,50"],
            ["Ventas netas", "febrero 2025", "MXN 1.200.000"],
            ["Ventas netas", "marzo de 2025", "€ 980,25"],
            ["Entregas a tiempo", "ene 2025", "95,3 %"],
            ["Entregas a tiempo", "Feb-25", "88,0%"]]
    return write_xlsx(folder / "texto.xlsx", [SheetSpec("Datos", rows)])


TEXT_NUMBERS = {("VEN-01", D(2025, 1, 1)): 1234567.5, ("VEN-01", D(2025, 2, 1)): 1200000.0,
                ("VEN-01", D(2025, 3, 1)): 980.25, ("ENT-02", D(2025, 1, 1)): 95.3, ("ENT-02", D(2025, 2, 1)): 88.0}


def _quarterly_headers(folder: Path) -> Path:
    rows = [["Satisfacción por trimestre"], ["Código", "T1 2025", "Q2 2025", "2025-T3", "4T 2025", "Promedio"],
            ["SAT-03", 81, 83.5, 85, None, 83.2]]
    return write_xlsx(folder / "trimestres.xlsx", [SheetSpec("Trimestres", rows)])


QUARTERLY = {("SAT-03", D(2025, 1, 1)): 81.0, ("SAT-03", D(2025, 4, 1)): 83.5, ("SAT-03", D(2025, 7, 1)): 85.0}


def _iso_weeks(folder: Path) -> Path:
    rows = [["Code", "Period", "Value", "Comment"],
            ["QUE-04", "2025-W01", 3, "first week of the year"],
            ["QUE-04", "2025-W05", 1, None],
            ["QUE-04", D(2025, 2, 12), 4, "a Wednesday: its Monday"],
            ["QUE-04", "Semana 8 2025", 0, None]]
    return write_xlsx(folder / "weeks.xlsx", [SheetSpec("Measurements", rows)])


WEEKS = {("QUE-04", D(2024, 12, 30)): 3.0, ("QUE-04", D(2025, 1, 27)): 1.0, ("QUE-04", D(2025, 2, 10)): 4.0,
         ("QUE-04", D(2025, 2, 17)): 0.0}


def _several_sheets(folder: Path) -> Path:
    """A long sheet, a wide sheet under a year band, an instructions sheet, and a hidden notes sheet that
    would fail if it were read."""
    months = ["Indicador"] + ["Ene", "Feb", "Mar"]
    return write_xlsx(folder / "varias-hojas.xlsx", [
        SheetSpec("Instrucciones", [["Llene las hojas de datos; no modifique los encabezados."]]),
        SheetSpec("Ventas", [["Código", "Periodo", "Valor"], ["VEN-01", "2025-04", 1400], ["VEN-01", "2025-05", 1450]]),
        SheetSpec("Margen", [["Margen bruto"], [None, 2025], months, ["Margen bruto", 30.5, 31, 29.75]],
                  merged=["B2:D2"]),
        SheetSpec("Notas", [["Código", "Periodo", "Valor"], ["ZZZ-9", "mañana", "mucho"]], state="hidden"),
    ])


SEVERAL = {("VEN-01", D(2025, 4, 1)): 1400.0, ("VEN-01", D(2025, 5, 1)): 1450.0, ("MAR-07", D(2025, 1, 1)): 30.5,
           ("MAR-07", D(2025, 2, 1)): 31.0, ("MAR-07", D(2025, 3, 1)): 29.75}


def _cached_formulas(folder: Path) -> Path:
    rows = [["Código", "Periodo", "Valor"],
            ["VEN-01", "2025-06", Formula("SUM(Detalle!B2:B40)", 2500.75)],
            ["ROT-05", 2024, Formula("B5/B6*100", 12.5)],
            ["PRO-06", D(2025, 6, 2), Formula("Detalle!C2", 340)]]
    return write_xlsx(folder / "formulas.xlsx", [SheetSpec("Mediciones", rows)])


FORMULAS = {("VEN-01", D(2025, 6, 1)): 2500.75, ("ROT-05", D(2024, 1, 1)): 12.5, ("PRO-06", D(2025, 6, 2)): 340.0}


def _spanish_csv(folder: Path) -> Path:
    text = ("Código;Periodo;Valor;Comentario\r\n"
            "VEN-01;15/07/2025;1.234,5;cierre de julio\r\n"
            "VEN-01;01/08/2025;980,25;\r\n"
            "ENT-02;2025-07;93,5;\r\n"
            "ENT-02;2025-08;n/d;sin datos por migración\r\n"
            "MAR-07;ago-25;31,25;márgenes\r\n")
    path = folder / "mediciones.csv"
    path.write_bytes(text.encode("cp1252"))
    return path


CSV = {("VEN-01", D(2025, 7, 1)): 1234.5, ("VEN-01", D(2025, 8, 1)): 980.25, ("ENT-02", D(2025, 7, 1)): 93.5,
       ("MAR-07", D(2025, 8, 1)): 31.25}


def _unknown_indicator(folder: Path) -> Path:
    rows = [["Código", "Periodo", "Valor"], ["VEN-01", "2025-01", 10], ["ZZZ-9", "2025-01", 5]]
    return write_xlsx(folder / "desconocido.xlsx", [SheetSpec("Mediciones", rows)])


def _not_a_number(folder: Path) -> Path:
    rows = [["Indicador"] + [f"{m}-25" for m in MONTHS_ES[:3]], ["Ventas netas", 10, "pendiente", 12]]
    return write_xlsx(folder / "pendiente.xlsx", [SheetSpec("Tablero", rows)])


def _conflicting_duplicate(folder: Path) -> Path:
    rows = [["Código", "Periodo", "Valor"], ["VEN-01", "2025-01", 10], ["VEN-01", D(2025, 1, 20), 10],
            ["VEN-01", "ene-25", 11]]
    return write_xlsx(folder / "duplicado.xlsx", [SheetSpec("Mediciones", rows)])


def _not_a_workbook(folder: Path) -> Path:
    path = folder / "informe.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    return path


def _bomb(folder: Path) -> Path:
    path = folder / "bomba.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            for _ in range(200):
                entry.write(b" " * (1024 * 1024))
    return path


CASES = (
    Case("wide sheet with Spanish months under titles, indicators named", _wide_spanish_months, WIDE_SPANISH),
    Case("percent-formatted cells", _percent_cells, PERCENT),
    Case("text numbers with decimal comma and currency", _text_numbers, TEXT_NUMBERS),
    Case("quarterly headers", _quarterly_headers, QUARTERLY),
    Case("ISO weeks", _iso_weeks, WEEKS),
    Case("several sheets and a hidden notes sheet", _several_sheets, SEVERAL),
    Case("cached formula values", _cached_formulas, FORMULAS),
    Case("Spanish-locale CSV", _spanish_csv, CSV),
    Case("unknown indicator", _unknown_indicator, refusal=("unknown_indicator", "Mediciones", "A3")),
    Case("a non-numeric value", _not_a_number, refusal=("not_a_number", "Tablero", "C2")),
    Case("a conflicting duplicate", _conflicting_duplicate, refusal=("duplicate_measurement", "Mediciones", "C4")),
    Case("a file that is not a workbook", _not_a_workbook, refusal=("not_a_workbook", None, None)),
    Case("a decompression bomb", _bomb, refusal=("workbook_too_large", None, None)),
)
