"""Checking the Procesos and Objetivos rows, and the references every sheet makes to them.

A reference (an objective's process or parent, an indicator's objective or process) may name a row of the
database or a row the same file creates, by code or by name. One the database does not hold yet becomes a
`Pending` that the service turns into the new row's id once it is written (sheets are applied in the order
Procesos → Objetivos → Indicadores → Mediciones, in one transaction). A parent cycle, counted over the
objectives as they would be after the import, is an error at each parent cell on it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from mios_dashboard.i18n import t_or
from mios_dashboard.importers.lookup import Lookup
from mios_dashboard.importers.problems import ImportProblem, sheet_ref
from mios_dashboard.importers.reader import Cell
from mios_dashboard.importers.setup_sheets import SetupRow
from mios_dashboard.importers.text import display, normalize

if TYPE_CHECKING:
    from mios_dashboard.importers.validate import Reference

REQUIRED_NEW = {"processes": ("name", "type"), "objectives": ("title",)}


class Pending(NamedTuple):
    """A process or objective the file creates, referred to before it has an id."""

    kind: str  # process, objective
    code: str


@dataclass(frozen=True)
class ValidSetup:
    """A process or objective to create or update: model field values (references resolved to ids or Pending)."""

    kind: str  # processes, objectives
    code: str
    values: dict
    cell: Cell
    exists: bool


class Index:
    """The codes and names of one kind of row, from the database and then from the file: text → id or Pending."""

    def __init__(self, kind: str, refs: list[Reference]):
        self.kind = kind
        self.lookup = Lookup()
        self.ids: dict[str, int] = {}
        for ref in refs:
            self.lookup.add(ref.code, ref.name)
            self.ids[ref.code] = ref.id

    def canonical(self, code: str) -> str | None:
        """The stored code a file's code means (any case), None for a new one."""
        found = self.lookup.find_code(code)
        return found if found in self.ids else None

    def add_row(self, code: str, name: object) -> None:
        if code not in self.lookup.by_code:
            self.lookup.add(code, None)
        if isinstance(name, str) and name:
            self.lookup.by_name[normalize(name)].add(code)

    def resolve(self, text: str) -> tuple[int | Pending | None, list[str]]:
        code, candidates = self.lookup.find(text)
        if code is None:
            return None, candidates
        return (self.ids[code] if code in self.ids else Pending(self.kind, code)), []

    def code_of(self, value: int | Pending) -> str:
        if isinstance(value, Pending):
            return value.code
        return next(code for code, i in self.ids.items() if i == value)


@dataclass
class SetupIndexes:
    perspectives: Index
    processes: Index
    objectives: Index
    problems: list[ImportProblem] = field(default_factory=list)
    processes_valid: list[ValidSetup] = field(default_factory=list)
    objectives_valid: list[ValidSetup] = field(default_factory=list)


def perspective_index(refs: list[Reference]) -> Index:
    """Perspectives by code (FIN, CLI, PRO, APR) or by name, stored (Spanish) or in English."""
    index = Index("perspective", refs)
    for ref in refs:
        english = t_or(f"perspective.{ref.code}", "", "en")
        if english:
            index.lookup.by_name[normalize(english)].add(ref.code)
    return index


def _address(cell: Cell) -> str:
    return f"{sheet_ref(cell.sheet)}!{cell.name}"


