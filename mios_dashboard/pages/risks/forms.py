"""The callbacks of the risks page's three forms — thin: read the form, call the service, show the result.

Each form has an *open* callback (a button → the modal with the record's values and the version it loaded in the
form's store; cancel closes it) and a *save* callback (the values and the store → the service in one audited
transaction → closed and the register redrawn, or every problem under its field, or the refusal's sentence —
a newer version names who saved it and when). Ids come from the client and prove nothing: the service looks the
record up, and a made-up one is told as "no longer exists".
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import dash
from dash.exceptions import PreventUpdate

from mios_dashboard.errors import DomainError, Invalid
from mios_dashboard.i18n import normalize_lang, t
from mios_dashboard.pages.guard import Failure, guarded
from mios_dashboard.services.system import risks as service
from mios_dashboard.services.system.risk_register import form_values
from mios_dashboard.web.runtime import current_actor, read_session, write_session

Values = Mapping[str, Any]


@dataclass(frozen=True)
class Form:
    name: str  # "risk", "review", "close": the `form` of its fields' ids
    title: str  # catalogue key of the modal's title, with {code}
    save: Callable[..., Any]  # (session, actor, values) → the saved record, or its code for a delete
    saved: str  # catalogue key of the notice after a save, with {code}


RISK = Form("risk", "risks.edit_title", service.save_risk, "risks.saved")
REVIEW = Form("review", "risks.review_title", lambda s, a, v: service.review_risk(s, a, v.get("id"), v),
              "risks.reviewed")
CLOSE = Form("close", "risks.close_title", lambda s, a, v: service.close_risk(s, a, v.get("id"), v), "risks.closed")
DELETE_SAVED = "risks.deleted"


def _names(position: int) -> list[str]:
    """The field names of the wildcard output (or state) at `position`, in the order Dash lists them."""
    return [item["id"]["name"] for item in dash.ctx.outputs_list[position]]


def _clicked() -> Any:
    """The id of the button that fired, or PreventUpdate when a button merely appeared (n_clicks None)."""
    trigger = dash.ctx.triggered_id
    if trigger is None or not any(item.get("value") for item in dash.ctx.triggered):
        raise PreventUpdate
    return trigger


def _as_form(values: Values) -> dict[str, Any]:
    """Stored values → the controls' values (the 1–5 drop-downs hold text; empty is None)."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if value is None:
            out[name] = None
        elif isinstance(value, int) and not isinstance(value, bool):
            out[name] = str(value)
        else:
            out[name] = value
    return out


def _loaded(form: Form, risk_id: Any, today: dt.date) -> tuple[dict[str, Any], dict[str, Any], str]:
    """(field values, store, title code) for opening `form` on `risk_id` (NotFound for a made-up one)."""
    with read_session() as session:
        if form is RISK and risk_id in ("new", "first"):
            return ({"kind": "risk", "effectiveness": "pending", "assessed_on": today.isoformat()}, {}, "")
        stored = form_values(session, risk_id)
    store = {"id": stored["id"], "row_version": stored["row_version"]}
    if form is RISK:
        return _as_form(stored), store, stored["code"]
    if form is REVIEW:
        return {"review_on": "", "effectiveness": None}, store, stored["code"]
    return {"closed_on": today.isoformat(), "closure_note": ""}, store, stored["code"]


def _today() -> dt.date:
    with read_session() as session:
        return service.organization_today(session)


def _open_failed(failure: Failure) -> tuple:
    message = failure.message or t("risks.form_error", failure.lang)
    return True, dash.no_update, dash.no_update, dash.no_update, dash.no_update, message, dash.no_update, dash.no_update


def opener(form: Form, cancel: str):
    """The open/cancel callback of `form`: (modal open, title, field values, problems, store, message, the page's
    notice, delete button's class — dropped for the forms without one)."""
    @guarded(_open_failed, f"open the {form.name} form")
    def open_form(_clicks: list, _cancel: int | None, lang: str | None) -> tuple:
        lang = normalize_lang(lang)
        trigger = _clicked()
        names = _names(2)
        blank = [""] * len(names)
        if trigger == cancel:
            return False, dash.no_update, dash.no_update, blank, None, "", dash.no_update, dash.no_update
        risk_id = trigger["id"]
        try:
            values, store, code = _loaded(form, risk_id, _today())
        except DomainError as refused:  # a made-up id: say so; the store keeps it, so a save is refused too
            return (True, t("risks.new_title", lang), [None] * len(names), blank, {"id": risk_id, "row_version": None},
                    refused.message(lang), "", "d-none")
        title = t(form.title, lang, code=code) if code else t("risks.new_title", lang)
        # Delete only what has no actions linked (the service refuses the others anyway: close them instead).
        delete_class = "me-auto" if form is RISK and store and values.get("actions") in (None, "0") else "d-none"
        return (True, title, [values.get(name) for name in names], blank, store, "", "", delete_class)
    return open_form


def _save_failed(failure: Failure) -> tuple:
    message = failure.message or t("risks.form_error", failure.lang)
    return dash.no_update, dash.no_update, message, dash.no_update, dash.no_update


def saver(form: Form, delete: str | None = None):
    """The save callback of `form` (and the delete button of the risk form): (modal open, problems, message,
    saved counter, page notice)."""
    @guarded(_save_failed, f"save the {form.name} form")
    def save_form(*args: Any) -> tuple:
        *_clicks, values, store, saved, lang = args
        lang = normalize_lang(lang)
        trigger = _clicked()
        names = [item["id"]["name"] for item in dash.ctx.states_list[0]]
        submitted = {**dict(zip(names, values, strict=True)), **(store or {})}
        problems = [""] * len(names)
        try:
            with write_session(current_actor()) as session:
                if delete is not None and trigger == delete:
                    code = service.delete_risk(session, current_actor(), submitted.get("id"), submitted)
                    notice = t(DELETE_SAVED, lang, code=code)
                else:
                    record = form.save(session, current_actor(), submitted)
                    notice = t(form.saved, lang, code=record.code)
        except Invalid as refused:
            by_field = {problem.field: problem.render(lang) for problem in reversed(refused.problems)}  # type: ignore[attr-defined]
            problems = [by_field.get(name, "") for name in names]
            return dash.no_update, problems, refused.message(lang), dash.no_update, dash.no_update
        except DomainError as refused:  # a newer version (who, when), a record gone, a risk already closed
            return dash.no_update, problems, refused.message(lang), dash.no_update, dash.no_update
        return False, problems, "", (saved or 0) + 1, notice
    return save_form
