"""Where a value turns yellow or red, period by period: the shaded zones behind an indicator's chart.

The zones follow the achievement formulas (docs/formulas.md#achievement) inverted for the value axis, so a point drawn inside
the red zone is exactly a point the board calls red:
- higher is better: red below yellow·target, yellow from there up to green·target;
- lower is better: yellow from target/green up to target/yellow, red above (a target of 0: red above 0);
- range [lo, hi] of width w: the range itself (the target band), yellow within (1−yellow)·w outside it
  (beyond the (1−green)·w that still counts as green), red further out.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

INF = math.inf
Interval = tuple[float, float]


class TargetStep(NamedTuple):
    """The target that holds at `x` (an ISO date) — a value, or a range."""

    x: str
    target: float | None
    target_min: float | None
    target_max: float | None


def period_zones(direction: str | None, step: TargetStep, green: float, yellow: float) -> dict[str, list[Interval]]:
    """The value intervals of each zone ("range", "yellow", "red") for one period; {} when the period has
    no usable target. Open ends are ±inf, clipped later to the visible axis."""
    if direction == "range":
        lo, hi = step.target_min, step.target_max
        if lo is None or hi is None or hi <= lo:
            return {}
        width = hi - lo
        green_out, yellow_out = max(0.0, 1 - green) * width, max(0.0, 1 - yellow) * width
        return {
            "range": [(lo, hi)],
            "yellow": [(lo - yellow_out, lo - green_out), (hi + green_out, hi + yellow_out)],
            "red": [(-INF, lo - yellow_out), (hi + yellow_out, INF)],
        }
    target = step.target
    if target is None:
        return {}
    if direction == "higher":
        if target <= 0:
            return {}
        return {"red": [(-INF, yellow * target)], "yellow": [(yellow * target, green * target)]}
    if direction == "lower":
        if target < 0:
            return {}
        if target == 0:
            return {"yellow": [(0.0, 0.0)], "red": [(0.0, INF)]}
        green_edge = target / green if green > 0 else INF
        yellow_edge = target / yellow if yellow > 0 else INF
        return {"yellow": [(green_edge, yellow_edge)], "red": [(yellow_edge, INF)]}
    return {}


def zone_polygons(direction: str | None, steps: Sequence[TargetStep], green: float, yellow: float,
                  y_range: Interval) -> dict[str, tuple[list, list]]:
    """Each zone as (xs, ys) of closed polygons for a `fill="toself"` trace (polygons separated by None),
    clipped to `y_range`; zones that are empty everywhere are left out."""
    low, high = y_range
    per_step = [(step.x, period_zones(direction, step, green, yellow)) for step in steps]
    per_step = [(x, zones) for x, zones in per_step if zones]
    out: dict[str, tuple[list, list]] = {}
    if not per_step:
        return out
    for kind in ("range", "yellow", "red"):
        count = len(per_step[0][1].get(kind, []))
        xs_all: list = []
        ys_all: list = []
        for index in range(count):
            xs = [x for x, _ in per_step]
            bottoms = [min(max(zones[kind][index][0], low), high) for _, zones in per_step]
            tops = [min(max(zones[kind][index][1], low), high) for _, zones in per_step]
            if all(top - bottom <= 0 for bottom, top in zip(bottoms, tops)):
                continue
            if xs_all:
                xs_all.append(None)
                ys_all.append(None)
            xs_all += xs + xs[::-1]
            ys_all += bottoms + tops[::-1]
        if xs_all:
            out[kind] = (xs_all, ys_all)
    return out
