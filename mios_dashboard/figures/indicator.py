"""The drill-down chart of one indicator: is it off, is it real or noise, and where is it heading?

Layers, bottom to top: the yellow/red zones of its thresholds (and the target band of a range indicator),
the target line, the XmR centre line and natural process limits, the actual values coloured by their own
period's light, the least-squares trend over the last values with its forecast to the objective's due
date, and rings on the values that are XmR signals (their hover says which rule). Input: one indicator
dict as `services.board.compute.build_board` returns it, optionally with green_threshold / yellow_threshold
(docs/formulas.md#status defaults otherwise). Pure: no Dash, no database.
"""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go

from mios_dashboard.analytics.periods import frequency_codes, ordinal_start, series_ordinal
from mios_dashboard.analytics.trend import TREND_POINTS
from mios_dashboard.figures.style import BAND_FILLS, COLORS, SIGNAL, base_layout
from mios_dashboard.figures.values import (
    Point,
    decimals_of,
    light,
    measure,
    number,
    point_achievements,
    points,
    thresholds,
)
from mios_dashboard.figures.zones import TargetStep, zone_polygons
from mios_dashboard.i18n import MISSING, fmt_month, fmt_percent, normalize_lang, parse_iso_date, t

RULES = (1, 2, 3)
_HALF_PERIOD_DAYS = {"quarterly": 45, "yearly": 182}
_LEGEND_RANK = {"actual": 1, "target": 2, "range_band": 2, "trend": 3, "forecast": 4, "xmr_center": 5,
                "xmr_limits": 6, "signals": 7}
_ZONE_ROLES = {"range": "range_band", "yellow": "zone_yellow", "red": "zone_red"}
# The least-squares line through the last values: their periods and the line's value at each.
Trend = tuple[list[dt.date], list[float]]


