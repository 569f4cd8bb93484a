"""Use cases of the drill-down pages: one objective, or one indicator, with everything a director asks next.

Readings come from `build_board` for the same month — the drill-down never recomputes what the board
showed, so the two pages cannot disagree. Everything returned is plain data (dicts, dates, floats): the
TypedDicts below, whose rows from the database (risks, actions, measurements…) are the repository's dicts.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any, TypedDict

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session

from mios_dashboard.analytics.achievement import achievement
from mios_dashboard.analytics.periods import month_end
from mios_dashboard.repositories import drilldown as repo
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.services.board.shapes import Board, ObjectiveScore
from mios_dashboard.services.plain import iso_day

RECENT_MEASUREMENTS = 12  # rows in the objective page's "latest measurements"
MEASUREMENT_ROWS = 400  # rows in the indicator page's data table (a daily indicator has more than a year)
HISTORY_EVENTS = 150
# Fields of an audit event the reader cares about; ids and bookkeeping stay out.
_HIDDEN_FIELDS = frozenset({"id", "indicator_id", "objective_id", "perspective_id", "process_id", "parent_id"})
_INSERT_FIELDS = {"measurement": ("value", "comment"), "target": ("target", "target_min", "target_max")}
Record = dict[str, Any]  # a row as repositories/drilldown.py reads it


class FieldChange(TypedDict):
    field: str
    old: Any
    new: Any


class HistoryEvent(TypedDict):
    """An audit event as the history shows it."""

    at: dt.datetime
    actor: str | None
    operation: str  # insert, update, delete
    entity: str
    period: str | None  # the row's period, for measurements and per-period targets
    changes: list[FieldChange]


class ObjectiveDetail(TypedDict):
    period: str | None  # the board month shown, ISO
    available_periods: list[str]
    objective: Record  # with its 6.2.2 plan, score, status, owner and due
    indicators: list[Record]  # board readings plus thresholds, "active" and "current_signals"
    relatives: Record  # parent, children, causes, effects
    risks: list[Record]
    actions: list[Record]
    measurements: list[Record]  # the latest, with their source
    measurement_count: int
    history: list[HistoryEvent]
    history_count: int


class IndicatorDetail(TypedDict):
    period: str | None
    available_periods: list[str]
    indicator: Record  # the board reading for the month plus the whole definition
    measurements: list[Record]  # with target, achievement, light and source
    measurement_count: int
    history: list[HistoryEvent]
    history_count: int


def _board_objective(board: Board, code: str) -> ObjectiveScore | None:
    return next((o for p in board["perspectives"] for o in p["objectives"] if o["code"] == code), None)


def current_signals(indicator: Mapping[str, Any]) -> list[int]:
    """The XmR rules broken at the indicator's reporting period: the news of this month."""
    xmr = indicator.get("xmr") or {}
    return sorted({s["rule"] for s in xmr.get("signals") or [] if s.get("period") == indicator.get("period")})


def _empty_reading(definition: Record) -> Record:
    """An indicator the board does not read (inactive): its definition, no values."""
    keys = ("code", "name", "unit", "direction", "frequency", "target", "target_min", "target_max", "owner",
            "objective", "perspective", "process", "group")
    return {**{k: definition.get(k) for k in keys}, "decimals": definition.get("decimals"), "status": "no_data",
            "series": [], "xmr": None, "forecast": None, "period": None, "last_period": None}


def objective_detail(session: Session, code: str, period: dt.date | None = None) -> ObjectiveDetail | None:
    """The objective page's data for the board month of `period` (default: the newest month with data):
    objective (with its 6.2.2 plan, score, status), indicators (board readings plus thresholds), relatives
    (parent, children, causes, effects), risks, actions, recent measurements with their source, and the
    objective's change history. None when no objective has `code`."""
    row = repo.objective(session, code)
    if row is None:
        return None
    board = build_board(session, period)
    shown: Mapping[str, Any] = _board_objective(board, row["code"]) or {}
    readings = {i["code"]: i for i in board["indicators"]}
    members = repo.objective_indicators(session, row["id"])
    extra = repo.thresholds(session, [m["id"] for m in members])
    indicators = []
    for member in members:
        reading = readings.get(member["code"]) or _empty_reading({**member, "objective": row["code"]})
        indicators.append({**reading, **extra.get(member["code"], {}), "active": member["active"],
                           "current_signals": current_signals(reading)})
    indicator_ids = [m["id"] for m in members]
    risks = repo.risks(session, row["id"])
    until = month_end(dt.date.fromisoformat(board["period"])) if board["period"] else None
    recent = repo.measurements(session, indicator_ids, until=until, limit=RECENT_MEASUREMENTS)
    units = {i["code"]: (i.get("unit"), i.get("decimals"), i.get("frequency")) for i in indicators}
    for measurement in recent:
        measurement["unit"], measurement["decimals"], measurement["frequency"] = units.get(
            measurement["code"], (None, None, None))
    events, total = repo.objective_events(session, row["id"], HISTORY_EVENTS)
    return {
        "period": board["period"],
        "available_periods": board["available_periods"],
        "objective": {**row, "score": shown.get("score"), "status": shown.get("status") or "no_data",
                      "owner": row["plan_owner"], "due": iso_day(row["plan_due"])},
        "indicators": indicators,
        "relatives": {"parent": {"code": row["parent"], "title": row["parent_title"]} if row["parent"] else None,
                      **repo.objective_relatives(session, row["id"])},
        "risks": risks,
        "actions": repo.actions(session, row["id"], indicator_ids, [r["id"] for r in risks]),
        "measurements": recent,
        "measurement_count": repo.measurement_count(session, indicator_ids, until=until),
        "history": [_event(e, {}, {}) for e in events],
        "history_count": total,
    }


