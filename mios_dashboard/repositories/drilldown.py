"""Queries behind the drill-down pages: one objective or indicator with everything linked to it.

Rows come back as plain dicts (no ORM objects leave the session). Codes are matched ignoring case, so a
URL typed as `/indicador/ven-01` still finds VEN-01. Never commits.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import ColumnElement, Executable, SQLColumnExpression, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session, aliased

from mios_dashboard.models import (
    Action,
    AuditEvent,
    ImportBatch,
    Indicator,
    Measurement,
    Objective,
    ObjectiveLink,
    Perspective,
    Process,
    Risk,
    Target,
)


def _rows(session: Session, statement: Executable) -> list[dict]:
    return [dict(row) for row in session.execute(statement).mappings()]


def _same_code(column: SQLColumnExpression[str], code: str) -> ColumnElement[bool]:
    return func.upper(column) == code.strip().upper()


def objective(session: Session, code: str) -> dict | None:
    """The objective with its plan, perspective, process and parent; None when no objective has `code`."""
    parent = aliased(Objective)
    rows = _rows(session, select(
        Objective.id, Objective.code, Objective.title, Objective.description, Objective.policy_commitment,
        Objective.plan_what, Objective.plan_resources, Objective.plan_owner, Objective.plan_due,
        Objective.plan_evaluation, Objective.weight, Objective.active,
        Perspective.code.label("perspective"), Perspective.name.label("perspective_name"),
        Process.code.label("process"), Process.name.label("process_name"),
        parent.code.label("parent"), parent.title.label("parent_title"),
    ).join(Perspective, Objective.perspective_id == Perspective.id)
     .outerjoin(Process, Objective.process_id == Process.id)
     .outerjoin(parent, Objective.parent_id == parent.id)
     .where(_same_code(Objective.code, code)).order_by(Objective.code).limit(1))
    return rows[0] if rows else None


def objective_relatives(session: Session, objective_id: int) -> dict[str, list[dict]]:
    """children (sub-objectives), causes (objectives that drive this one) and effects (those it drives),
    each as {code, title, active[, note]} ordered by code."""
    children = _rows(session, select(Objective.code, Objective.title, Objective.active)
                     .where(Objective.parent_id == objective_id).order_by(Objective.code))
    other = aliased(Objective)

    def linked(own: SQLColumnExpression[int], far: SQLColumnExpression[int]) -> list[dict]:
        return _rows(session, select(other.code, other.title, other.active, ObjectiveLink.note)
                     .join(other, far == other.id).where(own == objective_id).order_by(other.code))

    return {"children": children, "causes": linked(ObjectiveLink.effect_id, ObjectiveLink.cause_id),
            "effects": linked(ObjectiveLink.cause_id, ObjectiveLink.effect_id)}


def objective_indicators(session: Session, objective_id: int) -> list[dict]:
    """The objective's indicators, active or not: id, code, name, active — ordered by code."""
    return _rows(session, select(Indicator.id, Indicator.code, Indicator.name, Indicator.active)
                 .where(Indicator.objective_id == objective_id).order_by(Indicator.code))


def indicator(session: Session, code: str) -> dict | None:
    """The indicator's definition with its objective (code, title, due), perspective (its own, else its
    objective's) and process; None when no indicator has `code`."""
    own_perspective, objective_perspective = aliased(Perspective), aliased(Perspective)
    rows = _rows(session, select(
        Indicator.id, Indicator.code, Indicator.name, Indicator.description, Indicator.unit, Indicator.direction,
        Indicator.frequency, Indicator.aggregation, Indicator.target, Indicator.target_min, Indicator.target_max,
        Indicator.green_threshold, Indicator.yellow_threshold, Indicator.baseline, Indicator.owner,
        Indicator.data_source, Indicator.group, Indicator.weight, Indicator.decimals, Indicator.active,
        Indicator.xmr_baseline_start, Indicator.xmr_baseline_end,
        Objective.code.label("objective"), Objective.title.label("objective_title"),
        Objective.plan_due.label("due"),
        func.coalesce(own_perspective.code, objective_perspective.code).label("perspective"),
        func.coalesce(own_perspective.name, objective_perspective.name).label("perspective_name"),
        Process.code.label("process"), Process.name.label("process_name"),
    ).outerjoin(Objective, Indicator.objective_id == Objective.id)
     .outerjoin(own_perspective, Indicator.perspective_id == own_perspective.id)
     .outerjoin(objective_perspective, Objective.perspective_id == objective_perspective.id)
     .outerjoin(Process, Indicator.process_id == Process.id)
     .where(_same_code(Indicator.code, code)).order_by(Indicator.code).limit(1))
    return rows[0] if rows else None


