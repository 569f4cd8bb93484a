"""One palette and one chart style for every figure, taken from assets/mios.css so charts and badges agree.

A unit test compares these hex values with the stylesheet's custom properties: change both together.
"""
from __future__ import annotations

from mios_dashboard.i18n import normalize_lang

# Same values as the `--mios-*` custom properties of assets/mios.css.
COLORS: dict[str, str] = {
    "green": "#0a7d55",
    "yellow": "#f0b323",
    "red": "#c23a22",
    "no_data": "#5f6873",
    "stale": "#6b4aa8",
    "ink": "#1d2733",
    "muted": "#5a6572",
    "line": "#d9dee4",
    "brand": "#17324d",
    "accent": "#2f6fa8",
}
# Translucent fills of the status colours: zones behind the data must not compete with it.
BAND_FILLS: dict[str, str] = {
    "red": "rgba(194, 58, 34, 0.09)",
    "yellow": "rgba(240, 179, 35, 0.16)",
    "green": "rgba(10, 125, 85, 0.10)",
}
GRID = "#eef1f4"
SIGNAL = COLORS["stale"]  # XmR signals are violet everywhere (chart rings and the header badge)
FONT_FAMILY = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif'
)
# es_MX and en_US both write 1,234.5: decimal point first, then the thousands separator (plotly's order).
SEPARATORS = ".,"

# Modebar buttons a director never needs; zoom, reset and "download as PNG" stay.
_REMOVED_BUTTONS = ("select2d", "lasso2d", "autoScale2d", "toggleSpikelines", "hoverClosestCartesian",
                    "hoverCompareCartesian")


def plotly_locale(lang: str) -> str:
    """The plotly locale registered by assets/plotly-locale-es.js ("es"), or plotly's built-in English."""
    return "es" if normalize_lang(lang) == "es" else "en"


def graph_config(lang: str, file_name: str = "mios-grafica") -> dict:
    """`dcc.Graph(config=…)` for full charts: the reader's locale, a small modebar, no plotly logo."""
    return {
        "locale": plotly_locale(lang),
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": list(_REMOVED_BUTTONS),
        "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2},
    }


def sparkline_config(lang: str) -> dict:
    """`dcc.Graph(config=…)` for sparklines: a static picture (no modebar, no zoom, no hover)."""
    return {"locale": plotly_locale(lang), "staticPlot": True, "displayModeBar": False, "responsive": True}


def base_layout(height: int) -> dict:
    """The layout every full chart starts from: white, light grid, the app's font, locale separators."""
    axis = {"showline": True, "linecolor": COLORS["line"], "gridcolor": GRID, "zeroline": False,
            "tickfont": {"color": COLORS["muted"]}, "automargin": True}
    return {
        "height": height,
        "margin": {"l": 8, "r": 16, "t": 40, "b": 8},  # the top margin holds the modebar
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "font": {"family": FONT_FAMILY, "size": 13, "color": COLORS["ink"]},
        "separators": SEPARATORS,
        "xaxis": {**axis, "type": "date"},
        "yaxis": dict(axis),
        "hovermode": "closest",
        "hoverlabel": {"bgcolor": "#ffffff", "bordercolor": COLORS["line"], "font": {"family": FONT_FAMILY}},
        # Under the plot: the modebar's corner above it stays free.
        "legend": {"orientation": "h", "x": 0, "y": -0.1, "xanchor": "left", "yanchor": "top",
                   "font": {"size": 12, "color": COLORS["muted"]}, "itemclick": "toggle"},
        "showlegend": True,
    }
