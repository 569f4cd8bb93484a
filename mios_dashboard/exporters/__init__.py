"""Workbooks written from plain data (the board dict, lists of indicators): no database, no Dash.

`board_workbook` (the board: summary + one sheet per perspective), `template_workbook` (Mediciones and
Indicadores to fill in and import back), `minutes_workbook` and `review_workbook` (the records of a meeting
and of a management review). Every cell is written through `cells.put`, which escapes text that
would start a formula (formula injection).
"""
from mios_dashboard.exporters.board import board_workbook, period_label, perspective_label
from mios_dashboard.exporters.cells import DANGEROUS_FIRST, safe_text, unit_format
from mios_dashboard.exporters.records import minutes_workbook, review_workbook
from mios_dashboard.exporters.template import template_workbook

__all__ = [
    "DANGEROUS_FIRST", "board_workbook", "minutes_workbook", "period_label", "perspective_label", "review_workbook",
    "safe_text", "template_workbook", "unit_format",
]
