"""Plotly figure builders from DataFrames (sparklines, indicator charts). Imports plotly, analytics, i18n."""
from mios_dashboard.figures.indicator import indicator_chart, period_label, rule_text
from mios_dashboard.figures.sparkline import sparkline
from mios_dashboard.figures.style import COLORS, graph_config, sparkline_config

__all__ = ["COLORS", "graph_config", "indicator_chart", "period_label", "rule_text", "sparkline", "sparkline_config"]
