"""The template to fill in and import back: Procesos, Objetivos, Indicadores, Mediciones, Instrucciones and a
hidden Listas sheet — the whole management system from one workbook, in the order the importer applies it.

Built so that importing it untouched changes nothing: Mediciones lists every active indicator with an empty
value (empty values are skipped by the importer, not read as zero), and Procesos, Objetivos and Indicadores
hold the current rows in the importer's own words (exporters/template_setup.py for the first two). Drop-down
lists (data validation) point at the hidden Listas sheet, because an inline list is limited to 255 characters
and a company has more codes than that; process and objective codes point at the Procesos and Objetivos
sheets themselves, so a row added in the file is offered at once.
Headers come from the catalogues (`export.col_*`); a unit test checks the importer recognises every one.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from mios_dashboard.exporters.cells import (
    BOLD,
    FRACTION_FORMAT,
    TITLE_FONT,
    WRAP_TOP,
    first_sheet,
    fit_columns,
    header_row,
    put,
    unit_format,
)
from mios_dashboard.exporters.template_setup import (
    PROCESS_TYPES,
    code_range,
    list_validation,
    objectives_sheet,
    processes_sheet,
)
from mios_dashboard.i18n import normalize_lang, t

EXTRA_ROWS = 1000  # empty rows below the listed indicators that still get the drop-down lists
MEASUREMENT_COLUMNS = ("code", "indicator", "unit", "frequency", "period", "value", "comment")
DEFINITION_COLUMNS = (
    "code", "name", "unit", "direction", "frequency", "aggregation", "target", "target_min", "target_max",
    "green_threshold", "yellow_threshold", "perspective", "objective", "process", "owner", "group", "decimals",
    "xmr_baseline_start", "xmr_baseline_end", "active",
)
NUMBER_FIELDS = ("target", "target_min", "target_max")
FRACTION_FIELDS = ("green_threshold", "yellow_threshold")
VOCABULARIES = {
    "direction": ("higher", "lower", "range"),
    "frequency": ("daily", "weekly", "monthly", "quarterly", "yearly"),
    "aggregation": ("sum", "mean", "last", "min", "max"),
}
# Listas columns, in order: what each drop-down offers (process and objective codes: their own sheets).
LIST_COLUMNS = ("code", "direction", "frequency", "aggregation", "perspective", "type", "active")
HELP_KEYS = (
    "export.help_setup", "export.help_processes", "export.help_objectives", "export.help_references",
    "export.help_measurements", "export.help_period", "export.help_value", "export.help_more_periods",
    "export.help_definitions", "export.help_new_indicator", "export.help_percent", "export.help_example",
    "export.help_import",
    "export.help_errors",
)


def _column_label(field: str, lang: str) -> str:
    return t(f"export.col_{field}", lang)


def _vocabulary_word(family: str, code: object, lang: str) -> str:
    return t(f"{family}.{code}", lang) if code in VOCABULARIES[family] else ""


def _list_ranges(title: str, lists: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Per list, the absolute range on the Listas sheet a drop-down refers to (lists without values: none)."""
    ranges = {}
    for col, name in enumerate(LIST_COLUMNS, 1):
        count = len(lists.get(name) or [])
        if count:
            letter = get_column_letter(col)
            ranges[name] = f"{quote_sheetname(title)}!${letter}$2:${letter}${count + 1}"
    return ranges


def _lists_sheet(wb: Workbook, title: str, lists: Mapping[str, Sequence[str]], lang: str) -> Worksheet:
    """The hidden sheet the drop-downs read; hidden sheets are ignored by the importer."""
    ws = wb.create_sheet(title)
    ws.sheet_state = "hidden"
    for col, name in enumerate(LIST_COLUMNS, 1):
        put(ws, 1, col, _column_label(name, lang), font=BOLD)
        for row, value in enumerate(lists.get(name) or [], 2):
            put(ws, row, col, value)
    return ws


def _list_validation(ws: Worksheet, source: str | None, column: int, last_row: int, lang: str,
                     prompt_key: str | None = None) -> None:  # the measurements' code column, with its hint
    """A drop-down on rows 2..last_row of `column`; an unknown entry is refused with a message."""
    if source is None:
        return
    dv = DataValidation(type="list", formula1=source, allow_blank=True, showDropDown=False,
                        showErrorMessage=True, errorStyle="stop",
                        errorTitle=t("export.dv_error_title", lang), error=t("export.dv_list_error", lang))
    if prompt_key:
        dv.showInputMessage = True
        dv.promptTitle = _column_label(prompt_key, lang)
        dv.prompt = t(f"export.dv_prompt_{prompt_key}", lang)
    letter = get_column_letter(column)
    dv.add(f"{letter}2:{letter}{last_row}")
    ws.add_data_validation(dv)


