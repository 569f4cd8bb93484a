"""Readings of every indicator for each of several board months at once (slide 13's heat table).

The strategic evaluation shows metrics × the last 12 months, each cell in that month's light. Running the
board engine once per month would repeat the whole computation twelve times; instead the engine runs once
for the newest month (its series holds every period up to then, each with its own rolled-up target) and
this module reads the series at each month's reporting period (docs/formulas.md#reporting-period: monthly, weekly and daily
indicators show the month itself; quarterly and yearly ones the last period closed by the month's end).
Staleness is judged per month from the raw measurement dates, as the engine does. A test checks the result
against `indicator_readings` month by month.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from mios_dashboard.analytics.achievement import achievement, status
from mios_dashboard.analytics.periods import (
    PERIOD_DAYS,
    frequency_codes,
    month_end,
    month_start,
    period_end,
    reporting_period,
    series_ordinal,
)
from mios_dashboard.analytics.rollup import (
    TARGET_COLUMNS,
    aggregation_codes,
    days,
    override_lookup,
    pack,
    rolled_targets,
)

_SERIES_STRIDE = 1 << 24  # packs (position, series ordinal) into one sortable int64


def last_months(month: dt.date, count: int = 12) -> list[dt.date]:
    """The `count` month starts ending with `month`'s, oldest first: (2025-12, 3) → Oct, Nov, Dec 2025."""
    newest = pd.Timestamp(month_start(month))
    return [(newest - pd.DateOffset(months=back)).date() for back in range(count - 1, -1, -1)]


def _sorted(keys: np.ndarray, *columns: np.ndarray) -> tuple[np.ndarray, ...]:
    if len(keys) and not np.all(keys[1:] >= keys[:-1]):
        order = np.argsort(keys, kind="stable")
        return (keys[order], *(c[order] for c in columns))
    return (keys, *columns)


def _series_at(series: pd.DataFrame, position: np.ndarray, ordinal: np.ndarray) -> np.ndarray:
    """The series value at each (position, ordinal); NaN where the series has no point."""
    keys, values = _sorted(
        series["position"].to_numpy(dtype="int64") * _SERIES_STRIDE + series["ordinal"].to_numpy(dtype="int64"),
        series["value"].to_numpy(dtype="float64"),
    )
    if not len(keys):
        return np.full(len(position), np.nan)
    wanted = position * _SERIES_STRIDE + ordinal
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[at] == wanted, values[at], np.nan)


def _targets_at(
    frame: pd.DataFrame, targets: pd.DataFrame, codes: np.ndarray, position: np.ndarray, ordinal: np.ndarray
) -> dict[str, np.ndarray]:
    """Each (position, ordinal)'s target, rolled up from its native periods exactly as the engine does."""
    ind = {"code": codes, "how": aggregation_codes(frame["aggregation"])}
    ind |= {column: frame[column].to_numpy(dtype="float64") for column in TARGET_COLUMNS}
    return rolled_targets(ind, override_lookup(targets, pd.Index(frame["id"].to_numpy())), position, ordinal)


def _last_periods(measurements: pd.DataFrame, id_index: pd.Index, position: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The newest measurement period on or before each end date, per (position, end); NaT when none."""
    known = id_index.get_indexer(pd.Index(measurements["indicator_id"].to_numpy()))
    keep = known >= 0
    raw_position = known[keep].astype("int64")
    raw_period = measurements["period"].to_numpy(dtype="datetime64[ns]")[keep]
    keys, raw_position, raw_period = _sorted(pack(raw_position, days(raw_period)), raw_position, raw_period)
    at = np.searchsorted(keys, pack(position, days(ends)), side="right") - 1
    safe = np.maximum(at, 0)
    found = (at >= 0) & (raw_position[safe] == position) if len(keys) else np.zeros(len(position), dtype=bool)
    result = np.full(len(position), np.datetime64("NaT"), dtype="datetime64[ns]")
    if len(keys):
        result[found] = raw_period[safe][found]
    return result


def monthly_readings(
    indicators: pd.DataFrame, series: pd.DataFrame, measurements: pd.DataFrame, targets: pd.DataFrame,
    months: Sequence[dt.date],
) -> pd.DataFrame:
    """Every indicator's reading for each month in `months` (none later than the month `series` was built for).

    Input: indicators — the frame given to `board_analytics` (id, frequency, aggregation, direction, target,
    target_min, target_max, green_threshold, yellow_threshold), in the same order; series —
    `board_analytics(...).series` for the newest month (position, ordinal, value); measurements (indicator_id,
    period) and targets (indicator_id, period, target, target_min, target_max) as given to the engine. Output, one row per indicator position and month (position-major, months in the
    given order): position, month, period (the reporting period shown that month), actual, target,
    target_min, target_max, achievement, has_value, stale, status.
    """
    frame = indicators.reset_index(drop=True)
    size, count = len(frame), len(months)
    frequency = frame["frequency"].astype("object")
    codes = frequency_codes(frequency)
    reported = np.stack([reporting_period(m, frequency).to_numpy(dtype="datetime64[ns]") for m in months], axis=1) \
        if count and size else np.zeros((size, count), dtype="datetime64[ns]")
    position = np.repeat(np.arange(size, dtype="int64"), count)
    period = reported.reshape(-1)
    ordinal = series_ordinal(period, codes[position])
    actual = _series_at(series, position, ordinal)
    rolled = _targets_at(frame, targets, codes, position, ordinal) if len(position) else \
        {c: np.zeros(0) for c in TARGET_COLUMNS}

    month_starts = np.array([np.datetime64(month_start(m), "ns") for m in months], dtype="datetime64[ns]")
    ends = np.array([np.datetime64(month_end(m), "ns") for m in months], dtype="datetime64[ns]")
    row_end = np.tile(ends, size)
    row_frequency = pd.Series(frequency.to_numpy()[position])
    last = _last_periods(measurements, pd.Index(frame["id"].to_numpy()), position, row_end)
    gap_days = (pd.Series(row_end) - period_end(pd.Series(last), row_frequency)).dt.days.to_numpy("float64")

    out = pd.DataFrame({
        "position": position, "month": np.tile(month_starts, size), "period": period,
        "actual": actual, **rolled,
        "direction": frame["direction"].to_numpy()[position],
        "green_threshold": frame["green_threshold"].to_numpy(dtype="float64")[position],
        "yellow_threshold": frame["yellow_threshold"].to_numpy(dtype="float64")[position],
    })
    out["has_value"] = ~np.isnan(out["actual"].to_numpy())
    out["stale"] = np.nan_to_num(gap_days, nan=0.0) > 1.5 * row_frequency.map(PERIOD_DAYS).to_numpy("float64")
    out["achievement"] = achievement(out)
    out["status"] = status(out)
    return out.drop(columns=["direction", "green_threshold", "yellow_threshold"])
