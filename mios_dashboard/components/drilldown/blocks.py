"""Pieces of the drill-down pages (`/objetivo/<code>`, `/indicador/<code>`): links that keep the reader's
query, the page head, the XmR signal badge, the indicator panel with its chart, empty and not-found states.

Every link carries the page's whole query string (lang, period and any board filter), so "back to the
board" returns to the board exactly as it was left.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from dash import dcc, html
from dash.development.base_component import Component

from mios_dashboard.components.board.cards import format_measure, format_target
from mios_dashboard.components.drilldown.ids import Ids
from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.shell import localized_href
from mios_dashboard.components.states import import_command, page_state
from mios_dashboard.components.status import icon, normalize_status, score_text, status_badge, trend_mark
from mios_dashboard.figures import graph_config, indicator_chart, rule_text
from mios_dashboard.i18n import MISSING, fmt_month, fmt_percent, t


def board_href(lang: str, query: Mapping[str, str]) -> str:
    """`/` with the same query (lang, period, filters): the board as the reader left it."""
    return localized_href("/", lang, query)


def objective_href(code: str, lang: str, query: Mapping[str, str]) -> str:
    return localized_href(f"/objetivo/{code}", lang, query)


def indicator_href(code: str, lang: str, query: Mapping[str, str]) -> str:
    return localized_href(f"/indicador/{code}", lang, query)


def back_link(lang: str, query: Mapping[str, str]) -> dcc.Link:
    return dcc.Link([icon("bi-arrow-left"), html.Span(t("drill.back_board", lang))], href=board_href(lang, query),
                    id=Ids.BACK, className="mios-dd__back")


def crumbs(lang: str, query: Mapping[str, str], period: str | None, *extra) -> html.Nav:
    """Back to the board (and any further way back), then the board month the page reads."""
    month = fmt_month(period, lang, long=True) if period else t("board.no_period", lang)
    return html.Nav(
        [back_link(lang, query), *extra,
         html.Span([icon("bi-calendar3"), html.Span(t("board.period", lang, period=month))],
                   className="mios-dd__period")],
        className="mios-dd__crumbs", **attrs(aria_label=t("drill.crumbs", lang)),
    )


def title_row(code: str, kind: str, title: str, where: list[str], result: str, score: float | None, status: str,
              lang: str) -> html.Div:
    """The head's first row: code and kind, the name, where it belongs; then `result` (its label), the score
    and the light."""
    return html.Div(
        [
            html.Div(
                [html.Span([code, " · ", kind], className="mios-code"),
                 html.H1(title, className="mios-dd__title"),
                 html.P(" — ".join(where), className="mios-dd__where")],
                className="mios-dd__name",
            ),
            html.Div([html.Span(result, className="mios-label"),
                      html.Div([score_text(score, status, lang, size="xl"), status_badge(status, lang, size="lg")],
                               className="mios-dd__score")],
                     className="mios-dd__result"),
        ],
        className="mios-dd__title-row",
    )


def signal_badge(rules: list[int] | None, lang: str, has_limits: bool = True) -> html.Span:
    """The XmR verdict of this month: violet "Señal: reglas 1, 2" (news), or a quiet "routine variation"
    (a red light without a signal may be noise), or "no limits yet"."""
    if rules:
        key = "drill.signal_one" if len(rules) == 1 else "drill.signal_many"
        return html.Span(
            [icon("bi-broadcast", "mios-signal__icon"),
             html.Span(t(key, lang, rules=", ".join(str(r) for r in rules)))],
            className="mios-signal mios-signal--on", title="\n".join(rule_text(r, lang) for r in rules),
        )
    key = "drill.no_signal" if has_limits else "drill.no_limits"
    return html.Span([icon("bi-activity", "mios-signal__icon"), html.Span(t(key, lang))],
                     className="mios-signal mios-signal--off")


def fact(label: str, value, icon_name: str | None = None) -> html.Div:
    """A labelled fact of a page head: icon, label, value."""
    return html.Div([*([icon(icon_name, "mios-fact__icon")] if icon_name else []),
                     html.Span(label, className="mios-fact__label"), html.Span(value, className="mios-fact__value")],
                    className="mios-fact")


def section(title: str, body, icon_name: str, element_id: str | None = None, extra_class: str = "") -> html.Section:
    """A titled card of a drill-down page."""
    return html.Section(
        [html.H2([icon(icon_name, "mios-dd__section-icon"), html.Span(title)], className="mios-dd__section-title"),
         body],
        className=f"mios-dd__card {extra_class}".strip(), **(attrs(id=element_id) if element_id else {}),
    )


def reading_line(indicator: Mapping[str, Any], lang: str) -> html.Div:
    """Actual against target, achievement, trend: the one line under an indicator's name."""
    decimals = indicator.get("decimals") if isinstance(indicator.get("decimals"), int) else None
    actual = format_measure(indicator.get("actual"), indicator.get("unit"), lang, decimals)
    trend = trend_mark(indicator.get("trend"), lang)
    status = normalize_status(indicator.get("status"))
    parts: list[Component] = [fact(t("field.actual", lang), actual), fact(t("field.target", lang), format_target(indicator, lang)),
             fact(t("field.achievement", lang), fmt_percent(indicator.get("achievement"), lang))]
    if status == "stale" and indicator.get("last_period"):
        parts.append(html.Span(t("board.last_value", lang, month=fmt_month(indicator["last_period"], lang)),
                               className="mios-last-value"))
    if trend is not None:
        parts.append(trend)
    return html.Div(parts, className="mios-dd__reading")


