"""`/indicador/<code>` — one indicator: its reading, how it is defined, its chart, the year to date, the
forecast and process behaviour, every value with its source, and who changed what.

URL parameters: `lang`, `period` (YYYY-MM) and any board filter, all passed on to every link.
"""
from __future__ import annotations

from dash import dcc, html
from dash.development.base_component import Component

from mios_dashboard.components.board.cards import format_measure, format_target
from mios_dashboard.components.drilldown.blocks import (
    chart,
    code_and_name,
    crumbs,
    no_measurements,
    objective_href,
    reading_line,
    section,
    signal_badge,
    text_or_missing,
    title_row,
)
from mios_dashboard.components.drilldown.ids import Ids
from mios_dashboard.components.drilldown.tables import count_note, definition_list, history_table, measurements_table
from mios_dashboard.components.status import icon, normalize_status
from mios_dashboard.i18n import MISSING, fmt_date, fmt_number, fmt_percent, perspective_name, t, t_or
from mios_dashboard.pages.drilldown.detail import drill_frame, drill_page
from mios_dashboard.services.drilldown import indicator_detail

FRAME = drill_frame(Ids.INDICATOR)


def _decimals(indicator: dict) -> int | None:
    decimals = indicator.get("decimals")
    return decimals if isinstance(decimals, int) else None


def indicator_head(detail: dict, lang: str, params: dict) -> html.Header:
    """Code, name, where it belongs; achievement, light, XmR verdict; actual against target, trend."""
    indicator = detail["indicator"]
    status = normalize_status(indicator.get("status"))
    extra = []
    if indicator.get("objective"):
        extra.append(dcc.Link([icon("bi-bullseye"), html.Span(code_and_name(indicator["objective"],
                                                                          indicator.get("objective_title")))],
                              href=objective_href(indicator["objective"], lang, params), className="mios-dd__up"))
    where = [perspective_name(indicator.get("perspective"), indicator.get("perspective_name"), lang)]
    if indicator.get("process"):
        where.append(f"{t('field.process', lang)}: {indicator['process']} · {indicator.get('process_name') or ''}")
    if indicator.get("group"):
        where.append(f"{t('drill.group', lang)}: {indicator['group']}")
    return html.Header(
        [
            crumbs(lang, params, detail["period"], *extra),
            title_row(indicator["code"], t("drill.indicator_kind", lang), indicator.get("name") or "", where,
                      t("field.achievement", lang), indicator.get("achievement"), status, lang),
            html.Div([reading_line(indicator, lang), signal_badge(indicator.get("current_signals"), lang,
                                                                  bool(indicator.get("xmr")))],
                     className="mios-dd__facts"),
            *([html.P(t("drill.inactive", lang), className="mios-notice")] if indicator.get("active") is False else []),
        ],
        className=f"mios-dd__head mios-dd__head--{status}",
    )


def definition_card(indicator: dict, lang: str, params: dict) -> html.Section:
    """How the indicator is measured and judged, and where its numbers come from."""
    unit, decimals = indicator.get("unit"), _decimals(indicator)
    base = {"direction": indicator.get("direction"), "unit": unit, "decimals": decimals,
            "target": indicator.get("definition_target"), "target_min": indicator.get("definition_target_min"),
            "target_max": indicator.get("definition_target_max")}
    thresholds = t("drill.thresholds_value", lang, green=fmt_percent(indicator.get("green_threshold"), lang, 0),
                   yellow=fmt_percent(indicator.get("yellow_threshold"), lang, 0))
    objective = dcc.Link(code_and_name(indicator["objective"], indicator.get("objective_title")),
                         href=objective_href(indicator["objective"], lang, params)) \
        if indicator.get("objective") else t("drill.no_objective", lang)
    items = [
        (t("field.unit", lang), unit or MISSING),
        (t("field.direction", lang), t_or(f"direction.{indicator.get('direction')}", MISSING, lang)),
        (t("field.frequency", lang), t_or(f"frequency.{indicator.get('frequency')}", MISSING, lang)),
        (t("field.aggregation", lang), t_or(f"aggregation.{indicator.get('aggregation')}", MISSING, lang)),
        (t("field.target", lang), format_target(base, lang)),
        *([(t("drill.period_targets", lang), t("drill.period_targets_value", lang, count=indicator["period_targets"]))]
          if indicator.get("period_targets") else []),
        (t("drill.thresholds", lang), thresholds),
        (t("drill.baseline", lang), format_measure(indicator.get("baseline"), unit, lang, decimals)),
        (t("field.owner", lang), indicator.get("owner") or MISSING),
        (t("drill.data_source", lang), text_or_missing(indicator.get("data_source"), lang)),
        (t("field.objective", lang), objective),
    ]
    if indicator.get("description"):
        items.append((t("drill.description", lang), indicator["description"]))
    return section(t("drill.definition_title", lang), definition_list(items, "mios-dd__definition"), "bi-info-square",
                   Ids.DEFINITION)


