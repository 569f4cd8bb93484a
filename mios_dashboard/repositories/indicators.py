"""Indicator queries for the importer and the command line; they take a session and never commit."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from mios_dashboard.models import Indicator, Measurement, Objective, Perspective, Process


def all_indicators(session: Session) -> list[Indicator]:
    """Every indicator, active or not, ordered by code (an import may update an inactive one)."""
    return list(session.scalars(select(Indicator).order_by(Indicator.code)))


def by_codes(session: Session, codes: list[str]) -> dict[str, Indicator]:
    """The indicators with these codes, keyed by code; missing codes are simply absent."""
    if not codes:
        return {}
    rows = session.scalars(select(Indicator).where(Indicator.code.in_(sorted(set(codes)))))
    return {ind.code: ind for ind in rows}


def ids_with_measurements(session: Session) -> set[int]:
    """Indicators that already hold data (their frequency cannot change under them): one index probe per
    indicator (EXISTS on the (indicator_id, period) key), not a DISTINCT over every stored measurement."""
    held = select(Measurement.id).where(Measurement.indicator_id == Indicator.id).exists()
    return set(session.scalars(select(Indicator.id).where(held)))


def perspective_keys(session: Session) -> list[tuple[int, str, str]]:
    """(id, code, name) of every perspective, for matching a definition's Perspectiva cell."""
    rows = session.execute(select(Perspective.id, Perspective.code, Perspective.name))
    return [(i, code, name) for i, code, name in rows]


def objective_keys(session: Session) -> list[tuple[int, str, str]]:
    """(id, code, title) of every objective."""
    rows = session.execute(select(Objective.id, Objective.code, Objective.title))
    return [(i, code, title) for i, code, title in rows]


def process_keys(session: Session) -> list[tuple[int, str, str]]:
    """(id, code, name) of every process."""
    rows = session.execute(select(Process.id, Process.code, Process.name))
    return [(i, code, name) for i, code, name in rows]


def objective_parents(session: Session) -> dict[str, str | None]:
    """Each objective's code → its parent's code (None at the top), for the importer's cycle check."""
    parent = aliased(Objective)
    rows = session.execute(select(Objective.code, parent.code).outerjoin(parent, Objective.parent_id == parent.id))
    return {code: parent_code for code, parent_code in rows}
