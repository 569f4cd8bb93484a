"""Objective cards and indicator rows of the board, built from the dicts of services.board.build_board.

Each card answers, in this order: which objective, is it OK (light + score), who owns it and until when,
and which indicators say so (actual against target, achievement, light, trend).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dash import html

from mios_dashboard.components.status import icon, normalize_status, score_text, status_badge, trend_mark
from mios_dashboard.i18n import MISSING, fmt_date, fmt_month, fmt_number, fmt_percent, t

Indicator = Mapping[str, Any]
Objective = Mapping[str, Any]

# Units written before the number ("$1,234") and units glued to it ("95.3%"); the rest go after a space.
_PREFIX_UNITS = frozenset({"$", "US$", "MX$", "€"})
_GLUED_UNITS = frozenset({"%", "‰"})


def _with_unit(number: str, unit: str | None) -> str:
    unit = (unit or "").strip()
    if number == MISSING or not unit:
        return number
    if unit in _PREFIX_UNITS:
        return f"{unit}{number}"
    if unit in _GLUED_UNITS:
        return f"{number}{unit}"
    return f"{number} {unit}"


def format_measure(value: float | None, unit: str | None, lang: str = "es", decimals: int | None = None) -> str:
    """A value with its unit in the reader's locale: "95.3%", "$1,234,568", "12 días"; "—" if missing.
    `decimals` fixes the digits (the indicator's own setting); None lets fmt_number choose."""
    return _with_unit(fmt_number(value, lang, decimals=decimals), unit)


def format_target(indicator: Indicator, lang: str = "es") -> str:
    """The target as the reader thinks of it: "≥ 95%" (higher is better), "≤ 3 días" (lower is better),
    "80 – 90%" (range). The symbol saves a column for the direction."""
    unit, decimals = indicator.get("unit"), _decimals(indicator)
    direction = indicator.get("direction")
    low, high = indicator.get("target_min"), indicator.get("target_max")
    if direction == "range" and low is not None and high is not None:
        low_text, high_text = fmt_number(low, lang, decimals=decimals), fmt_number(high, lang, decimals=decimals)
        if (unit or "").strip() in _PREFIX_UNITS:  # "$1,000 – $2,000"; other units once: "80 – 90%"
            return t("target.range", lang, low=_with_unit(low_text, unit), high=_with_unit(high_text, unit))
        return _with_unit(t("target.range", lang, low=low_text, high=high_text), unit)
    target = indicator.get("target")
    if target is None:
        return MISSING
    value = format_measure(target, unit, lang, decimals)
    if direction == "higher":
        return t("target.at_least", lang, value=value)
    if direction == "lower":
        return t("target.at_most", lang, value=value)
    return value


def _decimals(indicator: Indicator) -> int | None:
    decimals = indicator.get("decimals")
    return decimals if isinstance(decimals, int) and 0 <= decimals <= 6 else None


def _actual_cell(indicator: Indicator, status: str, lang: str) -> html.Td:
    """The actual; a stale indicator also says when its last value was, which is what the reader asks next."""
    children: list = [format_measure(indicator.get("actual"), indicator.get("unit"), lang, _decimals(indicator))]
    last = indicator.get("last_period")
    if status == "stale" and last:
        children.append(html.Span(t("board.last_value", lang, month=fmt_month(last, lang)), className="mios-last-value"))
    return html.Td(children, className="mios-num mios-actual")


def _header_cell(key: str, lang: str, numeric: bool = False) -> html.Th:
    return html.Th(t(key, lang), scope="col", className="mios-num" if numeric else None)


def indicator_row(indicator: Indicator, lang: str = "es") -> html.Tr:
    """One indicator: code and name, actual, target, achievement with its trend arrow, light."""
    status = normalize_status(indicator.get("status"))
    trend = trend_mark(indicator.get("trend"), lang, compact=True)
    return html.Tr(
        [
            html.Th(
                [html.Span(indicator.get("code") or "", className="mios-code"),
                 html.Span(indicator.get("name") or "", className="mios-indicator__name")],
                scope="row",
                className="mios-indicator",
            ),
            _actual_cell(indicator, status, lang),
            html.Td(format_target(indicator, lang), className="mios-num mios-target"),
            html.Td([fmt_percent(indicator.get("achievement"), lang), *([trend] if trend is not None else [])],
                    className="mios-num mios-achievement"),
            html.Td(status_badge(status, lang, size="sm"), className="mios-status-cell"),
        ],
        className=f"mios-indicator-row mios-indicator-row--{status}",
        **{"data-code": indicator.get("code") or ""},
    )


def indicator_table(indicators: Iterable[Indicator], lang: str = "es") -> html.Table:
    """The indicators of one objective (or the loose ones of a perspective) as a compact table."""
    header = html.Tr(
        [
            _header_cell("field.indicator", lang),
            _header_cell("field.actual", lang, numeric=True),
            _header_cell("field.target", lang, numeric=True),
            _header_cell("field.achievement", lang, numeric=True),
            _header_cell("field.status", lang),
        ]
    )
    return html.Table(
        [html.Thead(header), html.Tbody([indicator_row(row, lang) for row in indicators])],
        className="table table-sm mios-indicators",
    )


def _fact(label_key: str, value: str, icon_name: str, lang: str) -> html.Div:
    return html.Div(
        [icon(icon_name, "mios-fact__icon"), html.Span(t(label_key, lang), className="mios-fact__label"),
         html.Span(value, className="mios-fact__value")],
        className="mios-fact",
    )


def objective_card(objective: Objective, indicators: Iterable[Indicator], lang: str = "es") -> html.Article:
    """An objective: code, title, light, score, owner, due date, and its indicators."""
    status = normalize_status(objective.get("status"))
    rows = list(indicators)
    body = indicator_table(rows, lang) if rows else html.P(t("board.no_indicators", lang), className="mios-muted")
    return html.Article(
        [
            html.Div(
                [
                    html.Div(
                        [html.Span(objective.get("code") or "", className="mios-code"),
                         html.H4(objective.get("title") or "", className="mios-objective__title")],
                        className="mios-objective__name",
                    ),
                    html.Div([score_text(objective.get("score"), status, lang), status_badge(status, lang)],
                             className="mios-objective__result"),
                ],
                className="mios-objective__head",
            ),
            html.Div(
                [_fact("field.owner", objective.get("owner") or MISSING, "bi-person", lang),
                 _fact("field.due", fmt_date(objective.get("due"), lang), "bi-calendar-event", lang)],
                className="mios-objective__facts",
            ),
            body,
        ],
        className=f"card mios-objective mios-objective--{status}",
        **{"data-code": objective.get("code") or ""},
    )


def loose_indicators_card(indicators: Iterable[Indicator], lang: str = "es") -> html.Article:
    """Indicators of a perspective that belong to no objective, under "Otros indicadores"."""
    return html.Article(
        [
            html.Div(html.H4(t("board.other_indicators", lang), className="mios-objective__title"),
                     className="mios-objective__head"),
            indicator_table(indicators, lang),
        ],
        className="card mios-objective mios-objective--loose",
    )
