"""The risks page `/riesgos` (page.py, forms.py): `init_app(app)` registers it and its callbacks on `app` — the
filters that rewrite the URL, the redraw after a save, and the open and save callbacks of its three forms."""
from __future__ import annotations

import dash
from dash import ALL, Input, Output, State

from mios_dashboard.components.risks.ids import Ids, field_id, problem_id
from mios_dashboard.components.shell import Ids as ShellIds
from mios_dashboard.components.shell import document_title
from mios_dashboard.pages.risks import forms, page
from mios_dashboard.pages.risks.page import layout

__all__ = ["Ids", "init_app", "layout"]

# Per form: its open buttons' id type, modal, title, store, message, cancel and save buttons.
FORMS = (
    (forms.RISK, Ids.OPEN_TYPE, Ids.MODAL, Ids.MODAL_TITLE, Ids.FORM_STORE, Ids.FORM_MESSAGE, Ids.CANCEL, Ids.SAVE),
    (forms.REVIEW, Ids.REVIEW_OPEN_TYPE, Ids.REVIEW_MODAL, Ids.REVIEW_TITLE, Ids.REVIEW_STORE, Ids.REVIEW_MESSAGE,
     Ids.REVIEW_CANCEL, Ids.REVIEW_SAVE),
    (forms.CLOSE, Ids.CLOSE_OPEN_TYPE, Ids.CLOSE_MODAL, Ids.CLOSE_TITLE, Ids.CLOSE_STORE, Ids.CLOSE_MESSAGE,
     Ids.CLOSE_CANCEL, Ids.CLOSE_SAVE),
)


def init_app(app: dash.Dash) -> None:
    """Register the page (path `/riesgos`) and its callbacks."""
    dash.register_page(page.__name__, path=page.PATH, name="riesgos", title=document_title("risks.document_title"),
                       order=35, layout=page.layout)
    app.callback(
        Output(Ids.LOCATION, "search"),
        Input(Ids.KIND, "value"), Input(Ids.FAMILY, "value"), Input(Ids.OWNER, "value"), Input(Ids.OVERDUE, "value"),
        State(ShellIds.URL, "search"),
        prevent_initial_call=True,
    )(page.url_for_filters)
    app.callback(
        Output(Ids.CONTENT, "children"), Output(Ids.SUMMARY, "children"),
        Input(Ids.SAVED, "data"), State(ShellIds.URL, "search"), State(Ids.LANG, "data"),
        prevent_initial_call=True,
    )(page.redraw)
    for form, open_type, modal, title, store, message, cancel, save in FORMS:
        fields = field_id(form.name, ALL)  # type: ignore[arg-type]
        problems = problem_id(form.name, ALL)  # type: ignore[arg-type]
        outputs = [Output(modal, "is_open"), Output(title, "children"), Output(fields, "value"),
                   Output(problems, "children"), Output(store, "data"), Output(message, "children"),
                   Output(Ids.NOTICE, "children", allow_duplicate=True)]  # the last save's notice goes
        if form is forms.RISK:
            outputs.append(Output(Ids.DELETE, "className"))  # only the risk form has a delete button
        app.callback(
            *outputs,
            Input({"type": open_type, "id": ALL}, "n_clicks"), Input(cancel, "n_clicks"), State(Ids.LANG, "data"),
            prevent_initial_call=True,
        )(forms.opener(form, cancel) if form is forms.RISK else _without_delete(forms.opener(form, cancel)))
        buttons = [Input(save, "n_clicks")] + ([Input(Ids.DELETE, "n_clicks")] if form is forms.RISK else [])
        app.callback(
            Output(modal, "is_open", allow_duplicate=True), Output(problems, "children", allow_duplicate=True),
            Output(message, "children", allow_duplicate=True), Output(Ids.SAVED, "data", allow_duplicate=True),
            Output(Ids.NOTICE, "children", allow_duplicate=True),
            *buttons, State(fields, "value"), State(store, "data"), State(Ids.SAVED, "data"), State(Ids.LANG, "data"),
            prevent_initial_call=True,
        )(forms.saver(form, Ids.DELETE if form is forms.RISK else None))


def _without_delete(callback):
    """The review and closing forms have no delete button: the opener's last output is dropped."""
    def call(*args):
        result = callback(*args)
        return result[:-1]
    return call
