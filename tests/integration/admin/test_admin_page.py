"""The /admin page as a client sees it: each section renders in Spanish and English, and its forms open and save
through the HTTP callbacks — the problems under their fields, a forged id, a stale version, a saved record in
the table — on an empty database."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.models import Indicator, Measurement, Objective, Perspective, Process
from tests.integration.dash_client import DashClient, strings


class AdminClient(DashClient):
    """Opens and saves the admin page's forms the way dash-renderer does."""

    def _key(self, *parts: str) -> str:
        return next(k for k in self.app.callback_map if all(part in k for part in parts))

    def _post(self, key: str, inputs: list, state: list, changed: str) -> dict:
        outputs = []
        for part in key.strip(".").split("..."):
            component, prop = part.rsplit(".", 1)
            outputs.append({"id": json.loads(component) if component.startswith("{") else component,
                            "property": prop.split("@")[0]})
        body = {"output": key, "outputs": outputs, "inputs": inputs, "state": state, "changedPropIds": [changed]}
        response = self.client.post("/_dash-update-component", json=body)
        if response.status_code == 204:  # PreventUpdate
            return {}
        assert response.status_code == 200, response.data[:500]
        return response.get_json()

    @staticmethod
    def _fields(form: str, values: dict) -> list:
        return [{"id": {"form": form, "name": name, "type": "mios-admin-field"}, "property": "value", "value": value}
                for name, value in values.items()]

    def open(self, form: str, record_id: int = 0, lang: str = "es") -> dict:
        edit = {"form": form, "id": record_id, "type": "mios-admin-edit"}
        key = self._key(f'{{"form":"{form}","type":"mios-admin-title"}}')
        inputs = [[{"id": edit, "property": "n_clicks", "value": 1}],
                  {"id": {"form": form, "type": "mios-admin-reload"}, "property": "n_clicks", "value": 0}]
        state = [[], {"id": {"form": form, "type": "mios-admin-store"}, "property": "data", "value": None},
                 {"id": "mios-admin-lang", "property": "data", "value": lang}]
        return self._post(key, inputs, state, json.dumps(edit, separators=(",", ":"), sort_keys=True) + ".n_clicks")

    def reload(self, form: str, values: dict, store: dict | None, lang: str = "es") -> dict:
        """"Recargar": the form loads its record again (the year or period it shows)."""
        reload = {"form": form, "type": "mios-admin-reload"}
        key = self._key(f'{{"form":"{form}","type":"mios-admin-title"}}')
        inputs = [[], {"id": reload, "property": "n_clicks", "value": 1}]
        state = [self._fields(form, values),
                 {"id": {"form": form, "type": "mios-admin-store"}, "property": "data", "value": store},
                 {"id": "mios-admin-lang", "property": "data", "value": lang}]
        return self._post(key, inputs, state, json.dumps(reload, separators=(",", ":"), sort_keys=True) + ".n_clicks")

    def save(self, form: str, values: dict, store: dict | None, lang: str = "es") -> dict:
        key = self._key(f'{{"form":"{form}","type":"mios-admin-modal"}}.is_open@', "mios-admin-table")
        save = {"form": form, "type": "mios-admin-save"}
        state = [self._fields(form, values),
                 {"id": {"form": form, "type": "mios-admin-store"}, "property": "data", "value": store},
                 {"id": "mios-admin-lang", "property": "data", "value": lang}]
        return self._post(key, [{"id": save, "property": "n_clicks", "value": 1}], state,
                          json.dumps(save, separators=(",", ":"), sort_keys=True) + ".n_clicks")


def delete(client: AdminClient, form: str, store: dict | None, lang: str = "es") -> dict:
    key = next(k for k in client.app.callback_map if f'{{"form":"{form}","type":"mios-admin-modal"}}' in k
               and "mios-admin-table" in k and "mios-admin-body" not in k)
    confirm = {"form": form, "type": "mios-admin-confirm"}
    state = [{"id": {"form": form, "type": "mios-admin-store"}, "property": "data", "value": store},
             {"id": "mios-admin-lang", "property": "data", "value": lang}]
    return client._post(key, [{"id": confirm, "property": "submit_n_clicks", "value": 1}], state,
                        json.dumps(confirm, separators=(",", ":"), sort_keys=True) + ".submit_n_clicks")


def invalid_fields(tree) -> set[str]:
    """The names of the form's inputs a refused save marked invalid."""
    found: set[str] = set()
    if isinstance(tree, dict):
        props = tree.get("props") or {}
        if props.get("invalid") and isinstance(props.get("id"), dict):
            found.add(props["id"]["name"])
        for value in list(props.values()) + [v for k, v in tree.items() if k != "props"]:
            found |= invalid_fields(value)
    elif isinstance(tree, list):
        for item in tree:
            found |= invalid_fields(item)
    return found