def validate_setup(processes: list[SetupRow], objectives: list[SetupRow], perspectives: list[Reference],
                   stored_processes: list[Reference], stored_objectives: list[Reference],
                   parents: dict[str, str | None]) -> SetupIndexes:
    """Every problem of the two setup sheets, the valid rows, and the indexes the definitions resolve with."""
    out = SetupIndexes(perspective_index(perspectives), Index("process", stored_processes),
                       Index("objective", stored_objectives))
    process_rows = _unique_rows(processes, out.processes, out.problems, "name")
    objective_rows = _unique_rows(objectives, out.objectives, out.problems, "title")
    _check_process_names(process_rows, stored_processes, out)
    for row, code, exists in process_rows:
        problems = _required(row, code, exists)
        out.problems += problems
        if not problems and not row.broken:
            out.processes_valid.append(ValidSetup("processes", code, dict(row.values), row.code_cell, exists))
    resolved_parents: dict[str, str | None] = dict(parents)
    parent_cells: dict[str, Cell] = {}
    for row, code, exists in objective_rows:
        problems = _required(row, code, exists)
        values = dict(row.values)
        for key, index, column in (("perspective", out.perspectives, "perspective_id"),
                                   ("process", out.processes, "process_id"),
                                   ("parent", out.objectives, "parent_id")):
            text = row.references.get(key)
            if text is None:
                continue
            found, candidates = index.resolve(text)
            if found is None:
                problem = "ambiguous_reference" if candidates else f"unknown_{key}"
                problems.append(row.cells[key].problem(problem, value=display(text), matches=", ".join(candidates)))
                continue
            values[column] = found
            if key == "parent":
                resolved_parents[code] = index.code_of(found)
                parent_cells[code] = row.cells[key]
        if not exists and "perspective_id" not in values and "perspective" not in row.references:
            problems.append(row.code_cell.problem("perspective_required", code=code))
        weight = values.get("weight")
        if isinstance(weight, float) and not weight > 0:
            problems.append(row.cells["weight"].problem("not_positive", field="weight"))
        out.problems += problems
        if not problems and not row.broken:
            out.objectives_valid.append(ValidSetup("objectives", code, values, row.code_cell, exists))
    out.problems += _cycles(resolved_parents, parent_cells)
    if any(p.code == "objective_cycle" for p in out.problems):
        cyclic = {p.params["code"] for p in out.problems if p.code == "objective_cycle"}
        out.objectives_valid = [v for v in out.objectives_valid if v.code not in cyclic]
    return out


def _unique_rows(rows: list[SetupRow], index: Index, problems: list[ImportProblem], name_key: str
                 ) -> list[tuple[SetupRow, str, bool]]:
    """(row, canonical code, exists) once per code; the same code again with other data is an error. Every
    row's code and name join the index, so references to it are not reported as unknown."""
    seen: dict[str, SetupRow] = {}
    unique = []
    for row in rows:
        stored = index.canonical(row.code)
        code = stored or row.code
        first = seen.get(code.casefold())
        if first is not None:
            if first.values != row.values or first.references != row.references:
                problems.append(row.code_cell.problem("duplicate_row", code=code, first_cell=_address(first.code_cell)))
            continue
        seen[code.casefold()] = row
        index.add_row(code, row.values.get(name_key))
        unique.append((row, code, stored is not None))
    return unique


def _required(row: SetupRow, code: str, exists: bool) -> list[ImportProblem]:
    if exists:
        return []
    return [row.code_cell.problem("setup_field_required", code=code, field=key)
            for key in REQUIRED_NEW[row.kind] if key not in row.values and not row.broken]


def _check_process_names(rows: list[tuple[SetupRow, str, bool]], stored: list[Reference], out: SetupIndexes) -> None:
    """Process names are unique (the database says so): a name a stored process keeps, or an earlier row of the
    sheet takes, is an error at the row that comes later."""
    renamed = {code for row, code, _exists in rows if isinstance(row.values.get("name"), str)}
    claimed = {normalize(ref.name): ref.code for ref in stored if ref.code not in renamed}
    for row, code, _exists in rows:
        written = row.values.get("name")
        if not isinstance(written, str):
            continue
        holder = claimed.setdefault(normalize(written), code)
        if holder != code:
            out.problems.append(row.cells["name"].problem("process_name_taken", value=display(written), other=holder))


def _cycles(parents: dict[str, str | None], cells: dict[str, Cell]) -> list[ImportProblem]:
    """An error at each parent cell the file writes on a cycle (A its own parent, A → B → A, …)."""
    problems = []
    reported: set[str] = set()
    for start in cells:
        chain = [start]
        current = parents.get(start)
        while current is not None and current not in chain:
            chain.append(current)
            current = parents.get(current)
        if current != start or start in reported:
            continue
        loop = " → ".join([*chain, start])
        for code in chain:
            if code in cells and code not in reported:
                reported.add(code)
                problems.append(cells[code].problem("objective_cycle", code=code, chain=loop))
    return problems
