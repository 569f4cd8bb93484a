"""The command lines the empty and error states tell people to run, shown as copyable code."""
from __future__ import annotations

from dash import html

DEMO_COMMAND = "python -m mios_dashboard demo"
INIT_DB_COMMAND = "python -m mios_dashboard init-db"
IMPORT_COMMAND = "python -m mios_dashboard import"


def command_block(text: str) -> html.Pre:
    return html.Pre(html.Code(text), className="mios-command")
