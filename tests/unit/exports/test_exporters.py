"""The workbook writers on hand-built data, read back with openpyxl: sheets, titles, traffic-light fills,
number formats, frozen headers, filters, drop-down lists on a hidden sheet, and formula-injection escaping
of every text cell."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from mios_dashboard.exporters import DANGEROUS_FIRST, board_workbook, safe_text, template_workbook, unit_format
from mios_dashboard.exporters.cells import STATUS_COLOURS, put, sheet_title

GENERATED = dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.UTC)


def indicator(code, status, **overrides):
    row = {
        "code": code, "name": f"Indicador {code}", "unit": "%", "direction": "higher", "frequency": "monthly",
        "period": "2025-12-01", "actual": 95.3, "target": 95.0, "target_min": None, "target_max": None,
        "achievement": 1.003, "status": status, "trend": "improving", "ytd_actual": 94.1, "ytd_target": 95.0,
        "ytd_achievement": 0.99, "owner": "Ing. Luis Méndez", "decimals": 1, "last_period": "2025-12-01",
    }
    return {**row, **overrides}


INDICATORS = [
    indicator("VEN-01", "green", name="Ventas netas", unit="MXN", decimals=0, actual=4_812_300.0, target=4_500_000.0),
    indicator("FIN-03", "red", name="Días de cartera", unit="días", direction="lower", decimals=0, actual=55.0,
              target=45.0, achievement=0.82, trend="worsening"),
    indicator("FIN-04", "yellow", name="Razón circulante", unit="veces", direction="range", target=None,
              target_min=1.5, target_max=2.5, decimals=2, actual=1.4, achievement=0.92, trend="stable"),
    indicator("COM-01", "no_data", name="Satisfacción", unit="puntos", frequency="quarterly", actual=None,
              achievement=None, trend=None, period="2025-10-01"),
    indicator("PER-02", "stale", name="Capacitación", actual=None, achievement=None, last_period="2025-09-01"),
    indicator("CAL-09", "green", name="=HYPERLINK(\"http://x\",\"clic\")", unit="$", owner="@admin"),
]
BOARD = {
    "period": "2025-12-01", "score": 0.968, "status": "yellow",
    "counts": {"green": 2, "yellow": 1, "red": 1, "no_data": 1, "stale": 1},
    "perspectives": [
        {"code": "FIN", "name": "Financiera", "score": 0.95, "status": "yellow", "loose_indicators": ["CAL-09"],
         "objectives": [{"code": "OBJ-01", "title": "Crecer las ventas", "score": 1.0, "status": "green",
                         "owner": "Lic. Ana Torres", "due": "2026-12-31", "indicators": ["VEN-01", "FIN-03", "FIN-04"]}]},
        {"code": "CLI", "name": "Clientes", "score": None, "status": "no_data", "loose_indicators": [],
         "objectives": [{"code": "OBJ-04", "title": "-Subir la satisfacción", "score": None, "status": "no_data",
                         "owner": None, "due": None, "indicators": ["COM-01", "PER-02"]}]},
    ],
    "indicators": INDICATORS,
}


def reloaded(workbook) -> openpyxl.Workbook:
    """What a user opening the saved file gets."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


@pytest.fixture(scope="module")
def book():
    return reloaded(board_workbook(BOARD, "es", GENERATED))


def rows_by_code(ws, header_row=4) -> dict:
    header = [c.value for c in ws[header_row]]
    code_col = header.index("Código") + 1
    return {ws.cell(row=r, column=code_col).value: r for r in range(header_row + 1, ws.max_row + 1)}


def column(ws, label, header_row=4) -> int:
    return [c.value for c in ws[header_row]].index(label) + 1


# ---------- the board workbook ----------

def test_one_sheet_per_perspective_after_a_summary_in_both_languages(book):
    assert book.sheetnames == ["Resumen", "Financiera", "Clientes"]
    english = reloaded(board_workbook(BOARD, "en", GENERATED))
    assert english.sheetnames == ["Summary", "Financial", "Customer"]
    assert english["Financial"]["A4"].value == "Objective"


def test_title_rows_say_what_period_and_when(book):
    ws = book["Financiera"]
    assert ws["A1"].value == "Tablero de control directivo · Financiera"
    assert ws["A2"].value.startswith("Periodo: diciembre 2025 · Generado el 15 ene 2026")
    assert ws["A3"].value == "Cumplimiento de la perspectiva" and ws["B3"].value == pytest.approx(0.95)
    assert ws["C3"].value == "En riesgo"
    assert [c.value for c in ws[4]][:4] == ["Objetivo", "Título del objetivo", "Código", "Indicador"]


