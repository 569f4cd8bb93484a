"""Reporting periods and staleness for a board month (docs/formulas.md#reporting-period)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from mios_dashboard.analytics.board import indicator_readings
from mios_dashboard.analytics.periods import (
    frequency_codes,
    month_periods,
    ordinal_start,
    period_start,
    reporting_period,
    series_ordinal,
)


def _dates(series) -> list[dt.date]:
    return [d.date() for d in series]


def test_reporting_period_of_each_frequency():
    freqs = pd.Series(["monthly", "weekly", "daily", "quarterly", "yearly"])
    assert _dates(reporting_period(dt.date(2025, 10, 1), freqs)) == [
        dt.date(2025, 10, 1), dt.date(2025, 10, 1), dt.date(2025, 10, 1),
        dt.date(2025, 7, 1),  # in October a quarterly indicator shows Q3
        dt.date(2024, 1, 1),  # 2025 has not closed yet
    ]
    assert _dates(reporting_period(dt.date(2025, 12, 1), freqs))[3:] == [dt.date(2025, 10, 1), dt.date(2025, 1, 1)]
    assert _dates(reporting_period(dt.date(2025, 9, 1), freqs))[3] == dt.date(2025, 7, 1)


def test_period_start_normalises_by_frequency():
    dates = pd.Series(pd.to_datetime(["2025-12-31", "2024-02-29"]))
    assert _dates(period_start(dates, "weekly")) == [dt.date(2025, 12, 29), dt.date(2024, 2, 26)]
    assert _dates(period_start(dates, "quarterly")) == [dt.date(2025, 10, 1), dt.date(2024, 1, 1)]
    assert _dates(period_start(dates, "yearly")) == [dt.date(2025, 1, 1), dt.date(2024, 1, 1)]


def test_weeks_belong_to_the_month_of_their_monday():
    # December 2025: Mondays 1, 8, 15, 22, 29 (the week of the 29th spans into January).
    assert month_periods(dt.date(2025, 12, 1), "weekly") == [dt.date(2025, 12, d) for d in (1, 8, 15, 22, 29)]
    assert len(month_periods(dt.date(2024, 2, 1), "daily")) == 29  # leap year


def _indicators(**overrides) -> pd.DataFrame:
    base = {
        "id": 1, "code": "X-1", "direction": "higher", "frequency": "monthly", "aggregation": "sum",
        "target": 100.0, "target_min": float("nan"), "target_max": float("nan"),
        "green_threshold": 1.0, "yellow_threshold": 0.9,
    }
    base.update(overrides)
    return pd.DataFrame([base])


def _measurements(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["indicator_id", "period", "value"])
    frame["period"] = pd.to_datetime(frame["period"])
    return frame


NO_TARGETS = pd.DataFrame(
    {"indicator_id": pd.Series(dtype="int64"), "period": pd.Series(dtype="datetime64[ns]"),
     "target": pd.Series(dtype="float64"), "target_min": pd.Series(dtype="float64"), "target_max": pd.Series(dtype="float64")}
)


def test_stale_versus_no_data_in_december():
    # Last measured in October: its end (Oct 31) is 61 days before Dec 31 > 1.5 months → stale.
    october = indicator_readings(_indicators(), _measurements([(1, "2025-10-01", 90.0)]), NO_TARGETS, dt.date(2025, 12, 1))
    assert october.loc[0, "status"] == "stale"
    # Last measured in November: 31 days ≤ 45.7 → no_data.
    november = indicator_readings(_indicators(), _measurements([(1, "2025-11-01", 90.0)]), NO_TARGETS, dt.date(2025, 12, 1))
    assert november.loc[0, "status"] == "no_data"


def test_weekly_values_and_targets_roll_up_into_the_month():
    # Weekly sum indicator, target 100 a week; December 2025 has five Mondays → monthly target 500.
    values = _measurements([(1, f"2025-12-{d:02d}", 110.0) for d in (1, 8, 15, 22)] + [(1, "2025-11-24", 999.0)])
    reading = indicator_readings(_indicators(frequency="weekly"), values, NO_TARGETS, dt.date(2025, 12, 1)).iloc[0]
    assert reading["actual"] == 440.0  # 4 × 110; the week of Nov 24 belongs to November
    assert reading["target"] == 500.0
    assert reading["achievement"] == 0.88  # 440 / 500
    assert reading["status"] == "red"


def test_per_period_target_override_wins():
    targets = pd.DataFrame(
        {"indicator_id": [1], "period": [pd.Timestamp("2025-12-01")], "target": [200.0],
         "target_min": [float("nan")], "target_max": [float("nan")]}
    )
    reading = indicator_readings(_indicators(), _measurements([(1, "2025-12-01", 190.0)]), targets, dt.date(2025, 12, 1)).iloc[0]
    assert reading["target"] == 200.0
    assert reading["achievement"] == 0.95  # 190 / 200
    assert reading["status"] == "yellow"


def test_quarterly_indicator_read_in_a_month_that_does_not_close_its_quarter():
    values = _measurements([(1, "2025-07-01", 120.0), (1, "2025-10-01", 50.0)])
    reading = indicator_readings(_indicators(frequency="quarterly", aggregation="mean"), values, NO_TARGETS, dt.date(2025, 11, 1)).iloc[0]
    assert reading["period"] == pd.Timestamp("2025-07-01")  # Q3, not the open Q4
    assert reading["actual"] == 120.0
    assert reading["status"] == "green"


def test_weekly_indicator_without_a_range_keeps_no_range_bounds():
    values = _measurements([(1, "2025-12-01", 110.0)])
    reading = indicator_readings(_indicators(frequency="weekly"), values, NO_TARGETS, dt.date(2025, 12, 1)).iloc[0]
    assert pd.isna(reading["target_min"]) and pd.isna(reading["target_max"])


def test_series_ordinals_step_by_month_quarter_or_year():
    frequencies = ["daily", "weekly", "monthly", "quarterly", "yearly"]
    codes = frequency_codes(frequencies)
    dates = pd.to_datetime(["2024-02-29", "2025-09-29", "1970-01-01", "2025-11-30", "2025-06-15"]).to_numpy()
    ordinals = series_ordinal(dates, codes)
    # Months since 1970-01: Feb 2024 = 54·12 + 1 = 649; Sep 2025 = 55·12 + 8 = 668 (the week of Monday 29 Sep);
    # quarters since 1970: Q4 2025 = 55·4 + 3 = 223; years: 2025 − 1970 = 55.
    assert ordinals.tolist() == [649, 668, 0, 223, 55]
    assert _dates(pd.to_datetime(ordinal_start(ordinals, codes))) == [
        dt.date(2024, 2, 1), dt.date(2025, 9, 1), dt.date(1970, 1, 1), dt.date(2025, 10, 1), dt.date(2025, 1, 1)
    ]
    assert (ordinal_start(ordinals + 1, codes)[3], ordinal_start(ordinals + 1, codes)[4]) == (
        pd.Timestamp("2026-01-01"), pd.Timestamp("2026-01-01"))


def test_yearly_indicator_in_a_month_that_does_not_close_its_year():
    values = _measurements([(1, "2024-01-01", 120.0), (1, "2025-01-01", 10.0)])
    reading = indicator_readings(_indicators(frequency="yearly", aggregation="sum"), values, NO_TARGETS, dt.date(2025, 6, 1)).iloc[0]
    assert (reading["period"], reading["actual"], reading["status"]) == (pd.Timestamp("2024-01-01"), 120.0, "green")


def test_february_29_weeks_and_days():
    dates = pd.Series(pd.to_datetime(["2024-02-29", "2024-03-01"]))
    assert _dates(period_start(dates, "weekly")) == [dt.date(2024, 2, 26), dt.date(2024, 2, 26)]  # one week
    assert _dates(period_start(dates, "monthly")) == [dt.date(2024, 2, 1), dt.date(2024, 3, 1)]
    assert month_periods(dt.date(2024, 2, 1), "weekly")[-1] == dt.date(2024, 2, 26)
