"""Pieces of the upload page, built from the plain dicts of services.imports.uploads: the drop zone, the downloads,
the progress box, the preview (changes, or every error by cell), the import's result and the history.

Every word comes from the catalogues and every number or date through the i18n formatters; an outcome
dict of an unknown shape renders as the generic failure message, never as a traceback.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from mios_dashboard.components.board.cards import format_measure
from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.shell import localized_href
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import MISSING, fmt_date, fmt_datetime, fmt_month, fmt_number, parse_iso_date, t, t_count

ERRORS_PAGE_SIZE = 100
Outcome = Mapping[str, Any]


class Ids(StrEnum):
    """Ids of the upload page's components (its page package re-exports them as `pages.imports.Ids`)."""

    PAGE = "mios-upload-page"
    UPLOAD = "mios-upload"
    LANG = "mios-upload-lang"
    PAYLOAD = "mios-upload-payload"
    OUTCOME = "mios-upload-outcome"
    PROGRESS = "mios-upload-progress"
    PROGRESS_TEXT = "mios-upload-progress-text"
    PROGRESS_BAR = "mios-upload-progress-bar"
    CANCEL = "mios-upload-cancel"
    WORK = "mios-upload-work"
    RESULT = "mios-upload-result"
    ERRORS_PAGES = "mios-upload-errors-pages"
    CONFIRM_BAR = "mios-upload-confirm-bar"
    CONFIRM = "mios-upload-confirm"
    HISTORY = "mios-upload-history"
    HISTORY_PAGES = "mios-upload-history-pages"
    DOWNLOAD_TEMPLATE = "mios-upload-download-template"
    DOWNLOAD_TEMPLATE_FILE = "mios-upload-download"
    DOWNLOAD_BOARD = "mios-upload-download-board"
    DOWNLOAD_BOARD_FILE = "mios-upload-download-board-file"
    DOWNLOAD_MINUTES = "mios-upload-download-minutes"
    DOWNLOAD_MINUTES_FILE = "mios-upload-download-minutes-file"
    DOWNLOAD_REVIEW = "mios-upload-download-review"
    DOWNLOAD_REVIEW_FILE = "mios-upload-download-review-file"
    DOWNLOAD_MESSAGE = "mios-upload-download-message"


def size_text(size: object, lang: str) -> str:
    """"850 KB", "12.4 MB", "20 MB" (at least 1 KB, so a tiny file never reads as 0)."""
    if not isinstance(size, (int, float)):
        return MISSING
    if size < 1024 * 1024:
        return t("upload.size_kb", lang, value=fmt_number(max(1, round(size / 1024)), lang))
    return t("upload.size_mb", lang, value=fmt_number(round(size / (1024 * 1024), 1), lang))


