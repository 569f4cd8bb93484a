"""The strategic evaluation: readings for twelve months at once (analytics/evaluation.py) must equal the engine
run month by month; the groups come in slide 13's order; the heat table reads without colour."""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from dash import html

from mios_dashboard.analytics.board import board_analytics, indicator_readings
from mios_dashboard.analytics.evaluation import last_months, monthly_readings
from mios_dashboard.components.evaluation import compact_value, group_name, heat_cell, heat_table, metric_row
from mios_dashboard.components.status import STATUS_ICONS
from mios_dashboard.services.evaluation import SLIDE_13_GROUPS, _grouped, group_key
from tests.component_tree import walk

NAN = float("nan")
DEC = dt.date(2025, 12, 1)


def _indicator(id_, **overrides) -> dict:
    base = {"id": id_, "code": f"X-{id_}", "direction": "higher", "frequency": "monthly", "aggregation": "sum",
            "target": 100.0, "target_min": NAN, "target_max": NAN, "green_threshold": 1.0, "yellow_threshold": 0.9,
            "due": pd.NaT, "xmr_baseline_start": pd.NaT, "xmr_baseline_end": pd.NaT}
    return base | overrides


def _frames():
    """Five indicators whose lights move: a monthly one with a gap (no data, then stale), a weekly mean, a
    quarterly one (a quarter shows until the next closes), a lower-is-better one with per-month targets, a
    range one, and a yearly one."""
    rng = np.random.default_rng(3)
    indicators = pd.DataFrame([
        _indicator(1),
        _indicator(2, frequency="weekly", aggregation="mean", target=50.0),
        _indicator(3, frequency="quarterly", aggregation="mean", target=80.0),
        _indicator(4, direction="lower", aggregation="mean", target=5.0),
        _indicator(5, direction="range", aggregation="last", target=NAN, target_min=10.0, target_max=20.0),
        _indicator(6, frequency="yearly", aggregation="last", target=12.0),
    ])
    for column in ("due", "xmr_baseline_start", "xmr_baseline_end"):
        indicators[column] = pd.to_datetime(indicators[column])
    months = pd.date_range("2024-01-01", "2025-12-01", freq="MS")
    rows = [(1, m, 80 + 5 * i) for i, m in enumerate(months) if m.month not in (6, 7, 8)]  # Jun–Aug 2025 missing
    rows = [r for r in rows if not (r[1].year == 2025 and r[1].month in (6, 7, 8))] + \
        [(1, m, 90.0) for m in months if m.year == 2024 and m.month in (6, 7, 8)]
    rows += [(2, w, 45 + rng.normal(0, 5)) for w in pd.date_range("2024-01-01", "2025-12-29", freq="W-MON")]
    rows += [(3, q, 70 + 2 * i) for i, q in enumerate(pd.date_range("2024-01-01", "2025-10-01", freq="QS"))]
    rows += [(4, m, 4 + rng.normal(0, 1.2)) for m in months]
    rows += [(5, m, 15 + rng.normal(0, 4)) for m in months]
    rows += [(6, pd.Timestamp("2024-01-01"), 11.0), (6, pd.Timestamp("2025-01-01"), 12.5)]
    measurements = pd.DataFrame(rows, columns=["indicator_id", "period", "value"])
    measurements["period"] = pd.to_datetime(measurements["period"])
    targets = pd.DataFrame([(4, m, 3.0 + 0.2 * m.month, NAN, NAN) for m in months if m.year == 2025],
                           columns=["indicator_id", "period", "target", "target_min", "target_max"])
    return indicators, measurements, targets


def test_last_months():
    assert last_months(dt.date(2025, 2, 17), 3) == [dt.date(2024, 12, 1), dt.date(2025, 1, 1), dt.date(2025, 2, 1)]


def test_twelve_months_at_once_equal_the_engine_month_by_month():
    indicators, measurements, targets = _frames()
    months = last_months(DEC, 12)
    series = board_analytics(indicators, measurements, targets, DEC).series
    cells = monthly_readings(indicators, series, measurements, targets, months)
    assert len(cells) == len(indicators) * 12
    seen = set()
    for month in months:
        expected = indicator_readings(indicators, measurements[measurements["period"] <= pd.Timestamp(month) +
                                                               pd.offsets.MonthEnd(0)], targets, month)
        got = cells[cells["month"] == pd.Timestamp(month)].reset_index(drop=True)
        assert got["status"].tolist() == expected["status"].tolist(), month
        for column in ("actual", "target", "target_min", "target_max", "achievement"):
            np.testing.assert_allclose(got[column].to_numpy(float), expected[column].to_numpy(float), equal_nan=True)
        assert (got["period"].to_numpy() == pd.to_datetime(expected["period"]).to_numpy()).all()
        seen.update(got["status"])
    assert {"green", "yellow", "red", "no_data", "stale"} <= seen  # the case covers every light


