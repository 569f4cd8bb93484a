"""The drill-down pages `/objetivo/<code>` and `/indicador/<code>`: their layouts on real databases (demo,
an indicator without data, unknown codes, a broken database) and, in headless Chromium, both pages in
Spanish and English with their charts, the way back to the board keeping lang and period, a clean console,
and 1920×1080 screenshots (tests/screenshots/objective-es.png, objective-en.png, indicator-es.png,
indicator-en.png)."""
from __future__ import annotations

import datetime as dt
import sys
from urllib.parse import parse_qs, urlparse

import dash
import pytest

from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.models import Indicator, Objective
from mios_dashboard.pages import clock
from mios_dashboard.pages.board import Ids as BoardIds
from mios_dashboard.pages.drilldown import Ids
from mios_dashboard.schema import upgrade_to_head
from tests.component_tree import text_of, walk
from tests.integration.browser import save_screenshot
from tests.seeded import perspective as seeded_perspective

DEMO_TODAY = dt.date(2026, 1, 15)
TIMEOUT = 20
PLAN_ES = ["Qué se hará", "Recursos", "Responsable", "Fecha de cierre", "Cómo se evaluarán los resultados"]
PLAN_EN = ["What will be done", "Resources", "Owner", "Due date", "How the results will be evaluated"]


def page_module(template: str):
    """The module that holds the layout of the page registered with `template`."""
    page = next(p for p in dash.page_registry.values() if p.get("path_template") == template)
    return sys.modules[page["module"]]


def objective_page():
    return page_module("/objetivo/<code>")


def indicator_page():
    return page_module("/indicador/<code>")


def find(component, element_id):
    return next((n for n in walk(component) if getattr(n, "id", None) == element_id), None)


def render(app, module, **query):
    with app.server.app_context():
        return module.layout(**query)


@pytest.fixture
def pinned(monkeypatch):
    """Judge overdue actions on the day the demo was loaded for."""
    def pin():
        monkeypatch.setattr(clock, "today", lambda: DEMO_TODAY)
    return pin


@pytest.fixture
def sparse_app(sqlite_url):
    """An app whose only indicator has no measurements yet (and whose objective has no plan)."""
    from mios_dashboard import create_app
    from mios_dashboard.config import Settings

    engine = make_engine(sqlite_url)
    upgrade_to_head(engine)
    with session_scope(make_session_factory(engine)) as session:
        perspective = seeded_perspective(session, "FIN")
        objective = Objective(code="OBJ-01", title="Crecer", perspective_id=perspective.id)
        session.add(objective)
        session.flush()
        session.add(Indicator(code="VEN-01", name="Ventas", unit="MXN", target=100.0, objective_id=objective.id))
    engine.dispose()
    return create_app(Settings(database_url=sqlite_url, load_demo_when_empty=False))


# ---------- layout, no browser ----------

def test_objective_layout_has_plan_indicators_risks_actions_and_history(demo_app, pinned):
    pinned()
    page = render(demo_app, objective_page(), code="OBJ-05", process="LOG")
    text = text_of(page)
    for label in PLAN_ES:
        assert label in text
    assert "Entregar completo y a tiempo" in text and "Lo impulsan" in text and "OBJ-07" in text
    for code in ("CAL-04", "COM-02", "OPE-06"):
        assert code in text
    assert "AC-04" in text and "Vencida" not in text  # AC-04 is due 19 Jan 2026; AC-02 is closed
    assert "Importación: calidad.xlsx" in text  # the demo's values came in through the importer
    back = find(page, Ids.BACK)
    assert back.href == "/?process=LOG"
    assert find(page, Ids.RISKS) is not None and find(page, Ids.ACTIONS) is not None
    # OBJ-07's second liner supplier (AC-03) was due on 25 Nov 2025 and is still in progress.
    assert "Vencida" in text_of(render(demo_app, objective_page(), code="OBJ-07"))


def test_objective_layout_in_english_keeps_the_query_in_every_link(demo_app):
    page = render(demo_app, objective_page(), code="obj-01", lang="en", period="2025-11", owner="Ana")
    text = text_of(page)
    for label in PLAN_EN:
        assert label in text
    assert "Period: November 2025" in text
    assert find(page, Ids.BACK).href == "/?lang=en&owner=Ana&period=2025-11"
    links = [n.href for n in walk(page) if getattr(n, "href", "").startswith("/indicador/")]
    assert "/indicador/VEN-01?lang=en&owner=Ana&period=2025-11" in links


def test_indicator_layout_has_definition_ytd_data_and_history(demo_app):
    page = render(demo_app, indicator_page(), code="VEN-01", period="2025-12")
    text = text_of(page)
    for label in ("Definición", "Acumulado del año", "Pronóstico al cierre", "Comportamiento del proceso (XmR)",
                  "Mediciones", "Historial de cambios", "ERP SAP Business One"):
        assert label in text
    assert "Señal: reglas 1, 2, 3" in text
    assert find(page, Ids.CHART) is not None
    objective_links = [n.href for n in walk(page) if getattr(n, "href", "").startswith("/objetivo/")]
    assert "/objetivo/OBJ-01?period=2025-12" in objective_links


def test_indicator_without_measurements_says_what_to_do_next(sparse_app):
    page = render(sparse_app, indicator_page(), code="VEN-01")
    text = text_of(page)
    assert "Sin mediciones todavía" in text and "python -m mios_dashboard import ARCHIVO.xlsx" in text
    assert find(page, Ids.EMPTY) is not None and find(page, Ids.CHART) is None
    objective = text_of(render(sparse_app, objective_page(), code="OBJ-01", lang="en"))
    assert "Not defined" in objective and "No measurements yet." in objective


