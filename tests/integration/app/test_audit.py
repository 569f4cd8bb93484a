"""Every insert, update and delete of a domain row leaves an AuditEvent: who, when, what, old → new."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from mios_dashboard.audit import data_version
from mios_dashboard.db import session_scope
from mios_dashboard.models import AuditEvent, Indicator, Measurement, Perspective


def _events(factory):
    with session_scope(factory) as session:
        return [
            (e.actor, e.operation, e.entity, e.summary, e.changes)
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]


def test_insert_update_delete_are_recorded_with_old_and_new_values(session_factory):
    with session_scope(session_factory, actor="ana.torres") as session:
        perspective = Perspective(code="FIN2", name="Financiera 2", sort_order=5)
        indicator = Indicator(code="VEN-01", name="Ventas netas", unit="MXN", target=1000.0, perspective=perspective)
        session.add_all([perspective, indicator])
        session.flush()
        session.add(Measurement(indicator_id=indicator.id, period=dt.date(2025, 12, 1), value=950.0))
    with session_scope(session_factory, actor="luis.mendez") as session:
        measurement = session.scalar(select(Measurement))
        measurement.value = 1010.0
        measurement.comment = measurement.comment  # unchanged: not recorded
    with session_scope(session_factory) as session:
        session.delete(session.scalar(select(Measurement)))

    events = _events(session_factory)
    operations = [(actor, operation, entity) for actor, operation, entity, _, _ in events]
    assert operations == [
        ("ana.torres", "insert", "perspective"),
        ("ana.torres", "insert", "indicator"),
        ("ana.torres", "insert", "measurement"),
        ("luis.mendez", "update", "measurement"),
        ("sistema", "delete", "measurement"),
    ]
    with session_scope(session_factory) as session:
        ids = [(e.entity, e.entity_id) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
        indicator_id = session.scalar(select(Indicator.id))
    assert all(entity_id for _, entity_id in ids)  # inserts name their row too
    assert ids[1] == ("indicator", str(indicator_id))
    inserted_indicator = events[1]
    assert inserted_indicator[3] == "VEN-01"
    assert inserted_indicator[4]["target"] == [None, 1000.0]
    update = events[3][4]
    assert update == {"value": [950.0, 1010.0]}
    deleted = events[4][4]
    assert deleted["value"] == [1010.0, None]
    assert deleted["period"] == ["2025-12-01", None]


def test_data_version_moves_with_every_write_and_not_with_reads(session_factory):
    with session_scope(session_factory) as session:
        before = data_version(session)
        session.add(Perspective(code="CLI2", name="Clientes 2", sort_order=6))
    with session_scope(session_factory) as session:
        after_write = data_version(session)
        session.scalars(select(Perspective)).all()
    with session_scope(session_factory) as session:
        assert data_version(session) == after_write > before


def test_a_failed_transaction_leaves_no_audit_events(session_factory):
    with pytest.raises(IntegrityError), session_scope(session_factory) as session:
        session.add(Perspective(code="NEW", name="Nueva", sort_order=5))
        session.add(Perspective(code="NEW", name="Otra", sort_order=6))  # duplicate code
        session.flush()
    with session_scope(session_factory) as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 0
        assert session.scalar(select(func.count()).select_from(Perspective)) == 4  # the seeded ones only


def test_every_new_session_factory_is_audited(engine):
    """Factories made and dropped in a loop each get the hook (none looks hooked by a reused address)."""
    from mios_dashboard.db import make_session_factory

    for index in range(40):
        factory = make_session_factory(engine)
        with session_scope(factory) as session:
            session.add(Perspective(code=f"P{index}", name=f"Perspectiva {index}", sort_order=index))
        del factory
    with session_scope(make_session_factory(engine)) as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.entity == "perspective")) == 40