def thresholds(session: Session, ids: Iterable[int]) -> dict[str, dict]:
    """{code: {aggregation, green_threshold, yellow_threshold}} — what the board reading leaves out and
    the charts need."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    rows = _rows(session, select(Indicator.code, Indicator.aggregation, Indicator.green_threshold,
                                 Indicator.yellow_threshold).where(Indicator.id.in_(ids)))
    return {row.pop("code"): row for row in rows}


def risks(session: Session, objective_id: int) -> list[dict]:
    """Risks and opportunities linked to the objective, highest likelihood × impact first."""
    return _rows(session, select(
        Risk.id, Risk.code, Risk.kind, Risk.title, Risk.category, Risk.likelihood, Risk.impact,
        (Risk.likelihood * Risk.impact).label("level"), Risk.owner, Risk.treatment, Risk.review_on,
        Risk.effectiveness,
    ).where(Risk.objective_id == objective_id)
     .order_by((Risk.likelihood * Risk.impact).desc(), Risk.code))


def actions(session: Session, objective_id: int | None, indicator_ids: Iterable[int] = (),
            risk_ids: Iterable[int] = ()) -> list[dict]:
    """Actions on the objective, on any of its indicators or on any of its risks (each once), with the
    codes of the indicator and risk they name; open ones first, then by due date."""
    indicator_ids, risk_ids = sorted(set(indicator_ids)), sorted(set(risk_ids))
    conditions = []
    if objective_id is not None:
        conditions.append(Action.objective_id == objective_id)
    if indicator_ids:
        conditions.append(Action.indicator_id.in_(indicator_ids))
    if risk_ids:
        conditions.append(Action.risk_id.in_(risk_ids))
    if not conditions:
        return []
    closed = Action.status.in_(("closed", "effective", "not_effective"))
    return _rows(session, select(
        Action.code, Action.title, Action.kind, Action.origin, Action.owner, Action.opened_on, Action.due_on,
        Action.closed_on, Action.status, Action.verified_on,
        Indicator.code.label("indicator"), Risk.code.label("risk"),
    ).outerjoin(Indicator, Action.indicator_id == Indicator.id)
     .outerjoin(Risk, Action.risk_id == Risk.id)
     .where(or_(*conditions))
     .order_by(closed, Action.due_on.is_(None), Action.due_on, Action.code))


def measurements(session: Session, indicator_ids: Iterable[int], until: dt.date | None = None,
                 limit: int | None = None) -> list[dict]:
    """Measurements of these indicators up to `until`, newest period first: id, code, indicator_id, period,
    value, comment, source, import_batch_id, batch_file, entered_by, entered_at."""
    ids = sorted(set(indicator_ids))
    if not ids:
        return []
    statement = select(
        Measurement.id, Indicator.code, Measurement.indicator_id, Measurement.period, Measurement.value,
        Measurement.comment, Measurement.source, Measurement.import_batch_id,
        ImportBatch.file_name.label("batch_file"), Measurement.entered_by, Measurement.entered_at,
    ).join(Indicator, Measurement.indicator_id == Indicator.id) \
     .outerjoin(ImportBatch, Measurement.import_batch_id == ImportBatch.id) \
     .where(Measurement.indicator_id.in_(ids))
    if until is not None:
        statement = statement.where(Measurement.period <= until)
    statement = statement.order_by(Measurement.period.desc(), Indicator.code)
    return _rows(session, statement.limit(limit) if limit else statement)


def measurement_count(session: Session, indicator_ids: Iterable[int], until: dt.date | None = None) -> int:
    ids = sorted(set(indicator_ids))
    if not ids:
        return 0
    statement = select(func.count()).select_from(Measurement).where(Measurement.indicator_id.in_(ids))
    if until is not None:
        statement = statement.where(Measurement.period <= until)
    return int(session.scalar(statement) or 0)


def target_overrides(session: Session, indicator_id: int) -> dict[dt.date, tuple]:
    """{period: (target, target_min, target_max)} of the indicator's per-period targets."""
    rows = session.execute(select(Target.period, Target.target, Target.target_min, Target.target_max)
                           .where(Target.indicator_id == indicator_id))
    return {period: (target, low, high) for period, target, low, high in rows}


