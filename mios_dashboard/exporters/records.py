"""Meeting minutes ("minuta") and management-review records as workbooks: the evidence a secretary files
(slides 31, 50 and 51, control of records).

Input is the plain dicts of `services.exports.records` (no database here). Each workbook has a main sheet
to read and print (a header block of facts, then the agenda and the minutes, or the ISO 9.3.2 inputs and
9.3.3 outputs under their clause numbers), a sheet of the decisions or actions, and the board as it was
shown, with the board workbook's traffic lights. Same input and `generated_at` → the same cells.
Dates in running text read as the locale writes them ("5 ene 2026" / "Jan 5, 2026"); date cells are real
dates in the locale's short format. Every cell goes through `cells.put` (formula-injection escaping).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from mios_dashboard.exporters.board import TITLE_ROWS, status_word, title_block
from mios_dashboard.exporters.cells import (
    BOLD,
    BRAND,
    PERCENT_FORMAT,
    SUBTITLE_FONT,
    TITLE_FONT,
    WRAP_TOP,
    argb,
    first_sheet,
    fit_columns,
    header_row,
    landscape,
    locale_date_format,
    portrait,
    put,
    sheet_title,
    soft_fill,
    status_cell,
    unit_format,
    wrapped_height,
)
from mios_dashboard.i18n import MISSING, fmt_date, fmt_datetime, fmt_month, normalize_lang, t, t_or

Record = Mapping[str, Any]
LABEL_WIDTH, TEXT_WIDTH = 34, 92  # main sheets: labels (or clauses) in column A, text in column B
FIRST_FACT_ROW = TITLE_ROWS + 2  # a blank row under the title block
PARAGRAPH_LIMIT = 1500  # characters per row of running text, so no row needs more than Excel's 409 points
SECTION_FONT = Font(bold=True, size=12, color=argb(BRAND))
ACTION_COLUMNS = ("field.code", "records.col_action", "field.owner", "field.due", "field.status")
ACTION_WIDTHS = {1: 12, 2: 70, 3: 30, 4: 16, 5: 16}
SNAPSHOT_COLUMNS = (
    "field.code", "field.indicator", "field.unit", "field.actual", "field.target", "export.target_min",
    "export.target_max", "field.achievement", "field.status",
)
# An action's status as a soft light: done green, verified not effective red, under way yellow.
ACTION_LIGHTS = {"open": "no_data", "in_progress": "yellow", "closed": "green", "effective": "green",
                 "not_effective": "red"}
# ISO 9001:2015 9.3.2 (inputs; c) has seven items) and 9.3.3 (outputs): (clause key, field of the record).
REVIEW_INPUTS: tuple[tuple[str, str | None], ...] = (
    ("in_a", "previous_actions_status"), ("in_b", "context_changes"), ("in_c", None),
    ("in_c1", "customer_satisfaction"), ("in_c2", "objectives_achievement"), ("in_c3", "process_performance"),
    ("in_c4", "nonconformities"), ("in_c5", "monitoring_results"), ("in_c6", "audit_results"),
    ("in_c7", "provider_performance"), ("in_d", "resources_adequacy"), ("in_e", "risk_actions_effectiveness"),
    ("in_f", "improvement_inputs"),
)
REVIEW_OUTPUTS: tuple[tuple[str, str | None], ...] = (
    ("out_a", "improvement_outputs"), ("out_b", "qms_changes"), ("out_c", "resource_needs"),
)


# --- building blocks ---------------------------------------------------------------------------------------
def paragraphs(text: object) -> list[str]:
    """The text's non-blank lines, a long one cut at sentence ends so that each fits one row."""
    rows: list[str] = []
    for line in str(text or "").splitlines():
        line = line.strip()
        while len(line) > PARAGRAPH_LIMIT:
            cut = line.rfind(". ", 0, PARAGRAPH_LIMIT)
            cut = cut + 1 if cut > 0 else PARAGRAPH_LIMIT
            rows.append(line[:cut].strip())
            line = line[cut:].strip()
        if line:
            rows.append(line)
    return rows


