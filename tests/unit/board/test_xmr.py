"""XmR natural process limits and signals (docs/formulas.md#xmr), worked by hand, against a published example, and as properties."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mios_dashboard.analytics.xmr import xmr_limits, xmr_signals

NAN = float("nan")
# centre = (10+12+11+13+14+12)/6 = 72/6 = 12; moving ranges 2,1,2,1,2 → mR̄ = 8/5 = 1.6;
# limits 12 ± 2.66·1.6 = 12 ± 4.256 → [7.744, 16.256]; half-way lines 12 ± 1.33·1.6 = 12 ± 2.128 → 9.872, 14.128.
BASE = [10.0, 12.0, 11.0, 13.0, 14.0, 12.0]


def _series(values, ordinals=None, position=0) -> pd.DataFrame:
    ordinals = list(range(len(values))) if ordinals is None else ordinals
    return pd.DataFrame({"position": position, "ordinal": ordinals, "value": [float(v) for v in values]})


def _windows(first=NAN, last=NAN, size=1) -> pd.DataFrame:
    return pd.DataFrame({"first": [first] * size, "last": [last] * size, "capped": [math.isnan(last)] * size})


def _xmr(values, ordinals=None, **window):
    series = _series(values, ordinals)
    limits = xmr_limits(series, _windows(**window))
    signals = xmr_signals(series, limits)
    return limits.iloc[0], list(zip(signals["ordinal"].tolist(), signals["rule"].tolist()))


def test_limits_by_hand():
    limits, signals = _xmr(BASE)
    assert (limits["center"], limits["mr_bar"]) == (pytest.approx(12.0), pytest.approx(1.6))
    assert (limits["lower"], limits["upper"]) == (pytest.approx(7.744), pytest.approx(16.256))
    assert limits["points"] == 6 and signals == []


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ([20.0], [(6, 1)]),  # 20 > 16.256: rule 1 at the 7th value
        ([4.0], [(6, 1)]),  # 4 < 7.744
        # 15 > 14.128 at ordinals 6, 7 and 9 (12 at 8 is not): the last four at 9 are 15, 15, 12, 15 → 3 of 4;
        # at 7 they are 13(no), 14(no, < 14.128), 15, 15 → only 2. Rule 2 only at 9, where the pattern completes.
        ([15.0, 15.0, 12.0, 15.0], [(9, 2)]),
        ([9.0, 9.0, 12.0, 9.0], [(9, 2)]),  # the same below 9.872
        # The baseline ends on the centre (12), so the run of 12.5s starts at 6; its 8th value is at 13.
        ([12.5] * 9, [(13, 3), (14, 3)]),
        ([12.0, 11.0] * 4, []),  # a value on the centre ends a run
    ],
)
def test_each_rule_at_the_value_completing_it(tail, expected):
    _, signals = _xmr(BASE + tail, last=5.0)  # baseline: BASE only (else the tail would join it)
    assert signals == expected


def test_rules_together_are_listed_by_period_then_rule_once_each():
    # Seven 12.5s (run 1..7), then 20: the 8th value of the run and outside the limits.
    _, signals = _xmr(BASE + [12.5] * 7 + [20.0], last=5.0)
    assert signals == [(13, 1), (13, 3)]


def test_fewer_than_six_values_give_no_limits():
    limits, signals = _xmr(BASE[:5])
    assert limits["points"] == 5 and math.isnan(limits["center"]) and math.isnan(limits["upper"]) and signals == []


def test_no_values_and_one_value():
    limits = xmr_limits(_series([]), _windows())
    assert limits.loc[0, "points"] == 0 and math.isnan(limits.loc[0, "center"])
    limits, signals = _xmr([5.0])
    assert limits["points"] == 1 and math.isnan(limits["center"]) and signals == []


def test_all_values_equal_give_mr_zero_and_no_signal():
    # 0.1 twenty times does not add up to exactly 2.0 in floating point: the centre must still be 0.1 exactly,
    # or every value would sit "above" it and make runs.
    limits, signals = _xmr([0.1] * 25)
    assert limits["center"] == 0.1 and limits["mr_bar"] == 0.0 and limits["lower"] == limits["upper"] == 0.1
    assert signals == []
    # Limits closed on the centre: any different value is a signal.
    _, signals = _xmr([0.1] * 8 + [0.2], last=7.0)
    assert signals == [(8, 1)]  # outside; not rule 2 (one of the last four beyond the half-way line)


def test_baseline_is_the_first_twenty_values():
    # 20 values of the BASE pattern, then a shift to 30: limits from the first 20 only.
    values = (BASE * 4)[:20] + [30.0] * 8
    limits, signals = _xmr(values)
    # First 20 = BASE three times (3 × 72 = 216) + 10 + 12 → 238, centre 11.9. Moving ranges: 8 inside each
    # BASE (×3 = 24), 12→10 at the two joins (4), 12→10 into the 19th value (2), 10→12 (2) → 32, mR̄ = 32/19.
    assert limits["points"] == 20
    assert limits["center"] == pytest.approx(238 / 20) and limits["mr_bar"] == pytest.approx(32 / 19)
    # 30 > 11.9 + 2.66 · 32/19 = 16.38: every value after the shift is outside the limits.
    assert [(o, r) for o, r in signals if r == 1] == [(o, 1) for o in range(20, 28)]


def test_a_baseline_window_chosen_for_the_indicator():
    # Window on ordinals 10..15 (after a deliberate change): centre and mR̄ of those six values only.
    values = [50.0] * 10 + BASE + [12.0] * 4
    limits, _ = _xmr(values, first=10.0, last=15.0)
    assert limits["points"] == 6 and limits["center"] == pytest.approx(12.0) and limits["mr_bar"] == pytest.approx(1.6)
    assert (limits["first"], limits["last"]) == (10.0, 15.0)
    # A window opening at 10 without an end takes the first 20 values from there (here all 10).
    limits, _ = _xmr(values, first=10.0)
    assert limits["points"] == 10
    # A window with fewer than 6 values has no limits, whatever the rest of the series.
    limits, _ = _xmr(values, first=10.0, last=13.0)
    assert math.isnan(limits["center"])


def test_gaps_are_skipped_not_filled():
    # Same values at ordinals 0, 1, 3, 4, 7, 8: moving ranges are between successive values, as without gaps.
    limits, _ = _xmr(BASE, ordinals=[0, 1, 3, 4, 7, 8])
    assert limits["center"] == pytest.approx(12.0) and limits["mr_bar"] == pytest.approx(1.6)


def test_several_indicators_at_once_do_not_mix():
    parts = [BASE + [12.5] * 9, [1.0] * 3, [20.0] + BASE, BASE + [4.0]]
    series = pd.concat([_series(values, position=k) for k, values in enumerate(parts)], ignore_index=True)
    windows = pd.DataFrame({"first": [NAN, NAN, 1.0, NAN], "last": [5.0, NAN, NAN, 5.0], "capped": [False, True, True, False]})
    limits = xmr_limits(series, windows)
    signals = xmr_signals(series, limits)
    for k, values in enumerate(parts):
        alone, alone_signals = _xmr(values, **{c: windows.loc[k, c] for c in ("first", "last")})
        pd.testing.assert_series_equal(limits.iloc[k], alone, check_names=False)
        mine = signals[signals["position"] == k]
        assert list(zip(mine["ordinal"], mine["rule"])) == alone_signals
    # The run of 12.5s (13, 14); the 20 before the chosen baseline (signals cover the whole series); the 4.
    assert list(zip(signals["position"], signals["ordinal"], signals["rule"])) == [(0, 13, 3), (0, 14, 3), (2, 0, 1), (3, 6, 1)]


def test_nist_individuals_chart_example():
    """NIST/SEMATECH e-Handbook of Statistical Methods, §6.3.2.2 "Individuals Control Charts"
    (https://www.itl.nist.gov/div898/handbook/pmc/section3/pmc322.htm): flow rate of the first 10 batches
    of a new process; the page prints Xbar = 50.81, MRbar = 1.8778, UCL = 55.8041, LCL = 45.8159 with
    3·MRbar/1.128, and finds the process in control.

    We reproduce Xbar and MRbar exactly, the printed limits exactly when using the Handbook's 3/d2 = 3/1.128,
    and our own limits with Wheeler's rounded 2.66 (docs/formulas.md#xmr), which differ only by that constant's rounding
    (|2.66 − 3/1.128| · MRbar < 0.001).
    """
    flow = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1]
    limits, signals = _xmr(flow)
    assert round(limits["center"], 2) == 50.81
    assert round(limits["mr_bar"], 4) == 1.8778
    assert round(limits["center"] + 3 * limits["mr_bar"] / 1.128, 4) == 55.8041
    assert round(limits["center"] - 3 * limits["mr_bar"] / 1.128, 4) == 45.8159
    assert round(limits["upper"], 4) == 55.8049 and round(limits["lower"], 4) == 45.8151  # 50.81 ± 2.66·1.87778
    assert abs(limits["upper"] - 55.8041) < 0.001 and abs(limits["lower"] - 45.8159) < 0.001
    assert signals == []  # "the process is in control"


values_strategy = st.lists(st.integers(-1000, 1000), min_size=6, max_size=40)


@settings(max_examples=150, deadline=None)
@given(values=values_strategy, shift=st.integers(-10_000, 10_000))
def test_limits_move_with_an_added_constant(values, shift):
    base, base_signals = _xmr(values)
    moved, moved_signals = _xmr([v + shift for v in values])
    assert moved["center"] == pytest.approx(base["center"] + shift, abs=1e-9)
    assert moved["mr_bar"] == pytest.approx(base["mr_bar"], abs=1e-9)
    assert moved["upper"] == pytest.approx(base["upper"] + shift, abs=1e-9)
    assert moved["lower"] == pytest.approx(base["lower"] + shift, abs=1e-9)
    assert moved_signals == base_signals


@settings(max_examples=150, deadline=None)
@given(values=values_strategy, factor=st.sampled_from([0.25, 0.5, 2.0, 8.0, 1024.0]),
       other=st.floats(0.001, 1000, allow_nan=False))
def test_limits_scale_with_a_positive_factor(values, factor, other):
    base, base_signals = _xmr(values)
    scaled, scaled_signals = _xmr([v * factor for v in values])
    for column in ("center", "mr_bar", "lower", "upper"):
        assert scaled[column] == base[column] * factor  # powers of two scale exactly
    assert scaled_signals == base_signals
    anyhow, _ = _xmr([v * other for v in values])
    for column in ("center", "mr_bar", "lower", "upper"):
        assert anyhow[column] == pytest.approx(base[column] * other, rel=1e-9, abs=1e-9)


def test_signals_output_is_sorted_and_unique_on_a_long_random_series():
    rng = np.random.default_rng(3)
    values = list(np.round(rng.normal(10, 1, 120), 2)) + list(np.round(rng.normal(13, 1, 40), 2))
    _, signals = _xmr(values)
    assert signals == sorted(set(signals)) and signals
