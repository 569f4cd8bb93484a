"""A word-sized chart for cards and tables: the values, the target and the last point's light; no axes.

Built from plain dicts (not `go.Scatter` objects), about a millisecond each, so a board of a few dozen
indicators stays inside its callback budget. Show it with `dcc.Graph(figure=…, config=sparkline_config(lang))`.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from mios_dashboard.figures.style import BAND_FILLS, COLORS
from mios_dashboard.figures.values import number, points
from mios_dashboard.i18n import normalize_lang, t

Target = float | tuple[float, float] | None


def sparkline(series: Sequence[Mapping[str, Any]] | None, target: Target = None, lang: str = "es", *,
              status: str | None = None, height: int = 44) -> go.Figure:
    """The trend of `series` ([{period, value, target?, target_min?, target_max?}], oldest first).

    `target`: a number (dashed line), a (low, high) pair (shaded band), or None to draw the series' own
    per-period targets when it carries them. `status` colours the last point (board light); without it
    the last point is ink. No values: a blank figure of the same size (the card keeps its layout).
    """
    lang = normalize_lang(lang)
    rows = points(series)
    xs = [p.period.isoformat() for p in rows]
    data: list[dict] = []
    if isinstance(target, (tuple, list)) and len(target) == 2 and None not in (number(target[0]), number(target[1])):
        low, high = float(target[0]), float(target[1])
        if xs:
            data.append({"type": "scatter", "x": [xs[0], xs[-1], xs[-1], xs[0]], "y": [low, low, high, high],
                         "fill": "toself", "fillcolor": BAND_FILLS["green"], "mode": "lines", "line": {"width": 0},
                         "hoverinfo": "skip", "meta": {"role": "range_band"}, "name": t("chart.zone_range", lang)})
    elif (single := number(target)) is not None and xs:
        data.append(_target_line([xs[0], xs[-1]], [single] * 2, lang))
    elif target is None and any(p.target is not None for p in rows):
        data.append(_target_line(xs, [p.target for p in rows], lang))
    if rows:
        last = COLORS[status] if status in ("green", "yellow", "red", "stale") else COLORS["ink"]
        data.append({"type": "scatter", "x": xs, "y": [p.value for p in rows], "mode": "lines+markers",
                     "line": {"color": COLORS["brand"], "width": 1.6, "shape": "linear"},
                     "marker": {"size": [0] * (len(rows) - 1) + [6], "color": last},
                     "hoverinfo": "skip", "meta": {"role": "actual"}, "name": t("field.actual", lang)})
    layout = {
        "height": height, "margin": {"l": 2, "r": 4, "t": 4, "b": 4}, "showlegend": False,
        "paper_bgcolor": "rgba(0, 0, 0, 0)", "plot_bgcolor": "rgba(0, 0, 0, 0)",
        "xaxis": {"visible": False, "fixedrange": True}, "yaxis": {"visible": False, "fixedrange": True},
        "hovermode": False,
    }
    return go.Figure({"data": data, "layout": layout})


def _target_line(xs: list[str], ys: list, lang: str) -> dict:
    return {"type": "scatter", "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
            "line": {"color": COLORS["green"], "width": 1.2, "dash": "dot"}, "meta": {"role": "target"},
            "name": t("field.target", lang)}
