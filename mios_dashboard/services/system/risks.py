"""Keeping the risks and opportunities register (ISO 6.1, slide 16) on the write path of services/edits.py.

`save_risk` creates or updates a risk with every field checked; `review_risk` records that it was reviewed
today (in the organization's time zone) and when it is reviewed next; `close_risk` and `delete_risk` end it.
A risk with actions linked to it is never deleted — its actions are the evidence that it was treated — it is
closed instead, on a day and with why, and stays in the register (docs/risks.md#closing).
Every function takes the caller's session (`runtime.write_session(actor)` on a page), the acting user and
plain values, and writes nothing when anything is wrong.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from mios_dashboard.analytics.risks import LEAVES, SCALE, rating
from mios_dashboard.errors import Conflict, Invalid
from mios_dashboard.models import Objective, Process, Risk
from mios_dashboard.models.enums import EFFECTIVENESS, RISK_KINDS
from mios_dashboard.repositories import risks as repository
from mios_dashboard.repositories.organization import time_zone
from mios_dashboard.services.edits import Actor, Fields, apply, for_update, unique

LABELS = "risks.field"
LOW, HIGH = SCALE[0], SCALE[-1]


def organization_today(session: Session, now: dt.datetime | None = None) -> dt.date:
    """Today in the organization's time zone (a review stamped at 23:30 in Mexico City is that day, not UTC's
    next one)."""
    moment = now or dt.datetime.now(dt.UTC)
    try:
        zone: dt.tzinfo = ZoneInfo(time_zone(session))
    except (ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC
    return moment.astimezone(zone).date()


def _known_id(values: Mapping[str, Any]) -> int | None:
    raw = values.get("id")
    return int(str(raw)) if str(raw or "").isdigit() else None


def save_risk(session: Session, actor: Actor, values: Mapping[str, Any]) -> Risk:
    """Create (no `id`) or update a risk or opportunity. Rules across fields: the residual rating (after the
    treatment) is given whole — likelihood and impact both, or neither — and for a risk it may not exceed the
    inherent rating (the treatment cannot make it worse); the next review is not before the assessment."""
    fields = Fields(values, labels=LABELS)
    code = fields.code("code")
    kind = fields.choice("kind", RISK_KINDS)
    title = fields.text("title", required=True, max_length=300)
    description = fields.text("description", max_length=4000)
    category = fields.choice("category", LEAVES)
    likelihood = fields.whole("likelihood", required=True, minimum=LOW, maximum=HIGH)
    impact = fields.whole("impact", required=True, minimum=LOW, maximum=HIGH)
    residual_likelihood = fields.whole("residual_likelihood", minimum=LOW, maximum=HIGH)
    residual_impact = fields.whole("residual_impact", minimum=LOW, maximum=HIGH)
    owner = fields.text("owner", required=True, max_length=120)
    treatment = fields.text("treatment", max_length=4000)
    objective = fields.reference("objective", session, Objective)
    process = fields.reference("process", session, Process)
    assessed_on = fields.date("assessed_on")
    review_on = fields.date("review_on")
    effectiveness = fields.choice("effectiveness", EFFECTIVENESS, required=False) or "pending"
    _residual_rules(fields, kind, likelihood, impact, residual_likelihood, residual_impact)
    if assessed_on and review_on and review_on < assessed_on:
        fields.add("review_on", "risks.problem.review_before_assessment")
    record_id = _known_id(values)
    unique(fields, session, Risk, "code", "code", code, record_id)
    fields.check()
    if values.get("id") not in (None, ""):
        record = for_update(session, Risk, values.get("id"), values.get("row_version"), time_zone=time_zone(session))
    else:
        record = Risk()
        session.add(record)
    apply(record, {
        "code": code, "kind": kind, "title": title, "description": description, "category": category,
        "likelihood": likelihood, "impact": impact,
        "residual_likelihood": residual_likelihood, "residual_impact": residual_impact,
        "owner": owner, "treatment": treatment,
        "objective_id": objective.id if objective is not None else None,
        "process_id": process.id if process is not None else None,
        "assessed_on": assessed_on, "review_on": review_on, "effectiveness": effectiveness,
    })
    session.flush()
    return record


def _residual_rules(fields: Fields, kind: str | None, likelihood: int | None, impact: int | None,
                    residual_likelihood: int | None, residual_impact: int | None) -> None:
    given = (fields.values.get("residual_likelihood") not in (None, ""),
             fields.values.get("residual_impact") not in (None, ""))
    if given == (True, False):
        fields.add("residual_impact", "risks.problem.residual_pair")
    elif given == (False, True):
        fields.add("residual_likelihood", "risks.problem.residual_pair")
    inherent, residual = rating(likelihood, impact), rating(residual_likelihood, residual_impact)
    if kind == "risk" and inherent is not None and residual is not None and residual > inherent:
        fields.add("residual_impact", "risks.problem.residual_above", residual=residual, inherent=inherent)


def review_risk(session: Session, actor: Actor, risk_id: object, values: Mapping[str, Any], *,
                today: dt.date | None = None) -> Risk:
    """Record a review: assessed today (the organization's day), the next review date (after today), and
    optionally the effectiveness of the treatment as judged now."""
    day = today or organization_today(session)
    fields = Fields(values, labels=LABELS)
    review_on = fields.date("review_on", required=True)
    effectiveness = fields.choice("effectiveness", EFFECTIVENESS, required=False)
    if review_on is not None and review_on <= day:
        fields.add("review_on", "risks.problem.review_not_ahead")
    fields.check()
    record = for_update(session, Risk, risk_id, values.get("row_version"), time_zone=time_zone(session))
    if record.closed_on is not None:
        raise Conflict("risks.closed_already", code=record.code)
    apply(record, {"assessed_on": day, "review_on": review_on,
                   **({"effectiveness": effectiveness} if effectiveness else {})})
    session.flush()
    return record


def close_risk(session: Session, actor: Actor, risk_id: object, values: Mapping[str, Any], *,
               today: dt.date | None = None) -> Risk:
    """Close a risk that no longer applies: on `closed_on` (default today, not in the future), with why."""
    day = today or organization_today(session)
    fields = Fields(values, labels=LABELS)
    note = fields.text("closure_note", required=True, max_length=2000)
    closed_on = fields.date("closed_on") or day
    if closed_on > day:
        fields.add("closed_on", "risks.problem.closed_in_future")
    fields.check()
    record = for_update(session, Risk, risk_id, values.get("row_version"), time_zone=time_zone(session))
    if record.closed_on is not None:
        raise Conflict("risks.closed_already", code=record.code)
    apply(record, {"closed_on": closed_on, "closure_note": note})
    session.flush()
    return record


def delete_risk(session: Session, actor: Actor, risk_id: object, values: Mapping[str, Any]) -> str:
    """Delete a risk recorded by mistake; refused once actions are linked to it (close it instead). Returns
    the code it had, for the page to say what went."""
    record = for_update(session, Risk, risk_id, values.get("row_version"), time_zone=time_zone(session))
    count = repository.linked_actions(session, record.id)
    if count:
        raise Invalid("risks.delete_has_actions", code=record.code, count=count)
    code = record.code
    session.delete(record)
    session.flush()
    return code
