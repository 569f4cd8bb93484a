"""Achievement of an actual against its target, and the traffic-light status (docs/formulas.md#achievement), vectorised.

Ratios need a target above zero. A higher-is-better indicator with a target of zero or below has no
achievement (NaN: the light says "no data" rather than a made-up number). A lower-is-better indicator may
aim at zero (accidents, complaints): any actual at or below zero is then the best possible result (2.0)
and any actual above it scores 0; a negative lower-is-better target has no achievement (the ratio would
flip sign). Range indicators measure distance to [lo, hi] and accept any sign.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

LOWER_CAP = 2.0
STATUSES = ("green", "yellow", "red", "no_data", "stale")


def achievement(frame: pd.DataFrame) -> pd.Series:
    """Input columns: direction, actual, target, target_min, target_max. Output: achievement (float, NaN when
    there is no actual or no usable target), 1.0 = exactly on target."""
    actual = frame["actual"].astype("float64").to_numpy()
    target = frame["target"].astype("float64").to_numpy()
    lo = frame["target_min"].astype("float64").to_numpy()
    hi = frame["target_max"].astype("float64").to_numpy()
    direction = frame["direction"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        higher = np.where(target > 0, np.maximum(0.0, actual / target), np.nan)
        lower = np.where(actual <= 0, LOWER_CAP, np.minimum(LOWER_CAP, target / actual))
        lower = np.where(np.isnan(target) | (target < 0), np.nan, lower)
        width = hi - lo
        distance = np.where(actual < lo, lo - actual, np.where(actual > hi, actual - hi, 0.0))
        in_range = np.where(distance == 0, 1.0, np.maximum(0.0, 1.0 - distance / width))
        in_range = np.where(width > 0, in_range, np.nan)
    result = np.select([direction == "higher", direction == "lower", direction == "range"], [higher, lower, in_range], np.nan)
    result = np.where(np.isnan(actual), np.nan, result)
    return pd.Series(result, index=frame.index, name="achievement")


def status(frame: pd.DataFrame) -> pd.Series:
    """Input columns: achievement, green_threshold, yellow_threshold, has_value (bool), stale (bool).
    Output: green / yellow / red / no_data / stale (stale wins over no_data; a value is never stale)."""
    a = frame["achievement"].astype("float64").to_numpy()
    has_value = frame["has_value"].to_numpy(dtype=bool)
    stale = frame["stale"].to_numpy(dtype=bool)
    light = np.select(
        [a >= frame["green_threshold"].to_numpy(), a >= frame["yellow_threshold"].to_numpy(), ~np.isnan(a)],
        ["green", "yellow", "red"],
        "no_data",
    )
    light = np.where(has_value, light, np.where(stale, "stale", "no_data"))
    return pd.Series(light, index=frame.index, name="status")


def score_status(score: float | None, green: float = 1.0, yellow: float = 0.9) -> str:
    """Status of a score (objective, perspective, board) by the default thresholds."""
    if score is None or np.isnan(score):
        return "no_data"
    return "green" if score >= green else "yellow" if score >= yellow else "red"
