"""Which layout each sheet holds, and the rows all sheets of a file add up to (no database, no references).

Layouts (docs/import-formats.md#layouts), recognised by content, not by sheet name, from the first row that names them:
- processes / objectives: a code column and one only a Procesos (Tipo, Propósito) or Objetivos sheet (the
  6.2.2 plan columns, Objetivo padre) has — or, in a sheet so named, code and name (`setup_sheets.setup_layout`);
- definitions: a header with a code column and definition fields (Nombre, Unidad, Sentido, Meta…);
- long measurements: a header with an indicator (code or name), a period and a value column;
- wide measurements: the first row where two or more cells read as periods (titles and merged cells above),
  or where a code-or-name column header stands beside one or more periods (a monthly update, `Código | oct-26`).
A file whose measurement sheets yield no value and that defines nothing is refused, naming each such sheet
(never a silent "accepted" that writes nothing; a template's blank measurement sheet beside definitions is fine).
A visible sheet in none of these shapes (instructions, notes, charts' data) is skipped and said so; a file
where no sheet has a layout is refused. Sheets are parsed in the order they are applied (APPLY_ORDER: Procesos,
Objetivos, Indicadores, then measurements), so one file can set a management system up and measure it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mios_dashboard.importers.headers import DEFINITION_HEADERS, MEASUREMENT_HEADERS, REPEATABLE, alias_table
from mios_dashboard.importers.periods import MonthOnly, ParsedPeriod, read_period
from mios_dashboard.importers.problems import ImportProblem
from mios_dashboard.importers.reader import Sheet, Workbook
from mios_dashboard.importers.setup_sheets import parse_setup, setup_columns, setup_layout
from mios_dashboard.importers.text import ValueProblem, is_blank, normalize
from mios_dashboard.importers.values import AmbiguousNumber, decimal_evidence, parse_number

if TYPE_CHECKING:
    from mios_dashboard.importers.csv_reader import CsvWorkbook
    from mios_dashboard.importers.definitions import DefinitionRow
    from mios_dashboard.importers.measurement_layouts import MeasurementRow
    from mios_dashboard.importers.setup_sheets import SetupRow

HEADER_SEARCH_ROWS = 30  # the header may sit under a few title rows
# Sheets are read (and their problems listed) in the order they are applied; measurement layouts last.
APPLY_ORDER = {"processes": 0, "objectives": 1, "definitions": 2}


@dataclass
class ParsedWorkbook:
    sheets: list[str] = field(default_factory=list)  # sheets read, in the order they were parsed
    processes: list[SetupRow] = field(default_factory=list)
    objectives: list[SetupRow] = field(default_factory=list)
    definitions: list[DefinitionRow] = field(default_factory=list)
    measurements: list[MeasurementRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    notices: list[ImportProblem] = field(default_factory=list)
    layouts: dict[str, str] = field(default_factory=dict)  # sheet → definitions / long / wide


class Numbers:
    """Reads numbers for a whole file, so "1.500" can be settled by the decimal mark the rest of it uses.

    An ambiguous number is parked with a setter; `settle` applies the file's mark when the evidence is
    unanimous, else reports each one at its cell (the user writes 1500 or 1,5 and imports again).
    """

    def __init__(self, decimal: str | None):
        self.decimal = decimal
        self.evidence: Counter[str] = Counter()
        self.pending: list[tuple[AmbiguousNumber, Sheet, int, int, Callable[[float], None]]] = []

    def read(self, value: object, sheet: Sheet, row: int, col: int, problems: list[ImportProblem],
             setter: Callable[[float], None]) -> float | None:
        try:
            number = parse_number(value, self.decimal)
        except AmbiguousNumber as ambiguous:
            self.pending.append((ambiguous, sheet, row, col, setter))
            return None
        except ValueProblem as exc:
            problems.append(sheet.problem(row, col, exc.code, **exc.params))
            return None
        if self.decimal is None and type(value) is str and (mark := decimal_evidence(value)):
            self.evidence[mark] += 1
        return number

    def settle(self, problems: list[ImportProblem]) -> None:
        mark = next(iter(self.evidence)) if len(self.evidence) == 1 else None
        for ambiguous, sheet, row, col, setter in self.pending:
            if mark is not None:
                setter(ambiguous.resolve(mark))
            else:
                problems.append(sheet.problem(row, col, ambiguous.code, **ambiguous.params))
        self.pending.clear()


@dataclass
class Header:
    """Where a sheet's header is and what it says: layout, row, {field: col} or {col: period}."""

    layout: str
    row: int
    columns: dict[str, int] = field(default_factory=dict)
    periods: dict[int, ParsedPeriod | MonthOnly] = field(default_factory=dict)
    duplicates: list[tuple[int, str, int]] = field(default_factory=list)  # (col, field, first col)


