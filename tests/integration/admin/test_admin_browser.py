"""The administration page in a browser, from an empty database: create a process, an objective with its plan,
an indicator with a target and a manual value, see a refused save name its fields — then the board scores the
objective under its perspective. Screenshots of every section (es/en, 1920×1080 and 1366×768) go to
tests/screenshots/admin-*.png."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from mios_dashboard.components.admin.ids import Ids
from mios_dashboard.pages import clock
from tests.integration.board_browser import TIMEOUT, until
from tests.integration.browser import SCREENSHOTS, _wait_for_paint

SIZES = ((1920, 1080), (1366, 768))


@pytest.fixture
def demo_counts(sqlite_url) -> dict[str, int]:
    """How many records of each kind the demo database holds (after demo_app loaded it)."""
    from sqlalchemy import func, select

    from mios_dashboard.db import make_engine, make_session_factory, session_scope
    from mios_dashboard.models import Indicator, Objective, Perspective, Process

    engine = make_engine(sqlite_url)
    with session_scope(make_session_factory(engine)) as session:
        counts = {name: session.scalar(select(func.count()).select_from(model)) or 0
                  for name, model in (("perspectives", Perspective), ("processes", Process),
                                      ("objectives", Objective), ("indicators", Indicator))}
    engine.dispose()
    return counts


def _id(kind: str, form: str, **extra) -> str:
    return json.dumps({"form": form, "type": kind, **extra}, separators=(",", ":"), sort_keys=True)


def element(dash_duo, element_id: str):
    """The element with `element_id` (a pattern-matching id is JSON, which no CSS selector takes as is)."""
    return until(lambda: dash_duo.driver.execute_script("return document.getElementById(arguments[0])", element_id),
                 message=element_id)


def _field(dash_duo, form: str, name: str):
    return element(dash_duo, _id("mios-admin-field", form, name=name))


def fill(dash_duo, form: str, values: dict) -> None:
    """Set each input the way a person's typing does (React sees an input or change event)."""
    for name, value in values.items():
        element = _field(dash_duo, form, name)
        dash_duo.driver.execute_script(
            "const el = arguments[0], v = arguments[1];"
            "const proto = el.tagName === 'SELECT' ? HTMLSelectElement.prototype"
            " : el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;"
            "Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);"
            "el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));",
            element, value)


def click(dash_duo, element_id: str) -> None:
    button = element(dash_duo, element_id)
    until(lambda: button.is_displayed() and button.is_enabled(), message=f"{element_id} clickable")
    dash_duo.driver.execute_script("arguments[0].click()", button)


def open_new(dash_duo, form: str) -> None:
    click(dash_duo, _id("mios-admin-edit", form, id=0))
    until(lambda: dash_duo.driver.find_elements("css selector", ".modal.show"), message=f"{form} modal open")


def save(dash_duo, form: str) -> None:
    click(dash_duo, _id("mios-admin-save", form))


def wait_closed(dash_duo) -> None:
    until(lambda: not dash_duo.driver.find_elements("css selector", ".modal.show"), message="modal closed")


def row_button(dash_duo, label: str) -> None:
    """Click the button `label` of the table's first row and wait for its form."""
    row = dash_duo.find_element(".mios-admin__table tbody tr")
    button = next(b for b in row.find_elements("css selector", "button") if b.text == label)
    dash_duo.driver.execute_script("arguments[0].click()", button)
    until(lambda: dash_duo.driver.find_elements("css selector", ".modal.show"), message=f"{label} form open")


def go(dash_duo, search: str) -> None:
    dash_duo.driver.get(f"{dash_duo.server_url}/admin{search}")
    dash_duo.wait_for_element(f"#{Ids.PAGE}", timeout=TIMEOUT)


