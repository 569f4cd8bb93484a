"""The board page `/`: its layout on real databases (empty, demo, broken) and, in headless Chromium, the
four perspectives in Spanish, the switch to English, a clean console, and 1920×1080 screenshots."""
from __future__ import annotations

import sys
import warnings

import dash
import pytest
from dash import html

from mios_dashboard.components import shell
from mios_dashboard.components.ids import ComponentId
from mios_dashboard.services.board import build_board
from mios_dashboard.services.runtime import read_session

try:
    from .browser import save_screenshot
except ImportError:  # pytest's default "prepend" import mode
    from browser import save_screenshot

SPANISH = ["Financiera", "Clientes", "Procesos internos", "Aprendizaje y crecimiento"]
ENGLISH = ["Financial", "Customer", "Internal processes", "Learning and growth"]
TIMEOUT = 20


def board_module():
    """The page module as Dash loaded it for the newest app (Dash executes page files itself)."""
    page = next(p for p in dash.page_registry.values() if p["path"] == "/")
    return sys.modules[page["module"]]


def text_of(component) -> str:
    parts, stack = [], [component]
    while stack:
        node = stack.pop(0)
        if isinstance(node, (str, int, float)):
            parts.append(str(node))
        elif isinstance(node, (list, tuple)):
            stack[:0] = list(node)
        elif node is not None:
            stack.insert(0, getattr(node, "children", None))
    return " ".join(parts)


def render(app, **query) -> html.Div:
    with app.server.app_context():
        return board_module().layout(**query)


def with_shell(app):
    """The app as served. create_app is expected to call shell.init_app(app); if it does not yet, install
    it here (idempotent) and say so, so the navbar test still tests the page rather than the wiring."""
    if not getattr(app, "_mios_shell_installed", False):
        warnings.warn("create_app() should call components.shell.init_app(app): without it the navbar "
                      "does not follow the language switch", stacklevel=2)
        shell.init_app(app)
    return app


def demo_board(app) -> dict:
    with app.server.app_context(), read_session() as session:
        return build_board(session)


# ---------- layout, no browser ----------

@pytest.mark.parametrize(("value", "expected"), [
    (None, (None, True)), ("", (None, True)), ("2025-12", ("2025-12-01", True)), ("2025-12-01", ("2025-12-01", True)),
    ("2025-13", (None, False)), ("diciembre", (None, False)), (["2025-12"], (None, False)),
])
def test_parse_period(empty_app, value, expected):
    month, ok = board_module().parse_period(value)
    assert (month.isoformat() if month else None, ok) == expected


def test_empty_database_says_what_to_do_next(empty_app):
    page = render(empty_app)
    text = text_of(page)
    assert "Todavía no hay datos en el tablero" in text
    assert "python -m mios_dashboard demo" in text
    assert "python -m mios_dashboard import ARCHIVO.xlsx" in text
    english = text_of(render(empty_app, lang="en"))
    assert "The board has no data yet" in english and "FILE.xlsx" in english


def test_invalid_period_is_reported_not_fatal(empty_app):
    text = text_of(render(empty_app, lang="en", period="2025-13"))
    assert "The period “2025-13” is not valid (use YYYY-MM); showing the latest one." in text


def test_unreadable_database_shows_an_error_not_a_blank_page(empty_app, monkeypatch, caplog):
    def broken(session, period=None):
        raise RuntimeError("no such table: indicator")

    monkeypatch.setattr(board_module(), "build_board", broken)
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


def test_period_parameter_picks_the_month(demo_app):
    first = demo_board(demo_app)["available_periods"][0]
    page = render(demo_app, period=first[:7], lang="en")
    header = next(n for n in _walk(page) if getattr(n, "id", None) == ComponentId.BOARD_HEADER)
    month = board_module().fmt_month(first, "en", long=True)
    assert f"Period: {month}" in text_of(header)


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int, float)):
            yield from _walk(child)


# ---------- in the browser ----------

def _wait_for_all(dash_duo, selector: str, texts: list[str]) -> None:
    for text in texts:
        dash_duo.wait_for_contains_text(selector, text, timeout=TIMEOUT)


def test_board_in_spanish_then_english_with_a_clean_console(dash_duo, demo_app):
    board = demo_board(demo_app)
    objective = next(o for p in board["perspectives"] for o in p["objectives"])
    indicator = next(i for i in board["indicators"] if i["code"] in objective["indicators"])
    dash_duo.start_server(with_shell(demo_app))

    # Spanish by default: the four perspectives in order, an objective and an indicator of the demo.
    _wait_for_all(dash_duo, f"#{ComponentId.BOARD}", [*SPANISH, objective["title"], indicator["code"], indicator["name"]])
    tiles = [e.text.split("\n")[0] for e in dash_duo.find_elements(".mios-tile .mios-tile__name")]
    assert tiles == SPANISH
    assert "Tablero" in dash_duo.find_element(f"#{ComponentId.NAVBAR}").text
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "es"
    # The vendored Bootstrap is linked before our stylesheet, and nothing comes from a CDN.
    links = dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(l => l.getAttribute('href'))")
    names = [link.split("?")[0].rsplit("/", 1)[-1] for link in links]
    assert names.index("00-bootstrap-5.3.9.min.css") < names.index("mios.css")
    assert all(link.startswith("/") for link in links)
    save_screenshot(dash_duo.driver, "board-es")
    save_screenshot(dash_duo.driver, "board-es-full", full_page=True)

    # The switch: same page in English, navbar included, and the URL can be shared.
    dash_duo.find_element(f"#{ComponentId.LANG_EN}").click()
    _wait_for_all(dash_duo, f"#{ComponentId.BOARD}", [*ENGLISH, objective["title"], indicator["code"]])
    dash_duo.wait_for_contains_text(f"#{ComponentId.NAVBAR}", "Directive control board", timeout=TIMEOUT)
    assert "lang=en" in dash_duo.driver.current_url
    assert [e.text.split("\n")[0] for e in dash_duo.find_elements(".mios-tile .mios-tile__name")] == ENGLISH
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "en"
    assert dash_duo.driver.title.startswith("Directive control board")
    save_screenshot(dash_duo.driver, "board-en")
    save_screenshot(dash_duo.driver, "board-en-full", full_page=True)

    # And back to Spanish.
    dash_duo.find_element(f"#{ComponentId.LANG_ES}").click()
    _wait_for_all(dash_duo, f"#{ComponentId.BOARD}", SPANISH)
    assert "lang=en" not in dash_duo.driver.current_url

    assert dash_duo.get_logs() == []


def test_shared_english_link_opens_in_english(dash_duo, demo_app):
    dash_duo.start_server(with_shell(demo_app))
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en", timeout=TIMEOUT)
    _wait_for_all(dash_duo, f"#{ComponentId.BOARD}", ENGLISH)
    dash_duo.wait_for_contains_text(f"#{ComponentId.NAVBAR}", "Board", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []
