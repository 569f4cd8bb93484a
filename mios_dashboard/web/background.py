"""The background-callback manager: slow work (previewing or importing a 100,000-row file) runs in a worker
process, so the server keeps answering every other request meanwhile and the page can show progress.

DiskcacheManager is the embedded default: no extra service, results kept in a SQLite-backed cache under
the data directory, shared by every process of one host (gunicorn workers included). Several hosts behind
one database would need Dash's CeleryManager with Redis instead; only this function would change.
"""
from __future__ import annotations

from pathlib import Path

import dash

from mios_dashboard.config import Settings


def background_manager(settings: Settings) -> dash.DiskcacheManager:
    """The manager for `create_app` (Dash(background_callback_manager=…)); its cache lives in
    `<data dir>/cache/background`."""
    import diskcache  # the manager's own dependency; imported here so nothing else pays for it

    folder = Path(settings.data_dir) / "cache" / "background"
    folder.mkdir(parents=True, exist_ok=True)
    return dash.DiskcacheManager(diskcache.Cache(str(folder)))
