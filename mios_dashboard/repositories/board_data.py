"""The rows the board is computed from, as DataFrames: one query per table, never one per indicator."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from ..models import Indicator, Measurement, Objective, Perspective, Process, Target


def _frame(session: Session, statement: Select) -> pd.DataFrame:
    result = session.execute(statement)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def perspectives(session: Session) -> pd.DataFrame:
    """Columns: code, name, sort_order, weight — in board order."""
    return _frame(
        session,
        select(Perspective.code, Perspective.name, Perspective.sort_order, Perspective.weight).order_by(
            Perspective.sort_order, Perspective.code
        ),
    )


def objectives(session: Session) -> pd.DataFrame:
    """Columns: code, title, perspective, process, owner, due, weight — active objectives only."""
    return _frame(
        session,
        select(
            Objective.code,
            Objective.title,
            Perspective.code.label("perspective"),
            Process.code.label("process"),
            Objective.plan_owner.label("owner"),
            Objective.plan_due.label("due"),
            Objective.weight,
        )
        .join(Perspective, Objective.perspective_id == Perspective.id)
        .outerjoin(Process, Objective.process_id == Process.id)
        .where(Objective.active.is_(True))
        .order_by(Objective.code),
    )


def indicators(session: Session) -> pd.DataFrame:
    """Columns: id, code, name, unit, direction, frequency, aggregation, target, target_min, target_max,
    green_threshold, yellow_threshold, weight, decimals, owner, group, objective, perspective, process.

    An indicator's perspective is its own, or else its objective's.
    """
    objective_perspective = aliased(Perspective)
    return _frame(
        session,
        select(
            Indicator.id, Indicator.code, Indicator.name, Indicator.unit, Indicator.direction, Indicator.frequency,
            Indicator.aggregation, Indicator.target, Indicator.target_min, Indicator.target_max,
            Indicator.green_threshold, Indicator.yellow_threshold, Indicator.weight, Indicator.decimals,
            Indicator.owner, Indicator.group,
            Objective.code.label("objective"),
            func.coalesce(Perspective.code, objective_perspective.code).label("perspective"),
            Process.code.label("process"),
        )
        .outerjoin(Objective, Indicator.objective_id == Objective.id)
        .outerjoin(Perspective, Indicator.perspective_id == Perspective.id)
        .outerjoin(objective_perspective, Objective.perspective_id == objective_perspective.id)
        .outerjoin(Process, Indicator.process_id == Process.id)
        .where(Indicator.active.is_(True))
        .order_by(Indicator.code),
    )


def measurements(session: Session, until: dt.date | None = None) -> pd.DataFrame:
    """Columns: indicator_id, period (datetime64), value — every value up to `until` inclusive."""
    statement = select(Measurement.indicator_id, Measurement.period, Measurement.value)
    if until is not None:
        statement = statement.where(Measurement.period <= until)
    frame = _frame(session, statement)
    frame["period"] = pd.to_datetime(frame["period"])
    return frame


def targets(session: Session) -> pd.DataFrame:
    """Columns: indicator_id, period (datetime64), target, target_min, target_max — per-period overrides."""
    frame = _frame(session, select(Target.indicator_id, Target.period, Target.target, Target.target_min, Target.target_max))
    frame["period"] = pd.to_datetime(frame["period"])
    return frame


def measured_periods(session: Session) -> list[dt.date]:
    """Every distinct period that has a value, ascending."""
    return list(session.scalars(select(Measurement.period).distinct().order_by(Measurement.period)))
