"""Least-squares slope, trend by direction and forecast (docs/formulas.md#trend), with the arithmetic worked by hand."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from mios_dashboard.analytics.trend import forecast_value, least_squares, trend

NAN = float("nan")


def _line(values, ordinals=None, position=0, size=1) -> pd.Series:
    ordinals = list(range(len(values))) if ordinals is None else ordinals
    series = pd.DataFrame({"position": position, "ordinal": ordinals, "value": [float(v) for v in values]})
    return least_squares(series, size).iloc[position]


def test_slope_of_six_values_by_hand():
    # x = 0..5, x̄ = 2.5; y = 1 3 2 5 4 6, ȳ = 21/6 = 3.5.
    # Σ dx·dy = (−2.5)(−2.5) + (−1.5)(−0.5) + (−0.5)(−1.5) + (0.5)(1.5) + (1.5)(0.5) + (2.5)(2.5) = 15.5
    # Σ dx² = 6.25 + 2.25 + 0.25 + 0.25 + 2.25 + 6.25 = 17.5 → slope = 15.5 / 17.5 = 0.885714…
    line = _line([1, 3, 2, 5, 4, 6])
    assert line["slope"] == pytest.approx(15.5 / 17.5)
    assert (line["points"], line["x_mean"], line["y_mean"], line["last_value"]) == (6, 2.5, 3.5, 6.0)


def test_only_the_last_six_values_count():
    line = _line([100, -100, 1, 3, 2, 5, 4, 6])  # same last six as above, at x = 2..7
    assert line["slope"] == pytest.approx(15.5 / 17.5) and line["points"] == 6 and line["x_mean"] == 4.5


def test_a_gap_keeps_its_place_in_time():
    # January, February, April: x = 0, 1, 3; y = 1, 2, 4 lie on y = x + 1 → slope 1 (not 1.5 as if x = 0, 1, 2).
    assert _line([1, 2, 4], ordinals=[0, 1, 3])["slope"] == pytest.approx(1.0)


@pytest.mark.parametrize("values", [[], [5.0], [5.0, 6.0]])
def test_fewer_than_three_values_give_no_slope(values):
    line = _line(values)
    assert math.isnan(line["slope"]) and line["points"] == len(values)


def test_several_series_at_once():
    series = pd.DataFrame({
        "position": [0, 0, 0, 2, 2, 2, 2],
        "ordinal": [0, 1, 2, 10, 11, 12, 13],
        "value": [1.0, 2.0, 3.0, 8.0, 6.0, 4.0, 2.0],
    })
    lines = least_squares(series, 3)
    assert lines["slope"].tolist()[0] == pytest.approx(1.0)
    assert math.isnan(lines["slope"].tolist()[1]) and lines["points"].tolist() == [3, 0, 4]
    assert lines["slope"].tolist()[2] == pytest.approx(-2.0)


def _trend(direction, slope, target=NAN, lo=NAN, hi=NAN, last=NAN, mean_abs=NAN):
    frame = pd.DataFrame({
        "direction": [direction], "slope": [slope], "target": [target], "target_min": [lo], "target_max": [hi],
        "last_value": [last], "mean_abs": [mean_abs],
    })
    return trend(frame).iloc[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("higher", 2.0, 100.0), "improving"),  # 2 > 1 % of 100 = 1
        (("higher", 1.0, 100.0), "stable"),  # exactly on the band is not beyond it
        (("higher", -0.5, 100.0), "stable"),  # |−0.5| ≤ 1
        (("higher", -2.0, 100.0), "worsening"),
        (("lower", -2.0, 100.0), "improving"),  # −2 × −1 = 2 > 1
        (("lower", 2.0, 100.0), "worsening"),
        (("higher", 0.2, -10.0), "improving"),  # negative target: band 1 % of |−10| = 0.1
        # Range [40, 60]: middle 50, band 1 % of 50 = 0.5; better means towards the middle.
        (("range", 1.0, NAN, 40.0, 60.0, 35.0), "improving"),  # below the middle and rising
        (("range", 1.0, NAN, 40.0, 60.0, 65.0), "worsening"),  # above and rising
        (("range", -1.0, NAN, 40.0, 60.0, 65.0), "improving"),
        (("range", 0.3, NAN, 40.0, 60.0, 35.0), "stable"),  # 0.3 ≤ 0.5
        (("range", 1.0, NAN, 40.0, 60.0, 50.0), "worsening"),  # on the middle, any move is away from it
        (("range", -1.0, NAN, 40.0, 60.0, 50.0), "worsening"),
        (("range", 0.05, NAN, -1.0, 1.0, -0.5), "improving"),  # middle 0: band 1 % of the width 2 = 0.02
        # Target 0 (e.g. accidents, lower is better): band 1 % of the mean |value| of the points, 3 → 0.03.
        (("lower", -0.1, 0.0, NAN, NAN, 2.0, 3.0), "improving"),
        (("lower", -0.02, 0.0, NAN, NAN, 2.0, 3.0), "stable"),
        (("higher", 0.0, NAN, NAN, NAN, 0.0, 0.0), "stable"),  # no target, all zeros: band 0, flat
        (("higher", 0.001, NAN, NAN, NAN, 0.0, 0.0), "improving"),
        (("higher", NAN, 100.0), None),  # no slope, no trend
    ],
)
def test_trend_by_direction(args, expected):
    assert _trend(*args) == expected


def test_forecast_is_the_line_extended_to_the_due_period():
    # Line of test_slope_of_six_values_by_hand: through (2.5, 3.5) with slope 15.5/17.5.
    # Due at x = 11: 3.5 + (15.5/17.5)·(11 − 2.5) = 3.5 + 7.528571… = 11.028571…
    frame = pd.DataFrame({"slope": [15.5 / 17.5, NAN, 1.0], "x_mean": [2.5, 1.0, 2.0], "y_mean": [3.5, 1.0, 2.0],
                          "due_ordinal": [11.0, 5.0, NAN]})
    values = forecast_value(frame).tolist()
    assert values[0] == pytest.approx(3.5 + 15.5 / 17.5 * 8.5)
    assert math.isnan(values[1]) and math.isnan(values[2])  # no slope; no due date