def row_periods(session: Session, indicator_id: int) -> dict[str, dict[str, dt.date]]:
    """{"measurement": {id: period}, "target": {id: period}} of the indicator's rows, as audit events name
    rows by id (text) and an update event does not repeat the period."""
    out: dict[str, dict[str, dt.date]] = {}
    for entity, model in (("measurement", Measurement), ("target", Target)):
        rows = session.execute(select(model.id, model.period).where(model.indicator_id == indicator_id))
        out[entity] = {str(row_id): period for row_id, period in rows}
    return out


_EVENT_COLUMNS = (AuditEvent.id, AuditEvent.at, AuditEvent.actor, AuditEvent.operation, AuditEvent.entity,
                  AuditEvent.entity_id, AuditEvent.changes)


def _events(session: Session, condition: ColumnElement[bool], limit: int) -> tuple[list[dict], int]:
    total = int(session.scalar(select(func.count()).select_from(AuditEvent).where(condition)) or 0)
    rows = _rows(session, select(*_EVENT_COLUMNS).where(condition)
                 .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit))
    return rows, total


def indicator_events(session: Session, indicator_id: int, limit: int) -> tuple[list[dict], int]:
    """The change history of an indicator, its measurements and its targets, newest first (at most
    `limit` events) and how many there are in all. Rows deleted since are found by the indicator_id
    their delete event recorded."""
    def rows_of(model: type[Measurement | Target]) -> ColumnElement[bool]:
        return AuditEvent.entity_id.in_(select(cast(model.id, String)).where(model.indicator_id == indicator_id))

    condition = or_(
        and_(AuditEvent.entity == "indicator", AuditEvent.entity_id == str(indicator_id)),
        and_(AuditEvent.entity == "measurement", rows_of(Measurement)),
        and_(AuditEvent.entity == "target", rows_of(Target)),
    )
    rows, total = _events(session, condition, limit)
    deleted = [
        row for row in _rows(session, select(*_EVENT_COLUMNS).where(
            AuditEvent.entity.in_(("measurement", "target")), AuditEvent.operation == "delete"))
        if ((row["changes"] or {}).get("indicator_id") or [None])[0] == indicator_id
    ]
    if deleted:
        rows = sorted(rows + deleted, key=lambda r: (r["at"], r["id"]), reverse=True)[:limit]
    return rows, total + len(deleted)


def objective_events(session: Session, objective_id: int, limit: int) -> tuple[list[dict], int]:
    """The change history of the objective row (its plan above all), newest first."""
    condition = and_(AuditEvent.entity == "objective", AuditEvent.entity_id == str(objective_id))
    return _events(session, condition, limit)


def batch_files(session: Session, ids: Iterable[int]) -> dict[int, str]:
    """{import batch id: file name} — to name a batch in the change history."""
    ids = sorted({i for i in ids if isinstance(i, int)})
    if not ids:
        return {}
    return dict(session.execute(select(ImportBatch.id, ImportBatch.file_name).where(ImportBatch.id.in_(ids))).all())
