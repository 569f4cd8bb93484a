"""The write path on a real database (SQLite and PostgreSQL): a stale version is refused naming who saved last
and when, nothing is written, and the database itself refuses two racing saves of one loaded version."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from mios_dashboard.db import session_scope
from mios_dashboard.errors import Conflict, NotFound
from mios_dashboard.models import AuditEvent, Process
from mios_dashboard.services.edits import for_update, touch


@pytest.fixture
def process_id(session_factory) -> int:
    with session_scope(session_factory, actor="ana.torres") as session:
        session.add(process := Process(code="RD", name="Responsabilidad de la Dirección", type="strategic"))
        session.flush()
        assert process.row_version == 1
        return process.id


def test_a_save_over_a_newer_version_is_refused_with_who_and_when(session_factory, process_id):
    with session_scope(session_factory, actor="luis.mendez") as session:
        process = for_update(session, Process, process_id, 1)
        process.owner = "Luis Méndez"
    with pytest.raises(Conflict) as refused, session_scope(session_factory, actor="ana.torres") as session:
        for_update(session, Process, process_id, "1", time_zone="America/Mexico_City").owner = "Ana Torres"
    assert "luis.mendez lo modificó el" in refused.value.message("es")
    assert "luis.mendez changed it on" in refused.value.message("en")
    with session_scope(session_factory) as session:
        process = session.get(Process, process_id)
        assert (process.owner, process.row_version) == ("Luis Méndez", 2)
        events = session.execute(select(AuditEvent.actor, AuditEvent.changes).where(
            AuditEvent.entity == "process").order_by(AuditEvent.id)).all()
    assert [actor for actor, _ in events] == ["ana.torres", "luis.mendez"]
    assert events[1].changes["owner"] == [None, "Luis Méndez"]


def test_a_form_that_does_not_say_its_version_may_not_overwrite(session_factory, process_id):
    with pytest.raises(Conflict), session_scope(session_factory) as session:
        for_update(session, Process, process_id, None)


def test_an_unknown_or_made_up_id_is_not_found(session_factory, process_id):
    for made_up in (process_id + 100, "1 OR 1=1", None):
        with pytest.raises(NotFound), session_scope(session_factory) as session:
            for_update(session, Process, made_up, 1)


def test_touch_bumps_the_version_when_only_children_change(session_factory, process_id):
    from mios_dashboard.models import SipocItem

    with session_scope(session_factory) as session:
        process = for_update(session, Process, process_id, 1)
        process.sipoc.append(SipocItem(kind="input", text="Resultados del tablero", sort_order=1))
        touch(process)
    with session_scope(session_factory) as session:
        assert session.get(Process, process_id).row_version == 2


def test_two_saves_racing_on_one_loaded_version_cannot_both_win(session_factory, process_id):
    """Both forms passed the version check; the UPDATE's `WHERE row_version = 1` stops the second one."""
    first, second = session_factory(), session_factory()
    try:
        a = for_update(first, Process, process_id, 1)
        b = for_update(second, Process, process_id, 1)
        a.owner = "A"
        first.commit()
        b.owner = "B"
        with pytest.raises(StaleDataError):
            second.commit()
    finally:
        first.close()
        second.rollback()
        second.close()
    with session_scope(session_factory) as session:
        assert session.get(Process, process_id).owner == "A"
