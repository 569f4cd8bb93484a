"""Achievement and status (docs/formulas.md#achievement), with the arithmetic worked by hand in each case."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mios_dashboard.analytics.achievement import achievement, score_status, status

NAN = float("nan")


def _one(direction, actual, target=NAN, lo=NAN, hi=NAN) -> float:
    frame = pd.DataFrame(
        {"direction": [direction], "actual": [actual], "target": [target], "target_min": [lo], "target_max": [hi]}
    )
    return achievement(frame).iloc[0]


@pytest.mark.parametrize(
    ("direction", "actual", "target", "lo", "hi", "expected"),
    [
        ("higher", 95.0, 100.0, NAN, NAN, 0.95),  # 95 / 100
        ("higher", 130.0, 100.0, NAN, NAN, 1.30),  # 130 / 100, not capped here (the cap is for scores)
        ("higher", -5.0, 100.0, NAN, NAN, 0.0),  # max(0, -0.05)
        ("higher", 50.0, 0.0, NAN, NAN, NAN),  # target 0: no achievement
        ("lower", 4.0, 5.0, NAN, NAN, 1.25),  # 5 / 4
        ("lower", 8.0, 4.0, NAN, NAN, 0.5),  # 4 / 8
        ("lower", 1.0, 5.0, NAN, NAN, 2.0),  # min(2, 5 / 1 = 5)
        ("lower", 0.0, 5.0, NAN, NAN, 2.0),  # actual ≤ 0 → 2
        ("lower", -1.0, 5.0, NAN, NAN, 2.0),  # actual below 0 → 2
        ("lower", 3.0, 0.0, NAN, NAN, 0.0),  # target 0 (zero accidents), 3 happened: 0 / 3
        ("lower", 0.0, 0.0, NAN, NAN, 2.0),  # target 0 met
        ("lower", 3.0, -2.0, NAN, NAN, NAN),  # negative lower-is-better target: no ratio
        ("higher", 5.0, -2.0, NAN, NAN, NAN),  # negative higher-is-better target: no ratio
        ("range", -3.0, NAN, -5.0, -1.0, 1.0),  # a range may be negative: inside [−5, −1]
        ("range", 1.0, NAN, -5.0, -1.0, 0.5),  # 1 − 2 / 4
        ("range", 50.0, NAN, 40.0, 60.0, 1.0),  # inside [40, 60]
        ("range", 35.0, NAN, 40.0, 60.0, 0.75),  # 1 - 5 / 20
        ("range", 66.0, NAN, 40.0, 60.0, 0.70),  # 1 - 6 / 20
        ("range", 100.0, NAN, 40.0, 60.0, 0.0),  # max(0, 1 - 40 / 20)
        ("higher", NAN, 100.0, NAN, NAN, NAN),  # no actual
    ],
)
def test_achievement_by_direction(direction, actual, target, lo, hi, expected):
    result = _one(direction, actual, target, lo, hi)
    if math.isnan(expected):
        assert math.isnan(result)
    else:
        assert result == pytest.approx(expected)


def _status(a, has_value=True, stale=False, green=1.0, yellow=0.9) -> str:
    frame = pd.DataFrame(
        {"achievement": [a], "green_threshold": [green], "yellow_threshold": [yellow], "has_value": [has_value], "stale": [stale]}
    )
    return status(frame).iloc[0]


def test_status_thresholds():
    assert _status(1.0) == "green"
    assert _status(0.95) == "yellow"
    assert _status(0.9) == "yellow"
    assert _status(0.8999) == "red"
    assert _status(0.97, green=0.95, yellow=0.85) == "green"
    assert _status(NAN, has_value=False) == "no_data"
    assert _status(NAN, has_value=False, stale=True) == "stale"
    assert _status(NAN, has_value=True) == "no_data"  # a value but no usable target


def test_score_status():
    assert score_status(None) == "no_data"
    assert score_status(1.1) == "green"
    assert score_status(0.91) == "yellow"
    assert score_status(0.5) == "red"


finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(a=finite, b=finite, target=st.floats(0.01, 1e6))
def test_achievement_is_monotonic_in_the_actual_by_direction(a, b, target):
    low, high = min(a, b), max(a, b)
    assert _one("higher", low, target) <= _one("higher", high, target)  # more is never worse
    assert _one("lower", low, target) >= _one("lower", high, target)  # less is never worse
    lo, hi = target, target * 2
    if high <= lo:  # below the range, closer is better
        assert _one("range", low, NAN, lo, hi) <= _one("range", high, NAN, lo, hi)
    if low >= hi:  # above it, closer is better
        assert _one("range", low, NAN, lo, hi) >= _one("range", high, NAN, lo, hi)
    for direction in ("higher", "lower"):
        assert 0.0 <= _one(direction, a, target) <= (2.0 if direction == "lower" else math.inf)
    assert 0.0 <= _one("range", a, NAN, lo, hi) <= 1.0


@settings(max_examples=300, deadline=None)
@given(a=st.floats(0, 3, allow_nan=False), yellow=st.floats(0, 1.5), gap=st.floats(0, 1.5))
def test_status_is_consistent_with_the_thresholds(a, yellow, gap):
    green = yellow + gap
    light = _status(a, green=green, yellow=yellow)
    assert light == ("green" if a >= green else "yellow" if a >= yellow else "red")
    assert _status(a, has_value=False, green=green, yellow=yellow) == "no_data"
    assert _status(a, has_value=False, stale=True, green=green, yellow=yellow) == "stale"
    # Raising the achievement never lowers the light.
    order = {"red": 0, "yellow": 1, "green": 2}
    assert order[_status(a + 0.1, green=green, yellow=yellow)] >= order[light]
