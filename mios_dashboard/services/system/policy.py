"""The quality policy's versions (slides 35–41, ISO 5.2): drafted, approved, communicated — and kept.

A new version is drafted with the next number; only a draft's statement may be edited. Approving a draft
makes it the one version in force: the version in force until then stays readable, no longer in force
("Sustituida"). Only an approved version is communicated, on or after its approval. Nothing is ever
deleted: the history is the documented information an auditor asks for (7.5.3).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mios_dashboard.errors import Conflict
from mios_dashboard.models import QualityPolicy
from mios_dashboard.repositories.organization import time_zone
from mios_dashboard.services.edits import Actor, Fields, for_update
from mios_dashboard.services.system.organization import local_today

LABELS = "context.policy.field"
STATEMENT_LIMIT = 20_000


def _policy(session: Session, values: Mapping[str, Any]) -> QualityPolicy:
    return for_update(session, QualityPolicy, values.get("id"), values.get("row_version"),
                      time_zone=time_zone(session))


def draft_policy(session: Session, actor: Actor, values: Mapping[str, Any]) -> QualityPolicy:
    """A new draft version numbered one above the highest, with its statement; one draft at a time (a
    second would leave two competing texts awaiting approval — the one there is edited instead)."""
    fields = Fields(values, labels=LABELS)
    statement = fields.text("statement", required=True, max_length=STATEMENT_LIMIT)
    fields.check()
    pending = session.scalar(select(QualityPolicy.version).where(QualityPolicy.approved_on.is_(None)))
    if pending is not None:
        raise Conflict("context.problem.draft_pending", version=pending)
    number = (session.scalar(select(func.max(QualityPolicy.version))) or 0) + 1
    record = QualityPolicy(version=number, statement=statement, in_force=False)
    session.add(record)
    session.flush()
    return record


def save_draft(session: Session, actor: Actor, values: Mapping[str, Any]) -> QualityPolicy:
    """Edit a draft's statement; an approved version's text is the record of what was approved, so it is
    refused (a new version is drafted instead)."""
    fields = Fields(values, labels=LABELS)
    statement = fields.text("statement", required=True, max_length=STATEMENT_LIMIT)
    fields.check()
    record = _policy(session, values)
    if record.approved_on is not None:
        raise Conflict("context.problem.policy_approved", version=record.version)
    record.statement = statement
    session.flush()
    return record


def _day(fields: Fields, name: str, today: dt.date, after: dt.date | None = None) -> dt.date | None:
    day = fields.date(name, required=True)
    if day is not None and day > today:
        fields.add(name, "context.problem.future")
    elif day is not None and after is not None and day < after:
        fields.add(name, "context.problem.before_approval")
    return day


def approve_policy(session: Session, actor: Actor, values: Mapping[str, Any],
                   today: dt.date | None = None) -> QualityPolicy:
    """Approve a draft (by whom, on which day — not after today in the organization's time zone): it
    becomes the version in force and the previous one is kept, superseded."""
    today = today or local_today(session)
    fields = Fields(values, labels=LABELS)
    approved_by = fields.text("approved_by", required=True, max_length=120)
    approved_on = _day(fields, "approved_on", today)
    fields.check()
    record = _policy(session, values)
    if record.approved_on is not None:
        raise Conflict("context.problem.policy_approved", version=record.version)
    current = session.scalar(select(QualityPolicy).where(QualityPolicy.in_force.is_(True)))
    if current is not None:
        if current.approved_on and approved_on and approved_on < current.approved_on:
            fields.add("approved_on", "context.problem.before_in_force", version=current.version)
            fields.check()
        current.in_force = False
        session.flush()  # one version in force at any moment (a unique index holds it)
    record.approved_by = approved_by
    record.approved_on = approved_on
    record.in_force = True
    session.flush()
    return record


def communicate_policy(session: Session, actor: Actor, values: Mapping[str, Any],
                       today: dt.date | None = None) -> QualityPolicy:
    """Record to whom and when an approved version was communicated (on or after its approval)."""
    today = today or local_today(session)
    record = _policy(session, values)
    fields = Fields(values, labels=LABELS)
    to_whom = fields.text("communicated_to", required=True, max_length=2000)
    if record.approved_on is None:
        fields.check()
        raise Conflict("context.problem.policy_draft", version=record.version)
    communicated_on = _day(fields, "communicated_on", today, after=record.approved_on)
    fields.check()
    record.communicated_to = to_whom
    record.communicated_on = communicated_on
    session.flush()
    return record


__all__ = ["approve_policy", "communicate_policy", "draft_policy", "save_draft"]
