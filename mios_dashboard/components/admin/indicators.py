"""Section "Indicadores": every indicator with its objective, frequency, target and newest value; a row's buttons
edit its definition, its monthly targets for a year (a seasonal budget) and enter or correct a value by hand."""
from __future__ import annotations

from typing import Any

from dash import html

from mios_dashboard.components.admin import common, ids
from mios_dashboard.components.admin.forms import modal
from mios_dashboard.components.imports import period_text
from mios_dashboard.i18n import MISSING, fmt_number, t


def _measure(value: float | None, unit: str, decimals: int, lang: str) -> str:
    if value is None:
        return MISSING
    return f"{fmt_number(value, lang, decimals)} {unit}".strip()


def _target(i: Any, lang: str) -> str:
    if i.direction == "range":
        return t("admin.range_target", lang, low=_measure(i.target_min, "", i.decimals, lang),
                 high=_measure(i.target_max, i.unit, i.decimals, lang))
    return _measure(i.target, i.unit, i.decimals, lang)


def _last(i: Any, lang: str) -> Any:
    if i.last_period is None:
        return html.Span(t("admin.no_values", lang), className="mios-admin__muted")
    return html.Span([_measure(i.last_value, i.unit, i.decimals, lang), " ",
                      html.Small(f"({period_text(i.last_period, i.frequency, lang)})", className="mios-admin__muted")])


def _buttons(i: Any, lang: str) -> html.Div:
    """Edit, and enter a value; monthly targets only where they mean something: a monthly indicator with a
    single-value target (a range takes no single-value budget)."""
    buttons = [common.edit_button("indicator", i.id, lang, subject=i.code)]
    if i.frequency == "monthly" and i.direction != "range":
        buttons.append(common.edit_button("targets", i.id, lang, "admin.targets_button", subject=i.code))
    buttons.append(common.edit_button("measurement", i.id, lang, "admin.measurement_button", subject=i.code))
    return html.Div(buttons, className="mios-admin__row-actions")


def table(data: Any, lang: str) -> Any:
    rows = [[
        i.code, html.Div([html.Strong(i.name), html.Div(common.badge(i.active, lang)) if not i.active else None]),
        common.text_or_dash(i.objective), t(f"frequency.{i.frequency}", lang), _target(i, lang), _last(i, lang),
        fmt_number(i.measurements, lang), _buttons(i, lang),
    ] for i in data.rows]
    return common.records_table(
        ["admin.field.code", "admin.field.name", "admin.field.objective", "admin.field.frequency",
         "admin.field.target", "admin.column.last_value", "admin.column.values"], rows, lang,
        "admin.empty.indicators", numeric=(4, 5, 6), wide=(1, 2))


def section(data: Any, lang: str) -> list:
    return [common.section_head("indicators", lang, "indicator"),
            html.Div(table(data, lang), id=ids.table("indicators")),
            modal("indicator", lang), modal("targets", lang), modal("measurement", lang)]
