"""Slide 13's strategic evaluation as a heat table: metrics grouped by evaluation group × the last 12 months.

Each cell is the month's value in that month's light — the colour for a glance, the status icon for
black-and-white prints and colour-blind readers, the value as text, and a tooltip with the light's word and
the achievement. Each row ends with a sparkline of the same months and the trend arrow. Built from
`services.evaluation.evaluation_table`.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from dash import dcc, html

from mios_dashboard.components.board.cards import INDICATOR_PATH, drill_href, with_unit
from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.sparkline import sparkline
from mios_dashboard.components.status import STATUS_ICONS, icon, normalize_status, status_badge, trend_mark
from mios_dashboard.i18n import MISSING, fmt_month, fmt_number, fmt_percent, t, t_or

Row = Mapping[str, Any]
Group = Mapping[str, Any]
Query = Mapping[str, str | None]
_GLUED_UNITS = frozenset({"%", "‰"})
_PREFIX_UNITS = frozenset({"$", "US$", "MX$", "€"})
LEGEND_STATUSES = ("green", "yellow", "red", "no_data", "stale")


class Ids(StrEnum):
    """Ids of the `/evaluacion` page's components (its page package re-exports them as `pages.evaluation.Ids`)."""

    PAGE = "mios-evaluation"
    HEADER = "mios-evaluation-header"
    LOCATION = "mios-evaluation-location"
    PERIOD = "mios-evaluation-period"
    TABLE = "mios-evaluation-table"
    EMPTY = "mios-evaluation-empty"


def compact_value(value: float | None, unit: str | None, lang: str = "es", decimals: int | None = None,
                  number: str | None = None) -> str:
    """A value short enough for a cell: 61,295,868 → "61.3 M", 397,354 → "397 mil" ("61.3M", "397K" in
    English); small values keep the indicator's decimals (`number`, when the caller has formatted it
    already). Percent signs stay glued on; other units live in the row's header, not in every cell."""
    if value is None:
        return MISSING
    size = abs(value)
    if size >= 1_000_000:
        text = t("evaluation.millions", lang, value=fmt_number(value / 1_000_000, lang, decimals=1))
    elif size >= 10_000:
        text = t("evaluation.thousands", lang, value=fmt_number(value / 1_000, lang, decimals=0))
    else:
        text = number if number is not None else fmt_number(value, lang, decimals=decimals)
    unit = (unit or "").strip()
    if unit in _GLUED_UNITS:
        return f"{text}{unit}"
    if unit in _PREFIX_UNITS:
        return f"{unit}{text}"
    return text


def group_name(group: Group, lang: str = "es") -> str:
    """Slide 13's groups in the reader's language; a group a company added keeps its own name."""
    key = group.get("key") or "none"
    if key == "none":
        return t("evaluation.group_none", lang)
    return t_or(f"evaluation.group_{key}", group.get("name") or key, lang) if group.get("known") else (group.get("name") or key)


def _decimals(row: Row) -> int | None:
    decimals = row.get("decimals")
    return decimals if isinstance(decimals, int) and 0 <= decimals <= 6 else None


def heat_cell(row: Row, cell: Mapping[str, Any], lang: str = "es", month: str | None = None) -> html.Td:
    """One month of one metric: value and status icon, in the status colour, the light's word in the tooltip.
    `month` is the column's name, formatted once per column by the table."""
    status = normalize_status(cell.get("status"))
    actual, unit, decimals = cell.get("actual"), row.get("unit"), _decimals(row)
    number = fmt_number(actual, lang, decimals=decimals)
    value = compact_value(actual, unit, lang, decimals, number)
    title = t("evaluation.cell_title", lang, metric=row.get("code") or "",
              month=month or fmt_month(cell.get("month"), lang, long=True), value=with_unit(number, unit),
              status=t(f"status.{status}", lang), achievement=fmt_percent(cell.get("achievement"), lang))
    return html.Td(
        [value, icon(STATUS_ICONS[status], "mios-heat__icon")],  # no wrapper: 12 cells × every metric
        className=f"mios-heat__cell mios-heat__cell--{status}",
        title=title,
        **attrs(data_status=status, data_month=cell.get("month") or ""),
    )