def chart(indicator: Mapping[str, Any], lang: str, height: int) -> html.Div:
    """The indicator's chart (figures.indicator_chart) in the reader's plotly locale."""
    graph = dcc.Graph(figure=indicator_chart(indicator, lang, height=height),
                      config=cast("dcc.Graph.Config", graph_config(lang, indicator.get("code") or "")))
    return html.Div(graph, className="mios-dd__chart", role="figure",
                    **attrs(aria_label=t("chart.aria", lang, code=indicator.get("code") or "")))


def indicator_panel(indicator: Mapping[str, Any], lang: str, query: Mapping[str, str]) -> html.Article:
    """One indicator of an objective: name (link to its page), light, reading, XmR verdict and chart."""
    code = indicator.get("code") or ""
    status = normalize_status(indicator.get("status"))
    has_values = bool(indicator.get("series"))
    body = chart(indicator, lang, height=330) if has_values else html.P(
        [icon("bi-inbox"), html.Span(t("drill.panel_empty", lang))], className="mios-dd__panel-empty")
    return html.Article(
        [
            html.Div(
                [
                    dcc.Link([html.Span(code, className="mios-code"),
                              html.Span(indicator.get("name") or "", className="mios-dd__panel-name")],
                             href=indicator_href(code, lang, query), className="mios-dd__panel-link",
                             title=t("drill.open_indicator", lang)),
                    html.Div([signal_badge(indicator.get("current_signals"), lang, bool(indicator.get("xmr"))),
                              status_badge(status, lang)], className="mios-dd__panel-result"),
                ],
                className="mios-dd__panel-head",
            ),
            reading_line(indicator, lang),
            *([html.P(t("drill.inactive", lang), className="mios-muted")] if indicator.get("active") is False else []),
            body,
        ],
        className=f"mios-dd__panel mios-dd__panel--{status}", **attrs(data_code=code),
    )


def not_found(kind: str, code: str, lang: str, query: Mapping[str, str]) -> html.Section:
    """An unknown code: say so, and lead back to the board (never a traceback, never a blank page)."""
    return page_state("bi-search", t(f"drill.not_found_{kind}", lang, code=code),
                      html.P(t("drill.not_found_body", lang)), back_link(lang, query), element_id=Ids.NOT_FOUND)


def no_measurements(lang: str, query: Mapping[str, str]) -> html.Section:
    """An indicator with no data yet: what to do next instead of an empty chart."""
    return page_state("bi-inbox", t("drill.empty_title", lang), html.P(t("drill.empty_body", lang)),
                      dcc.Link([icon("bi-upload"), html.Span(t("drill.go_import", lang))],
                               href=localized_href("/importar", lang), className="btn btn-primary mios-dd__import"),
                      import_command(lang), element_id=Ids.EMPTY, extra_class="mios-dd__empty")


def text_or_missing(value: Any, lang: str) -> str:
    """Free text of the plan or definition, or "Sin definir" so a gap shows as a gap."""
    return value.strip() if isinstance(value, str) and value.strip() else t("drill.not_defined", lang)


def code_and_name(code: str | None, name: str | None) -> str:
    if not code:
        return MISSING
    return f"{code} · {name}" if name else code