def part(answer: dict, kind: str, prop: str):
    for component, props in answer["response"].items():
        if kind in component and prop in props:
            return props[prop]
    raise KeyError(kind)


@pytest.fixture
def client(empty_app) -> AdminClient:
    return AdminClient(empty_app)


@pytest.fixture
def factory(sqlite_url):
    engine = make_engine(sqlite_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.mark.parametrize(("search", "spanish", "english"), [
    ("?seccion=perspectivas", "Nueva perspectiva", "New perspective"),
    ("?seccion=procesos", "Aún no hay procesos", "No processes yet"),
    ("?seccion=objetivos", "Nuevo objetivo", "New objective"),
    ("?seccion=indicadores", "Nuevo indicador", "New indicator"),
])
def test_every_section_renders_in_spanish_and_english(client, search, spanish, english):
    page = client.page("/admin", search)
    assert spanish in page and "Administración" in page and "Traceback" not in page
    assert english in client.page("/admin", f"{search}&lang=en")


def test_the_perspectives_are_listed_by_name_with_their_weight(client):
    page = client.page("/admin", "?seccion=perspectivas")
    assert "Financiera" in page and "Aprendizaje y crecimiento" in page


def test_an_unknown_section_is_said_and_the_first_shown(client):
    page = client.page("/admin", "?seccion=finanzas")
    assert "«finanzas» no existe" in page and "Nueva perspectiva" in page


def test_a_process_is_created_through_the_form(client, factory):
    opened = client.open("process")
    assert part(opened, "mios-admin-modal", "is_open") is True
    assert "Fuentes de entradas" in strings(part(opened, "mios-admin-body", "children"))
    store = part(opened, "mios-admin-store", "data")
    saved = client.save("process", {"code": "dir", "name": "Responsabilidad de la Dirección", "type": "strategic",
                                    "owner": "Director general", "purpose": "Dirigir",
                                    "sipoc_supplier": "Accionistas\nClientes", "sipoc_output": "Política"}, store)
    assert part(saved, "mios-admin-modal", "is_open") is False
    assert "Responsabilidad de la Dirección" in strings(part(saved, "mios-admin-table", "children"))
    assert "«DIR» guardado" in strings(part(saved, "mios-admin-toast", "children"))
    with session_scope(factory) as session:
        process = session.scalars(select(Process)).one()
        assert (process.code, len(process.sipoc)) == ("DIR", 3)


def test_a_refused_objective_shows_each_problem_under_its_field_and_writes_nothing(client, factory):
    store = part(client.open("objective"), "mios-admin-store", "data")
    answer = client.save("objective", {"code": "OBJ 1", "title": "", "perspective": "", "weight": "0",
                                       "plan_due": "mañana", "active": True}, store)
    body = part(answer, "mios-admin-body", "children")
    assert invalid_fields(body) == {"code", "title", "perspective", "weight", "plan_due"}
    feedback = strings(body)
    for problem in ("use letras", "es obligatorio", "debe ser mayor que cero", "«mañana» no es una fecha"):
        assert problem in feedback
    assert "No se guardó nada: revise 5 campo(s)." in strings(part(answer, "mios-admin-alert", "children"))
    english = strings(client.save("objective", {"code": "", "title": "T", "perspective": "1", "weight": "1"},
                                  store, lang="en"))
    assert "is required" in english and "es obligatorio" not in english
    with session_scope(factory) as session:
        assert session.scalars(select(Objective)).all() == []


def test_a_forged_id_is_not_found_and_nothing_is_written(client, factory):
    opened = strings(client.open("objective", 424242))
    assert "El registro ya no existe" in opened
    answer = strings(client.save("perspective", {"name": "Otra", "sort_order": "1", "weight": "1"},
                                 {"id": 424242, "row_version": 1}))
    assert "El registro ya no existe" in answer
    assert "Traceback" not in answer
    with session_scope(factory) as session:
        assert session.scalar(select(Perspective).where(Perspective.name == "Otra")) is None


def test_a_stale_version_is_refused_saying_who_with_a_reload(client, factory):
    with session_scope(factory) as session:
        finance = session.scalars(select(Perspective).where(Perspective.code == "FIN")).one().id
    store = part(client.open("perspective", finance), "mios-admin-store", "data")
    values = {"code": "FIN", "name": "Financiera", "sort_order": "1", "weight": "2", "description": ""}
    first = client.save("perspective", values, store)
    assert part(first, "mios-admin-modal", "is_open") is False
    second = client.save("perspective", {**values, "weight": "3"}, store)
    alert = strings(part(second, "mios-admin-alert", "children"))
    assert "No se guardó" in alert and "lo modificó" in alert
    assert part(second, "mios-admin-reload", "className") == ""  # the reload button shows
    with session_scope(factory) as session:
        assert session.get(Perspective, finance).weight == 2.0
    reloaded = client.reload("perspective", {**values, "weight": "3"}, store)
    fresh = part(reloaded, "mios-admin-store", "data")
    assert fresh["row_version"] == store["row_version"] + 1
    assert part(reloaded, "mios-admin-reload", "className") == "d-none"
    assert client.save("perspective", {**values, "weight": "3"}, fresh)["response"]
    with session_scope(factory) as session:
        assert session.get(Perspective, finance).weight == 3.0


def test_an_indicator_with_a_manual_value_through_the_forms(client, factory):
    with session_scope(factory) as session:
        clients = session.scalars(select(Perspective).where(Perspective.code == "CLI")).one().id
    store = part(client.open("objective"), "mios-admin-store", "data")
    client.save("objective", {"code": "OBJ-01", "title": "Clientes satisfechos", "perspective": str(clients),
                              "weight": "1", "active": True, "plan_due": "2026-12-31"}, store)
    with session_scope(factory) as session:
        objective = session.scalars(select(Objective)).one().id
    store = part(client.open("indicator"), "mios-admin-store", "data")
    saved = client.save("indicator", {
        "code": "CLI-01", "name": "Satisfacción", "unit": "%", "objective": str(objective), "perspective": "",
        "process": "", "direction": "higher", "frequency": "monthly", "aggregation": "mean", "target": "90",
        "green_threshold": "1", "yellow_threshold": "0.9", "weight": "1", "decimals": "1", "active": True}, store)
    assert "Satisfacción" in strings(part(saved, "mios-admin-table", "children"))
    with session_scope(factory) as session:
        indicator = session.scalars(select(Indicator)).one()
        assert (indicator.objective_id, indicator.target) == (objective, 90.0)
    opened = client.open("measurement", indicator.id)
    store = part(opened, "mios-admin-store", "data")
    saved = client.save("measurement", {"period": "2026-03-10", "value": "87,5", "comment": ""}, store)
    assert "87.5 %" in strings(part(saved, "mios-admin-table", "children"))
    with session_scope(factory) as session:
        stored = session.scalars(select(Measurement)).one()
        assert (stored.value, stored.source, stored.period.isoformat()) == (87.5, "manual", "2026-03-01")


@pytest.fixture
def indicator_id(client, factory) -> int:
    with session_scope(factory) as session:
        session.add(Indicator(code="VEN-01", name="Ventas", unit="MXN", direction="higher", frequency="monthly",
                              aggregation="sum", target=100.0, decimals=0))
    with session_scope(factory) as session:
        return session.scalars(select(Indicator)).one().id


def test_twelve_monthly_targets_are_saved_and_shown_for_their_year(client, factory, indicator_id):
    opened = client.open("targets", indicator_id)
    assert "Diciembre" in strings(part(opened, "mios-admin-body", "children"))
    other_year = client.reload("targets", {"year": "2031"}, part(opened, "mios-admin-store", "data"))
    assert "2031" in strings(part(other_year, "mios-admin-body", "children"))
    assert part(opened, "mios-admin-reload", "className") == ""  # "Recargar" loads another year
    store = part(opened, "mios-admin-store", "data")
    months = {f"month_{m}": str(100 + m) for m in range(1, 13)}
    saved = client.save("targets", {"year": "2026", **months, "month_3": ""}, store)
    assert "Metas mensuales de «VEN-01 · Ventas» guardadas." in strings(part(saved, "mios-admin-toast", "children"))
    refused = client.save("targets", {"year": "2026", **months, "month_5": "mucho"}, store)
    assert invalid_fields(part(refused, "mios-admin-body", "children")) == {"month_5"}
    from mios_dashboard.models import Target
    with session_scope(factory) as session:
        targets = {t.period.month: t.target for t in session.scalars(select(Target))}
    assert len(targets) == 11 and 3 not in targets and targets[12] == 112.0


def test_a_correction_needs_a_comment_and_refuses_a_stale_value(client, factory, indicator_id):
    store = part(client.open("measurement", indicator_id), "mios-admin-store", "data")
    assert store["row_version"] is None  # nothing stored yet: a new value
    first = client.save("measurement", {"period": "2026-05-01", "value": "1250.0", "comment": ""}, store)
    assert part(first, "mios-admin-modal", "is_open") is False
    opened = client.open("measurement", indicator_id)
    assert "Valor registrado para este periodo: 1,250 MXN" in strings(opened)
    store = part(opened, "mios-admin-store", "data")
    refused = client.save("measurement", {"period": "2026-05-01", "value": "1300", "comment": ""}, store)
    assert invalid_fields(part(refused, "mios-admin-body", "children")) == {"comment"}
    assert "es obligatorio al corregir" in strings(refused)
    client.save("measurement", {"period": "2026-05-01", "value": "1300", "comment": "faltaba una factura"}, store)
    stale = strings(client.save("measurement", {"period": "2026-05-01", "value": "1400", "comment": "otra"}, store))
    assert "lo modificó" in stale
    with session_scope(factory) as session:
        stored = session.scalars(select(Measurement)).one()
        assert (stored.value, stored.comment) == (1300.0, "faltaba una factura")


def test_links_and_a_process_sipoc_round_trip_through_the_forms(client, factory):
    with session_scope(factory) as session:
        finance = session.scalars(select(Perspective).where(Perspective.code == "FIN")).one().id
    for code in ("A", "B"):
        store = part(client.open("objective"), "mios-admin-store", "data")
        client.save("objective", {"code": code, "title": f"Objetivo {code}", "perspective": str(finance),
                                  "weight": "1", "active": True}, store)
    with session_scope(factory) as session:
        a, b = (session.scalars(select(Objective).where(Objective.code == c)).one().id for c in ("A", "B"))
    store = part(client.open("links", a), "mios-admin-store", "data")
    refused = client.save("links", {"effects": [str(a)]}, store)
    assert "un objetivo no puede influir en sí mismo" in strings(refused)
    saved = client.save("links", {"effects": [str(b)]}, store)
    assert "Relaciones de «A · Objetivo A» guardadas." in strings(part(saved, "mios-admin-toast", "children"))
    assert "Influye en" in strings(part(saved, "mios-admin-table", "children"))
    from mios_dashboard.models import ObjectiveLink
    with session_scope(factory) as session:
        assert [(link.cause_id, link.effect_id) for link in session.scalars(select(ObjectiveLink))] == [(a, b)]
    store = part(client.open("process"), "mios-admin-store", "data")
    client.save("process", {"code": "VEN", "name": "Ventas", "type": "operational",
                            "sipoc_input": "Pedido\nCotización"}, store)
    with session_scope(factory) as session:
        process = session.scalars(select(Process)).one().id
    body = strings(part(client.open("process", process), "mios-admin-body", "children"))
    assert "Pedido\nCotización" in body


def test_an_objective_is_retired_not_deleted(client, factory):
    with session_scope(factory) as session:
        finance = session.scalars(select(Perspective).where(Perspective.code == "FIN")).one().id
    store = part(client.open("objective"), "mios-admin-store", "data")
    client.save("objective", {"code": "OBJ-09", "title": "Bajar costos", "perspective": str(finance),
                              "weight": "1", "active": True}, store)
    with session_scope(factory) as session:
        objective = session.scalars(select(Objective)).one().id
    store = part(client.open("objective", objective), "mios-admin-store", "data")
    saved = client.save("objective", {"code": "OBJ-09", "title": "Bajar costos", "perspective": str(finance),
                                      "weight": "1", "active": False, "process": "-", "parent": "-"}, store)
    assert "Inactivo" in strings(part(saved, "mios-admin-table", "children"))
    with session_scope(factory) as session:
        stored = session.get(Objective, objective)
        assert (stored.active, stored.process_id, stored.parent_id) == (False, None, None)
    assert "Inactive" in client.page("/admin", "?seccion=objetivos&lang=en")


def test_a_made_up_edit_id_is_told_not_crashed_on(client):
    answer = strings(client.open("indicator", "abc"))  # type: ignore[arg-type]
    assert "El registro ya no existe" in answer and "Traceback" not in answer


def test_a_process_in_use_is_kept_and_an_unused_one_deleted_from_its_form(client, factory):
    for code in ("VEN", "TMP"):
        store = part(client.open("process"), "mios-admin-store", "data")
        client.save("process", {"code": code, "name": f"Proceso {code}", "type": "support"}, store)
    with session_scope(factory) as session:
        ven, tmp = (session.scalars(select(Process).where(Process.code == c)).one().id for c in ("VEN", "TMP"))
        session.add(Indicator(code="K-1", name="K", target=1.0, process_id=ven))
    refused = delete(client, "process", part(client.open("process", ven), "mios-admin-store", "data"))
    assert "1 indicador(es) pertenecen a este proceso" in strings(part(refused, "mios-admin-alert", "children"))
    deleted = delete(client, "process", part(client.open("process", tmp), "mios-admin-store", "data"))
    assert part(deleted, "mios-admin-modal", "is_open") is False
    assert "Proceso «TMP · Proceso TMP» eliminado." in strings(part(deleted, "mios-admin-toast", "children"))
    assert "Proceso TMP" not in strings(part(deleted, "mios-admin-table", "children"))
    assert "El registro ya no existe" in strings(delete(client, "process", {"id": tmp, "row_version": 1}))
    with session_scope(factory) as session:
        assert [p.code for p in session.scalars(select(Process))] == ["VEN"]
