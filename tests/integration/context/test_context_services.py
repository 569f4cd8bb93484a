"""SWOT issues, interested parties, the communication matrix and roles through services/system/context.py,
on SQLite and PostgreSQL: every wrong field named, nothing written on error, audit old → new, stale and
unknown records refused, deletes audited, one management representative at most."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mios_dashboard.audit import Actor
from mios_dashboard.db import session_scope
from mios_dashboard.errors import Conflict, Invalid, NotFound
from mios_dashboard.models import AuditEvent, CommunicationItem, ContextIssue, Indicator, InterestedParty, Role
from mios_dashboard.services.system import context

ANA, LUIS = Actor("ana"), Actor("luis")
ISSUE = {"scope": "external", "swot": "threat", "description": "Nuevo competidor en la región",
         "effect": "Presión en precios", "monitoring": "Junta de ventas", "last_reviewed_on": "2025-01-10"}


def _save(factory, save, values, actor: Actor = ANA):
    with session_scope(factory, actor=actor.username) as session:
        record = save(session, actor, values)
        return record.id, record.row_version


def _events(factory, entity: str) -> list[AuditEvent]:
    with session_scope(factory) as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id)))


def _problems(error: Invalid) -> dict[str, str]:
    return {problem.field: problem.render("es") for problem in error.problems}


# ---------- issues ----------

def test_an_issue_is_saved_reviewed_and_audited(session_factory):
    record_id, version = _save(session_factory, context.save_issue, ISSUE)
    with session_scope(session_factory, actor="luis") as session:
        context.review_issue(session, LUIS, {"id": record_id, "row_version": version}, today=dt.date(2026, 2, 3))
    with session_scope(session_factory) as session:
        assert session.get(ContextIssue, record_id).last_reviewed_on == dt.date(2026, 2, 3)
        grid = context.section_data(session, "foda", dt.date(2026, 2, 3))
        assert [row.overdue for row in grid["threat"]] == [False]
        assert context.section_data(session, "foda", dt.date(2027, 2, 4))["threat"][0].overdue
    update = _events(session_factory, "context_issue")[-1]
    assert (update.actor, update.changes["last_reviewed_on"]) == ("luis", ["2025-01-10", "2026-02-03"])


def test_an_issue_without_a_scope_takes_its_quadrants(session_factory):
    record_id, _ = _save(session_factory, context.save_issue, {**ISSUE, "scope": "", "swot": "weakness"})
    with session_scope(session_factory) as session:
        assert session.get(ContextIssue, record_id).scope == "internal"


def test_an_issue_names_every_wrong_field_and_writes_nothing(session_factory):
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        context.save_issue(session, ANA, {"scope": "internal", "swot": "threat", "description": "",
                                          "last_reviewed_on": "2999-01-01"})
    assert set(_problems(refused.value)) == {"swot", "description", "last_reviewed_on"}
    assert _problems(refused.value)["swot"].startswith("Cuadrante FODA: fortalezas y debilidades son internas")
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as unknown:
        context.save_issue(session, ANA, {**ISSUE, "swot": "dream", "scope": "outer"})
    assert set(_problems(unknown.value)) == {"swot", "scope"}
    with session_scope(session_factory) as session:
        assert session.scalars(select(ContextIssue)).all() == []


def test_a_stale_issue_is_refused_and_an_unknown_one_not_found(session_factory):
    record_id, version = _save(session_factory, context.save_issue, ISSUE)
    _save(session_factory, context.save_issue, {**ISSUE, "id": record_id, "row_version": version,
                                                "effect": "Baja de margen"}, LUIS)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict) as stale:
        context.save_issue(session, ANA, {**ISSUE, "id": record_id, "row_version": version, "effect": "Otro"})
    assert "luis" in stale.value.message("es")
    with session_scope(session_factory, actor="ana") as session, pytest.raises(NotFound):
        context.save_issue(session, ANA, {**ISSUE, "id": 9999, "row_version": 1})
    with session_scope(session_factory, actor="ana") as session, pytest.raises(NotFound):
        context.review_issue(session, ANA, {"id": "abc", "row_version": 1})
    with session_scope(session_factory) as session:
        assert session.get(ContextIssue, record_id).effect == "Baja de margen"


def test_deleting_an_issue_keeps_its_old_values_in_the_audit(session_factory):
    record_id, version = _save(session_factory, context.save_issue, ISSUE)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict):
        context.delete_record(session, ANA, "issue", {"id": record_id, "row_version": version + 5})
    with session_scope(session_factory, actor="ana") as session:
        context.delete_record(session, ANA, "issue", {"id": record_id, "row_version": version})
    deleted = _events(session_factory, "context_issue")[-1]
    assert (deleted.operation, deleted.changes["description"][0]) == ("delete", "Nuevo competidor en la región")
    with session_scope(session_factory) as session:
        assert session.scalars(select(ContextIssue)).all() == []


# ---------- parties ----------

PARTY = {"type": "customers", "name": "Clientes automotrices", "monitoring": "Encuesta semestral",
         "requirements": "Entrega a tiempo\nLegal: Factura electrónica CFDI 4.0\n\n", "last_reviewed_on": "2025-11-01"}


def test_a_party_with_requirements_and_an_indicator(session_factory):
    with session_scope(session_factory) as session:
        session.add(Indicator(code="CLI-01", name="Satisfacción", direction="higher", frequency="monthly",
                              target=90.0))
    with session_scope(session_factory) as session:
        indicator_id = session.scalars(select(Indicator.id)).one()
    record_id, version = _save(session_factory, context.save_party, {**PARTY, "satisfaction_indicator": indicator_id})
    with session_scope(session_factory) as session:
        row = context.section_data(session, "partes", dt.date(2026, 1, 1))[0]
        assert (row.indicator, row.requirement_count) == ("CLI-01 · Satisfacción", 2)
        assert [(r.kind, r.description) for r in row.requirements] == [
            ("customer", "Entrega a tiempo"), ("legal", "Factura electrónica CFDI 4.0")]
    _save(session_factory, context.save_party, {**PARTY, "id": record_id, "row_version": version,
                                                "requirements": "Entrega a tiempo"}, LUIS)
    removed = [e for e in _events(session_factory, "party_requirement") if e.operation == "delete"]
    assert [e.changes["description"][0] for e in removed] == ["Entrega a tiempo", "Factura electrónica CFDI 4.0"]
    with session_scope(session_factory) as session:
        assert session.get(InterestedParty, record_id).row_version > version


def test_a_party_names_every_wrong_field(session_factory):
    _save(session_factory, context.save_party, PARTY)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        context.save_party(session, ANA, {**PARTY, "type": "aliens", "satisfaction_indicator": "NO-01",
                                          "last_reviewed_on": "mañana"})
    assert set(_problems(refused.value)) == {"type", "name", "satisfaction_indicator", "last_reviewed_on"}
    assert "ya está en uso" in _problems(refused.value)["name"]
    with session_scope(session_factory) as session:
        assert len(session.scalars(select(InterestedParty)).all()) == 1


# ---------- communication ----------

ROW = {"scope": "internal", "what": "Resultados del tablero", "timing": "Semanal", "to_whom": "Dueños de proceso",
       "how": "Junta de operación", "who": "Representante de la dirección"}


def test_a_communication_row_is_saved_edited_and_deleted(session_factory):
    record_id, version = _save(session_factory, context.save_communication, ROW)
    record_id, version = _save(session_factory, context.save_communication,
                               {**ROW, "id": record_id, "row_version": version, "timing": "Cada lunes"}, LUIS)
    update = _events(session_factory, "communication_item")[-1]
    assert update.changes["timing"] == ["Semanal", "Cada lunes"]
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        context.save_communication(session, ANA, {"scope": "x", "what": "", "timing": "", "to_whom": "", "how": "",
                                                  "who": "", "id": record_id, "row_version": version})
    assert set(_problems(refused.value)) == {"scope", "what", "timing", "to_whom", "how", "who"}
    assert _problems(refused.value)["to_whom"] == "A quién: es obligatorio"
    with session_scope(session_factory, actor="ana") as session:
        context.delete_record(session, ANA, "communication", {"id": record_id, "row_version": version})
    with session_scope(session_factory) as session:
        assert session.scalars(select(CommunicationItem)).all() == []


# ---------- roles ----------

ROLE = {"name": "Director general", "person": "Laura Méndez", "responsibilities": "Dirigir", "authorities": "Aprobar",
        "competence_required": "Maestría", "competence_evidence": "Título", "awareness_on": "2025-12-01",
        "is_management_representative": False}


def test_only_one_role_is_the_management_representative(session_factory):
    _save(session_factory, context.save_role, {**ROLE, "name": "Gerente de calidad",
                                               "is_management_representative": True})
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        context.save_role(session, ANA, {**ROLE, "is_management_representative": ["on"]})
    assert "Gerente de calidad" in _problems(refused.value)["is_management_representative"]
    record_id, version = _save(session_factory, context.save_role, ROLE)
    with session_scope(session_factory) as session:
        assert [r.name for r in session.scalars(select(Role).where(Role.is_management_representative))] == [
            "Gerente de calidad"]
    _save(session_factory, context.save_role, {**ROLE, "id": record_id, "row_version": version, "person": "Otra"})


def test_a_role_names_every_wrong_field_stale_and_unknown(session_factory):
    record_id, version = _save(session_factory, context.save_role, ROLE)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        context.save_role(session, ANA, {**ROLE, "name": "", "person": "x" * 121, "awareness_on": "2999-12-31"})
    assert set(_problems(refused.value)) == {"name", "person", "awareness_on"}
    _save(session_factory, context.save_role, {**ROLE, "id": record_id, "row_version": version, "person": "Pedro"},
          LUIS)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict) as stale:
        context.save_role(session, ANA, {**ROLE, "id": record_id, "row_version": version})
    assert "luis" in stale.value.message("es")
    with session_scope(session_factory, actor="ana") as session, pytest.raises(NotFound):
        context.delete_record(session, ANA, "role", {"id": 777, "row_version": 1})
    with session_scope(session_factory) as session:
        assert session.get(Role, record_id).person == "Pedro"
    assert [e.operation for e in _events(session_factory, "role")] == ["insert", "update"]