_MEASUREMENT_ALIASES = alias_table(MEASUREMENT_HEADERS)
_DEFINITION_ALIASES = alias_table(DEFINITION_HEADERS)


def _columns(values: list, aliases: dict[str, str]) -> tuple[dict[str, int], list[tuple[int, str, int]]]:
    columns: dict[str, int] = {}
    duplicates = []
    for col, value in enumerate(values):
        if not isinstance(value, str):
            continue
        key = aliases.get(normalize(value))
        if key is None:
            continue
        if key in columns:
            if key not in REPEATABLE:
                duplicates.append((col, key, columns[key]))
        else:
            columns[key] = col
    return columns, duplicates


def _header_periods(values: list, day_first: bool) -> dict[int, ParsedPeriod | MonthOnly]:
    found = {}
    for col, value in enumerate(values):
        if value is None or value == "" or isinstance(value, bool):
            continue
        if isinstance(value, (int, float)) and not _plausible_numeric_header(value):
            continue
        try:
            found[col] = read_period(value, day_first)
        except ValueProblem:
            continue
    return found


def _plausible_numeric_header(value: float) -> bool:
    """A number in a header is a year (2025) or an Excel date serial of 1990–2100, not any figure."""
    return (float(value).is_integer() and 1990 <= value <= 2100) or 32874 <= value <= 73051


def _months_below(sheet: Sheet, index: int, day_first: bool) -> Header | None:
    for below in range(index + 1, min(index + 3, sheet.height)):
        values = sheet.rows[below]
        periods = _header_periods(values, day_first)
        if sum(isinstance(p, MonthOnly) for p in periods.values()) >= 2:
            return Header("wide", below, _columns(values, _MEASUREMENT_ALIASES)[0], periods=periods)
    return None


def find_header(sheet: Sheet, day_first: bool = True) -> Header | None:
    """The first row, among the first HEADER_SEARCH_ROWS, that names a layout; None when none does."""
    for index, values in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if sum(1 for v in values if not is_blank(v)) < 2:
            continue
        columns, duplicates = _columns(values, _MEASUREMENT_ALIASES)
        has_indicator = "code" in columns or "indicator" in columns
        if "value" in columns and ("period" in columns or "month" in columns) and has_indicator:
            return Header("long", index, columns, duplicates=duplicates)
        periods = _header_periods(values, day_first)
        if len(periods) >= 2:
            if all(isinstance(p, ParsedPeriod) and p.granularity == "year" for p in periods.values()):
                below = _months_below(sheet, index, day_first)  # a year band over a row of month names
                if below is not None:
                    return below
            return Header("wide", index, columns, periods=periods)
        definition_columns, definition_duplicates = _columns(values, _DEFINITION_ALIASES)
        measuring = {"period", "month", "value"} & columns.keys()
        if not measuring and (layout := setup_layout(values, definition_columns, sheet.name)) is not None:
            setup, setup_duplicates = setup_columns(layout, values)
            return Header(layout, index, setup, duplicates=setup_duplicates)
        if "code" in definition_columns and len(definition_columns) >= 2 and not measuring:
            return Header("definitions", index, definition_columns, duplicates=definition_duplicates)
        if periods and has_indicator:  # a monthly update sheet: `Código | oct-26`
            return Header("wide", index, columns, periods=periods)
    return None


