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


def _column(values: np.ndarray) -> list:
    """A numpy column as Python values for JSON: floats with None for NaN, dates as ISO text."""
    if np.issubdtype(values.dtype, np.datetime64):
        text = np.datetime_as_string(values.astype("datetime64[D]"), unit="D").astype(object)
        text[np.isnat(values)] = None
        return text.tolist()
    numbers = values.astype("float64").astype(object)
    numbers[np.isnan(values.astype("float64"))] = None
    return numbers.tolist()


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


def _forecast(row) -> dict | None:
    if _number(row.forecast_value) is None:
        return None
    return {"due": _iso(row.forecast_due), "value": _number(row.forecast_value),
            "achievement": _number(row.forecast_achievement), "target": _number(row.forecast_target)}


def _xmr(row, signals: list[dict]) -> dict | None:
    if _number(row.xmr_center) is None:
        return None
    return {"center": _number(row.xmr_center), "lower": _number(row.xmr_lower), "upper": _number(row.xmr_upper),
            "signals": signals, "mr_bar": _number(row.xmr_mr_bar), "baseline_points": int(row.xmr_points),
            "baseline_start": _iso(row.xmr_first), "baseline_end": _iso(row.xmr_last)}


def _indicator_dict(row, series: list[dict], signals: list[dict]) -> dict:
    return {
        "code": row.code, "name": row.name, "unit": row.unit, "direction": row.direction,
        "frequency": row.frequency, "period": _iso(row.period), "actual": _number(row.actual),
        "target": _number(row.target), "target_min": _number(row.target_min), "target_max": _number(row.target_max),
        "achievement": _number(row.achievement), "status": row.status,
        "trend": _text(row.trend), "slope": _number(row.slope),
        "ytd_actual": _number(row.ytd_actual), "ytd_target": _number(row.ytd_target),
        "ytd_target_min": _number(row.ytd_target_min), "ytd_target_max": _number(row.ytd_target_max),
        "ytd_achievement": _number(row.ytd_achievement),
        "forecast": _forecast(row), "xmr": _xmr(row, signals),
        "owner": _text(row.owner), "objective": _text(row.objective), "perspective": _text(row.perspective),
        "process": _text(row.process), "group": _text(row.group), "decimals": int(row.decimals),
        "last_period": _iso(row.last_period),
        "series": series,  # the values up to the reporting period, with their targets (sparklines, charts)
    }


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

    size = len(readings)
    series_lists = _series_lists(series, size)
    signal_lists = _signal_lists(signals, size)
    indicator_dicts = [
        _indicator_dict(row, series_lists[i], signal_lists[i]) for i, row in enumerate(readings.itertuples(index=False))
    ]
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
