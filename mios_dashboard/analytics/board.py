"""Every indicator's reading for a board month, with its series, trend, year to date, forecast and XmR, at once.

Pure numpy/pandas over all indicators together (no loop over indicators or rows); the service feeds it
DataFrames from the repositories. See DESIGN §3 and the README's "How the board computes".
"""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import numpy as np
import pandas as pd

from .achievement import achievement, status
from .periods import (
    PERIOD_DAYS, frequency_codes, month_end, month_start, ordinal_start, period_end, reporting_period, series_ordinal,
)
from .rollup import (
    TARGET_COLUMNS, aggregation_codes, days, override_lookup, pack, reduce_segments, rolled_targets, segment_lasts, segment_starts,
    year_to_date_keys,
)
from .trend import forecast_value, least_squares, trend
from .xmr import xmr_limits, xmr_signals

_SERIES_STRIDE = 1 << 24  # packs (position, series ordinal) into one int64 key; ordinals stay far below


class BoardAnalytics(NamedTuple):
    """readings: one row per indicator; series: one row per indicator and series period; signals: XmR."""

    readings: pd.DataFrame
    series: pd.DataFrame
    signals: pd.DataFrame


def _dates(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.full(len(frame), np.datetime64("NaT"), dtype="datetime64[ns]")
    return pd.to_datetime(frame[column]).to_numpy(dtype="datetime64[ns]")


def _ordinal_or_nan(dates: np.ndarray, codes: np.ndarray) -> np.ndarray:
    missing = np.isnat(dates)
    ordinal = series_ordinal(np.where(missing, np.datetime64(0, "ns"), dates), codes).astype("float64")
    return np.where(missing, np.nan, ordinal)


def _sorted_values(measurements: pd.DataFrame, id_index: pd.Index, end: pd.Timestamp):
    """Known indicators' values up to `end`, sorted by indicator position then period (arrays)."""
    position = id_index.get_indexer(measurements["indicator_id"].to_numpy())
    period = measurements["period"].to_numpy(dtype="datetime64[ns]")
    value = measurements["value"].to_numpy(dtype="float64")
    keep = (position >= 0) & (period <= end.to_datetime64())
    position, period, value = position[keep], period[keep], value[keep]
    key = pack(position, days(period))
    if len(key) and not np.all(key[1:] >= key[:-1]):
        order = np.argsort(key, kind="stable")
        position, period, value = position[order], period[order], value[order]
    return position, period, value


def board_analytics(
    indicators: pd.DataFrame, measurements: pd.DataFrame, targets: pd.DataFrame, month: dt.date
) -> BoardAnalytics:
    """The board of `month`: readings, series and XmR signals of every indicator.

    Input: indicators (id, frequency, aggregation, direction, target, target_min, target_max, green_threshold,
    yellow_threshold; optional due — the objective's plan_due —, xmr_baseline_start, xmr_baseline_end),
    measurements (indicator_id, period, value), targets (indicator_id, period, target, target_min, target_max).
    Output readings: the indicators' columns plus period, actual, target*, achievement, has_value, stale,
    last_period, status, points, slope, trend, ytd_actual, ytd_target, ytd_target_min, ytd_target_max,
    ytd_achievement, forecast_due, forecast_value, forecast_target, forecast_achievement, xmr_points,
    xmr_center, xmr_mr_bar, xmr_lower, xmr_upper, xmr_first, xmr_last (baseline's first/last period).
    Series columns: indicator_id, position, ordinal, period, value, target, target_min, target_max.
    Signals columns: indicator_id, position, ordinal, period, rule.
    """
    month = month_start(month)
    end = pd.Timestamp(month_end(month))
    out = indicators.reset_index(drop=True).copy()
    size = len(out)
    id_index = pd.Index(out["id"].to_numpy())
    codes = frequency_codes(out["frequency"])
    out["period"] = reporting_period(month, out["frequency"]).to_numpy()
    report = series_ordinal(out["period"].to_numpy(), codes)
    ind = {"code": codes, "how": aggregation_codes(out["aggregation"])}
    for column in TARGET_COLUMNS:
        ind[column] = out[column].to_numpy(dtype="float64")
    overrides = override_lookup(targets, id_index)

    # Values up to the end of the month; the newest one tells staleness (DESIGN §3).
    position, period, value = _sorted_values(measurements, id_index, end)
    starts = segment_starts(position)
    last_period = np.full(size, np.datetime64("NaT"), dtype="datetime64[ns]")
    last_period[position[starts]] = period[segment_lasts(starts, len(period))]

    # The series: values at the indicator's own frequency (weekly/daily rolled up to months) up to the
    # reporting period; year to date: the values of the reporting period's calendar year.
    ordinal = series_ordinal(period, codes[position])
    keep = ordinal <= report[position]
    position, period, value, ordinal = position[keep], period[keep], value[keep], ordinal[keep]
    starts = segment_starts(position * _SERIES_STRIDE + ordinal)
    s_position, s_ordinal = position[starts], ordinal[starts]
    s_value = reduce_segments(value, starts, ind["how"][s_position])
    series = pd.DataFrame({"position": s_position, "ordinal": s_ordinal, "value": s_value})

    per_year = np.where(codes == 3, 4, np.where(codes == 4, 1, 12))
    in_year = ordinal >= (report - report % per_year)[position]
    year_position = position[in_year]
    year_starts = segment_starts(year_position)
    ytd_actual = np.full(size, np.nan)
    ytd_actual[year_position[year_starts]] = reduce_segments(value[in_year], year_starts, ind["how"][year_position[year_starts]])

    # Reading: the series' value at the reporting period, against that period's (rolled-up) target.
    s_last = segment_lasts(segment_starts(s_position), len(s_position))
    actual = np.full(size, np.nan)
    at_report = s_ordinal[s_last] == report[s_position[s_last]]
    actual[s_position[s_last][at_report]] = s_value[s_last][at_report]
    out["actual"] = actual
    every = np.arange(size)
    for column, rolled in rolled_targets(ind, overrides, every, report).items():
        out[column] = rolled
    gap_days = (end - pd.Series(period_end(pd.Series(last_period), out["frequency"]))).dt.days.to_numpy("float64")
    out["last_period"] = last_period
    out["has_value"] = ~np.isnan(actual)
    out["stale"] = np.nan_to_num(gap_days, nan=0.0) > 1.5 * out["frequency"].map(PERIOD_DAYS).to_numpy("float64")
    out["achievement"] = achievement(out)
    out["status"] = status(out)

    # Series targets (for charts) and the year-to-date plan: every period of the year up to the reporting one.
    for column, rolled in rolled_targets(ind, overrides, s_position, s_ordinal).items():
        series[column] = rolled
    ytd_position, ytd_ordinal = year_to_date_keys(every, report, codes)
    ytd = pd.DataFrame({"direction": out["direction"], "actual": ytd_actual})
    ytd_targets = rolled_targets(ind, overrides, ytd_position, ytd_ordinal, group=ytd_position, size=size)
    for column in TARGET_COLUMNS:
        ytd[column] = ytd_targets[column]
    out["ytd_actual"] = ytd_actual
    out["ytd_target"], out["ytd_target_min"], out["ytd_target_max"] = ytd["target"], ytd["target_min"], ytd["target_max"]
    out["ytd_achievement"] = achievement(ytd)

    # Trend and forecast from the line through the last values.
    line = least_squares(series, size)
    out["points"], out["slope"] = line["points"].to_numpy(), line["slope"].to_numpy()
    out["trend"] = trend(line.assign(**{c: out[c].to_numpy() for c in ("direction", *TARGET_COLUMNS)})).to_numpy()
    due = _dates(out, "due")
    due_ordinal = _ordinal_or_nan(due, codes)
    value_at_due = forecast_value(line.assign(due_ordinal=due_ordinal)).to_numpy()
    has_forecast = ~np.isnan(value_at_due)
    due_targets = rolled_targets(ind, overrides, every[has_forecast], due_ordinal[has_forecast].astype("int64"))
    projected = pd.DataFrame({"direction": out["direction"], "actual": value_at_due})
    for column in TARGET_COLUMNS:
        projected[column] = np.nan
        projected.loc[has_forecast, column] = due_targets[column]
    out["forecast_due"] = np.where(has_forecast, due, np.datetime64("NaT"))
    out["forecast_value"] = value_at_due
    out["forecast_target"] = projected["target"].to_numpy()
    out["forecast_achievement"] = achievement(projected)

    # XmR: limits from the baseline, signals over the whole series.
    windows = pd.DataFrame({
        "first": _ordinal_or_nan(_dates(out, "xmr_baseline_start"), codes),
        "last": _ordinal_or_nan(_dates(out, "xmr_baseline_end"), codes),
    })
    windows["capped"] = np.isnan(windows["last"].to_numpy())
    limits = xmr_limits(series, windows)
    for column in ("points", "center", "mr_bar", "lower", "upper"):
        out[f"xmr_{column}"] = limits[column].to_numpy()
    for column in ("first", "last"):
        ordinals = limits[column].to_numpy()
        starts_at = ordinal_start(np.nan_to_num(ordinals).astype("int64"), codes)
        out[f"xmr_{column}"] = np.where(np.isnan(ordinals), np.datetime64("NaT"), starts_at)
    signals = xmr_signals(series, limits)

    ids = out["id"].to_numpy()
    series.insert(0, "indicator_id", ids[s_position])
    series["period"] = ordinal_start(s_ordinal, codes[s_position])
    signals.insert(0, "indicator_id", ids[signals["position"].to_numpy()])
    signals["period"] = ordinal_start(signals["ordinal"].to_numpy(), codes[signals["position"].to_numpy()])
    out.index = indicators.index
    return BoardAnalytics(out, series, signals)


def indicator_readings(
    indicators: pd.DataFrame, measurements: pd.DataFrame, targets: pd.DataFrame, month: dt.date
) -> pd.DataFrame:
    """The readings of `board_analytics` alone: one row per indicator, same order (see there for columns)."""
    return board_analytics(indicators, measurements, targets, month).readings
