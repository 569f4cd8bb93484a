"""Roll-ups by aggregation and the periods they cover (docs/formulas.md#roll-ups): worked by hand, and as properties."""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mios_dashboard.analytics.periods import frequency_codes, series_ordinal
from mios_dashboard.analytics.rollup import (
    AGGREGATION_CODES,
    native_periods,
    override_lookup,
    reduce_segments,
    rolled_targets,
    segment_starts,
    year_to_date_keys,
)

NAN = float("nan")


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        # Segments: [1, 2, 6] | [4] | [NaN, 5] | [NaN]
        ("sum", [9.0, 4.0, 5.0, NAN]),  # 1+2+6; missing values skipped; nothing to add up stays missing
        ("mean", [3.0, 4.0, 5.0, NAN]),  # 9/3
        ("last", [6.0, 4.0, 5.0, NAN]),
        ("min", [1.0, 4.0, 5.0, NAN]),
        ("max", [6.0, 4.0, 5.0, NAN]),
    ],
)
def test_reduce_segments(how, expected):
    values = np.array([1.0, 2.0, 6.0, 4.0, NAN, 5.0, NAN])
    starts = segment_starts(np.array([0, 0, 0, 1, 2, 2, 3]))
    result = reduce_segments(values, starts, np.full(4, AGGREGATION_CODES[how]))
    np.testing.assert_array_equal(result, expected)


def test_each_segment_uses_its_own_aggregation():
    values = np.array([1.0, 2.0, 6.0, 4.0, 3.0])
    starts = segment_starts(np.array([0, 0, 0, 1, 1]))
    how = np.array([AGGREGATION_CODES["last"], AGGREGATION_CODES["sum"]])
    np.testing.assert_array_equal(reduce_segments(values, starts, how), [6.0, 7.0])
    assert len(reduce_segments(np.zeros(0), np.zeros(0, dtype="int64"), np.zeros(0, dtype="int64"))) == 0


def _native(frequency: str, month: str) -> list[dt.date]:
    codes = frequency_codes([frequency])
    ordinal = series_ordinal(np.array([np.datetime64(month, "ns")]), codes)
    _, days = native_periods(np.array([0]), ordinal, codes)
    return [dt.date(1970, 1, 1) + dt.timedelta(days=int(d)) for d in days]


def test_native_periods_of_a_month():
    # December 2025: Mondays 1, 8, 15, 22, 29 (the week of the 29th spans into January and stays in December).
    assert _native("weekly", "2025-12-01") == [dt.date(2025, 12, d) for d in (1, 8, 15, 22, 29)]
    # September 2025: the week of Monday 29 spans into October and belongs to September.
    assert _native("weekly", "2025-09-01")[-1] == dt.date(2025, 9, 29)
    assert _native("weekly", "2025-10-01")[0] == dt.date(2025, 10, 6)
    assert len(_native("daily", "2024-02-01")) == 29 and _native("daily", "2024-02-01")[-1] == dt.date(2024, 2, 29)
    assert len(_native("daily", "2025-02-01")) == 28
    assert _native("weekly", "2024-02-01")[-1] == dt.date(2024, 2, 26)  # covers 26 Feb – 3 Mar of a leap year
    assert _native("monthly", "2025-07-01") == [dt.date(2025, 7, 1)]
    assert _native("quarterly", "2025-08-01") == [dt.date(2025, 7, 1)]
    assert _native("yearly", "2025-08-01") == [dt.date(2025, 1, 1)]


def _ind(frequency: str, aggregation: str, target=100.0, lo=NAN, hi=NAN) -> dict:
    return {"code": frequency_codes([frequency]), "how": np.array([AGGREGATION_CODES[aggregation]]),
            "target": np.array([target]), "target_min": np.array([lo]), "target_max": np.array([hi])}


def _overrides(rows) -> tuple:
    frame = pd.DataFrame(rows, columns=["indicator_id", "period", "target", "target_min", "target_max"])
    frame["period"] = pd.to_datetime(frame["period"])
    return override_lookup(frame, pd.Index([1]))


def _december(ind, overrides) -> dict:
    ordinal = series_ordinal(np.array([np.datetime64("2025-12-01", "ns")]), ind["code"])
    return {k: v[0] for k, v in rolled_targets(ind, overrides, np.array([0]), ordinal).items()}


def test_weekly_targets_roll_up_with_overrides():
    overrides = _overrides([(1, "2025-12-08", 150.0, NAN, NAN)])
    # Sum: four weeks at 100 and the week of the 8th at 150 → 550; mean 550/5 = 110; last: week of the 29th → 100.
    assert _december(_ind("weekly", "sum"), overrides)["target"] == 550.0
    assert _december(_ind("weekly", "mean"), overrides)["target"] == 110.0
    assert _december(_ind("weekly", "last"), overrides)["target"] == 100.0
    assert _december(_ind("weekly", "max"), overrides)["target"] == 150.0
    # An override on a day that is not a period start (a Tuesday) is not a weekly period: ignored.
    assert _december(_ind("weekly", "sum"), _overrides([(1, "2025-12-09", 150.0, NAN, NAN)]))["target"] == 500.0


def test_grouped_targets_need_the_group_count():
    ind = _ind("monthly", "sum")
    ordinal = series_ordinal(np.array([np.datetime64("2025-12-01", "ns")]), ind["code"])
    with pytest.raises(TypeError, match="size"):
        rolled_targets(ind, _overrides([]), np.array([0]), ordinal, group=np.array([0]))
    grouped = rolled_targets(ind, _overrides([]), np.array([0]), ordinal, group=np.array([0]), size=1)
    assert grouped["target"].tolist() == [100.0]


def test_range_overrides_fill_each_bound_separately():
    ind = _ind("monthly", "mean", target=NAN, lo=40.0, hi=60.0)
    rolled = _december(ind, _overrides([(1, "2025-12-01", NAN, 45.0, 55.0)]))
    assert (math.isnan(rolled["target"]), rolled["target_min"], rolled["target_max"]) == (True, 45.0, 55.0)


def test_year_to_date_keys():
    codes = frequency_codes(["monthly", "quarterly", "yearly", "weekly"])
    report = series_ordinal(pd.to_datetime(["2025-11-01", "2025-07-01", "2024-01-01", "2025-02-01"]).to_numpy(), codes)
    position, ordinal = year_to_date_keys(np.arange(4), report, codes)
    assert np.bincount(position).tolist() == [11, 3, 1, 2]  # Jan–Nov; Q1–Q3; the year; Jan–Feb
    assert ordinal[:11].tolist() == list(range(report[0] - 10, report[0] + 1))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(-10**6, 10**6), min_size=1, max_size=30), min_size=1, max_size=20))
def test_roll_up_of_sums_equals_the_sum(groups):
    values = np.array([v for g in groups for v in g], dtype="float64")
    keys = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
    starts = segment_starts(keys)
    rolled = reduce_segments(values, starts, np.zeros(len(groups), dtype="int64"))
    assert rolled.tolist() == [float(sum(g)) for g in groups]  # integers: exact
    # Rolling up twice (values → groups → one total) equals rolling up once.
    assert reduce_segments(rolled, np.array([0]), np.array([0]))[0] == float(values.sum())
