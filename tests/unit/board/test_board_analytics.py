"""The whole engine for a board month (docs/formulas.md) on hand-built indicators: year to date, trend, forecast, XmR,
and every edge case the issue lists. Expected numbers are worked by hand in the comments."""
from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from mios_dashboard.analytics.board import board_analytics

NAN = float("nan")
DEC = dt.date(2025, 12, 1)


def _indicator(id_=1, **overrides) -> dict:
    base = {
        "id": id_, "code": f"X-{id_}", "direction": "higher", "frequency": "monthly", "aggregation": "sum",
        "target": 100.0, "target_min": NAN, "target_max": NAN, "green_threshold": 1.0, "yellow_threshold": 0.9,
        "due": pd.NaT, "xmr_baseline_start": pd.NaT, "xmr_baseline_end": pd.NaT,
    }
    base.update(overrides)
    return base


def _run(indicators, values, month=DEC, targets=(), **options):
    frame = pd.DataFrame([i if isinstance(i, dict) else _indicator() for i in indicators])
    for column in ("due", "xmr_baseline_start", "xmr_baseline_end"):
        frame[column] = pd.to_datetime(frame[column])
    measurements = pd.DataFrame(list(values), columns=["indicator_id", "period", "value"])
    measurements["period"] = pd.to_datetime(measurements["period"])
    overrides = pd.DataFrame(list(targets), columns=["indicator_id", "period", "target", "target_min", "target_max"])
    overrides["period"] = pd.to_datetime(overrides["period"])
    return board_analytics(frame, measurements, overrides, month, **options)


def _monthly(values: dict[str, float], id_=1):
    return [(id_, f"{month}-01", value) for month, value in values.items()]


def _one(indicator, values, month=DEC, targets=()):
    return _run([indicator], values, month, targets).readings.iloc[0]


@pytest.mark.parametrize(
    ("aggregation", "ytd_actual", "ytd_target"),
    [
        # Jan–Dec 2025 values 10, 20, …, 120 (Nov missing); targets 100 a month, December overridden to 300.
        ("sum", 670.0, 1400.0),  # 10+…+120 = 780 − 110 = 670; 11 × 100 + 300 = 1400 (the plan to date)
        ("mean", 670.0 / 11, 1400.0 / 12),  # mean of the 11 values; mean of the 12 targets
        ("last", 120.0, 300.0),
        ("min", 10.0, 100.0),
        ("max", 120.0, 300.0),
    ],
)
def test_year_to_date_by_aggregation(aggregation, ytd_actual, ytd_target):
    values = {f"2025-{m:02d}": 10.0 * m for m in range(1, 13) if m != 11} | {"2024-12": 999.0}
    reading = _one(_indicator(aggregation=aggregation), _monthly(values), targets=[(1, "2025-12-01", 300.0, NAN, NAN)])
    assert reading["ytd_actual"] == pytest.approx(ytd_actual)
    assert reading["ytd_target"] == pytest.approx(ytd_target)
    assert reading["ytd_achievement"] == pytest.approx(ytd_actual / ytd_target)
    assert (reading["actual"], reading["target"]) == (120.0, 300.0)


def test_slope_trend_and_forecast_to_the_objective_due_date():
    # Jul–Dec 2025 = 90, 92, 94, 96, 98, 100: slope 2 a month > 1 % of 100 → improving.
    # Due 2026-06-15 → June 2026 is 6 months after December: 100 + 2·6 = 112; target there 100 → 1.12.
    values = _monthly({f"2025-{m:02d}": 90.0 + 2 * (m - 7) for m in range(7, 13)})
    reading = _one(_indicator(due=dt.date(2026, 6, 15)), values)
    assert reading["slope"] == pytest.approx(2.0) and reading["trend"] == "improving"
    assert reading["forecast_due"] == pd.Timestamp("2026-06-15")
    assert reading["forecast_value"] == pytest.approx(112.0) and reading["forecast_achievement"] == pytest.approx(1.12)
    # A per-period target at the due month is the one the forecast is judged against: 112 / 140 = 0.8.
    reading = _one(_indicator(due=dt.date(2026, 6, 15)), values, targets=[(1, "2026-06-01", 140.0, NAN, NAN)])
    assert reading["forecast_achievement"] == pytest.approx(0.8)
    # No objective due date → no forecast.
    assert math.isnan(_one(_indicator(), values)["forecast_value"])


