"""What the demo's tests share: the fixed today, loading helpers, and the demo's content as its data files say."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.demo.content import load_content
from mios_dashboard.demo.loader import load_demo
from mios_dashboard.models import Base, Indicator, Measurement, Target
from mios_dashboard.schema import upgrade_to_head
from tests.conftest import DEMO_TODAY

TODAY = DEMO_TODAY
ANCHOR = dt.date(2025, 12, 1)
CONTENT = load_content()
INDICATORS = CONTENT.indicators
# The story plants one indicator nobody has updated for months and one whose newest month is not closed yet.
STALE_CODE = next(spec.code for spec in INDICATORS if spec.series.stop)
NO_DATA_CODE = next(spec.code for spec in INDICATORS if 0 in spec.series.gaps)


def load(factory, today=TODAY, folder=None):
    with session_scope(factory, actor="demo") as session:
        return load_demo(session, today=today, folder=folder)


def fresh_sqlite_factory(path):
    engine = make_engine(f"sqlite:///{path}")
    upgrade_to_head(engine)
    return make_session_factory(engine)


def table_counts(session) -> dict[str, int]:
    return {
        table.name: session.scalar(select(func.count()).select_from(table))
        for table in Base.metadata.sorted_tables if table.name != "app_state"
    }


def measurement_rows(factory) -> list[tuple]:
    with session_scope(factory) as session:
        return session.execute(
            select(Indicator.code, Measurement.period, Measurement.value, Measurement.comment, Measurement.entered_by)
            .join(Indicator, Measurement.indicator_id == Indicator.id)
            .order_by(Indicator.code, Measurement.period)
        ).all()


def target_rows(factory) -> list[tuple]:
    with session_scope(factory) as session:
        return session.execute(
            select(Indicator.code, Target.period, Target.target).join(Indicator, Target.indicator_id == Indicator.id)
            .order_by(Indicator.code, Target.period)
        ).all()
