"""The quality policy's lifecycle through services/system/policy.py: draft → approve → communicate, on
SQLite and PostgreSQL; a newer approval supersedes, an approved text is never edited, history is kept."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mios_dashboard.audit import Actor
from mios_dashboard.db import session_scope
from mios_dashboard.errors import Conflict, Invalid, NotFound
from mios_dashboard.models import AuditEvent, QualityPolicy
from mios_dashboard.services.system import policy

ANA, LUIS = Actor("ana"), Actor("luis")
TODAY = dt.date(2026, 3, 10)


def _draft(factory, statement: str = "Satisfacer a nuestros clientes") -> tuple[int, int]:
    with session_scope(factory, actor="ana") as session:
        record = policy.draft_policy(session, ANA, {"statement": statement})
        return record.id, record.row_version


def _approve(factory, record: tuple[int, int], on: str = "2026-03-01") -> tuple[int, int]:
    with session_scope(factory, actor="ana") as session:
        stored = policy.approve_policy(session, ANA, {"id": record[0], "row_version": record[1],
                                                      "approved_by": "Dirección general", "approved_on": on},
                                       today=TODAY)
        return stored.id, stored.row_version


def _versions(factory) -> list[tuple]:
    with session_scope(factory) as session:
        return [(p.version, p.in_force, p.approved_on, p.communicated_on)
                for p in session.scalars(select(QualityPolicy).order_by(QualityPolicy.version))]


def test_draft_approve_communicate(session_factory):
    first = _draft(session_factory)
    approved = _approve(session_factory, first)
    with session_scope(session_factory, actor="luis") as session:
        policy.communicate_policy(session, LUIS, {"id": approved[0], "row_version": approved[1],
                                                  "communicated_to": "Todo el personal", "communicated_on": "2026-03-05"},
                                  today=TODAY)
    assert _versions(session_factory) == [(1, True, dt.date(2026, 3, 1), dt.date(2026, 3, 5))]
    with session_scope(session_factory) as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == "quality_policy")
                                 .order_by(AuditEvent.id)).all()
        assert [(e.operation, e.actor) for e in events] == [("insert", "ana"), ("update", "ana"), ("update", "luis")]
        assert events[1].changes["in_force"] == [False, True]
        assert events[2].changes["communicated_to"] == [None, "Todo el personal"]


def test_a_newer_approval_supersedes_and_the_old_version_stays_readable(session_factory):
    _approve(session_factory, _draft(session_factory, "Versión uno"))
    second = _draft(session_factory, "Versión dos")
    assert _versions(session_factory)[1][:2] == (2, False)
    _approve(session_factory, second, on="2026-03-08")
    assert [(v, in_force) for v, in_force, *_ in _versions(session_factory)] == [(1, False), (2, True)]
    with session_scope(session_factory) as session:
        old = session.scalars(select(QualityPolicy).where(QualityPolicy.version == 1)).one()
        assert (old.statement, old.approved_on) == ("Versión uno", dt.date(2026, 3, 1))


def test_an_approved_statement_is_never_edited(session_factory):
    approved = _approve(session_factory, _draft(session_factory))
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict) as refused:
        policy.save_draft(session, ANA, {"id": approved[0], "row_version": approved[1], "statement": "Otro texto"})
    assert "Redacte una nueva versión" in refused.value.message("es")
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict):
        policy.approve_policy(session, ANA, {"id": approved[0], "row_version": approved[1], "approved_by": "X",
                                             "approved_on": "2026-03-02"}, today=TODAY)
    with session_scope(session_factory) as session:
        assert session.scalars(select(QualityPolicy.statement)).one() == "Satisfacer a nuestros clientes"


def test_a_draft_is_edited_and_a_stale_edit_refused(session_factory):
    record = _draft(session_factory)
    with session_scope(session_factory, actor="luis") as session:
        policy.save_draft(session, LUIS, {"id": record[0], "row_version": record[1], "statement": "Texto corregido"})
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict) as stale:
        policy.save_draft(session, ANA, {"id": record[0], "row_version": record[1], "statement": "Mi texto"})
    assert "luis" in stale.value.message("en")
    with session_scope(session_factory) as session:
        assert session.scalars(select(QualityPolicy.statement)).one() == "Texto corregido"


def test_one_draft_at_a_time(session_factory):
    _draft(session_factory)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict) as refused:
        policy.draft_policy(session, ANA, {"statement": "Otra redacción"})
    assert "versión 1" in refused.value.message("es")
    assert _versions(session_factory) == [(1, False, None, None)]


def test_a_draft_cannot_be_communicated(session_factory):
    record = _draft(session_factory)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict) as refused:
        policy.communicate_policy(session, ANA, {"id": record[0], "row_version": record[1],
                                                 "communicated_to": "Todos", "communicated_on": "2026-03-05"},
                                  today=TODAY)
    assert "apruébela" in refused.value.message("es")
    assert _versions(session_factory) == [(1, False, None, None)]


def test_every_wrong_field_is_named_and_nothing_is_written(session_factory):
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as empty:
        policy.draft_policy(session, ANA, {"statement": "  "})
    assert [p.field for p in empty.value.problems] == ["statement"]
    record = _draft(session_factory)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        policy.approve_policy(session, ANA, {"id": record[0], "row_version": record[1], "approved_by": "",
                                             "approved_on": "2026-04-01"}, today=TODAY)
    assert {p.field: p.render("es") for p in refused.value.problems} == {
        "approved_by": "Aprobada por: es obligatorio", "approved_on": "Aprobada el: no puede ser posterior a hoy"}
    approved = _approve(session_factory, record)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as early:
        policy.communicate_policy(session, ANA, {"id": approved[0], "row_version": approved[1],
                                                 "communicated_to": "", "communicated_on": "2026-02-01"}, today=TODAY)
    assert {p.field for p in early.value.problems} == {"communicated_to", "communicated_on"}
    assert "anterior a la aprobación" in early.value.problems[1].render("es")
    assert _versions(session_factory) == [(1, True, dt.date(2026, 3, 1), None)]


def test_an_unknown_version_is_not_found(session_factory):
    with session_scope(session_factory, actor="ana") as session, pytest.raises(NotFound):
        policy.approve_policy(session, ANA, {"id": 404, "row_version": 1, "approved_by": "X",
                                             "approved_on": "2026-03-01"}, today=TODAY)