def test_no_values_and_no_indicators():
    indicators, measurements, targets = _frames()
    empty = measurements.iloc[:0]
    series = board_analytics(indicators, empty, targets, DEC).series
    cells = monthly_readings(indicators, series, empty, targets, last_months(DEC, 2))
    assert set(cells["status"]) == {"no_data"}
    none = monthly_readings(indicators.iloc[:0], series.iloc[:0], empty, targets, last_months(DEC, 2))
    assert none.empty


# ---------- groups ----------

@pytest.mark.parametrize(("name", "key"), [("Operación", "operacion"), (" organización ", "organizacion"),
                                           ("Investigación y desarrollo", "investigacion_y_desarrollo"),
                                           (None, "none"), ("  ", "none")])
def test_group_keys(name, key):
    assert group_key(name) == key


def test_groups_in_slide_13_order_then_added_groups_then_ungrouped():
    rows = [{"code": c, "group": g} for c, g in [("B-1", "Ventas"), ("A-1", "Calidad"), ("Z-1", "Sostenibilidad"),
                                                  ("N-1", None), ("A-2", "calidad")]]
    groups = _grouped(rows)
    assert [g["key"] for g in groups][:len(SLIDE_13_GROUPS)] == [group_key(g) for g in SLIDE_13_GROUPS]
    assert [g["key"] for g in groups][len(SLIDE_13_GROUPS):] == ["sostenibilidad", "none"]
    calidad = next(g for g in groups if g["key"] == "calidad")
    assert [r["code"] for r in calidad["indicators"]] == ["A-1", "A-2"]
    assert next(g for g in groups if g["key"] == "contexto")["indicators"] == []  # a gap still shows
    names = [group_name(g, "en") for g in groups]
    assert names[:3] == ["Context", "Strategy", "Commercial"] and names[-2:] == ["Sostenibilidad", "No group"]


# ---------- the heat table ----------

@pytest.mark.parametrize(("value", "unit", "lang", "decimals", "expected"), [
    (61_295_868, "MXN", "es", 0, "61.3 M"), (61_295_868, "MXN", "en", 0, "61.3M"), (397_354, "MXN", "es", 0, "397 mil"),
    (397_354, "$", "en", 0, "$397K"), (95.25, "%", "es", 1, "95.2%"), (3, "quejas", "es", 0, "3"), (None, "%", "es", 1, "—"),
])
def test_compact_values_fit_a_cell(value, unit, lang, decimals, expected):
    assert compact_value(value, unit, lang, decimals) == expected


def _row(**overrides):
    cells = [{"month": f"2025-{m:02d}-01", "period": f"2025-{m:02d}-01", "status": status, "actual": actual,
              "target": 95.0, "target_min": None, "target_max": None, "achievement": None if actual is None else actual / 95}
             for m, (status, actual) in enumerate([("green", 96.0), ("red", 80.0), ("no_data", None)], start=10)]
    return {"code": "OPE-06", "name": "OTIF", "unit": "%", "decimals": 1, "trend": "worsening", "cells": cells} | overrides


def test_a_cell_has_colour_icon_value_and_a_tooltip_with_the_word():
    row = _row()
    cell = heat_cell(row, row["cells"][1], "es")
    assert "mios-heat__cell--red" in cell.className and getattr(cell, "data-status") == "red"
    icons = [n for n in walk(cell) if isinstance(n, html.I)]
    assert len(icons) == 1 and STATUS_ICONS["red"] in icons[0].className
    assert cell.children[0] == "80.0%"
    assert cell.title == "OPE-06 · noviembre 2025: 80.0% — Fuera de meta (84.2%)"


def test_a_metric_row_links_to_the_indicator_and_ends_with_sparkline_and_trend():
    tr = metric_row(_row(), "en", {"period": "2025-12"})
    link = next(n for n in walk(tr) if getattr(n, "href", None))
    assert link.href == "/indicador/OPE-06?lang=en&period=2025-12"
    assert [getattr(c, "data-status", None) for c in tr.children[1:4]] == ["green", "red", "no_data"]
    last = tr.children[-1]
    assert any(isinstance(n, html.Img) and n.src.startswith("data:image/svg+xml") for n in walk(last))
    assert any("mios-trend--worsening" in (getattr(n, "className", "") or "") for n in walk(last))


def test_the_table_has_a_column_per_month_and_rows_per_group():
    table = {"months": ["2025-10-01", "2025-11-01", "2025-12-01"],
             "groups": [{"key": "contexto", "name": "Contexto", "known": True, "indicators": []},
                        {"key": "operacion", "name": "Operación", "known": True, "indicators": [_row()]}]}
    built = heat_table(table, "es")
    head = built.children[0].children
    assert len(head.children) == 3 + 2
    rows = built.children[1].children
    assert [getattr(r, "data-group", None) for r in rows] == ["contexto", None, "operacion", None]
    assert "Ningún indicador mide este grupo todavía." in str(rows[1].children.children)
    assert math.isclose(len([c for c in rows[3].children if "mios-heat__cell" in (c.className or "")]), 3)
