"""Each indicator's reading for a board month — reporting period, actual, target, achievement, status — at once.

Pure pandas over all indicators together; the service feeds it DataFrames from the repositories.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .achievement import achievement, status
from .periods import PERIOD_DAYS, SUB_MONTHLY, month_end, month_periods, month_start, period_end, reporting_period

TARGET_COLUMNS = ("target", "target_min", "target_max")


def _aggregate(frame: pd.DataFrame, key: str, columns: tuple[str, ...], how: pd.Series) -> pd.DataFrame:
    """Roll `columns` of `frame` up per `key` with each key's own aggregation (sum, mean, last, min, max)."""
    parts = []
    frame = frame.assign(_how=frame[key].map(how))
    for aggregation, part in frame.groupby("_how", sort=False):
        grouped = part.sort_values("period").groupby(key)[list(columns)]
        if aggregation == "last":
            parts.append(grouped.last())
        elif aggregation == "sum":
            parts.append(grouped.sum(min_count=1))  # nothing to add up stays missing, not 0
        else:
            parts.append(grouped.agg(aggregation))
    if not parts:
        return pd.DataFrame(columns=list(columns), index=pd.Index([], name=key), dtype="float64")
    return pd.concat(parts)


def _sub_monthly_targets(indicators: pd.DataFrame, targets: pd.DataFrame, month: dt.date) -> pd.DataFrame:
    """Targets of weekly and daily indicators for the month: every period in the month, override or default,
    rolled up by the indicator's aggregation (a sum indicator's monthly target is the sum of its periods')."""
    fine = indicators[indicators["frequency"].isin(SUB_MONTHLY)]
    if fine.empty:
        return pd.DataFrame(columns=list(TARGET_COLUMNS), dtype="float64")
    periods = {f: pd.to_datetime(month_periods(month, f)) for f in SUB_MONTHLY}
    grid = pd.concat(
        [pd.DataFrame({"indicator_id": row_id, "period": periods[freq]}) for row_id, freq in zip(fine["id"], fine["frequency"])],
        ignore_index=True,
    )
    grid = grid.merge(targets, on=["indicator_id", "period"], how="left")
    defaults = fine.set_index("id")[list(TARGET_COLUMNS)]
    for column in TARGET_COLUMNS:
        grid[column] = grid[column].fillna(grid["indicator_id"].map(defaults[column]))
    return _aggregate(grid, "indicator_id", TARGET_COLUMNS, fine.set_index("id")["aggregation"])


def indicator_readings(
    indicators: pd.DataFrame, measurements: pd.DataFrame, targets: pd.DataFrame, month: dt.date
) -> pd.DataFrame:
    """The board reading of every indicator for `month`.

    Input: indicators (id, frequency, aggregation, direction, target, target_min, target_max, green_threshold,
    yellow_threshold), measurements (indicator_id, period, value), targets (indicator_id, period, target,
    target_min, target_max). Output: indicators' columns plus period, actual, target*, achievement, has_value,
    stale, last_period, status — one row per indicator, same order.
    """
    month = month_start(month)
    end = pd.Timestamp(month_end(month))
    out = indicators.copy()
    out["period"] = reporting_period(month, out["frequency"]).to_numpy()
    values = measurements[measurements["period"] <= end]

    # Actual: the reporting period's value, or the month's weekly/daily values rolled up.
    keyed = out[["id", "period"]].rename(columns={"id": "indicator_id"})
    exact = keyed.merge(values, on=["indicator_id", "period"], how="left").set_index("indicator_id")["value"]
    fine_ids = out.loc[out["frequency"].isin(SUB_MONTHLY), "id"]
    in_month = values[values["indicator_id"].isin(fine_ids) & (values["period"] >= pd.Timestamp(month))]
    rolled = _aggregate(in_month, "indicator_id", ("value",), out.set_index("id")["aggregation"])["value"]
    actual = exact.where(~exact.index.isin(fine_ids), rolled.reindex(exact.index))
    out["actual"] = out["id"].map(actual).astype("float64")

    # Target: per-period override, else the indicator's; rolled up for weekly/daily.
    overrides = keyed.merge(targets, on=["indicator_id", "period"], how="left").set_index("indicator_id")
    fine_targets = _sub_monthly_targets(out, targets, month)
    for column in TARGET_COLUMNS:
        own = out["id"].map(overrides[column]).fillna(out[column]).astype("float64")
        rolled_target = out["id"].map(fine_targets[column]) if not fine_targets.empty else np.nan
        out[column] = np.where(out["frequency"].isin(SUB_MONTHLY), rolled_target, own).astype("float64")

    # Staleness: the newest value's period ends more than 1.5 periods before the end of the month.
    last = values.groupby("indicator_id")["period"].max()
    out["last_period"] = out["id"].map(last)
    last_end = period_end(out["last_period"], out["frequency"])
    gap_days = (end - last_end).dt.days.astype("float64")
    out["has_value"] = out["actual"].notna()
    out["stale"] = (gap_days > 1.5 * out["frequency"].map(PERIOD_DAYS)).fillna(False).astype(bool)
    out["achievement"] = achievement(out)
    out["status"] = status(out)
    return out
