"""Authoring the strategy: perspectives, processes with their SIPOC, quality objectives with their plans and
the cause→effect links of the strategy map (the write path of services/edits.py).

Every function takes the caller's session (`runtime.write_session(actor)` on a page), the acting user and the
form's plain values; it reads every field through `Fields`, writes nothing when anything is wrong, refuses a
save over a newer `row_version` and says `NotFound` for an id nobody stored.

Nothing here loses history: an objective is retired by clearing `active` (the board stops scoring it, its
indicators and audit trail stay); a process is deleted only while nothing refers to it (no objective, no
indicator), and the audit trail keeps its last values; a perspective is never deleted (objectives need one).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mios_dashboard.errors import Conflict
from mios_dashboard.models import Indicator, Objective, ObjectiveLink, Perspective, Process, SipocItem
from mios_dashboard.models.enums import PROCESS_TYPES, SIPOC_KINDS
from mios_dashboard.repositories.organization import time_zone
from mios_dashboard.services.edits import Actor, Fields, apply, for_update, touch, unique

LABELS = "admin.field"
SIPOC_LINE_LENGTH = 300

__all__ = [
    "SIPOC_KINDS", "delete_process", "save_objective", "save_objective_links", "save_perspective", "save_process",
    "save_sipoc",
]


def _known_id(record_id: object) -> int | None:
    """The id a form sent, when it is one (a made-up id is left to `for_update`, which says NotFound)."""
    return int(str(record_id)) if str(record_id or "").isdigit() else None


def _open(session: Session, model: type, values: Mapping[str, Any]) -> Any:
    """The stored record the form edits (checked against its loaded version), or None for a new one."""
    if values.get("id") in (None, ""):
        return None
    return for_update(session, model, values.get("id"), values.get("row_version"), time_zone=time_zone(session))


def save_perspective(session: Session, actor: Actor, values: Mapping[str, Any]) -> Perspective:
    """Create (no `id`, with a unique code) or edit a perspective: name, order, weight > 0, description.
    A stored perspective keeps its code: imports and the demo refer to FIN, CLI, PRO, APR by it."""
    record = _open(session, Perspective, values)
    fields = Fields(values, labels=LABELS)
    code = record.code if record is not None else fields.code("code", max_length=10)
    name = fields.text("name", required=True, max_length=100)
    sort_order = fields.whole("sort_order", required=True, minimum=0, maximum=999)
    weight = fields.number("weight", required=True, positive=True)
    description = fields.text("description", max_length=2000)
    own_id = record.id if record is not None else None
    if record is None:
        unique(fields, session, Perspective, "code", "code", code, None)
    unique(fields, session, Perspective, "name", "name", name, own_id)
    fields.check()
    if record is None:
        record = Perspective(code=code)
        session.add(record)
    apply(record, {"name": name, "sort_order": sort_order, "weight": weight, "description": description})
    session.flush()
    return record


def _sipoc_lines(fields: Fields, items: Mapping[str, Any]) -> dict[str, list[str]]:
    """The SIPOC lines of each kind given (field `sipoc_<kind>`), each line at most 300 characters, none twice."""
    lines: dict[str, list[str]] = {}
    for kind in SIPOC_KINDS:
        if kind not in items:
            continue
        name = f"sipoc_{kind}"
        found = Fields({name: items[kind]}, labels=LABELS)
        kind_lines = found.lines(name, max_length=SIPOC_LINE_LENGTH)
        fields.problems.extend(found.problems)
        repeated = sorted({line for line in kind_lines if kind_lines.count(line) > 1})
        if repeated:
            fields.add(name, "admin.problem.duplicate_line", value=repeated[0])
        lines[kind] = kind_lines
    unknown = sorted(set(items) - set(SIPOC_KINDS))
    if unknown:
        fields.add("sipoc", "form.not_an_option", value=unknown[0])
    return lines


def _replace_sipoc(session: Session, process: Process, lines: Mapping[str, Sequence[str]]) -> None:
    """Make the process's lines of each given kind exactly `lines`: unchanged lines are kept (only their order
    moves), removed ones deleted, new ones added — so the audit trail shows just what changed."""
    stored = {(item.kind, item.text): item for item in process.sipoc}
    wanted: set[tuple[str, str]] = set()
    for kind, texts in lines.items():
        for order, text in enumerate(texts, start=1):
            wanted.add((kind, text))
            item = stored.get((kind, text))
            if item is None:
                process.sipoc.append(SipocItem(kind=kind, text=text, sort_order=order))
            elif item.sort_order != order:
                item.sort_order = order
    for (kind, text), item in stored.items():
        if kind in lines and (kind, text) not in wanted:
            process.sipoc.remove(item)
            session.delete(item)  # explicit, so the audit hook sees the deletion (an orphan's is found too late)
    touch(process)


def save_process(session: Session, actor: Actor, values: Mapping[str, Any]) -> Process:
    """Create (no `id`) or edit a process: code, name (both unique), type strategic/operational/support,
    owner, purpose; with `sipoc` ({kind: lines}) its SIPOC is replaced in the same save, every problem of
    both reported together."""
    record = _open(session, Process, values)
    fields = Fields(values, labels=LABELS)
    code = fields.code("code", max_length=20)
    name = fields.text("name", required=True, max_length=200)
    kind = fields.choice("type", PROCESS_TYPES)
    owner = fields.optional_text("owner", max_length=120)
    purpose = fields.text("purpose", max_length=4000)
    lines = _sipoc_lines(fields, values.get("sipoc") or {})
    own_id = record.id if record is not None else None
    unique(fields, session, Process, "code", "code", code, own_id)
    unique(fields, session, Process, "name", "name", name, own_id)
    fields.check()
    if record is None:
        record = Process()
        session.add(record)
    apply(record, {"code": code, "name": name, "type": kind, "owner": owner, "purpose": purpose})
    if lines:
        _replace_sipoc(session, record, lines)
    session.flush()
    return record


def save_sipoc(session: Session, actor: Actor, process_id: object, row_version: object,
               items: Mapping[str, Any]) -> Process:
    """Replace a process's SIPOC (slide 26) as a whole: `items` maps each kind (supplier, input, activity,
    output, customer, control) to its lines; a kind left out keeps its lines."""
    process = for_update(session, Process, process_id, row_version, time_zone=time_zone(session))
    fields = Fields({}, labels=LABELS)
    lines = _sipoc_lines(fields, items)
    fields.check()
    _replace_sipoc(session, process, lines)
    session.flush()
    return process


def delete_process(session: Session, actor: Actor, process_id: object, row_version: object) -> None:
    """Delete a process nothing refers to; one that an objective or indicator names is refused (rename it or
    move those first), so no record loses its process silently."""
    process = for_update(session, Process, process_id, row_version, time_zone=time_zone(session))
    objectives = session.scalar(select(func.count()).select_from(Objective).where(Objective.process_id == process.id))
    indicators = session.scalar(select(func.count()).select_from(Indicator).where(Indicator.process_id == process.id))
    if objectives or indicators:
        raise Conflict("admin.problem.process_in_use", objectives=objectives or 0, indicators=indicators or 0)
    session.delete(process)
    session.flush()


def _ancestors(session: Session, start: Objective | None) -> set[int]:
    """The ids of `start` and every objective above it (stops at a loop already stored, if any)."""
    seen: set[int] = set()
    current = start
    while current is not None and current.id not in seen:
        seen.add(current.id)
        current = session.get(Objective, current.parent_id) if current.parent_id is not None else None
    return seen


def save_objective(session: Session, actor: Actor, values: Mapping[str, Any]) -> Objective:
    """Create (no `id`) or edit a quality objective (6.2): code, title, description, perspective, process,
    weight > 0, parent (never itself nor one of its own descendants), active, how it is consistent with the
    policy, and its plan (6.2.2 a–e): what will be done, resources, who is responsible, when, how evaluated."""
    record = _open(session, Objective, values)
    fields = Fields(values, labels=LABELS)
    code = fields.code("code", max_length=20)
    title = fields.text("title", required=True, max_length=300)
    description = fields.text("description", max_length=4000)
    perspective = fields.reference("perspective", session, Perspective, required=True)
    process = fields.reference("process", session, Process)
    parent = fields.reference("parent", session, Objective)
    weight = fields.number("weight", required=True, positive=True)
    active = fields.flag("active") if "active" in values else True
    policy = fields.optional_text("policy_commitment", max_length=4000)
    plan_what = fields.optional_text("plan_what", max_length=4000)
    plan_resources = fields.optional_text("plan_resources", max_length=4000)
    plan_owner = fields.optional_text("plan_owner", max_length=120)
    plan_due = fields.date("plan_due")
    plan_evaluation = fields.optional_text("plan_evaluation", max_length=4000)
    own_id = record.id if record is not None else None
    if parent is not None and own_id is not None and own_id in _ancestors(session, parent):
        fields.add("parent", "admin.problem.parent_cycle", value=parent.code)
    unique(fields, session, Objective, "code", "code", code, own_id)
    fields.check()
    if record is None:
        record = Objective()
        session.add(record)
    apply(record, {
        "code": code, "title": title, "description": description,
        "perspective_id": perspective.id if perspective else None, "process_id": process.id if process else None,
        "parent_id": parent.id if parent else None, "weight": weight, "active": active,
        "policy_commitment": policy, "plan_what": plan_what, "plan_resources": plan_resources,
        "plan_owner": plan_owner, "plan_due": plan_due, "plan_evaluation": plan_evaluation,
    })
    session.flush()
    return record


def save_objective_links(session: Session, actor: Actor, objective_id: object, row_version: object,
                         effects: Sequence[object]) -> list[ObjectiveLink]:
    """Set the objectives this one causes (strategy map arrows cause → effect), replaced as a whole: each
    effect must exist, may not be the objective itself, and may appear only once."""
    cause = for_update(session, Objective, objective_id, row_version, time_zone=time_zone(session))
    fields = Fields({}, labels=LABELS)
    chosen: list[int] = []
    for raw in effects:
        probe = Fields({"effects": raw}, labels=LABELS)
        effect = probe.reference("effects", session, Objective)
        fields.problems.extend(probe.problems)
        if effect is None:
            continue
        if effect.id == cause.id:
            fields.add("effects", "admin.problem.self_link", value=effect.code)
        elif effect.id in chosen:
            fields.add("effects", "admin.problem.duplicate_link", value=effect.code)
        else:
            chosen.append(effect.id)
    fields.check()
    stored = {link.effect_id: link for link in session.scalars(
        select(ObjectiveLink).where(ObjectiveLink.cause_id == cause.id))}
    for effect_id, link in stored.items():
        if effect_id not in chosen:
            session.delete(link)
    kept = [stored.get(effect_id) or ObjectiveLink(cause_id=cause.id, effect_id=effect_id) for effect_id in chosen]
    session.add_all([link for link in kept if link.id is None])
    touch(cause)
    session.flush()
    return kept
