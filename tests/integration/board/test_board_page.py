"""The board page `/`: its layout on real databases (empty, defined but unmeasured, demo, broken) and, in headless
Chromium, Spanish then English, the month and the filters rewriting the URL and the board, drill-down links that
keep the query, a clean console, and 1920×1080 screenshots (tests/screenshots/board-es.png, board-en.png)."""
from __future__ import annotations

import datetime as dt
import time
from urllib.parse import urlparse

import pytest
from sqlalchemy import select

from mios_dashboard.audit import data_version
from mios_dashboard.components import shell
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.models import Indicator, Measurement
from mios_dashboard.pages import clock
from mios_dashboard.pages.board import Ids
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.web.cache import CACHE, RENDERED
from mios_dashboard.web.runtime import EXTENSION_KEY, read_session
from tests.integration.board_browser import (
    TIMEOUT,
    by_id,
    choose,
    hrefs,
    page_module,
    text_of,
    until,
    url_query,
    wait_for_query,
)
from tests.integration.browser import save_screenshot

SPANISH = ["Financiera", "Clientes", "Procesos internos", "Aprendizaje y crecimiento"]
ENGLISH = ["Financial", "Customer", "Internal processes", "Learning and growth"]
DEMO_TODAY = dt.date(2026, 1, 15)  # the day tests/conftest.py loads the demo for


def board_module():
    return page_module("/")


@pytest.fixture
def pinned(monkeypatch):
    """Judge overdue actions and the PHVA strip on the day the demo was loaded for."""
    def pin(app):
        monkeypatch.setattr(clock, "today", lambda: DEMO_TODAY)
        return app
    return pin


def render(app, **query):
    with app.server.app_context():
        return board_module().layout(**query)


def demo_board(app, month=None) -> dict:
    with app.server.app_context(), read_session() as session:
        return build_board(session, month)


# ---------- layout, no browser ----------

@pytest.mark.parametrize(("value", "expected"), [
    (None, (None, True)), ("", (None, True)), ("2025-12", ("2025-12-01", True)), ("2025-12-01", ("2025-12-01", True)),
    ("2025-13", (None, False)), ("diciembre", (None, False)), (["2025-12"], (None, False)),
])
def test_parse_period(empty_app, value, expected):
    month, ok = board_module().parse_period(value)
    assert (month.isoformat() if month else None, ok) == expected


def test_empty_database_says_what_to_do_next(empty_app):
    text = text_of(render(empty_app))
    assert "Todavía no hay datos en el tablero" in text
    assert "python -m mios_dashboard demo" in text
    assert "python -m mios_dashboard import ARCHIVO.xlsx" in text and "Ir a la página Importar" in text
    english = text_of(render(empty_app, lang="en"))
    assert "The board has no data yet" in english and "FILE.xlsx" in english


def test_indicators_without_values_ask_for_an_import(empty_app, sqlite_url):
    factory = make_session_factory(make_engine(sqlite_url))
    with session_scope(factory) as session:
        session.add(Indicator(code="K-1", name="Ventas", unit="MXN", direction="higher", frequency="monthly",
                              aggregation="sum", target=100.0))
    text = text_of(render(empty_app, lang="en"))
    assert "The indicators have no measurements yet" in text
    assert "There is 1 indicator defined, but no value measured." in text


def test_indicators_without_objectives_say_how_to_add_them(empty_app, sqlite_url):
    factory = make_session_factory(make_engine(sqlite_url))
    with session_scope(factory) as session:
        indicator = Indicator(code="K-1", name="Ventas", unit="MXN", direction="higher", frequency="monthly",
                              aggregation="sum", target=100.0)
        session.add(indicator)
        session.flush()
        session.add(Measurement(indicator_id=indicator.id, period=dt.date(2025, 12, 1), value=90.0))
    text = text_of(render(empty_app))
    assert "Todavía no hay objetivos de la calidad (ISO 6.2)" in text and "K-1" in text


