"""The PHVA page `/phva`: its layout on real databases (empty, demo, broken) and, in headless Chromium, the
four stages in Spanish then English, the links to where each gap is fixed, a clean console, and 1920×1080
screenshots (tests/screenshots/phva-es.png, phva-en.png)."""
from __future__ import annotations

import datetime as dt
import sys

import dash
import pytest

from mios_dashboard.components import shell
from mios_dashboard.pages import clock
from mios_dashboard.pages.board import Ids as BoardIds
from mios_dashboard.pages.phva import Ids
from tests.component_tree import text_of, walk
from tests.integration.browser import save_screenshot

DEMO_TODAY = dt.date(2026, 1, 15)  # the day tests/conftest.py loads the demo for

STAGES_ES = ["Planificar", "Hacer", "Verificar", "Actuar"]
STAGES_EN = ["Plan", "Do", "Check", "Act"]
CLAUSES_ES = ["Contexto de la organización", "Liderazgo", "Planificación", "Apoyo", "Operación",
              "Evaluación del desempeño", "Mejora"]
CLAUSES_EN = ["Context of the organization", "Leadership", "Planning", "Support", "Operation",
              "Performance evaluation", "Improvement"]
TIMEOUT = 20


def phva_module():
    """The module that holds the layout of the page registered at `/phva`."""
    page = next(p for p in dash.page_registry.values() if p["path"] == "/phva")
    return sys.modules[page["module"]]


@pytest.fixture
def pinned(monkeypatch):
    """Judge the demo's evidence on the day it was loaded for, whatever the machine's date."""
    def pin():
        monkeypatch.setattr(clock, "today", lambda: DEMO_TODAY)
    return pin


def render(app, **query):
    with app.server.app_context():
        return phva_module().layout(**query)


# ---------- layout, no browser ----------

def test_empty_database_says_what_to_do_next(empty_app):
    page = render(empty_app)
    assert any(getattr(n, "id", None) == Ids.EMPTY for n in walk(page))
    text = text_of(page)
    assert "Todavía no hay registros del sistema de gestión" in text and "python -m mios_dashboard demo" in text
    english = text_of(render(empty_app, lang="en"))
    assert "No management-system records yet" in english and "FILE.xlsx" in english


def test_unreadable_database_shows_an_error(empty_app, monkeypatch, caplog):
    def broken(session, today=None, board=None):
        raise RuntimeError("no such table: action")

    monkeypatch.setattr(phva_module(), "phva_status", broken)
    text = text_of(render(empty_app, lang="en"))
    assert "The PDCA status could not be read" in text and "python -m mios_dashboard init-db" in text
    assert "no such table" in caplog.text


def test_demo_layout_shows_stages_clauses_checks_and_fix_links(demo_app, pinned):
    pinned()
    page = render(demo_app)
    text = text_of(page)
    for word in [*STAGES_ES, *CLAUSES_ES, "Cumple", "Falta", "AC-05", "9 de 13 comprobaciones cumplidas"]:
        assert word in text
    checks = [n for n in walk(page) if getattr(n, "className", "") and "mios-phva-check " in n.className + " "]
    assert len(checks) == 13
    hrefs = {n.href for n in walk(page) if "mios-phva-fix" in (getattr(n, "className", None) or "")}
    # Only pages that exist are linked: /contexto, /acciones, /juntas and /revision come later.
    assert hrefs == {"/importar", "/", "/riesgos"}
    english = render(demo_app, lang="en")
    assert all(word in text_of(english) for word in [*STAGES_EN, *CLAUSES_EN, "Met", "Missing"])
    english_hrefs = {n.href for n in walk(english) if "mios-phva-fix" in (getattr(n, "className", None) or "")}
    assert english_hrefs == {"/importar?lang=en", "/?lang=en", "/riesgos?lang=en"}


# ---------- in the browser ----------

def _wait_for_all(dash_duo, selector: str, texts: list[str]) -> None:
    for text in texts:
        dash_duo.wait_for_contains_text(selector, text, timeout=TIMEOUT)


def test_phva_in_spanish_then_english_with_links_and_a_clean_console(dash_duo, demo_app, pinned):
    pinned()
    dash_duo.start_server(demo_app)

    # From the board, the navbar leads to the cycle.
    dash_duo.wait_for_element(f"#{BoardIds.PAGE}", timeout=TIMEOUT)
    nav_link = next(e for e in dash_duo.find_elements(f"#{shell.Ids.NAVBAR} a.nav-link") if e.text == "PHVA")
    nav_link.click()
    _wait_for_all(dash_duo, f"#{Ids.PAGE}", [*STAGES_ES, *CLAUSES_ES, "AC-05"])
    assert dash_duo.driver.current_url.endswith("/phva")
    stages = [e.get_attribute("data-stage") for e in dash_duo.find_elements(".mios-phva-stage")]
    assert stages == ["plan", "do", "check", "act"]
    names = [e.text for e in dash_duo.find_elements(".mios-phva-stage__name")]
    assert names == STAGES_ES
    assert len(dash_duo.find_elements(".mios-phva-check")) == 13
    assert len(dash_duo.find_elements(".mios-phva-check--missing")) == 4
    fixes = [e.get_attribute("href") for e in dash_duo.find_elements(".mios-phva-fix")]
    assert fixes and all(h.endswith(("/", "/importar", "/riesgos")) for h in fixes)  # no link to a page not built yet
    assert any(h.endswith("/indicador/PER-02") for h in
               (e.get_attribute("href") for e in dash_duo.find_elements(".mios-phva-gap__ref a")))
    assert "active" in dash_duo.find_element(f"#{shell.Ids.NAVBAR} a.nav-link[href='/phva']").get_attribute("class")
    assert dash_duo.driver.title.startswith("Ciclo PHVA")
    save_screenshot(dash_duo.driver, "phva-es")

    # The language switch keeps the page.
    dash_duo.find_element(f"#{shell.Ids.LANG_EN}").click()
    _wait_for_all(dash_duo, f"#{Ids.PAGE}", [*CLAUSES_EN, "Missing", "Met"])
    assert [e.text for e in dash_duo.find_elements(".mios-phva-stage__name")] == STAGES_EN
    assert "/phva?lang=en" in dash_duo.driver.current_url
    fixes = [e.get_attribute("href") for e in dash_duo.find_elements(".mios-phva-fix")]
    assert all("lang=en" in h for h in fixes)
    dash_duo.wait_for_contains_text(f"#{shell.Ids.NAVBAR}", "PDCA", timeout=TIMEOUT)
    save_screenshot(dash_duo.driver, "phva-en")

    assert dash_duo.get_logs() == []


def test_empty_database_page_in_the_browser(dash_duo, empty_app):
    dash_duo.start_server(empty_app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/phva?lang=en", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.EMPTY}", "python -m mios_dashboard demo", timeout=TIMEOUT)
    save_screenshot(dash_duo.driver, "phva-empty-en")
    assert dash_duo.get_logs() == []
