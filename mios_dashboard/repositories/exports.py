"""Reads for the workbooks the product writes: indicator definitions for the template, in the words the
importer reads back, and the meeting-minutes and management-review records as plain dicts. Never a commit.

Perspectives are named (people recognise "Financiera"), objectives and processes by code (their titles are
long); the importer matches either. "Latest" means the meeting held last (any kind) and the review of the
newest period; ties go to the higher id, so the choice is the same on SQLite and PostgreSQL.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from mios_dashboard.models import (
    Action,
    Indicator,
    ManagementReview,
    Meeting,
    Objective,
    Organization,
    Perspective,
    Process,
)

DEFINITION_FIELDS = (
    "code", "name", "unit", "direction", "frequency", "aggregation", "target", "target_min", "target_max",
    "green_threshold", "yellow_threshold", "owner", "group", "decimals", "xmr_baseline_start", "xmr_baseline_end",
    "active",
)
PROCESS_FIELDS = ("code", "name", "type", "owner", "purpose")
OBJECTIVE_FIELDS = ("code", "title", "plan_what", "plan_resources", "plan_owner", "plan_due", "plan_evaluation",
                    "weight")


def active_indicator_definitions(session: Session) -> list[dict]:
    """Every active indicator as a dict of DEFINITION_FIELDS plus perspective (name), objective and
    process (codes), ordered by code."""
    perspective, objective, process = aliased(Perspective), aliased(Objective), aliased(Process)
    statement = (
        select(Indicator, perspective.name, objective.code, process.code)
        .outerjoin(perspective, perspective.id == Indicator.perspective_id)
        .outerjoin(objective, objective.id == Indicator.objective_id)
        .outerjoin(process, process.id == Indicator.process_id)
        .where(Indicator.active.is_(True))
        .order_by(Indicator.code)
    )
    rows = []
    for indicator, perspective_name, objective_code, process_code in session.execute(statement):
        row = {field: getattr(indicator, field) for field in DEFINITION_FIELDS}
        row.update(perspective=perspective_name, objective=objective_code, process=process_code)
        rows.append(row)
    return rows


def reference_lists(session: Session) -> dict[str, list[str]]:
    """What the definitions' drop-downs offer: perspective names (in board order), objective and process codes."""
    return {
        "perspective": list(session.scalars(select(Perspective.name).order_by(Perspective.sort_order, Perspective.code))),
        "objective": list(session.scalars(select(Objective.code).order_by(Objective.code))),
        "process": list(session.scalars(select(Process.code).order_by(Process.code))),
    }


def setup_rows(session: Session) -> tuple[list[dict], list[dict]]:
    """The template's Procesos and Objetivos rows: processes, and objectives with their perspective (name),
    process and parent (codes), each ordered by code."""
    processes = [{field: getattr(p, field) for field in PROCESS_FIELDS}
                 for p in session.scalars(select(Process).order_by(Process.code))]
    perspective, process, parent = aliased(Perspective), aliased(Process), aliased(Objective)
    statement = (
        select(Objective, perspective.name, process.code, parent.code)
        .join(perspective, perspective.id == Objective.perspective_id)
        .outerjoin(process, process.id == Objective.process_id)
        .outerjoin(parent, parent.id == Objective.parent_id)
        .order_by(Objective.code)
    )
    objectives = []
    for objective, perspective_name, process_code, parent_code in session.execute(statement):
        row = {field: getattr(objective, field) for field in OBJECTIVE_FIELDS}
        row.update(perspective=perspective_name, process=process_code, parent=parent_code)
        objectives.append(row)
    return processes, objectives


MEETING_FIELDS = ("id", "kind", "held_at", "title", "chaired_by", "attendees", "agenda", "minutes",
                  "board_period", "board_snapshot")
REVIEW_FIELDS = (
    "id", "period_start", "period_end", "held_on", "status", "previous_actions_status", "context_changes",
    "customer_satisfaction", "objectives_achievement", "process_performance", "nonconformities",
    "monitoring_results", "audit_results", "provider_performance", "resources_adequacy",
    "risk_actions_effectiveness", "improvement_inputs", "improvement_outputs", "qms_changes", "resource_needs",
    "next_review_due", "board_period", "board_snapshot",
)
ACTION_FIELDS = ("code", "title", "owner", "due_on", "status")


def latest_meeting_id(session: Session) -> int | None:
    return session.scalar(select(Meeting.id).order_by(Meeting.held_at.desc(), Meeting.id.desc()).limit(1))


def latest_review_id(session: Session) -> int | None:
    return session.scalar(
        select(ManagementReview.id)
        .order_by(ManagementReview.period_end.desc(), ManagementReview.id.desc()).limit(1)
    )


def meeting_heading(session: Session, meeting_id: int) -> dict | None:
    """Title, kind and moment of a meeting (for a download button's hint), or None."""
    row = session.execute(select(Meeting.title, Meeting.kind, Meeting.held_at).where(Meeting.id == meeting_id)).first()
    return None if row is None else {"id": meeting_id, "title": row.title, "kind": row.kind, "held_at": row.held_at}


def review_heading(session: Session, review_id: int) -> dict | None:
    row = session.execute(
        select(ManagementReview.period_start, ManagementReview.period_end, ManagementReview.held_on)
        .where(ManagementReview.id == review_id)
    ).first()
    return None if row is None else {"id": review_id, **row._asdict()}


def meeting_record(session: Session, meeting_id: int) -> dict | None:
    """The meeting's MEETING_FIELDS, its decisions (ACTION_FIELDS, by code), the organization's name and
    the current name, unit and decimals of the indicators in its board snapshot; None if it does not exist."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    record = {field: getattr(meeting, field) for field in MEETING_FIELDS}
    decisions = session.scalars(select(Action).where(Action.meeting_id == meeting_id).order_by(Action.code))
    record["decisions"] = _actions(decisions)
    return _completed(session, record)


def review_record(session: Session, review_id: int) -> dict | None:
    """The review's REVIEW_FIELDS, its session (title, held_at, chaired_by, attendees), the actions that
    point at it (by code), the organization's name and the snapshot's indicator definitions; or None."""
    review = session.get(ManagementReview, review_id)
    if review is None:
        return None
    record = {field: getattr(review, field) for field in REVIEW_FIELDS}
    meeting = review.meeting
    record["meeting"] = None if meeting is None else {
        field: getattr(meeting, field) for field in ("title", "held_at", "chaired_by", "attendees")
    }
    record["actions"] = _actions(session.scalars(
        select(Action).where(Action.review_id == review_id).order_by(Action.code)
    ))
    return _completed(session, record)


def _actions(actions: Iterable[Action]) -> list[dict]:
    return [{field: getattr(action, field) for field in ACTION_FIELDS} for action in actions]


def _completed(session: Session, record: dict) -> dict:
    record["organization"] = session.scalar(select(Organization.name).order_by(Organization.id).limit(1))
    stored = record.get("board_snapshot")
    snapshot: dict = stored if isinstance(stored, dict) else {}
    codes = sorted({str(r["code"]) for r in snapshot.get("indicators") or [] if isinstance(r, dict) and r.get("code")})
    record["definitions"] = _definitions(session, codes)
    return record


def _definitions(session: Session, codes: list[str]) -> dict[str, dict]:
    if not codes:
        return {}
    rows = session.execute(
        select(Indicator.code, Indicator.name, Indicator.unit, Indicator.decimals).where(Indicator.code.in_(codes))
    )
    return {row.code: {"name": row.name, "unit": row.unit, "decimals": row.decimals} for row in rows}