def test_no_values():
    reading = _one(_indicator(), [])
    assert reading["status"] == "no_data" and math.isnan(reading["actual"]) and reading["points"] == 0
    assert math.isnan(reading["slope"]) and pd.isna(reading["trend"]) and math.isnan(reading["xmr_center"])
    assert math.isnan(reading["ytd_actual"]) and math.isnan(reading["ytd_achievement"])
    assert reading["ytd_target"] == 1200.0  # the plan to date exists without values: 12 × 100


def test_one_value():
    reading = _one(_indicator(due=dt.date(2026, 6, 30)), _monthly({"2025-12": 95.0}))
    assert (reading["actual"], reading["achievement"], reading["status"]) == (95.0, 0.95, "yellow")
    assert reading["points"] == 1 and math.isnan(reading["slope"]) and math.isnan(reading["forecast_value"])
    assert reading["ytd_actual"] == 95.0 and math.isnan(reading["xmr_center"])


def test_fewer_than_six_values_give_a_trend_but_no_limits():
    # Aug–Dec: 100, 99, 98, 97, 96 → slope −1, exactly the 1 % band → stable; 5 values → no XmR.
    engine = _run([_indicator()], _monthly({f"2025-{m:02d}": 108.0 - m for m in range(8, 13)}))
    reading = engine.readings.iloc[0]
    assert reading["slope"] == pytest.approx(-1.0) and reading["trend"] == "stable"
    assert reading["xmr_points"] == 5 and math.isnan(reading["xmr_center"]) and engine.signals.empty


def test_all_values_equal():
    engine = _run([_indicator()], _monthly({f"2025-{m:02d}": 7.0 for m in range(1, 13)}))
    reading = engine.readings.iloc[0]
    assert (reading["xmr_center"], reading["xmr_mr_bar"], reading["xmr_lower"], reading["xmr_upper"]) == (7.0, 0.0, 7.0, 7.0)
    assert engine.signals.empty and reading["slope"] == 0.0 and reading["trend"] == "stable"


@pytest.mark.parametrize(
    ("direction", "target", "actual", "achievement", "status"),
    [
        ("higher", 0.0, 5.0, NAN, "no_data"),  # target 0: no ratio; the light says no data, not red
        ("higher", -10.0, 5.0, NAN, "no_data"),
        ("lower", 0.0, 0.0, 2.0, "green"),  # zero accidents against a target of zero: the best result
        ("lower", 0.0, 3.0, 0.0, "red"),  # 0 / 3
        ("lower", 4.0, 0.0, 2.0, "green"),  # actual 0, lower is better → 2
        ("lower", -5.0, 3.0, NAN, "no_data"),  # a negative lower-is-better target has no achievement
    ],
)
def test_zero_and_negative_targets(direction, target, actual, achievement, status):
    values = _monthly({"2025-10": actual, "2025-11": actual, "2025-12": actual})
    reading = _one(_indicator(direction=direction, target=target, aggregation="mean"), values)
    assert reading["status"] == status
    assert (math.isnan(reading["achievement"]) and math.isnan(achievement)) or reading["achievement"] == achievement
    # Year to date follows the same rule (mean of the same values against the same target).
    assert (math.isnan(reading["ytd_achievement"]) and math.isnan(achievement)) or reading["ytd_achievement"] == achievement
    assert reading["trend"] == "stable"  # flat; the band falls back to the values when the target is 0


def test_gaps_inside_a_series():
    # Jan 10, Feb 20, (Mar missing), Apr 40, May 50, Jun 60: x = 0, 1, 3, 4, 5 lie on y = 10x + 10 → slope 10.
    values = _monthly({"2025-01": 10.0, "2025-02": 20.0, "2025-04": 40.0, "2025-05": 50.0, "2025-06": 60.0})
    engine = _run([_indicator()], values, month=dt.date(2025, 6, 1))
    reading = engine.readings.iloc[0]
    assert reading["slope"] == pytest.approx(10.0) and reading["points"] == 5
    assert reading["ytd_actual"] == 180.0 and reading["ytd_target"] == 600.0  # 10+20+40+50+60; Jan–Jun plan
    assert engine.series["period"].dt.month.tolist() == [1, 2, 4, 5, 6]  # the gap is not filled