def indicator_detail(session: Session, code: str, period: dt.date | None = None) -> IndicatorDetail | None:
    """The indicator page's data: indicator (the board reading for the month plus its whole definition),
    measurements up to the end of that month with target, achievement, light and source (import batch
    file, manual or demo; who; when), and the change history of the indicator, its measurements and its
    per-period targets. None when no indicator has `code`."""
    definition = repo.indicator(session, code)
    if definition is None:
        return None
    board = build_board(session, period)
    found = next((i for i in board["indicators"] if i["code"] == definition["code"]), None)
    reading: Mapping[str, Any] = found or _empty_reading(definition)
    indicator = {**definition, **reading,
                 "definition_target": definition["target"], "definition_target_min": definition["target_min"],
                 "definition_target_max": definition["target_max"], "due": iso_day(definition["due"]),
                 "current_signals": current_signals(reading)}
    until = month_end(dt.date.fromisoformat(board["period"])) if board["period"] else None
    rows = repo.measurements(session, [definition["id"]], until=until, limit=MEASUREMENT_ROWS)
    overrides = repo.target_overrides(session, definition["id"])
    indicator["period_targets"] = len(overrides)
    _judge(rows, definition, overrides)
    events, total = repo.indicator_events(session, definition["id"], HISTORY_EVENTS)
    periods = repo.row_periods(session, definition["id"])
    batches = repo.batch_files(session, [v for e in events
                                         for v in (e["changes"] or {}).get("import_batch_id", [])])
    return {
        "period": board["period"],
        "available_periods": board["available_periods"],
        "indicator": indicator,
        "measurements": rows,
        "measurement_count": repo.measurement_count(session, [definition["id"]], until=until),
        "history": [_event(e, periods, batches) for e in events],
        "history_count": total,
    }


def _judge(rows: list[Record], definition: Record, overrides: dict[dt.date, tuple]) -> None:
    """Each measurement's target (its period's override, else the indicator's), achievement and light."""
    if not rows:
        return
    base = (definition["target"], definition["target_min"], definition["target_max"])
    targets = [overrides.get(row["period"], base) for row in rows]
    frame = pd.DataFrame({
        "direction": definition["direction"], "actual": [row["value"] for row in rows],
        "target": [_nan(t[0]) for t in targets], "target_min": [_nan(t[1]) for t in targets],
        "target_max": [_nan(t[2]) for t in targets],
    })
    values = achievement(frame).to_numpy()
    green, yellow = definition["green_threshold"], definition["yellow_threshold"]
    for row, (target, low, high), value in zip(rows, targets, values):
        a = None if np.isnan(value) else float(value)
        row.update(target=target, target_min=low, target_max=high, achievement=a,
                   status="no_data" if a is None else "green" if a >= green else "yellow" if a >= yellow else "red")


def _event(event: Record, periods: dict[str, dict[str, dt.date]], batches: dict[int, str]) -> HistoryEvent:
    """An audit event as the history shows it: when, who, what (entity, operation, the row's period) and
    the changes worth reading, each as {field, old, new}."""
    changes = event["changes"] or {}
    entity, operation = event["entity"], event["operation"]
    period = (changes.get("period") or [None, None])
    period = period[1] or period[0] or periods.get(entity, {}).get(event["entity_id"])
    if operation == "insert":
        fields = [f for f in _INSERT_FIELDS.get(entity, ()) if (changes.get(f) or [None, None])[1] is not None]
    elif operation == "delete":
        fields = [f for f in _INSERT_FIELDS.get(entity, ()) if (changes.get(f) or [None, None])[0] is not None]
    else:
        fields = [f for f in changes if f not in _HIDDEN_FIELDS]
    shown: list[FieldChange] = []
    for field in fields:
        old, new = (list(changes.get(field) or [None, None]) + [None, None])[:2]
        if field == "import_batch_id":
            field, old, new = "import_batch", batches.get(old, old), batches.get(new, new)
        shown.append({"field": field, "old": old, "new": new})
    return {"at": event["at"], "actor": event["actor"], "operation": operation, "entity": entity,
            "period": iso_day(period), "changes": shown}


def _nan(value) -> float:
    return math.nan if value is None else float(value)
