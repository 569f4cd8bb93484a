"""The context page `/contexto` (page.py) and its forms (forms.py): `init_app(app)` registers the page and
the callbacks of its modal on `app`."""
from __future__ import annotations

import dash
from dash import ALL, Input, Output, State

from mios_dashboard.components.context.ids import Ids, Pattern
from mios_dashboard.components.shell import document_title
from mios_dashboard.pages.context import forms, page
from mios_dashboard.pages.context.page import layout

__all__ = ["Ids", "init_app", "layout"]


def init_app(app: dash.Dash) -> None:
    """Register the page (path `/contexto`) and its callbacks."""
    dash.register_page(page.__name__, path="/contexto", name="contexto", title=document_title("context.document_title"),
                       order=50, layout=page.layout)
    app.callback(
        Output(Ids.MODAL, "is_open"), Output(Ids.MODAL_TITLE, "children"), Output(Ids.MODAL_BODY, "children"),
        Output(Ids.FORM, "data"), Output(Ids.SAVE, "children"), Output(Ids.SAVE, "hidden"),
        Output(Ids.MESSAGE, "children"), Output(Ids.CANCEL, "children"),
        Input({"type": Pattern.OPEN, "form": ALL, "id": ALL, "at": ALL}, "n_clicks"), State(Ids.LANG, "data"),
        prevent_initial_call=True,
    )(forms.open_form)
    app.callback(
        Output(Ids.MODAL, "is_open", allow_duplicate=True), Output(Ids.MESSAGE, "children", allow_duplicate=True),
        Output({"type": Pattern.PROBLEM, "name": ALL}, "children"), Output(Ids.REFRESH, "data"),
        Output(Ids.STATUS, "children"),
        Input(Ids.SAVE, "n_clicks"),
        State({"type": Pattern.FIELD, "name": ALL}, "value"), State({"type": Pattern.FIELD, "name": ALL}, "id"),
        State(Ids.FORM, "data"), State(Ids.REFRESH, "data"), State(Ids.LANG, "data"),
        prevent_initial_call=True,
    )(forms.save_form)
    app.callback(Output(Ids.MODAL, "is_open", allow_duplicate=True), Input(Ids.CANCEL, "n_clicks"),
                 prevent_initial_call=True)(forms.close_form)
    app.callback(Output(Ids.SECTION, "children"), Input(Ids.REFRESH, "data"), State(Ids.SECTION_NAME, "data"),
                 State(Ids.LANG, "data"), prevent_initial_call=True)(forms.refresh_section)
