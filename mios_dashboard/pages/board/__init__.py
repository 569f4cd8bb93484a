"""The board page `/` (page.py): `init_app(app)` registers it and its selectors' callback on `app`."""
from __future__ import annotations

import dash
from dash import Input, Output, State

from mios_dashboard.components import shell
from mios_dashboard.components.board.ids import Ids
from mios_dashboard.pages.board import page
from mios_dashboard.pages.board.page import keep_warm, layout

__all__ = ["Ids", "init_app", "keep_warm", "layout"]


def init_app(app: dash.Dash) -> None:
    """Register the page (path `/`) and the callback that turns the selectors into the URL."""
    dash.register_page(page.__name__, path="/", name="board", title=shell.document_title("app.document_title"), order=0,
                       layout=page.layout)
    app.callback(
        Output(Ids.LOCATION, "search"),
        Input(Ids.PERIOD, "value"), Input(Ids.PROCESS, "value"), Input(Ids.OWNER, "value"),
        State(shell.Ids.URL, "search"),
        prevent_initial_call=True,
    )(page.url_for_controls)
