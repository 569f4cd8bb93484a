"""The directive board for a month: readings of every indicator and the scores above them.

One computation serves the board page and `board --json`, so the two can never disagree. The results are
plain data (the TypedDicts of services/board/shapes.py: days as ISO text, numbers as floats or None) for
caches, pages and JSON.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import NamedTuple

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session

from mios_dashboard.analytics.achievement import STATUSES, score_status
from mios_dashboard.analytics.board import board_analytics
from mios_dashboard.analytics.scores import ACHIEVEMENT_CAP, weighted_scores
from mios_dashboard.repositories import board as board_repo
from mios_dashboard.services.board.shapes import (
    Board,
    CliBoard,
    CliIndicator,
    Forecast,
    IndicatorReading,
    Light,
    ObjectiveScore,
    SeriesPoint,
    Xmr,
    XmrSignal,
)
from mios_dashboard.services.plain import frame_rows, iso_day

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


def default_month(periods: list[dt.date]) -> dt.date | None:
    """The newest month with data (docs/formulas.md#reporting-period)."""
    return periods[-1].replace(day=1) if periods else None


TEXT_FIELDS = ("code", "name", "unit", "direction", "frequency", "status", "trend", "owner", "objective",
               "perspective", "process", "group")
NUMBER_FIELDS = ("actual", "target", "target_min", "target_max", "achievement", "slope", "ytd_actual", "ytd_target",
                 "ytd_target_min", "ytd_target_max", "ytd_achievement", "forecast_value", "forecast_achievement",
                 "forecast_target", "xmr_center", "xmr_lower", "xmr_upper", "xmr_mr_bar", "green_threshold",
                 "yellow_threshold")
DATE_FIELDS = ("period", "last_period", "forecast_due", "xmr_first", "xmr_last")
# What comparing two months' lights needs of each indicator (analytics/changes.py), besides its XmR.
LIGHT_FIELDS = ("code", "name", "owner", "objective", "perspective", "direction", "period", "actual", "target_min",
                "target_max", "status")


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
    # `v != v` is true for every NaN-like value (float, numpy, NaT) and nothing else
    return [None if v is None or v is pd.NA or v != v else str(v) for v in values.tolist()]  # noqa: PLR0124


def _per_indicator(frame: pd.DataFrame, size: int, rows: list) -> list[list]:
    """`rows` (one per row of `frame`, grouped by position) cut into one list per indicator position."""
    bounds = np.searchsorted(frame["position"].to_numpy(), np.arange(size + 1)).tolist()
    return [rows[bounds[i]:bounds[i + 1]] for i in range(size)]


def _series_lists(series: pd.DataFrame, size: int) -> list[list[SeriesPoint]]:
    columns = [_column(series[c].to_numpy()) for c in ("period", "value", "target", "target_min", "target_max")]
    rows: list[SeriesPoint] = [
        {"period": p, "value": v, "target": t, "target_min": lo, "target_max": hi}
        for p, v, t, lo, hi in zip(*columns)
    ]
    return _per_indicator(series, size, rows)


def _signal_lists(signals: pd.DataFrame, size: int) -> list[list[XmrSignal]]:
    rows: list[XmrSignal] = [
        {"period": p, "rule": r}
        for p, r in zip(_column(signals["period"].to_numpy()), signals["rule"].astype("int64").tolist())
    ]
    return _per_indicator(signals, size, rows)


def _indicator_dicts(readings: pd.DataFrame, series: pd.DataFrame, signals: pd.DataFrame) -> list[IndicatorReading]:
    """One dict per indicator, converted column by column (a Python call per cell costs more than the engine)."""
    size = len(readings)
    c = {name: _texts(readings[name]) for name in TEXT_FIELDS}
    c |= {name: _column(readings[name].to_numpy(dtype="float64")) for name in NUMBER_FIELDS}
    c |= {name: _column(pd.to_datetime(readings[name]).to_numpy(dtype="datetime64[ns]")) for name in DATE_FIELDS}
    decimals, baseline_points = readings["decimals"].astype(int).tolist(), readings["xmr_points"].astype(int).tolist()
    series_lists, signal_lists = _series_lists(series, size), _signal_lists(signals, size)
    dicts: list[IndicatorReading] = []
    for i in range(size):
        forecast: Forecast | None = None if c["forecast_value"][i] is None else {
            "due": c["forecast_due"][i], "value": c["forecast_value"][i],
            "achievement": c["forecast_achievement"][i], "target": c["forecast_target"][i],
        }
        xmr: Xmr | None = None if c["xmr_center"][i] is None else {
            "center": c["xmr_center"][i], "lower": c["xmr_lower"][i], "upper": c["xmr_upper"][i],
            "signals": signal_lists[i], "mr_bar": c["xmr_mr_bar"][i], "baseline_points": baseline_points[i],
            "baseline_start": c["xmr_first"][i], "baseline_end": c["xmr_last"][i],
        }
        dicts.append({
            "code": c["code"][i], "name": c["name"][i], "unit": c["unit"][i], "direction": c["direction"][i],
            "frequency": c["frequency"][i], "period": c["period"][i], "actual": c["actual"][i],
            "target": c["target"][i], "target_min": c["target_min"][i], "target_max": c["target_max"][i],
            "achievement": c["achievement"][i], "status": c["status"][i], "trend": c["trend"][i],
            "slope": c["slope"][i], "ytd_actual": c["ytd_actual"][i], "ytd_target": c["ytd_target"][i],
            "ytd_target_min": c["ytd_target_min"][i], "ytd_target_max": c["ytd_target_max"][i],
            "ytd_achievement": c["ytd_achievement"][i], "forecast": forecast, "xmr": xmr,
            "owner": c["owner"][i], "objective": c["objective"][i], "perspective": c["perspective"][i],
            "process": c["process"][i], "group": c["group"][i], "green_threshold": c["green_threshold"][i],
            "yellow_threshold": c["yellow_threshold"][i], "decimals": decimals[i],
            "last_period": c["last_period"][i], "series": series_lists[i],
        })
    return dicts


def _empty_readings(indicators: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """No month to read (no value anywhere): every reading missing."""
    no_day = pd.Series(pd.NaT, index=indicators.index, dtype="datetime64[ns]")
    readings = indicators.assign(
        period=no_day, actual=float("nan"), achievement=float("nan"), status="no_data", last_period=no_day,
        trend=None, forecast_due=no_day, xmr_points=0, xmr_first=no_day, xmr_last=no_day,
        **{c: float("nan") for c in ENGINE_COLUMNS},
    )
    series = pd.DataFrame({c: [] for c in ("position", "period", "value", "target", "target_min", "target_max")})
    signals = pd.DataFrame({"position": [], "period": [], "rule": []})
    return readings, series, signals


class BoardSource(NamedTuple):
    """The rows every board is computed from, read once: any number of months can be computed from one read
    (the board page computes the month and the month before from the same rows)."""

    months: list[dt.date]  # every month with at least one value, oldest first
    perspectives: pd.DataFrame
    objectives: pd.DataFrame
    indicators: pd.DataFrame
    measurements: pd.DataFrame  # every value (the engine keeps those up to the month it reads)
    targets: pd.DataFrame


def read_source(session: Session) -> BoardSource:
    """Every row a board needs, in one query per table; the months with data come from the values read."""
    indicators = board_repo.indicators(session)
    measurements = board_repo.measurements(session)
    months = np.unique(measurements["period"].to_numpy(dtype="datetime64[ns]").astype("datetime64[M]"))
    return BoardSource(
        months=[dt.date.fromisoformat(m) for m in np.datetime_as_string(months, unit="D").tolist()],
        perspectives=board_repo.perspectives(session), objectives=board_repo.objectives(session),
        indicators=indicators, measurements=measurements,
        targets=board_repo.targets(session) if not indicators.empty else pd.DataFrame(),
    )


def build_board(session: Session, period: dt.date | None = None) -> Board:
    """The board for the month of `period` (default: the newest month with data), as plain data.

    A superset of the `board --json` schema (docs/command-line.md#the-board-as-json): perspectives carry code, loose indicators and
    objective owners and due dates for the page; `to_cli_json` keeps only the documented fields.
    """
    return board_from(read_source(session), period)


def board_from(source: BoardSource, period: dt.date | None = None, series_points: int | None = None) -> Board:
    """`build_board` from rows already read. `series_points` keeps only each indicator's newest points of
    its series (the board page's sparklines need twelve; the drill-down pages chart them all)."""
    month = period.replace(day=1) if period else default_month(source.months)
    perspectives, objectives, indicators = source.perspectives.copy(), source.objectives.copy(), source.indicators

    if month is not None and not indicators.empty:
        readings, series, signals = board_analytics(indicators, source.measurements, source.targets, month,
                                                    series_points)
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
    objectives_by_perspective: dict[str, list[ObjectiveScore]] = {
        str(code): [
            {
                "code": o.code, "title": o.title, "score": _number(o.score), "status": score_status(_number(o.score)),
                "owner": _text(o.owner), "due": iso_day(o.due), "process": _text(o.process),
                "indicators": list(codes_by_objective.get(o.code, [])),
            }
            for o in frame_rows(group)
        ]
        for code, group in objectives.groupby("perspective", sort=False)
    }
    counts = readings["status"].value_counts()
    return {
        "period": month.isoformat() if month else None,
        "available_periods": [m.isoformat() for m in source.months],
        "score": _number(board_score),
        "status": score_status(_number(board_score)),
        "counts": {s: int(counts.get(s, 0)) for s in STATUSES},
        "perspectives": [
            {
                "code": p.code, "name": p.name, "score": _number(p.score), "status": score_status(_number(p.score)),
                "objectives": objectives_by_perspective.get(p.code, []),
                "loose_indicators": list(loose.get(p.code, [])),
            }
            for p in frame_rows(perspectives)
        ],
        "indicators": indicator_dicts,
    }


def month_lights(source: BoardSource, month: dt.date) -> list[Light]:
    """Every indicator's light for `month` and the XmR signals of its newest value, from rows already read.

    What "what changed since last month" compares (analytics/changes.py), at about half the cost of a board:
    no year to date, trend, forecast or series. Each dict holds LIGHT_FIELDS and "xmr" ({"center", "lower",
    "upper", "signals" of the reporting period} or None), equal field by field to the page's board of that
    month (services/board/view.slim_board; tested).
    """
    if source.indicators.empty:
        return []
    readings, _, signals = board_analytics(source.indicators, source.measurements, source.targets, month,
                                           lights_only=True)
    c = {name: _texts(readings[name]) for name in LIGHT_FIELDS if name in TEXT_FIELDS}
    c |= {name: _column(readings[name].to_numpy(dtype="float64"))
          for name in ("actual", "target_min", "target_max", "xmr_center", "xmr_lower", "xmr_upper")}
    c["period"] = _column(pd.to_datetime(readings["period"]).to_numpy(dtype="datetime64[ns]"))
    signal_lists = _signal_lists(signals, len(readings))
    lights: list[Light] = []
    for i in range(len(readings)):
        period = c["period"][i]
        lights.append({
            "code": c["code"][i], "name": c["name"][i], "owner": c["owner"][i], "objective": c["objective"][i],
            "perspective": c["perspective"][i], "direction": c["direction"][i], "period": period,
            "actual": c["actual"][i], "target_min": c["target_min"][i], "target_max": c["target_max"][i],
            "status": c["status"][i],
            "xmr": None if c["xmr_center"][i] is None else {
                "center": c["xmr_center"][i], "lower": c["xmr_lower"][i], "upper": c["xmr_upper"][i],
                "signals": [s for s in signal_lists[i] if s["period"] == period],
            },
        })
    return lights


def to_cli_json(board: Board) -> CliBoard:
    """Exactly the `board --json` schema of docs/command-line.md#the-board-as-json (shapes.CliBoard), in its order."""
    return {
        "period": board["period"],
        "score": board["score"],
        "status": board["status"],
        "perspectives": [
            {
                "name": p["name"], "score": p["score"], "status": p["status"],
                "objectives": [
                    {"code": o["code"], "title": o["title"], "score": o["score"], "status": o["status"],
                     "indicators": o["indicators"]}
                    for o in p["objectives"]
                ],
            }
            for p in board["perspectives"]
        ],
        "indicators": [_cli_indicator(i) for i in board["indicators"]],
    }


def _cli_indicator(i: IndicatorReading) -> CliIndicator:
    forecast, xmr = i["forecast"], i["xmr"]
    return {
        "code": i["code"], "name": i["name"], "unit": i["unit"], "direction": i["direction"],
        "frequency": i["frequency"], "period": i["period"], "actual": i["actual"], "target": i["target"],
        "achievement": i["achievement"], "status": i["status"], "trend": i["trend"], "slope": i["slope"],
        "ytd_actual": i["ytd_actual"], "ytd_target": i["ytd_target"], "ytd_achievement": i["ytd_achievement"],
        "forecast": None if forecast is None else {
            "due": forecast["due"], "value": forecast["value"], "achievement": forecast["achievement"]},
        "xmr": None if xmr is None else {
            "center": xmr["center"], "lower": xmr["lower"], "upper": xmr["upper"], "signals": xmr["signals"]},
    }
