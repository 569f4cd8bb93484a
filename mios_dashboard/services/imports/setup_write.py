"""Writing the setup sheets: processes, then objectives, in the import's transaction, before the indicators.

Through the ORM (tens of rows; the audit hook records each insert and update, old → new). A reference to a row
the same file creates (`importers.validate_setup.Pending`) becomes its id once that row is flushed; an
objective whose parent is new to the file gets its parent after every new objective has an id.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from mios_dashboard.importers import same_number
from mios_dashboard.importers.validate_setup import Pending, ValidSetup
from mios_dashboard.models import Objective, Process


@dataclass
class SetupChanges:
    """What the plan's processes and objectives create, update and leave alone, per sheet kind."""

    create: dict[str, list[ValidSetup]] = field(default_factory=lambda: {"processes": [], "objectives": []})
    update_processes: list[tuple[Process, dict]] = field(default_factory=list)
    update_objectives: list[tuple[Objective, dict]] = field(default_factory=list)
    unchanged: dict[str, int] = field(default_factory=lambda: {"processes": 0, "objectives": 0})

    def counts(self, kind: str) -> tuple[int, int, int]:
        updated = self.update_processes if kind == "processes" else self.update_objectives
        return len(self.create[kind]), len(updated), self.unchanged[kind]


def _differs(current: object, new: object) -> bool:
    if isinstance(new, Pending):
        return True  # a row the file creates: never the stored one
    if isinstance(current, float) and isinstance(new, float):
        return not same_number(current, new)
    return current != new


def compare_setup(session: Session, processes: list[ValidSetup], objectives: list[ValidSetup]) -> SetupChanges:
    """One query per kind: which rows are new, which change (only the fields that differ), which are the same."""
    changes = SetupChanges()
    codes = [row.code for row in processes]
    stored_processes = {p.code: p for p in session.scalars(select(Process).where(Process.code.in_(codes)))} \
        if codes else {}
    codes = [row.code for row in objectives]
    stored_objectives = {o.code: o for o in session.scalars(select(Objective).where(Objective.code.in_(codes)))} \
        if codes else {}
    for row in processes:
        diff = _compare_row(changes, row, stored_processes.get(row.code))
        if diff is not None:
            changes.update_processes.append((stored_processes[row.code], diff))
    for row in objectives:
        diff = _compare_row(changes, row, stored_objectives.get(row.code))
        if diff is not None:
            changes.update_objectives.append((stored_objectives[row.code], diff))
    return changes


def _compare_row(changes: SetupChanges, row: ValidSetup, item: Process | Objective | None) -> dict | None:
    """The fields that change on a stored row (None when it is new or the same; counted here)."""
    if item is None:
        changes.create[row.kind].append(row)
        return None
    diff = {key: value for key, value in row.values.items() if _differs(getattr(item, key), value)}
    if not diff:
        changes.unchanged[row.kind] += 1
        return None
    return diff


def resolve(values: Mapping[str, object], ids: Mapping[str, Mapping[str, int]]) -> dict[str, object]:
    """`values` with each Pending replaced by the id of the row it names (written already)."""
    return {key: ids[value.kind][value.code] if isinstance(value, Pending) else value for key, value in values.items()}


def apply_setup(session: Session, changes: SetupChanges) -> dict[str, dict[str, int]]:
    """Create and update processes, then objectives; the ids of the rows the file created, by kind and code."""
    ids: dict[str, dict[str, int]] = {"process": {}, "objective": {}}
    processes = [Process(code=row.code, **row.values) for row in changes.create["processes"]]
    session.add_all(processes)
    for item, diff in changes.update_processes:
        for key, value in diff.items():
            setattr(item, key, value)
    session.flush()
    ids["process"] = {p.code: p.id for p in processes}
    later: list[tuple[Objective, Pending]] = []  # parents the file creates: set once every objective has an id
    created: list[Objective] = []
    for row in changes.create["objectives"]:
        values = dict(row.values)
        parent = values.pop("parent_id", None)
        objective = Objective(code=row.code, **resolve(values, ids))
        created.append(objective)
        if isinstance(parent, Pending):
            later.append((objective, parent))
        elif parent is not None:
            objective.parent_id = parent
    session.add_all(created)
    for stored, diff in changes.update_objectives:
        for key, value in diff.items():
            if isinstance(value, Pending) and value.kind == "objective":
                later.append((stored, value))
            else:
                setattr(stored, key, resolve({key: value}, ids)[key])
    session.flush()
    ids["objective"] = {o.code: o.id for o in created}
    for objective, parent in later:
        objective.parent_id = ids["objective"][parent.code]
    if later:
        session.flush()
    return ids