def test_rows_follow_objectives_then_loose_indicators(book):
    ws = book["Financiera"]
    assert list(rows_by_code(ws)) == ["VEN-01", "FIN-03", "FIN-04", "CAL-09"]
    loose = rows_by_code(ws)["CAL-09"]
    assert ws.cell(row=loose, column=2).value == "Otros indicadores"


@pytest.mark.parametrize(("code", "sheet", "word"), [
    ("VEN-01", "Financiera", "En meta"), ("FIN-04", "Financiera", "En riesgo"), ("FIN-03", "Financiera", "Fuera de meta"),
    ("COM-01", "Clientes", "Sin dato"), ("PER-02", "Clientes", "Desactualizado"),
])
def test_status_cells_carry_the_word_on_the_boards_colour(book, code, sheet, word):
    ws = book[sheet]
    cell = ws.cell(row=rows_by_code(ws)[code], column=column(ws, "Estado"))
    status = {"En meta": "green", "En riesgo": "yellow", "Fuera de meta": "red", "Sin dato": "no_data",
              "Desactualizado": "stale"}[word]
    fill, ink = STATUS_COLOURS[status]
    assert cell.value == word
    assert cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb == f"FF{fill}"
    assert cell.font.color.rgb == f"FF{ink}" and cell.font.bold


def test_numbers_stay_numbers_in_the_indicators_unit(book):
    ws = book["Financiera"]
    rows = rows_by_code(ws)
    actual, target, achievement = column(ws, "Real"), column(ws, "Meta"), column(ws, "Cumplimiento")
    sales = ws.cell(row=rows["VEN-01"], column=actual)
    assert sales.value == 4_812_300 and sales.number_format == '#,##0" MXN"'
    assert ws.cell(row=rows["FIN-03"], column=target).number_format == '#,##0" días"'
    ratio = rows["FIN-04"]
    assert ws.cell(row=ratio, column=target).value is None
    assert ws.cell(row=ratio, column=column(ws, "Meta mínima")).value == 1.5
    assert ws.cell(row=ratio, column=column(ws, "Meta máxima")).number_format == '#,##0.00" veces"'
    assert ws.cell(row=rows["CAL-09"], column=actual).number_format == '"$"#,##0.0'
    assert ws.cell(row=rows["VEN-01"], column=achievement).number_format == "0.0%"
    assert ws.cell(row=rows["FIN-03"], column=column(ws, "Tendencia")).value == "↘ empeora"


def test_missing_values_are_empty_cells_not_zero(book):
    ws = book["Clientes"]
    rows = rows_by_code(ws)
    assert ws.cell(row=rows["COM-01"], column=column(ws, "Real")).value is None
    assert ws.cell(row=rows["COM-01"], column=column(ws, "Periodo")).value == "2025-T4"
    assert ws.cell(row=rows["PER-02"], column=column(ws, "Último dato")).value == dt.datetime(2025, 9, 1)


def test_frozen_header_and_filter_on_every_sheet(book):
    for name in ("Financiera", "Clientes"):
        ws = book[name]
        assert ws.freeze_panes == "E5"
        assert ws.auto_filter.ref == f"A4:T{ws.max_row}"
        assert ws.print_title_rows == "$4:$4" and ws.page_setup.orientation == "landscape"
    summary = book["Resumen"]
    assert summary.freeze_panes == "A4" and summary.auto_filter.ref.startswith("A")
    assert summary["A1"].value == "Tablero de control directivo" and summary["B3"].value == pytest.approx(0.968)


def test_summary_lists_perspectives_counts_and_objectives(book):
    ws = book["Resumen"]
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    flat = [v for row in values for v in row if v is not None]
    assert "Financiera" in flat and "Clientes" in flat and "OBJ-01" in flat and "Crecer las ventas" in flat
    counts = {row[0]: row[1] for row in values if row[0] in ("En meta", "Fuera de meta", "Desactualizado")}
    assert counts == {"En meta": 2, "Fuera de meta": 1, "Desactualizado": 1}


def test_column_widths_fit_the_content(book):
    ws = book["Financiera"]
    assert ws.column_dimensions["D"].width >= len("Razón circulante")
    assert ws.column_dimensions["D"].width <= 50


def test_empty_board_still_writes_a_workbook():
    empty = {"period": None, "score": None, "status": "no_data", "counts": {}, "perspectives": [], "indicators": []}
    book = reloaded(board_workbook(empty, "en", GENERATED))
    assert book.sheetnames == ["Summary"]
    assert "No period with data" in book["Summary"]["A2"].value


# ---------- formula injection ----------