def test_quarterly_and_yearly_read_in_a_month_that_does_not_close_their_period():
    quarterly = _indicator(1, frequency="quarterly", aggregation="sum", target=300.0)
    yearly = _indicator(2, frequency="yearly", aggregation="sum", target=1000.0)
    values = [(1, "2025-01-01", 280.0), (1, "2025-04-01", 290.0), (1, "2025-07-01", 330.0), (1, "2025-10-01", 50.0),
              (2, "2023-01-01", 900.0), (2, "2024-01-01", 1100.0), (2, "2025-01-01", 10.0)]
    engine = _run([quarterly, yearly], values, month=dt.date(2025, 11, 1))
    q, y = engine.readings.iloc[0], engine.readings.iloc[1]
    # November: Q3 is the last closed quarter; Q4's partial value stays out of the reading, YTD and series.
    assert (q["period"], q["actual"], q["achievement"]) == (pd.Timestamp("2025-07-01"), 330.0, 1.1)
    assert (q["ytd_actual"], q["ytd_target"]) == (900.0, 900.0)  # 280+290+330; 3 × 300
    assert q["slope"] == pytest.approx(25.0)  # 280, 290, 330 at x = 0, 1, 2: Σdxdy = 50, Σdx² = 2 → 25 a quarter
    # November 2025: 2024 is the last closed year; year to date of a yearly indicator is that year's value.
    assert (y["period"], y["actual"], y["ytd_actual"], y["ytd_target"]) == (pd.Timestamp("2024-01-01"), 1100.0, 1100.0, 1000.0)
    assert engine.series.groupby("indicator_id").size().tolist() == [3, 2]
    assert not q["stale"] and not y["stale"]  # the newer values (Q4, 2025) count for staleness


def test_a_week_spanning_two_months_belongs_to_its_monday():
    # Monday 29 Sep 2025 runs to 5 Oct: it is September's. Weekly sum, target 10 a week.
    weekly = _indicator(frequency="weekly", target=10.0)
    values = [(1, "2025-09-22", 9.0), (1, "2025-09-29", 12.0), (1, "2025-10-06", 11.0)]
    september = _one(weekly, values, month=dt.date(2025, 9, 1))
    assert (september["actual"], september["target"]) == (21.0, 50.0)  # 9 + 12; Mondays 1, 8, 15, 22, 29
    october = _one(weekly, values, month=dt.date(2025, 10, 1))
    assert (october["actual"], october["target"]) == (11.0, 40.0)  # Mondays 6, 13, 20, 27
    assert october["ytd_actual"] == 32.0  # 9 + 12 + 11


def test_29_february():
    # Daily mean indicator in a leap year: 29 days in February 2024, the 29th included.
    daily = _indicator(frequency="daily", aggregation="sum", target=1.0, due=dt.date(2028, 2, 29))
    values = [(1, f"2024-02-{d:02d}", 1.0) for d in range(1, 30)] + [(1, "2024-01-31", 1.0), (1, "2023-12-31", 5.0)]
    engine = _run([daily], values, month=dt.date(2024, 2, 1))
    reading = engine.readings.iloc[0]
    assert (reading["actual"], reading["target"], reading["achievement"]) == (29.0, 29.0, 1.0)
    assert (reading["ytd_actual"], reading["ytd_target"]) == (30.0, 60.0)  # 1 + 29; 31 + 29 days of plan
    assert engine.series["value"].tolist() == [5.0, 1.0, 29.0]  # Dec 2023, Jan, Feb as monthly sums
    assert reading["forecast_due"] == pd.Timestamp("2028-02-29")


def test_a_board_month_before_any_data():
    engine = _run([_indicator(due=dt.date(2026, 1, 31))], _monthly({"2025-01": 5.0, "2025-02": 6.0}),
                  month=dt.date(2020, 3, 1))
    reading = engine.readings.iloc[0]
    assert reading["status"] == "no_data" and not reading["stale"] and pd.isna(reading["last_period"])
    assert reading["points"] == 0 and math.isnan(reading["ytd_actual"]) and math.isnan(reading["forecast_value"])
    assert engine.series.empty and engine.signals.empty


