"""The organization form through services/system/organization.py, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from mios_dashboard.audit import Actor
from mios_dashboard.db import session_scope
from mios_dashboard.errors import Conflict, Invalid, NotFound
from mios_dashboard.models import AuditEvent, Organization
from mios_dashboard.models.organization import OrganizationValue, ScopeExclusion
from mios_dashboard.services.system.organization import save_organization, time_zones

ANA, LUIS = Actor("ana"), Actor("luis")
FIRST = {
    "name": "Maquinados del Bajío", "legal_name": "Maquinados del Bajío, S.A. de C.V.", "industry": "Metalmecánica",
    "vision": "Ser el proveedor preferido", "mission": "Maquinar con precisión", "scope": "Maquinado CNC",
    "products_services": "Piezas", "management_review_interval_months": "6", "time_zone": "America/Mexico_City",
    "values": "Responsabilidad | Respondo por mis actos\nRespeto | Trato a todos con dignidad",
    "exclusions": "8.3 | Diseño y desarrollo | Fabricamos con planos del cliente",
}


def _create(factory) -> Organization:
    with session_scope(factory, actor="ana") as session:
        record = save_organization(session, ANA, FIRST)
        return record


def test_the_first_save_on_an_empty_database_creates_the_organization(session_factory):
    _create(session_factory)
    with session_scope(session_factory) as session:
        org = session.scalars(select(Organization)).one()
        assert (org.name, org.time_zone, org.management_review_interval_months) == (
            "Maquinados del Bajío", "America/Mexico_City", 6)
        assert [(v.name, v.motto) for v in org.values] == [
            ("Responsabilidad", "Respondo por mis actos"), ("Respeto", "Trato a todos con dignidad")]
        assert [(e.clause, e.justification) for e in org.exclusions] == [("8.3", "Fabricamos con planos del cliente")]
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity == "organization")).one()
        assert (event.actor, event.operation) == ("ana", "insert")


def test_a_second_organization_is_refused(session_factory):
    _create(session_factory)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict) as refused:
        save_organization(session, ANA, {**FIRST, "name": "Otra empresa"})
    assert "una sola organización" in refused.value.message("es")
    with session_scope(session_factory) as session:
        assert session.scalars(select(Organization.name)).all() == ["Maquinados del Bajío"]


def test_every_wrong_field_is_named_and_nothing_is_written(session_factory):
    values = {**FIRST, "name": "", "management_review_interval_months": "30", "time_zone": "Mars/Olympus",
              "values": "Responsabilidad | uno\nresponsabilidad | dos", "exclusions": "8.3 | Diseño"}
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        save_organization(session, ANA, values)
    problems = {problem.field: problem.render("es") for problem in refused.value.problems}
    assert set(problems) == {"name", "management_review_interval_months", "time_zone", "values", "exclusions"}
    assert problems["management_review_interval_months"].startswith("Revisión por la dirección cada (meses): ")
    assert "Zona horaria" in problems["time_zone"]
    assert {problem.render("en").split(":")[0] for problem in refused.value.problems} >= {"Name", "Time zone"}
    with session_scope(session_factory) as session:
        assert session.scalars(select(Organization)).all() == []
        assert session.scalars(select(AuditEvent)).all() == []


def test_an_edit_replaces_the_lists_and_is_audited_old_to_new(session_factory):
    org = _create(session_factory)
    with session_scope(session_factory, actor="luis") as session:
        save_organization(session, LUIS, {**FIRST, "id": org.id, "row_version": org.row_version,
                                          "vision": "Ser líderes en el Bajío", "time_zone": "America/Monterrey",
                                          "values": "Respeto | Trato digno\nConfianza | Cumplo lo que prometo",
                                          "exclusions": ""})
    with session_scope(session_factory) as session:
        stored = session.scalars(select(Organization)).one()
        assert [(v.name, v.motto) for v in stored.values] == [("Respeto", "Trato digno"),
                                                             ("Confianza", "Cumplo lo que prometo")]
        assert session.scalars(select(ScopeExclusion)).all() == []
        update = session.scalars(select(AuditEvent).where(AuditEvent.entity == "organization",
                                                          AuditEvent.operation == "update")).one()
        assert update.actor == "luis"
        assert update.changes["vision"] == ["Ser el proveedor preferido", "Ser líderes en el Bajío"]
        assert update.changes["time_zone"] == ["America/Mexico_City", "America/Monterrey"]
        deleted = session.scalars(select(AuditEvent).where(AuditEvent.entity == "organization_value",
                                                           AuditEvent.operation == "delete")).all()
        assert sorted(event.changes["motto"][0] for event in deleted) == [
            "Respondo por mis actos", "Trato a todos con dignidad"]
        assert len(session.scalars(select(OrganizationValue)).all()) == 2


def test_a_stale_version_is_refused_with_who_saved_it(session_factory):
    org = _create(session_factory)
    loaded = {**FIRST, "id": org.id, "row_version": org.row_version}
    with session_scope(session_factory, actor="luis") as session:
        save_organization(session, LUIS, {**loaded, "mission": "Nueva misión"})
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Conflict) as stale:
        save_organization(session, ANA, {**loaded, "mission": "Otra misión"})
    assert "luis" in stale.value.message("es")
    with session_scope(session_factory) as session:
        assert session.scalars(select(Organization.mission)).one() == "Nueva misión"


def test_an_unknown_id_is_not_found(session_factory):
    _create(session_factory)
    with session_scope(session_factory, actor="ana") as session, pytest.raises(NotFound):
        save_organization(session, ANA, {**FIRST, "id": 999, "row_version": 1})


def test_the_time_zone_list_is_the_iana_one():
    zones = time_zones()
    assert "America/Mexico_City" in zones and "Europe/Madrid" in zones and "UTC" in zones
    assert list(zones) == sorted(zones)
