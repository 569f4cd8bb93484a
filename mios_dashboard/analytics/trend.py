"""Least-squares slope of each series' last values, the trend it means, and the forecast it gives (docs/formulas.md#trend).

The x axis is the series ordinal (months, quarters or years), so a slope is "per period" and a gap keeps its
place in time: values of January, February and April lie at x = 0, 1, 3, not 0, 1, 2.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from mios_dashboard.analytics.rollup import segment_lasts, segment_sizes, segment_starts

TREND_POINTS = 6  # the last six values of the series …
MIN_POINTS = 3  # … and at least three of them
TREND_BAND = 0.01  # |slope| within 1 % of the target per period is "stable"


def least_squares(series: pd.DataFrame, size: int) -> pd.DataFrame:
    """The line through the last TREND_POINTS values of every series.

    Input columns: position (0..size-1, the indicator's row), ordinal, value — grouped by position in ordinal
    order. Output: one row per position with points (values used), slope (per period, NaN below MIN_POINTS),
    x_mean, y_mean (the line passes through them), mean_abs (mean |value|) and last_value.
    """
    position = series["position"].to_numpy()
    x = series["ordinal"].to_numpy(dtype="float64")
    y = series["value"].to_numpy(dtype="float64")
    out = {name: np.full(size, np.nan) for name in ("slope", "x_mean", "y_mean", "mean_abs", "last_value")}
    out["points"] = np.zeros(size, dtype="int64")
    if len(position):
        starts = segment_starts(position)
        ends = segment_lasts(starts, len(position)) + 1
        segment = np.repeat(np.arange(len(starts)), segment_sizes(starts, len(position)))
        keep = ends[segment] - np.arange(len(position)) <= TREND_POINTS
        position, x, y, segment = position[keep], x[keep], y[keep], segment[keep]
        starts = segment_starts(segment)
        owner = position[starts]
        n = segment_sizes(starts, len(position))
        x_mean = np.add.reduceat(x, starts) / n
        y_mean = np.add.reduceat(y, starts) / n
        dx = x - np.repeat(x_mean, n)
        dy = y - np.repeat(y_mean, n)
        with np.errstate(invalid="ignore", divide="ignore"):
            slope = np.add.reduceat(dx * dy, starts) / np.add.reduceat(dx * dx, starts)
        out["points"][owner] = n
        out["slope"][owner] = np.where(n >= MIN_POINTS, slope, np.nan)
        out["x_mean"][owner], out["y_mean"][owner] = x_mean, y_mean
        out["mean_abs"][owner] = np.add.reduceat(np.abs(y), starts) / n
        out["last_value"][owner] = y[segment_lasts(starts, len(y))]
    return pd.DataFrame(out)


def trend(frame: pd.DataFrame) -> pd.Series:
    """improving / stable / worsening, or None without a slope.

    Input columns: direction, slope, target, target_min, target_max, last_value, mean_abs. The slope counts
    for the direction (+1 higher, −1 lower); a range indicator improves when it moves towards the middle of
    its range (seen from its last value; sitting exactly on the middle, any move is away from it). The band
    is 1 % of |target| per period (range: of |middle|, or of the width when the middle is 0); with a target
    of 0 or none it is 1 % of the mean |value| of the points, and 0 when those are all 0.
    """
    slope = frame["slope"].to_numpy(dtype="float64")
    direction = frame["direction"].to_numpy()
    target = frame["target"].to_numpy(dtype="float64")
    lo = frame["target_min"].to_numpy(dtype="float64")
    hi = frame["target_max"].to_numpy(dtype="float64")
    middle = (lo + hi) / 2
    toward_middle = np.sign(middle - frame["last_value"].to_numpy(dtype="float64"))
    toward_middle = np.where(toward_middle == 0, -np.sign(slope), toward_middle)
    sign = np.select([direction == "higher", direction == "lower", direction == "range"], [1.0, -1.0, toward_middle], np.nan)
    scale = np.where(direction == "range", np.where(middle != 0, np.abs(middle), hi - lo), np.abs(target))
    scale = np.where(np.isnan(scale) | (scale == 0), frame["mean_abs"].to_numpy(dtype="float64"), scale)
    band = TREND_BAND * np.nan_to_num(scale)
    score = slope * sign
    words = np.select([score > band, score < -band, ~np.isnan(score)], ["improving", "worsening", "stable"], "")
    labels = words.astype(object)
    labels[words == ""] = None
    return pd.Series(labels, index=frame.index, name="trend", dtype="object")


def forecast_value(frame: pd.DataFrame) -> pd.Series:
    """The line extended to the due period: y_mean + slope · (due_ordinal − x_mean).

    Input columns: slope, x_mean, y_mean, due_ordinal (NaN without a due date). Output: NaN without a slope
    or a due date. A due date already past still gets the line's value there.
    """
    value = frame["y_mean"] + frame["slope"] * (frame["due_ordinal"] - frame["x_mean"])
    return value.astype("float64").rename("forecast_value")
