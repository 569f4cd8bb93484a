"""The upload page `/importar` (page.py): `init_app(app)` registers it and its callbacks on `app` — the
browser-side size gate, the background preview or import job, the preview and history views, and one
callback per download."""
from __future__ import annotations

import dash
from dash import Input, Output, State

from mios_dashboard.components.ids import ComponentId as Id
from mios_dashboard.components.shell import document_title
from mios_dashboard.pages.imports import page
from mios_dashboard.pages.imports.page import layout

__all__ = ["init_app", "layout"]


def init_app(app: dash.Dash) -> None:
    """Register the page (path `/importar`) and its callbacks."""
    dash.register_page(page.__name__, path="/importar", name="importar", title=document_title("upload.document_title"),
                       order=20, layout=page.layout)
    app.clientside_callback(page.GATE, Output(Id.UPLOAD_PAYLOAD, "data"), Output(Id.UPLOAD, "contents"),
                            Input(Id.UPLOAD, "contents"), State(Id.UPLOAD, "filename"), prevent_initial_call=True)
    app.callback(
        Output(Id.UPLOAD_OUTCOME, "data"),
        Input(Id.UPLOAD_PAYLOAD, "data"), Input(Id.UPLOAD_CONFIRM, "n_clicks"),
        State(Id.UPLOAD_OUTCOME, "data"), State(Id.UPLOAD_LANG, "data"),
        background=True,
        progress=[Output(Id.UPLOAD_PROGRESS_TEXT, "children"), Output(Id.UPLOAD_PROGRESS_BAR, "value")],
        progress_default=["", 0],
        running=[(Output(Id.UPLOAD_PROGRESS, "hidden"), False, True),
                 (Output(Id.UPLOAD, "disabled"), True, False),
                 (Output(Id.UPLOAD_WORK, "className"), "mios-upload__work mios-upload__work--busy", "mios-upload__work")],
        cancel=[Input(Id.UPLOAD_CANCEL, "n_clicks")],
        prevent_initial_call=True,
    )(page.run_job)
    app.callback(
        Output(Id.UPLOAD_RESULT, "children"), Output(Id.UPLOAD_CONFIRM_BAR, "hidden"),
        Output(Id.UPLOAD_CONFIRM, "disabled"), Output(Id.UPLOAD_ERRORS_PAGES, "max_value"),
        Output(Id.UPLOAD_ERRORS_PAGES, "active_page"), Output(Id.UPLOAD_ERRORS_PAGES, "className"),
        Input(Id.UPLOAD_OUTCOME, "data"), Input(Id.UPLOAD_ERRORS_PAGES, "active_page"), State(Id.UPLOAD_LANG, "data"),
        prevent_initial_call=True,
    )(page.show_outcome)
    app.callback(
        Output(Id.UPLOAD_HISTORY, "children"), Output(Id.UPLOAD_HISTORY_PAGES, "max_value"),
        Output(Id.UPLOAD_HISTORY_PAGES, "active_page"), Output(Id.UPLOAD_HISTORY_PAGES, "className"),
        Input(Id.UPLOAD_OUTCOME, "data"), Input(Id.UPLOAD_HISTORY_PAGES, "active_page"), State(Id.UPLOAD_LANG, "data"),
        prevent_initial_call=True,
    )(page.show_history)
    # One callback per download, so clicking several quickly delivers every file.
    for number, (button, target, make) in enumerate(page.DOWNLOADS):
        app.callback(
            Output(target, "data"), Output(Id.UPLOAD_DOWNLOAD_MESSAGE, "children", allow_duplicate=number > 0),
            Input(button, "n_clicks"), State(Id.UPLOAD_LANG, "data"),
            prevent_initial_call=True,
        )(page.downloader(make))
