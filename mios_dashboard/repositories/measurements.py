"""Measurement queries; they take a session and never commit."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Indicator, Measurement

# SQLite accepts 32,766 bound parameters per statement; stay well below it.
IN_CHUNK = 900


def for_indicators(session: Session, indicator_ids: list[int]) -> dict[tuple[int, dt.date], Measurement]:
    """The stored measurements of these indicators, keyed by (indicator_id, period)."""
    found: dict[tuple[int, dt.date], Measurement] = {}
    ids = sorted(set(indicator_ids))
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start:start + IN_CHUNK]
        for m in session.scalars(select(Measurement).where(Measurement.indicator_id.in_(chunk))):
            found[(m.indicator_id, m.period)] = m
    return found


def code_period_values(session: Session) -> list[tuple[str, dt.date, float]]:
    """(indicator code, period, value) of every measurement, sorted by code then period (the CSV export).

    Sorted in Python: PostgreSQL's locale collation and SQLite's binary one would order codes differently.
    """
    statement = select(Indicator.code, Measurement.period, Measurement.value).join(
        Indicator, Indicator.id == Measurement.indicator_id
    )
    return sorted(((code, period, value) for code, period, value in session.execute(statement)),
                  key=lambda row: (row[0], row[1]))
