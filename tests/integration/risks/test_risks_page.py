"""The `/riesgos` page through its callbacks over HTTP (no browser): the URL's cell and view filter the register,
the filters write the URL, and the forms open, save, name every wrong field, refuse a stale version and a
made-up id — on the demo organization (loaded for today, so its reviews are in the future) and on an empty one."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mios_dashboard import create_app
from mios_dashboard.audit import Actor
from mios_dashboard.components.risks.ids import Ids
from mios_dashboard.config import Settings
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.models import AuditEvent, Risk
from mios_dashboard.schema import upgrade_to_head
from mios_dashboard.services.system import risks as service
from tests.component_tree import walk
from tests.integration.dash_client import DashClient
from tests.integration.risks import callbacks

NEW = {"code": "RO-20", "kind": "risk", "title": "Falla del montacargas", "category": "organization.physical",
       "likelihood": "3", "impact": "4", "owner": "Operaciones", "treatment": "Mantenimiento preventivo",
       "assessed_on": "2026-01-10", "review_on": "2027-01-10", "effectiveness": "pending"}


@pytest.fixture
def built(tmp_path):
    def build(demo: bool):
        url = f"sqlite:///{tmp_path / ('demo.db' if demo else 'empty.db')}"
        engine = make_engine(url)
        upgrade_to_head(engine)
        factory = make_session_factory(engine)
        if demo:
            from mios_dashboard.demo.loader import load_demo

            with session_scope(factory) as session:
                load_demo(session, today=dt.date.today(), folder=tmp_path / "demo")
        app = create_app(Settings(database_url=url, data_dir=tmp_path / "data", load_demo_when_empty=False))
        return DashClient(app), factory
    return build


def _risk(factory, code: str) -> Risk:
    with session_scope(factory) as session:
        record = session.scalars(select(Risk).where(Risk.code == code)).one()
        session.expunge(record)
        return record


def test_a_heat_map_cell_in_the_url_filters_the_register(built):
    client, _ = built(True)
    everything = client.page("/riesgos")
    assert all(f"RO-{n:02d}" in everything for n in range(1, 14))
    cell = client.page("/riesgos", "?celda=P4-I4")
    assert "RO-01" in cell and "RO-11" in cell  # 4 × 4, a risk and an opportunity
    assert "RO-02" not in cell and "RO-03" not in cell
    assert "2 de 13 mostrados" in cell
    residual = client.page("/riesgos", "?vista=residual&celda=P2-I4&lang=en")
    assert "RO-01" in residual and "RO-11" not in residual and "1 of 13 shown" in residual
    assert "/riesgos?lang=en&vista=residual" in residual  # the cell's link back keeps the view and the language
    assert "/objetivo/OBJ-02?lang=en" in residual  # the linked objective's page, in the reader's language


def test_kind_family_owner_and_overdue_filters(built):
    client, factory = built(True)
    opportunities = client.page("/riesgos", "?tipo=oportunidad")
    assert "RO-11" in opportunities and "RO-01" not in opportunities
    family = client.page("/riesgos", "?familia=nature")
    assert "RO-04" in family and "RO-12" in family and "RO-01" not in family
    assert "Naturaleza › Desastres naturales" in family
    with session_scope(factory) as session:
        session.scalars(select(Risk).where(Risk.code == "RO-05")).one().review_on = dt.date.today() - dt.timedelta(3)
    overdue = client.page("/riesgos", "?vencidas=1")
    assert "RO-05" in overdue and "RO-01" not in overdue and "Revisión vencida" in overdue
    assert "1 revisión vencida" in overdue
    unknown = client.page("/riesgos", "?tipo=peligro&familia=marte&celda=P9-I9")  # a hand-edited link
    assert all(f"RO-{n:02d}" in unknown for n in range(1, 14))


def test_the_filters_write_the_url(built):
    client, _ = built(True)
    answer = client.answer(f"{Ids.LOCATION}.search", {"id": Ids.LOCATION, "property": "search"}, [
        {"id": Ids.KIND, "property": "value", "value": "opportunity"},
        {"id": Ids.FAMILY, "property": "value", "value": "organization"},
        {"id": Ids.OWNER, "property": "value", "value": None},
        {"id": Ids.OVERDUE, "property": "value", "value": True},
    ], [{"id": "mios-url", "property": "search", "value": "?lang=en&celda=P4-I4"}])
    assert callbacks.prop(answer["response"], Ids.LOCATION) == (
        "?lang=en&celda=P4-I4&tipo=oportunidad&familia=organization&vencidas=1")


def test_a_new_risk_is_saved_and_lands_in_its_cell(built):
    client, factory = built(False)
    empty = client.page("/riesgos")
    assert "Aún no hay riesgos ni oportunidades registrados" in empty and "Registrar el primero" in empty
    opened = callbacks.open_form(client, "risk", "first")
    assert callbacks.prop(opened, Ids.MODAL) is True
    assert callbacks.values_of(opened, "risk")["kind"] == "risk"
    saved = callbacks.save_form(client, "risk", NEW, {})
    assert callbacks.prop(saved, Ids.MODAL) is False and callbacks.prop(saved, Ids.NOTICE) == "Guardado: RO-20."
    assert callbacks.prop(saved, Ids.SAVED) == 1
    assert callbacks.prop(callbacks.open_form(client, "risk", "new"), Ids.NOTICE) == ""  # the next form clears it
    cell = client.page("/riesgos", "?celda=P3-I4")
    assert "RO-20" in cell and "Falla del montacargas" in cell and "Organización › Físico" in cell
    with session_scope(factory) as session:
        assert session.scalars(select(AuditEvent).where(AuditEvent.entity == "risk")).one().actor


def test_every_wrong_field_is_shown_under_it_and_nothing_is_written(built):
    client, factory = built(False)
    answer = callbacks.save_form(client, "risk", {**NEW, "code": "", "likelihood": None, "residual_impact": "2",
                                                  "objective": "OBJ-99"}, {}, lang="en")
    shown = callbacks.problems(answer, "risk")
    assert shown == {
        "code": "Code: is required", "likelihood": "Inherent likelihood: is required",
        "residual_likelihood": "Residual likelihood: give the residual likelihood and impact together, or neither",
        "objective": "Quality objective: \"OBJ-99\" does not exist",
    }
    assert "Nothing was saved" in callbacks.prop(answer, Ids.FORM_MESSAGE)
    assert Ids.SAVED not in answer  # the register is not redrawn
    with session_scope(factory) as session:
        assert session.scalars(select(Risk)).all() == []


def test_editing_loads_the_version_and_a_stale_save_names_who_and_when(built):
    client, factory = built(True)
    stored = _risk(factory, "RO-03")
    opened = callbacks.open_form(client, "risk", stored.id)
    values = callbacks.values_of(opened, "risk")
    store = callbacks.prop(opened, Ids.FORM_STORE)
    assert store == {"id": stored.id, "row_version": stored.row_version}
    assert (values["code"], values["likelihood"], values["objective"]) == ("RO-03", "3", "OBJ-01")
    assert callbacks.prop(opened, Ids.MODAL_TITLE) == "Editar RO-03"
    assert callbacks.prop(opened, Ids.DELETE) == "me-auto"  # no actions linked: it may still be deleted
    with session_scope(factory, actor="luis") as session:  # someone else saves first
        service.save_risk(session, Actor("luis"), {**values, "id": stored.id, "row_version": stored.row_version,
                                                   "impact": "5"})
    answer = callbacks.save_form(client, "risk", {**values, "owner": "Otra persona"}, store)
    message = callbacks.prop(answer, Ids.FORM_MESSAGE)
    assert message.startswith("No se guardó: luis lo modificó el ")
    assert Ids.SAVED not in answer
    assert _risk(factory, "RO-03").owner != "Otra persona"


def test_a_made_up_id_is_told_not_crashed(built):
    client, factory = built(True)
    opened = callbacks.open_form(client, "risk", 987654)
    assert "ya no existe" in callbacks.prop(opened, Ids.FORM_MESSAGE)
    answer = callbacks.save_form(client, "risk", NEW, {"id": 987654, "row_version": 1})
    assert "ya no existe" in callbacks.prop(answer, Ids.FORM_MESSAGE)
    review = callbacks.save_form(client, "review", {"review_on": "2030-01-01"}, {"id": "x", "row_version": 1})
    assert "ya no existe" in callbacks.prop(review, Ids.REVIEW_MESSAGE)
    with session_scope(factory) as session:
        assert session.scalars(select(Risk).where(Risk.code == "RO-20")).first() is None


def test_review_close_and_delete_through_their_forms(built):
    client, factory = built(True)
    stored = _risk(factory, "RO-09")
    opened = callbacks.open_form(client, "review", stored.id, lang="en")
    assert callbacks.prop(opened, Ids.REVIEW_TITLE) == "Review RO-09"
    store = callbacks.prop(opened, Ids.REVIEW_STORE)
    with session_scope(factory) as session:
        today = service.organization_today(session)  # Mexico City's day, not the server's (UTC) one
    refused = callbacks.save_form(client, "review", {"review_on": today.isoformat()}, store, lang="en")
    assert callbacks.problems(refused, "review") == {"review_on": "Next review: must be after today"}
    next_review = (today + dt.timedelta(days=90)).isoformat()
    done = callbacks.save_form(client, "review", {"review_on": next_review, "effectiveness": "effective"}, store)
    assert callbacks.prop(done, Ids.NOTICE) == "Revisión registrada: RO-09."
    reviewed = _risk(factory, "RO-09")
    assert reviewed.review_on.isoformat() == next_review and reviewed.row_version == stored.row_version + 1
    # RO-02 has actions linked in the demo: deleting is refused, closing works.
    linked = _risk(factory, "RO-02")
    opened = callbacks.open_form(client, "risk", linked.id)
    assert callbacks.prop(opened, Ids.DELETE) == "d-none"  # no delete button; a forged click is refused anyway
    edit = callbacks.prop(opened, Ids.FORM_STORE)
    refused = callbacks.save_form(client, "risk", {}, edit, delete=True)
    assert "Ciérrelo en su lugar" in callbacks.prop(refused, Ids.FORM_MESSAGE)
    close = callbacks.open_form(client, "close", linked.id)
    closed = callbacks.save_form(client, "close", {**callbacks.values_of(close, "close"),
                                                   "closure_note": "Proveedor alterno calificado"},
                                 callbacks.prop(close, Ids.CLOSE_STORE))
    assert callbacks.prop(closed, Ids.NOTICE) == "Cerrado: RO-02."
    page = client.page("/riesgos")
    assert "Cerrado el" in page


def test_each_form_shows_the_fields_its_service_reads(built):
    client, _ = built(False)
    with client.app.server.test_request_context():
        from mios_dashboard.pages.risks import layout

        tree = layout()
    shown: dict[str, list[str]] = {}
    for component in walk(tree):
        ident = getattr(component, "id", None)
        if isinstance(ident, dict) and ident.get("type") == Ids.FIELD_TYPE:
            shown.setdefault(ident["form"], []).append(ident["name"])
    assert {form: tuple(names) for form, names in shown.items()} == callbacks.FIELDS


def test_a_long_register_is_paged_through_the_url(built):
    client, factory = built(False)
    with session_scope(factory) as session:
        for number in range(60):
            session.add(Risk(code=f"BR-{number:03d}", kind="risk", title=f"Riesgo {number}", category="industrial",
                             likelihood=number % 5 + 1, impact=2, owner="Ana"))
    first = client.page("/riesgos")
    assert "BR-049" in first and "BR-050" not in first
    assert "Página 1 de 2 (1–50 de 60)" in first and "/riesgos?pagina=2" in first
    second = client.page("/riesgos", "?pagina=2&lang=en")
    assert "BR-050" in second and "BR-059" in second and "BR-049" not in second
    assert "Page 2 of 2 (51–60 of 60)" in second
    assert "/riesgos?lang=en&celda=P1-I2" in second  # a cell's link starts again at page 1
    past_the_end = client.page("/riesgos", "?pagina=9")
    assert "BR-059" in past_the_end and "Página 2 de 2" in past_the_end