def shoot(dash_duo, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        _wait_for_paint(dash_duo.driver)
        dash_duo.driver.save_screenshot(str(SCREENSHOTS / f"admin-{name}-{width}.png"))
    dash_duo.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_from_an_empty_database_to_a_scored_objective(dash_duo, empty_app, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 12, 15))  # the periods on offer end in December
    dash_duo.start_server(empty_app)
    go(dash_duo, "?seccion=objetivos")
    dash_duo.wait_for_contains_text(f"#{Ids.PAGE}", "Aún no hay objetivos", timeout=TIMEOUT)

    # A process, through the Procesos tab (a link: the URL says the section).
    next(e for e in dash_duo.find_elements(f"#{Ids.NAV} a") if e.text == "Procesos").click()
    dash_duo.wait_for_contains_text(f"#{Ids.PAGE}", "Aún no hay procesos", timeout=TIMEOUT)
    assert dash_duo.driver.current_url.endswith("/admin?seccion=procesos")
    open_new(dash_duo, "process")
    fill(dash_duo, "process", {"code": "DIR", "name": "Responsabilidad de la Dirección", "type": "strategic",
                               "owner": "Director general", "sipoc_supplier": "Accionistas\nClientes\nProveedores",
                               "sipoc_output": "Política de la calidad\nObjetivos de la calidad"})
    save(dash_duo, "process")
    wait_closed(dash_duo)
    dash_duo.wait_for_contains_text(f"#{Ids.TOAST}", "«DIR» guardado", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.PAGE}", "Fuentes 3 · Salidas 2", timeout=TIMEOUT)

    # An objective with its plan; first a refused save that names its fields.
    go(dash_duo, "?seccion=objetivos")
    open_new(dash_duo, "objective")
    fill(dash_duo, "objective", {"code": "OBJ 1", "weight": "0"})
    save(dash_duo, "objective")
    dash_duo.wait_for_contains_text(".modal.show", "No se guardó nada: revise 3 campo(s).", timeout=TIMEOUT)
    invalid = [e.get_attribute("id") for e in dash_duo.find_elements(".modal.show .is-invalid")]
    assert [json.loads(i)["name"] for i in invalid] == ["code", "title", "weight"]
    feedback = [e.text for e in dash_duo.find_elements(".modal.show .mios-admin__feedback") if e.text]
    assert feedback[1:] == ["es obligatorio", "debe ser mayor que cero"]
    none = _field(dash_duo, "objective", "process")
    assert none.find_element("css selector", "option:checked").text == "(ninguno)"
    shoot(dash_duo, "objective-form-refused-es")
    fill(dash_duo, "objective", {
        "code": "OBJ-01", "title": "Aumentar la satisfacción del cliente", "weight": "2",
        "plan_what": "Encuesta trimestral a clientes clave", "plan_resources": "Presupuesto de $20,000",
        "plan_owner": "Gerente comercial", "plan_due": "2026-12-31", "plan_evaluation": "Índice ≥ 90 % en la encuesta"})
    perspectives = _field(dash_duo, "objective", "perspective")
    clients = next(o.get_attribute("value") for o in perspectives.find_elements("css selector", "option")
                   if o.text == "Clientes")
    processes = _field(dash_duo, "objective", "process")
    direction = next(o.get_attribute("value") for o in processes.find_elements("css selector", "option")
                     if o.text.startswith("DIR"))
    fill(dash_duo, "objective", {"perspective": clients, "process": direction})
    save(dash_duo, "objective")
    wait_closed(dash_duo)
    dash_duo.wait_for_contains_text(f"#{Ids.PAGE}", "5 de 5", timeout=TIMEOUT)
    assert "31 dic 2026" in dash_duo.find_element(f"#{Ids.PAGE}").text

    # An indicator of that objective, then a value entered by hand.
    go(dash_duo, "?seccion=indicadores")
    open_new(dash_duo, "indicator")
    objectives = _field(dash_duo, "indicator", "objective")
    objective = next(o.get_attribute("value") for o in objectives.find_elements("css selector", "option")
                     if o.text.startswith("OBJ-01"))
    fill(dash_duo, "indicator", {"code": "CLI-01", "name": "Satisfacción del cliente", "unit": "%",
                                 "objective": objective, "aggregation": "mean", "target": "90"})
    save(dash_duo, "indicator")
    wait_closed(dash_duo)
    dash_duo.wait_for_contains_text(f"#{Ids.PAGE}", "Sin valores", timeout=TIMEOUT)
    row_button(dash_duo, "Capturar valor")
    dash_duo.wait_for_contains_text(".modal.show", "Capturar o corregir valor", timeout=TIMEOUT)
    periods = _field(dash_duo, "measurement", "period")
    labels = [o.text for o in periods.find_elements("css selector", "option") if o.text]
    assert labels[:3] == ["dic 2026", "nov 2026", "oct 2026"]
    assert periods.find_element("css selector", "option:checked").text == "nov 2026"  # the last complete month
    fill(dash_duo, "measurement", {"period": "2026-11-01", "value": "85,5"})
    save(dash_duo, "measurement")
    wait_closed(dash_duo)
    dash_duo.wait_for_contains_text(f"#{Ids.PAGE}", "85.5 %", timeout=TIMEOUT)
    row_button(dash_duo, "Capturar valor")
    dash_duo.wait_for_contains_text(".modal.show", "Valor registrado para este periodo: 85.5 % (captura manual", timeout=TIMEOUT)
    shoot(dash_duo, "measurement-form-es")
    click(dash_duo, _id("mios-admin-cancel", "measurement"))
    wait_closed(dash_duo)
    row_button(dash_duo, "Metas mensuales")
    dash_duo.wait_for_contains_text(".modal.show", "Diciembre", timeout=TIMEOUT)
    shoot(dash_duo, "targets-form-es")
    click(dash_duo, _id("mios-admin-cancel", "targets"))
    wait_closed(dash_duo)
    row_button(dash_duo, "Editar")
    dash_duo.wait_for_contains_text(".modal.show", "Umbral amarillo", timeout=TIMEOUT)
    shoot(dash_duo, "indicator-form-es")
    click(dash_duo, _id("mios-admin-cancel", "indicator"))
    wait_closed(dash_duo)

    for section, name in (("perspectivas", "perspectives"), ("procesos", "processes"), ("objetivos", "objectives"),
                          ("indicadores", "indicators")):
        for lang in ("es", "en"):
            go(dash_duo, f"?seccion={section}" + ("&lang=en" if lang == "en" else ""))
            shoot(dash_duo, f"{name}-{lang}")
    go(dash_duo, "?seccion=objetivos&lang=en")
    click(dash_duo, _id("mios-admin-edit", "objective", id=1))
    dash_duo.wait_for_contains_text(".modal.show", "How the results will be evaluated", timeout=TIMEOUT)
    shoot(dash_duo, "objective-form-en")

    # The board scores the objective under its perspective.
    dash_duo.driver.get(f"{dash_duo.server_url}/")
    card = "[data-code='CLI'] .mios-objective[data-code='OBJ-01']"
    dash_duo.wait_for_element(card, timeout=TIMEOUT)
    result = dash_duo.find_element(f"{card} .mios-objective__result").text
    assert any(ch.isdigit() for ch in result) and "%" in result, result
    shoot(dash_duo, "board-after-admin-es")
    assert not [entry for entry in dash_duo.get_logs() if entry["level"] == "SEVERE"]


