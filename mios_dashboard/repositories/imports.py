"""Reads of the import capability: the import history (control of records, slide 51), newest first, one page
at a time, and what is stored now for the indicators a file touches (the preview's table of first changes).
They take a session and never commit."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mios_dashboard.models import ImportBatch, Indicator, Measurement


def count_batches(session: Session) -> int:
    """How many files were ever offered, accepted or refused."""
    return int(session.scalar(select(func.count()).select_from(ImportBatch)) or 0)


def batches_page(session: Session, offset: int, limit: int) -> list[ImportBatch]:
    """`limit` batches from `offset`, newest first (the id breaks ties between batches of the same second)."""
    statement = (
        select(ImportBatch)
        .order_by(ImportBatch.imported_at.desc(), ImportBatch.id.desc())
        .offset(max(0, offset))
        .limit(max(1, limit))
    )
    return list(session.scalars(statement))


IN_CHUNK = 900  # SQLite's bound-parameter limit is far above; PostgreSQL has none that matters here


def indicator_facts(session: Session, codes: list[str]) -> dict[str, dict]:
    """id, name, unit, decimals and frequency of the indicators with these codes, keyed by code."""
    facts: dict[str, dict] = {}
    wanted = sorted(set(codes))
    for start in range(0, len(wanted), IN_CHUNK):
        statement = select(Indicator.code, Indicator.id, Indicator.name, Indicator.unit, Indicator.decimals,
                           Indicator.frequency).where(Indicator.code.in_(wanted[start:start + IN_CHUNK]))
        for code, id_, name, unit, decimals, frequency in session.execute(statement):
            facts[code] = {"id": id_, "name": name, "unit": unit, "decimals": decimals, "frequency": frequency}
    return facts


def stored_values(session: Session, indicator_ids: list[int]) -> dict[tuple[int, dt.date], float]:
    """The stored value of every measurement of these indicators, keyed by (indicator id, period)."""
    values: dict[tuple[int, dt.date], float] = {}
    ids = sorted(set(indicator_ids))
    for start in range(0, len(ids), IN_CHUNK):
        statement = select(Measurement.indicator_id, Measurement.period, Measurement.value).where(
            Measurement.indicator_id.in_(ids[start:start + IN_CHUNK]))
        for indicator_id, period, value in session.execute(statement):
            if isinstance(period, dt.datetime):
                period = period.date()
            values[(indicator_id, period)] = value
    return values
