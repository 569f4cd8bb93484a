"""A synthetic organization for the benchmark: 1,000 monthly indicators × 60 months, 100 weekly, 20 daily.

Deterministic (seeded); shaped like the real thing: all five aggregations and three directions, a tenth of
the monthly indicators with per-period targets (a seasonal budget), objectives with due dates.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

FIRST, LAST = dt.date(2021, 1, 1), dt.date(2025, 12, 31)
MONTH = dt.date(2025, 12, 1)
AGGREGATIONS = ("sum", "mean", "last", "min", "max")
DIRECTIONS = ("higher", "lower", "range")


def indicators(monthly: int = 1000, weekly: int = 100, daily: int = 20, seed: int = 7) -> pd.DataFrame:
    """Columns as the board repository returns them (plus due, xmr_baseline_*)."""
    rng = np.random.default_rng(seed)
    frequency = ["monthly"] * monthly + ["weekly"] * weekly + ["daily"] * daily
    n = len(frequency)
    direction = np.array(DIRECTIONS)[rng.integers(0, 3, n)]
    ranged = direction == "range"
    due = np.where(rng.random(n) < 0.7, np.datetime64("2026-06-30"), np.datetime64("NaT")).astype("datetime64[ns]")
    start = np.where(rng.random(n) < 0.05, np.datetime64("2023-01-01"), np.datetime64("NaT")).astype("datetime64[ns]")
    return pd.DataFrame({
        "id": np.arange(1, n + 1), "code": [f"K-{i:04d}" for i in range(1, n + 1)],
        "name": [f"Indicador {i}" for i in range(1, n + 1)],
        "unit": "u", "direction": direction, "frequency": frequency,
        "aggregation": np.array(AGGREGATIONS)[rng.integers(0, 5, n)],
        "target": np.where(ranged, np.nan, 100.0), "target_min": np.where(ranged, 90.0, np.nan),
        "target_max": np.where(ranged, 110.0, np.nan), "green_threshold": 1.0, "yellow_threshold": 0.9,
        "weight": 1.0, "decimals": 1, "owner": "Dirección", "group": "Finanzas",
        "objective": [f"OBJ-{i % 40:02d}" for i in range(n)], "due": due,
        "perspective": [("FIN", "CLI", "PRO", "APR")[i % 4] for i in range(n)], "process": None,
        "xmr_baseline_start": start, "xmr_baseline_end": pd.NaT,
    })


def measurements(frame: pd.DataFrame, seed: int = 11) -> pd.DataFrame:
    """Columns: indicator_id, period, value — every period of each indicator's frequency, a few gaps."""
    rng = np.random.default_rng(seed)
    periods = {
        "monthly": pd.date_range(FIRST, LAST, freq="MS"),
        "weekly": pd.date_range("2021-01-04", LAST, freq="W-MON"),
        "daily": pd.date_range(FIRST, LAST, freq="D"),
    }
    parts = []
    for frequency, dates in periods.items():
        ids = frame.loc[frame["frequency"] == frequency, "id"].to_numpy()
        grid_ids = np.repeat(ids, len(dates))
        grid_dates = np.tile(dates.to_numpy(), len(ids))
        level = np.repeat(rng.normal(100, 10, len(ids)), len(dates))
        values = np.round(level + rng.normal(0, 5, len(grid_ids)), 2)
        keep = rng.random(len(grid_ids)) > 0.02  # gaps
        parts.append(pd.DataFrame({"indicator_id": grid_ids[keep], "period": grid_dates[keep], "value": values[keep]}))
    return pd.concat(parts, ignore_index=True)


def targets(frame: pd.DataFrame) -> pd.DataFrame:
    """A seasonal budget (12 monthly overrides for 2025) on every tenth monthly indicator."""
    ids = frame.loc[(frame["frequency"] == "monthly") & (frame["direction"] != "range"), "id"].to_numpy()[::10]
    months = pd.date_range("2025-01-01", periods=12, freq="MS")
    budget = np.tile(np.linspace(90, 120, 12), len(ids))
    return pd.DataFrame({
        "indicator_id": np.repeat(ids, 12), "period": np.tile(months.to_numpy(), len(ids)), "target": budget,
        "target_min": np.nan, "target_max": np.nan,
    })
