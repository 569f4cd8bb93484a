"""Plotly figure builders from DataFrames (sparklines, indicator charts). Imports plotly, analytics, i18n."""
