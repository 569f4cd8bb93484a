"""Section "Perspectivas": the balanced-scorecard perspectives in board order, with weight and what hangs on each."""
from __future__ import annotations

from typing import Any

from dash import html

from mios_dashboard.components.admin import common, ids
from mios_dashboard.components.admin.forms import modal
from mios_dashboard.i18n import fmt_number, perspective_name


def table(data: Any, lang: str) -> Any:
    rows = [[str(p.sort_order), p.code, html.Strong(perspective_name(p.code, p.name, lang)), common.number(p.weight, lang),
             fmt_number(p.objectives, lang), fmt_number(p.indicators, lang),
             common.edit_button("perspective", p.id, lang, subject=p.name)] for p in data.rows]
    return common.records_table(
        ["admin.column.order", "admin.field.code", "admin.field.name", "admin.field.weight",
         "admin.column.objectives", "admin.column.indicators"], rows, lang, "admin.empty.perspectives",
        numeric=(0, 3, 4, 5))


def section(data: Any, lang: str) -> list:
    return [common.section_head("perspectives", lang, "perspective"),
            html.Div(table(data, lang), id=ids.table("perspectives")), modal("perspective", lang)]
