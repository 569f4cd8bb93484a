"""The upload page `/importar` (page.py): `init_app(app)` registers it and its callbacks on `app` — the
browser-side size gate, the background preview or import job, the preview and history views, and one
callback per download."""
from __future__ import annotations

import dash
from dash import Input, Output, State

from mios_dashboard.components.imports import Ids
from mios_dashboard.components.shell import document_title
from mios_dashboard.pages.imports import page
from mios_dashboard.pages.imports.page import layout

__all__ = ["Ids", "init_app", "layout"]


def init_app(app: dash.Dash) -> None:
    """Register the page (path `/importar`) and its callbacks."""
    dash.register_page(page.__name__, path="/importar", name="importar", title=document_title("upload.document_title"),
                       order=20, layout=page.layout)
    app.clientside_callback(page.GATE, Output(Ids.PAYLOAD, "data"), Output(Ids.UPLOAD, "contents"),
                            Input(Ids.UPLOAD, "contents"), State(Ids.UPLOAD, "filename"), prevent_initial_call=True)
    app.callback(
        Output(Ids.OUTCOME, "data"),
        Input(Ids.PAYLOAD, "data"), Input(Ids.CONFIRM, "n_clicks"),
        State(Ids.OUTCOME, "data"), State(Ids.LANG, "data"),
        background=True,
        progress=[Output(Ids.PROGRESS_TEXT, "children"), Output(Ids.PROGRESS_BAR, "value")],
        progress_default=["", 0],
        running=[(Output(Ids.PROGRESS, "hidden"), False, True),
                 (Output(Ids.UPLOAD, "disabled"), True, False),
                 (Output(Ids.WORK, "className"), "mios-upload__work mios-upload__work--busy", "mios-upload__work")],
        cancel=[Input(Ids.CANCEL, "n_clicks")],
        prevent_initial_call=True,
    )(page.run_job)
    app.callback(
        Output(Ids.RESULT, "children"), Output(Ids.CONFIRM_BAR, "hidden"),
        Output(Ids.CONFIRM, "disabled"), Output(Ids.ERRORS_PAGES, "max_value"),
        Output(Ids.ERRORS_PAGES, "active_page"), Output(Ids.ERRORS_PAGES, "className"),
        Input(Ids.OUTCOME, "data"), Input(Ids.ERRORS_PAGES, "active_page"), State(Ids.LANG, "data"),
        prevent_initial_call=True,
    )(page.show_outcome)
    app.callback(
        Output(Ids.HISTORY, "children"), Output(Ids.HISTORY_PAGES, "max_value"),
        Output(Ids.HISTORY_PAGES, "active_page"), Output(Ids.HISTORY_PAGES, "className"),
        Input(Ids.OUTCOME, "data"), Input(Ids.HISTORY_PAGES, "active_page"), State(Ids.LANG, "data"),
        prevent_initial_call=True,
    )(page.show_history)
    # One callback per download, so clicking several quickly delivers every file.
    for number, (button, target, make) in enumerate(page.DOWNLOADS):
        app.callback(
            Output(target, "data"), Output(Ids.DOWNLOAD_MESSAGE, "children", allow_duplicate=number > 0),
            Input(button, "n_clicks"), State(Ids.LANG, "data"),
            prevent_initial_call=True,
        )(page.downloader(make))
