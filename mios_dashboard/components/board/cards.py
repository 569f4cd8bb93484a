"""Objective cards and indicator rows of the board, built from the dicts of services.board.view.

Each card answers, in this order: which objective, is it OK (light + score), who owns it and until when,
and which indicators say so: the last twelve values against the target line, actual against target,
achievement with its trend arrow, the light, and whether the light is news (an XmR signal) or may be noise,
and whether the trend will miss the target by the due date. Codes link to the drill-down pages with the
reader's language, month and filters kept.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from dash import dcc, html
from dash.development.base_component import Component

from mios_dashboard.components.board.marks import forecast_mark, signal_mark
from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.shell import localized_href
from mios_dashboard.components.sparkline import sparkline
from mios_dashboard.components.status import icon, normalize_status, score_text, status_badge, trend_mark
from mios_dashboard.figures.values import PREFIX_UNITS, with_unit
from mios_dashboard.i18n import MISSING, fmt_date, fmt_month, fmt_number, fmt_percent, t, t_count

Indicator = Mapping[str, Any]
Objective = Mapping[str, Any]
Query = Mapping[str, str | None]
OBJECTIVE_PATH = "/objetivo/{code}"
INDICATOR_PATH = "/indicador/{code}"
# A card lists this many indicators at most: beyond, a card stops being read in a glance (a 1,000-indicator
# board would list them all in 40 cards); the worst come first and the rest are counted.
MAX_ROWS = 8
SEVERITY = {"red": 0, "stale": 1, "yellow": 2, "no_data": 3, "green": 4}

# Units written before the number ("$1,234") and units glued to it ("95.3%"); the rest go after a space.


def format_measure(value: float | None, unit: str | None, lang: str = "es", decimals: int | None = None) -> str:
    """A value with its unit in the reader's locale: "95.3%", "$1,234,568", "12 días"; "—" if missing.
    `decimals` fixes the digits (the indicator's own setting); None lets fmt_number choose."""
    return with_unit(fmt_number(value, lang, decimals=decimals), unit)


def format_target(indicator: Indicator, lang: str = "es") -> str:
    """The target as the reader thinks of it: "≥ 95%" (higher is better), "≤ 3 días" (lower is better),
    "80 – 90%" (range). The symbol saves a column for the direction."""
    unit, decimals = indicator.get("unit"), _decimals(indicator)
    direction = indicator.get("direction")
    low, high = indicator.get("target_min"), indicator.get("target_max")
    if direction == "range" and low is not None and high is not None:
        low_text, high_text = fmt_number(low, lang, decimals=decimals), fmt_number(high, lang, decimals=decimals)
        if (unit or "").strip() in PREFIX_UNITS:  # "$1,000 – $2,000"; other units once: "80 – 90%"
            return t("target.range", lang, low=with_unit(low_text, unit), high=with_unit(high_text, unit))
        return with_unit(t("target.range", lang, low=low_text, high=high_text), unit)
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


def _actual_cell(indicator: Indicator, status: str, lang: str, actual: str, target: str) -> html.Td:
    """The actual over its target (one column: a card stays two-across on a projector even with 8-digit
    amounts); a stale indicator also says when its last value was, which is what the reader asks next."""
    children: list = [html.Span(actual, className="mios-actual__value")]
    last = indicator.get("last_period")
    if status == "stale" and last:
        children.append(html.Span(t("board.last_value", lang, month=fmt_month(last, lang)), className="mios-last-value"))
    children.append(html.Span(target, className="mios-target", title=t("field.target", lang)))
    return html.Td(children, className="mios-num mios-actual")


def _header_cell(key: str, lang: str, numeric: bool = False) -> html.Th:
    return html.Th(t(key, lang), scope="col", className="mios-num" if numeric else None)


def drill_href(template: str, code: str, lang: str, query: Query | None) -> str:
    """The drill-down link for a code, keeping the language, month and filters of the board."""
    return localized_href(template.format(code=code), lang, query)


def spark_label(indicator: Indicator, lang: str = "es", target: str | None = None) -> str:
    """The sparkline's text alternative: how many values, from which to which, against which target."""
    points = [p for p in indicator.get("spark") or [] if p.get("value") is not None]
    if len(points) < 2:
        return ""
    unit, decimals = indicator.get("unit"), _decimals(indicator)
    return t("board.spark_alt", lang, count=len(points), first=format_measure(points[0]["value"], unit, lang, decimals),
             last=format_measure(points[-1]["value"], unit, lang, decimals),
             target=target if target is not None else format_target(indicator, lang))


def _name_cell(indicator: Indicator, lang: str, query: Query | None) -> html.Th:
    """Code and name (a link to the indicator's page), and the forecast warning under them."""
    code = indicator.get("code") or ""
    name = [html.Span(code, className="mios-code"), html.Span(indicator.get("name") or "", className="mios-indicator__name")]
    forecast = forecast_mark(indicator, lang)
    return html.Th(
        [dcc.Link(name, href=drill_href(INDICATOR_PATH, code, lang, query), className="mios-indicator__link",
                  title=t("board.view_indicator", lang, code=code)) if code else html.Span(name),
         *([forecast] if forecast is not None else [])],
        scope="row",
        className="mios-indicator",
    )


def indicator_row(indicator: Indicator, lang: str = "es", query: Query | None = None) -> html.Tr:
    """One indicator: code and name, its last values, actual over target, achievement with its trend arrow,
    light with its signal (or "no signal") mark."""
    status = normalize_status(indicator.get("status"))
    trend = _row_trend(indicator.get("trend"), lang)
    mark = signal_mark(indicator, lang)
    actual = format_measure(indicator.get("actual"), indicator.get("unit"), lang, _decimals(indicator))
    target = format_target(indicator, lang)
    return html.Tr(
        [
            _name_cell(indicator, lang, query),
            html.Td(sparkline(indicator.get("spark") or [], status, spark_label(indicator, lang, target)),
                    className="mios-spark-cell"),
            _actual_cell(indicator, status, lang, actual, target),
            html.Td([fmt_percent(indicator.get("achievement"), lang), *([trend] if trend is not None else [])],
                    className="mios-num mios-achievement"),
            html.Td([_row_badge(status, lang), *([mark] if mark is not None else [])],
                    className="mios-status-cell"),
        ],
        className=f"mios-indicator-row mios-indicator-row--{status}",
        **attrs(data_code=indicator.get("code") or ""),
    )


def indicator_table(indicators: Iterable[Indicator], lang: str = "es", query: Query | None = None) -> html.Table:
    """The indicators of one objective (or the loose ones of a perspective) as a compact table."""
    return html.Table(
        [_table_head(lang), html.Tbody([indicator_row(row, lang, query) for row in indicators])],
        className="table table-sm mios-indicators",
    )


# A row's fixed parts — its light, its trend arrow, the table's header — depend only on a status, a trend
# and the language, so each is built once per process and shared by every row and card that shows it: Dash
# serialises a component wherever it appears, and nothing mutates a built layout. A 1,000-indicator board
# renders about 350 rows, and building Dash components is most of what rendering them costs.
@lru_cache(maxsize=64)
def _row_badge(status: str, lang: str) -> html.Span:
    return status_badge(status, lang, size="sm")


@lru_cache(maxsize=64)
def _row_trend(trend: object, lang: str) -> html.Span | None:
    return trend_mark(trend, lang, compact=True)


@lru_cache(maxsize=16)
def _table_head(lang: str) -> html.Thead:
    return html.Thead(html.Tr([
        _header_cell("field.indicator", lang),
        _header_cell("board.history", lang),
        _header_cell("board.actual_target", lang, numeric=True),
        _header_cell("field.achievement", lang, numeric=True),
        _header_cell("field.status", lang),
    ]))


def _fact(label_key: str, value: str, icon_name: str, lang: str) -> html.Div:
    return html.Div(
        [icon(icon_name, "mios-fact__icon"), html.Span(t(label_key, lang), className="mios-fact__label"),
         html.Span(value, className="mios-fact__value")],
        className="mios-fact",
    )


def visible_rows(rows: list[Indicator]) -> tuple[list[Indicator], list[Indicator]]:
    """The rows a card lists and the ones it only counts. Up to MAX_ROWS all show, in their order; beyond,
    the worst lights come first (red, stale, yellow, no data, green) so nothing off target is hidden."""
    if len(rows) <= MAX_ROWS:
        return rows, []
    ranked = sorted(rows, key=lambda r: SEVERITY.get(normalize_status(r.get("status")), len(SEVERITY)))
    return ranked[:MAX_ROWS], ranked[MAX_ROWS:]


def more_note(hidden: list[Indicator], lang: str, href: str | None = None) -> html.P:
    """"Y 20 indicadores más: 18 en meta, 2 sin dato" and where to see them all."""
    counts: dict[str, int] = {}
    for row in hidden:
        status = normalize_status(row.get("status"))
        counts[status] = counts.get(status, 0) + 1
    detail = ", ".join(f"{counts[s]} {t(f'status.{s}', lang).lower()}" for s in SEVERITY if counts.get(s))
    see = dcc.Link(t("board.more_link", lang), href=href, className="mios-more__link") if href else \
        html.Span(t("board.more_hint", lang), className="mios-more__hint")
    return html.P([html.Span(t_count("board.more_indicators", len(hidden), lang) + f": {detail}. "), see],
                  className="mios-more")


def objective_card(objective: Objective, indicators: Iterable[Indicator], lang: str = "es",
                   query: Query | None = None) -> html.Article:
    """An objective: code and title (a link to its page), light, score, owner, due date, and its indicators
    (at most MAX_ROWS listed, worst first, the rest counted with a link to the objective's page)."""
    status = normalize_status(objective.get("status"))
    code = objective.get("code") or ""
    rows, hidden = visible_rows(list(indicators))
    body: list[Component] = [indicator_table(rows, lang, query)] if rows else [html.P(t("board.no_indicators", lang), className="mios-muted")]
    if hidden:
        body.append(more_note(hidden, lang, drill_href(OBJECTIVE_PATH, code, lang, query) if code else None))
    name = [html.Span(code, className="mios-code"), html.H4(objective.get("title") or "", className="mios-objective__title")]
    return html.Article(
        [
            html.Div(
                [
                    dcc.Link(name, href=drill_href(OBJECTIVE_PATH, code, lang, query),
                             className="mios-objective__name mios-objective__link",
                             title=t("board.view_objective", lang, code=code)) if code
                    else html.Div(name, className="mios-objective__name"),
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
            *body,
        ],
        className=f"card mios-objective mios-objective--{status}",
        **attrs(data_code=objective.get("code") or ""),
    )


def loose_indicators_card(indicators: Iterable[Indicator], lang: str = "es", query: Query | None = None) -> html.Article:
    """Indicators of a perspective that belong to no objective, under "Otros indicadores" (at most MAX_ROWS
    listed, worst first; the rest counted, with the filters as the way to see them)."""
    rows, hidden = visible_rows(list(indicators))
    return html.Article(
        [
            html.Div(html.H4(t("board.other_indicators", lang), className="mios-objective__title"),
                     className="mios-objective__head"),
            indicator_table(rows, lang, query),
            *([more_note(hidden, lang)] if hidden else []),
        ],
        className="card mios-objective mios-objective--loose",
    )
