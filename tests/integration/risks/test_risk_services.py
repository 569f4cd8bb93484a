"""The risk register's forms through services/system/risks.py, on SQLite and PostgreSQL: every wrong field named,
nothing written on error, the audit trail old → new, a stale version refused, an unknown id, closing vs deleting."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mios_dashboard.audit import Actor
from mios_dashboard.db import session_scope
from mios_dashboard.errors import Conflict, Invalid, NotFound
from mios_dashboard.models import Action, AuditEvent, Objective, Perspective, Process, Risk
from mios_dashboard.repositories import risks as repository
from mios_dashboard.services.system import risks

ANA, LUIS = Actor("ana"), Actor("luis")
TODAY = dt.date(2026, 3, 10)
VALID = {
    "code": "ro-01", "kind": "risk", "title": "Alza del papel importado", "category": "country.economic",
    "likelihood": "4", "impact": "4", "residual_likelihood": "2", "residual_impact": "3", "owner": "Finanzas",
    "treatment": "Coberturas cambiarias", "objective": "OBJ-02", "process": "FIN", "assessed_on": "2026-02-01",
    "review_on": "2026-05-01", "effectiveness": "pending",
}


@pytest.fixture
def factory(session_factory):
    with session_scope(session_factory) as session:
        process = Process(code="FIN", name="Finanzas", type="support")
        session.add(process)
        perspective = session.scalars(select(Perspective).where(Perspective.code == "FIN")).one()
        session.add(Objective(code="OBJ-02", title="Margen bruto", perspective=perspective, process=process))
    return session_factory


def _save(factory, values, actor=ANA) -> Risk:
    with session_scope(factory, actor=actor.username) as session:
        record = risks.save_risk(session, actor, values)
        session.expunge(record)
        return record


def _refused(factory, values, call=None) -> set[str]:
    with session_scope(factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        (call or risks.save_risk)(session, ANA, values)
    return {problem.field for problem in refused.value.problems}


def _count(factory) -> int:
    with session_scope(factory) as session:
        return len(session.scalars(select(Risk)).all())


def test_a_risk_is_stored_with_its_links_and_read_back_with_their_names(factory):
    saved = _save(factory, VALID)
    assert (saved.code, saved.category, saved.row_version) == ("RO-01", "country.economic", 1)
    with session_scope(factory) as session:
        row = repository.register(session)[0]
        assert (row.objective_code, row.objective_title, row.process_name) == ("OBJ-02", "Margen bruto", "Finanzas")
        assert (row.likelihood * row.impact, row.residual_likelihood, row.residual_impact) == (16, 2, 3)
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity == "risk")).one()
        assert (event.operation, event.actor) == ("insert", "ana")


def test_every_wrong_field_is_named_in_the_readers_language_and_nothing_is_written(factory):
    values = {"code": "RO 1", "kind": "peligro", "title": "", "category": "organization.financial",
              "likelihood": "6", "impact": "x", "residual_likelihood": "0", "owner": "", "objective": "OBJ-99",
              "process": "NOPE", "assessed_on": "ayer", "effectiveness": "maybe"}
    with session_scope(factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        risks.save_risk(session, ANA, values)
    fields = [problem.field for problem in refused.value.problems]
    assert set(fields) == {"code", "kind", "title", "category", "likelihood", "impact", "residual_likelihood",
                           "residual_impact", "owner", "objective", "process", "assessed_on", "effectiveness"}
    spanish = refused.value.details("es")
    assert "Objetivo de la calidad: «OBJ-99» no existe" in spanish
    assert "Probabilidad inherente: debe estar entre 1 y 5" in spanish
    assert "Impacto residual: indique la probabilidad y el impacto residuales juntos, o ninguno" in spanish
    assert "Category (slide 16): \"organization.financial\" is not one of the options" in refused.value.details("en")
    assert _count(factory) == 0


def test_residual_must_come_in_pairs_and_not_exceed_the_inherent_rating_of_a_risk(factory):
    assert _refused(factory, {**VALID, "residual_impact": ""}) == {"residual_impact"}
    assert _refused(factory, {**VALID, "residual_likelihood": ""}) == {"residual_likelihood"}
    with session_scope(factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        risks.save_risk(session, ANA, {**VALID, "likelihood": "2", "impact": "3", "residual_likelihood": "3",
                                       "residual_impact": "3"})
    assert refused.value.details("es") == [
        "Impacto residual: la calificación residual (9) no puede ser mayor que la inherente (6) en un riesgo"]
    assert _count(factory) == 0
    # An opportunity's residual may be larger (the treatment makes it more likely), and neither is fine too.
    assert _save(factory, {**VALID, "kind": "opportunity", "likelihood": "2", "impact": "3",
                           "residual_likelihood": "4", "residual_impact": "4"}).residual_impact == 4
    assert _save(factory, {**VALID, "code": "RO-02", "residual_likelihood": "", "residual_impact": ""}
                 ).residual_likelihood is None


def test_codes_are_unique_and_the_review_follows_the_assessment(factory):
    _save(factory, VALID)
    assert _refused(factory, {**VALID, "code": "RO-01", "review_on": "2026-01-01"}) == {"code", "review_on"}


def test_an_update_is_audited_old_to_new_and_a_stale_version_is_refused(factory):
    saved = _save(factory, VALID)
    loaded = {**VALID, "id": saved.id, "row_version": saved.row_version}
    _save(factory, {**loaded, "likelihood": "5", "owner": "Dirección"}, actor=LUIS)
    with session_scope(factory, actor="ana") as session, pytest.raises(Conflict) as stale:
        risks.save_risk(session, ANA, {**loaded, "impact": "5"})
    assert "luis" in stale.value.message("es") and "luis" in stale.value.message("en")
    with session_scope(factory) as session:
        stored = session.scalars(select(Risk)).one()
        assert (stored.likelihood, stored.impact, stored.owner, stored.row_version) == (5, 4, "Dirección", 2)
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity == "risk",
                                                         AuditEvent.operation == "update")).one()
        assert event.actor == "luis"
        assert event.changes["likelihood"] == [4, 5] and event.changes["owner"] == ["Finanzas", "Dirección"]


@pytest.mark.parametrize("made_up", [999_999, "abc", "0"])
def test_an_unknown_id_is_not_found(factory, made_up):
    with session_scope(factory, actor="ana") as session, pytest.raises(NotFound):
        risks.save_risk(session, ANA, {**VALID, "id": made_up, "row_version": 1})
    with session_scope(factory, actor="ana") as session, pytest.raises(NotFound):
        risks.review_risk(session, ANA, made_up, {"review_on": "2026-06-01", "row_version": 1}, today=TODAY)
    assert _count(factory) == 0


def test_a_review_stamps_today_and_the_next_date(factory):
    saved = _save(factory, VALID)
    assert _refused(factory, {"review_on": "2026-03-10", "row_version": 1},
                    lambda s, a, v: risks.review_risk(s, a, saved.id, v, today=TODAY)) == {"review_on"}
    with session_scope(factory, actor="luis") as session:
        risks.review_risk(session, LUIS, saved.id, {"review_on": "2026-09-10", "effectiveness": "effective",
                                                    "row_version": 1}, today=TODAY)
    with session_scope(factory, actor="ana") as session, pytest.raises(Conflict):
        risks.review_risk(session, ANA, saved.id, {"review_on": "2026-09-11", "row_version": 1}, today=TODAY)
    with session_scope(factory) as session:
        stored = session.scalars(select(Risk)).one()
        assert (stored.assessed_on, stored.review_on, stored.effectiveness) == (
            TODAY, dt.date(2026, 9, 10), "effective")
        event = session.scalars(select(AuditEvent).where(AuditEvent.operation == "update")).one()
        assert event.changes["assessed_on"] == ["2026-02-01", "2026-03-10"]


def test_today_is_the_organizations_day():
    class _Zone:  # a session that only answers the time-zone query
        def scalar(self, _statement):
            return "America/Mexico_City"
    late = dt.datetime(2026, 3, 11, 5, 30, tzinfo=dt.UTC)  # 23:30 on March 10 in Mexico City
    assert risks.organization_today(_Zone(), late) == dt.date(2026, 3, 10)  # type: ignore[arg-type]


def test_a_risk_with_actions_is_closed_not_deleted(factory):
    saved = _save(factory, VALID)
    other = _save(factory, {**VALID, "code": "RO-02"})
    with session_scope(factory) as session:
        session.add(Action(code="AC-01", title="Cobertura", kind="risk_treatment", origin="risk", owner="Finanzas",
                           opened_on=TODAY, risk_id=saved.id))
    with session_scope(factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        risks.delete_risk(session, ANA, saved.id, {"row_version": 1})
    assert "Ciérrelo" in refused.value.message("es") and "1" in refused.value.message("es")
    assert _refused(factory, {"row_version": 1, "closed_on": "2026-04-01"},
                    lambda s, a, v: risks.close_risk(s, a, saved.id, v, today=TODAY)) == {"closure_note", "closed_on"}
    with session_scope(factory, actor="ana") as session:
        risks.close_risk(session, ANA, saved.id, {"row_version": 1, "closure_note": "Ya no importamos papel"},
                         today=TODAY)
    with session_scope(factory, actor="ana") as session, pytest.raises(Conflict):
        risks.close_risk(session, ANA, saved.id, {"row_version": 2, "closure_note": "otra vez"}, today=TODAY)
    with session_scope(factory, actor="ana") as session:
        assert risks.delete_risk(session, ANA, other.id, {"row_version": 1}) == "RO-02"
    with session_scope(factory) as session:
        stored = session.scalars(select(Risk)).one()
        assert (stored.code, stored.closed_on, stored.closure_note) == ("RO-01", TODAY, "Ya no importamos papel")
        assert repository.cell_counts(session) == {}  # a closed risk leaves the heat map
        deleted = session.scalars(select(AuditEvent).where(AuditEvent.operation == "delete")).one()
        assert deleted.entity_id == str(other.id)


def test_heat_map_counts_and_overdue_reviews(factory):
    _save(factory, VALID)
    _save(factory, {**VALID, "code": "RO-02", "review_on": "2026-03-09"})
    _save(factory, {**VALID, "code": "RO-03", "likelihood": "2", "impact": "5", "residual_likelihood": "",
                    "residual_impact": ""})
    with session_scope(factory) as session:
        assert repository.cell_counts(session) == {(4, 4): 2, (2, 5): 1}
        assert repository.cell_counts(session, "residual") == {(2, 3): 2}
        assert repository.overdue_codes(session, TODAY) == ["RO-02"]
        assert [row.overdue(TODAY) for row in repository.register(session)] == [False, True, False]


def test_every_demo_risk_passes_the_forms_rules(demo_factory):
    """The demo goes in through the loader, not the form: each of its risks saved again through the form as it
    loads changes nothing and is refused nowhere (residual pairs, residual ≤ inherent, valid leaves)."""
    from mios_dashboard.services.system.risk_register import form_values

    with session_scope(demo_factory) as session:
        ids = list(session.scalars(select(Risk.id).order_by(Risk.code)))
        residual = session.scalars(select(Risk.code).where(Risk.residual_likelihood.is_not(None))).all()
    assert len(ids) == 13 and len(residual) == 7
    for risk_id in ids:
        with session_scope(demo_factory, actor="ana") as session:
            risks.save_risk(session, ANA, form_values(session, risk_id))
    with session_scope(demo_factory) as session:
        assert session.scalars(select(AuditEvent).where(AuditEvent.entity == "risk",
                                                        AuditEvent.operation == "update")).all() == []
