"""The board as a workbook: a summary sheet, then one sheet per perspective, ready to print or to filter.

Input is the plain dict of `services.board.compute.build_board` (no database here). Each perspective sheet has the
title and period on top, a frozen dark header, an auto-filter, one row per indicator with real numbers in
the indicator's unit format (so Excel can sort and sum them), and the traffic light as a coloured status
word. Words come from the UI catalogues, so the workbook says what the board says.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from mios_dashboard.exporters.cells import (
    BOLD,
    DATE_FORMAT,
    PERCENT_FORMAT,
    SUBTITLE_FONT,
    TITLE_FONT,
    WRAP_TOP,
    first_sheet,
    fit_columns,
    header_row,
    landscape,
    put,
    sheet_title,
    soft_fill,
    status_cell,
    unit_format,
)
from mios_dashboard.i18n import fmt_datetime, fmt_month, normalize_lang, parse_iso_date, perspective_name, t

STATUS_ORDER = ("green", "yellow", "red", "no_data", "stale")
TREND_ARROWS = {"improving": "↗", "stable": "→", "worsening": "↘"}
TITLE_ROWS = 3  # title, period line, score line; the header row comes right after
INDICATOR_COLUMNS = (
    "field.objective", "export.objective_title", "field.code", "field.indicator", "field.unit", "field.direction",
    "field.frequency", "export.period", "field.actual", "field.target", "export.target_min", "export.target_max",
    "field.achievement", "field.status", "field.trend", "export.ytd_actual", "export.ytd_target",
    "export.ytd_achievement", "field.owner", "export.last_period",
)
FROZEN_COLUMN = "E"  # objective, its title, code and indicator name stay in sight when scrolling right


def perspective_label(perspective: Mapping[str, Any], lang: str) -> str:
    """The perspective's name in `lang` for the four standard codes, else the name stored."""
    return perspective_name(perspective.get("code"), perspective.get("name"), lang)


