"""The pages are wired explicitly — create_app calls each page package's init_app — so every app built in
one process serves its pages from its own database and answers its own callbacks, and a page another app
registered cannot break it. A page's outermost guard (pages/guard.py) shows a refusal's sentence in the
page's error state, and anything else as the generic error state, with its traceback in the log."""
from __future__ import annotations

import logging

import dash
import pytest
from dash import html

from mios_dashboard import create_app
from mios_dashboard.config import Settings
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.errors import NotFound
from mios_dashboard.models import Indicator
from mios_dashboard.pages.board import page as board_page_module
from mios_dashboard.pages.drilldown import objective as objective_page_module
from mios_dashboard.pages.imports import page as imports_page_module
from mios_dashboard.schema import upgrade_to_head
from tests.component_tree import text_of, walk
from tests.integration.dash_client import DashClient

PATHS = ["/", "/admin", "/contexto", "/evaluacion", "/importar", "/indicador/<code>", "/objetivo/<code>",
         "/pagina-no-encontrada", "/phva", "/riesgos"]


def build_app(tmp_path, name: str, indicator: str | None = None) -> dash.Dash:
    """An app on a database of its own; with `indicator`, one indicator defined and nothing measured."""
    url = f"sqlite:///{tmp_path / f'{name}.db'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    if indicator:
        with session_scope(make_session_factory(engine)) as session:
            session.add(Indicator(code=indicator, name="Ventas", unit="MXN", direction="higher", frequency="monthly",
                                  aggregation="sum", target=100.0))
    engine.dispose()
    return create_app(Settings(database_url=url, data_dir=tmp_path / name, load_demo_when_empty=False))


class Client(DashClient):
    """The callbacks these tests call by name."""

    def board_controls(self, period: str, search: str) -> str:
        return self.call("mios-board-location.search", {"id": "mios-board-location", "property": "search"},
                         [{"id": "mios-board-period", "property": "value", "value": period},
                          {"id": "mios-board-process", "property": "value", "value": None},
                          {"id": "mios-board-owner", "property": "value", "value": None}],
                         [{"id": "mios-url", "property": "search", "value": search}])

    def navbar(self, path: str, search: str) -> str:
        return self.call("mios-navbar.children", {"id": "mios-navbar", "property": "children"},
                         [{"id": "mios-url", "property": "pathname", "value": path},
                          {"id": "mios-url", "property": "search", "value": search}])


def test_two_apps_in_one_process_each_serve_their_pages_and_callbacks(tmp_path):
    first = build_app(tmp_path, "first")
    second = build_app(tmp_path, "second", indicator="K-2")
    assert sorted(p["path_template"] or p["path"] for p in dash.page_registry.values()) == PATHS
    assert set(first.callback_map) == set(second.callback_map)
    # Each app reads its own database through the same registered layouts, and answers its own callbacks.
    for app, board_text in ((first, "Todavía no hay datos en el tablero"),
                            (second, "Los indicadores todavía no tienen mediciones")):
        client = Client(app)
        assert board_text in client.page("/")
        assert "There is no objective “OBJ-99”" in client.page("/objetivo/OBJ-99", "?lang=en")
        assert client.board_controls("2025-11", "?lang=en").strip() == "?lang=en&period=2025-11"
        assert "Evaluation" in client.navbar("/evaluacion", "?lang=en")
    assert "Todavía no hay datos en el tablero" in Client(first).page("/")


def test_a_page_registered_by_another_app_does_not_break_the_next(tmp_path):
    build_app(tmp_path, "first")
    # A page some other app (or test) registered: a second "/" would make Dash's router refuse to start.
    dash.register_page("tests.shadow_board", path="/", layout=html.Div("shadow"))
    dash.register_page("tests.extra", path="/extra", layout=html.Div("extra page"))
    client = Client(build_app(tmp_path, "second"))
    assert "Todavía no hay datos en el tablero" in client.page("/")
    assert "extra page" not in client.page("/extra")
    assert "tests.extra" not in dash.page_registry and "tests.shadow_board" not in dash.page_registry


@pytest.fixture
def app(tmp_path):
    return build_app(tmp_path, "guarded")


def render(app, module, **query):
    with app.server.app_context():
        return module.layout(**query)


def test_a_refusal_shows_its_sentence_in_the_page_error_state(app, monkeypatch):
    def refused(session, code, period=None):
        raise NotFound("drill.not_found_objective", code="OBJ-77")

    monkeypatch.setattr(objective_page_module, "objective_detail", refused)
    page = render(app, objective_page_module, code="OBJ-77", lang="en")
    text = text_of(page)
    assert "There is no objective “OBJ-77”" in text and "The data could not be read" in text
    assert "init-db" not in text  # nothing to fix in the database: the sentence says what is wrong
    assert page.id == "mios-objective-page" and any(getattr(n, "role", None) == "alert" for n in walk(page))


def test_an_unexpected_error_shows_the_generic_state_and_logs_its_traceback(app, monkeypatch, caplog):
    def broken(session, *args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(board_page_module, "board_page", broken)
    with caplog.at_level(logging.ERROR, logger="mios_dashboard.pages.guard"):
        page = render(app, board_page_module, lang="en", period="2025-13")
    text = text_of(page)
    assert "The board could not be read" in text and "python -m mios_dashboard init-db" in text
    assert "The period “2025-13” is not valid" in text  # the page's own notices still show
    assert page.id == "mios-board" and "disk on fire" not in text
    record = next(r for r in caplog.records if r.name == "mios_dashboard.pages.guard")
    assert record.exc_info is not None and "disk on fire" in caplog.text
    assert "could not build the board for period 2025-13" in record.getMessage()


def test_a_download_callback_says_a_refusal_or_the_generic_sentence(app, caplog):
    def refused(session, lang):
        raise NotFound("records.no_meetings")

    def broken(session, lang):
        raise OSError("read-only file system")

    with app.server.app_context():
        file, message = imports_page_module.downloader(refused)(1, "en")
        assert file is dash.no_update and message == "No meetings have been recorded yet"
        file, message = imports_page_module.downloader(broken)(1, "es")
    assert file is dash.no_update and message == "No se pudo generar la descarga; vuelva a intentarlo."
    assert "read-only file system" in caplog.text
