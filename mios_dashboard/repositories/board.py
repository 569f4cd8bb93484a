"""The rows the board is computed from, as DataFrames (one query per table, never one per indicator), and
the small reads the board page needs besides: overdue actions and process names."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from mios_dashboard.memory import cycle_collector_paused
from mios_dashboard.models import Action, Indicator, Measurement, Objective, Perspective, Process, Target

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


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
    green_threshold, yellow_threshold, weight, decimals, owner, group, xmr_baseline_start, xmr_baseline_end,
    objective, due (the objective's plan_due, for the forecast), perspective, process.

    An indicator's perspective is its own, or else its objective's.
    """
    objective_perspective = aliased(Perspective)
    return _frame(
        session,
        select(
            Indicator.id, Indicator.code, Indicator.name, Indicator.unit, Indicator.direction, Indicator.frequency,
            Indicator.aggregation, Indicator.target, Indicator.target_min, Indicator.target_max,
            Indicator.green_threshold, Indicator.yellow_threshold, Indicator.weight, Indicator.decimals,
            Indicator.owner, Indicator.group, Indicator.xmr_baseline_start, Indicator.xmr_baseline_end,
            Objective.code.label("objective"), Objective.plan_due.label("due"),
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
    """Columns: indicator_id, period (datetime64), value — every value up to `until` inclusive.

    The hottest query of the board (every value of every indicator): rows come straight from the DBAPI
    cursor as plain tuples and become numpy columns, skipping one Python object per row and cell.
    """
    table = Measurement.__table__
    statement = select(table.c.indicator_id, table.c.period, table.c.value)
    if until is not None:
        statement = statement.where(table.c.period <= until)
    result = session.connection().execute(statement)
    with cycle_collector_paused():  # 120k short-lived row tuples
        try:
            rows = result.cursor.fetchall()
        finally:
            result.close()
        ids, periods, values = zip(*rows) if rows else ((), (), ())
        return pd.DataFrame({
            "indicator_id": np.array(ids, dtype="int64"),
            "period": _datetimes(periods),
            "value": np.array(values, dtype="float64"),
        })


def _datetimes(periods: tuple) -> np.ndarray:
    """Dates as the driver gives them — ISO text (SQLite) or datetime.date (PostgreSQL) — → datetime64[ns]."""
    if periods and isinstance(periods[0], str):
        return np.array(periods, dtype="datetime64[D]").astype("datetime64[ns]")
    ordinals = np.fromiter((p.toordinal() for p in periods), dtype="int64", count=len(periods))
    return (ordinals - _EPOCH_ORDINAL).astype("datetime64[D]").astype("datetime64[ns]")


def targets(session: Session) -> pd.DataFrame:
    """Columns: indicator_id, period (datetime64), target, target_min, target_max — per-period overrides."""
    frame = _frame(session, select(Target.indicator_id, Target.period, Target.target, Target.target_min, Target.target_max))
    frame["period"] = pd.to_datetime(frame["period"])
    return frame


def measured_periods(session: Session) -> list[dt.date]:
    """Every distinct period that has a value, ascending."""
    return list(session.scalars(select(Measurement.period).distinct().order_by(Measurement.period)))


# Open or in-process, as the PHVA check "actions on time" counts them (analytics/phva.py).
OPEN_ACTION_STATUSES = ("open", "in_progress")


def overdue_actions(session: Session, today: dt.date) -> int:
    """Open actions past their due date (due today is still on time) — one COUNT, no rows loaded."""
    return int(session.scalar(
        select(func.count(Action.id)).where(Action.status.in_(OPEN_ACTION_STATUSES), Action.due_on < today)
    ) or 0)


def process_names(session: Session) -> dict[str, str]:
    """Process code → name, for the process filter's labels ("PRD — Producción")."""
    return dict(session.execute(select(Process.code, Process.name).order_by(Process.code)).all())