@pytest.mark.parametrize("first", DANGEROUS_FIRST)
def test_every_dangerous_first_character_is_escaped(first):
    text = f"{first}1+1|cmd"
    assert safe_text(text) == "'" + text
    ws = openpyxl.Workbook().active
    put(ws, 1, 1, text)
    assert ws["A1"].data_type == "s" and ws["A1"].value == "'" + text
    again = reloaded(ws.parent).active["A1"]
    assert again.data_type == "s" and again.value == "'" + text


@pytest.mark.parametrize("text", ["Ventas netas", "95,3%", "2025-12", "días", " =no es el primero", ""])
def test_ordinary_text_is_left_alone(text):
    assert safe_text(text) == text


def test_numbers_and_control_characters():
    ws = openpyxl.Workbook().active
    put(ws, 1, 1, -5.5)
    put(ws, 1, 2, "fin\x07de línea")
    put(ws, 1, 3, float("nan"))
    assert ws["A1"].value == -5.5 and ws["A1"].data_type == "n"
    assert ws["B1"].value == "finde línea"
    assert ws["C1"].value is None


def test_no_exported_cell_is_a_formula_or_starts_like_one(book):
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(DANGEROUS_FIRST), f"{ws.title}!{cell.coordinate}"
    ws = book["Financiera"]
    name = ws.cell(row=rows_by_code(ws)["CAL-09"], column=column(ws, "Indicador"))
    assert name.value == "'=HYPERLINK(\"http://x\",\"clic\")"
    owner = ws.cell(row=rows_by_code(ws)["CAL-09"], column=column(ws, "Responsable"))
    assert owner.value == "'@admin"
    assert book["Clientes"]["B5"].value == "'-Subir la satisfacción"


# ---------- helpers ----------

@pytest.mark.parametrize(("unit", "decimals", "expected"), [
    ("%", 1, '#,##0.0"%"'), ("MXN", 0, '#,##0" MXN"'), ("$", 2, '"$"#,##0.00'), ("", 0, "#,##0"),
    (None, None, "#,##0.0"), ('pie"s', 0, '#,##0" pies"'), ("piezas/h-h", 0, '#,##0" piezas/h-h"'),
])
def test_unit_format(unit, decimals, expected):
    assert unit_format(unit, decimals) == expected


def test_sheet_titles_are_valid_and_unique():
    taken: set[str] = set()
    assert sheet_title("Finanzas: [2025]/Q4?", taken) == "Finanzas   2025  Q4"
    assert sheet_title("Una perspectiva con un nombre demasiado largo", taken) == "Una perspectiva con un nombre d"
    assert sheet_title("una perspectiva con un nombre demasiado largo", taken) == "una perspectiva con un nomb (2)"
    assert all(len(t) <= 31 for t in taken) and len({t.casefold() for t in taken}) == len(taken)


# ---------- the template ----------

DEFINITIONS = [
    {"code": "VEN-01", "name": "Ventas netas", "unit": "MXN", "direction": "higher", "frequency": "monthly",
     "aggregation": "sum", "target": 4_500_000.0, "target_min": None, "target_max": None, "green_threshold": 1.0,
     "yellow_threshold": 0.9, "owner": "Lic. Ana Torres", "group": "Ventas", "decimals": 0,
     "perspective": "Financiera", "objective": "OBJ-01", "process": "COM"},
    {"code": "FIN-04", "name": "Razón circulante", "unit": "veces", "direction": "range", "frequency": "quarterly",
     "aggregation": "last", "target": None, "target_min": 1.5, "target_max": 2.5, "green_threshold": 1.0,
     "yellow_threshold": 0.85, "owner": None, "group": None, "decimals": 2,
     "perspective": "Financiera", "objective": None, "process": None},
    {"code": "-X1", "name": "+Código raro", "unit": "", "direction": "lower", "frequency": "weekly",
     "aggregation": "mean", "target": 3.0, "target_min": None, "target_max": None, "green_threshold": 1.0,
     "yellow_threshold": 0.9, "owner": "=cmd", "group": None, "decimals": 1,
     "perspective": None, "objective": None, "process": None},
]
LISTS = {"perspective": ["Financiera", "Clientes"], "objective": ["OBJ-01"], "process": ["COM", "PRD"]}
PROCESSES = [{"code": "PRD", "name": "Producción", "type": "operational", "owner": None, "purpose": ""},
             {"code": "COM", "name": "Comercial", "type": "operational", "owner": "Ana", "purpose": "Vender"}]
OBJECTIVES = [{"code": "OBJ-01", "title": "Crecer", "perspective": "Financiera", "process": "COM", "parent": None,
               "plan_what": None, "plan_resources": None, "plan_owner": None, "plan_due": None,
               "plan_evaluation": None, "weight": 1.0}]