def long_header_problems(sheet: Sheet) -> list[ImportProblem]:
    """For a sheet whose header names two or more long-layout columns but not all: which ones are missing.
    (One lone "Periodo" is more likely a glossary on a notes sheet: that sheet is skipped, and said so.)"""
    for index, values in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        columns, _ = _columns(values, _MEASUREMENT_ALIASES)
        if ("value" in columns or "period" in columns) and len(columns) >= 2:
            problems = []
            if "code" not in columns and "indicator" not in columns:
                problems.append(sheet.problem(index, 0, "missing_header_any"))
            problems += [sheet.problem(index, 0, "missing_header", field=key)
                         for key in ("period", "value") if key not in columns and not (key == "period" and "month" in columns)]
            return problems
        definition_columns, _ = _columns(values, _DEFINITION_ALIASES)
        if len(definition_columns) >= 2 and "code" not in definition_columns:
            return [sheet.problem(index, 0, "missing_header", field="code")]
    return []


def parse_workbook(workbook: Workbook | CsvWorkbook) -> ParsedWorkbook:
    """Every visible sheet with a layout (definitions first); problems of every sheet, in one list."""
    from mios_dashboard.importers.definitions import parse_definitions
    from mios_dashboard.importers.measurement_layouts import parse_long, parse_wide

    parsed = ParsedWorkbook(notices=list(getattr(workbook, "notices", [])))
    numbers = Numbers(getattr(workbook, "decimal", None))
    day_first = getattr(workbook, "day_first", True)
    found: list[tuple[Sheet, Header]] = []
    for name in workbook.sheet_names:
        sheet = workbook.sheet(name)
        header = find_header(sheet, day_first)
        if header is None:
            problems = long_header_problems(sheet)
            if problems:
                parsed.sheets.append(name)
                parsed.problems += problems
            elif any(not is_blank(v) for row in sheet.rows for v in row):
                parsed.notices.append(ImportProblem("sheet_skipped", sheet=name))
            continue
        for col, key, first in header.duplicates:
            parsed.problems.append(sheet.problem(header.row, col, "duplicate_header", field=key,
                                                 other=sheet.problem(header.row, first, "").cell))
        found.append((sheet, header))
    found.sort(key=lambda pair: APPLY_ORDER.get(pair[1].layout, len(APPLY_ORDER)))
    empty: list[str] = []  # measurement sheets no value was read from
    for sheet, header in found:
        parsed.sheets.append(sheet.name)
        parsed.layouts[sheet.name] = header.layout
        read_before = len(parsed.measurements)
        if header.layout in ("processes", "objectives"):
            setup_rows, problems = parse_setup(sheet, header, numbers, day_first)
            (parsed.processes if header.layout == "processes" else parsed.objectives).extend(setup_rows)
        elif header.layout == "definitions":
            rows, problems = parse_definitions(sheet, header, numbers, day_first)
            parsed.definitions += rows
        elif header.layout == "long":
            problems = parse_long(sheet, header, numbers, day_first, parsed.measurements)
        else:
            problems = parse_wide(sheet, header, numbers, day_first, parsed.measurements)
        if header.layout not in APPLY_ORDER and not problems and len(parsed.measurements) == read_before:
            empty.append(sheet.name)
        parsed.problems += problems
    defines = parsed.definitions or parsed.processes or parsed.objectives
    if empty and not parsed.measurements and not defines:  # nothing would be written
        parsed.problems += [ImportProblem("no_values_in_sheet", sheet=name) for name in empty]
    if not found and not parsed.problems:
        parsed.problems.append(ImportProblem("no_known_sheet", params={"sheets": ", ".join(workbook.sheet_names)}))
    numbers.settle(parsed.problems)
    return parsed
