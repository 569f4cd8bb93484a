"""The top of the board: the summary strip (score, lights, overdue actions, PHVA), what is off, what changed.

The strip answers "how are we doing" and "are we keeping the system alive" in one line; the off-target panel
answers "what is off, is it real or noise, who owns it"; the changes panel "what is new since last month" —
new reds, recoveries, new signals. Every item links to its indicator and names its owner, so the meeting can
start from the news.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import dcc, html
from dash.development.base_component import Component

from mios_dashboard.components.board.cards import INDICATOR_PATH, MAX_ROWS, drill_href
from mios_dashboard.components.board.ids import Ids
from mios_dashboard.components.board.marks import signal_mark, signal_title, signal_tone
from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.phva import phva_strip
from mios_dashboard.components.shell import localized_href
from mios_dashboard.components.status import (
    STATUS_ICONS,
    icon,
    normalize_status,
    score_text,
    status_badge,
    status_counts,
)
from mios_dashboard.i18n import MISSING, fmt_month, fmt_number, fmt_percent, t, t_count

Query = Mapping[str, str | None]
CHANGE_GROUPS = (  # (key in the changes dict, catalogue key, icon, tone)
    ("new_reds", "board.new_reds", STATUS_ICONS["red"], "bad"),
    ("recoveries", "board.recoveries", "bi-arrow-up-circle-fill", "good"),
    ("new_signals", "board.new_signals", "bi-broadcast", "signal"),
)


def _block(label: str | list, children: list, class_name: str) -> html.Div:
    return html.Div([html.Span(label, className="mios-label"), *children], className=f"mios-summary__block {class_name}")


def overdue_value(count: int | None, lang: str = "es") -> html.Span:
    """Open actions past their due date: a number that should be zero, in red when it is not."""
    state = "unknown" if count is None else "none" if count == 0 else "some"
    glyph = {"none": "bi-check-circle-fill", "some": "bi-alarm-fill", "unknown": "bi-dash-circle"}[state]
    return html.Span([icon(glyph, "mios-overdue__icon"),
                      html.Span(MISSING if count is None else fmt_number(count, lang), className="mios-overdue__number")],
                     className=f"mios-overdue mios-overdue--{state}", title=t("board.overdue_title", lang))


def system_block(count: int | None, phva: Mapping[str, Any] | None, lang: str = "es") -> html.Div:
    """Is the management system kept alive: overdue actions, and the PHVA strip (a link to /phva)."""
    return html.Div(
        [html.Span(t("board.overdue_actions", lang), className="mios-label"), overdue_value(count, lang),
         *([html.Div(phva_strip(phva, lang), className="mios-summary__phva")] if phva else [])],
        className="mios-summary__block mios-summary__system",
    )


def summary_strip(data: Mapping[str, Any], lang: str = "es") -> html.Section:
    """Board score and light, indicators by status (of the filtered view), overdue actions, PHVA strip."""
    board = data.get("board") or {}
    counts_label: str | list = t("board.counts", lang)
    if board.get("filtered"):
        period = (data.get("filters") or {}).get("period")
        counts_label = [t("board.filter_shown", lang, shown=board.get("shown", 0), total=board.get("total", 0)),
                        dcc.Link([icon("bi-x-circle"), html.Span(t("board.clear_filters", lang))],
                                 href=localized_href("/", lang, {"period": period[:7] if period else None}),
                                 id=Ids.CLEAR_FILTERS, className="mios-clear-filters")]
    blocks = [
        _block(t("board.score", lang),
               [html.Div([score_text(board.get("score"), board.get("status"), lang, size="xl"),
                          status_badge(board.get("status"), lang, size="lg")], className="mios-board__result")],
               "mios-summary__score"),
        _block(counts_label, [status_counts(board.get("counts"), lang)], "mios-summary__counts"),
        system_block(data.get("overdue_actions"), data.get("phva"), lang),
    ]
    return html.Section(blocks, id=Ids.SUMMARY, className="mios-summary", **attrs(aria_label=t("board.summary", lang)))


def _change_item(entry: Mapping[str, Any], kind: str, lang: str, query: Query | None) -> html.Li:
    code = entry.get("code") or ""
    status = normalize_status(entry.get("status"))
    before = normalize_status(entry.get("previous_status")) if entry.get("previous_status") else None
    detail = []
    if kind == "new_signals":
        tone = signal_tone(entry)
        detail.append(html.Span(t(f"board.signal_{tone}", lang), className=f"mios-change-item__tone mios-mark--{tone}",
                                title=signal_title(entry, lang)))
    elif before:
        detail.append(html.Span([icon(STATUS_ICONS[before]), " → ", icon(STATUS_ICONS[status])],
                                className="mios-change-item__lights",
                                title=f"{t(f'status.{before}', lang)} → {t(f'status.{status}', lang)}"))
    return html.Li(
        [dcc.Link([html.Span(code, className="mios-code"), html.Span(entry.get("name") or "", className="mios-change-item__name")],
                  href=drill_href(INDICATOR_PATH, code, lang, query), className="mios-change-item__link"),
         *detail,
         html.Span(entry.get("owner") or MISSING, className="mios-change-item__owner")],
        className=f"mios-change-item mios-change-item--{status}",
        **attrs(data_code=code),
    )


def _off_target_order(row: Mapping[str, Any]) -> tuple:
    """Real problems first (an unfavourable signal), then the lowest achievement."""
    signal = row.get("signal") or {}
    real = 0 if signal and signal.get("favourable") is False else 1
    return real, row.get("achievement") if row.get("achievement") is not None else float("inf"), row.get("code") or ""


def off_target_panel(board: Mapping[str, Any], lang: str = "es", query: Query | None = None) -> html.Section:
    """What is off this month, whether it is real or may be noise, and who owns it: every red indicator of the
    view, worst first, with its signal mark, achievement and owner (at most MAX_ROWS, the rest counted)."""
    reds = sorted((r for r in board.get("indicators") or [] if r.get("status") == "red"), key=_off_target_order)
    shown, hidden = reds[:MAX_ROWS], reds[MAX_ROWS:]
    items = []
    for row in shown:
        code = row.get("code") or ""
        mark = signal_mark(row, lang)
        items.append(html.Li(
            [dcc.Link([html.Span(code, className="mios-code"), html.Span(row.get("name") or "", className="mios-change-item__name")],
                      href=drill_href(INDICATOR_PATH, code, lang, query), className="mios-change-item__link"),
             html.Span(fmt_percent(row.get("achievement"), lang), className="mios-off__achievement"),
             *([mark] if mark is not None else []),
             html.Span(row.get("owner") or MISSING, className="mios-change-item__owner")],
            className="mios-change-item mios-change-item--red", **attrs(data_code=code)))
    month = fmt_month(board.get("period"), lang, long=True)
    body: list[Component] = [html.Ul(items, className="mios-changes__list")] if items else \
        [html.P([icon(STATUS_ICONS["green"], "mios-off__ok"), t("board.off_target_none", lang, month=month)], className="mios-muted")]
    if hidden:
        body.append(html.P(t_count("board.more_indicators", len(hidden), lang), className="mios-more"))
    return html.Section(
        [html.H2([icon(STATUS_ICONS["red"], "mios-off__icon"), html.Span(t("board.off_target_title", lang, month=month)),
                  html.Span(fmt_number(len(reds), lang), className="mios-changes__count")], className="mios-changes__title"),
         *body],
        id=Ids.OFF_TARGET,
        className="mios-changes mios-off",
    )


def changes_panel(changes: Mapping[str, Any] | None, lang: str = "es", query: Query | None = None) -> html.Section | None:
    """New reds, recoveries and new signals since the previous month with data; None without a board."""
    if not changes or not changes.get("period"):
        return None
    previous = changes.get("previous")
    title = t("board.changes_title", lang, month=fmt_month(previous, lang, long=True)) if previous \
        else t("board.changes_title_first", lang)
    columns = []
    for key, label_key, glyph, tone in CHANGE_GROUPS:
        entries = changes.get(key) or []
        columns.append(html.Div(
            [html.H3([icon(glyph, "mios-changes__icon"), html.Span(t(label_key, lang)),
                      html.Span(fmt_number(len(entries), lang), className="mios-changes__count")],
                     className="mios-changes__heading"),
             html.Ul([_change_item(e, key, lang, query) for e in entries], className="mios-changes__list") if entries
             else html.P(t(f"{label_key}_none", lang), className="mios-muted mios-changes__none")],
            className=f"mios-changes__group mios-changes__group--{tone}",
            **attrs(data_kind=key),
        ))
    total = sum(len(changes.get(key) or []) for key, *_ in CHANGE_GROUPS)
    body: list = columns
    if previous is None:
        body = [html.P(t("board.changes_first", lang), className="mios-muted")]
    elif total == 0:  # one quiet line instead of three empty columns
        body = [html.P(t("board.changes_none", lang), className="mios-muted")]
    return html.Section(
        [html.H2([icon("bi-lightning-charge", "mios-changes__title-icon"), html.Span(title),
                  html.Span(t_count("board.changes_count", total, lang), className="mios-changes__total")]
                 if previous else [icon("bi-lightning-charge", "mios-changes__title-icon"), html.Span(title)],
                 className="mios-changes__title"),
         html.Div(body, className="mios-changes__groups")],
        id=Ids.CHANGES,
        className="mios-changes",
    )