def period_text(period: object, frequency: object, lang: str) -> str:
    """A period as the board reads it: "dic 2025", "2025-T4", "2025", or the day for weekly and daily."""
    day = parse_iso_date(period)
    if day is None:
        return MISSING
    if frequency == "quarterly":
        return t("export.quarter", lang, year=day.year, quarter=(day.month - 1) // 3 + 1)
    if frequency == "yearly":
        return str(day.year)
    if frequency in ("weekly", "daily"):
        return fmt_date(day, lang)
    return fmt_month(day, lang)


def drop_zone(lang: str, max_bytes: int) -> dcc.Upload:
    return dcc.Upload(
        html.Div(
            [
                icon("bi-cloud-arrow-up", "mios-drop__icon"),
                html.Span(t("upload.drop", lang), className="mios-drop__title"),
                html.Span([t("upload.or", lang), " ", html.Span(t("upload.browse", lang), className="mios-drop__browse")],
                          className="mios-drop__or"),
                html.Span(t("upload.limits", lang, size=size_text(max_bytes, lang)), className="mios-drop__limits"),
            ],
            className="mios-drop__inner",
        ),
        id=Ids.UPLOAD,
        accept=".xlsx,.xlsm,.csv",
        multiple=False,
        className="mios-drop",
        className_active="mios-drop mios-drop--active",
        className_reject="mios-drop mios-drop--reject",
        className_disabled="mios-drop mios-drop--disabled",
    )


def _download_button(element_id: str, icon_name: str, title_key: str, hint: str, lang: str,
                     disabled: bool = False) -> html.Button:
    return html.Button(
        [icon(icon_name, "mios-download__icon"),
         html.Span([html.Span(t(title_key, lang), className="mios-download__title"),
                    html.Span(hint, className="mios-download__hint")], className="mios-download__text")],
        id=element_id, type="button", n_clicks=0, className="mios-download", disabled=disabled,
    )


def _record_buttons(records: Mapping[str, Any], lang: str) -> list[html.Button]:
    """Minutes of the latest meeting and the latest management review; disabled, saying why, when none."""
    meeting, review = records.get("meeting"), records.get("review")
    meeting_hint = t("records.no_meetings", lang)
    if meeting:
        name = meeting.get("title") or fmt_date(meeting.get("held_at"), lang)
        meeting_hint = t("upload.download_minutes_hint", lang, meeting=name)
    review_hint = t("records.no_reviews", lang)
    if review:
        period = t("records.period_range", lang, start=fmt_date(review.get("period_start"), lang),
                   end=fmt_date(review.get("period_end"), lang))
        review_hint = t("upload.download_review_hint", lang, period=period)
    return [
        _download_button(Ids.DOWNLOAD_MINUTES, "bi-journal-text", "upload.download_minutes",
                         meeting_hint, lang, disabled=not meeting),
        _download_button(Ids.DOWNLOAD_REVIEW, "bi-clipboard-check", "upload.download_review",
                         review_hint, lang, disabled=not review),
    ]


def downloads_panel(lang: str, records: Mapping[str, Any] | None = None) -> html.Aside:
    """The workbooks to download; `records` is services.exports.records.latest_records (None: none offered)."""
    return html.Aside(
        [
            html.H2(t("upload.downloads", lang), className="mios-upload__heading"),
            _download_button(Ids.DOWNLOAD_TEMPLATE, "bi-file-earmark-spreadsheet",
                             "upload.download_template", t("upload.download_template_hint", lang), lang),
            _download_button(Ids.DOWNLOAD_BOARD, "bi-file-earmark-bar-graph",
                             "upload.download_board", t("upload.download_board_hint", lang), lang),
            *_record_buttons(records or {}, lang),
            html.P(id=Ids.DOWNLOAD_MESSAGE, className="mios-download__message", role="status"),
            dcc.Download(id=Ids.DOWNLOAD_TEMPLATE_FILE),
            dcc.Download(id=Ids.DOWNLOAD_BOARD_FILE),
            dcc.Download(id=Ids.DOWNLOAD_MINUTES_FILE),
            dcc.Download(id=Ids.DOWNLOAD_REVIEW_FILE),
        ],
        className="mios-upload__side",
    )


def progress_box(lang: str) -> html.Div:
    """Shown while a background job runs (its `hidden` is driven by the callback's `running`)."""
    return html.Div(
        [
            html.Div([dbc.Spinner(size="sm", spinner_class_name="mios-progress__spinner"),
                      html.Span(id=Ids.PROGRESS_TEXT, className="mios-progress__text")],
                     className="mios-progress__line"),
            dbc.Progress(id=Ids.PROGRESS_BAR, value=0, striped=True, animated=True,
                         className="mios-progress__bar"),
            html.Button(t("upload.cancel", lang), id=Ids.CANCEL, type="button", n_clicks=0,
                        className="btn btn-outline-secondary btn-sm"),
        ],
        id=Ids.PROGRESS, hidden=True, className="mios-progress", role="status",
    )


def _count(number: float | None, key: str, lang: str, kind: str) -> html.Li:
    return html.Li([html.Span(fmt_number(number or 0, lang), className="mios-count__number"),
                    html.Span(t(key, lang), className="mios-count__word")],
                   className=f"mios-count mios-change-count mios-change-count--{kind}")


def _count_group(label_key: str, counts: Mapping[str, Any], first: str, first_key: str, lang: str,
                 kind: str) -> html.Div:
    return html.Div([html.Span(t(label_key, lang), className="mios-label"),
                     html.Ul([_count(counts.get(first), first_key, lang, "new"),
                              _count(counts.get("updated"), "upload.to_update", lang, "changed"),
                              _count(counts.get("unchanged"), "upload.unchanged", lang, "same")],
                             className="mios-counts")], **attrs(data_kind=kind))


def _setup_kinds(outcome: Outcome) -> list[str]:
    """The setup sheets the file holds (processes, objectives), in the order they are applied."""
    kinds = {row.get("kind") for row in outcome.get("per_sheet") or [] if isinstance(row, Mapping)}
    return [kind for kind in ("processes", "objectives") if kind in kinds]


def _counts(outcome: Outcome, lang: str) -> html.Div:
    """Per sheet kind, in the order applied: what the file creates, updates and leaves alone."""
    groups = [_count_group(f"upload.{kind}", outcome.get(kind) or {}, "created", "upload.to_create", lang, kind)
              for kind in _setup_kinds(outcome)]
    groups.append(_count_group("upload.indicators", outcome.get("indicators") or {}, "created", "upload.to_create",
                               lang, "indicators"))
    groups.append(_count_group("upload.measurements", outcome.get("measurements") or {}, "inserted",
                               "upload.to_insert", lang, "measurements"))
    return html.Div(groups, className="mios-preview__counts")


def _change_row(change: Mapping[str, Any], lang: str) -> html.Tr:
    kind = change.get("kind")
    word = {"insert": "upload.kind_insert", "update": "upload.kind_update"}.get(kind or "", "upload.kind_indicator")
    unit, decimals = change.get("unit"), change.get("decimals")
    if kind == "indicator":
        period, old, new = MISSING, MISSING, MISSING
    else:
        period = period_text(change.get("period"), change.get("frequency"), lang)
        old = format_measure(change.get("old"), unit, lang, decimals)
        new = format_measure(change.get("new"), unit, lang, decimals)
    return html.Tr([
        html.Td(html.Span(t(word, lang), className=f"mios-change mios-change--{kind}")),
        html.Td(html.Span(change.get("code") or "", className="mios-code")),
        html.Td(change.get("name") or ""),
        html.Td(period),
        html.Td(old, className="mios-num"),
        html.Td(new, className="mios-num mios-change__new"),
        html.Td(html.Span(change.get("cell") or MISSING, className="mios-cell-ref mios-cell-ref--plain")),
    ], **attrs(data_code=change.get("code") or ""))


def _changes_table(outcome: Outcome, lang: str) -> list:
    changes = [c for c in outcome.get("changes") or []
               if isinstance(c, Mapping) and c.get("kind") in ("insert", "update", "indicator")]
    if not changes:
        return []
    m, i = outcome.get("measurements") or {}, outcome.get("indicators") or {}
    total = int(m.get("inserted") or 0) + int(m.get("updated") or 0) + int(i.get("created") or 0)
    header = html.Tr([html.Th(t(key, lang), scope="col", className=cls) for key, cls in (
        ("upload.col_kind", None), ("field.code", None), ("field.indicator", None), ("export.period", None),
        ("upload.col_current", "mios-num"), ("upload.col_new", "mios-num"), ("upload.col_location", None))])
    parts: list = [html.H3(t("upload.changes_title", lang), className="mios-preview__subtitle"),
                   html.Table([html.Thead(header), html.Tbody([_change_row(c, lang) for c in changes])],
                              className="table table-sm mios-table mios-changes")]
    if total > len(changes):
        parts.append(html.P(t("upload.changes_more", lang, shown=fmt_number(len(changes), lang),
                              total=fmt_number(total, lang)), className="mios-muted"))
    return parts


def errors_table(errors: list, lang: str, page: int = 1) -> list:
    """One page of errors: where (Hoja!Celda) and what is wrong."""
    start = (max(1, page) - 1) * ERRORS_PAGE_SIZE
    shown = errors[start:start + ERRORS_PAGE_SIZE]
    header = html.Tr([html.Th(t("upload.col_location", lang), scope="col"), html.Th(t("upload.col_error", lang), scope="col")])
    rows = [html.Tr([html.Td(html.Span(e.get("location") or MISSING, className="mios-cell-ref")),
                     html.Td(e.get("message") or "")]) for e in shown if isinstance(e, Mapping)]
    parts: list = [html.Table([html.Thead(header), html.Tbody(rows)], className="table table-sm mios-table mios-errors")]
    if len(errors) > ERRORS_PAGE_SIZE:
        parts.insert(0, html.P(t("upload.errors_shown", lang, first=fmt_number(start + 1, lang),
                                 last=fmt_number(start + len(shown), lang), total=fmt_number(len(errors), lang)),
                               className="mios-muted"))
    return parts


def error_pages(outcome: Outcome | None) -> int:
    errors = (outcome or {}).get("errors") or []
    return max(1, -(-len(errors) // ERRORS_PAGE_SIZE))


def _notice(icon_name: str, title: str, body: list, modifier: str, role: str = "status") -> html.Section:
    return html.Section([html.H2([icon(icon_name), html.Span(title)], className="mios-preview__title"), *body],
                        className=f"mios-preview mios-preview--{modifier}", role=role)


def outcome_view(outcome: Outcome | None, lang: str, errors_page: int = 1) -> list:
    """What the last preview or import says; [] before any upload."""
    if not outcome:
        return []
    file_name = outcome.get("file") or (outcome.get("params") or {}).get("file") or ""
    status = outcome.get("status")
    if status == "unusable":
        params = dict(outcome.get("params") or {})
        for key in ("size", "limit"):
            if isinstance(params.get(key), int):
                params[key] = size_text(params[key], lang)
        params.setdefault("file", file_name)
        return [_notice("bi-exclamation-octagon", t(outcome.get("message_key") or "upload.failed", lang, **params),
                        [], "refused", role="alert")]
    if status == "refused":
        errors = list(outcome.get("errors") or [])
        body = [html.P(t_count("upload.refused_body", len(errors), lang)), *errors_table(errors, lang, errors_page)]
        return [_notice("bi-x-octagon-fill", t("upload.refused_title", lang, file=file_name), body, "refused", role="alert")]
    if status == "accepted" and outcome.get("stage") == "import":
        m, i = outcome.get("measurements") or {}, outcome.get("indicators") or {}
        lines = [line for line in outcome.get("summary_lines") or [] if isinstance(line, str)]
        done = (html.Ul([html.Li(line) for line in lines], className="mios-preview__per-sheet")
                if _setup_kinds(outcome) and lines  # a setup file: what each sheet did, one line each
                else html.P(t("upload.done_body", lang, inserted=fmt_number(m.get("inserted") or 0, lang),
                              updated=fmt_number(m.get("updated") or 0, lang),
                              unchanged=fmt_number(m.get("unchanged") or 0, lang),
                              created=fmt_number(i.get("created") or 0, lang),
                              ind_updated=fmt_number(i.get("updated") or 0, lang))))
        body = [done,
                dcc.Link([icon("bi-speedometer2"), html.Span(t("upload.see_board", lang))], href=localized_href("/", lang),
                         className="btn btn-primary mios-preview__action")]
        return [_notice("bi-check-circle-fill", t("upload.done_title", lang, file=file_name, batch=outcome.get("batch_id")),
                        body, "done")]
    if status == "accepted":
        m, i = outcome.get("measurements") or {}, outcome.get("indicators") or {}
        setup = [outcome.get(kind) or {} for kind in ("processes", "objectives")]
        changes = sum(int(x or 0) for x in (m.get("inserted"), m.get("updated"), i.get("created"), i.get("updated"),
                                            *(c.get(k) for c in setup for k in ("created", "updated"))))
        facts = t("upload.file_facts", lang, size=size_text(outcome.get("size_bytes"), lang),
                  sheets=", ".join(outcome.get("sheets") or []) or MISSING)
        body = [html.P([html.Span(t("upload.preview_note", lang)), " ", html.Span(facts, className="mios-muted")]),
                _counts(outcome, lang)]
        body += [html.P(t("upload.no_changes", lang), className="mios-notice")] if not changes else _changes_table(outcome, lang)
        return [_notice("bi-eye", t("upload.preview_title", lang, file=file_name), body, "preview")]
    return [_notice("bi-exclamation-octagon", t("upload.failed", lang, file=file_name), [], "refused", role="alert")]


def _batch_status(status: object, lang: str) -> html.Span:
    accepted = status == "accepted"
    return html.Span(
        [icon("bi-check-circle-fill" if accepted else "bi-x-octagon-fill", "mios-status__icon"),
         html.Span(t("upload.status_accepted" if accepted else "upload.status_refused", lang), className="mios-status__word")],
        className=f"mios-status mios-status--{'green' if accepted else 'red'} mios-status--sm",
    )


def _moment(value: object, lang: str) -> str:
    try:
        return fmt_datetime(dt.datetime.fromisoformat(value), lang) if isinstance(value, str) else MISSING
    except ValueError:
        return MISSING


def _errors_cell(errors: list, lang: str) -> html.Td:
    if not errors:
        return html.Td(MISSING, className="mios-num")
    return html.Td(html.Details([
        html.Summary(t_count("upload.show_errors", len(errors), lang)),
        html.Ul([html.Li([html.Span(e.get("location"), className="mios-cell-ref") if e.get("location") else None,
                          html.Span(e.get("message") or "")]) for e in errors if isinstance(e, Mapping)],
                className="mios-history__errors"),
    ]))


def history_view(history: Mapping[str, Any] | None, lang: str) -> Component:
    """The import history table (newest first); the pagination sits next to it in the page."""
    rows = list((history or {}).get("rows") or [])
    if not rows:
        return html.P(t("upload.history_empty", lang), className="mios-muted")
    keys = ("upload.col_when", "upload.col_who", "upload.col_file", "field.status", "upload.col_inserted",
            "upload.col_updated", "upload.col_unchanged", "upload.col_indicators", "upload.col_errors")
    numeric = {"upload.col_inserted", "upload.col_updated", "upload.col_unchanged", "upload.col_indicators"}
    header = html.Tr([html.Th(t(k, lang), scope="col", className="mios-num" if k in numeric else None) for k in keys])
    body = [
        html.Tr([
            html.Td(_moment(r.get("at"), lang), className="mios-nowrap"),
            html.Td(r.get("by") or ""),
            html.Td([html.Span(r.get("file") or "", className="mios-history__file"),
                     html.Span(size_text(r.get("size"), lang), className="mios-muted mios-history__size")]),
            html.Td(_batch_status(r.get("status"), lang)),
            *[html.Td(fmt_number(r.get(k) or 0, lang), className="mios-num") for k in ("inserted", "updated", "unchanged")],
            html.Td(f"{fmt_number(r.get('created') or 0, lang)} / {fmt_number(r.get('indicators_updated') or 0, lang)}",
                    className="mios-num"),
            _errors_cell(list(r.get("errors") or []), lang),
        ], className=f"mios-history__row mios-history__row--{r.get('status')}", **attrs(data_batch=str(r.get("id"))))
        for r in rows
    ]
    return html.Table([html.Thead(header), html.Tbody(body)], className="table table-sm mios-table mios-history")
