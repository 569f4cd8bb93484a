"""Objective, perspective and board scores: weighted means of achievements capped at 1.2 (docs/formulas.md#scores)."""
from __future__ import annotations

import numpy as np
import pandas as pd

ACHIEVEMENT_CAP = 1.2


def weighted_scores(frame: pd.DataFrame, group: str, value: str, weight: str, cap: float | None = None) -> pd.Series:
    """Weighted mean of `value` per `group`, ignoring missing values; groups with none give NaN.

    Input columns: `group`, `value`, `weight`. Output: a Series indexed by group.
    """
    values = frame[value].astype("float64")
    if cap is not None:
        values = values.clip(upper=cap)
    present = values.notna()
    weights = frame[weight].astype("float64").where(present, 0.0)
    numerator = (values.fillna(0.0) * weights).groupby(frame[group], sort=False).sum()
    denominator = weights.groupby(frame[group], sort=False).sum()
    return (numerator / denominator.replace(0.0, np.nan)).rename("score")
