"""The board as the page shows it: the engine's board trimmed to what a card needs, and filtered.

`build_board` returns every value of every series with every XmR signal (the drill-down pages chart them);
a card needs only the last twelve points for its sparkline and the signal of the newest value. Trimming
keeps the cached copy small (a 1,000-indicator board shrinks about tenfold) and lets the filters run on
plain lists in a millisecond. Filters by process and owner are the board page's own (pages/board/page.py).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypedDict

from mios_dashboard.analytics.achievement import STATUSES
from mios_dashboard.analytics.changes import latest_signal
from mios_dashboard.services.board.shapes import (
    Board,
    IndicatorFacts,
    LightXmr,
    ObjectiveScore,
    PerspectiveScore,
    SeriesPoint,
)

SPARK_POINTS = 12
DEFAULT_GREEN = 1.0  # the default green threshold of docs/formulas.md#status (the database's column default too)
Row = Mapping[str, Any]  # an indicator or objective of any board (the engine's, or trimmed)


class SlimIndicator(IndicatorFacts):
    """A card's indicator: the reading without its series (`spark` keeps the last points) and only the newest
    value's XmR signals."""

    decimals: int
    last_period: str | None
    owner: str | None
    objective: str | None
    perspective: str | None
    process: str | None
    group: str | None
    forecast: dict[str, Any] | None  # shapes.Forecast
    green_threshold: float | None
    xmr: LightXmr | None
    spark: list[SeriesPoint]
    signal: dict[str, Any] | None  # analytics/changes.py latest_signal: {"rules", "favourable"}
    forecast_off: bool


class SlimBoard(TypedDict):
    """`slim_board`: the engine's board with trimmed indicators, what the page caches per month."""

    period: str | None
    available_periods: list[str]
    score: float | None
    status: str
    counts: dict[str, int]
    perspectives: list[PerspectiveScore]
    indicators: list[SlimIndicator]


class BoardView(SlimBoard):
    """`filter_board`: what the page shows; `counts` are of the indicators shown."""

    filtered: bool
    shown: int
    total: int


class ProcessOption(TypedDict):
    value: str
    name: str


class FilterOptions(TypedDict):
    processes: list[ProcessOption]
    owners: list[str]


def forecast_off(indicator: Row) -> bool:
    """The projection to the objective's due date would not be green there: its achievement falls below the
    indicator's own green threshold, the line its light turns green at (docs/formulas.md#forecast; 100 % when the row
    carries none).

    Only a due date after the reporting period counts: a forecast for a date already past is no warning.
    """
    forecast = indicator.get("forecast") or {}
    achieved, due, period = forecast.get("achievement"), forecast.get("due"), indicator.get("period")
    green = indicator.get("green_threshold")
    green = DEFAULT_GREEN if green is None else green
    return achieved is not None and due is not None and period is not None and due > period and achieved < green


def _slim_indicator(row: Row) -> SlimIndicator:
    get, xmr = row.get, row.get("xmr")
    latest: LightXmr | None = None
    if xmr:  # limits, and only the signals of the newest value (the older ones are history)
        latest = {"center": xmr.get("center"), "lower": xmr.get("lower"), "upper": xmr.get("upper"),
                  "signals": [s for s in xmr.get("signals") or [] if s.get("period") == get("period")]}
    return {
        "code": row["code"], "name": get("name"), "unit": get("unit"), "direction": get("direction"),
        "frequency": get("frequency"), "period": get("period"), "actual": get("actual"), "target": get("target"),
        "target_min": get("target_min"), "target_max": get("target_max"), "achievement": get("achievement"),
        "status": row["status"], "trend": get("trend"), "decimals": row["decimals"],
        "last_period": get("last_period"), "owner": get("owner"), "objective": get("objective"),
        "perspective": get("perspective"), "process": get("process"), "group": get("group"),
        "forecast": get("forecast"), "green_threshold": get("green_threshold"), "xmr": latest,
        "spark": list((get("series") or [])[-SPARK_POINTS:]),
        "signal": latest_signal(row),
        "forecast_off": forecast_off(row),
    }


