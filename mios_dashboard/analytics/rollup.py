"""Roll-ups by each indicator's aggregation (sum, mean, last, min, max), for values and targets (docs/formulas.md#roll-ups).

Everything runs on sorted numpy arrays split into segments (one segment per indicator, or per indicator and
period), so all indicators are rolled up at once whatever their aggregation: each reduction is computed for
every segment and each segment keeps the one its indicator asks for. Missing numbers (NaN) are skipped, and
a segment with nothing to add up stays missing rather than 0.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from mios_dashboard.analytics.periods import DAILY, WEEKLY, ordinal_start

AGGREGATION_CODES = {"sum": 0, "mean": 1, "last": 2, "min": 3, "max": 4}
TARGET_COLUMNS = ("target", "target_min", "target_max")
_DAY_OFFSET = 1_000_000  # days since 1970 shifted positive, so (position, day) packs into one int64 key
_KEY_STRIDE = 4_000_000

# Per-period target overrides ready for look-up: the packed (position, day) keys and one array per column.
Overrides = tuple[pd.Index, dict[str, np.ndarray]]


def aggregation_codes(aggregations: ArrayLike | pd.Series) -> np.ndarray:
    return pd.Series(aggregations, dtype="object").map(AGGREGATION_CODES).to_numpy(dtype="int64")


def segment_starts(keys: np.ndarray) -> np.ndarray:
    """Index of the first row of each run of equal keys (keys already grouped)."""
    if len(keys) == 0:
        return np.zeros(0, dtype="int64")
    return np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])


def segment_sizes(starts: np.ndarray, total: int) -> np.ndarray:
    """Rows in each segment, given its starts and the number of rows."""
    return np.diff(np.append(starts, total)).astype("int64")


def segment_lasts(starts: np.ndarray, total: int) -> np.ndarray:
    """Index of the last row of each segment (empty when there is none)."""
    return (np.append(starts[1:], total) - 1).astype("int64") if len(starts) else np.zeros(0, dtype="int64")


def reduce_segments(values: np.ndarray, starts: np.ndarray, how: np.ndarray) -> np.ndarray:
    """Reduce each segment of `values` (rows from starts[i] to starts[i+1]) by its aggregation code `how[i]`.

    Rows must be in period order inside a segment (for "last"). NaN rows are skipped; all-NaN → NaN.
    """
    if len(starts) == 0:
        return np.zeros(0, dtype="float64")
    values = np.asarray(values, dtype="float64")
    sizes = segment_sizes(starts, len(values))
    single = sizes == 1
    if single.all():  # monthly values in a monthly series: nothing to roll up
        return values[starts]
    if single.any():  # roll up only the segments that have several rows
        result = values[starts]
        several = ~single
        rows = np.repeat(several, sizes)
        result[several] = reduce_segments(values[rows], np.cumsum(sizes[several]) - sizes[several], how[several])
        return result
    present = ~np.isnan(values)
    counts = np.add.reduceat(present.astype("int64"), starts)
    total = np.add.reduceat(np.where(present, values, 0.0), starts)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / counts
    low = np.minimum.reduceat(np.where(present, values, np.inf), starts)
    high = np.maximum.reduceat(np.where(present, values, -np.inf), starts)
    last_row = np.maximum.reduceat(np.where(present, np.arange(len(values)), -1), starts)
    last = values[np.maximum(last_row, 0)]
    result = np.choose(np.asarray(how, dtype="int64"), [total, mean, last, low, high])
    return np.where(counts > 0, result, np.nan)


def pack(position: np.ndarray, day: np.ndarray) -> np.ndarray:
    """One sortable int64 key per (indicator position, day number since 1970)."""
    return np.asarray(position, dtype="int64") * _KEY_STRIDE + (np.asarray(day, dtype="int64") + _DAY_OFFSET)


def days(dates: ArrayLike) -> np.ndarray:
    """datetime64 → whole days since 1970 (int64)."""
    return np.asarray(dates, dtype="datetime64[ns]").astype("datetime64[D]").astype("int64")


def native_periods(position: np.ndarray, ordinal: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every period at the indicator's own frequency inside each series period.

    A monthly, quarterly or yearly series period is its own single period; a month of a weekly indicator
    holds the weeks whose Monday falls in it (4 or 5), of a daily one its days (28 to 31).
    Input: per key, indicator position, series ordinal and frequency code. Output: (key index, day number of
    the period's first day) per native period, in key order then date order.
    """
    first = days(ordinal_start(ordinal, codes))
    next_month = days(ordinal_start(ordinal + 1, codes))
    weekday = (first + 3) % 7  # 1970-01-01 was a Thursday (Monday = 0)
    monday = first + (7 - weekday) % 7
    count = np.ones(len(first), dtype="int64")
    count = np.where(codes == DAILY, next_month - first, count)
    count = np.where(codes == WEEKLY, (next_month - 1 - monday) // 7 + 1, count)
    base = np.where(codes == WEEKLY, monday, first)
    step = np.where(codes == WEEKLY, 7, np.where(codes == DAILY, 1, 0))
    key = np.repeat(np.arange(len(first)), count)
    offset = np.arange(len(key)) - np.repeat(np.cumsum(count) - count, count)
    return key, base[key] + step[key] * offset


def override_lookup(targets: pd.DataFrame, id_index: pd.Index) -> Overrides:
    """Per-period target overrides keyed for fast look-up: (index of packed keys, column arrays).

    Input columns: indicator_id, period, target, target_min, target_max. Overrides of unknown (inactive)
    indicators are dropped; a repeated (indicator, period) keeps its last row.
    """
    position = (id_index.get_indexer(pd.Index(targets["indicator_id"].to_numpy())) if len(targets)
                else np.zeros(0, "int64"))
    keep = position >= 0
    keys = pack(position[keep], days(targets["period"].to_numpy()[keep]))
    columns = {c: targets[c].to_numpy(dtype="float64")[keep] for c in TARGET_COLUMNS}
    _, last = np.unique(keys[::-1], return_index=True)
    last = len(keys) - 1 - last
    return pd.Index(keys[last]), {c: v[last] for c, v in columns.items()}


def rolled_targets(
    ind: dict[str, np.ndarray], overrides: Overrides, position: np.ndarray, ordinal: np.ndarray,
    group: np.ndarray | None = None, size: int | None = None,
) -> dict[str, np.ndarray]:
    """The target, target_min and target_max of each (indicator, series period) key, or of each group of keys.

    Each native period takes its per-period override, else the indicator's default; a month of a weekly or
    daily indicator rolls its periods' targets up by the aggregation (a sum indicator's monthly target is
    the sum of its weeks'). With `group` (non-decreasing, one indicator per group) the native periods of all
    the group's keys are rolled up together (a year to date). `ind` holds per-indicator arrays: code, how,
    target, target_min, target_max. Output: one float array per target column, indexed by key (or group
    number, `size` long).
    """
    if group is None:
        group, size = np.arange(len(position)), len(position)
    elif size is None:
        raise TypeError("rolled_targets: a group needs its size")
    codes = ind["code"][position]
    key, day = native_periods(position, ordinal, codes)
    row_position = position[key]
    found = overrides[0].get_indexer(pd.Index(pack(row_position, day))) if len(overrides[0]) else np.full(len(key), -1)
    row_group = group[key]
    starts = segment_starts(row_group)
    how = ind["how"][row_position[starts]] if len(starts) else np.zeros(0, "int64")
    result = {}
    for column in TARGET_COLUMNS:
        if np.isnan(ind[column]).all() and np.isnan(overrides[1][column]).all():
            result[column] = np.full(size, np.nan)  # e.g. no range indicator anywhere: nothing to roll up
            continue
        default = ind[column][row_position]
        own = overrides[1][column][np.maximum(found, 0)] if len(overrides[0]) else np.full(len(key), np.nan)
        own = np.where(found >= 0, own, np.nan)
        out = np.full(size, np.nan)
        out[row_group[starts]] = reduce_segments(np.where(np.isnan(own), default, own), starts, how)
        result[column] = out
    return result


def year_to_date_keys(position: np.ndarray, report: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every series period of the calendar year up to each indicator's reporting ordinal (inclusive).

    Output: (indicator position, series ordinal) per key, grouped by indicator in period order.
    """
    per_year = 12 // np.where(codes == 3, 3, np.where(codes == 4, 12, 1))
    first = report - report % per_year
    count = report - first + 1
    key_position = np.repeat(position, count)
    offset = np.arange(len(key_position)) - np.repeat(np.cumsum(count) - count, count)
    return key_position, np.repeat(first, count) + offset