@pytest.mark.parametrize(("module", "lang", "expected"), [
    (objective_page, "es", "No existe el objetivo «OBJ-99»"),
    (indicator_page, "en", "There is no indicator “OBJ-99”"),
])
def test_unknown_code_shows_not_found(demo_app, module, lang, expected):
    page = render(demo_app, module(), code="OBJ-99", lang=lang, period="2025-13")
    assert expected in text_of(page) and find(page, Ids.NOT_FOUND) is not None
    assert "2025-13" in text_of(page)  # the bad period is reported, not fatal


def test_unreadable_database_shows_an_error_not_a_traceback(empty_app, monkeypatch, caplog):
    def broken(session, code, period=None):
        raise RuntimeError("no such table: objective")

    monkeypatch.setattr(objective_page(), "objective_detail", broken)
    text = text_of(render(empty_app, objective_page(), code="OBJ-01"))
    assert "No se pudo leer la información" in text and "python -m mios_dashboard init-db" in text
    assert "no such table" in caplog.text


# ---------- in the browser ----------

def _chart_roles(dash_duo, selector: str) -> list[list[str]]:
    return dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0] + ' .js-plotly-plot'))"
        ".map(g => (g.data || []).map(t => (t.meta && t.meta.role) || ''));", selector)


def _wait_for_charts(dash_duo, selector: str, count: int) -> None:
    dash_duo.wait_for_element(f"{selector} .js-plotly-plot .main-svg", timeout=TIMEOUT)
    dash_duo._wait_for(lambda _: len(_chart_roles(dash_duo, selector)) >= count, timeout=TIMEOUT,
                       msg=f"{count} charts under {selector}")


def _query(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


def test_objective_page_in_spanish_and_english_and_back_to_the_board(dash_duo, demo_app):
    dash_duo.start_server(demo_app)
    page = f"#{Ids.OBJECTIVE}"
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/objetivo/OBJ-01", timeout=TIMEOUT)
    for text in ["Crecer las ventas netas", *PLAN_ES, "VEN-01", "VEN-02", "Mapa estratégico"]:
        dash_duo.wait_for_contains_text(page, text, timeout=TIMEOUT)
    _wait_for_charts(dash_duo, page, 2)
    assert all("actual" in roles and "target" in roles for roles in _chart_roles(dash_duo, page))
    # Plotly speaks Spanish: the locale from assets/ is registered and month ticks are Spanish.
    ticks = " ".join(e.text for e in dash_duo.find_elements(f"{page} .xtick text"))
    assert not any(month in ticks for month in ("Jan", "Apr", "Aug", "Dec")), ticks
    assert dash_duo.driver.title.startswith("OBJ-01 · Objetivo de la calidad")
    save_screenshot(dash_duo.driver, "objective-es")
    save_screenshot(dash_duo.driver, "objective-es-full", full_page=True)

    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/objetivo/OBJ-01?lang=en&period=2025-11", timeout=TIMEOUT)
    for text in PLAN_EN + ["Period: November 2025", "Strategy map"]:
        dash_duo.wait_for_contains_text(page, text, timeout=TIMEOUT)
    _wait_for_charts(dash_duo, page, 2)
    save_screenshot(dash_duo.driver, "objective-en")
    save_screenshot(dash_duo.driver, "objective-en-full", full_page=True)

    back = dash_duo.find_element(f"#{Ids.BACK}")
    assert _query(back.get_attribute("href")) == {"lang": "en", "period": "2025-11"}
    back.click()
    dash_duo.wait_for_contains_text(f"#{BoardIds.PAGE}", "November 2025", timeout=TIMEOUT)
    assert urlparse(dash_duo.driver.current_url).path == "/"
    assert _query(dash_duo.driver.current_url) == {"lang": "en", "period": "2025-11"}
    assert dash_duo.get_logs() == []


def test_indicator_page_in_spanish_and_english(dash_duo, demo_app):
    dash_duo.start_server(demo_app)
    page = f"#{Ids.INDICATOR}"
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/indicador/VEN-01", timeout=TIMEOUT)
    for text in ["Ventas netas facturadas", "Acumulado del año", "Definición", "Mediciones", "Historial de cambios"]:
        dash_duo.wait_for_contains_text(page, text, timeout=TIMEOUT)
    _wait_for_charts(dash_duo, page, 1)
    roles = _chart_roles(dash_duo, page)[0]
    assert {"actual", "target", "trend", "forecast", "xmr_center", "xmr_limits", "signals"} <= set(roles)
    save_screenshot(dash_duo.driver, "indicator-es")
    save_screenshot(dash_duo.driver, "indicator-es-full", full_page=True)

    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/indicador/VEN-01?lang=en&period=2025-11", timeout=TIMEOUT)
    for text in ["Year to date", "Definition", "Measurements", "Change history", "Period: November 2025"]:
        dash_duo.wait_for_contains_text(page, text, timeout=TIMEOUT)
    _wait_for_charts(dash_duo, page, 1)
    assert dash_duo.driver.title.startswith("VEN-01 · Indicator")
    save_screenshot(dash_duo.driver, "indicator-en")
    save_screenshot(dash_duo.driver, "indicator-en-full", full_page=True)
    assert _query(dash_duo.find_element(f"#{Ids.BACK}").get_attribute("href")) == {
        "lang": "en", "period": "2025-11"}
    assert dash_duo.get_logs() == []


def test_unknown_codes_in_the_browser(dash_duo, demo_app):
    dash_duo.start_server(demo_app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/objetivo/NADA-1", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.NOT_FOUND}", "No existe el objetivo «NADA-1»", timeout=TIMEOUT)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/indicador/NADA-1?lang=en", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.NOT_FOUND}", "There is no indicator “NADA-1”", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []
