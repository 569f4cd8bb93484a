"""The directive board for a month: readings of every indicator and the scores above them.

One computation serves the board page and `board --json`, so the two can never disagree.
"""
from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from sqlalchemy.orm import Session

from ..analytics.achievement import STATUSES, score_status
from ..analytics.board import indicator_readings
from ..analytics.scores import ACHIEVEMENT_CAP, weighted_scores
from ..repositories import board_data

CLI_INDICATOR_FIELDS = (
    "code", "name", "unit", "direction", "frequency", "period", "actual", "target", "achievement", "status",
    "trend", "slope", "ytd_actual", "ytd_target", "ytd_achievement", "forecast", "xmr",
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


def _indicator_dict(row) -> dict:
    return {
        "code": row.code, "name": row.name, "unit": row.unit, "direction": row.direction,
        "frequency": row.frequency, "period": _iso(row.period), "actual": _number(row.actual),
        "target": _number(row.target), "target_min": _number(row.target_min), "target_max": _number(row.target_max),
        "achievement": _number(row.achievement), "status": row.status,
        # Completed by the KPI engine (trend, year to date, forecast, XmR).
        "trend": None, "slope": None, "ytd_actual": None, "ytd_target": None, "ytd_achievement": None,
        "forecast": None, "xmr": None,
        "owner": _text(row.owner), "objective": _text(row.objective), "perspective": _text(row.perspective),
        "process": _text(row.process), "group": _text(row.group), "decimals": int(row.decimals),
        "last_period": _iso(row.last_period),
    }


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
        readings = indicator_readings(indicators, board_data.measurements(session), board_data.targets(session), month)
    else:
        readings = indicators.assign(
            period=pd.NaT, actual=float("nan"), achievement=float("nan"), status="no_data", last_period=pd.NaT
        )

    readings["capped"] = readings["achievement"].clip(upper=ACHIEVEMENT_CAP)
    objective_scores = weighted_scores(readings.dropna(subset=["objective"]), "objective", "capped", "weight")
    objectives["score"] = objectives["code"].map(objective_scores).astype("float64")
    perspective_scores = weighted_scores(objectives, "perspective", "score", "weight")
    perspectives["score"] = perspectives["code"].map(perspective_scores).astype("float64")
    board_score = weighted_scores(perspectives.assign(board=1), "board", "score", "weight").get(1)

    indicator_dicts = [_indicator_dict(row) for row in readings.itertuples(index=False)]
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
        "indicators": [{k: i[k] for k in CLI_INDICATOR_FIELDS} for i in board["indicators"]],
    }
