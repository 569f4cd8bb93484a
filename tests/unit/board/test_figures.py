"""The figure builders on hand-built indicator dicts: which traces, shapes and annotations they draw, where."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from mios_dashboard.figures import (
    COLORS,
    graph_config,
    indicator_chart,
    period_label,
    rule_text,
    sparkline,
    sparkline_config,
)
from mios_dashboard.figures.style import BAND_FILLS
from mios_dashboard.figures.zones import TargetStep, period_zones, zone_polygons

REPO = Path(__file__).resolve().parents[3]
MONTHS = [f"2025-{m:02d}-01" for m in range(1, 13)]


def make_indicator(**overrides) -> dict:
    """A monthly higher-is-better indicator with a year of values, its trend, forecast and XmR."""
    values = [90, 92, 95, 91, 97, 99, 101, 100, 104, 106, 108, 125]
    indicator = {
        "code": "VEN-01", "name": "Ventas", "unit": "MXN", "direction": "higher", "frequency": "monthly",
        "decimals": 0, "target": 100.0, "target_min": None, "target_max": None,
        "green_threshold": 1.0, "yellow_threshold": 0.9, "slope": 3.0,
        "series": [{"period": p, "value": v, "target": 100.0, "target_min": None, "target_max": None}
                   for p, v in zip(MONTHS, values)],
        "forecast": {"due": "2026-06-30", "value": 140.0, "achievement": 1.4, "target": 100.0},
        "xmr": {"center": 98.0, "lower": 85.0, "upper": 111.0,
                "signals": [{"period": "2025-12-01", "rule": 1}, {"period": "2025-12-01", "rule": 2},
                            {"period": "2025-11-01", "rule": 3}]},
    }
    indicator.update(overrides)
    return indicator


def roles(figure) -> list[str]:
    return [trace.meta["role"] for trace in figure.data]


def trace(figure, role: str):
    return next(t for t in figure.data if t.meta["role"] == role)


# ---------- indicator_chart ----------

def test_layers_in_drawing_order():
    figure = indicator_chart(make_indicator())
    assert roles(figure) == ["zone_yellow", "zone_red", "target", "xmr_center", "xmr_limits", "trend", "forecast",
                             "actual", "signals"]


def test_actual_points_are_coloured_by_their_own_light_and_explained_on_hover():
    figure = indicator_chart(make_indicator(), "es")
    actual = trace(figure, "actual")
    assert list(actual.x) == MONTHS and actual.y[-1] == 125
    # 90 of 100 is yellow (≥ 0.9), 101 is green; the hover says it in words.
    assert actual.customdata[0] == "yellow" and actual.customdata[6] == "green"
    assert actual.marker.color[0] == COLORS["yellow"] and actual.marker.color[6] == COLORS["green"]
    assert "<b>ene 2025</b>" in actual.hovertext[0] and "Real: 90 MXN" in actual.hovertext[0]
    assert "Meta: ≥ 100 MXN" in actual.hovertext[0] and "En riesgo" in actual.hovertext[0]


def test_higher_is_better_shades_below_yellow_red_and_up_to_green_yellow():
    figure = indicator_chart(make_indicator())
    red, yellow = trace(figure, "zone_red"), trace(figure, "zone_yellow")
    assert red.fill == yellow.fill == "toself"
    assert red.fillcolor == BAND_FILLS["red"] and yellow.fillcolor == BAND_FILLS["yellow"]
    y0, _ = figure.layout.yaxis.range
    assert max(v for v in red.y if v is not None) == pytest.approx(90.0)  # yellow · target
    assert min(v for v in red.y if v is not None) == pytest.approx(y0)
    assert sorted({round(v, 9) for v in yellow.y if v is not None}) == [90.0, 100.0]
    assert not red.showlegend and not yellow.showlegend


def test_lower_is_better_shades_above_target_over_yellow_red():
    figure = indicator_chart(make_indicator(direction="lower", target=100.0, xmr=None, forecast=None))
    red, yellow = trace(figure, "zone_red"), trace(figure, "zone_yellow")
    _, y1 = figure.layout.yaxis.range
    assert min(v for v in red.y if v is not None) == pytest.approx(100 / 0.9)
    assert max(v for v in red.y if v is not None) == pytest.approx(y1)
    assert min(v for v in yellow.y if v is not None) == pytest.approx(100.0)


def test_range_indicator_draws_its_band_and_no_target_line():
    series = [{"period": p, "value": v, "target": None, "target_min": 80.0, "target_max": 90.0}
              for p, v in zip(MONTHS, [84, 86, 88, 91, 95, 85, 84, 83, 79, 86, 87, 85])]
    figure = indicator_chart(make_indicator(direction="range", target=None, target_min=80.0, target_max=90.0,
                                            series=series, forecast=None, xmr=None, slope=None))
    assert "range_band" in roles(figure) and "target" not in roles(figure)
    band = trace(figure, "range_band")
    assert band.fill == "toself" and band.showlegend
    assert {v for v in band.y if v is not None} == {80.0, 90.0}
    # Yellow and red zones on both sides of the range: two polygons each (separated by None).
    assert list(trace(figure, "zone_yellow").x).count(None) == 1
    assert list(trace(figure, "zone_red").x).count(None) == 1


def test_per_period_targets_follow_the_budget_and_step_to_the_due_date_target():
    series = [{"period": p, "value": 100.0, "target": 100.0 + i, "target_min": None, "target_max": None}
              for i, p in enumerate(MONTHS)]
    figure = indicator_chart(make_indicator(series=series, forecast={"due": "2026-06-30", "value": 120.0,
                                                                      "achievement": 1.2, "target": 80.0}))
    target = trace(figure, "target")
    assert list(target.y[:12]) == [100.0 + i for i in range(12)]
    assert list(target.x[12:]) == ["2026-01-01", "2026-06-30"] and list(target.y[12:]) == [80.0, 80.0]


def test_signal_markers_sit_on_the_right_periods_with_the_rules_in_words():
    figure = indicator_chart(make_indicator(), "es")
    signals = trace(figure, "signals")
    assert list(signals.x) == ["2025-11-01", "2025-12-01"] and list(signals.y) == [108, 125]
    assert [list(r) for r in signals.customdata] == [[3], [1, 2]]
    assert "Regla 3: 8 o más valores seguidos del mismo lado de la línea central" in signals.hovertext[0]
    assert "Regla 1: fuera de los límites naturales" in signals.hovertext[1]
    assert "Regla 2:" in signals.hovertext[1] and "dic 2025" in signals.hovertext[1]
    english = trace(indicator_chart(make_indicator(), "en"), "signals")
    assert "Rule 1: outside the natural process limits" in english.hovertext[1]
    assert signals.marker.color == COLORS["stale"] and signals.marker.symbol == "circle-open"


def test_xmr_centre_and_limits_span_the_series_dotted():
    figure = indicator_chart(make_indicator())
    center, limits = trace(figure, "xmr_center"), trace(figure, "xmr_limits")
    assert list(center.x) == [MONTHS[0], MONTHS[-1]] and list(center.y) == [98.0, 98.0]
    assert list(limits.y) == [111.0, 111.0, None, 85.0, 85.0]
    assert center.line.dash == limits.line.dash == "dot"


def test_no_xmr_traces_without_limits():
    figure = indicator_chart(make_indicator(xmr=None))
    assert not {"xmr_center", "xmr_limits", "signals"} & set(roles(figure))


def test_trend_line_uses_the_board_slope_through_the_last_six_values():
    figure = indicator_chart(make_indicator())
    trend = trace(figure, "trend")
    assert list(trend.x) == MONTHS[-6:]
    last_six = [101, 100, 104, 106, 108, 125]
    assert sum(trend.y) / 6 == pytest.approx(sum(last_six) / 6)
    assert trend.y[1] - trend.y[0] == pytest.approx(3.0)


def test_forecast_runs_from_the_trend_to_the_due_date_with_its_label():
    figure = indicator_chart(make_indicator(), "es")
    forecast, trend = trace(figure, "forecast"), trace(figure, "trend")
    assert forecast.x[0] == trend.x[-1] and forecast.y[0] == pytest.approx(trend.y[-1])
    assert forecast.x[-1] == "2026-06-30" and forecast.y[-1] == 140.0
    assert forecast.line.dash == "dash"
    (annotation,) = figure.layout.annotations
    assert annotation.x == "2026-06-30" and annotation.y == 140.0
    assert annotation.text == "Pronóstico al cierre: 140 MXN (140%)"
    assert figure.layout.xaxis.range[1] > "2026-06-30"


def test_no_forecast_when_the_due_date_is_past_or_there_is_no_slope():
    past = indicator_chart(make_indicator(forecast={"due": "2025-06-30", "value": 1.0, "achievement": 0.1}))
    assert "forecast" not in roles(past) and "trend" in roles(past) and not past.layout.annotations
    flat = indicator_chart(make_indicator(slope=None))
    assert not {"trend", "forecast"} & set(roles(flat))


def test_no_values_is_an_empty_state_not_an_empty_chart():
    figure = indicator_chart(make_indicator(series=[]), "en")
    assert figure.data == ()
    assert figure.layout.annotations[0].text == "No measurements yet"
    assert figure.layout.xaxis.visible is False


def test_units_from_files_are_escaped_in_hovers():
    figure = indicator_chart(make_indicator(unit="<b>x</b>"))
    assert "90 &lt;b&gt;x&lt;/b&gt;" in trace(figure, "actual").hovertext[0]


def test_axes_read_in_the_locale_and_the_unit():
    figure = indicator_chart(make_indicator(unit="%"))
    assert figure.layout.separators == ".,"
    assert figure.layout.yaxis.ticksuffix == "%"
    assert indicator_chart(make_indicator()).layout.yaxis.title.text == "MXN"
    rows = make_indicator()["series"]
    big = make_indicator(series=[{**row, "value": row["value"] * 1e6, "target": 1e8} for row in rows])
    assert indicator_chart(big).layout.yaxis.tickformat == "~s"


def test_quarterly_periods_are_named_as_quarters():
    assert period_label(dt.date(2025, 10, 1), "quarterly", "es") == "T4 2025"
    assert period_label(dt.date(2025, 10, 1), "quarterly", "en") == "Q4 2025"
    assert rule_text(2, "en").startswith("Rule 2:")


# ---------- zones ----------

def test_period_zones_invert_the_achievement_formulas():
    step = TargetStep("2025-01-01", 100.0, None, None)
    assert period_zones("higher", step, 1.0, 0.9) == {"red": [(-float("inf"), 90.0)], "yellow": [(90.0, 100.0)]}
    lower = period_zones("lower", step, 1.0, 0.8)
    assert lower["yellow"] == [(100.0, 125.0)] and lower["red"] == [(125.0, float("inf"))]
    assert period_zones("lower", TargetStep("x", 0.0, None, None), 1.0, 0.9)["red"] == [(0.0, float("inf"))]
    assert period_zones("higher", TargetStep("x", 0.0, None, None), 1.0, 0.9) == {}
    ranged = period_zones("range", TargetStep("x", None, 80.0, 90.0), 1.0, 0.9)
    assert ranged["range"] == [(80.0, 90.0)] and ranged["yellow"] == [(79.0, 80.0), (90.0, 91.0)]


def test_zone_polygons_are_clipped_to_the_visible_axis():
    steps = [TargetStep("2025-01-01", 100.0, None, None), TargetStep("2025-02-01", 100.0, None, None)]
    polygons = zone_polygons("higher", steps, 1.0, 0.9, (95.0, 130.0))
    assert "red" not in polygons  # everything below 90 is off the axis
    xs, ys = polygons["yellow"]
    assert xs == ["2025-01-01", "2025-02-01", "2025-02-01", "2025-01-01"] and ys == [95.0, 95.0, 100.0, 100.0]


# ---------- sparkline ----------

SERIES = [{"period": p, "value": v, "target": 10.0} for p, v in zip(MONTHS[:4], [8.0, 9.0, 11.0, 12.0])]


def test_sparkline_has_no_axes_and_marks_the_last_point_in_its_status_colour():
    figure = sparkline(SERIES, 10.0, "es", status="green")
    assert roles(figure) == ["target", "actual"]
    assert figure.layout.xaxis.visible is False and figure.layout.yaxis.visible is False
    assert figure.layout.showlegend is False and figure.layout.height == 44
    actual = trace(figure, "actual")
    assert list(actual.marker.size) == [0, 0, 0, 6] and actual.marker.color == COLORS["green"]
    assert list(trace(figure, "target").y) == [10.0, 10.0]


def test_sparkline_targets_as_band_or_per_period_line():
    band = sparkline(SERIES, (9.0, 11.0), "en")
    assert roles(band) == ["range_band", "actual"] and trace(band, "range_band").fill == "toself"
    own = sparkline([{**row, "target": 10.0 + i} for i, row in enumerate(SERIES)], None)
    assert list(trace(own, "target").y) == [10.0, 11.0, 12.0, 13.0]
    assert roles(sparkline([], 10.0)) == []


# ---------- style ----------

def test_palette_is_the_stylesheets():
    css = (REPO / "assets" / "mios.css").read_text(encoding="utf-8")
    declared = dict(re.findall(r"--mios-([a-z-]+):\s*(#[0-9a-fA-F]{6})", css))
    for name in ("green", "yellow", "red", "stale", "ink", "muted", "line", "brand", "accent"):
        assert COLORS[name].lower() == declared[name].lower(), name
    assert COLORS["no_data"].lower() == declared["no-data"].lower()


def test_graph_configs_use_the_plotly_locale_served_from_assets():
    assert graph_config("es")["locale"] == "es" and graph_config("en")["locale"] == "en"
    assert graph_config("es")["displaylogo"] is False
    assert sparkline_config("en")["staticPlot"] is True
    script = (REPO / "assets" / "plotly-locale-es.js").read_text(encoding="utf-8")
    assert 'name: "es"' in script and "window.PlotlyLocales" in script and '"dic"' in script
