"""Slide 13's strategic evaluation: every metric by evaluation group, month by month for the last 12 months.

The engine runs once for the newest month shown and analytics/evaluation.py reads its series at each
month's reporting period (no query per cell, no engine run per month). Groups come in slide 13's order;
a group nobody measures yet still shows (it is a gap in the evaluation), groups a company added follow
alphabetically, and indicators without a group close the table. Cached by the data version.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TypedDict

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session

from mios_dashboard.analytics.board import board_analytics
from mios_dashboard.analytics.evaluation import last_months, monthly_readings
from mios_dashboard.analytics.periods import month_end
from mios_dashboard.errors import Notice
from mios_dashboard.repositories import board as board_repo
from mios_dashboard.services.board.page import available_months
from mios_dashboard.services.plain import frame_rows
from mios_dashboard.web.cache import CACHE, VersionedCache, VersionedReader

MONTHS = 12
# Slide 13 ("Evaluación estratégica"), in its order; the demo and the import template use these names.
SLIDE_13_GROUPS = ("Contexto", "Estrategia", "Comercial", "Mercado", "Ventas", "Operación", "Calidad",
                   "Proveedores", "Finanzas", "Personal", "Organización")
NO_GROUP = "none"
CELL_FIELDS = ("actual", "target", "target_min", "target_max", "achievement")


def group_key(name: str | None) -> str:
    """A stable key for a group name: "Operación" → "operacion" (accents, case and spacing ignored)."""
    if not name or not name.strip():
        return NO_GROUP
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_") or NO_GROUP


KNOWN_KEYS = tuple(group_key(g) for g in SLIDE_13_GROUPS)


class EvaluationCell(TypedDict):
    """One indicator in one month: the reading of its reporting period then."""

    month: str
    period: str
    status: str
    actual: float | None
    target: float | None
    target_min: float | None
    target_max: float | None
    achievement: float | None


class EvaluationRow(TypedDict):
    code: str
    name: str
    unit: str | None
    direction: str
    frequency: str
    decimals: int | None
    owner: str | None
    group: str | None
    trend: str | None
    cells: list[EvaluationCell]  # one per month, oldest first


class EvaluationGroup(TypedDict):
    key: str  # group_key of the name; "none" for indicators without a group
    name: str | None
    known: bool  # one of slide 13's groups
    indicators: list[EvaluationRow]


class EvaluationTable(TypedDict):
    period: str | None  # the newest month shown, ISO
    months: list[str]  # ISO months, oldest first
    indicator_count: int
    measured: bool  # any value at all
    groups: list[EvaluationGroup]


class EvaluationPage(EvaluationTable):
    available_periods: list[str]  # ISO months with data, oldest first
    notices: list[Notice]  # when the month asked for was ignored


def _floats(values: np.ndarray) -> list:
    values = np.asarray(values, dtype="float64")
    out = values.astype(object)
    out[np.isnan(values)] = None
    return out.tolist()


def _rows(indicators: pd.DataFrame, readings: pd.DataFrame, cells: pd.DataFrame, months: list[dt.date]
          ) -> list[EvaluationRow]:
    """One dict per indicator with its 12 cells, converted column by column (no Python call per cell)."""
    size, count = len(indicators), len(months)
    columns = {name: np.array(_floats(cells[name].to_numpy()), dtype=object).reshape(size, count) for name in CELL_FIELDS}
    statuses = cells["status"].to_numpy(dtype=object).reshape(size, count)
    periods = np.datetime_as_string(cells["period"].to_numpy(dtype="datetime64[D]"), unit="D").reshape(size, count)
    month_text = [m.isoformat() for m in months]
    frame = indicators.reset_index(drop=True)
    trend = readings["trend"].tolist()
    actual, target, low, high, achieved = (columns[name] for name in CELL_FIELDS)
    rows: list[EvaluationRow] = []
    for i, r in enumerate(frame_rows(frame)):
        row_cells: list[EvaluationCell] = [
            {"month": month_text[j], "period": periods[i, j], "status": statuses[i, j], "actual": actual[i, j],
             "target": target[i, j], "target_min": low[i, j], "target_max": high[i, j], "achievement": achieved[i, j]}
            for j in range(count)
        ]
        rows.append({
            "code": r.code, "name": r.name, "unit": r.unit, "direction": r.direction, "frequency": r.frequency,
            "decimals": int(r.decimals) if pd.notna(r.decimals) else None, "owner": r.owner,
            "group": r.group if isinstance(r.group, str) else None,
            "trend": trend[i] if isinstance(trend[i], str) else None, "cells": row_cells,
        })
    return rows


def _grouped(rows: list[EvaluationRow]) -> list[EvaluationGroup]:
    """Slide 13's groups in its order (empty ones too), then the company's own alphabetically, then none."""
    by_key: dict[str, EvaluationGroup] = {}
    for row in sorted(rows, key=lambda r: r["code"]):
        key = group_key(row["group"])
        entry = by_key.setdefault(key, {"key": key, "name": row["group"], "known": False, "indicators": []})
        entry["indicators"].append(row)
    known: list[EvaluationGroup] = [by_key.pop(key, {"key": key, "name": name, "known": True, "indicators": []})
                                    for key, name in zip(KNOWN_KEYS, SLIDE_13_GROUPS)]
    loose = by_key.pop(NO_GROUP, None)
    others = sorted(by_key.values(), key=lambda g: g["key"])
    for group in known:
        group["known"] = True
    return known + others + ([loose] if loose else [])


def build_evaluation(session: Session, month: dt.date | None, count: int = MONTHS) -> EvaluationTable:
    """The heat table for the `count` months ending with `month` (uncached; see `evaluation_table`)."""
    indicators = board_repo.indicators(session)
    if indicators.empty or month is None:
        return {"period": month.isoformat() if month else None, "months": [], "indicator_count": len(indicators),
                "measured": False, "groups": _grouped([]) if indicators.empty else []}
    measurements = board_repo.measurements(session, until=month_end(month))
    targets = board_repo.targets(session)
    result = board_analytics(indicators, measurements, targets, month)
    months = last_months(month, count)
    cells = monthly_readings(indicators, result.series, measurements, targets, months)
    return {
        "period": month.isoformat(), "months": [m.isoformat() for m in months],
        "indicator_count": len(indicators), "measured": True,
        "groups": _grouped(_rows(indicators, result.readings, cells, months)),
    }


def evaluation_table(
    session: Session, period: dt.date | None = None, count: int = MONTHS, cache: VersionedCache = CACHE,
) -> EvaluationPage:
    """The `/evaluacion` page's data: `build_evaluation` for `period` (default: the newest month with data),
    plus "available_periods" (ISO months with data, oldest first) and "notices" (errors.Notice) when `period`
    was ignored."""
    reader = VersionedReader(session, cache)
    months: list[str] = reader.get("months", (), lambda: available_months(session))
    notices: list[Notice] = []
    if period is not None and not (months and months[0] <= period.isoformat() <= months[-1]):
        notices.append(Notice("board.period_missing", {"month": period.isoformat()}))
        period = None
    month = period or (dt.date.fromisoformat(months[-1]) if months else None)
    table: EvaluationTable = reader.get("evaluation", (month, count), lambda: build_evaluation(session, month, count))
    return {**table, "available_periods": months, "notices": notices}
