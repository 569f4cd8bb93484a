"""The strategic evaluation page `/evaluacion` (page.py): `init_app(app)` registers it and its month
selector's callback on `app`."""
from __future__ import annotations

import dash
from dash import Input, Output, State

from mios_dashboard.components import shell
from mios_dashboard.components.evaluation import Ids
from mios_dashboard.pages.evaluation import page
from mios_dashboard.pages.evaluation.page import layout

__all__ = ["Ids", "init_app", "layout"]


def init_app(app: dash.Dash) -> None:
    """Register the page (path `/evaluacion`) and the callback that turns the month selector into the URL."""
    dash.register_page(page.__name__, path="/evaluacion", name="evaluacion",
                       title=shell.document_title("evaluation.document_title"), order=10, layout=page.layout)
    app.callback(Output(Ids.LOCATION, "search"), Input(Ids.PERIOD, "value"),
                 State(shell.Ids.URL, "search"), prevent_initial_call=True)(page.url_for_month)