def _figure(label: str, value: str, note=None, status: str | None = None) -> html.Div:
    return html.Div([html.Span(label, className="mios-label"),
                     html.Span(value, className=f"mios-dd__figure-value mios-score--{status or 'no_data'}"),
                     *([html.Span(note, className="mios-dd__figure-note")] if note else [])],
                    className="mios-dd__figure")


def summary_strip(indicator: dict, lang: str) -> html.Div:
    """Year to date, the forecast at the objective's due date, and the XmR limits, side by side."""
    unit, decimals = indicator.get("unit"), _decimals(indicator)
    ytd_target = {**indicator, "target": indicator.get("ytd_target"), "target_min": indicator.get("ytd_target_min"),
                  "target_max": indicator.get("ytd_target_max")}
    ytd_status = _light(indicator.get("ytd_achievement"), indicator)
    ytd = section(t("drill.ytd_title", lang), html.Div([
        _figure(t("field.actual", lang), format_measure(indicator.get("ytd_actual"), unit, lang, decimals)),
        _figure(t("field.target", lang), format_target(ytd_target, lang)),
        _figure(t("field.achievement", lang), fmt_percent(indicator.get("ytd_achievement"), lang), status=ytd_status),
    ], className="mios-dd__figures"), "bi-calendar-range")
    forecast = indicator.get("forecast")
    if forecast:
        body: Component = html.Div([
            _figure(t("drill.forecast_value", lang), format_measure(forecast.get("value"), unit, lang, decimals),
                    t("drill.forecast_at", lang, date=fmt_date(forecast.get("due"), lang))),
            _figure(t("field.achievement", lang), fmt_percent(forecast.get("achievement"), lang),
                    status=_light(forecast.get("achievement"), indicator)),
        ], className="mios-dd__figures")
    else:
        body = html.P(t("drill.no_forecast", lang), className="mios-muted")
    xmr = indicator.get("xmr")
    if xmr:
        limits: Component = html.Div([
            _figure(t("chart.center", lang), format_measure(xmr.get("center"), unit, lang, decimals)),
            _figure(t("chart.limits", lang), t("target.range", lang,
                                                low=format_measure(xmr.get("lower"), unit, lang, decimals),
                                                high=format_measure(xmr.get("upper"), unit, lang, decimals)),
                    t("drill.xmr_baseline", lang, count=fmt_number(xmr.get("baseline_points"), lang),
                      start=fmt_date(xmr.get("baseline_start"), lang), end=fmt_date(xmr.get("baseline_end"), lang))),
        ], className="mios-dd__figures")
    else:
        limits = html.P(t("drill.no_xmr", lang), className="mios-muted")
    return html.Div([ytd, section(t("drill.forecast_title", lang), body, "bi-signpost-2"),
                     section(t("drill.xmr_title", lang), limits, "bi-activity")],
                    className="mios-dd__grid mios-dd__grid--three")


def _light(value, indicator: dict) -> str:
    if value is None:
        return "no_data"
    green, yellow = indicator.get("green_threshold") or 1.0, indicator.get("yellow_threshold") or 0.9
    return "green" if value >= green else "yellow" if value >= yellow else "red"


def indicator_view(detail: dict, lang: str, params: dict) -> list:
    """The whole page below the navbar; without any value, the empty state replaces chart and figures."""
    indicator = detail["indicator"]
    history = section(t("drill.history_title", lang), html.Div([
        history_table(detail["history"], lang, indicator.get("unit"), _decimals(indicator), indicator.get("frequency")),
        count_note(len(detail["history"]), detail["history_count"], lang)]), "bi-clock-history", Ids.HISTORY)
    if not detail["measurement_count"]:
        return [indicator_head(detail, lang, params),
                html.Div([no_measurements(lang, params), definition_card(indicator, lang, params)],
                         className="mios-dd__grid mios-dd__grid--chart"),
                history]
    graph = section(t("drill.chart_title", lang), chart(indicator, lang, height=520), "bi-graph-up", Ids.CHART)
    data = section(t("drill.data_title", lang), html.Div([
        measurements_table(detail["measurements"], indicator, lang),
        count_note(len(detail["measurements"]), detail["measurement_count"], lang)]), "bi-table",
        Ids.MEASUREMENTS)
    return [
        indicator_head(detail, lang, params),
        html.Div([graph, definition_card(indicator, lang, params)], className="mios-dd__grid mios-dd__grid--chart"),
        summary_strip(indicator, lang),
        data,
        history,
    ]


@FRAME.guard("read indicator {code!r} for period {period}")
def layout(code: str | None = None, lang: str | None = None, period: str | None = None, **query) -> html.Div:
    """The indicator `code` for the board month `period`, in `lang` (pages/drilldown/detail.py)."""
    return drill_page(FRAME, "indicator", indicator_detail, indicator_view, code, lang, period, query)