def slim_board(board: Board) -> SlimBoard:
    """The board with trimmed indicators (see the module docstring), scores unchanged. Indicators that no
    perspective lists (no perspective of their own and no objective) are gathered in a last pseudo-perspective
    with code None, so that nothing measured is invisible on the board."""
    indicators = [_slim_indicator(row) for row in board.get("indicators") or []]
    perspectives = list(board.get("perspectives") or [])
    listed = {c for p in perspectives for c in [*p.get("loose_indicators", []),
                                                 *(c for o in p.get("objectives") or [] for c in o.get("indicators") or [])]}
    orphans = [row["code"] for row in indicators if row["code"] not in listed]
    if orphans:
        perspectives.append({"code": None, "name": None, "score": None, "status": "no_data", "objectives": [],
                             "loose_indicators": orphans})
    return {**board, "perspectives": perspectives, "indicators": indicators}


# ---------- filters ----------

def _objectives(board: Row) -> dict[str | None, Row]:
    return {o["code"]: o for p in board.get("perspectives") or [] for o in p.get("objectives") or []}


def filter_options(board: Row, process_names: Mapping[str, str]) -> FilterOptions:
    """The values the filters offer: every process and owner that appears on an objective or an indicator.

    Output: {"processes": [{"value": "PRD", "name": "Producción"}], "owners": ["Ing. …", …]}, sorted.
    """
    objectives = _objectives(board).values()
    rows = [*objectives, *(board.get("indicators") or [])]
    processes = sorted({r.get("process") for r in rows if r.get("process")})
    owners = sorted({r.get("owner") for r in rows if r.get("owner")}, key=str.casefold)
    return {"processes": [{"value": code, "name": process_names.get(code) or code} for code in processes],
            "owners": owners}


def _matches(row: Row, fallback: Row | None, process: str | None, owner: str | None) -> bool:
    """A row (indicator or objective) matches when each given filter equals its own value, or — for an
    indicator without one — its objective's."""
    fallback = fallback or {}
    if process and (row.get("process") or fallback.get("process")) != process:
        return False
    return not owner or (row.get("owner") or fallback.get("owner")) == owner


def filter_board(board: SlimBoard, process: str | None = None, owner: str | None = None) -> BoardView:
    """The board restricted to a process and/or an owner.

    An objective that matches by itself keeps all its indicators (its owner answers for all of them);
    otherwise it appears with just its matching indicators, or not at all. Loose indicators appear when
    they match. Scores stay the board's (a filter narrows the view, it does not re-weigh the company);
    `counts` become the counts of the indicators shown. Adds "filtered", "shown" and "total".
    """
    indicators = board.get("indicators") or []
    total = len(indicators)
    if not process and not owner:
        return {**board, "filtered": False, "shown": total, "total": total}
    by_code = {row["code"]: row for row in indicators}
    objectives = _objectives(board)
    shown: set[str] = set()
    perspectives: list[PerspectiveScore] = []
    for perspective in board.get("perspectives") or []:
        kept: list[ObjectiveScore] = []
        for objective in perspective.get("objectives") or []:
            codes = [c for c in objective.get("indicators") or [] if c in by_code]
            if not _matches(objective, None, process, owner):
                codes = [c for c in codes if _matches(by_code[c], objective, process, owner)]
                if not codes:
                    continue
            kept.append({**objective, "indicators": codes})
            shown.update(codes)
        loose = [c for c in perspective.get("loose_indicators") or []
                 if c in by_code and _matches(by_code[c], objectives.get(by_code[c].get("objective")), process, owner)]
        shown.update(loose)
        perspectives.append({**perspective, "objectives": kept, "loose_indicators": loose})
    rows = [row for row in indicators if row["code"] in shown]
    return {**board, "perspectives": perspectives, "indicators": rows, "counts": status_counts(rows),
            "filtered": True, "shown": len(rows), "total": total}


def status_counts(rows: Iterable[Row]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        if row.get("status") in counts:
            counts[row["status"]] += 1
    return counts

