"""The meeting-minutes and management-review workbooks on hand-built records, read back with openpyxl as a
secretary would open them: sheets, the header block in Spanish and English, agenda, minutes, decisions with
their dates, ISO clause titles, the board as shown with its traffic lights, print setup, and escaping of
every text cell that would start a formula."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from mios_dashboard.exporters import DANGEROUS_FIRST, minutes_workbook, review_workbook
from mios_dashboard.exporters.cells import STATUS_COLOURS
from mios_dashboard.exporters.records import PARAGRAPH_LIMIT
from mios_dashboard.i18n import fmt_datetime

GENERATED = dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.UTC)
HELD_AT = dt.datetime(2026, 1, 5, 15, 0, tzinfo=dt.UTC)
MALICIOUS = '=HYPERLINK("http://evil.example/x","clic")'
SNAPSHOT = {
    "period": "2025-12-01", "score": 0.968, "status": "yellow",
    "indicators": [
        {"code": "VEN-01", "actual": 4_812_300.0, "target": 4_500_000.0, "target_min": None, "target_max": None,
         "achievement": 1.069, "status": "green"},
        {"code": "FIN-03", "actual": 55.0, "target": 45.0, "target_min": None, "target_max": None,
         "achievement": 0.82, "status": "red"},
        {"code": "PER-02", "actual": None, "target": 90.0, "target_min": None, "target_max": None,
         "achievement": None, "status": "stale"},
    ],
}
DEFINITIONS = {
    "VEN-01": {"name": "Ventas netas", "unit": "MXN", "decimals": 0},
    "FIN-03": {"name": "Días de cartera", "unit": "días", "decimals": 0},
    "PER-02": {"name": "+Capacitación", "unit": "%", "decimals": 1},
}
DECISIONS = [
    {"code": "AC-04", "title": "Plan de recuperación de OTIF", "owner": "Ing. Héctor Ramírez",
     "due_on": dt.date(2026, 1, 19), "status": "in_progress"},
    {"code": "AC-05", "title": "-Capturar la capacitación", "owner": "@rh", "due_on": None, "status": "open"},
]
MEETING = {
    "id": 7, "kind": "operation", "held_at": HELD_AT, "title": "Junta de operación semanal",
    "chaired_by": "Ing. Roberto Garza", "attendees": ["@admin", "Ing. Roberto Garza", "Lic. Ana Torres"],
    "agenda": [{"kind": "red", "ref": "FIN-03", "text": "Días de cartera arriba de 50"},
               {"kind": "signal", "ref": "CAL-01", "text": "+cmd|' /C calc'!A0"}],
    "minutes": MALICIOUS, "board_period": dt.date(2025, 12, 1), "board_snapshot": SNAPSHOT,
    "decisions": DECISIONS, "organization": "Industrias Sierra Madre", "definitions": DEFINITIONS,
}
REVIEW = {
    "id": 3, "period_start": dt.date(2025, 3, 1), "period_end": dt.date(2025, 8, 31),
    "held_on": dt.date(2025, 9, 11), "status": "closed", "next_review_due": dt.date(2026, 3, 11),
    "previous_actions_status": "7 de 9 acciones cerradas.", "context_changes": "Subió el papel 9 %.",
    "customer_satisfaction": "Encuesta: 86 puntos.", "objectives_achievement": "8 de 13 en meta.",
    "process_performance": "OEE 71 %.", "nonconformities": "21 quejas.", "monitoring_results": "38 indicadores.",
    "audit_results": MALICIOUS, "provider_performance": "Entregas 96 %.", "resources_adequacy": "",
    "risk_actions_effectiveness": "Coberturas eficaces.", "improvement_inputs": "SMED.",
    "improvement_outputs": "Implementar SMED.", "qms_changes": "Actualizar el procedimiento.",
    "resource_needs": "Un técnico de mantenimiento.", "board_period": dt.date(2025, 8, 1),
    "board_snapshot": SNAPSHOT, "organization": "Industrias Sierra Madre", "definitions": DEFINITIONS,
    "meeting": {"title": "Revisión por la dirección — 11 de septiembre de 2025", "held_at": HELD_AT,
                "chaired_by": "Ing. Roberto Garza", "attendees": ["Ing. Roberto Garza", "Lic. Ana Torres"]},
    "actions": [{"code": "AC-07", "title": "Implementar SMED en la troqueladora", "owner": "Ing. Daniel Sepúlveda",
                 "due_on": dt.date(2026, 2, 11), "status": "effective"}],
}


def reloaded(workbook) -> openpyxl.Workbook:
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


def facts(ws) -> dict[str, object]:
    """The header block: label in A → value in B, from row 5 down to the first empty row."""
    out, row = {}, 5
    while ws.cell(row=row, column=1).value:
        out[ws.cell(row=row, column=1).value] = ws.cell(row=row, column=2).value
        row += 1
    return out


def find_row(ws, column: int, text: str) -> int:
    return next(c.row for c in ws[openpyxl.utils.get_column_letter(column)] if c.value == text)


@pytest.fixture(scope="module")
def books():
    """Both records in both languages, as saved and opened again: (record, lang) → workbook."""
    return {(name, lang): reloaded(make(record, lang, GENERATED))
            for name, make, record in (("minutes", minutes_workbook, MEETING), ("review", review_workbook, REVIEW))
            for lang in ("es", "en")}


def test_sheet_names_in_both_languages(books):
    assert books["minutes", "es"].sheetnames == ["Minuta", "Acuerdos", "Tablero mostrado"]
    assert books["minutes", "en"].sheetnames == ["Minutes", "Decisions", "Board shown"]
    assert books["review", "es"].sheetnames == ["Revisión", "Acciones", "Tablero revisado"]
    assert books["review", "en"].sheetnames == ["Review", "Actions", "Board reviewed"]


def test_minutes_header_block_in_spanish(books):
    ws = books["minutes", "es"]["Minuta"]
    assert ws["A1"].value == "Minuta de junta"
    assert ws["A2"].value == "Industrias Sierra Madre · Junta de operación semanal"
    assert ws["A3"].value == f"Generado el {fmt_datetime(GENERATED, 'es')}"
    block = facts(ws)
    assert block["Organización"] == "Industrias Sierra Madre"
    assert block["Tipo de junta"] == "Junta de operación"
    assert block["Fecha y hora"] == fmt_datetime(HELD_AT, "es") and block["Fecha y hora"].startswith("5 ene 2026, ")
    assert block["Presidió"] == "Ing. Roberto Garza"
    assert block["Asistentes"] == "'@admin\nIng. Roberto Garza\nLic. Ana Torres"  # one per line, escaped
    assert block["Mes del tablero"] == "diciembre 2025"


def test_minutes_header_block_in_english(books):
    ws = books["minutes", "en"]["Minutes"]
    assert ws["A1"].value == "Meeting minutes"
    block = facts(ws)
    assert block["Meeting type"] == "Operation meeting"
    assert block["Date and time"].startswith("Jan 5, 2026, ") and block["Chaired by"] == "Ing. Roberto Garza"
    assert block["Board month"] == "December 2025"


def test_agenda_and_wrapped_minutes(books):
    ws = books["minutes", "es"]["Minuta"]
    head = find_row(ws, 1, "Orden del día") + 1
    assert [ws.cell(row=head, column=c).value for c in (1, 2)] == ["Tema", "Descripción"]
    assert ws.cell(row=head + 1, column=1).value == "Fuera de meta · FIN-03"
    assert ws.cell(row=head + 2, column=1).value == "Señal · CAL-01"
    assert ws.cell(row=head + 2, column=2).value == "'+cmd|' /C calc'!A0"
    text_row = find_row(ws, 1, "Minuta") + 1
    cell = ws.cell(row=text_row, column=1)
    assert cell.value == "'" + MALICIOUS and cell.data_type == "s" and cell.alignment.wrap_text
    assert f"A{text_row}:B{text_row}" in {str(r) for r in ws.merged_cells.ranges}


def test_decisions_table_with_dates_in_the_locale_format(books):
    ws = books["minutes", "es"]["Acuerdos"]
    assert ws["A1"].value == "Acuerdos de la junta"
    assert [c.value for c in ws[4]] == ["Código", "Acción", "Responsable", "Fecha de cierre", "Estado"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5, max_row=6)]
    assert rows == [
        ["AC-04", "Plan de recuperación de OTIF", "Ing. Héctor Ramírez", dt.datetime(2026, 1, 19), "En proceso"],
        ["AC-05", "'-Capturar la capacitación", "'@rh", None, "Abierta"],
    ]
    assert ws["D5"].is_date and ws["D5"].number_format == "dd/mm/yyyy"
    assert books["minutes", "en"]["Decisions"]["D5"].number_format == "m/d/yyyy"
    assert books["minutes", "en"]["Decisions"]["E5"].value == "In progress"
    assert ws["E5"].fill.fgColor.rgb == "FFFDF3DA"  # in progress: the soft yellow of the board
    assert ws.freeze_panes == "A5" and ws.auto_filter.ref == "A4:E6"


def test_board_as_shown_with_traffic_lights(books):
    ws = books["minutes", "es"]["Tablero mostrado"]
    assert ws["A2"].value.startswith("Periodo: diciembre 2025 · Generado el ")
    assert ws["B3"].value == 0.968 and ws["C3"].value == "En riesgo"
    assert [c.value for c in ws[4]][:4] == ["Código", "Indicador", "Unidad", "Real"]
    by_code = {ws.cell(row=r, column=1).value: r for r in range(5, 8)}
    assert ws.cell(row=by_code["VEN-01"], column=2).value == "Ventas netas"
    assert ws.cell(row=by_code["VEN-01"], column=4).number_format == '#,##0" MXN"'
    assert ws.cell(row=by_code["PER-02"], column=2).value == "'+Capacitación"
    assert ws.cell(row=by_code["PER-02"], column=4).value is None  # missing is empty, not zero
    for code, word, status in (("VEN-01", "En meta", "green"), ("FIN-03", "Fuera de meta", "red"),
                               ("PER-02", "Desactualizado", "stale")):
        cell = ws.cell(row=by_code[code], column=9)
        assert cell.value == word and cell.fill.fgColor.rgb == "FF" + STATUS_COLOURS[status][0]
    assert ws.cell(row=by_code["FIN-03"], column=8).number_format == "0.0%"
    assert ws.freeze_panes == "C5"


def test_print_setup_a4_fit_to_width_with_repeated_headers(books):
    for book, main, tables in ((books["minutes", "es"], "Minuta", ("Acuerdos", "Tablero mostrado")),
                               (books["review", "es"], "Revisión", ("Acciones", "Tablero revisado"))):
        ws = book[main]
        assert ws.page_setup.orientation == "portrait" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.print_title_rows == "$1:$3" and ws.freeze_panes == "A4"
        for name in tables:
            assert book[name].page_setup.orientation == "landscape" and book[name].print_title_rows == "$4:$4"


def test_review_sections_under_their_iso_clauses(books):
    ws = books["review", "es"]["Revisión"]
    block = facts(ws)
    assert block["Periodo revisado"] == "1 mar 2025 al 31 ago 2025"
    assert block["Fecha de la revisión"] == "11 sep 2025" and block["Próxima revisión"] == "11 mar 2026"
    assert block["Estado del registro"] == "Cerrada" and block["Sesión"].startswith("Revisión por la dirección — ")
    labels = [c.value for c in ws["A"] if isinstance(c.value, str) and c.value[:3] == "9.3"]
    assert labels[0] == "9.3.2 a) Estado de las acciones de las revisiones por la dirección previas"
    assert labels[-1] == "9.3.3 c) Necesidades de recursos" and len(labels) == 16
    assert ws.cell(row=find_row(ws, 1, labels[0]), column=2).value == "7 de 9 acciones cerradas."
    assert ws.cell(row=find_row(ws, 1, "9.3.2 d) Adecuación de los recursos"), column=2).value == "—"
    audit = ws.cell(row=find_row(ws, 1, "9.3.2 c) 6) Resultados de las auditorías"), column=2)
    assert audit.value == "'" + MALICIOUS
    english = [c.value for c in books["review", "en"]["Review"]["A"] if str(c.value)[:3] == "9.3"]
    assert "9.3.2 c) 7) The performance of external providers" in english and english[-1] == "9.3.3 c) Resource needs"
    assert facts(books["review", "en"]["Review"])["Period reviewed"] == "Mar 1, 2025 to Aug 31, 2025"


def test_review_actions_sheet(books):
    ws = books["review", "es"]["Acciones"]
    assert [c.value for c in ws[5]] == ["AC-07", "Implementar SMED en la troqueladora", "Ing. Daniel Sepúlveda",
                                        dt.datetime(2026, 2, 11), "Eficaz"]
    assert ws["E5"].fill.fgColor.rgb == "FFE3F4EC"


def test_no_cell_is_a_formula_or_starts_like_one(books):
    for book in (books["minutes", "es"], books["review", "en"]):
        for ws in book:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", cell.coordinate
                    if isinstance(cell.value, str):
                        assert not cell.value.startswith(DANGEROUS_FIRST), (ws.title, cell.coordinate)


def test_long_minutes_are_split_into_rows_tall_enough():
    sentence = "Se acordó revisar el avance del plan de recuperación con cada responsable. "
    meeting = {**MEETING, "minutes": sentence * 60 + "\n\nSegundo párrafo."}
    ws = reloaded(minutes_workbook(meeting, "es", GENERATED))["Minuta"]
    first = find_row(ws, 1, "Minuta") + 1
    parts = []
    while ws.cell(row=first + len(parts), column=1).value:
        parts.append(ws.cell(row=first + len(parts), column=1).value)
    assert len(parts) == 4 and parts[-1] == "Segundo párrafo."
    assert all(len(p) <= PARAGRAPH_LIMIT for p in parts) and " ".join(parts[:-1]) == (sentence * 60).strip()
    assert ws.row_dimensions[first].height > 100


def test_a_bare_meeting_still_makes_a_record():
    bare = {"kind": "sales", "held_at": HELD_AT, "title": "Junta de ventas", "attendees": [], "agenda": [],
            "minutes": "", "decisions": [], "board_snapshot": None, "board_period": None}
    book = reloaded(minutes_workbook(bare, "es", GENERATED))
    assert facts(book["Minuta"])["Tipo de junta"] == "Junta de ventas"
    assert facts(book["Minuta"])["Asistentes"] == "—"
    assert book["Acuerdos"]["A5"].value == "No se registraron acciones."
    assert book["Tablero mostrado"]["A5"].value == "No se guardó el tablero mostrado."


def test_same_record_same_cells():
    def cells(book):
        return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book}

    assert cells(minutes_workbook(MEETING, "en", GENERATED)) == cells(minutes_workbook(MEETING, "en", GENERATED))
    assert cells(review_workbook(REVIEW, "es", GENERATED)) == cells(review_workbook(REVIEW, "es", GENERATED))
