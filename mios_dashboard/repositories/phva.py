"""The records the PHVA checks look at, in one call: one small query per table, never one per row.

Columns are labelled with the field names of the fact tuples in analytics/phva.py, so the service can build
them by name; nothing here decides what is met (that needs `today` and lives in the pure checks).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Executable, and_, func, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from mios_dashboard.models import (
    Action,
    ContextIssue,
    Indicator,
    InterestedParty,
    ManagementReview,
    Meeting,
    Objective,
    Organization,
    PartyRequirement,
    QualityPolicy,
    Risk,
    Role,
)


def _rows(session: Session, statement: Executable) -> list[Row]:
    return list(session.execute(statement).all())


def _utc_date(value: dt.datetime) -> dt.date:
    """A meeting's day: stored instants are UTC (SQLite hands them back naive, meaning UTC)."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.date()


def gather(session: Session) -> dict:
    """Every fact of the PHVA checks as rows keyed like `analytics.phva.PhvaFacts` (indicators excepted: their
    readings come from the board service). Active objectives only; the policy in force; the newest held review."""
    indicator_count = (
        select(Objective.id, func.count(Indicator.id).label("indicators"))
        .outerjoin(Indicator, and_(Indicator.objective_id == Objective.id, Indicator.active.is_(True)))
        .group_by(Objective.id)
        .subquery()
    )
    requirement_count = (
        select(PartyRequirement.party_id, func.count(PartyRequirement.id).label("requirements"))
        .group_by(PartyRequirement.party_id)
        .subquery()
    )
    policy = session.execute(
        select(QualityPolicy.version, QualityPolicy.approved_on, QualityPolicy.communicated_on)
        .where(QualityPolicy.in_force.is_(True))
        .order_by(QualityPolicy.version.desc())
        .limit(1)
    ).first()
    review = session.execute(
        select(ManagementReview.held_on, ManagementReview.resources_adequacy)
        .where(ManagementReview.held_on.is_not(None))
        .order_by(ManagementReview.held_on.desc(), ManagementReview.id.desc())
        .limit(1)
    ).first()
    interval = session.scalar(select(Organization.management_review_interval_months).order_by(Organization.id).limit(1))
    return {
        "context_issues": _rows(session, select(ContextIssue.description, ContextIssue.last_reviewed_on)
                                .order_by(ContextIssue.id)),
        "parties": _rows(session, select(InterestedParty.name,
                                         func.coalesce(requirement_count.c.requirements, 0).label("requirements"))
                         .outerjoin(requirement_count, requirement_count.c.party_id == InterestedParty.id)
                         .order_by(InterestedParty.name)),
        "policy": policy,
        "objectives": _rows(session, select(
            Objective.code, Objective.title, Objective.plan_what, Objective.plan_resources, Objective.plan_owner,
            Objective.plan_due, Objective.plan_evaluation, indicator_count.c.indicators,
        ).join(indicator_count, indicator_count.c.id == Objective.id)
            .where(Objective.active.is_(True)).order_by(Objective.code)),
        "risks": _rows(session, select(Risk.code, Risk.title, Risk.likelihood, Risk.impact, Risk.assessed_on,
                                       Risk.review_on).where(Risk.closed_on.is_(None))  # closed: not reviewed any more
                       .order_by(Risk.code)),
        "roles": _rows(session, select(Role.name, Role.person, Role.is_management_representative).order_by(Role.name)),
        "last_review": review,
        "review_interval_months": interval,
        "actions": _rows(session, select(Action.code, Action.title, Action.kind, Action.status, Action.opened_on,
                                         Action.due_on, Action.closed_on, Action.verified_on).order_by(Action.code)),
        "operation_meetings": [_utc_date(at) for at in session.scalars(
            select(Meeting.held_at).where(Meeting.kind == "operation").order_by(Meeting.held_at))],
    }
