"""The strategic evaluation page `/evaluacion`: its layout on real databases (empty, unmeasured, demo, broken)
and, in headless Chromium, the heat table in Spanish then English, the month selector rewriting the URL and the
table, links to the indicators keeping the query, a clean console, and 1920×1080 screenshots
(tests/screenshots/evaluacion-es.png, evaluacion-en.png)."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from mios_dashboard.components import shell
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.models import Indicator
from mios_dashboard.pages.evaluation import Ids
from tests.integration.board_browser import TIMEOUT, by_id, choose, hrefs, page_module, text_of, until, wait_for_query
from tests.integration.browser import save_screenshot

GROUPS_ES = ["Contexto", "Estrategia", "Comercial", "Mercado", "Ventas", "Operación", "Calidad", "Proveedores",
             "Finanzas", "Personal", "Organización"]
GROUPS_EN = ["Context", "Strategy", "Commercial", "Market", "Sales", "Operations", "Quality", "Suppliers", "Finance",
             "People", "Organization"]


def evaluation_module():
    return page_module("/evaluacion")


def render(app, **query):
    with app.server.app_context():
        return evaluation_module().layout(**query)


def test_registered_and_in_the_navbar(empty_app):
    assert ("/evaluacion", "nav.evaluation", "bi-grid-3x3") in shell.NAV_PAGES
    assert "Evaluation" in text_of(shell.navbar("/evaluacion", "?lang=en"))


def test_empty_database_says_what_to_do_next(empty_app):
    text = text_of(render(empty_app))
    assert "Todavía no hay métricas que evaluar" in text and "python -m mios_dashboard demo" in text
    assert "There are no metrics to evaluate yet" in text_of(render(empty_app, lang="en"))


def test_indicators_without_values_ask_for_an_import(empty_app, sqlite_url):
    with session_scope(make_session_factory(make_engine(sqlite_url))) as session:
        session.add(Indicator(code="K-1", name="Ventas", unit="MXN", direction="higher", frequency="monthly",
                              aggregation="sum", target=100.0, group="Ventas"))
    text = text_of(render(empty_app, lang="en"))
    assert "The indicators have no measurements yet" in text and "FILE.xlsx" in text


def test_unreadable_database_shows_an_error(empty_app, monkeypatch, caplog):
    def broken(session, *args, **kwargs):
        raise RuntimeError("no such table: indicator")

    monkeypatch.setattr(evaluation_module(), "evaluation_table", broken)
    text = text_of(render(empty_app))
    assert "No se pudo leer la evaluación estratégica" in text and "no such table" in caplog.text


def test_demo_layout_groups_months_and_period(demo_app):
    page = render(demo_app, period="2025-09")
    text = text_of(page)
    positions = [text.index(group) for group in GROUPS_ES]
    assert positions == sorted(positions)
    assert "octubre 2024 a septiembre 2025" in text
    table = by_id(page, Ids.TABLE)
    assert len(table.children[0].children.children) == 12 + 2
    assert by_id(page, Ids.PERIOD).value == "2025-09"
    invalid = text_of(render(demo_app, lang="en", period="1999-01"))
    assert "There is no data for January 1999; showing the latest month." in invalid


def test_heat_table_in_spanish_then_english_with_a_clean_console(dash_duo, demo_app):
    dash_duo.start_server(shell.init_app(demo_app))
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/evaluacion", timeout=TIMEOUT)
    table = f"#{Ids.TABLE}"
    for group in GROUPS_ES:
        dash_duo.wait_for_contains_text(table, group, timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.HEADER}", "enero 2025 a diciembre 2025", timeout=TIMEOUT)
    assert "Evaluación" in dash_duo.find_element(f"#{shell.Ids.NAVBAR} .nav-link.active").text
    cells = dash_duo.find_elements(".mios-heat__cell")
    rows = dash_duo.find_elements(".mios-heat__row[data-code]")
    assert len(cells) == 12 * len(rows) and len(rows) >= 30
    statuses = {c.get_attribute("data-status") for c in cells}
    assert {"green", "yellow", "red"} <= statuses
    assert all(c.find_elements("css selector", "i.bi") for c in cells[:24])  # an icon in every cell
    assert "Fuera de meta" in next(c for c in cells if c.get_attribute("data-status") == "red").get_attribute("title")
    assert len(dash_duo.find_elements(".mios-heat__trend img.mios-spark")) >= len(rows) - 2
    assert all(urlparse(h).path.startswith("/indicador/") and urlparse(h).query == "period=2025-12"
               for h in hrefs(dash_duo, "a.mios-heat__link"))
    assert dash_duo.driver.title.startswith("Evaluación estratégica")
    save_screenshot(dash_duo.driver, "evaluacion-es")
    save_screenshot(dash_duo.driver, "evaluacion-es-full", full_page=True)

    dash_duo.find_element(f"#{shell.Ids.LANG_EN}").click()
    for group in GROUPS_EN:
        dash_duo.wait_for_contains_text(table, group, timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.HEADER}", "January 2025 to December 2025", timeout=TIMEOUT)
    assert "lang=en" in dash_duo.driver.current_url
    save_screenshot(dash_duo.driver, "evaluacion-en")
    save_screenshot(dash_duo.driver, "evaluacion-en-full", full_page=True)
    assert dash_duo.get_logs() == []


def test_the_month_selector_rewrites_the_url_and_the_table(dash_duo, demo_app):
    dash_duo.start_server(shell.init_app(demo_app))
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/evaluacion?lang=en", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.HEADER}", "January 2025 to December 2025", timeout=TIMEOUT)
    first = dash_duo.find_element(".mios-heat__cell").get_attribute("data-month")
    assert first == "2025-01-01"
    choose(dash_duo, Ids.PERIOD, "2025-06")
    wait_for_query(dash_duo.driver, lang="en", period="2025-06")
    dash_duo.wait_for_contains_text(f"#{Ids.HEADER}", "July 2024 to June 2025", timeout=TIMEOUT)
    until(lambda: dash_duo.find_element(".mios-heat__cell").get_attribute("data-month") == "2024-07-01",
          message="the table to move to July 2024 – June 2025")
    assert all(urlparse(h).query == "lang=en&period=2025-06" for h in hrefs(dash_duo, "a.mios-heat__link"))
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_empty_evaluation_in_the_browser(dash_duo, empty_app, lang):
    dash_duo.start_server(shell.init_app(empty_app))
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/evaluacion?lang={lang}", timeout=TIMEOUT)
    expected = {"es": "Todavía no hay métricas que evaluar", "en": "There are no metrics to evaluate yet"}[lang]
    dash_duo.wait_for_contains_text(f"#{Ids.EMPTY}", expected, timeout=TIMEOUT)
    assert dash_duo.get_logs() == []