def _measurements_sheet(wb: Workbook, indicators: Sequence[Mapping[str, Any]], ranges: dict[str, str],
                        lang: str) -> Worksheet:
    ws = wb.create_sheet(t("export.measurements_sheet", lang))
    header_row(ws, 1, [_column_label(c, lang) for c in MEASUREMENT_COLUMNS])
    for row, ind in enumerate(indicators, 2):
        put(ws, row, 1, ind.get("code") or "")
        put(ws, row, 2, ind.get("name") or "")
        put(ws, row, 3, ind.get("unit") or "")
        put(ws, row, 4, _vocabulary_word("frequency", ind.get("frequency"), lang))
    last = len(indicators) + 1 + EXTRA_ROWS
    col = {name: i for i, name in enumerate(MEASUREMENT_COLUMNS, 1)}
    _list_validation(ws, ranges.get("code"), col["code"], last, lang, prompt_key="code")
    for row in range(2, last + 1):  # typed periods stay as written ("2025-12"), not turned into dates
        ws.cell(row=row, column=col["period"]).number_format = "@"
    # Any value (text or an Excel date): only the hint, the importer reads every period form there is.
    period = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=_column_label("period", lang),
                            prompt=t("export.dv_prompt_period", lang))
    period.add(f"{get_column_letter(col['period'])}2:{get_column_letter(col['period'])}{last}")
    value = DataValidation(type="decimal", operator="between", formula1="-1E+300", formula2="1E+300",
                           allow_blank=True, showInputMessage=True, showErrorMessage=True, errorStyle="warning",
                           promptTitle=_column_label("value", lang), prompt=t("export.dv_prompt_value", lang),
                           errorTitle=t("export.dv_error_title", lang), error=t("export.dv_value_error", lang))
    value.add(f"{get_column_letter(col['value'])}2:{get_column_letter(col['value'])}{last}")
    ws.add_data_validation(period)
    ws.add_data_validation(value)
    ws.freeze_panes = "C2"
    fit_columns(ws, maximum=50, fixed={col["period"]: 14, col["value"]: 16, col["comment"]: 40})
    return ws


def _definition_value(ind: Mapping[str, Any], field: str, lang: str) -> tuple[object, str | None]:
    if field == "active":
        return t("export.yes" if ind.get("active", True) else "export.no", lang), None
    if field in ("xmr_baseline_start", "xmr_baseline_end"):  # a period as the importer reads it: 2025-01
        day = ind.get(field)
        return (day.isoformat()[:7] if ind.get("frequency") in (None, "monthly") else day.isoformat()) \
            if day else "", "@"
    if field == "decimals":
        return ind.get(field), None
    if field in VOCABULARIES:
        return _vocabulary_word(field, ind.get(field), lang), None
    if field in NUMBER_FIELDS:
        return ind.get(field), unit_format(None, ind.get("decimals"))
    if field in FRACTION_FIELDS:
        return ind.get(field), FRACTION_FORMAT
    return ind.get(field) or "", None


def _definitions_sheet(wb: Workbook, indicators: Sequence[Mapping[str, Any]], ranges: dict[str, str],
                       lang: str) -> Worksheet:
    ws = wb.create_sheet(t("export.definitions_sheet", lang))
    header_row(ws, 1, [_column_label(c, lang) for c in DEFINITION_COLUMNS])
    for row, ind in enumerate(indicators, 2):
        for col, field in enumerate(DEFINITION_COLUMNS, 1):
            value, number_format = _definition_value(ind, field, lang)
            put(ws, row, col, value, number_format=number_format)
    last = len(indicators) + 1 + EXTRA_ROWS
    for field in ("direction", "frequency", "aggregation", "perspective", "objective", "process", "active"):
        list_validation(ws, ranges.get(field), DEFINITION_COLUMNS.index(field) + 1, last, lang)
    ws.freeze_panes = "C2"
    fit_columns(ws, maximum=45)
    return ws


def _instructions_sheet(wb: Workbook, lang: str) -> Worksheet:
    """Plain sentences in column A only: nothing here looks like a table the importer could read."""
    ws = wb.create_sheet(t("export.instructions_sheet", lang))
    put(ws, 1, 1, t("export.help_title", lang), font=TITLE_FONT)
    for row, key in enumerate(HELP_KEYS, 3):
        put(ws, row, 1, t(key, lang), alignment=WRAP_TOP)
    ws.column_dimensions["A"].width = 110
    return ws


def template_workbook(indicators: Iterable[Mapping[str, Any]], lists: Mapping[str, Sequence[str]] | None = None,
                      lang: str = "es", *, processes: Sequence[Mapping[str, Any]] = (),
                      objectives: Sequence[Mapping[str, Any]] = ()) -> Workbook:
    """The template for `indicators` (dicts with the Indicator fields; perspective by name, objective and
    process by code), `processes` and `objectives` (dicts with their model fields; an objective's perspective
    by name, process and parent by code) and `lists` of perspective names."""
    lang = normalize_lang(lang)
    rows = sorted(indicators, key=lambda ind: str(ind.get("code") or ""))
    lists = {key: value for key, value in (lists or {}).items() if key in LIST_COLUMNS}
    lists["code"] = [str(ind["code"]) for ind in rows if ind.get("code")]
    for family, codes in VOCABULARIES.items():
        lists[family] = [t(f"{family}.{code}", lang) for code in codes]
    lists["type"] = [t(f"export.process_type.{code}", lang) for code in PROCESS_TYPES]
    lists["active"] = [t("export.yes", lang), t("export.no", lang)]
    title = t("export.lists_sheet", lang)
    ranges = _list_ranges(title, lists)
    ranges["process"] = code_range(t("export.processes_sheet", lang), len(processes))
    ranges["objective"] = code_range(t("export.objectives_sheet", lang), len(objectives))
    wb = Workbook()
    wb.remove(first_sheet(wb))
    processes_sheet(wb, sorted(processes, key=lambda p: str(p.get("code") or "")), ranges, lang)
    objectives_sheet(wb, sorted(objectives, key=lambda o: str(o.get("code") or "")), ranges, lang)
    _definitions_sheet(wb, rows, ranges, lang)
    _measurements_sheet(wb, rows, ranges, lang)
    _instructions_sheet(wb, lang)
    _lists_sheet(wb, title, lists, lang)
    wb.active = wb.sheetnames.index(t("export.measurements_sheet", lang))
    wb.properties.title = t("export.template_title", lang)
    wb.properties.creator = t("app.name", lang)
    return wb
