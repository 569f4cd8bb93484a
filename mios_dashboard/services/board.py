"""The directive board for a month: readings of every indicator and the scores above them.

One computation serves the board page and `board --json`, so the two can never disagree.
"""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session

from ..analytics.achievement import STATUSES, score_status
from ..analytics.board import board_analytics
from ..analytics.periods import month_end
from ..analytics.scores import ACHIEVEMENT_CAP, weighted_scores
from ..repositories import board_data

CLI_INDICATOR_FIELDS = (
    "code", "name", "unit", "direction", "frequency", "period", "actual", "target", "achievement", "status",
    "trend", "slope", "ytd_actual", "ytd_target", "ytd_achievement", "forecast", "xmr",
)
CLI_FORECAST_FIELDS = ("due", "value", "achievement")
CLI_XMR_FIELDS = ("center", "lower", "upper", "signals")
# Columns the engine adds; an empty board (no month to read) gets them missing.
ENGINE_COLUMNS = (
    "slope", "ytd_actual", "ytd_target", "ytd_target_min", "ytd_target_max", "ytd_achievement", "forecast_value",
    "forecast_target", "forecast_achievement", "xmr_center", "xmr_mr_bar", "xmr_lower", "xmr_upper",
)


def _number(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return float(value)


def _text(value) -> str | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA else str(value)


def _iso(value) -> str | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    return pd.Timestamp(value).date().isoformat()


def default_month(periods: list[dt.date]) -> dt.date | None:
    """The newest month with data (DESIGN §3)."""
    return periods[-1].replace(day=1) if periods else None


TEXT_FIELDS = ("code", "name", "unit", "direction", "frequency", "status", "trend", "owner", "objective",
               "perspective", "process", "group")
NUMBER_FIELDS = ("actual", "target", "target_min", "target_max", "achievement", "slope", "ytd_actual", "ytd_target",
                 "ytd_target_min", "ytd_target_max", "ytd_achievement", "forecast_value", "forecast_achievement",
                 "forecast_target", "xmr_center", "xmr_lower", "xmr_upper", "xmr_mr_bar")
DATE_FIELDS = ("period", "last_period", "forecast_due", "xmr_first", "xmr_last")


def _column(values) -> list:
    """A column as Python values for JSON: floats with None for NaN, dates (datetime64) as ISO text."""
    values = np.asarray(values)
    if np.issubdtype(values.dtype, np.datetime64):
        text = np.datetime_as_string(values.astype("datetime64[D]"), unit="D").astype(object)
        text[np.isnat(values)] = None
        return text.tolist()
    numbers = values.astype("float64")
    result = numbers.astype(object)
    result[np.isnan(numbers)] = None
    return result.tolist()


def _texts(values: pd.Series) -> list:
    return [None if v is None or v is pd.NA or v != v else str(v) for v in values.tolist()]


def _per_indicator(frame: pd.DataFrame, size: int, rows: list) -> list[list]:
    """`rows` (one per row of `frame`, grouped by position) cut into one list per indicator position."""
    bounds = np.searchsorted(frame["position"].to_numpy(), np.arange(size + 1)).tolist()
    return [rows[bounds[i]:bounds[i + 1]] for i in range(size)]


def _series_lists(series: pd.DataFrame, size: int) -> list[list[dict]]:
    columns = [_column(series[c].to_numpy()) for c in ("period", "value", "target", "target_min", "target_max")]
    rows = [
        {"period": p, "value": v, "target": t, "target_min": lo, "target_max": hi}
        for p, v, t, lo, hi in zip(*columns)
    ]
    return _per_indicator(series, size, rows)


def _signal_lists(signals: pd.DataFrame, size: int) -> list[list[dict]]:
    rows = [
        {"period": p, "rule": r}
        for p, r in zip(_column(signals["period"].to_numpy()), signals["rule"].astype("int64").tolist())
    ]
    return _per_indicator(signals, size, rows)


def _indicator_dicts(readings: pd.DataFrame, series: pd.DataFrame, signals: pd.DataFrame) -> list[dict]:
    """One dict per indicator, converted column by column (a Python call per cell costs more than the engine)."""
    size = len(readings)
    c = {name: _texts(readings[name]) for name in TEXT_FIELDS}
    c |= {name: _column(readings[name].to_numpy(dtype="float64")) for name in NUMBER_FIELDS}
    c |= {name: _column(pd.to_datetime(readings[name]).to_numpy(dtype="datetime64[ns]")) for name in DATE_FIELDS}
    decimals, baseline_points = readings["decimals"].astype(int).tolist(), readings["xmr_points"].astype(int).tolist()
    series_lists, signal_lists = _series_lists(series, size), _signal_lists(signals, size)
    dicts = []
    for i in range(size):
        forecast = None if c["forecast_value"][i] is None else {
            "due": c["forecast_due"][i], "value": c["forecast_value"][i],
            "achievement": c["forecast_achievement"][i], "target": c["forecast_target"][i],
        }
        xmr = None if c["xmr_center"][i] is None else {
            "center": c["xmr_center"][i], "lower": c["xmr_lower"][i], "upper": c["xmr_upper"][i],
            "signals": signal_lists[i], "mr_bar": c["xmr_mr_bar"][i], "baseline_points": baseline_points[i],
            "baseline_start": c["xmr_first"][i], "baseline_end": c["xmr_last"][i],
        }
        dicts.append({
            **{k: c[k][i] for k in ("code", "name", "unit", "direction", "frequency", "period", "actual", "target",
                                     "target_min", "target_max", "achievement", "status", "trend", "slope",
                                     "ytd_actual", "ytd_target", "ytd_target_min", "ytd_target_max",
                                     "ytd_achievement")},
            "forecast": forecast, "xmr": xmr,
            **{k: c[k][i] for k in ("owner", "objective", "perspective", "process", "group")},
            "decimals": decimals[i], "last_period": c["last_period"][i],
            "series": series_lists[i],  # the values up to the reporting period, with their targets (charts)
        })
    return dicts


def _empty_readings(indicators: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """No month to read (no value anywhere): every reading missing."""
    readings = indicators.assign(
        period=pd.NaT, actual=float("nan"), achievement=float("nan"), status="no_data", last_period=pd.NaT,
        trend=None, forecast_due=pd.NaT, xmr_points=0, xmr_first=pd.NaT, xmr_last=pd.NaT,
        **{c: float("nan") for c in ENGINE_COLUMNS},
    )
    series = pd.DataFrame({c: [] for c in ("position", "period", "value", "target", "target_min", "target_max")})
    signals = pd.DataFrame({"position": [], "period": [], "rule": []})
    return readings, series, signals


def build_board(session: Session, period: dt.date | None = None) -> dict:
    """The board for the month of `period` (default: the newest month with data), as plain data.

    A superset of the `board --json` schema (DESIGN §5): perspectives carry code, loose indicators and
    objective owners and due dates for the page; `to_cli_json` keeps only the documented fields.
    """
    periods = board_data.measured_periods(session)
    months = sorted({p.replace(day=1) for p in periods})
    month = period.replace(day=1) if period else default_month(months)
    perspectives = board_data.perspectives(session)
    objectives = board_data.objectives(session)
    indicators = board_data.indicators(session)

    if month is not None and not indicators.empty:
        measurements = board_data.measurements(session, until=month_end(month))
        readings, series, signals = board_analytics(indicators, measurements, board_data.targets(session), month)
    else:
        readings, series, signals = _empty_readings(indicators)

    readings["capped"] = readings["achievement"].clip(upper=ACHIEVEMENT_CAP)
    objective_scores = weighted_scores(readings.dropna(subset=["objective"]), "objective", "capped", "weight")
    objectives["score"] = objectives["code"].map(objective_scores).astype("float64")
    perspective_scores = weighted_scores(objectives, "perspective", "score", "weight")
    perspectives["score"] = perspectives["code"].map(perspective_scores).astype("float64")
    board_score = weighted_scores(perspectives.assign(board=1), "board", "score", "weight").get(1)

    indicator_dicts = _indicator_dicts(readings, series, signals)
    codes_by_objective = readings.dropna(subset=["objective"]).groupby("objective")["code"].apply(list)
    loose = readings[readings["objective"].isna()].groupby("perspective")["code"].apply(list)
    objectives_by_perspective = {
        code: [
            {
                "code": o.code, "title": o.title, "score": _number(o.score), "status": score_status(_number(o.score)),
                "owner": _text(o.owner), "due": _iso(o.due), "process": _text(o.process),
                "indicators": list(codes_by_objective.get(o.code, [])),
            }
            for o in group.itertuples(index=False)
        ]
        for code, group in objectives.groupby("perspective", sort=False)
    }
    counts = readings["status"].value_counts()
    return {
        "period": month.isoformat() if month else None,
        "available_periods": [m.isoformat() for m in months],
        "score": _number(board_score),
        "status": score_status(_number(board_score)),
        "counts": {s: int(counts.get(s, 0)) for s in STATUSES},
        "perspectives": [
            {
                "code": p.code, "name": p.name, "score": _number(p.score), "status": score_status(_number(p.score)),
                "objectives": objectives_by_perspective.get(p.code, []),
                "loose_indicators": list(loose.get(p.code, [])),
            }
            for p in perspectives.itertuples(index=False)
        ],
        "indicators": indicator_dicts,
    }


def to_cli_json(board: dict) -> dict:
    """Exactly the `board --json` schema of DESIGN §5."""
    return {
        "period": board["period"],
        "score": board["score"],
        "status": board["status"],
        "perspectives": [
            {
                "name": p["name"], "score": p["score"], "status": p["status"],
                "objectives": [
                    {k: o[k] for k in ("code", "title", "score", "status", "indicators")} for o in p["objectives"]
                ],
            }
            for p in board["perspectives"]
        ],
        "indicators": [_cli_indicator(i) for i in board["indicators"]],
    }


def _cli_indicator(indicator: dict) -> dict:
    data = {k: indicator[k] for k in CLI_INDICATOR_FIELDS}
    if data["forecast"] is not None:
        data["forecast"] = {k: data["forecast"][k] for k in CLI_FORECAST_FIELDS}
    if data["xmr"] is not None:
        data["xmr"] = {k: data["xmr"][k] for k in CLI_XMR_FIELDS}
    return data