def test_invalid_period_is_reported_not_fatal(empty_app):
    text = text_of(render(empty_app, lang="en", period="2025-13"))
    assert "The period “2025-13” is not valid (use YYYY-MM); showing the latest one." in text


def test_unreadable_database_shows_an_error_not_a_blank_page(empty_app, monkeypatch, caplog):
    def broken(session, *args, **kwargs):
        raise RuntimeError("no such table: indicator")

    monkeypatch.setattr(board_module(), "board_page", broken)
    text = text_of(render(empty_app))
    assert "No se pudo leer el tablero" in text and "python -m mios_dashboard init-db" in text
    assert "no such table" in caplog.text


def test_demo_board_layout_in_both_languages(demo_app):
    board = demo_board(demo_app)
    spanish, english = text_of(render(demo_app)), text_of(render(demo_app, lang="en"))
    for name in SPANISH:
        assert name in spanish
    for name in ENGLISH:
        assert name in english
    for objective in (o for p in board["perspectives"] for o in p["objectives"]):
        assert objective["code"] in spanish and objective["title"] in spanish
    for indicator in board["indicators"]:
        assert indicator["code"] in spanish
    assert "Qué cambió desde noviembre 2025" in spanish and "What changed since November 2025" in english
    assert "Acciones vencidas" in spanish and "Ciclo PHVA" in spanish


def test_period_parameter_picks_the_month(demo_app):
    first = demo_board(demo_app)["available_periods"][0]
    page = render(demo_app, period=first[:7], lang="en")
    month = board_module().fmt_month(first, "en", long=True)
    assert f"Period: {month}" in text_of(by_id(page, Ids.HEADER))
    assert "This is the first month with data" in text_of(by_id(page, Ids.CHANGES))


def test_filters_and_unknown_values_in_the_url(demo_app):
    page = render(demo_app, lang="en", process="PRD", owner="Nobody")
    text = text_of(page)
    assert "“Nobody” owns no objective or indicator; showing everyone's." in text
    assert "(filtered)" in text and "OBJ-08" in text and "OBJ-01" not in text
    assert by_id(page, Ids.PROCESS).value == "PRD" and by_id(page, Ids.OWNER).value is None


def test_a_write_warms_the_default_view_in_the_background(demo_app, pinned):
    """After a commit the warmer recomputes the default view under the new data version, so the next
    viewer is served from the caches (no computation at all)."""
    app = pinned(demo_app)
    warmer = board_module().keep_warm(app, interval=60)  # within this test only the commit wakes it
    try:
        app.server.test_client().get("/")  # a serving process starts its warmer with its first request
        factory = app.server.extensions[EXTENSION_KEY]["session_factory"]
        with session_scope(factory) as session:
            indicator_id = session.scalar(select(Indicator.id).where(Indicator.code == "VEN-03"))
            session.scalars(select(Measurement).where(Measurement.indicator_id == indicator_id,
                                                      Measurement.period == dt.date(2025, 12, 1))).one().value = 9.0
        with app.server.app_context(), read_session() as session:
            version = data_version(session)
        deadline = time.monotonic() + 30
        while warmer.warmed_version != version:
            assert time.monotonic() < deadline, "the warm-up never came"
            time.sleep(0.02)
        misses = (CACHE.misses, RENDERED.misses)
        text = text_of(render(app))
        assert (CACHE.misses, RENDERED.misses) == misses  # served from what the warm-up stored
        assert "VEN-03" in text
    finally:
        warmer.stop(timeout=10)


def test_the_url_for_the_controls(empty_app):
    url_for = board_module().url_for_controls
    assert url_for("2025-11", None, None, "?lang=en") == "?lang=en&period=2025-11"
    assert url_for("2025-11", "PRD", None, "?lang=en&period=2025-11") == "?lang=en&period=2025-11&process=PRD"
    with pytest.raises(Exception) as stopped:
        url_for("2025-11", None, None, "?period=2025-11")
    assert type(stopped.value).__name__ == "PreventUpdate"


# ---------- in the browser ----------

def _wait_for_all(dash_duo, selector: str, texts: list[str]) -> None:
    for text in texts:
        dash_duo.wait_for_contains_text(selector, text, timeout=TIMEOUT)


