"""The /contexto page and its modal over HTTP (no browser): each section drawn, an empty database says what to
record first, a form names each wrong field under it, a forged id and a stale version are refused in words."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mios_dashboard import create_app
from mios_dashboard.audit import Actor
from mios_dashboard.config import Settings
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.models import AuditEvent, Organization, QualityPolicy, Role
from mios_dashboard.schema import upgrade_to_head
from mios_dashboard.services.system import context, organization
from tests.integration.context.context_client import ContextClient, problems_of, text_of

SECTIONS = ("organizacion", "politica", "foda", "partes", "comunicacion", "roles", "sipoc")


@pytest.fixture
def empty(tmp_path):
    url = f"sqlite:///{tmp_path / 'context.db'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    factory = make_session_factory(engine)
    app = create_app(Settings(database_url=url, data_dir=tmp_path, load_demo_when_empty=False))
    yield ContextClient(app), factory
    engine.dispose()


@pytest.fixture
def demo(demo_app):
    return ContextClient(demo_app)


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_of_the_demo_is_drawn_in_both_languages(demo, section):
    spanish = demo.page("/contexto", f"?seccion={section}")
    english = demo.page("/contexto", f"?seccion={section}&lang=en")
    assert "Contexto de la organización" in spanish and "Context of the organization" in english
    assert "mios-context-empty" not in spanish  # the demo has something in every section
    assert "Traceback" not in spanish + english


def test_the_demo_reads_as_who_we_are(demo):
    text = demo.page("/contexto", "")
    assert "Nuestros valores" in text and "Visión" in text and "Misión" in text
    policy = demo.page("/contexto", "?seccion=politica")
    assert "En vigor" in policy and "Historial de versiones" in policy
    swot = demo.page("/contexto", "?seccion=foda")
    assert all(word in swot for word in ("Fortalezas", "Debilidades", "Oportunidades", "Amenazas"))
    sipoc = demo.page("/contexto", "?seccion=sipoc&lang=en")
    assert all(word in sipoc for word in ("Suppliers", "Inputs", "Activities", "Outputs", "Customers"))


@pytest.mark.parametrize(("section", "button"), [
    ("organizacion", "Registrar la organización"), ("politica", "Redactar una nueva versión"),
    ("foda", "Añadir cuestión"), ("partes", "Añadir parte interesada"), ("comunicacion", "Añadir comunicación"),
    ("roles", "Añadir rol"),
])
def test_an_empty_database_says_what_to_record_first(empty, section, button):
    client, _ = empty
    text = client.page("/contexto", f"?seccion={section}")
    assert "mios-context-empty" in text and button in text


def test_an_unknown_section_shows_the_organization(empty):
    client, _ = empty
    assert "Registrar la organización" in client.page("/contexto", "?seccion=nada")


def test_the_organization_form_names_each_wrong_field_under_it(empty):
    client, factory = empty
    opened = client.open("organization")
    assert opened["mios-context-modal"]["is_open"] is True
    assert opened["mios-context-form"]["data"] == {"form": "organization", "id": None, "row_version": None}
    answer = client.save(opened["mios-context-form"]["data"],
                         {"name": "", "management_review_interval_months": "0", "time_zone": "America/Mexico_City",
                          "values": "", "exclusions": ""})
    problems = problems_of(answer)
    assert problems["name"] == "Nombre: es obligatorio"
    assert problems["management_review_interval_months"].endswith("debe estar entre 1 y 24")
    assert problems["time_zone"] == ""
    assert "No se guardó nada" in text_of(answer)
    english = client.save(opened["mios-context-form"]["data"], {"name": "", "time_zone": "America/Mexico_City",
                                                                "management_review_interval_months": "6"}, lang="en")
    assert problems_of(english)["name"] == "Name: is required"
    with session_scope(factory) as session:
        assert session.scalars(select(Organization)).all() == []


def test_a_saved_form_closes_and_the_section_refreshes(empty):
    client, factory = empty
    answer = client.save({"form": "organization", "id": None, "row_version": None},
                         {"name": "Maquinados del Bajío", "management_review_interval_months": "6",
                          "time_zone": "America/Mexico_City", "values": "Respeto | Trato digno"})
    assert answer["mios-context-modal"]["is_open"] is False
    assert answer["mios-context-refresh"]["data"] == 1 and "Guardado." in text_of(answer)
    assert "Maquinados del Bajío" in client.page("/contexto", "") and "Trato digno" in client.page("/contexto", "")
    second = client.save({"form": "organization", "id": None, "row_version": None},
                         {"name": "Otra", "management_review_interval_months": "6", "time_zone": "UTC"})
    assert "una sola organización" in text_of(second)
    with session_scope(factory) as session:
        assert session.scalars(select(Organization.name)).all() == ["Maquinados del Bajío"]


def test_a_forged_id_is_refused_in_words_on_open_and_on_save(empty):
    client, _ = empty
    opened = client.open("role", 4242)
    assert "El registro ya no existe" in text_of(opened)
    assert opened["mios-context-save"]["hidden"] is True
    assert "El registro ya no existe" in text_of(client.open("role", "'; DROP TABLE role"))
    assert "does not exist" not in text_of(client.open("no_such_form", 1))
    saved = client.save({"form": "role", "id": 4242, "row_version": 1}, {"name": "Intruso"})
    assert "El registro ya no existe" in text_of(saved)
    assert "The record no longer exists" in text_of(client.save({"form": "role", "id": "x", "row_version": 1},
                                                                {"name": "Intruso"}, lang="en"))


def test_a_stale_version_says_who_saved_it(empty):
    client, factory = empty
    with session_scope(factory, actor="ana") as session:
        organization.save_organization(session, Actor("ana"), {"name": "Org", "management_review_interval_months": 6,
                                                               "time_zone": "America/Mexico_City"})
        role = context.save_role(session, Actor("ana"), {"name": "Director general", "person": "Laura"})
        role_id, loaded = role.id, role.row_version
    opened = client.open("role", role_id)
    assert opened["mios-context-form"]["data"] == {"form": "role", "id": role_id, "row_version": loaded}
    with session_scope(factory, actor="luis") as session:
        context.save_role(session, Actor("luis"), {"id": role_id, "row_version": loaded, "name": "Director general",
                                                   "person": "Pedro"})
    answer = client.save(opened["mios-context-form"]["data"], {"name": "Director general", "person": "Marta"})
    assert "luis lo modificó" in text_of(answer)
    assert "mios-context-modal" not in answer  # the modal stays open with the form as typed
    with session_scope(factory) as session:
        assert session.get(Role, role_id).person == "Pedro"


def _check(answer: object, key: str) -> dict | None:
    """The props of the PHVA check `key` in a page answer (its `data-met` says met or not)."""
    if isinstance(answer, dict):
        props = answer.get("props") if isinstance(answer.get("props"), dict) else {}
        if props.get("data-check") == key:
            return props
        return next((found for value in answer.values() if (found := _check(value, key)) is not None), None)
    if isinstance(answer, list):
        return next((found for value in answer if (found := _check(value, key)) is not None), None)
    return None


def test_the_policy_lifecycle_through_the_forms_turns_the_phva_check_met(empty):
    client, factory = empty
    drafted = client.save(client.open("policy_draft")["mios-context-form"]["data"],
                          {"statement": "Satisfacer a nuestros clientes"})
    assert drafted["mios-context-modal"]["is_open"] is False
    page = client.page("/contexto", "?seccion=politica")
    assert "Borrador" in page and "Versión 1" in page and "Ninguna versión está en vigor" in page
    with session_scope(factory) as session:
        policy_id = session.scalars(select(QualityPolicy.id)).one()
    form = client.open("policy_approve", policy_id)["mios-context-form"]["data"]
    refused = client.save(form, {"approved_by": "Dirección general", "approved_on": "2999-01-01"})
    assert problems_of(refused)["approved_on"] == "Aprobada el: no puede ser posterior a hoy"
    with session_scope(factory) as session:
        today = organization.local_today(session).isoformat()  # the organization's day, as the service judges
    assert client.save(form, {"approved_by": "Dirección general", "approved_on": today})[
        "mios-context-modal"]["is_open"] is False
    locked = client.save(client.open("policy_edit", policy_id)["mios-context-form"]["data"], {"statement": "Otro"})
    assert "Redacte una nueva versión" in text_of(locked)
    page = client.page("/contexto", "?seccion=politica")
    assert "Aprobada" in page and "Registrar comunicación" in page
    assert _check(client.page_answer("/phva"), "policy_communicated")["data-met"] == "false"  # not communicated
    form = client.open("policy_communicate", policy_id)["mios-context-form"]["data"]
    done = client.save(form, {"communicated_to": "Todo el personal", "communicated_on": today})
    assert done["mios-context-modal"]["is_open"] is False
    assert "En vigor" in client.page("/contexto", "?seccion=politica")
    assert _check(client.page_answer("/phva"), "policy_communicated")["data-met"] == "true"


def test_an_old_policy_version_opens_to_read_only(demo):
    with demo.app.server.app_context():
        from mios_dashboard.web import runtime

        with runtime.read_session() as session:
            rows = context.section_data(session, "politica", dt.date(2026, 1, 15))
    old = next(row for row in rows if row.status == "superseded")
    opened = demo.open("policy_read", old.id)
    assert opened["mios-context-modal-title"]["children"] == f"Versión {old.version} de la política de la calidad"
    assert "Sustituida" in text_of(opened) and old.statement[:40] in text_of(opened)
    assert opened["mios-context-save"]["hidden"] is True and opened["mios-context-cancel"]["children"] == "Cerrar"
    refused = demo.save(opened["mios-context-form"]["data"], {})
    assert "El registro ya no existe" in text_of(refused)  # a read-only form has nothing to save


def test_an_issue_is_reviewed_and_deleted_through_the_forms(empty):
    client, factory = empty
    with session_scope(factory, actor="ana") as session:
        issue = context.save_issue(session, Actor("ana"), {"scope": "external", "swot": "threat",
                                                           "description": "Nuevo competidor"})
        issue_id = issue.id
    page = client.page("/contexto", "?seccion=foda")
    assert "Nunca revisada" in page and "1 cuestión sin revisar en los últimos 12 meses." in page
    review = client.open("issue_review", issue_id)
    assert "Nuevo competidor" in text_of(review)
    assert client.save(review["mios-context-form"]["data"], {})["mios-context-modal"]["is_open"] is False
    assert "Todas las cuestiones se revisaron en los últimos 12 meses." in client.page("/contexto", "?seccion=foda")
    stale = review["mios-context-form"]["data"]  # the version loaded before the review
    assert "lo modificó" in text_of(client.save({**stale, "form": "issue_delete"}, {}))
    delete = client.open("issue_delete", issue_id)
    deleted = client.save(delete["mios-context-form"]["data"], {})
    assert "Eliminado." in text_of(deleted)
    assert "Aún no hay análisis FODA" in client.page("/contexto", "?seccion=foda")
    with session_scope(factory) as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity == "context_issue")
                                .order_by(AuditEvent.id.desc())).first()
        assert (event.operation, event.changes["description"][0]) == ("delete", "Nuevo competidor")
