"""MI-OS Tablero de Control Directivo: the directive control board of the MI-OS management system."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mios_dashboard.config import REPO_ROOT, Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    import dash

PACKAGE_DIR = Path(__file__).resolve().parent
MAX_REQUEST_BYTES = 32 * 1024 * 1024


def create_app(settings: Settings | None = None, *, prepare: bool = False) -> dash.Dash:
    """Build the Dash app for `settings` (default: from the environment).

    With `prepare`, the schema is brought to head first and an empty database gets the demo organization
    (what `python app.py` and gunicorn do; tests prepare their own databases).
    """
    import dash  # imported here so the command line never pays for (or trips over) the UI stack

    from mios_dashboard.db import make_engine, make_session_factory
    from mios_dashboard.importers import verify_defusedxml
    from mios_dashboard.web.background import background_manager

    verify_defusedxml()  # uploads are parsed as XML: refuse to start without entity-expansion protection
    settings = settings or Settings.from_env()
    engine = make_engine(settings.database_url)
    factory = make_session_factory(engine)
    if prepare:
        from mios_dashboard.services.system.setup import prepare_database

        fill_empty: Callable[..., object] | None = None
        if settings.load_demo_when_empty:
            from mios_dashboard.demo.loader import load_demo as fill_empty  # only a first start needs the demo
        prepare_database(engine, factory, actor=settings.actor, fill_empty=fill_empty)
        engine.dispose()  # gunicorn --preload forks the workers next: none may inherit a connection (db.py)

    app = dash.Dash(
        __name__,
        use_pages=True,
        pages_folder="",  # no folder scan: each page package registers its pages below
        assets_folder=str(REPO_ROOT / "assets"),
        title="MI-OS · Tablero de control directivo",
        update_title="",  # no "Updating…" in the tab while a callback runs
        suppress_callback_exceptions=True,
        serve_locally=True,
        background_callback_manager=background_manager(settings),
    )
    from mios_dashboard.components import shell
    from mios_dashboard.web import runtime

    # Uploads are 20 MB at most (checked again by the import page); base64 adds a third, JSON a little more.
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    runtime.attach(app.server, factory, settings)
    shell.init_app(app)
    from mios_dashboard.pages import admin, board, context, drilldown, evaluation, imports, not_found, phva, risks

    # Dash keeps one page registry per process: this app's pages replace whatever an earlier app registered.
    dash.page_registry.clear()
    for page in (board, evaluation, drilldown, imports, phva, context, risks, admin, not_found):
        page.init_app(app)
    if prepare:  # a serving process: keep the board's first view warm after imports and edits
        from mios_dashboard.pages.board import keep_warm

        keep_warm(app)
    return app
