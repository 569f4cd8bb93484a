"""Plotly figure builders from DataFrames (sparklines, indicator charts). Imports plotly, analytics, i18n."""
from .indicator import indicator_chart, period_label, rule_text
from .sparkline import sparkline
from .style import COLORS, graph_config, sparkline_config

__all__ = ["COLORS", "graph_config", "indicator_chart", "period_label", "rule_text", "sparkline", "sparkline_config"]
