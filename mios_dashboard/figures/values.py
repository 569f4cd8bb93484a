"""Small helpers shared by the figure builders: series points, per-point status, values with units.

`measure` mirrors components.board.cards.format_measure (figures may not import components): keep the two
unit rules — "$1,234" before, "95.3%" glued, "12 días" after a space — the same.
"""
from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from mios_dashboard.analytics.achievement import achievement
from mios_dashboard.i18n import MISSING, fmt_number, parse_iso_date

PREFIX_UNITS = frozenset({"$", "US$", "MX$", "€"})
_GLUED_UNITS = frozenset({"%", "‰"})
DEFAULT_GREEN = 1.0
DEFAULT_YELLOW = 0.9


class Point(NamedTuple):
    """One value of a series with the target of its period (any of the targets may be None)."""

    period: dt.date
    value: float
    target: float | None
    target_min: float | None
    target_max: float | None


def number(value: object) -> float | None:
    """A finite float, or None for None/NaN/text: charts skip what they cannot place."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def points(series: Sequence[Mapping[str, Any]] | None) -> list[Point]:
    """The series rows that have a period and a value, oldest first."""
    rows = []
    for row in series or []:
        period, value = parse_iso_date(row.get("period")), number(row.get("value"))
        if period is not None and value is not None:
            rows.append(Point(period, value, number(row.get("target")), number(row.get("target_min")),
                              number(row.get("target_max"))))
    return sorted(rows, key=lambda p: p.period)


def thresholds(indicator: Mapping[str, Any]) -> tuple[float, float]:
    """(green, yellow) achievement thresholds of the indicator, docs/formulas.md#status defaults when absent."""
    green = number(indicator.get("green_threshold"))
    yellow = number(indicator.get("yellow_threshold"))
    return (DEFAULT_GREEN if green is None else green), (DEFAULT_YELLOW if yellow is None else yellow)


def point_achievements(rows: Sequence[Point], direction: str | None) -> list[float | None]:
    """The achievement of each point against its own period's target (None where it has none)."""
    if not rows:
        return []
    frame = pd.DataFrame({
        "direction": [direction] * len(rows),
        "actual": [p.value for p in rows],
        **{column: [np.nan if getattr(p, column) is None else getattr(p, column) for p in rows]
           for column in ("target", "target_min", "target_max")},
    })
    return [None if np.isnan(a) else float(a) for a in achievement(frame).to_numpy()]


def light(value: float | None, green: float, yellow: float) -> str:
    """The status of one achievement: green / yellow / red, no_data without one."""
    if value is None:
        return "no_data"
    return "green" if value >= green else "yellow" if value >= yellow else "red"


def measure(value: float | None, unit: str | None, lang: str, decimals: int | None = None) -> str:
    """A value with its unit in the reader's locale; "—" when missing. The unit comes from imported files
    and ends up in plotly's hover pseudo-HTML, so it is escaped."""
    return with_unit(fmt_number(value, lang, decimals=decimals), html.escape((unit or "").strip(), quote=False))


def with_unit(number: str, unit: str | None) -> str:
    """A formatted number with its unit: "$1,234", "95.3%", "12 días"; a missing number stays "—"."""
    unit = (unit or "").strip()
    if number == MISSING or not unit:
        return number
    if unit in PREFIX_UNITS:
        return f"{unit}{number}"
    if unit in _GLUED_UNITS:
        return f"{number}{unit}"
    return f"{number} {unit}"


def decimals_of(indicator: Mapping[str, Any]) -> int | None:
    decimals = indicator.get("decimals")
    return decimals if isinstance(decimals, int) and not isinstance(decimals, bool) and 0 <= decimals <= 6 else None
