"""First start: bring the schema to head and, on an empty database, fill it (the app passes the demo's loader).

The filler is handed in rather than imported, so services never depend on demo/ (which builds on services).
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from mios_dashboard.db import session_scope
from mios_dashboard.models import Indicator, Organization
from mios_dashboard.schema import upgrade_to_head


def is_empty(session: Session) -> bool:
    return not session.scalar(select(func.count()).select_from(Organization)) and not session.scalar(
        select(func.count()).select_from(Indicator)
    )


def prepare_database(engine: Engine, factory: sessionmaker[Session], *, actor: str,
                     fill_empty: Callable[[Session], object] | None = None) -> bool:
    """Upgrade the schema; when the database holds nothing yet, `fill_empty` it in one audited transaction.
    True if it filled it."""
    upgrade_to_head(engine)
    if fill_empty is None:
        return False
    with session_scope(factory, actor=actor) as session:
        if not is_empty(session):
            return False
        fill_empty(session)
    return True
