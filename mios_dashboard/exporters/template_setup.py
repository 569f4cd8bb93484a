"""The template's setup sheets: Procesos and Objetivos, holding the current rows in the importer's own words.

Their code columns are what the Proceso, Objetivo and Objetivo padre drop-downs of the other sheets offer, by
range reference to the sheet itself (empty rows below included), so a process added in the file is offered at
once, before anything is imported. Importing them untouched changes nothing (tested).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from mios_dashboard.exporters.cells import DATE_FORMAT, fit_columns, header_row, put
from mios_dashboard.i18n import t

PROCESS_COLUMNS = ("code", "name", "type", "owner", "purpose")
OBJECTIVE_COLUMNS = ("code", "title", "perspective", "process", "plan_what", "plan_resources", "plan_owner",
                     "plan_due", "plan_evaluation", "weight", "parent")
PROCESS_TYPES = ("strategic", "operational", "support")
EXTRA_ROWS = 200  # empty rows a company fills with its own processes and objectives


def column_label(field: str, lang: str) -> str:
    return t(f"export.col_{field}", lang)


def code_range(title: str, rows: int) -> str:
    """Column A of a setup sheet below its header, empty rows included: what a drop-down of its codes reads."""
    return f"{quote_sheetname(title)}!$A$2:$A${rows + 1 + EXTRA_ROWS}"


def list_validation(ws: Worksheet, source: str | None, column: int, last_row: int, lang: str) -> None:
    """A drop-down on rows 2..last_row of `column`; an entry not in the list is refused with a message."""
    if source is None:
        return
    dv = DataValidation(type="list", formula1=source, allow_blank=True, showDropDown=False,
                        showErrorMessage=True, errorStyle="stop",
                        errorTitle=t("export.dv_error_title", lang), error=t("export.dv_list_error", lang))
    letter = get_column_letter(column)
    dv.add(f"{letter}2:{letter}{last_row}")
    ws.add_data_validation(dv)


def _value(row: Mapping[str, Any], field: str, lang: str) -> tuple[object, str | None]:
    value = row.get(field)
    if field == "type":
        return (t(f"export.process_type.{value}", lang) if value in PROCESS_TYPES else ""), None
    if field == "plan_due":
        return (value if isinstance(value, dt.date) else None), DATE_FORMAT
    return (value if value is not None else ""), None


def _sheet(wb: Workbook, title: str, columns: Sequence[str], rows: Sequence[Mapping[str, Any]], lang: str) -> Worksheet:
    ws = wb.create_sheet(title)
    header_row(ws, 1, [column_label(c, lang) for c in columns])
    for r, item in enumerate(rows, 2):
        for c, field in enumerate(columns, 1):
            value, number_format = _value(item, field, lang)
            put(ws, r, c, value, number_format=number_format)
    ws.freeze_panes = "C2"
    fit_columns(ws, maximum=45)
    return ws


def processes_sheet(wb: Workbook, processes: Sequence[Mapping[str, Any]], ranges: Mapping[str, str],
                    lang: str) -> Worksheet:
    """Código | Nombre | Tipo | Responsable | Propósito, one row per process."""
    ws = _sheet(wb, t("export.processes_sheet", lang), PROCESS_COLUMNS, processes, lang)
    last = len(processes) + 1 + EXTRA_ROWS
    list_validation(ws, ranges.get("type"), PROCESS_COLUMNS.index("type") + 1, last, lang)
    return ws


def objectives_sheet(wb: Workbook, objectives: Sequence[Mapping[str, Any]], ranges: Mapping[str, str],
                     lang: str) -> Worksheet:
    """The objectives and their 6.2.2 plans; perspective by name, process and parent by code."""
    ws = _sheet(wb, t("export.objectives_sheet", lang), OBJECTIVE_COLUMNS, objectives, lang)
    last = len(objectives) + 1 + EXTRA_ROWS
    for field, source in (("perspective", "perspective"), ("process", "process"), ("parent", "objective")):
        list_validation(ws, ranges.get(source), OBJECTIVE_COLUMNS.index(field) + 1, last, lang)
    return ws
