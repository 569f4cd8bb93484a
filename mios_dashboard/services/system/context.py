"""The context of the organization on the write path: SWOT issues (4.1), interested parties (4.2), the
communication matrix (7.4, slide 30) and roles (5.3, 7.2, 7.3; slides 44–49).

Each save takes the acting user and the form's plain values, reads every field through `Fields`, and writes
in the caller's audited transaction; an edit needs the version the form loaded. Deleting is allowed and
audited (the event keeps the old values). SIPOC lines are read here but edited on the admin page.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mios_dashboard.analytics.phva import REVIEW_MONTHS, months_before
from mios_dashboard.i18n import t
from mios_dashboard.models import CommunicationItem, ContextIssue, Indicator, InterestedParty, Role
from mios_dashboard.models.context import PartyRequirement
from mios_dashboard.models.enums import (
    COMMUNICATION_SCOPES,
    CONTEXT_SCOPES,
    PARTY_TYPES,
    REQUIREMENT_KINDS,
    SWOT_QUADRANTS,
)
from mios_dashboard.repositories import context as queries
from mios_dashboard.repositories.organization import time_zone
from mios_dashboard.services.edits import Actor, Fields, apply, for_update, touch, unique
from mios_dashboard.services.system.organization import local_today

INTERNAL_QUADRANTS = ("strength", "weakness")  # the rest are external: the SWOT grid itself
DELETABLE: dict[str, type] = {
    "issue": ContextIssue, "party": InterestedParty, "communication": CommunicationItem, "role": Role,
}


def _record(session: Session, model: type, values: Mapping[str, Any]) -> Any:
    """The record being edited (checked against its loaded version), or a new one added to the session."""
    if values.get("id") in (None, ""):
        record = model()
        session.add(record)
        return record
    return for_update(session, model, values.get("id"), values.get("row_version"), time_zone=time_zone(session))


def _known_id(values: Mapping[str, Any]) -> int | None:
    raw = str(values.get("id") or "")
    return int(raw) if raw.isdigit() else None  # a made-up id: for_update says NotFound


def delete_record(session: Session, actor: Actor, kind: str, values: Mapping[str, Any]) -> None:
    """Delete an issue, party, communication row or role (by `kind`), with the version the form loaded."""
    record: Any = for_update(session, DELETABLE[kind], values.get("id"), values.get("row_version"),
                             time_zone=time_zone(session))
    session.delete(record)
    session.flush()


# ---------- context issues (SWOT) ----------

def save_issue(session: Session, actor: Actor, values: Mapping[str, Any]) -> ContextIssue:
    """An internal (strength, weakness) or external (opportunity, threat) issue and how it is monitored; the
    scope left empty follows from the quadrant, a scope given must match it."""
    fields = Fields(values, labels="context.issue.field")
    scope = fields.choice("scope", CONTEXT_SCOPES, required=False)
    swot = fields.choice("swot", SWOT_QUADRANTS)
    if scope is None and swot and not fields.has_problem("scope"):
        scope = "internal" if swot in INTERNAL_QUADRANTS else "external"
    description = fields.text("description", required=True, max_length=2000)
    effect = fields.text("effect", max_length=4000)
    monitoring = fields.text("monitoring", max_length=4000)
    reviewed = fields.date("last_reviewed_on")
    if scope and swot and (swot in INTERNAL_QUADRANTS) != (scope == "internal"):
        fields.add("swot", "context.problem.swot_scope")
    if reviewed and reviewed > local_today(session):
        fields.add("last_reviewed_on", "context.problem.future")
    fields.check()
    record = _record(session, ContextIssue, values)
    apply(record, {"scope": scope, "swot": swot, "description": description, "effect": effect,
                   "monitoring": monitoring, "last_reviewed_on": reviewed})
    session.flush()
    return record


def review_issue(session: Session, actor: Actor, values: Mapping[str, Any],
                 today: dt.date | None = None) -> ContextIssue:
    """Mark an issue reviewed today, in the organization's time zone (the 12-month PHVA rule counts from it)."""
    record = for_update(session, ContextIssue, values.get("id"), values.get("row_version"),
                        time_zone=time_zone(session))
    record.last_reviewed_on = today or local_today(session)
    touch(record)
    session.flush()
    return record


# ---------- interested parties ----------

def _requirement(line: str, party_type: str | None) -> tuple[str, str]:
    """"Legal: NOM-035" → ("legal", "NOM-035"): a line may open with a kind's name in either language;
    without one, a customer's requirement is a customer requirement and anyone else's is "other"."""
    head, colon, rest = line.partition(":")
    if colon and rest.strip():
        for kind in REQUIREMENT_KINDS:
            if head.strip().casefold() in {t(f"context.requirement.{kind}", lang).casefold() for lang in ("es", "en")}:
                return kind, rest.strip()
    return ("customer" if party_type == "customers" else "other"), line