def period_label(period: dt.date, frequency: str | None, lang: str) -> str:
    """"dic 2025", "T4 2025" / "Q4 2025", "2025": a period as its indicator's readers name it."""
    if frequency == "quarterly":
        return t("chart.quarter", lang, quarter=(period.month - 1) // 3 + 1, year=period.year)
    if frequency == "yearly":
        return str(period.year)
    return fmt_month(period, lang)


def rule_text(rule: int, lang: str) -> str:
    """"Regla 1: fuera de los límites naturales" — what an XmR rule means, for hovers and badges."""
    return t(f"chart.rule_{rule}", lang) if rule in RULES else str(rule)


def _target_text(point: Point | TargetStep, direction: str | None, unit: str | None, lang: str,
                 decimals: int | None) -> str:
    if direction == "range" and point.target_min is not None and point.target_max is not None:
        return t("target.range", lang, low=measure(point.target_min, unit, lang, decimals),
                 high=measure(point.target_max, unit, lang, decimals))
    if point.target is None:
        return MISSING
    value = measure(point.target, unit, lang, decimals)
    key = {"higher": "target.at_least", "lower": "target.at_most"}.get(direction or "")
    return t(key, lang, value=value) if key else value


def _code(frequency: str | None) -> int:
    try:
        return int(frequency_codes([frequency or "monthly"])[0])
    except KeyError:
        return int(frequency_codes(["monthly"])[0])


def _trend_line(indicator: Mapping[str, Any], rows: list[Point]) -> Trend | None:
    """The least-squares line of the board (docs/formulas.md#trend) through the last TREND_POINTS values, or None
    when the board computed no slope. The slope comes from the board; the line's anchor (mean x, mean y
    of the same values) is recomputed here, on the same series ordinals."""
    slope = number(indicator.get("slope"))
    used = rows[-TREND_POINTS:]
    if slope is None or len(used) < 2:
        return None
    code = _code(indicator.get("frequency"))
    ordinals = [int(o) for o in series_ordinal([p.period for p in used], [code] * len(used))]
    x_mean = sum(ordinals) / len(ordinals)
    y_mean = sum(p.value for p in used) / len(used)
    return [p.period for p in used], [y_mean + slope * (o - x_mean) for o in ordinals]


def _forecast(indicator: Mapping[str, Any], rows: list[Point], trend: Trend | None) -> dict | None:
    """The forecast segment, from the trend line's last point to the due date, when the due date is
    still ahead of the series; None otherwise."""
    forecast = indicator.get("forecast") or {}
    due, value = parse_iso_date(forecast.get("due")), number(forecast.get("value"))
    if trend is None or due is None or value is None or due <= rows[-1].period:
        return None
    return {"x": [trend[0][-1], due], "y": [trend[1][-1], value], "due": due, "value": value,
            "achievement": number(forecast.get("achievement")), "target": number(forecast.get("target"))}


def _target_steps(rows: list[Point], forecast: dict | None, frequency: str | None,
                  direction: str | None) -> list[TargetStep]:
    """The target of every plotted period, then — with a forecast — the target at the due date from the
    period after the last value (a budget that changes next year shows as a step)."""
    steps = [TargetStep(p.period.isoformat(), p.target, p.target_min, p.target_max) for p in rows]
    if forecast is not None:
        last = rows[-1]
        future = forecast["target"] if direction != "range" and forecast["target"] is not None else last.target
        code = _code(frequency)
        following = ordinal_start([int(series_ordinal([last.period], [code])[0]) + 1], [code])[0]
        following = dt.date.fromisoformat(str(following)[:10])
        for x in ([following] if following < forecast["due"] else []) + [forecast["due"]]:
            steps.append(TargetStep(x.isoformat(), future, last.target_min, last.target_max))
    return steps


def _value_range(values: list[float], all_non_negative: bool) -> tuple[float, float]:
    """The y axis: the data with 8 % air; zero included when it is close (honest bars of a positive
    measure), never a negative region for a measure that cannot be negative."""
    low, high = min(values), max(values)
    span = (high - low) or abs(high) or 1.0
    y0, y1 = low - 0.08 * span, high + 0.08 * span
    if all_non_negative and (y0 < 0 or low <= 0.2 * high):
        y0 = 0.0
    return y0, y1


def _scatter(role: str, name: str, **kwargs: object) -> dict:
    trace = {"type": "scatter", "name": name, "meta": {"role": role}, "legendrank": _LEGEND_RANK.get(role, 10)}
    trace.update(kwargs)
    return trace


def _empty_figure(lang: str, height: int) -> go.Figure:
    layout = base_layout(height)
    layout["xaxis"].update(visible=False)
    layout["yaxis"].update(visible=False)
    layout["showlegend"] = False
    layout["annotations"] = [{"text": t("chart.no_data", lang), "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5,
                              "showarrow": False, "font": {"size": 15, "color": COLORS["muted"]}}]
    return go.Figure({"data": [], "layout": layout})


def indicator_chart(indicator: Mapping[str, Any], lang: str = "es", *, height: int = 360) -> go.Figure:
    """The full chart of one indicator (see the module docstring); an empty-state figure without values."""
    lang = normalize_lang(lang)
    rows = points(indicator.get("series"))
    if not rows:
        return _empty_figure(lang, height)
    direction, unit, frequency = indicator.get("direction"), indicator.get("unit"), indicator.get("frequency")
    decimals = decimals_of(indicator)
    green, yellow = thresholds(indicator)
    xmr = indicator.get("xmr") or None
    trend = _trend_line(indicator, rows)
    forecast = _forecast(indicator, rows, trend)
    steps = _target_steps(rows, forecast, frequency, direction)

    pad = dt.timedelta(days=_HALF_PERIOD_DAYS.get(frequency or "", 15))
    x_start, x_end = rows[0].period - pad, (forecast["due"] if forecast else rows[-1].period) + pad
    values = [p.value for p in rows]
    values += [v for s in steps for v in (s.target, s.target_min, s.target_max) if v is not None]
    values += [v for v in (trend[1] if trend else [])] + ([forecast["value"]] if forecast else [])
    # A measure that cannot go negative gets no negative axis — unless its own forecast goes there.
    non_negative = min(p.value for p in rows) >= 0 and (forecast is None or forecast["value"] >= 0)
    if xmr:
        values += [v for v in (number(xmr.get("center")), number(xmr.get("upper")), number(xmr.get("lower")))
                   if v is not None and (v >= 0 or not non_negative)]
    y_range = _value_range(values, non_negative)

    edges = [steps[0]._replace(x=x_start.isoformat()), *steps, steps[-1]._replace(x=x_end.isoformat())]
    traces = [
        _scatter(_ZONE_ROLES[kind], t(f"chart.zone_{kind}", lang), x=xs, y=ys, mode="lines", fill="toself",
                 fillcolor=BAND_FILLS["green" if kind == "range" else kind],
                 line={"width": 1 if kind == "range" else 0, "color": COLORS["green"]},
                 hoverinfo="skip", showlegend=kind == "range")
        for kind, (xs, ys) in zone_polygons(direction, edges, green, yellow, y_range).items()
    ]
    traces += _target_traces(steps, direction, unit, lang, decimals)
    traces += _xmr_traces(xmr, rows, unit, lang, decimals)
    traces += _trend_traces(trend, forecast, unit, lang, decimals)
    traces.append(_actual_trace(rows, direction, frequency, unit, lang, decimals, green, yellow))
    signal_trace = _signal_trace(xmr, rows, frequency, lang)
    if signal_trace is not None:
        traces.append(signal_trace)

    layout = base_layout(height)
    layout["xaxis"].update(range=[x_start.isoformat(), x_end.isoformat()])
    layout["yaxis"].update(range=list(y_range), **_value_axis(unit, max(abs(v) for v in values)))
    if forecast is not None:
        layout["annotations"] = [_forecast_annotation(forecast, unit, lang, decimals)]
    return go.Figure({"data": traces, "layout": layout})


def _value_axis(unit: str | None, magnitude: float) -> dict:
    """Percent points get a % suffix; other units name the axis; big amounts read as 61M, not 61,295,868."""
    unit = (unit or "").strip()
    axis: dict = {"tickformat": "~s" if magnitude >= 100_000 else ",~r"}
    if unit == "%":
        axis["ticksuffix"] = "%"
    elif unit:
        axis["title"] = {"text": html.escape(unit, quote=False), "standoff": 6,
                         "font": {"size": 12, "color": COLORS["muted"]}}
    return axis


def _target_traces(steps: list[TargetStep], direction: str | None, unit: str | None, lang: str,
                   decimals: int | None) -> list[dict]:
    """The target line (range indicators show their band instead, drawn with the zones)."""
    if direction == "range" or not any(s.target is not None for s in steps):
        return []
    return [_scatter(
        "target", t("field.target", lang), x=[s.x for s in steps], y=[s.target for s in steps], mode="lines",
        line={"color": COLORS["green"], "width": 2, "dash": "dash"}, connectgaps=False,
        hovertext=[f"{t('field.target', lang)}: {_target_text(s, direction, unit, lang, decimals)}" for s in steps],
        hoverinfo="text",
    )]


def _xmr_traces(xmr: Mapping | None, rows: list[Point], unit: str | None, lang: str,
                decimals: int | None) -> list[dict]:
    """Centre line and natural process limits across the plotted series (dotted, neutral grey)."""
    if not xmr or number(xmr.get("center")) is None:
        return []
    x0, x1 = rows[0].period.isoformat(), rows[-1].period.isoformat()
    center = number(xmr.get("center"))
    dotted = {"color": COLORS["muted"], "width": 1.5, "dash": "dot"}
    traces = [_scatter("xmr_center", t("chart.center", lang), x=[x0, x1], y=[center, center], mode="lines",
                       line=dotted, hoverinfo="text",
                       hovertext=[f"{t('chart.center', lang)}: {measure(center, unit, lang, decimals)}"] * 2)]
    upper, lower = number(xmr.get("upper")), number(xmr.get("lower"))
    if upper is not None and lower is not None:
        up = f"{t('chart.upper_limit', lang)}: {measure(upper, unit, lang, decimals)}"
        down = f"{t('chart.lower_limit', lang)}: {measure(lower, unit, lang, decimals)}"
        traces.append(_scatter("xmr_limits", t("chart.limits", lang), x=[x0, x1, None, x0, x1],
                               y=[upper, upper, None, lower, lower], mode="lines",
                               line={**dotted, "color": COLORS["ink"]}, hoverinfo="text",
                               hovertext=[up, up, "", down, down]))
    return traces


def _trend_traces(trend: Trend | None, forecast: dict | None, unit: str | None, lang: str,
                  decimals: int | None) -> list[dict]:
    if trend is None:
        return []
    xs, ys = trend
    traces = [_scatter("trend", t("field.trend", lang), x=[x.isoformat() for x in xs], y=ys, mode="lines",
                       line={"color": COLORS["accent"], "width": 2}, hoverinfo="skip")]
    if forecast is not None:
        traces.append(_scatter(
            "forecast", t("chart.forecast", lang), x=[x.isoformat() for x in forecast["x"]], y=forecast["y"],
            mode="lines+markers", line={"color": COLORS["accent"], "width": 2, "dash": "dash"},
            marker={"size": [0, 11], "symbol": "diamond", "color": COLORS["accent"]},
            hoverinfo="text", hovertext=["", _forecast_text(forecast, unit, lang, decimals)],
        ))
    return traces


def _forecast_text(forecast: dict, unit: str | None, lang: str, decimals: int | None) -> str:
    return t("chart.forecast_label", lang, value=measure(forecast["value"], unit, lang, decimals),
             achievement=fmt_percent(forecast["achievement"], lang, decimals=0))


def _forecast_annotation(forecast: dict, unit: str | None, lang: str, decimals: int | None) -> dict:
    """The projected value and achievement written just left of the forecast's end point."""
    return {"x": forecast["due"].isoformat(), "y": forecast["value"], "xref": "x", "yref": "y",
            "text": _forecast_text(forecast, unit, lang, decimals), "showarrow": False, "xanchor": "right",
            "yanchor": "middle", "xshift": -12, "font": {"size": 12, "color": COLORS["accent"]},
            "bgcolor": "rgba(255, 255, 255, 0.85)", "name": "forecast"}


def _actual_trace(rows: list[Point], direction: str | None, frequency: str | None, unit: str | None, lang: str,
                  decimals: int | None, green: float, yellow: float) -> dict:
    """The values, each marker in its own period's status colour; the hover says it all in words."""
    achievements = point_achievements(rows, direction)
    lights = [light(a, green, yellow) for a in achievements]
    hover = [
        f"<b>{period_label(p.period, frequency, lang)}</b><br>{t('field.actual', lang)}: "
        f"{measure(p.value, unit, lang, decimals)}<br>{t('field.target', lang)}: "
        f"{_target_text(p, direction, unit, lang, decimals)}<br>{t('field.achievement', lang)}: "
        f"{fmt_percent(a, lang)} · {t(f'status.{s}', lang)}"
        for p, a, s in zip(rows, achievements, lights)
    ]
    return _scatter(
        "actual", t("field.actual", lang), x=[p.period.isoformat() for p in rows], y=[p.value for p in rows],
        mode="lines+markers", line={"color": COLORS["brand"], "width": 2.5},
        marker={"size": 9, "color": [COLORS[s] for s in lights], "line": {"color": "#ffffff", "width": 1.5}},
        hoverinfo="text", hovertext=hover, customdata=lights,
    )


def _signal_trace(xmr: Mapping | None, rows: list[Point], frequency: str | None, lang: str) -> dict | None:
    """A violet ring on every value that completes an XmR pattern, with the rules it breaks on hover."""
    signals = (xmr or {}).get("signals") or []
    rules: dict[dt.date, set[int]] = {}
    for signal in signals:
        period = parse_iso_date(signal.get("period"))
        if period is not None and isinstance(signal.get("rule"), int):
            rules.setdefault(period, set()).add(signal["rule"])
    by_period = {p.period: p.value for p in rows}
    marked = sorted(period for period in rules if period in by_period)
    if not marked:
        return None
    hover = [
        "<br>".join([f"<b>{t('chart.signal', lang)} · {period_label(period, frequency, lang)}</b>",
                     *(rule_text(rule, lang) for rule in sorted(rules[period]))])
        for period in marked
    ]
    return _scatter(
        "signals", t("chart.signal", lang), x=[p.isoformat() for p in marked], y=[by_period[p] for p in marked],
        mode="markers", marker={"symbol": "circle-open", "size": 20, "color": SIGNAL, "line": {"width": 3}},
        hoverinfo="text", hovertext=hover, customdata=[sorted(rules[p]) for p in marked],
    )
