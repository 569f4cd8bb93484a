"""The setup sheets: Procesos/Processes (4.4) and Objetivos/Objectives (6.2 and the 6.2.2 plan), one row each.

A company sets up its whole management system from one workbook: these sheets are read before the
definitions, so an indicator may point at a process or objective the same file creates. As in the definitions
sheet, a blank cell leaves the current value alone and references stay text until `validate_setup` resolves
them (against the database and against the other rows of the file).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from mios_dashboard.importers.definitions import check_length, coded_rows
from mios_dashboard.importers.headers import (
    INDICATOR_ONLY,
    OBJECTIVE_HEADERS,
    OBJECTIVE_ONLY,
    PROCESS_HEADERS,
    PROCESS_ONLY,
    SHEET_NAMES,
    alias_table,
)
from mios_dashboard.importers.periods import parse_day
from mios_dashboard.importers.problems import ImportProblem
from mios_dashboard.importers.reader import Cell, Sheet
from mios_dashboard.importers.text import ValueProblem, normalize, parse_text
from mios_dashboard.importers.values import parse_bool, parse_process_type

if TYPE_CHECKING:
    from mios_dashboard.importers.layouts import Header, Numbers

# Model column lengths (models/strategy.py): longer text is an error here, not a database refusal later.
PROCESS_LIMITS = {"code": 20, "name": 200, "owner": 120}
OBJECTIVE_LIMITS = {"code": 20, "title": 300, "plan_owner": 120}
PROCESS_TEXT = ("name", "owner", "purpose")
OBJECTIVE_TEXT = ("title", "plan_what", "plan_resources", "plan_owner", "plan_evaluation", "description")
OBJECTIVE_REFERENCES = ("perspective", "process", "parent")
PROCESS_ALIASES = alias_table(PROCESS_HEADERS)
OBJECTIVE_ALIASES = alias_table(OBJECTIVE_HEADERS)


@dataclass
class SetupRow:
    """One Procesos or Objetivos row: its code, the fields the file fills (model names), references as text."""

    kind: str  # processes, objectives
    code: str
    code_cell: Cell
    values: dict[str, object] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)
    cells: dict[str, Cell] = field(default_factory=dict)
    broken: bool = False


def columns_for(values: list, aliases: dict[str, str]) -> tuple[dict[str, int], list[tuple[int, str, int]]]:
    """{field: col} of a header row and the (col, field, first col) of fields named twice."""
    columns: dict[str, int] = {}
    duplicates = []
    for col, value in enumerate(values):
        key = aliases.get(normalize(value)) if isinstance(value, str) else None
        if key is None:
            continue
        if key in columns:
            duplicates.append((col, key, columns[key]))
        else:
            columns[key] = col
    return columns, duplicates


def setup_layout(values: list, definition_columns: dict[str, int], sheet_name: str) -> str | None:
    """"processes" or "objectives" for a header row that names one, else None (a definitions header names a
    column only indicators have; otherwise a column only processes or objectives have, or the sheet's name,
    decides)."""
    if INDICATOR_ONLY & definition_columns.keys():
        return None
    processes = columns_for(values, PROCESS_ALIASES)[0]
    objectives = columns_for(values, OBJECTIVE_ALIASES)[0]
    if "code" in processes and PROCESS_ONLY & processes.keys():
        return "processes"
    if "code" in objectives and OBJECTIVE_ONLY & objectives.keys():
        return "objectives"
    named = SHEET_NAMES.get(normalize(sheet_name))
    if named == "processes" and "code" in processes and "name" in processes:
        return "processes"
    if named == "objectives" and "code" in objectives and "title" in objectives:
        return "objectives"
    return None


def setup_columns(layout: str, values: list) -> tuple[dict[str, int], list[tuple[int, str, int]]]:
    return columns_for(values, PROCESS_ALIASES if layout == "processes" else OBJECTIVE_ALIASES)


def parse_setup(sheet: Sheet, header: Header, numbers: Numbers, day_first: bool = True
                ) -> tuple[list[SetupRow], list[ImportProblem]]:
    """Rows of a Procesos or Objetivos sheet under `header` (layout "processes" or "objectives")."""
    kind = header.layout
    limits = PROCESS_LIMITS if kind == "processes" else OBJECTIVE_LIMITS
    readers: dict[str, Callable[[object], object]] = (
        {"type": parse_process_type} if kind == "processes"
        else {"plan_due": partial(parse_day, day_first=day_first), "active": parse_bool})
    texts = PROCESS_TEXT if kind == "processes" else OBJECTIVE_TEXT
    problems: list[ImportProblem] = []
    rows: list[SetupRow] = []
    for code_cell, by_field in coded_rows(sheet, header, problems):
        row = SetupRow(kind=kind, code=parse_text(code_cell.value), code_cell=code_cell, cells=by_field)
        reported = len(problems)
        check_length(code_cell, "code", row.code, limits, problems)
        for key, cell in by_field.items():
            if key == "code" or cell.is_blank:
                continue
            if key in texts:
                text = parse_text(cell.value)
                if check_length(cell, key, text, limits, problems):
                    row.values[key] = text
            elif key in readers:
                try:
                    row.values[key] = readers[key](cell.value)
                except ValueProblem as exc:
                    problems.append(cell.problem(exc.code, **exc.params))
            elif key == "weight":
                number = numbers.read(cell.value, sheet, cell.row, cell.col, problems,
                                      partial(row.values.__setitem__, key))
                if number is not None:
                    row.values[key] = number
            elif key in OBJECTIVE_REFERENCES:
                row.references[key] = parse_text(cell.value)
        row.broken = len(problems) > reported
        rows.append(row)
    return rows, problems
