"""`/importar` — bring the workbooks leadership already keeps into the board: upload, preview, confirm.

Flow: a file dropped on the zone is checked in the browser for size (over 20 MB it never leaves the
browser), then a background job stores it and dry-runs the import (progress shown, cancellable); the
preview lists what would be inserted, updated or left alone, or every error with its cell. Confirm runs
the real import (all or nothing) in the same background job; the history below lists every file offered.
Downloads: the template to fill in, the board workbook, the minutes of the latest meeting and the latest
management review (those two disabled, saying why, when there is none). URL parameter: `lang` (es|en).
The callbacks below are registered on the app by pages/imports/__init__.py.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.exceptions import PreventUpdate

from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.imports import (
    Ids,
    downloads_panel,
    drop_zone,
    error_pages,
    history_view,
    outcome_view,
    progress_box,
)
from mios_dashboard.i18n import normalize_lang, t
from mios_dashboard.pages.frame import PageFrame
from mios_dashboard.pages.guard import Failure, guarded
from mios_dashboard.services.exports.downloads import (
    board_download,
    minutes_download,
    review_download,
    template_download,
)
from mios_dashboard.services.exports.records import latest_records
from mios_dashboard.services.imports.uploads import (
    MAX_UPLOAD_BYTES,
    ImportHistory,
    confirm_upload,
    import_history,
    preview_upload,
)
from mios_dashboard.web import runtime

PROGRESS_STEPS = {"saving": ("upload.progress_saving", 10), "reading": ("upload.progress_reading", 35),
                  "comparing": ("upload.progress_comparing", 75)}
FRAME = PageFrame(Ids.PAGE, "mios-upload", "page.load_error_title")


def _pagination(element_id: str, max_value: int) -> dbc.Pagination:
    return dbc.Pagination(id=element_id, max_value=max(1, max_value), active_page=1, fully_expanded=False,
                          first_last=True, previous_next=True, size="sm", className=_pagination_class(max_value))


def _pagination_class(pages: int) -> str:
    return "mios-pagination" if pages > 1 else "mios-pagination d-none"


def _history_failed(failure: Failure) -> tuple:
    """The page still works for uploading: the history says it could not be read."""
    text = failure.message or t("upload.history_error", failure.lang)
    return html.P(text, className="mios-notice", role="alert"), 1, 1


def history_page(page: int, lang: str) -> ImportHistory:
    """`import_history` on the app's database."""
    with runtime.read_session() as session:
        return import_history(session, page, lang)


@guarded(_history_failed, "read the import history")
def history_panel(page: int | None, lang: str) -> tuple:
    """Page `page` of the import history: its view, the number of pages, the page shown."""
    history = history_page(page or 1, lang)
    return history_view(history, lang), history["pages"], history["page"]


def _none_offered(_failure: object) -> Mapping[str, Any]:
    return {}


@guarded(_none_offered, "read the latest meeting and review")
def _records() -> Mapping[str, Any]:
    """The record downloads on offer; none when they cannot be read (the other downloads still work)."""
    with runtime.read_session() as session:
        return latest_records(session)


@FRAME.guard("build the upload page")
def layout(lang: str | None = None, **_query) -> html.Div:
    """Upload and downloads side by side, the preview under the drop zone, the history below."""
    lang = normalize_lang(lang)
    history, pages, _ = history_panel(1, lang)
    return FRAME.render(lang, [
        dcc.Store(id=Ids.LANG, data=lang),
        dcc.Store(id=Ids.PAYLOAD),
        dcc.Store(id=Ids.OUTCOME),
        html.Header([html.H1(t("upload.title", lang), className="mios-upload__title"),
                     html.P(t("upload.subtitle", lang), className="mios-upload__subtitle")],
                    className="mios-upload__head"),
        html.Div(
            [
                html.Section(
                    [
                        drop_zone(lang, MAX_UPLOAD_BYTES),
                        progress_box(lang),
                        html.Div(
                            [
                                html.Div(id=Ids.RESULT, **attrs(aria_live="polite")),
                                _pagination(Ids.ERRORS_PAGES, 1),
                                html.Div(html.Button(t("upload.confirm", lang), id=Ids.CONFIRM, type="button",
                                                     n_clicks=0, disabled=True, className="btn btn-primary btn-lg"),
                                         id=Ids.CONFIRM_BAR, hidden=True, className="mios-confirm"),
                            ],
                            id=Ids.WORK, className="mios-upload__work",
                        ),
                    ],
                    className="mios-upload__main",
                ),
                downloads_panel(lang, _records()),
            ],
            className="mios-upload__grid",
        ),
        html.Section(
            [html.H2(t("upload.history_title", lang), className="mios-upload__heading"),
             html.Div(history, id=Ids.HISTORY, className="mios-history__wrap"),
             _pagination(Ids.HISTORY_PAGES, pages)],
            className="mios-upload__history",
        ),
    ])