def _spark_points(row: Row) -> list[dict]:
    return [{"period": c.get("period"), "value": c.get("actual"), "target": c.get("target"),
             "target_min": c.get("target_min"), "target_max": c.get("target_max")} for c in row.get("cells") or []]


def metric_row(row: Row, lang: str = "es", query: Query | None = None, months: Mapping[str, str] | None = None) -> html.Tr:
    """A metric: code and name (linked to its page) with its unit, its 12 cells, sparkline and trend."""
    code = row.get("code") or ""
    cells = row.get("cells") or []
    latest = normalize_status(cells[-1].get("status")) if cells else "no_data"
    trend = trend_mark(row.get("trend"), lang, compact=True)
    name = [html.Span(code, className="mios-code"), html.Span(row.get("name") or "", className="mios-heat__name")]
    unit = (row.get("unit") or "").strip()
    return html.Tr(
        [
            html.Th([dcc.Link(name, href=drill_href(INDICATOR_PATH, code, lang, query), className="mios-heat__link",
                              title=t("board.view_indicator", lang, code=code)),
                     *([html.Span(unit, className="mios-heat__unit")] if unit else [])],
                    scope="row", className="mios-heat__metric"),
            *[heat_cell(row, cell, lang, (months or {}).get(cell.get("month"))) for cell in cells],
            html.Td([sparkline(_spark_points(row), latest, t("evaluation.trend", lang), "mios-spark mios-spark--heat"),
                     *([trend] if trend is not None else [])], className="mios-heat__trend"),
        ],
        className="mios-heat__row",
        **attrs(data_code=code),
    )


def group_rows(group: Group, columns: int, lang: str = "es", query: Query | None = None,
               months: Mapping[str, str] | None = None) -> list[html.Tr]:
    """The group's heading row (name, slide 13's metrics as a hint, how many indicators) and its metrics."""
    key = group.get("key") or "none"
    rows = group.get("indicators") or []
    hint = t(f"evaluation.hint_{key}", lang) if group.get("known") else \
        t("evaluation.ungrouped_hint", lang) if key == "none" else ""
    heading = html.Tr(
        html.Th(
            [html.Span(group_name(group, lang), className="mios-heat__group-name"),
             *([html.Span(hint, className="mios-heat__group-hint")] if hint else [])],
            colSpan=columns, scope="rowgroup", className="mios-heat__group",
        ),
        className="mios-heat__group-row",
        **attrs(data_group=key),
    )
    if not rows:
        return [heading, html.Tr(html.Td(t("evaluation.group_empty", lang), colSpan=columns, className="mios-heat__none"),
                                 className="mios-heat__row mios-heat__row--empty")]
    return [heading, *[metric_row(row, lang, query, months) for row in rows]]


def _month_header(month: str, lang: str) -> html.Th:
    label = fmt_month(month, lang)
    name, _, year = label.rpartition(" ")
    return html.Th([html.Span(name or label, className="mios-heat__month"), html.Span(year, className="mios-heat__year")],
                   scope="col", className="mios-heat__col", title=fmt_month(month, lang, long=True))


def heat_table(table: Mapping[str, Any], lang: str = "es", query: Query | None = None) -> html.Table:
    """The whole table: months as columns, groups in slide 13's order, metrics as rows."""
    months: Sequence[str] = table.get("months") or []
    columns = len(months) + 2
    header = html.Tr([html.Th(t("evaluation.metric", lang), scope="col", className="mios-heat__metric-head"),
                      *[_month_header(m, lang) for m in months],
                      html.Th(t("evaluation.trend", lang), scope="col", className="mios-heat__trend-head")])
    names = {m: fmt_month(m, lang, long=True) for m in months}
    body = [tr for group in table.get("groups") or [] for tr in group_rows(group, columns, lang, query, names)]
    return html.Table([html.Thead(header), html.Tbody(body)], id=Ids.TABLE, className="mios-heat",
                      **attrs(aria_label=t("evaluation.table", lang)))


def legend(lang: str = "es") -> html.Div:
    """What a cell says, and the five lights with their icon and word."""
    return html.Div([html.Span(t("evaluation.legend", lang), className="mios-heat-legend__text"),
                     *[status_badge(s, lang, size="sm") for s in LEGEND_STATUSES]],
                    className="mios-heat-legend")