@pytest.fixture(scope="module")
def template():
    return reloaded(template_workbook(DEFINITIONS, LISTS, "es", processes=PROCESSES, objectives=OBJECTIVES))


def referenced_values(book, formula: str) -> list:
    sheet, cells = formula.lstrip("=").split("!")
    ws = book[sheet.strip("'")]
    return [c.value for row in ws[cells.replace("$", "")] for c in row if c.value is not None]


def test_template_sheets_and_the_hidden_lists(template):
    assert template.sheetnames == ["Procesos", "Objetivos", "Indicadores", "Mediciones", "Instrucciones", "Listas"]
    assert template.active.title == "Mediciones"
    assert template["Listas"].sheet_state == "hidden"
    assert all(template[name].sheet_state == "visible" for name in template.sheetnames[:-1])
    english = reloaded(template_workbook(DEFINITIONS, LISTS, "en"))
    assert english.sheetnames == ["Processes", "Objectives", "Indicators", "Measurements", "Instructions", "Lists"]


def test_measurements_sheet_lists_every_indicator_with_an_empty_value(template):
    ws = template["Mediciones"]
    assert [c.value for c in ws[1]] == ["Código", "Indicador", "Unidad", "Frecuencia", "Periodo", "Valor", "Comentario"]
    rows = list(ws.iter_rows(min_row=2, max_row=4, values_only=True))
    assert [r[0] for r in rows] == ["'-X1", "FIN-04", "VEN-01"]
    assert rows[2][:4] == ("VEN-01", "Ventas netas", "MXN", "Mensual")
    assert all(r[4] is None and r[5] is None for r in rows)
    assert ws["E2"].number_format == "@" and ws.freeze_panes == "C2"


def test_code_drop_down_reads_the_current_codes_from_the_hidden_sheet(template):
    ws = template["Mediciones"]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    code_list = lists[0]
    assert str(code_list.sqref).startswith("A2:A") and code_list.showErrorMessage
    assert code_list.formula1 == "'Listas'!$A$2:$A$4"  # no leading "=": Excel would call the file damaged
    assert referenced_values(template, code_list.formula1) == ["'-X1", "FIN-04", "VEN-01"]
    value = next(dv for dv in ws.data_validations.dataValidation if dv.type == "decimal")
    assert str(value.sqref).startswith("F2:F") and value.errorStyle == "warning"


def test_definitions_sheet_holds_the_current_definitions_with_drop_downs(template):
    ws = template["Indicadores"]
    header = [c.value for c in ws[1]]
    assert header[:6] == ["Código", "Nombre", "Unidad", "Sentido", "Frecuencia", "Agregación"]
    row = {h: c.value for h, c in zip(header, ws[4])}
    assert row["Código"] == "VEN-01" and row["Sentido"] == "Mayor es mejor" and row["Agregación"] == "Suma"
    assert row["Meta"] == 4_500_000 and row["Umbral amarillo"] == pytest.approx(0.9) and row["Perspectiva"] == "Financiera"
    ranged = {h: c.value for h, c in zip(header, ws[3])}
    assert ranged["Sentido"] == "Rango" and ranged["Meta mínima"] == 1.5 and ranged["Frecuencia"] == "Trimestral"
    odd = {h: c.value for h, c in zip(header, ws[2])}
    assert odd["Nombre"] == "'+Código raro" and odd["Responsable"] == "'=cmd"
    lists = {str(dv.sqref).split(":")[0]: referenced_values(template, dv.formula1)
             for dv in ws.data_validations.dataValidation}
    assert lists["D2"] == ["Mayor es mejor", "Menor es mejor", "Rango"]
    assert lists["E2"] == ["Diaria", "Semanal", "Mensual", "Trimestral", "Anual"]
    assert lists["F2"] == ["Suma", "Promedio", "Último", "Mínimo", "Máximo"]
    assert lists["L2"] == ["Financiera", "Clientes"] and lists["M2"] == ["OBJ-01"] and lists["N2"] == ["COM", "PRD"]
    assert lists["T2"] == ["Sí", "No"]


def test_instructions_are_sentences_in_one_column(template):
    ws = template["Instrucciones"]
    assert ws.max_column == 1
    text = " ".join(str(c.value) for c in ws["A"] if c.value)
    assert "Cómo llenar esta plantilla" in text and "Mediciones!F7" in text and "no cuenta como cero" in text


def test_template_without_indicators_has_no_broken_drop_down():
    book = reloaded(template_workbook([], {}, "es"))
    assert [dv.type for dv in book["Mediciones"].data_validations.dataValidation if dv.type == "list"] == []
    assert book["Mediciones"]["A2"].value is None and book["Listas"]["A2"].value is None