def _grow(ws: Worksheet, row: int, *texts: tuple[object, float]) -> None:
    """Make `row` tall enough for its wrapped texts (pairs of text and column width)."""
    height = max(wrapped_height(str(text or ""), width) for text, width in texts)
    if height > wrapped_height("", 1):
        ws.row_dimensions[row].height = height


def _record_titles(ws: Worksheet, title: str, name: str, organization: object, generated_at: dt.datetime,
                   lang: str) -> None:
    """Rows 1–3: what the record is, which one (and whose), when this copy was generated."""
    put(ws, 1, 1, title, font=TITLE_FONT)
    put(ws, 2, 1, " · ".join(part for part in (str(organization or ""), name) if part), font=BOLD)
    put(ws, 3, 1, t("records.generated", lang, generated=fmt_datetime(generated_at, lang)), font=SUBTITLE_FONT)


def _facts(ws: Worksheet, row: int, facts: Iterable[tuple[str, object]], lang: str) -> int:
    """Label in A, value in B (a dash when empty); returns the next free row."""
    for key, value in facts:
        text = value if value not in (None, "") else MISSING
        put(ws, row, 1, t(key, lang), font=BOLD, alignment=WRAP_TOP)
        put(ws, row, 2, text, alignment=WRAP_TOP)
        _grow(ws, row, (text, TEXT_WIDTH))
        row += 1
    return row


def _heading(ws: Worksheet, row: int, text: str) -> int:
    put(ws, row, 1, text, font=SECTION_FONT)
    return row + 1


def _clause_rows(ws: Worksheet, row: int, record: Record, clauses: Sequence[tuple[str, str | None]],
                 lang: str) -> int:
    """One row per clause: its ISO number and title in A, the record's text in B (a paragraph per row)."""
    for key, field in clauses:
        label = t(f"records.{key}", lang)
        put(ws, row, 1, label, font=BOLD, alignment=WRAP_TOP)
        if field is None:  # a heading clause (9.3.2 c) whose items follow
            _grow(ws, row, (label, LABEL_WIDTH))
            row += 1
            continue
        for number, text in enumerate(paragraphs(record.get(field)) or [MISSING]):
            put(ws, row, 2, text, alignment=WRAP_TOP)
            _grow(ws, row, (text, TEXT_WIDTH), (label if number == 0 else "", LABEL_WIDTH))
            row += 1
    return row


def _running_text(ws: Worksheet, row: int, text: object) -> int:
    """Free text (the minutes) across columns A–B, wrapped, a paragraph per row."""
    for part in paragraphs(text) or [MISSING]:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        put(ws, row, 1, part, alignment=WRAP_TOP)
        _grow(ws, row, (part, LABEL_WIDTH + TEXT_WIDTH))
        row += 1
    return row


