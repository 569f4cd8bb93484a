"""First start: bring the schema to head and, on an empty database, load the demo organization."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from mios_dashboard.db import session_scope
from mios_dashboard.models import Indicator, Organization
from mios_dashboard.schema import upgrade_to_head


def is_empty(session: Session) -> bool:
    return not session.scalar(select(func.count()).select_from(Organization)) and not session.scalar(
        select(func.count()).select_from(Indicator)
    )


def prepare_database(engine: Engine, factory: sessionmaker[Session], *, load_demo: bool, actor: str,
                     today: dt.date | None = None) -> bool:
    """Upgrade the schema; load the demo when asked and the database holds nothing yet. True if it loaded."""
    upgrade_to_head(engine)
    if not load_demo:
        return False
    from mios_dashboard.demo.loader import (
        load_demo as load,  # imported late: the demo content is only needed on a first start
    )

    with session_scope(factory, actor=actor) as session:
        if not is_empty(session):
            return False
        load(session, today=today)
    return True
