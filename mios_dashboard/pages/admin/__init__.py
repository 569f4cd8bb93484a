"""The administration page `/admin` (page.py): `init_app(app)` registers it and, for each form, the callbacks
that open it, save it and cancel it."""
from __future__ import annotations

import dash
from dash import ALL, Input, Output, State

from mios_dashboard.components.admin import ids
from mios_dashboard.components.admin.ids import DELETABLE, FORMS, Ids, Kind
from mios_dashboard.components.shell import document_title
from mios_dashboard.pages.admin import page
from mios_dashboard.pages.admin.page import layout

__all__ = ["Ids", "init_app", "layout"]


def init_app(app: dash.Dash) -> None:
    """Register the page (path `/admin`) and its forms' callbacks."""
    dash.register_page(page.__name__, path="/admin", name="admin", title=document_title("admin.document_title"),
                       order=60, layout=page.layout)
    for form, section in FORMS.items():
        fields = State({"type": Kind.FIELD.value, "form": form, "name": ALL}, "value")
        app.callback(
            Output(ids.part(Kind.MODAL, form), "is_open"), Output(ids.part(Kind.BODY, form), "children"),
            Output(ids.part(Kind.STORE, form), "data"), Output(ids.part(Kind.ALERT, form), "children"),
            Output(ids.part(Kind.TITLE, form), "children"), Output(ids.part(Kind.RELOAD, form), "className"),
            Input({"type": Kind.EDIT.value, "form": form, "id": ALL}, "n_clicks"),
            Input(ids.part(Kind.RELOAD, form), "n_clicks"),
            fields, State(ids.part(Kind.STORE, form), "data"), State(Ids.LANG, "data"),
            prevent_initial_call=True,
        )(page.opener(form))
        app.callback(
            Output(ids.part(Kind.MODAL, form), "is_open", allow_duplicate=True),
            Output(ids.part(Kind.BODY, form), "children", allow_duplicate=True),
            Output(ids.part(Kind.STORE, form), "data", allow_duplicate=True),
            Output(ids.part(Kind.ALERT, form), "children", allow_duplicate=True),
            Output(ids.part(Kind.RELOAD, form), "className", allow_duplicate=True),
            Output(ids.table(section), "children", allow_duplicate=True),
            Output(Ids.TOAST, "children", allow_duplicate=True), Output(Ids.TOAST, "is_open", allow_duplicate=True),
            Input(ids.part(Kind.SAVE, form), "n_clicks"),
            fields, State(ids.part(Kind.STORE, form), "data"), State(Ids.LANG, "data"),
            prevent_initial_call=True,
        )(page.saver(form))
        app.callback(
            Output(ids.part(Kind.MODAL, form), "is_open", allow_duplicate=True),
            Input(ids.part(Kind.CANCEL, form), "n_clicks"), prevent_initial_call=True,
        )(page.close)
        if form in DELETABLE:
            _deletion(app, form, section)


def _deletion(app: dash.Dash, form: str, section: str) -> None:
    """The delete button of `form` (shown for a stored record), its confirmation and the delete itself."""
    app.callback(Output(ids.part(Kind.DELETE, form), "className"), Input(ids.part(Kind.STORE, form), "data"),
                 prevent_initial_call=True)(page.delete_shown)
    app.callback(Output(ids.part(Kind.CONFIRM, form), "displayed"), Input(ids.part(Kind.DELETE, form), "n_clicks"),
                 prevent_initial_call=True)(page.ask_delete)
    app.callback(
        Output(ids.part(Kind.MODAL, form), "is_open", allow_duplicate=True),
        Output(ids.part(Kind.ALERT, form), "children", allow_duplicate=True),
        Output(ids.table(section), "children", allow_duplicate=True),
        Output(Ids.TOAST, "children", allow_duplicate=True), Output(Ids.TOAST, "is_open", allow_duplicate=True),
        Input(ids.part(Kind.CONFIRM, form), "submit_n_clicks"),
        State(ids.part(Kind.STORE, form), "data"), State(Ids.LANG, "data"),
        prevent_initial_call=True,
    )(page.deleter(form))