def test_board_in_spanish_then_english_with_a_clean_console(dash_duo, demo_app, pinned):
    board = demo_board(demo_app)
    objective = next(o for p in board["perspectives"] for o in p["objectives"])
    indicator = next(i for i in board["indicators"] if i["code"] in objective["indicators"])
    dash_duo.start_server(pinned(demo_app))

    # Spanish by default: the four perspectives in order, an objective and an indicator of the demo, the news.
    _wait_for_all(dash_duo, f"#{Ids.PAGE}", [*SPANISH, objective["title"], indicator["code"], indicator["name"]])
    dash_duo.wait_for_contains_text(f"#{Ids.CHANGES}", "Qué cambió desde noviembre 2025", timeout=TIMEOUT)
    reds = [i["code"] for i in board["indicators"] if i["status"] == "red"]
    off = dash_duo.find_elements(f"#{Ids.OFF_TARGET} [data-code]")
    assert sorted(e.get_attribute("data-code") for e in off) == sorted(reds)
    assert all(e.find_elements("css selector", "[data-mark]") for e in off)  # each says signal or no signal
    tiles = [e.text.split("\n")[0] for e in dash_duo.find_elements(".mios-tile .mios-tile__name")]
    assert tiles == SPANISH
    summary = dash_duo.find_element(f"#{Ids.SUMMARY}").text
    assert "CUMPLIMIENTO GLOBAL" in summary.upper() and "ACCIONES VENCIDAS" in summary.upper()
    assert dash_duo.find_elements(f"#{Ids.SUMMARY} a[href='/phva']")
    assert "Tablero" in dash_duo.find_element(f"#{shell.Ids.NAVBAR}").text
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "es"
    # Every indicator row has its sparkline (an SVG image) and the signal marks explain themselves.
    assert len(dash_duo.find_elements(".mios-indicator-row img.mios-spark")) >= len(board["indicators"]) - 2
    marks = dash_duo.find_elements("[data-mark='signal']")
    assert marks and all("regla" in m.get_attribute("title") for m in marks)
    # The vendored Bootstrap is linked before our stylesheet, and nothing comes from a CDN.
    links = dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(l => l.getAttribute('href'))")
    names = [link.split("?")[0].rsplit("/", 1)[-1] for link in links]
    assert names.index("00-bootstrap-5.3.9.min.css") < names.index("mios.css")
    assert all(link.startswith("/") for link in links)
    save_screenshot(dash_duo.driver, "board-es")
    save_screenshot(dash_duo.driver, "board-es-full", full_page=True)

    # The switch: same page in English, navbar included, and the URL can be shared.
    dash_duo.find_element(f"#{shell.Ids.LANG_EN}").click()
    _wait_for_all(dash_duo, f"#{Ids.PAGE}", [*ENGLISH, objective["title"], indicator["code"]])
    dash_duo.wait_for_contains_text(f"#{shell.Ids.NAVBAR}", "Directive control board", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.CHANGES}", "What changed since November 2025", timeout=TIMEOUT)
    assert "lang=en" in dash_duo.driver.current_url
    assert [e.text.split("\n")[0] for e in dash_duo.find_elements(".mios-tile .mios-tile__name")] == ENGLISH
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "en"
    assert dash_duo.driver.title.startswith("Directive control board")
    save_screenshot(dash_duo.driver, "board-en")
    save_screenshot(dash_duo.driver, "board-en-full", full_page=True)

    # And back to Spanish.
    dash_duo.find_element(f"#{shell.Ids.LANG_ES}").click()
    _wait_for_all(dash_duo, f"#{Ids.PAGE}", SPANISH)
    assert "lang=en" not in dash_duo.driver.current_url

    assert dash_duo.get_logs() == []


