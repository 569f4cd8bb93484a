"""The forms of the administration page: which fields each has, and how a form is drawn — as loaded, or again
with the values as typed and each problem under its field (the save's refusal).

A form's body is rebuilt on every open and every refused save, so its drop-downs always list what is stored
now; the values travel back through the pattern-matching ids `ids.field(form, name)`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from mios_dashboard.components.admin import ids
from mios_dashboard.components.admin.ids import DELETABLE, Ids, Kind
from mios_dashboard.components.imports import period_text
from mios_dashboard.i18n import fmt_datetime, fmt_number, perspective_name, t

PROCESS_TYPES = ("strategic", "operational", "support")
DIRECTIONS = ("higher", "lower", "range")
FREQUENCIES = ("daily", "weekly", "monthly", "quarterly", "yearly")
AGGREGATIONS = ("sum", "mean", "last", "min", "max")
SIPOC = ("supplier", "input", "activity", "output", "customer", "control")
# The "(ninguno)" entry of an optional drop-down: not "", which a <select> takes as "nothing chosen yet" and shows
# blank. The page turns it back into "" before the service reads the form.
NONE = "-"


@dataclass(frozen=True)
class Field:
    """One input: `kind` text, area, number, select, date, switch or checks; `width` in twelfths of the row;
    `options` names its list (a stored one such as "process", or a closed vocabulary); `optional` adds
    "(ninguno)" to a drop-down; `fixed` inputs cannot change once the record exists (a perspective's code)."""

    name: str
    kind: str = "text"
    width: int = 6
    options: str | None = None
    optional: bool = False
    fixed: bool = False
    help: str | None = None  # catalogue key of a hint under the input
    rows: int = 3  # a text area's height in lines


@dataclass(frozen=True)
class Heading:
    """A heading between groups of fields (e.g. the 6.2.2 plan)."""

    key: str


FIELDS: dict[str, tuple[Field | Heading, ...]] = {
    "perspective": (
        Field("code", width=3, fixed=True, help="admin.help.perspective_code"), Field("name", width=5),
        Field("sort_order", "number", width=2), Field("weight", "number", width=2),
        Field("description", "area", width=12),
    ),
    "process": (
        Field("code", width=3), Field("name", width=5), Field("type", "select", width=4, options="process_type"),
        Field("owner", width=6), Field("purpose", "area", width=12),
        Heading("admin.heading.sipoc"),
        *(Field(f"sipoc_{kind}", "area", width=4, help="admin.help.one_per_line", rows=6) for kind in SIPOC),
    ),
    "objective": (
        Field("code", width=3), Field("title", width=9), Field("perspective", "select", width=4, options="perspective"),
        Field("process", "select", width=4, options="process", optional=True),
        Field("parent", "select", width=4, options="objective", optional=True), Field("weight", "number", width=3),
        Field("active", "switch", width=3), Field("description", "area", width=12),
        Field("policy_commitment", "area", width=12),
        Heading("admin.heading.plan"),
        Field("plan_what", "area", width=12), Field("plan_resources", "area", width=6), Field("plan_owner", width=6),
        Field("plan_due", "date", width=6), Field("plan_evaluation", "area", width=6),
    ),
    "links": (Field("effects", "checks", width=12, options="objective", help="admin.help.effects"),),
    "indicator": (
        Field("code", width=3), Field("name", width=6), Field("unit", width=3),
        Field("objective", "select", width=4, options="objective", optional=True),
        Field("perspective", "select", width=4, options="perspective", optional=True,
              help="admin.help.indicator_perspective"),
        Field("process", "select", width=4, options="process", optional=True),
        Field("direction", "select", width=4, options="direction"),
        Field("frequency", "select", width=4, options="frequency"),
        Field("aggregation", "select", width=4, options="aggregation"),
        Field("target", "number", width=4), Field("target_min", "number", width=4, help="admin.help.target_range"),
        Field("target_max", "number", width=4, help="admin.help.target_range"),
        Field("green_threshold", "number", width=3, help="admin.help.threshold"),
        Field("yellow_threshold", "number", width=3, help="admin.help.threshold"),
        Field("weight", "number", width=3), Field("decimals", "number", width=3),
        Field("baseline", "number", width=3, help="admin.help.baseline"),
        Field("xmr_baseline_start", "date", width=3, help="admin.help.xmr"), Field("xmr_baseline_end", "date", width=3),
        Field("owner", width=3), Field("data_source", width=4),
        Field("group", width=4, options="group", help="admin.help.group"), Field("active", "switch", width=2),
        Field("description", "area", width=12),
    ),
    "targets": (
        Field("year", "select", width=3, options="year", help="admin.help.year"),
        Heading("admin.heading.months"),
        *(Field(f"month_{month}", "number", width=2) for month in range(1, 13)),
    ),
    "measurement": (
        Field("period", "select", width=4, options="period", help="admin.help.period"), Field("value", "number", width=4),
        Field("comment", "area", width=12, help="admin.help.correction"),
    ),
}


def field_names(form: str) -> list[str]:
    return [item.name for item in FIELDS[form] if isinstance(item, Field)]


def _options(item: Field, choices: Mapping[str, Sequence[Any]], lang: str, values: Mapping[str, Any],
             record_id: int | None, facts: Mapping[str, Any] | None = None) -> list[dict]:
    closed = {"process_type": PROCESS_TYPES, "direction": DIRECTIONS, "frequency": FREQUENCIES,
              "aggregation": AGGREGATIONS}
    if item.options in closed:
        kind = item.options
        options = [{"label": t(f"admin.process_type.{code}" if kind == "process_type" else f"{kind}.{code}", lang),
                    "value": code} for code in closed[kind]]
    elif item.options == "period":
        frequency = str((facts or {}).get("frequency") or "monthly")
        options = [{"label": period_text(day, frequency, lang), "value": day}
                   for day in (facts or {}).get("periods") or []]
    elif item.options == "year":
        this_year = dt.date.today().year
        shown = {this_year + offset for offset in range(-3, 3)} | {int(str(values.get("year") or this_year))}
        options = [{"label": str(year), "value": str(year)} for year in sorted(shown)]
    elif item.options == "perspective":
        options = [{"label": perspective_name(choice.code, choice.label, lang), "value": str(choice.id)}
                   for choice in choices.get("perspective", [])]
    elif item.options == "group":
        options = [{"label": choice.label, "value": choice.code} for choice in choices.get("group", [])]
    else:
        options = [{"label": choice.label, "value": str(choice.id)} for choice in choices.get(item.options or "", [])
                   if not (item.options == "objective" and choice.id == record_id and item.name in ("parent", "effects"))]
    if item.optional:
        options = [{"label": t("form.none", lang), "value": NONE}, *options]
    return options


def _input(form: str, item: Field, value: Any, invalid: bool, disabled: bool, options: list[dict]) -> Any:
    component_id = ids.field(form, item.name)
    if item.kind == "area":
        return dbc.Textarea(id=component_id, value=value or "", invalid=invalid, rows=item.rows, disabled=disabled)
    if item.kind == "select":
        chosen = str(value) if value not in (None, "") else (NONE if item.optional else "")
        return dbc.Select(id=component_id, value=chosen, options=options, invalid=invalid, disabled=disabled)
    if item.kind == "switch":
        return dbc.Switch(id=component_id, value=bool(value), className="mios-admin__switch")
    if item.kind == "checks":
        checked = [str(v) for v in (value or [])]
        return dbc.Checklist(id=component_id, value=checked, options=options, className="mios-admin__checks")
    kind = "date" if item.kind == "date" else "text"
    extra = {"inputMode": "decimal"} if item.kind == "number" else {}
    if options:  # free text with suggestions (an indicator's group)
        extra["list"] = Ids.SUGGESTIONS
    control = dbc.Input(id=component_id, type=kind, value=value if value is not None else "", invalid=invalid,
                        disabled=disabled, **extra)
    if not options:
        return control
    return html.Div([control, html.Datalist([html.Option(value=o["value"]) for o in options],
                                            id=Ids.SUGGESTIONS)])


def form_body(form: str, values: Mapping[str, Any], lang: str, choices: Mapping[str, Sequence[Any]], *,
              record_id: int | None = None, problems: Mapping[str, Sequence[str]] | None = None,
              facts: Mapping[str, Any] | None = None) -> list:
    """The fields of `form` holding `values`, each problem under its field; `facts` adds what the form shows
    but does not edit (who recorded a value, and when)."""
    problems = problems or {}
    rows: list = []
    current: list = []
    for item in FIELDS[form]:
        if isinstance(item, Heading):
            if current:
                rows.append(dbc.Row(current, className="g-3"))
                current = []
            rows.append(html.H3(t(item.key, lang), className="mios-admin__group"))
            continue
        wrong = list(problems.get(item.name, ()))
        label_text = t(f"admin.field.{item.name}", lang)
        options = _options(item, choices, lang, values, record_id, facts) if item.options else []
        control = _input(form, item, values.get(item.name), bool(wrong), item.fixed and record_id is not None,
                         options)
        parts = [dbc.Label(label_text, html_for=None, className="mios-admin__label"), control]
        if item.kind == "switch":
            parts = [html.Div(label_text, className="mios-admin__label"), control]
        if item.help:
            parts.append(dbc.FormText(t(item.help, lang), className="mios-admin__help"))
        parts.append(html.Div(wrong, className="invalid-feedback d-block mios-admin__feedback"))
        current.append(dbc.Col(parts, md=item.width, className="mios-admin__field"))
    if current:
        rows.append(dbc.Row(current, className="g-3"))
    return [*facts_view(form, facts or {}, lang), *rows]


def facts_view(form: str, facts: Mapping[str, Any], lang: str) -> list:
    """Above a measurement's fields: the value stored for the period, who entered it and when."""
    if form != "measurement" or facts.get("stored_value") is None:
        return [html.P(t("admin.measurement.new_hint", lang), className="mios-admin__facts")] \
            if form == "measurement" else []
    text = t("admin.measurement.stored", lang,
             value=fmt_number(facts["stored_value"], lang, facts.get("decimals")),
             unit=facts.get("unit") or "", who=facts.get("entered_by") or "—",
             when=fmt_datetime(facts.get("entered_at"), lang, facts.get("time_zone")),
             source=t(f"admin.source.{facts.get('source') or 'manual'}", lang))
    return [html.P(text, className="mios-admin__facts")]


def modal(form: str, lang: str) -> dbc.Modal:
    """The empty modal of `form`: the open callback fills its title, body and store."""
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(id=ids.part(Kind.TITLE, form))),
            dbc.ModalBody([html.Div(id=ids.part(Kind.ALERT, form), role="status"),
                           html.Div(id=ids.part(Kind.BODY, form))]),
            dbc.ModalFooter([
                *([dbc.Button(t("form.delete", lang), id=ids.part(Kind.DELETE, form), color="danger", outline=True,
                              className="d-none me-auto", n_clicks=0),
                   dcc.ConfirmDialog(id=ids.part(Kind.CONFIRM, form), message=t(f"admin.confirm_delete.{form}", lang))]
                  if form in DELETABLE else []),
                dbc.Button(t("admin.reload", lang), id=ids.part(Kind.RELOAD, form), color="warning",
                           className="d-none", n_clicks=0),
                dbc.Button(t("form.cancel", lang), id=ids.part(Kind.CANCEL, form), color="secondary",
                           outline=True, n_clicks=0),
                dbc.Button(t("form.save", lang), id=ids.part(Kind.SAVE, form), color="primary", n_clicks=0),
            ]),
            dcc.Store(id=ids.part(Kind.STORE, form)),
        ],
        id=ids.part(Kind.MODAL, form), is_open=False, size="xl" if form in ("objective", "indicator", "process")
        else "lg", scrollable=True, backdrop="static", className="mios-admin__modal",
    )
