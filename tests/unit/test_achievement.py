"""Achievement and status (DESIGN §3), with the arithmetic worked by hand in each case."""
from __future__ import annotations

import math

import pandas as pd
import pytest

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
