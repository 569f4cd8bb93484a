"""The lists and tables of the drill-down pages: the 6.2.2 plan, the strategy-map links, the indicator's
definition, risks, actions, measurements with their source, and the change history (ISO 7.5.3).

Built from the plain dicts of services.drilldown; every empty list says so in words.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dash import dcc, html
from dash.development.base_component import Component

from mios_dashboard.components.board.cards import format_measure
from mios_dashboard.components.drilldown.blocks import code_and_name, objective_href, text_or_missing
from mios_dashboard.components.status import icon, status_badge
from mios_dashboard.figures import period_label
from mios_dashboard.i18n import MISSING, fmt_date, fmt_datetime, fmt_percent, parse_iso_date, t, t_or

CLOSED_ACTIONS = frozenset({"closed", "effective", "not_effective"})
_NUMERIC_FIELDS = frozenset({"value", "target", "target_min", "target_max", "baseline"})


def definition_list(items: Iterable[tuple[str, Any]], extra_class: str = "") -> html.Dl:
    """(label, value) pairs as a two-column description list."""
    children = []
    for label, value in items:
        children += [html.Dt(label), html.Dd(value)]
    return html.Dl(children, className=f"mios-dd__dl {extra_class}".strip())


def plan_list(objective: Mapping[str, Any], lang: str) -> html.Dl:
    """ISO 9001 6.2.2 a–e, in the standard's order, plus the policy commitment it serves (6.2.1 a)."""
    return definition_list([
        (t("drill.plan_what", lang), text_or_missing(objective.get("plan_what"), lang)),
        (t("drill.plan_resources", lang), text_or_missing(objective.get("plan_resources"), lang)),
        (t("drill.plan_owner", lang), text_or_missing(objective.get("plan_owner"), lang)),
        (t("drill.plan_due", lang), fmt_date(objective.get("plan_due"), lang) if objective.get("plan_due")
         else t("drill.not_defined", lang)),
        (t("drill.plan_evaluation", lang), text_or_missing(objective.get("plan_evaluation"), lang)),
        (t("drill.policy_commitment", lang), text_or_missing(objective.get("policy_commitment"), lang)),
    ], "mios-dd__plan")


def relatives_list(relatives: Mapping[str, Any], lang: str, query: Mapping[str, str]) -> Component:
    """Parent, sub-objectives, and the cause→effect arrows of the strategy map, each a link."""
    def links(rows: Sequence[Mapping]) -> html.Ul:
        return html.Ul([
            html.Li([dcc.Link(code_and_name(r["code"], r.get("title")), href=objective_href(r["code"], lang, query)),
                     *([html.Span(r["note"], className="mios-dd__note")] if r.get("note") else [])])
            for r in rows
        ], className="mios-dd__links")

    groups = [("drill.parent", [relatives["parent"]] if relatives.get("parent") else []),
              ("drill.causes", relatives.get("causes") or []), ("drill.effects", relatives.get("effects") or []),
              ("drill.children", relatives.get("children") or [])]
    shown = [(key, rows) for key, rows in groups if rows]
    if not shown:
        return html.P(t("drill.no_links", lang), className="mios-muted")
    return definition_list([(t(key, lang), links(rows)) for key, rows in shown], "mios-dd__map")


def _table(headers: Sequence[tuple[str, bool]], rows: list, lang: str, empty_key: str,
           extra_class: str = "") -> Component:
    """A compact table (header labels with a numeric flag); a sentence instead when there are no rows."""
    if not rows:
        return html.P(t(empty_key, lang), className="mios-muted")
    head = html.Tr([html.Th(label, scope="col", className="mios-num" if numeric else None)
                    for label, numeric in headers])
    table = html.Table([html.Thead(head), html.Tbody(rows)], className=f"table table-sm mios-dd__table {extra_class}")
    return html.Div(table, className="mios-dd__table-wrap")


def risks_table(risks: Sequence[Mapping[str, Any]], lang: str) -> Component:
    """Risks and opportunities of the objective: level (likelihood × impact), owner, treatment, review."""
    rows = [
        html.Tr([
            html.Td([html.Span(r["code"], className="mios-code"), html.Span(t(f"drill.risk_kind.{r['kind']}", lang),
                                                                          className="mios-dd__tag")]),
            html.Td(r["title"]),
            html.Td(html.Span(str(r["level"]), className=f"mios-dd__level mios-dd__level--{_level(r['level'])}",
                              title=f"{r['likelihood']} × {r['impact']}"), className="mios-num"),
            html.Td(r.get("owner") or MISSING),
            html.Td(r.get("treatment") or MISSING, className="mios-dd__wrap"),
            html.Td([fmt_date(r.get("review_on"), lang),
                     html.Span(t(f"drill.effectiveness.{r['effectiveness']}", lang), className="mios-dd__sub")]),
        ])
        for r in risks
    ]
    headers = [(t("drill.col_risk", lang), False), (t("drill.col_description", lang), False),
               (t("drill.col_level", lang), True), (t("field.owner", lang), False),
               (t("drill.col_treatment", lang), False), (t("drill.col_review", lang), False)]
    return _table(headers, rows, lang, "drill.no_risks")


def _level(level: int) -> str:
    return "high" if level >= 15 else "medium" if level >= 8 else "low"


def actions_table(actions: Sequence[Mapping[str, Any]], lang: str, today: dt.date) -> Component:
    """Actions on the objective, its indicators or its risks; an open action past its due date says so."""
    rows = []
    for a in actions:
        due = parse_iso_date(a.get("due_on"))
        overdue = a["status"] not in CLOSED_ACTIONS and due is not None and due < today
        link = [html.Span(code, className="mios-code") for code in (a.get("indicator"), a.get("risk")) if code]
        rows.append(html.Tr([
            html.Td([html.Span(a["code"], className="mios-code"),
                     html.Span(t(f"drill.action_kind.{a['kind']}", lang), className="mios-dd__tag")]),
            html.Td(a["title"], className="mios-dd__wrap"),
            html.Td(a.get("owner") or MISSING),
            html.Td([fmt_date(a.get("due_on"), lang),
                     *([html.Span([icon("bi-alarm"), t("drill.overdue", lang)], className="mios-dd__overdue")]
                       if overdue else [])]),
            html.Td(html.Span(t(f"drill.action_status.{a['status']}", lang),
                              className=f"mios-dd__action mios-dd__action--{a['status']}")),
            html.Td(link or MISSING),
        ], className="mios-dd__row--overdue" if overdue else None))
    headers = [(t("drill.col_action", lang), False), (t("drill.col_description", lang), False),
               (t("field.owner", lang), False), (t("drill.col_due", lang), False), (t("field.status", lang), False),
               (t("drill.col_link", lang), False)]
    return _table(headers, rows, lang, "drill.no_actions")


def source_text(row: Mapping[str, Any], lang: str) -> str:
    """Where a value came from: the import batch's file, a hand entry, or the demo."""
    source = row.get("source")
    if source == "import":
        return t("drill.source_import", lang, file=row.get("batch_file") or MISSING)
    if source in ("manual", "demo"):
        return t(f"drill.source_{source}", lang)
    return source or MISSING


def _period_text(period: Any, frequency: str | None, lang: str) -> str:
    """A row's period as its indicator names it: a day or week by its date, else "dic 2025", "T4 2025", "2025"."""
    day = parse_iso_date(period)
    if day is None:
        return MISSING
    return fmt_date(day, lang) if frequency in ("daily", "weekly") else period_label(day, frequency, lang)


def recent_measurements_table(rows: Sequence[Mapping[str, Any]], lang: str) -> Component:
    """The objective's latest values: indicator, period, value, source, who, when."""
    body = [
        html.Tr([
            html.Td(r["code"], className="mios-code"),
            html.Td(_period_text(r["period"], r.get("frequency"), lang), className="mios-dd__nowrap"),
            html.Td(format_measure(r["value"], r.get("unit"), lang, r.get("decimals")), className="mios-num"),
            html.Td(source_text(r, lang)), html.Td(r.get("entered_by") or MISSING),
            html.Td(fmt_datetime(r.get("entered_at"), lang), className="mios-dd__nowrap"),
        ])
        for r in rows
    ]
    headers = [(t("field.indicator", lang), False), (t("drill.col_period", lang), False),
               (t("drill.col_value", lang), True), (t("drill.col_source", lang), False),
               (t("drill.col_who", lang), False), (t("drill.col_when", lang), False)]
    return _table(headers, body, lang, "drill.no_measurements")


def measurements_table(rows: Sequence[Mapping[str, Any]], indicator: Mapping[str, Any], lang: str) -> Component:
    """The indicator's data: period, value, target, achievement with its light, source, who, when, comment."""
    unit, decimals, frequency = indicator.get("unit"), indicator.get("decimals"), indicator.get("frequency")
    direction = indicator.get("direction")
    body = []
    for r in rows:
        if direction == "range" and r.get("target_min") is not None and r.get("target_max") is not None:
            target = t("target.range", lang, low=format_measure(r["target_min"], unit, lang, decimals),
                       high=format_measure(r["target_max"], unit, lang, decimals))
        else:
            target = format_measure(r.get("target"), unit, lang, decimals)
        body.append(html.Tr([
            html.Td(_period_text(r["period"], frequency, lang), className="mios-dd__nowrap"),
            html.Td(format_measure(r["value"], unit, lang, decimals), className="mios-num mios-actual"),
            html.Td(target, className="mios-num"),
            html.Td(fmt_percent(r.get("achievement"), lang), className="mios-num"),
            html.Td(status_badge(r.get("status"), lang, size="sm")),
            html.Td(source_text(r, lang)), html.Td(r.get("entered_by") or MISSING),
            html.Td(fmt_datetime(r.get("entered_at"), lang), className="mios-dd__nowrap"),
            html.Td(r.get("comment") or "", className="mios-dd__wrap"),
        ]))
    headers = [(t("drill.col_period", lang), False), (t("field.actual", lang), True), (t("field.target", lang), True),
               (t("field.achievement", lang), True), (t("field.status", lang), False),
               (t("drill.col_source", lang), False), (t("drill.col_who", lang), False),
               (t("drill.col_when", lang), False), (t("drill.col_comment", lang), False)]
    return _table(headers, body, lang, "drill.no_measurements", "mios-dd__data")


def _change_value(field: str, value: Any, unit: str | None, decimals: int | None, lang: str) -> str:
    if value is None or value == "":
        return MISSING
    if field in _NUMERIC_FIELDS and isinstance(value, (int, float)):
        return format_measure(value, unit, lang, decimals)
    if field == "source":
        if value == "import":
            return t("drill.source_import_plain", lang)
        return t_or(f"drill.source_{value}", str(value), lang)
    return str(value)


def _change_text(change: Mapping[str, Any], operation: str, unit, decimals, lang: str) -> str:
    field = change["field"]
    label = t_or(f"drill.field.{field}", field, lang)
    if operation == "insert":
        return f"{label}: {_change_value(field, change['new'], unit, decimals, lang)}"
    if operation == "delete":
        return f"{label}: {_change_value(field, change['old'], unit, decimals, lang)}"
    old = _change_value(field, change["old"], unit, decimals, lang)
    return f"{label}: {old} → {_change_value(field, change['new'], unit, decimals, lang)}"


def history_table(events: Sequence[Mapping[str, Any]], lang: str, unit: str | None = None,
                  decimals: int | None = None, frequency: str | None = None) -> Component:
    """Who changed what and when, old → new, newest first (the AuditEvent trail, ISO 7.5.3)."""
    body = []
    for e in events:
        what = t_or(f"drill.entity.{e['entity']}", e["entity"], lang)
        if e.get("period"):
            what = f"{what} {_period_text(e['period'], frequency, lang)}"
        changes = [_change_text(c, e["operation"], unit, decimals, lang) for c in e.get("changes") or []]
        body.append(html.Tr([
            html.Td(fmt_datetime(e.get("at"), lang), className="mios-dd__nowrap"), html.Td(e.get("actor") or MISSING),
            html.Td([html.Span(t_or(f"drill.op.{e['operation']}", e["operation"], lang),
                               className=f"mios-dd__op mios-dd__op--{e['operation']}"), html.Span(what)]),
            html.Td(html.Ul([html.Li(c) for c in changes], className="mios-dd__changes") if changes else "",
                    className="mios-dd__wrap"),
        ]))
    headers = [(t("drill.col_date", lang), False), (t("drill.col_user", lang), False),
               (t("drill.col_what", lang), False), (t("drill.col_change", lang), False)]
    return _table(headers, body, lang, "drill.no_history", "mios-dd__history")


def count_note(shown: int, total: int, lang: str) -> html.P | None:
    """"Showing 150 of 730." when a table is cut; None when it shows everything."""
    return html.P(t("drill.showing", lang, shown=shown, total=total), className="mios-muted mios-dd__count") \
        if total > shown else None
