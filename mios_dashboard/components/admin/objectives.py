"""Section "Objetivos": the quality objectives (slides 42–43) by perspective, with their process, parent, how much
of the ISO 6.2.2 plan is written, its due date, their indicators and the objectives each one drives."""
from __future__ import annotations

from typing import Any

from dash import html

from mios_dashboard.components.admin import common, ids
from mios_dashboard.components.admin.forms import modal
from mios_dashboard.i18n import fmt_number, perspective_name, t


def _plan(filled: int, lang: str) -> Any:
    complete = filled == 5
    return html.Span(t("admin.plan_filled", lang, filled=filled, total=5),
                     className="mios-admin__plan" + (" mios-admin__plan--complete" if complete else ""))


def table(data: Any, lang: str) -> Any:
    codes = {o.id: o.code for o in data.rows}
    rows = []
    for o in data.rows:
        drives = ", ".join(codes[e] for e in o.effects if e in codes)
        rows.append([
            o.code, html.Div([html.Strong(o.title), html.Div(common.badge(o.active, lang)) if not o.active else None]),
            perspective_name(o.perspective_code, o.perspective, lang), common.text_or_dash(o.process), common.text_or_dash(o.parent), common.number(o.weight, lang),
            _plan(o.plan_filled, lang), common.day(o.plan_due, lang), fmt_number(o.indicators, lang),
            common.text_or_dash(drives),
            html.Div([common.edit_button("objective", o.id, lang, subject=o.code),
                      common.edit_button("links", o.id, lang, "admin.links_button", subject=o.code)],
                     className="mios-admin__row-actions"),
        ])
    return common.records_table(
        ["admin.field.code", "admin.field.title", "admin.field.perspective", "admin.field.process",
         "admin.column.parent", "admin.field.weight", "admin.column.plan", "admin.column.due",
         "admin.column.indicators", "admin.column.drives"], rows, lang, "admin.empty.objectives", numeric=(5, 8),
        nowrap=(6, 7), wide=(1,))


def section(data: Any, lang: str) -> list:
    return [common.section_head("objectives", lang, "objective"),
            html.Div(table(data, lang), id=ids.table("objectives")), modal("objective", lang), modal("links", lang)]
