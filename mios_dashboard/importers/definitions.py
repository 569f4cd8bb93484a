"""The definitions sheet (Indicadores/Indicators): one row per indicator to create or update.

A blank cell leaves the indicator's current value alone; references (perspective, objective, process) stay
text here and are resolved by `validate` against the database.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from mios_dashboard.importers.periods import parse_period, parse_window
from mios_dashboard.importers.problems import ImportProblem
from mios_dashboard.importers.reader import Cell, Sheet
from mios_dashboard.importers.text import ValueProblem, parse_text
from mios_dashboard.importers.values import (
    parse_aggregation,
    parse_bool,
    parse_decimals,
    parse_direction,
    parse_fraction,
    parse_frequency,
)

if TYPE_CHECKING:
    from mios_dashboard.importers.layouts import Header, Numbers

T = TypeVar("T")

# Model column lengths: longer text would be cut or refused by the database, so it is an error here.
TEXT_LIMITS = {"code": 20, "name": 200, "unit": 30, "owner": 120, "group": 60, "data_source": 200}
TEXT_FIELDS = ("name", "unit", "owner", "group", "data_source", "description")
NUMBER_FIELDS = ("target", "target_min", "target_max", "baseline", "weight")
FRACTION_FIELDS = ("green_threshold", "yellow_threshold")
VOCABULARY_FIELDS: dict[str, Callable[[object], object]] = {
    "direction": parse_direction, "frequency": parse_frequency, "aggregation": parse_aggregation,
    "decimals": parse_decimals, "active": parse_bool,
}
# Numbers compared with the measurements: in a percent-formatted cell, percent points for a % indicator.
PERCENT_POINT_FIELDS = ("target", "target_min", "target_max", "baseline")
WINDOW_FIELDS = ("xmr_baseline_start", "xmr_baseline_end")
REFERENCE_FIELDS = ("perspective", "objective", "process")


@dataclass
class DefinitionRow:
    """One Indicadores row: the code, the fields the file fills (model names) and references still as text."""

    code: str
    code_cell: Cell
    values: dict[str, object] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)
    cells: dict[str, Cell] = field(default_factory=dict)
    broken: bool = False  # a cell of the row could not be read (already reported)
    percent: set[str] = field(default_factory=set)  # number fields read from percent-formatted cells


def parse_definitions(
    sheet: Sheet, header: Header, numbers: Numbers, day_first: bool = True
) -> tuple[list[DefinitionRow], list[ImportProblem]]:
    """Rows of a definitions sheet under `header` (a layouts.Header); numbers read through `numbers`."""
    problems: list[ImportProblem] = []
    rows: list[DefinitionRow] = []
    for code_cell, by_field in coded_rows(sheet, header, problems):
        row = DefinitionRow(code=parse_text(code_cell.value), code_cell=code_cell, cells=by_field)
        reported = len(problems)
        check_length(code_cell, "code", row.code, TEXT_LIMITS, problems)
        for key, cell in by_field.items():
            if key == "code" or cell.is_blank:
                continue
            if key in TEXT_FIELDS:
                text = parse_text(cell.value)
                if check_length(cell, key, text, TEXT_LIMITS, problems):
                    row.values[key] = text
            elif key in NUMBER_FIELDS:
                number = numbers.read(cell.value, sheet, cell.row, cell.col, problems,
                                      partial(row.values.__setitem__, key))
                if number is not None:
                    row.values[key] = number
                if key in PERCENT_POINT_FIELDS and (cell.row, cell.col) in sheet.percent:
                    row.percent.add(key)
            elif key in WINDOW_FIELDS:
                if (period := _read(cell, partial(parse_period, day_first=day_first), problems)) is not None:
                    row.values[key] = period.start
            elif key == "xmr_window":
                if (window := _read(cell, partial(parse_window, day_first=day_first), problems)) is not None:
                    row.values["xmr_baseline_start"], row.values["xmr_baseline_end"] = window[0].start, window[1].start
            elif key in FRACTION_FIELDS:
                if (number := _read(cell, parse_fraction, problems)) is not None:
                    row.values[key] = number
            elif key in VOCABULARY_FIELDS:
                if (word := _read(cell, VOCABULARY_FIELDS[key], problems)) is not None:
                    row.values[key] = word
            elif key in REFERENCE_FIELDS:
                row.references[key] = parse_text(cell.value)
        row.broken = len(problems) > reported
        rows.append(row)
    return rows, problems


def _read(cell: Cell, reader: Callable[[object], T], problems: list[ImportProblem]) -> T | None:
    """Apply a value reader; a failure becomes a problem at the cell and None."""
    try:
        return reader(cell.value)
    except ValueProblem as exc:
        problems.append(cell.problem(exc.code, **exc.params))
        return None


def coded_rows(sheet: Sheet, header: Header, problems: list[ImportProblem]) -> Iterator[tuple[Cell, dict[str, Cell]]]:
    """Each row under `header` that names its code: (the code's cell, the row's cells by field). Blank rows
    (section titles, spacing) are skipped; a row with values but no code is reported and skipped."""
    for index in range(header.row + 1, sheet.height):
        by_field = {key: sheet.cell(index, col) for key, col in header.columns.items()}
        if all(c.is_blank for c in by_field.values()):
            continue
        code_cell = by_field["code"]
        if code_cell.is_blank:
            problems.append(code_cell.problem("missing_cell", field="code"))
            continue
        yield code_cell, by_field


def check_length(cell: Cell, key: str, text: str, limits: dict[str, int], problems: list[ImportProblem]) -> bool:
    """False (and the problem reported) when `text` is longer than its model column takes."""
    limit = limits.get(key)
    if limit is not None and len(text) > limit:
        problems.append(cell.problem("too_long", field=key, limit=limit, length=len(text)))
        return False
    return True