def period_label(period: object, frequency: str | None, lang: str) -> str:
    """The reporting period as people write it: "2025-12", "2025-T4" (en: "2025-Q4"), "2025"."""
    day = parse_iso_date(period)
    if day is None:
        return ""
    if frequency == "quarterly":
        return t("export.quarter", lang, year=day.year, quarter=(day.month - 1) // 3 + 1)
    if frequency == "yearly":
        return str(day.year)
    return f"{day.year}-{day.month:02d}"


def _trend(trend: object, lang: str) -> str:
    if not isinstance(trend, str) or trend not in TREND_ARROWS:
        return ""
    return f"{TREND_ARROWS[trend]} {t(f'trend.{trend}', lang)}"


def status_word(status: object, lang: str) -> str:
    key = status if isinstance(status, str) and status in STATUS_ORDER else "no_data"
    return t(f"status.{key}", lang)


def title_block(ws: Worksheet, title: str, board: Mapping[str, Any], generated_at: dt.datetime, lang: str,
                score: float | None, status: str | None, score_key: str) -> None:
    """Rows 1–3: what this is, for which period and when it was generated, and the score with its light."""
    period = fmt_month(board.get("period"), lang, long=True) if board.get("period") else t("board.no_period", lang)
    put(ws, 1, 1, title, font=TITLE_FONT)
    put(ws, 2, 1, t("export.period_line", lang, period=period, generated=fmt_datetime(generated_at, lang)),
        font=SUBTITLE_FONT)
    put(ws, 3, 1, t(score_key, lang), font=BOLD)
    put(ws, 3, 2, score, number_format=PERCENT_FORMAT, font=BOLD)
    status_cell(ws, 3, 3, status, status_word(status, lang))


def _indicator_row(ws: Worksheet, row: int, ind: Mapping[str, Any], objective: Mapping[str, Any] | None,
                   lang: str) -> None:
    status = ind.get("status")
    number = unit_format(ind.get("unit"), ind.get("decimals"))
    direction, frequency = ind.get("direction"), ind.get("frequency")
    values: list[tuple[object, str | None]] = [
        (objective.get("code") if objective else "", None),
        (objective.get("title") if objective else t("board.other_indicators", lang), None),
        (ind.get("code") or "", None),
        (ind.get("name") or "", None),
        (ind.get("unit") or "", None),
        (t(f"direction.{direction}", lang) if direction in ("higher", "lower", "range") else "", None),
        (t(f"frequency.{frequency}", lang) if frequency else "", None),
        (period_label(ind.get("period"), frequency, lang), None),
        (ind.get("actual"), number),
        (ind.get("target"), number),
        (ind.get("target_min"), number),
        (ind.get("target_max"), number),
        (ind.get("achievement"), PERCENT_FORMAT),
    ]
    for col, (value, fmt) in enumerate(values, 1):
        put(ws, row, col, value, number_format=fmt)
    ws.cell(row=row, column=13).fill = soft_fill(status)
    status_cell(ws, row, 14, status, status_word(status, lang))
    put(ws, row, 15, _trend(ind.get("trend"), lang))
    put(ws, row, 16, ind.get("ytd_actual"), number_format=number)
    put(ws, row, 17, ind.get("ytd_target"), number_format=number)
    put(ws, row, 18, ind.get("ytd_achievement"), number_format=PERCENT_FORMAT)
    put(ws, row, 19, ind.get("owner") or "")
    put(ws, row, 20, parse_iso_date(ind.get("last_period")), number_format=DATE_FORMAT)


def _perspective_sheet(wb: Workbook, perspective: Mapping[str, Any], indicators: Mapping[str, Mapping],
                       board: Mapping[str, Any], generated_at: dt.datetime, lang: str, taken: set[str]) -> Worksheet:
    name = perspective_label(perspective, lang)
    ws = wb.create_sheet(sheet_title(name, taken))
    title_block(ws, f"{t('board.title', lang)} · {name}", board, generated_at, lang, perspective.get("score"),
                perspective.get("status"), "export.perspective_score")
    head = TITLE_ROWS + 1
    header_row(ws, head, [t(key, lang) for key in INDICATOR_COLUMNS])
    row = head
    groups = [(o, o.get("indicators") or []) for o in perspective.get("objectives") or []]
    groups.append((None, perspective.get("loose_indicators") or []))
    for objective, codes in groups:
        for code in codes:
            if code in indicators:
                row += 1
                _indicator_row(ws, row, indicators[code], objective, lang)
    ws.freeze_panes = f"{FROZEN_COLUMN}{head + 1}"
    ws.auto_filter.ref = f"A{head}:{ws.cell(row=head, column=len(INDICATOR_COLUMNS)).column_letter}{max(row, head)}"
    fit_columns(ws, first_row=head, maximum=48, fixed={14: 16})
    ws.row_dimensions[head].height = 32
    landscape(ws, f"{head}:{head}")
    return ws


def _summary_sheet(wb: Workbook, board: Mapping[str, Any], generated_at: dt.datetime, lang: str,
                   taken: set[str]) -> Worksheet:
    """Overall score, a line per perspective, indicators by status and a filterable table of objectives.
    The three tables share columns A–D (name, count or code, achievement, light) so widths suit all."""
    ws = first_sheet(wb)
    ws.title = sheet_title(t("export.summary_sheet", lang), taken)
    title_block(ws, t("board.title", lang), board, generated_at, lang, board.get("score"), board.get("status"),
                "board.score")
    row = TITLE_ROWS + 2
    header_row(ws, row, [t("field.perspective", lang), t("export.objectives", lang), t("field.achievement", lang),
                         t("field.status", lang), t("export.indicators", lang)])
    for perspective in board.get("perspectives") or []:
        row += 1
        objectives = perspective.get("objectives") or []
        count = sum(len(o.get("indicators") or []) for o in objectives) + len(perspective.get("loose_indicators") or [])
        put(ws, row, 1, perspective_label(perspective, lang), font=BOLD)
        put(ws, row, 2, len(objectives))
        put(ws, row, 3, perspective.get("score"), number_format=PERCENT_FORMAT)
        status_cell(ws, row, 4, perspective.get("status"), status_word(perspective.get("status"), lang))
        put(ws, row, 5, count)
    row += 2
    header_row(ws, row, [t("field.status", lang), t("export.indicators", lang)])
    counts = board.get("counts") or {}
    for status in STATUS_ORDER:
        row += 1
        status_cell(ws, row, 1, status, status_word(status, lang))
        put(ws, row, 2, int(counts.get(status) or 0))
    row += 2
    head = row
    header_row(ws, head, [t("field.perspective", lang), t("field.objective", lang), t("field.achievement", lang),
                          t("field.status", lang), t("export.objective_title", lang), t("field.owner", lang),
                          t("field.due", lang), t("export.indicators", lang)])
    for perspective in board.get("perspectives") or []:
        for objective in perspective.get("objectives") or []:
            row += 1
            put(ws, row, 1, perspective_label(perspective, lang))
            put(ws, row, 2, objective.get("code") or "")
            put(ws, row, 3, objective.get("score"), number_format=PERCENT_FORMAT)
            status_cell(ws, row, 4, objective.get("status"), status_word(objective.get("status"), lang))
            put(ws, row, 5, objective.get("title") or "", alignment=WRAP_TOP)
            put(ws, row, 6, objective.get("owner") or "", alignment=WRAP_TOP)
            put(ws, row, 7, parse_iso_date(objective.get("due")), number_format=DATE_FORMAT)
            put(ws, row, 8, ", ".join(objective.get("indicators") or []))
    ws.freeze_panes = f"A{TITLE_ROWS + 1}"
    ws.auto_filter.ref = f"A{head}:H{max(row, head)}"
    fit_columns(ws, first_row=TITLE_ROWS + 1, maximum=60, fixed={4: 16, 5: 60, 6: 40})
    landscape(ws)
    return ws


def board_workbook(board: Mapping[str, Any], lang: str = "es", generated_at: dt.datetime | None = None) -> Workbook:
    """The workbook for `board` (the dict of build_board) in `lang`; `generated_at` defaults to now."""
    lang = normalize_lang(lang)
    generated_at = generated_at or dt.datetime.now().astimezone()
    indicators = {i["code"]: i for i in board.get("indicators") or [] if i.get("code")}
    wb = Workbook()
    taken: set[str] = set()
    _summary_sheet(wb, board, generated_at, lang, taken)
    for perspective in board.get("perspectives") or []:
        _perspective_sheet(wb, perspective, indicators, board, generated_at, lang, taken)
    wb.properties.title = t("board.title", lang)
    wb.properties.creator = t("app.name", lang)
    return wb