# --- callbacks ---------------------------------------------------------------------------------------------
# Size check in the browser: a file over the limit is reported without being sent. The upload's contents
# are cleared so the same file can be dropped again (and the browser does not keep two copies).
GATE = """
function (contents, filename) {
    var none = window.dash_clientside.no_update;
    if (!contents) { return [none, none]; }
    var comma = contents.indexOf(",");
    var size = Math.floor((comma >= 0 ? contents.length - comma - 1 : contents.length) * 3 / 4);
    var payload = size > MAX_BYTES ? {name: filename, too_big: size} : {name: filename, contents: contents};
    payload.at = Date.now();
    return [payload, null];
}
""".replace("MAX_BYTES", str(MAX_UPLOAD_BYTES))


def _job_failed(failure: Failure) -> dict:
    """The outcome of a job that failed: a refusal's own sentence, or the generic "something failed"."""
    stage = "import" if dash.ctx.triggered_id == Ids.CONFIRM else "preview"
    name = (failure.arguments.get("payload") or {}).get("name") or ""
    if failure.error is not None:
        return {"stage": stage, "status": "unusable", "file": name, "message_key": failure.error.key,
                "params": dict(failure.error.params)}
    return {"stage": stage, "status": "failed", "file": name}


@guarded(_job_failed, "run the upload job")
def run_job(set_progress, payload, _confirm_clicks, outcome, lang):
    """Background job: preview an upload, or import the previewed file when Confirm was pressed."""
    lang = normalize_lang(lang)
    name = (payload or {}).get("name") or ""
    if dash.ctx.triggered_id == Ids.CONFIRM:
        set_progress((t("upload.progress_importing", lang), 60))
        return confirm_upload((outcome or {}).get("token"), lang, runtime.current_settings())
    if not payload:
        raise PreventUpdate
    if payload.get("too_big"):
        return {"stage": "preview", "status": "unusable", "message_key": "upload.too_big",
                "params": {"file": name, "size": int(payload["too_big"]), "limit": MAX_UPLOAD_BYTES}}

    def step(stage: str) -> None:
        key, percent = PROGRESS_STEPS[stage]
        set_progress((t(key, lang), percent))

    return preview_upload(payload.get("contents") or "", name, lang, runtime.current_settings(), on_step=step)


def show_outcome(outcome, errors_page, lang):
    """The preview or result; Confirm is offered only for an accepted preview that still has its file."""
    lang = normalize_lang(lang)
    if dash.ctx.triggered_id == Ids.OUTCOME:
        errors_page = 1
    pages = error_pages(outcome)
    page = min(max(1, int(errors_page or 1)), pages)
    offer = bool(outcome and outcome.get("stage") == "preview" and outcome.get("status") == "accepted"
                 and outcome.get("token"))
    return outcome_view(outcome, lang, page), not offer, not offer, pages, page, _pagination_class(pages)


def show_history(_outcome, page, lang):
    """The history's page asked for; the first one after an upload."""
    if dash.ctx.triggered_id == Ids.OUTCOME:
        page = 1
    view, pages, page = history_panel(page, normalize_lang(lang))
    return view, pages, page, _pagination_class(pages)


def _download_failed(failure: Failure) -> tuple:
    """No file, and a sentence instead: the refusal's own (e.g. deleted since the page was shown), or
    the generic one (the log keeps the details)."""
    return dash.no_update, failure.message or t("upload.download_failed", failure.lang)


def downloader(make):
    """The callback of one download button: the workbook `make(lang)` builds, for dcc.Download."""
    @guarded(_download_failed, "prepare a download")
    def download(_clicks, lang):
        with runtime.read_session() as session:  # errors.NotFound (deleted since shown) says itself
            content, name = make(session, normalize_lang(lang))
        return dcc.send_bytes(content, name), ""
    return download


# (button, its dcc.Download, what it makes)
DOWNLOADS = (
    (Ids.DOWNLOAD_TEMPLATE, Ids.DOWNLOAD_TEMPLATE_FILE, template_download),
    (Ids.DOWNLOAD_BOARD, Ids.DOWNLOAD_BOARD_FILE, board_download),
    (Ids.DOWNLOAD_MINUTES, Ids.DOWNLOAD_MINUTES_FILE, minutes_download),
    (Ids.DOWNLOAD_REVIEW, Ids.DOWNLOAD_REVIEW_FILE, review_download),
)

