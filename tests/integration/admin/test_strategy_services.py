"""Perspectives, processes with their SIPOC, objectives with their plan and the strategy map's links, through
services/system/strategy.py, on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mios_dashboard.audit import Actor
from mios_dashboard.db import session_scope
from mios_dashboard.errors import Conflict, Invalid, NotFound
from mios_dashboard.models import AuditEvent, Indicator, Objective, ObjectiveLink, Perspective, Process, SipocItem
from mios_dashboard.services.system import strategy

ANA = Actor("ana")
LUIS = Actor("luis")


def fields_of(refused) -> set[str]:
    return {problem.field for problem in refused.value.problems}


def events(factory, entity: str, operation: str) -> list[AuditEvent]:
    with session_scope(factory) as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.operation == operation)
                               .order_by(AuditEvent.id)).all()
        session.expunge_all()
        return list(rows)


def perspective_values(session, code: str = "FIN") -> dict:
    stored = session.scalars(select(Perspective).where(Perspective.code == code)).one()
    return {"id": stored.id, "row_version": stored.row_version, "name": stored.name, "sort_order": stored.sort_order,
            "weight": stored.weight, "description": stored.description}


@pytest.fixture
def with_process(session_factory):
    with session_scope(session_factory, actor="ana") as session:
        strategy.save_process(session, ANA, {"code": "DIR", "name": "Responsabilidad de la Dirección",
                                             "type": "strategic", "owner": "Director general",
                                             "sipoc": {"supplier": ["Accionistas", "Clientes"],
                                                       "output": ["Política de la calidad"]}})
    return session_factory


def objective_values(session, **overrides) -> dict:
    perspective = session.scalars(select(Perspective).where(Perspective.code == "CLI")).one()
    values = {"code": "OBJ-01", "title": "Aumentar la satisfacción del cliente", "perspective": perspective.id,
              "weight": "2", "plan_what": "Encuesta trimestral", "plan_resources": "Presupuesto de 20 000",
              "plan_owner": "Gerente comercial", "plan_due": "2026-12-31", "plan_evaluation": "Índice ≥ 90 %",
              "policy_commitment": "Satisfacción del cliente"}
    values.update(overrides)
    return values


# Perspectives ----------------------------------------------------------------------------------------------

def test_a_seeded_perspective_is_edited_and_audited_old_to_new(session_factory):
    with session_scope(session_factory) as session:
        values = perspective_values(session)
    with session_scope(session_factory, actor="ana") as session:
        strategy.save_perspective(session, ANA, {**values, "weight": "2,5", "code": "OTRO"})  # the code is not the form's to change
    with session_scope(session_factory) as session:
        stored = session.scalars(select(Perspective).where(Perspective.code == "FIN")).one()
        assert (stored.weight, stored.row_version) == (2.5, values["row_version"] + 1)
    event = events(session_factory, "perspective", "update")[-1]
    assert event.actor == "ana"
    assert event.changes["weight"] == [1.0, 2.5]  # old → new


def test_a_perspective_form_names_every_wrong_field_and_writes_nothing(session_factory):
    with session_scope(session_factory) as session:
        clients = perspective_values(session, "CLI")["name"]
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        strategy.save_perspective(session, ANA, {"code": "FIN", "name": clients, "sort_order": "1.5",
                                                 "weight": "0"})
    assert fields_of(refused) == {"code", "name", "sort_order", "weight"}
    rendered = " ".join(refused.value.details("es"))
    assert "Peso: debe ser mayor que cero" in rendered and "Orden" in rendered
    with session_scope(session_factory) as session:
        assert session.scalar(select(Perspective).where(Perspective.code == "SOS")) is None
        assert len(session.scalars(select(Perspective)).all()) == 4


def test_a_new_perspective_takes_a_unique_code(session_factory):
    with session_scope(session_factory, actor="ana") as session:
        strategy.save_perspective(session, ANA, {"code": "sos", "name": "Sostenibilidad", "sort_order": 5,
                                                 "weight": 1})
    with session_scope(session_factory) as session:
        assert session.scalars(select(Perspective).where(Perspective.code == "SOS")).one().name == "Sostenibilidad"


def test_a_stale_perspective_is_refused_saying_who(session_factory):
    with session_scope(session_factory) as session:
        values = perspective_values(session)
    with session_scope(session_factory, actor="luis") as session:
        strategy.save_perspective(session, LUIS, {**values, "weight": 3})
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict) as stale:
        strategy.save_perspective(session, ANA, {**values, "weight": 4})
    assert "luis" in stale.value.message("es")
    with session_scope(session_factory) as session:
        assert session.scalars(select(Perspective).where(Perspective.code == "FIN")).one().weight == 3.0


def test_an_unknown_perspective_id_is_not_found(session_factory):
    with session_scope(session_factory, actor="ana") as session, pytest.raises(NotFound):
        strategy.save_perspective(session, ANA, {"id": 9999, "row_version": 1, "name": "X", "sort_order": 1,
                                                 "weight": 1})


# Processes and SIPOC -----------------------------------------------------------------------------------------

def test_a_process_is_stored_with_its_sipoc(with_process):
    with session_scope(with_process) as session:
        process = session.scalars(select(Process)).one()
        assert (process.code, process.type, process.owner) == ("DIR", "strategic", "Director general")
        assert [(item.kind, item.text, item.sort_order) for item in process.sipoc] == [
            ("supplier", "Accionistas", 1), ("output", "Política de la calidad", 1), ("supplier", "Clientes", 2)]


def test_a_process_form_names_every_wrong_field_and_writes_nothing(with_process):
    values = {"code": "dir", "name": "", "type": "core", "owner": "x" * 121,
              "sipoc": {"input": ["Plan", "Plan"], "activity": ["y" * 301]}}
    with session_scope(with_process, actor="ana") as session, pytest.raises(Invalid) as refused:
        strategy.save_process(session, ANA, values)
    assert fields_of(refused) == {"code", "name", "type", "owner", "sipoc_input", "sipoc_activity"}
    assert "«DIR» ya está en uso" in " ".join(refused.value.details("es"))
    with session_scope(with_process) as session:
        assert len(session.scalars(select(Process)).all()) == 1
        assert len(session.scalars(select(SipocItem)).all()) == 3


def test_the_sipoc_is_replaced_as_a_whole_and_only_the_changes_are_audited(with_process):
    with session_scope(with_process) as session:
        process = session.scalars(select(Process)).one()
        process_id, version = process.id, process.row_version
    with session_scope(with_process, actor="ana") as session:
        strategy.save_sipoc(session, ANA, process_id, version,
                            {"supplier": ["Clientes", "Gobierno"], "activity": ["Revisión por la dirección"]})
    with session_scope(with_process) as session:
        process = session.get(Process, process_id)
        assert [(item.kind, item.text) for item in sorted(process.sipoc, key=lambda i: (i.kind, i.sort_order))] == [
            ("activity", "Revisión por la dirección"), ("output", "Política de la calidad"),
            ("supplier", "Clientes"), ("supplier", "Gobierno")]
        assert process.row_version == version + 1
    deleted = events(with_process, "sipoc_item", "delete")
    assert [event.changes["text"][0] for event in deleted] == ["Accionistas"]
    assert {event.changes["text"][1] for event in events(with_process, "sipoc_item", "insert")} >= {
        "Gobierno", "Revisión por la dirección"}
    with session_scope(with_process, actor="luis") as session, pytest.raises(Conflict):
        strategy.save_sipoc(session, LUIS, process_id, version, {"supplier": []})


def test_an_unknown_process_is_not_found(session_factory):
    with session_scope(session_factory, actor="ana") as session, pytest.raises(NotFound):
        strategy.save_sipoc(session, ANA, 4242, 1, {"supplier": ["X"]})
    with session_scope(session_factory, actor="ana") as session, pytest.raises(NotFound):
        strategy.save_process(session, ANA, {"id": "4242", "row_version": 1, "code": "X", "name": "X",
                                             "type": "support"})


def test_a_process_in_use_is_kept_and_an_unused_one_deleted(with_process):
    with session_scope(with_process, actor="ana") as session:
        spare = strategy.save_process(session, ANA, {"code": "TMP", "name": "Temporal", "type": "support"})
        spare_id, spare_version = spare.id, spare.row_version
        used = session.scalars(select(Process).where(Process.code == "DIR")).one()
        session.add(Indicator(code="K-1", name="K", target=1.0, process_id=used.id))
        used_id, used_version = used.id, used.row_version
    with session_scope(with_process, actor="ana") as session, pytest.raises(Conflict) as refused:
        strategy.delete_process(session, ANA, used_id, used_version)
    assert "1 indicador" in refused.value.message("es")
    with session_scope(with_process, actor="ana") as session:
        strategy.delete_process(session, ANA, spare_id, spare_version)
    with session_scope(with_process) as session:
        assert [p.code for p in session.scalars(select(Process))] == ["DIR"]
    assert events(with_process, "process", "delete")[-1].changes["code"][0] == "TMP"


# Objectives ------------------------------------------------------------------------------------------------

def test_an_objective_is_stored_with_its_plan(with_process):
    with session_scope(with_process, actor="ana") as session:
        strategy.save_objective(session, ANA, objective_values(session, process="DIR"))
    with session_scope(with_process) as session:
        stored = session.scalars(select(Objective)).one()
        assert (stored.perspective.code, stored.process.code, stored.weight, stored.plan_due, stored.active) == (
            "CLI", "DIR", 2.0, dt.date(2026, 12, 31), True)
        assert (stored.plan_what, stored.plan_owner) == ("Encuesta trimestral", "Gerente comercial")


def test_an_objective_form_names_every_wrong_field_and_writes_nothing(session_factory):
    values = {"code": "OBJ 1", "title": "", "perspective": "NOPE", "process": 777, "parent": "OBJ-99",
              "weight": "-1", "plan_due": "31/12/2026", "plan_owner": "z" * 121}
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        strategy.save_objective(session, ANA, values)
    assert fields_of(refused) == {"code", "title", "perspective", "process", "parent", "weight", "plan_due",
                                  "plan_owner"}
    assert "Fecha de cierre: «31/12/2026» no es una fecha" in " ".join(refused.value.details("es"))
    with session_scope(session_factory) as session:
        assert session.scalars(select(Objective)).all() == []


def test_an_objective_cannot_be_its_own_ancestor(session_factory):
    with session_scope(session_factory, actor="ana") as session:
        top = strategy.save_objective(session, ANA, objective_values(session, code="A"))
        middle = strategy.save_objective(session, ANA, objective_values(session, code="B", parent=top.id))
        strategy.save_objective(session, ANA, objective_values(session, code="C", parent=middle.id))
        top_values = objective_values(session, code="A", id=top.id, row_version=top.row_version)
    for parent in ("A", "C"):
        with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
            strategy.save_objective(session, ANA, {**top_values, "parent": parent})
        assert fields_of(refused) == {"parent"}
        assert "no puede estar por encima de sí mismo" in refused.value.details("es")[0]
    with session_scope(session_factory) as session:
        assert session.scalars(select(Objective).where(Objective.code == "A")).one().parent_id is None


def test_an_objective_update_is_audited_and_a_stale_one_refused(session_factory):
    with session_scope(session_factory, actor="ana") as session:
        stored = strategy.save_objective(session, ANA, objective_values(session))
        values = objective_values(session, id=stored.id, row_version=stored.row_version)
    with session_scope(session_factory, actor="ana") as session:
        strategy.save_objective(session, ANA, {**values, "plan_due": "2027-06-30", "active": []})
    with session_scope(session_factory, actor="luis") as session, pytest.raises(Conflict) as stale:
        strategy.save_objective(session, LUIS, {**values, "title": "Otro"})
    assert "ana" in stale.value.message("en")
    event = events(session_factory, "objective", "update")[-1]
    assert event.actor == "ana"
    assert event.changes["plan_due"] == ["2026-12-31", "2027-06-30"]
    assert event.changes["active"] == [True, False]
    with session_scope(session_factory, actor="ana") as session, pytest.raises(NotFound):
        strategy.save_objective(session, ANA, {**values, "id": "99999"})


# Cause → effect links ----------------------------------------------------------------------------------------

@pytest.fixture
def three_objectives(session_factory):
    with session_scope(session_factory, actor="ana") as session:
        for code in ("A", "B", "C"):
            strategy.save_objective(session, ANA, objective_values(session, code=code))
    return session_factory


def _objective(factory, code: str) -> tuple[int, int]:
    with session_scope(factory) as session:
        stored = session.scalars(select(Objective).where(Objective.code == code)).one()
        return stored.id, stored.row_version


def test_links_are_replaced_as_a_whole(three_objectives):
    a_id, a_version = _objective(three_objectives, "A")
    b_id, _ = _objective(three_objectives, "B")
    c_id, _ = _objective(three_objectives, "C")
    with session_scope(three_objectives, actor="ana") as session:
        strategy.save_objective_links(session, ANA, a_id, a_version, [b_id, c_id])
    with session_scope(three_objectives, actor="ana") as session:
        strategy.save_objective_links(session, ANA, a_id, a_version + 1, ["C"])
    with session_scope(three_objectives) as session:
        assert [(link.cause_id, link.effect_id) for link in session.scalars(select(ObjectiveLink))] == [(a_id, c_id)]
    assert events(three_objectives, "objective_link", "delete")[-1].changes["effect_id"][0] == b_id


def test_a_self_link_a_duplicate_or_an_unknown_objective_is_refused(three_objectives):
    a_id, a_version = _objective(three_objectives, "A")
    b_id, _ = _objective(three_objectives, "B")
    with session_scope(three_objectives, actor="ana") as session, pytest.raises(Invalid) as refused:
        strategy.save_objective_links(session, ANA, a_id, a_version, [a_id, b_id, b_id, 5555])
    keys = [problem.key for problem in refused.value.problems]
    assert sorted(keys) == ["admin.problem.duplicate_link", "admin.problem.self_link", "form.unknown_reference"]
    assert all(problem.field == "effects" for problem in refused.value.problems)
    with session_scope(three_objectives) as session:
        assert session.scalars(select(ObjectiveLink)).all() == []
    with session_scope(three_objectives, actor="ana") as session, pytest.raises(Conflict):
        strategy.save_objective_links(session, ANA, a_id, a_version - 1, [b_id])
    with session_scope(three_objectives, actor="ana") as session, pytest.raises(NotFound):
        strategy.save_objective_links(session, ANA, 8888, 1, [b_id])
