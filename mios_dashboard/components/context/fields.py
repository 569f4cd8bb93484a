"""The form pieces of /contexto: the one modal every form opens in, and labelled inputs whose ids
(`field_id(name)`) the save callback reads and whose problem line (`problem_id(name)`) it fills."""
from __future__ import annotations

import json
from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from mios_dashboard.components.context.ids import Ids, field_id, problem_id
from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.i18n import t


def modal(lang: str) -> list:
    """The modal (its body filled when a form opens), the store of what it edits and the version it loaded."""
    return [
        dcc.Store(id=Ids.FORM),
        dbc.Modal([
            dbc.ModalHeader(dbc.ModalTitle(id=Ids.MODAL_TITLE)),
            # The message first: a refusal is read before the fields, each problem also under its field.
            dbc.ModalBody([html.Div(id=Ids.MESSAGE, **attrs(aria_live="polite")), html.Div(id=Ids.MODAL_BODY)]),
            dbc.ModalFooter([
                html.Button(t("form.cancel", lang), id=Ids.CANCEL, n_clicks=0, type="button",
                            className="btn btn-outline-secondary"),
                html.Button(t("form.save", lang), id=Ids.SAVE, n_clicks=0, type="button", className="btn btn-primary"),
            ]),
        ], id=Ids.MODAL, is_open=False, size="lg", scrollable=True, backdrop="static"),
    ]


def dom_id(element_id: dict) -> str:
    """The DOM id Dash gives a pattern-matching id (its JSON, keys sorted), for a label's `htmlFor`."""
    return json.dumps(element_id, sort_keys=True, separators=(",", ":"))


def _group(name: str, label: str, control, lang: str, *, required: bool = False, hint: str | None = None) -> html.Div:
    label_children: list[Component | str] = [label, html.Span(" *", className="mios-context-required", title=t("context.form.required", lang))
                      ] if required else [label]
    return html.Div([
        html.Label(label_children, htmlFor=dom_id(field_id(name)), className="form-label"),
        control,
        *([html.Div(hint, className="form-text")] if hint else []),
        html.Div(id=problem_id(name), className="mios-context-problem", role="alert"),
    ], className="mb-3")


def text_field(name: str, label: str, value: object, lang: str, *, required: bool = False,
               kind: str = "text", hint: str | None = None) -> html.Div:
    control = dbc.Input(id=field_id(name), type=kind, value="" if value is None else str(value))
    return _group(name, label, control, lang, required=required, hint=hint)


def area_field(name: str, label: str, value: object, lang: str, *, required: bool = False, rows: int = 4,
               hint: str | None = None) -> html.Div:
    control = dbc.Textarea(id=field_id(name), value="" if value is None else str(value), rows=rows)
    return _group(name, label, control, lang, required=required, hint=hint)


def choice_field(name: str, label: str, value: str | int | None, options: Sequence[tuple[object, str]], lang: str, *,
                 required: bool = True, searchable: bool = False, hint: str | None = None) -> html.Div:
    items = [{"label": text, "value": option} for option, text in options]
    control = dcc.Dropdown(id=field_id(name), options=items, value=value, clearable=not required,
                           searchable=searchable, placeholder=t("context.form.choose", lang))
    return _group(name, label, control, lang, required=required, hint=hint)


def switch_field(name: str, label: str, value: bool, lang: str, *, hint: str | None = None) -> html.Div:
    control = dbc.Switch(id=field_id(name), value=bool(value), label=label)
    return html.Div([control, *([html.Div(hint, className="form-text")] if hint else []),
                     html.Div(id=problem_id(name), className="mios-context-problem", role="alert")], className="mb-3")