def save_party(session: Session, actor: Actor, values: Mapping[str, Any]) -> InterestedParty:
    """A party (type, unique name, monitoring, optional satisfaction indicator, last review) and its pertinent
    requirements, one per line, replaced as a whole."""
    fields = Fields(values, labels="context.party.field")
    party_type = fields.choice("type", PARTY_TYPES)
    name = fields.text("name", required=True, max_length=200)
    monitoring = fields.text("monitoring", max_length=4000)
    indicator = fields.reference("satisfaction_indicator", session, Indicator)
    reviewed = fields.date("last_reviewed_on")
    lines = fields.lines("requirements", max_length=2000)
    if reviewed and reviewed > local_today(session):
        fields.add("last_reviewed_on", "context.problem.future")
    unique(fields, session, InterestedParty, "name", "name", name, _known_id(values))
    fields.check()
    record = _record(session, InterestedParty, values)
    apply(record, {"type": party_type, "name": name, "monitoring": monitoring,
                   "satisfaction_indicator_id": indicator.id if indicator else None, "last_reviewed_on": reviewed})
    wanted = [_requirement(line, party_type) for line in lines]
    if [(r.kind, r.description) for r in record.requirements] != wanted:
        for old in record.requirements:  # one by one, so the audit trail keeps each old requirement
            session.delete(old)
        session.flush()
        session.expire(record, ["requirements"])
        record.requirements.extend(PartyRequirement(kind=kind, description=text) for kind, text in wanted)
        touch(record)
    session.flush()
    return record


# ---------- communication matrix (slide 30) ----------

def save_communication(session: Session, actor: Actor, values: Mapping[str, Any]) -> CommunicationItem:
    """A row of the matrix: what, when, to whom, how and who communicates; internal or external."""
    fields = Fields(values, labels="context.comm.field")
    scope = fields.choice("scope", COMMUNICATION_SCOPES)
    row = {
        "scope": scope,
        "what": fields.text("what", required=True, max_length=300),
        "timing": fields.text("timing", required=True, max_length=120),
        "to_whom": fields.text("to_whom", required=True, max_length=300),
        "how": fields.text("how", required=True, max_length=200),
        "who": fields.text("who", required=True, max_length=120),
    }
    fields.check()
    record = _record(session, CommunicationItem, values)
    apply(record, row)
    session.flush()
    return record


# ---------- roles (slides 44–49) ----------

def save_role(session: Session, actor: Actor, values: Mapping[str, Any]) -> Role:
    """A role: unique name, person, responsibilities, authorities, competence required and its evidence,
    last awareness session; at most one role is the management representative."""
    fields = Fields(values, labels="context.role.field")
    awareness_on = fields.date("awareness_on")
    row: dict[str, object] = {
        "name": fields.text("name", required=True, max_length=120),
        "person": fields.optional_text("person", max_length=120),
        "responsibilities": fields.text("responsibilities", max_length=8000),
        "authorities": fields.text("authorities", max_length=8000),
        "competence_required": fields.text("competence_required", max_length=8000),
        "competence_evidence": fields.optional_text("competence_evidence", max_length=8000),
        "awareness_on": awareness_on,
        "is_management_representative": fields.flag("is_management_representative"),
    }
    if awareness_on and awareness_on > local_today(session):
        fields.add("awareness_on", "context.problem.future")
    record_id = _known_id(values)
    unique(fields, session, Role, "name", "name", row["name"], record_id)
    if row["is_management_representative"]:
        other = session.scalar(select(Role.name).where(Role.is_management_representative.is_(True),
                                                       Role.id != (record_id or -1)))
        if other is not None:
            fields.add("is_management_representative", "context.problem.one_representative", role=other)
    fields.check()
    record = _record(session, Role, values)
    apply(record, row)
    session.flush()
    return record


# ---------- reading: what the /contexto page shows (pages read through services, never repositories) ----------

SECTION_READS: dict[str, Callable[[Session, dt.date], object]] = {
    "organizacion": lambda session, today: queries.organization(session),
    "politica": lambda session, today: queries.policies(session),
    "foda": lambda session, today: queries.swot(session, review_cutoff(today)),
    "partes": lambda session, today: queries.parties(session),
    "comunicacion": lambda session, today: queries.communication(session),
    "roles": lambda session, today: queries.roles(session),
    "sipoc": lambda session, today: queries.sipoc(session),
}
# the record a form edits: form family → rows to find it among
RECORD_READS: dict[str, Callable[[Session, dt.date], list]] = {
    "policy": lambda session, today: queries.policies(session),
    "issue": lambda session, today: [row for rows in queries.swot(session, review_cutoff(today)).values()
                                     for row in rows],
    "party": lambda session, today: queries.parties(session),
    "communication": lambda session, today: queries.communication(session),
    "role": lambda session, today: queries.roles(session),
}
VOCABULARIES = {"swot": SWOT_QUADRANTS, "context_scope": CONTEXT_SCOPES, "party_type": PARTY_TYPES,
                "communication_scope": COMMUNICATION_SCOPES}


def review_cutoff(today: dt.date) -> dt.date:
    """An issue last reviewed before this day is overdue: the 12 months of the PHVA check (analytics/phva.py)."""
    return months_before(today, REVIEW_MONTHS)


def section_data(session: Session, section: str, today: dt.date) -> object:
    """The rows one section of the page draws (repositories/context.py), as of `today`."""
    return SECTION_READS[section](session, today)


def organization_row(session: Session) -> queries.OrganizationRow | None:
    return queries.organization(session)


def record_row(session: Session, family: str, record_id: int, today: dt.date) -> Any:
    """The row of `family` ("policy", "issue", "party", "communication", "role") with `record_id`, or None."""
    return next((row for row in RECORD_READS[family](session, today) if row.id == record_id), None)


def indicator_options(session: Session) -> list[tuple[int, str]]:
    return queries.indicator_options(session)