def test_the_demo_organization_in_every_section(dash_duo, demo_app, demo_counts):
    """Every record of the demo is listed (one row each), and the sections stay readable at its volume."""
    dash_duo.start_server(demo_app)
    for section, name in (("perspectivas", "perspectives"), ("procesos", "processes"), ("objetivos", "objectives"),
                          ("indicadores", "indicators")):
        for lang in ("es", "en"):
            go(dash_duo, f"?seccion={section}" + ("&lang=en" if lang == "en" else ""))
            rows = dash_duo.find_elements(".mios-admin__table tbody tr")
            assert len(rows) == demo_counts[name], (section, len(rows))
            shoot(dash_duo, f"demo-{name}-{lang}")
    go(dash_duo, "?seccion=procesos")
    row_button(dash_duo, "Editar")
    dash_duo.wait_for_contains_text(".modal.show", "Fuentes de entradas", timeout=TIMEOUT)
    until(lambda: element(dash_duo, _id("mios-admin-delete", "process")).is_displayed(), message="delete shown")
    shoot(dash_duo, "demo-process-form-es")
    click(dash_duo, _id("mios-admin-cancel", "process"))
    wait_closed(dash_duo)
    go(dash_duo, "?seccion=objetivos")
    row_button(dash_duo, "Relaciones")
    dash_duo.wait_for_contains_text(".modal.show", "Marque los objetivos", timeout=TIMEOUT)
    shoot(dash_duo, "demo-links-form-es")
    assert not [entry for entry in dash_duo.get_logs() if entry["level"] == "SEVERE"]
