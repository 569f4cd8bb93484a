"""Every indicator's reading for a board month, with its series, trend, year to date, forecast and XmR, at once.

Pure numpy/pandas over all indicators together (no loop over indicators or rows); the service feeds it
DataFrames from the repositories. See docs/formulas.md.
"""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import numpy as np
import pandas as pd

from mios_dashboard.analytics.achievement import achievement, status
from mios_dashboard.analytics.periods import (
    PERIOD_DAYS,
    frequency_codes,
    month_end,
    month_start,
    ordinal_start,
    period_end,
    reporting_period,
    series_ordinal,
)
from mios_dashboard.analytics.rollup import (
    TARGET_COLUMNS,
    Overrides,
    aggregation_codes,
    days,
    override_lookup,
    pack,
    reduce_segments,
    rolled_targets,
    segment_lasts,
    segment_starts,
    year_to_date_keys,
)
from mios_dashboard.analytics.trend import forecast_value, least_squares, trend
from mios_dashboard.analytics.xmr import xmr_limits, xmr_signals

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


def _sorted_values(
    measurements: pd.DataFrame, id_index: pd.Index, end: pd.Timestamp
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Known indicators' values up to `end`, sorted by indicator position then period (arrays)."""
    position = id_index.get_indexer(pd.Index(measurements["indicator_id"].to_numpy()))
    period = measurements["period"].to_numpy(dtype="datetime64[ns]")
    value = measurements["value"].to_numpy(dtype="float64")
    keep = (position >= 0) & (period <= end.to_datetime64())
    position, period, value = position[keep], period[keep], value[keep]
    key = pack(position, days(period))
    if len(key) and not np.all(key[1:] >= key[:-1]):
        order = np.argsort(key, kind="stable")
        position, period, value = position[order], period[order], value[order]
    return position, period, value


class _Context(NamedTuple):
    """What every step needs: per-indicator arrays (code, how, targets), reporting ordinals, overrides."""

    ind: dict[str, np.ndarray]
    codes: np.ndarray
    report: np.ndarray
    overrides: Overrides
    size: int

    def targets(
        self, position: np.ndarray, ordinal: np.ndarray, group: np.ndarray | None = None, size: int | None = None,
    ) -> dict[str, np.ndarray]:
        return rolled_targets(self.ind, self.overrides, position, ordinal, group, size)


def board_analytics(
    indicators: pd.DataFrame, measurements: pd.DataFrame, targets: pd.DataFrame, month: dt.date,
    series_points: int | None = None, lights_only: bool = False,
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
    `series_points` keeps only each indicator's newest points in the series returned (everything is still
    computed from the whole series): the board page's sparklines need twelve, the charts need them all.
    `lights_only` computes the reading, its light and the XmR limits and signals, and leaves out the year to
    date, the trend, the forecast and the series (their columns are missing): all that comparing the lights
    of two months needs (analytics/changes.py), at about half the cost.
    """
    month = month_start(month)
    end = pd.Timestamp(month_end(month))
    out = indicators.reset_index(drop=True).copy()
    id_index = pd.Index(out["id"].to_numpy())
    codes = frequency_codes(out["frequency"])
    out["period"] = reporting_period(month, out["frequency"]).to_numpy()
    ind = {"code": codes, "how": aggregation_codes(out["aggregation"])}
    ind |= {column: out[column].to_numpy(dtype="float64") for column in TARGET_COLUMNS}
    ctx = _Context(ind, codes, series_ordinal(out["period"].to_numpy(), codes), override_lookup(targets, id_index),
                   len(out))

    # Values up to the end of the month; the newest one tells staleness (docs/formulas.md#status).
    position, period, value = _sorted_values(measurements, id_index, end)
    starts = segment_starts(position)
    last_period = np.full(ctx.size, np.datetime64("NaT"), dtype="datetime64[ns]")
    last_period[position[starts]] = period[segment_lasts(starts, len(period))]
    # The series: values at the indicator's own frequency (weekly/daily rolled up to months) up to the
    # reporting period (a quarter or a year still open stays out).
    ordinal = series_ordinal(period, codes[position])
    keep = ordinal <= ctx.report[position]
    position, value, ordinal = position[keep], value[keep], ordinal[keep]
    starts = segment_starts(position * _SERIES_STRIDE + ordinal)
    series = pd.DataFrame({"position": position[starts], "ordinal": ordinal[starts]})
    series["value"] = reduce_segments(value, starts, ind["how"][position[starts]])

    _reading(out, ctx, series, last_period, end)
    if not lights_only:
        _year_to_date(out, ctx, position, ordinal, value)
        line = least_squares(series, ctx.size)
        out["points"], out["slope"] = line["points"].to_numpy(), line["slope"].to_numpy()
        out["trend"] = trend(line.assign(**{c: out[c].to_numpy() for c in ("direction", *TARGET_COLUMNS)})).to_numpy()
        _forecast(out, ctx, line)
    signals = _xmr(out, ctx, series)

    kept_points = 0 if lights_only else series_points
    if kept_points is not None:
        series = newest_points(series, kept_points)
    for column, rolled in ctx.targets(series["position"].to_numpy(), series["ordinal"].to_numpy()).items():
        series[column] = rolled  # each point's own target, for charts
    ids = out["id"].to_numpy()
    for frame in (series, signals):
        frame_position = frame["position"].to_numpy()
        frame.insert(0, "indicator_id", ids[frame_position])
        frame["period"] = ordinal_start(frame["ordinal"].to_numpy(), codes[frame_position])
    out.index = indicators.index
    return BoardAnalytics(out, series, signals)


def newest_points(series: pd.DataFrame, count: int) -> pd.DataFrame:
    """The last `count` rows of each indicator's series (rows grouped by position, oldest first)."""
    position = series["position"].to_numpy()
    ends = np.searchsorted(position, position, side="right")
    return series[np.arange(len(position)) >= ends - count].reset_index(drop=True)


def _reading(
    out: pd.DataFrame, ctx: _Context, series: pd.DataFrame, last_period: np.ndarray, end: pd.Timestamp
) -> None:
    """The series' value at the reporting period, against that period's (rolled-up) target; light."""
    s_position, s_ordinal = series["position"].to_numpy(), series["ordinal"].to_numpy()
    last = segment_lasts(segment_starts(s_position), len(s_position))
    at_report = s_ordinal[last] == ctx.report[s_position[last]]
    actual = np.full(ctx.size, np.nan)
    actual[s_position[last][at_report]] = series["value"].to_numpy()[last][at_report]
    out["actual"] = actual
    for column, rolled in ctx.targets(np.arange(ctx.size), ctx.report).items():
        out[column] = rolled
    period_ends = pd.Series(period_end(pd.Series(last_period), out["frequency"]))
    gap_days = (end - period_ends).dt.days.to_numpy("float64")
    out["last_period"] = last_period
    out["has_value"] = ~np.isnan(actual)
    out["stale"] = np.nan_to_num(gap_days, nan=0.0) > 1.5 * out["frequency"].map(PERIOD_DAYS).to_numpy("float64")
    out["achievement"] = achievement(out)
    out["status"] = status(out)


def _year_to_date(
    out: pd.DataFrame, ctx: _Context, position: np.ndarray, ordinal: np.ndarray, value: np.ndarray
) -> None:
    """Values of the reporting period's calendar year, against the plan for every period of it so far."""
    per_year = np.where(ctx.codes == 3, 4, np.where(ctx.codes == 4, 1, 12))
    in_year = ordinal >= (ctx.report - ctx.report % per_year)[position]
    year_position = position[in_year]
    starts = segment_starts(year_position)
    ytd = pd.DataFrame({"direction": out["direction"], "actual": np.full(ctx.size, np.nan)})
    ytd.loc[year_position[starts], "actual"] = reduce_segments(
        value[in_year], starts, ctx.ind["how"][year_position[starts]])
    keys = year_to_date_keys(np.arange(ctx.size), ctx.report, ctx.codes)
    for column, rolled in ctx.targets(*keys, group=keys[0], size=ctx.size).items():
        ytd[column] = rolled
    out["ytd_actual"] = ytd["actual"].to_numpy()
    for column in TARGET_COLUMNS:
        out[f"ytd_{column}"] = ytd[column].to_numpy()
    out["ytd_achievement"] = achievement(ytd).to_numpy()


def _forecast(out: pd.DataFrame, ctx: _Context, line: pd.DataFrame) -> None:
    """The line extended to the objective's due date, judged against the target of the due period."""
    due = _dates(out, "due")
    value = forecast_value(line.assign(due_ordinal=_ordinal_or_nan(due, ctx.codes))).to_numpy()
    has = ~np.isnan(value)
    projected = pd.DataFrame({"direction": out["direction"], "actual": value})
    due_ordinal = series_ordinal(due[has], ctx.codes[has])
    for column, rolled in ctx.targets(np.flatnonzero(has), due_ordinal).items():
        projected[column] = np.nan
        projected.loc[has, column] = rolled
    out["forecast_due"] = np.where(has, due, np.datetime64("NaT"))
    out["forecast_value"] = value
    out["forecast_target"] = projected["target"].to_numpy()
    out["forecast_achievement"] = achievement(projected).to_numpy()


def _xmr(out: pd.DataFrame, ctx: _Context, series: pd.DataFrame) -> pd.DataFrame:
    """Limits from each indicator's baseline; signals over its whole series."""
    windows = pd.DataFrame({
        "first": _ordinal_or_nan(_dates(out, "xmr_baseline_start"), ctx.codes),
        "last": _ordinal_or_nan(_dates(out, "xmr_baseline_end"), ctx.codes),
    })
    windows["capped"] = np.isnan(windows["last"].to_numpy())
    limits = xmr_limits(series, windows)
    for column in ("points", "center", "mr_bar", "lower", "upper"):
        out[f"xmr_{column}"] = limits[column].to_numpy()
    for column in ("first", "last"):
        ordinals = limits[column].to_numpy()
        starts_at = ordinal_start(np.nan_to_num(ordinals).astype("int64"), ctx.codes)
        out[f"xmr_{column}"] = np.where(np.isnan(ordinals), np.datetime64("NaT"), starts_at)
    return xmr_signals(series, limits)


def indicator_readings(
    indicators: pd.DataFrame, measurements: pd.DataFrame, targets: pd.DataFrame, month: dt.date
) -> pd.DataFrame:
    """The readings of `board_analytics` alone: one row per indicator, same order (see there for columns)."""
    return board_analytics(indicators, measurements, targets, month).readings