def test_stale_and_missing_last_month_keep_their_history():
    # A: values Jan–Nov, read in December → no_data (one month late) with a trend; B: Jan–Jun → stale.
    a = _monthly({f"2025-{m:02d}": 100.0 + m for m in range(1, 12)}, id_=1)
    b = _monthly({f"2025-{m:02d}": 100.0 - m for m in range(1, 7)}, id_=2)
    engine = _run([_indicator(1), _indicator(2)], a + b)
    first, second = engine.readings.iloc[0], engine.readings.iloc[1]
    assert first["status"] == "no_data" and first["slope"] == pytest.approx(1.0) and first["xmr_points"] == 11
    assert second["status"] == "stale" and second["slope"] == pytest.approx(-1.0) and second["trend"] == "stable"
    assert second["last_period"] == pd.Timestamp("2025-06-01") and second["xmr_points"] == 6


def test_xmr_on_the_series_with_an_indicator_baseline_window():
    # 2024: twelve months alternating 10/12 (centre 11, mR̄ 2); from 2025 a deliberate change to ~20.
    values = _monthly({f"2024-{m:02d}": 10.0 + 2 * (m % 2) for m in range(1, 13)})
    values += _monthly({f"2025-{m:02d}": 20.0 + (m % 2) for m in range(1, 13)})
    default = _run([_indicator()], values)
    # First 20 values: 2024 = 6 × 12 + 6 × 10 = 132; Jan–Aug 2025 = 4 × 21 + 4 × 20 = 164 → 296 / 20 = 14.8.
    assert default.readings.iloc[0]["xmr_center"] == pytest.approx(14.8)
    windowed = _run([_indicator(xmr_baseline_start=dt.date(2025, 1, 15), xmr_baseline_end=dt.date(2025, 12, 31))], values)
    reading = windowed.readings.iloc[0]
    assert reading["xmr_center"] == pytest.approx(20.5) and reading["xmr_mr_bar"] == pytest.approx(1.0)
    assert (reading["xmr_first"], reading["xmr_last"]) == (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-01"))
    # Every 2024 value lies below 20.5 − 2.66 = 17.84 (rule 1, 12 times) and below 20.5 − 1.33 = 19.17, so
    # rule 2 from the 3rd value on (10 times); the run below the centre signals from its 8th value (5 times).
    rules = windowed.signals.groupby("rule").size().to_dict()
    assert rules == {1: 12, 2: 10, 3: 5}
    assert windowed.signals["period"].is_monotonic_increasing


def test_inactive_indicators_values_are_ignored_and_order_is_kept():
    values = _monthly({"2025-12": 50.0}, id_=7) + _monthly({"2025-12": 110.0}, id_=2) + _monthly({"2025-12": 90.0}, id_=5)
    engine = _run([_indicator(5), _indicator(2)], values)
    assert engine.readings["id"].tolist() == [5, 2] and engine.readings["actual"].tolist() == [90.0, 110.0]
    assert sorted(engine.series["indicator_id"].tolist()) == [2, 5]


def test_kept_series_points_and_lights_only_change_nothing_else():
    """`series_points` trims the series returned, not what is computed from it; `lights_only` leaves out the
    year to date, trend and forecast and gives the same light, reading and XmR (limits and signals)."""
    values = _monthly({f"2024-{m:02d}": 10.0 + 2 * (m % 2) for m in range(1, 13)})
    values += _monthly({f"2025-{m:02d}": 20.0 + (m % 2) for m in range(1, 13)})
    values += _monthly({f"2025-{m:02d}": 90.0 + m for m in range(3, 12)}, id_=2)
    indicators = [_indicator(due=dt.date(2026, 6, 30)), _indicator(2, direction="lower")]
    full = _run(indicators, values)
    trimmed = _run(indicators, values, series_points=3)
    pd.testing.assert_frame_equal(trimmed.readings, full.readings)
    pd.testing.assert_frame_equal(trimmed.signals, full.signals)
    expected = full.series.groupby("indicator_id").tail(3).reset_index(drop=True)
    pd.testing.assert_frame_equal(trimmed.series, expected)
    assert trimmed.series.groupby("indicator_id").size().to_dict() == {1: 3, 2: 3}

    lights = _run(indicators, values, lights_only=True)
    assert lights.series.empty and not {"ytd_actual", "trend", "forecast_value"} & set(lights.readings)
    pd.testing.assert_frame_equal(lights.readings, full.readings[list(lights.readings.columns)])
    pd.testing.assert_frame_equal(lights.signals, full.signals)
