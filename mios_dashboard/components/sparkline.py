"""A sparkline as a tiny inline SVG image: the last values, the target line (or band), the newest point.

An `<img>` with an SVG data URI, not a dcc.Graph: a board has dozens to hundreds of them, and a Plotly
graph each would load plotly.js and cost tens of kilobytes and milliseconds apiece; this costs about half
a kilobyte, paints with the page, prints, and needs no JavaScript. The drill-down pages chart the full
series with Plotly (figures/).
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from dash import html

from mios_dashboard.figures.style import BAND_FILLS, COLORS

WIDTH, HEIGHT, PAD = 112.0, 30.0, 3.0
# The charts' palette (figures/style.py, itself assets/mios.css's): an image cannot read CSS variables.
INK = COLORS["brand"]
TARGET = COLORS["green"]
BAND = BAND_FILLS["green"]
DOT = {key: COLORS[key] for key in ("green", "yellow", "red", "stale", "no_data")}

Point = Mapping[str, Any]


def _month_number(period: object) -> int | None:
    """"2025-12-01" → 2025·12 + 11, so quarters and gaps keep their distance on the x axis."""
    if not isinstance(period, str) or len(period) < 7:
        return None
    try:
        return int(period[:4]) * 12 + int(period[5:7]) - 1
    except ValueError:
        return None


def _number(value: object) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _path(xy: Sequence[tuple[float, float] | None]) -> str:
    """An SVG path through the points; None breaks the line (a missing target)."""
    parts, pen_down = [], False
    for point in xy:
        if point is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{point[0]:.1f} {point[1]:.1f}")
        pen_down = True
    return "".join(parts)


def sparkline_svg(points: Sequence[Point], status: str | None = None) -> str | None:
    """The SVG text for `points` (dicts with period, value, target, target_min, target_max, oldest first),
    or None when fewer than two values can be drawn."""
    rows = [(x, p) for p in points if (x := _month_number(p.get("period"))) is not None]
    values = [(x, v) for x, p in rows if (v := _number(p.get("value"))) is not None]
    if len(values) < 2:
        return None
    targets = [(x, _number(p.get("target"))) for x, p in rows]
    lows = [(x, _number(p.get("target_min"))) for x, p in rows]
    highs = [(x, _number(p.get("target_max"))) for x, p in rows]
    numbers = [v for _, v in values] + [v for _, v in targets + lows + highs if v is not None]
    low, high = min(numbers), max(numbers)
    span = (high - low) or (abs(high) or 1.0)
    low, high = low - 0.08 * span, high + 0.08 * span
    first, last = rows[0][0], rows[-1][0]

    def at(x: int, y: float) -> tuple[float, float]:
        px = PAD + (WIDTH - 2 * PAD) * ((x - first) / (last - first) if last > first else 0.5)
        return px, PAD + (HEIGHT - 2 * PAD) * (1 - (y - low) / (high - low))

    shapes = []
    band = [(x, lo, hi) for (x, lo), (_, hi) in zip(lows, highs) if lo is not None and hi is not None]
    if len(band) >= 2:
        outline = [at(x, hi) for x, _, hi in band] + [at(x, lo) for x, lo, _ in reversed(band)]
        shapes.append(f"<path d='{_path(outline)}Z' fill='{BAND}'/>")
    target_path = _path([at(x, v) if v is not None else None for x, v in targets])
    if target_path:
        shapes.append(f"<path d='{target_path}' fill='none' stroke='{TARGET}' stroke-width='1.2' "
                      "stroke-dasharray='3 2'/>")
    shapes.append(f"<path d='{_path([at(x, v) for x, v in values])}' fill='none' stroke='{INK}' "
                  "stroke-width='1.6' stroke-linejoin='round' stroke-linecap='round'/>")
    end_x, end_y = at(*values[-1])
    shapes.append(f"<circle cx='{end_x:.1f}' cy='{end_y:.1f}' r='2.6' fill='{DOT.get(status or '', INK)}'/>")
    return (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {WIDTH:.0f} {HEIGHT:.0f}' "
            f"width='{WIDTH:.0f}' height='{HEIGHT:.0f}'>{''.join(shapes)}</svg>")


def sparkline(points: Sequence[Point], status: str | None, label: str, class_name: str = "mios-spark") -> html.Img | html.Span:
    """The sparkline image with `label` as its text alternative; a blank placeholder of the same size when
    there is too little to draw (so columns stay aligned)."""
    svg = sparkline_svg(points, status)
    if svg is None:
        return html.Span(className=f"{class_name} {class_name}--empty")
    return html.Img(src="data:image/svg+xml;charset=utf-8," + quote(svg, safe=" =:/;,'.-"),
                    alt=label, title=label, className=class_name)
