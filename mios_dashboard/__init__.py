"""MI-OS Tablero de Control Directivo: the directive control board of the MI-OS management system."""
from __future__ import annotations

from pathlib import Path

import dash
import dash_bootstrap_components as dbc  # noqa: F401  (registers the component library before pages load)

from .config import REPO_ROOT, Settings
from .db import make_engine, make_session_factory

PACKAGE_DIR = Path(__file__).resolve().parent


def create_app(settings: Settings | None = None, *, prepare: bool = False) -> dash.Dash:
    """Build the Dash app for `settings` (default: from the environment).

    With `prepare`, the schema is brought to head first and an empty database gets the demo organization
    (what `python app.py` and gunicorn do; tests prepare their own databases).
    """
    settings = settings or Settings.from_env()
    engine = make_engine(settings.database_url)
    factory = make_session_factory(engine)
    if prepare:
        from .services.setup import prepare_database

        prepare_database(engine, factory, load_demo=settings.load_demo_when_empty, actor=settings.actor)

    app = dash.Dash(
        __name__,
        use_pages=True,
        pages_folder=str(PACKAGE_DIR / "pages"),
        assets_folder=str(REPO_ROOT / "assets"),
        title="MI-OS · Tablero de control directivo",
        update_title=None,
        suppress_callback_exceptions=True,
        serve_locally=True,
    )
    from .components import shell
    from .services import runtime

    runtime.attach(app.server, factory, settings)
    shell.init_app(app)
    return app