def test_month_and_filters_rewrite_the_url_and_the_board(dash_duo, demo_app, pinned):
    dash_duo.start_server(pinned(demo_app))
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.HEADER}", "Period: December 2025", timeout=TIMEOUT)

    choose(dash_duo, Ids.PERIOD, "2025-11")
    wait_for_query(dash_duo.driver, lang="en", period="2025-11")
    dash_duo.wait_for_contains_text(f"#{Ids.HEADER}", "Period: November 2025", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.CHANGES}", "What changed since October 2025", timeout=TIMEOUT)

    choose(dash_duo, Ids.PROCESS, "PRD")
    wait_for_query(dash_duo.driver, lang="en", period="2025-11", process="PRD")
    until(lambda: "(filtered)" in dash_duo.find_element(f"#{Ids.SUMMARY}").text.lower(), message="the filter note")
    until(lambda: "OBJ-01" not in dash_duo.find_element(f"#{Ids.SECTIONS}").text, message="the filter to apply")
    sections = dash_duo.find_element(f"#{Ids.SECTIONS}").text
    assert "OBJ-08" in sections and "OBJ-09" in sections

    # Drill-down links keep the language, the month and the filter.
    query = "lang=en&period=2025-11&process=PRD"
    objective_links = hrefs(dash_duo, "a.mios-objective__link")
    indicator_links = hrefs(dash_duo, "a.mios-indicator__link")
    assert objective_links and all(urlparse(h).path.startswith("/objetivo/") and urlparse(h).query == query
                                   for h in objective_links)
    assert indicator_links and all(urlparse(h).path.startswith("/indicador/") and urlparse(h).query == query
                                   for h in indicator_links)
    assert dash_duo.get_logs() == []

    # The browser's back button is the URL's history: one step back drops the filter.
    dash_duo.driver.back()
    wait_for_query(dash_duo.driver, lang="en", period="2025-11", process=None)
    until(lambda: "OBJ-01" in dash_duo.find_element(f"#{Ids.SECTIONS}").text, message="the unfiltered board")

    # Clicking an objective opens its page with the query kept.
    link = dash_duo.find_element("a.mios-objective__link")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", link)
    until(lambda: urlparse(dash_duo.driver.current_url).path.startswith("/objetivo/"), message="the objective page")
    assert url_query(dash_duo.driver) == {"lang": "en", "period": "2025-11"}


def test_a_sent_link_opens_the_same_view(dash_duo, demo_app, pinned):
    board = demo_board(demo_app)
    owner = next(o["owner"] for p in board["perspectives"] for o in p["objectives"] if o["code"] == "OBJ-08")
    dash_duo.start_server(pinned(demo_app))
    dash_duo.driver.get(f"{dash_duo.server_url}/?period=2025-10&owner={owner.replace(' ', '+')}")
    dash_duo.wait_for_contains_text(f"#{Ids.HEADER}", "Periodo: octubre 2025", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.OWNER}", owner, timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.PERIOD}", "octubre 2025", timeout=TIMEOUT)
    assert "OBJ-08" in dash_duo.find_element(f"#{Ids.SECTIONS}").text
    assert "OBJ-01" not in dash_duo.find_element(f"#{Ids.SECTIONS}").text
    dash_duo.driver.execute_script("arguments[0].click();", dash_duo.find_element(f"#{Ids.CLEAR_FILTERS}"))
    wait_for_query(dash_duo.driver, period="2025-10", owner=None)
    until(lambda: "OBJ-01" in dash_duo.find_element(f"#{Ids.SECTIONS}").text, message="the unfiltered board")
    assert dash_duo.get_logs() == []


def test_shared_english_link_opens_in_english(dash_duo, demo_app):
    dash_duo.start_server(demo_app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en", timeout=TIMEOUT)
    _wait_for_all(dash_duo, f"#{Ids.PAGE}", ENGLISH)
    dash_duo.wait_for_contains_text(f"#{shell.Ids.NAVBAR}", "Board", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


def test_empty_board_in_the_browser(dash_duo, empty_app):
    dash_duo.start_server(empty_app)
    dash_duo.wait_for_contains_text(f"#{Ids.EMPTY}", "python -m mios_dashboard demo", timeout=TIMEOUT)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.EMPTY}", "The board has no data yet", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []
