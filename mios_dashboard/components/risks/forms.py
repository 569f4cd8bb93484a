"""The page's three forms, each a `dbc.Modal` with the version of the record it loaded in a `dcc.Store`: the risk
form (every field of the register), the review (next review date, effectiveness) and the closing (day, why).

Every field has a pattern-matching id {"type": FIELD_TYPE, "form", "name"} — `name` is the service's own field
name — and under it a slot {"type": PROBLEM_TYPE, …} for what is wrong with it, so a callback reads and marks the
whole form without a list of ids of its own.
"""
from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.risks.ids import Ids, field_id, problem_id
from mios_dashboard.components.risks.register import taxonomy_name
from mios_dashboard.i18n import t

SCALE = ("1", "2", "3", "4", "5")
EFFECTIVENESS = ("pending", "effective", "not_effective")
# Each form's fields in the order it shows them (tests/integration/risks keeps them equal to the layout).
RISK_FIELDS = ("code", "kind", "title", "category", "owner", "description", "likelihood", "impact",
               "residual_likelihood", "residual_impact", "treatment", "objective", "process", "assessed_on",
               "review_on", "effectiveness")
REVIEW_FIELDS = ("review_on", "effectiveness")
CLOSE_FIELDS = ("closed_on", "closure_note")


def _field(form: str, name: str, control: Any, lang: str, *, width: int = 6, hint: str | None = None) -> dbc.Col:
    parts: list = [dbc.Label(t(f"risks.field.{name}", lang), className="mios-risks-label"), control]
    if hint:
        parts.append(html.Div(hint, className="mios-risks-hint"))
    parts.append(html.Div(id=problem_id(form, name), className="mios-risks-problem", role="alert"))
    return dbc.Col(parts, md=width, className="mios-risks-field")


def _options(values: tuple[str, ...], vocabulary: str, lang: str) -> list[dict]:
    """Options of a closed vocabulary, labelled by `risks.<vocabulary>.<value>`."""
    return [{"label": t(f"risks.{vocabulary}.{value}", lang), "value": value} for value in values]


def _scale(form: str, name: str, kind: str, lang: str, *, optional: bool = False) -> dcc.Dropdown:
    """1–5 with the scale's words; an optional one (the residual rating) can be cleared back to "not assessed"."""
    options = [{"label": f"{value} · {t(f'risks.{kind}.{value}', lang)}", "value": value} for value in SCALE]
    return dcc.Dropdown(id=field_id(form, name), options=options, value=None, clearable=optional, searchable=False,
                        placeholder=t("risks.not_reassessed" if optional else "risks.hint.choose", lang))


def _text(form: str, name: str, *, kind: str = "text", maxlength: int | None = None) -> dbc.Input:
    return dbc.Input(id=field_id(form, name), type=kind, value="", debounce=False,
                     **({"maxLength": maxlength} if maxlength else {}))


def _area(form: str, name: str, rows: int = 2) -> dbc.Textarea:
    return dbc.Textarea(id=field_id(form, name), value="", rows=rows)


def _message(element_id: str) -> html.Div:
    return html.Div(id=element_id, className="mios-risks-message", role="status")


def _modal(modal_id: str, title_id: str, store_id: str, message_id: str, body: list, footer: list,
           size: str = "lg") -> dbc.Modal:
    return dbc.Modal([
        dbc.ModalHeader(dbc.ModalTitle(id=title_id)),
        dbc.ModalBody([_message(message_id), *body]),
        dbc.ModalFooter(footer),
        dcc.Store(id=store_id),
    ], id=modal_id, is_open=False, size=size, backdrop="static", scrollable=True, className="mios-risks-modal")


def risk_form(view: Any, lang: str) -> dbc.Modal:
    """Create or edit one risk or opportunity (title and the delete button are set when it opens)."""
    categories = [{"label": taxonomy_name(path, lang), "value": leaf} for leaf, path in view.categories]
    objectives = [{"label": f"{choice.code} · {choice.name}", "value": choice.code} for choice in view.objectives]
    processes = [{"label": f"{choice.code} · {choice.name}", "value": choice.code} for choice in view.processes]
    form = "risk"
    body = [
        dbc.Row([
            _field(form, "code", _text(form, "code", maxlength=20), lang, width=3, hint=t("risks.hint.code", lang)),
            _field(form, "kind", dbc.RadioItems(id=field_id(form, "kind"), inline=True, value="risk",
                                                options=_options(("risk", "opportunity"), "kind", lang)),
                   lang, width=3),
            _field(form, "title", _text(form, "title", maxlength=300), lang, width=6),
        ]),
        dbc.Row([
            _field(form, "category", dcc.Dropdown(id=field_id(form, "category"), options=categories,
                                                  placeholder=t("risks.hint.category", lang), clearable=False),
                   lang, width=6),
            _field(form, "owner", _text(form, "owner", maxlength=120), lang, width=6),
        ]),
        _field(form, "description", _area(form, "description"), lang, width=12),
        html.Fieldset([
            html.Legend(t("risks.form.rating", lang), className="mios-risks-legend-title"),
            dbc.Row([
                _field(form, "likelihood", _scale(form, "likelihood", "likelihood", lang), lang, width=3),
                _field(form, "impact", _scale(form, "impact", "impact", lang), lang, width=3),
                _field(form, "residual_likelihood", _scale(form, "residual_likelihood", "likelihood", lang, optional=True),
                       lang, width=3),
                _field(form, "residual_impact", _scale(form, "residual_impact", "impact", lang, optional=True), lang,
                       width=3),
            ]),
            html.P(t("risks.hint.residual", lang), className="mios-risks-hint"),
        ], className="mios-risks-fieldset"),
        _field(form, "treatment", _area(form, "treatment"), lang, width=12),
        dbc.Row([
            _field(form, "objective", dcc.Dropdown(id=field_id(form, "objective"), options=objectives,
                                                   placeholder=t("form.none", lang)), lang, width=6),
            _field(form, "process", dcc.Dropdown(id=field_id(form, "process"), options=processes,
                                                 placeholder=t("form.none", lang)), lang, width=6),
        ]),
        dbc.Row([
            _field(form, "assessed_on", _text(form, "assessed_on", kind="date"), lang, width=4),
            _field(form, "review_on", _text(form, "review_on", kind="date"), lang, width=4),
            _field(form, "effectiveness", dbc.Select(id=field_id(form, "effectiveness"), value="pending",
                                                     options=_options(EFFECTIVENESS, "effectiveness", lang)),
                   lang, width=4),
        ]),
    ]
    footer = [
        dbc.Button([html.I(className="bi bi-trash", **attrs(aria_hidden="true")), " ", t("form.delete", lang)],
                   id=Ids.DELETE, color="danger", outline=True, className="me-auto"),
        dbc.Button(t("form.cancel", lang), id=Ids.CANCEL, color="secondary", outline=True),
        dbc.Button(t("form.save", lang), id=Ids.SAVE, color="primary"),
    ]
    return _modal(Ids.MODAL, Ids.MODAL_TITLE, Ids.FORM_STORE, Ids.FORM_MESSAGE, body, footer, size="xl")


def review_form(lang: str) -> dbc.Modal:
    """Record a review today: when the next one is due, and how effective the treatment has been."""
    form = "review"
    body = [html.P(t("risks.review_body", lang), className="mios-risks-hint"), dbc.Row([
        _field(form, "review_on", _text(form, "review_on", kind="date"), lang, width=6),
        _field(form, "effectiveness", dcc.Dropdown(id=field_id(form, "effectiveness"), value=None, searchable=False,
                                                   options=_options(EFFECTIVENESS, "effectiveness", lang),
                                                   placeholder=t("risks.hint.unchanged", lang)), lang, width=6),
    ])]
    footer = [dbc.Button(t("form.cancel", lang), id=Ids.REVIEW_CANCEL, color="secondary", outline=True),
              dbc.Button(t("risks.review_save", lang), id=Ids.REVIEW_SAVE, color="primary")]
    return _modal(Ids.REVIEW_MODAL, Ids.REVIEW_TITLE, Ids.REVIEW_STORE, Ids.REVIEW_MESSAGE, body, footer, size="md")


def close_form(lang: str) -> dbc.Modal:
    """Close a risk that no longer applies: it stays in the register with its actions, out of the heat map."""
    form = "close"
    body = [html.P(t("risks.close_body", lang), className="mios-risks-hint"), dbc.Row([
        _field(form, "closed_on", _text(form, "closed_on", kind="date"), lang, width=5),
        _field(form, "closure_note", _area(form, "closure_note", rows=3), lang, width=12),
    ])]
    footer = [dbc.Button(t("form.cancel", lang), id=Ids.CLOSE_CANCEL, color="secondary", outline=True),
              dbc.Button(t("risks.close_save", lang), id=Ids.CLOSE_SAVE, color="primary")]
    return _modal(Ids.CLOSE_MODAL, Ids.CLOSE_TITLE, Ids.CLOSE_STORE, Ids.CLOSE_MESSAGE, body, footer, size="md")