def _finish_main(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = LABEL_WIDTH
    ws.column_dimensions["B"].width = TEXT_WIDTH
    ws.freeze_panes = f"A{TITLE_ROWS + 1}"
    portrait(ws, f"1:{TITLE_ROWS}")


def _people(names: Iterable[object] | None) -> str:
    return "\n".join(str(name) for name in names or [] if name)


def _moment(value: dt.date | str | None, lang: str) -> str | None:
    if isinstance(value, dt.datetime):
        return fmt_datetime(value, lang)
    return fmt_date(value, lang) if value else None


def _month(value: dt.date | str | None, lang: str) -> str | None:
    return fmt_month(value, lang, long=True) if value else None


def _actions_sheet(wb: Workbook, taken: set[str], sheet_key: str, title: str, subtitle: str,
                   actions: Sequence[Mapping[str, Any]], lang: str) -> Worksheet:
    """The decisions or actions: code, action, owner, due date (a real date), status on a soft light."""
    ws = wb.create_sheet(sheet_title(t(sheet_key, lang), taken))
    put(ws, 1, 1, title, font=TITLE_FONT)
    put(ws, 2, 1, subtitle, font=BOLD)
    head = TITLE_ROWS + 1
    header_row(ws, head, [t(key, lang) for key in ACTION_COLUMNS])
    row = head
    for action in actions:
        row += 1
        status = str(action.get("status") or "")
        put(ws, row, 1, action.get("code") or "")
        put(ws, row, 2, action.get("title") or "", alignment=WRAP_TOP)
        put(ws, row, 3, action.get("owner") or "", alignment=WRAP_TOP)
        put(ws, row, 4, action.get("due_on"), number_format=locale_date_format(lang))
        put(ws, row, 5, t_or(f"drill.action_status.{status}", status, lang),
            fill=soft_fill(ACTION_LIGHTS.get(status)))
        _grow(ws, row, (action.get("title"), ACTION_WIDTHS[2]))
    if actions:
        ws.auto_filter.ref = f"A{head}:E{row}"
    else:
        put(ws, head + 1, 1, t("records.no_actions", lang), font=SUBTITLE_FONT)
    ws.freeze_panes = f"A{head + 1}"
    fit_columns(ws, first_row=head, fixed=ACTION_WIDTHS)
    landscape(ws, f"{head}:{head}")
    return ws


def _snapshot_sheet(wb: Workbook, taken: set[str], sheet_key: str, title: str, record: Record,
                    generated_at: dt.datetime, lang: str) -> Worksheet:
    """The board as it was shown: per indicator the actual, target, achievement and traffic light stored
    with the record (names and units from the current definitions when the snapshot has none)."""
    stored = record.get("board_snapshot")
    snapshot: Record = stored if isinstance(stored, Mapping) else {}
    definitions = record.get("definitions") or {}
    ws = wb.create_sheet(sheet_title(t(sheet_key, lang), taken))
    shown = {"period": snapshot.get("period") or record.get("board_period")}
    title_block(ws, title, shown, generated_at, lang, snapshot.get("score"), snapshot.get("status"), "board.score")
    head = TITLE_ROWS + 1
    header_row(ws, head, [t(key, lang) for key in SNAPSHOT_COLUMNS])
    row = head
    for reading in (r for r in snapshot.get("indicators") or [] if isinstance(r, Mapping)):
        row += 1
        known = definitions.get(reading.get("code")) or {}
        unit = reading.get("unit") or known.get("unit") or ""
        number = unit_format(unit, reading.get("decimals", known.get("decimals")))
        put(ws, row, 1, reading.get("code") or "")
        put(ws, row, 2, reading.get("name") or known.get("name") or "")
        put(ws, row, 3, unit)
        for col, field in enumerate(("actual", "target", "target_min", "target_max"), 4):
            put(ws, row, col, reading.get(field), number_format=number)
        put(ws, row, 8, reading.get("achievement"), number_format=PERCENT_FORMAT,
            fill=soft_fill(reading.get("status")))
        status_cell(ws, row, 9, reading.get("status"), status_word(reading.get("status"), lang))
    if row > head:
        ws.auto_filter.ref = f"A{head}:I{row}"
    else:
        put(ws, head + 1, 1, t("records.no_snapshot", lang), font=SUBTITLE_FONT)
    ws.freeze_panes = f"C{head + 1}"
    fit_columns(ws, first_row=head, maximum=48, fixed={9: 16})
    landscape(ws, f"{head}:{head}")
    return ws


def _workbook(title_key: str, lang: str, generated_at: dt.datetime) -> Workbook:
    wb = Workbook()
    wb.properties.title = t(title_key, lang)
    wb.properties.creator = t("app.name", lang)
    wb.properties.created = generated_at.astimezone(dt.UTC).replace(tzinfo=None)
    return wb


def _generated(generated_at: dt.datetime | None) -> dt.datetime:
    return (generated_at or dt.datetime.now()).astimezone()


# --- the two records ---------------------------------------------------------------------------------------
def minutes_workbook(meeting: Record, lang: str = "es", generated_at: dt.datetime | None = None) -> Workbook:
    """The minutes of `meeting` (kind, held_at, title, chaired_by, attendees, agenda, minutes, board_period,
    board_snapshot, decisions, organization, definitions): Minuta, Acuerdos and the board as shown."""
    lang, generated_at = normalize_lang(lang), _generated(generated_at)
    wb = _workbook("records.minutes_title", lang, generated_at)
    taken: set[str] = set()
    ws = first_sheet(wb)
    ws.title = sheet_title(t("records.minutes_sheet", lang), taken)
    name = str(meeting.get("title") or "")
    kind = t_or(f"records.kind_{meeting.get('kind')}", str(meeting.get("kind") or ""), lang)
    _record_titles(ws, t("records.minutes_title", lang), name, meeting.get("organization"), generated_at, lang)
    row = _facts(ws, FIRST_FACT_ROW, [
        ("records.organization", meeting.get("organization")), ("records.meeting_kind", kind),
        ("records.meeting_title", name), ("records.held_at", _moment(meeting.get("held_at"), lang)),
        ("records.chair", meeting.get("chaired_by")), ("records.attendees", _people(meeting.get("attendees"))),
        ("records.board_period", _month(meeting.get("board_period"), lang)),
    ], lang)
    row = _heading(ws, row + 1, t("records.agenda", lang))
    header_row(ws, row, [t("records.col_item", lang), t("records.col_topic", lang)])
    for item in meeting.get("agenda") or []:
        row += 1
        item = item if isinstance(item, Mapping) else {"text": item}
        kind_word = t_or(f"records.agenda_{item.get('kind')}", str(item.get("kind") or ""), lang)
        label = " · ".join(str(part) for part in (kind_word, item.get("ref")) if part)
        put(ws, row, 1, label, alignment=WRAP_TOP)
        put(ws, row, 2, str(item.get("text") or ""), alignment=WRAP_TOP)
        _grow(ws, row, (label, LABEL_WIDTH), (item.get("text"), TEXT_WIDTH))
    if not meeting.get("agenda"):
        row += 1
        put(ws, row, 1, MISSING)
    row = _heading(ws, row + 2, t("records.minutes", lang))
    _running_text(ws, row, meeting.get("minutes"))
    _finish_main(ws)
    decisions = meeting.get("decisions") or []
    _actions_sheet(wb, taken, "records.decisions_sheet", t("records.decisions_title", lang), name, decisions, lang)
    _snapshot_sheet(wb, taken, "records.board_shown_sheet", t("records.board_shown_title", lang),
                    meeting, generated_at, lang)
    return wb


def review_workbook(review: Record, lang: str = "es", generated_at: dt.datetime | None = None) -> Workbook:
    """The management review `review` (the ManagementReview fields plus organization, meeting, actions and
    definitions): the record under its ISO clauses, its actions, and the board reviewed."""
    lang, generated_at = normalize_lang(lang), _generated(generated_at)
    wb = _workbook("records.review_title", lang, generated_at)
    taken: set[str] = set()
    ws = first_sheet(wb)
    ws.title = sheet_title(t("records.review_sheet", lang), taken)
    period = t("records.period_range", lang, start=fmt_date(review.get("period_start"), lang),
               end=fmt_date(review.get("period_end"), lang))
    name = t("records.review_name", lang, period=period)
    meeting = review.get("meeting") or {}
    status = review.get("status")
    _record_titles(ws, t("records.review_title", lang), name, review.get("organization"), generated_at, lang)
    row = _facts(ws, FIRST_FACT_ROW, [
        ("records.organization", review.get("organization")), ("records.review_period", period),
        ("records.held_on", _moment(review.get("held_on"), lang)),
        ("records.review_status", t_or(f"records.status_{status}", str(status or ""), lang)),
        ("records.next_review", _moment(review.get("next_review_due"), lang)),
        ("records.meeting", meeting.get("title")), ("records.held_at", _moment(meeting.get("held_at"), lang)),
        ("records.chair", meeting.get("chaired_by")),
        ("records.attendees", _people(meeting.get("attendees"))),
        ("records.board_period", _month(review.get("board_period"), lang)),
    ], lang)
    for heading_key, clauses in (("records.inputs", REVIEW_INPUTS), ("records.outputs", REVIEW_OUTPUTS)):
        row = _heading(ws, row + 1, t(heading_key, lang))
        header_row(ws, row, [t("records.col_clause", lang), t("records.col_content", lang)])
        row = _clause_rows(ws, row + 1, review, clauses, lang)
    _finish_main(ws)
    _actions_sheet(wb, taken, "records.actions_sheet", t("records.actions_title", lang), name,
                   review.get("actions") or [], lang)
    _snapshot_sheet(wb, taken, "records.board_reviewed_sheet", t("records.board_reviewed_title", lang), review,
                    generated_at, lang)
    return wb
