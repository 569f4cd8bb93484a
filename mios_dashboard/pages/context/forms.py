"""The callbacks of /contexto's one modal: open a form filled from the record it edits (with the version
loaded kept in a dcc.Store), save it through its service, and show the result or each field's problem.

The server decides: the record is loaded again on open and checked again on save, so a made-up id says
"no longer exists" and a stale version says who saved it last and when — nothing is overwritten.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import dash
from dash import html
from dash.exceptions import PreventUpdate
from sqlalchemy.orm import Session

from mios_dashboard.components.context import forms
from mios_dashboard.components.context.common import zone_label
from mios_dashboard.errors import DomainError, Invalid, NotFound
from mios_dashboard.i18n import normalize_lang, t
from mios_dashboard.pages import clock
from mios_dashboard.pages.context.page import render_section
from mios_dashboard.pages.guard import Failure, guarded
from mios_dashboard.services.edits import Actor
from mios_dashboard.services.system import context as context_service
from mios_dashboard.services.system import organization as organization_service
from mios_dashboard.services.system import policy as policy_service
from mios_dashboard.web import runtime

Submit = Callable[[Session, Actor, dict], object]


@dataclass(frozen=True)
class Form:
    """One form of the page: its title and save button, how its record is read, drawn and saved."""

    title: str
    save: str | None  # catalogue key of the save button; None for a form that only shows (a policy version)
    load: Callable[[Session, Any], Any]  # (session, id or None for a new one) → the row, or None when unknown
    body: Callable[[Session, Any, str], list]
    submit: Submit | None
    done: str = "form.saved"
    new: bool = False  # opens without a record (a new one)


def _by_id(family: str) -> Callable[[Session, int], Any]:
    return lambda session, record_id: context_service.record_row(session, family, record_id, clock.today())


@functools.cache
def _zones(lang: str) -> list[tuple[str, str]]:
    """The IANA zones, each with its place in the reader's language (to find "Ciudad de México" by typing)."""
    return [(zone, f"{zone.replace('_', ' ')} · {zone_label(zone, lang)}")
            for zone in organization_service.time_zones()]


VOCABULARIES = context_service.VOCABULARIES


def _delete(kind: str) -> Submit:
    return lambda session, actor, values: context_service.delete_record(session, actor, kind, values)


def _confirm(key: str, text: Callable[[Any], str]) -> Callable[[Session, Any, str], list]:
    return lambda session, row, lang: forms.confirm_body(key, text(row), lang)


def _policy_body(kind: str) -> Callable[[Session, Any, str], list]:
    # the dates offered are today in the organization's time zone, the day the service judges "future" by
    return lambda session, row, lang: forms.policy_form(kind, row, lang, organization_service.local_today(session))


FORMS: dict[str, Form] = {
    "organization": Form("context.org.form_title", "form.save", lambda s, _id: context_service.organization_row(s),
                         lambda s, row, lang: forms.organization_form(row, lang, _zones(lang), organization_service.DEFAULT_TIME_ZONE),
                         organization_service.save_organization, new=True),
    "policy_draft": Form("context.policy.draft", "context.policy.save_draft", lambda s, _id: None,
                         _policy_body("policy_draft"), policy_service.draft_policy, new=True),
    "policy_edit": Form("context.policy.edit", "form.save", _by_id("policy"), _policy_body("policy_edit"),
                        policy_service.save_draft),
    "policy_approve": Form("context.policy.approve", "context.policy.approve", _by_id("policy"),
                           _policy_body("policy_approve"), policy_service.approve_policy),
    "policy_communicate": Form("context.policy.communicate", "form.save", _by_id("policy"),
                               _policy_body("policy_communicate"), policy_service.communicate_policy),
    "policy_read": Form("context.policy.read_title", None, _by_id("policy"), _policy_body("policy_read"),
                        None),
    "issue": Form("context.swot.form_title", "form.save", _by_id("issue"),
                  lambda s, row, lang: forms.issue_form(row, lang, VOCABULARIES["swot"], VOCABULARIES["context_scope"]),
                  context_service.save_issue, new=True),
    "issue_review": Form("context.issue.review", "context.issue.review", _by_id("issue"),
                         _confirm("context.issue.review_confirm", lambda row: row.description),
                         context_service.review_issue),
    "issue_delete": Form("context.issue.delete_title", "form.delete", _by_id("issue"),
                         _confirm("context.form.delete_confirm", lambda row: row.description), _delete("issue"),
                         done="form.deleted"),
    "party": Form("context.party.form_title", "form.save", _by_id("party"),
                  lambda s, row, lang: forms.party_form(row, lang, VOCABULARIES["party_type"],
                                                     context_service.indicator_options(s)),
                  context_service.save_party, new=True),
    "party_delete": Form("context.party.delete_title", "form.delete", _by_id("party"),
                         _confirm("context.form.delete_confirm", lambda row: row.name), _delete("party"),
                         done="form.deleted"),
    "communication": Form("context.comm.form_title", "form.save", _by_id("communication"),
                          lambda s, row, lang: forms.communication_form(row, lang, VOCABULARIES["communication_scope"]),
                          context_service.save_communication, new=True),
    "communication_delete": Form("context.comm.delete_title", "form.delete", _by_id("communication"),
                                 _confirm("context.form.delete_confirm", lambda row: row.what),
                                 _delete("communication"), done="form.deleted"),
    "role": Form("context.role.form_title", "form.save", _by_id("role"),
                 lambda s, row, lang: forms.role_form(row, lang), context_service.save_role, new=True),
    "role_delete": Form("context.role.delete_title", "form.delete", _by_id("role"),
                        _confirm("context.form.delete_confirm", lambda row: row.name), _delete("role"),
                        done="form.deleted"),
}


def _alert(text: str, tone: str = "danger") -> html.Div:
    return html.Div(text, className=f"alert alert-{tone} mios-context-alert", role="alert")


def _record_id(raw: object) -> int | None:
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else None


def _open_failed(failure: Failure) -> tuple:
    text = failure.message or t("context.form.failed", failure.lang)
    return True, t("context.form.problem_title", failure.lang), _alert(text), None, "", True, "", \
        t("context.form.close", failure.lang)


@guarded(_open_failed, "open a context form")
def open_form(_clicks: list, lang: str) -> tuple:
    """Outputs: is_open, title, body, the form store, the save button's text, save hidden, message, the
    cancel button's text ("Cerrar" when the form only shows)."""
    lang = normalize_lang(lang)
    trigger = dash.ctx.triggered_id
    if not trigger or not any(item.get("value") for item in dash.ctx.triggered):
        raise PreventUpdate  # buttons drawn again by a section refresh, not a click
    form = FORMS.get(str(trigger.get("form")))
    if form is None:
        raise NotFound("form.not_found")
    raw_id = trigger.get("id")
    record_id = _record_id(raw_id)
    if record_id is None and not (form.new and raw_id == "new"):
        raise NotFound("form.not_found")  # an id no button of this page carries
    with runtime.read_session() as session:
        row = form.load(session, record_id) if record_id is not None or form.new else None
        if record_id is not None and row is None:
            raise NotFound("form.not_found")
        body = form.body(session, row, lang)
    store = {"form": trigger.get("form"), "id": getattr(row, "id", None), "row_version": getattr(row, "row_version", None)}
    save = t(form.save, lang) if form.save else ""
    title = t(form.title, lang, version=getattr(row, "version", ""))  # a policy version names its number
    close = t("form.cancel" if form.save else "context.form.close", lang)
    return True, title, body, store, save, form.save is None, "", close


def _save_failed(failure: Failure) -> tuple:
    text = failure.message or t("context.form.failed", failure.lang)
    problems = [""] * len(dash.ctx.outputs_list[2])
    return dash.no_update, _alert(text), problems, dash.no_update, dash.no_update


@guarded(_save_failed, "save a context form")
def save_form(_clicks: int, values: list, ids: list, store: dict | None, refresh: int | None, lang: str) -> tuple:
    """Outputs: is_open, the modal's message, each field's problem, the refresh counter, the page's status."""
    lang = normalize_lang(lang)
    if not _clicks or not store:
        raise PreventUpdate
    form = FORMS.get(str(store.get("form")))
    if form is None or form.submit is None:
        raise NotFound("form.not_found")
    plain: dict[str, object] = {field["name"]: value for field, value in zip(ids, values, strict=False)}
    plain["id"] = store.get("id")
    plain["row_version"] = store.get("row_version")
    names = [output["id"]["name"] for output in dash.ctx.outputs_list[2]]
    actor = runtime.current_actor()
    try:
        with runtime.write_session(actor) as session:
            form.submit(session, actor, plain)
    except Invalid as refused:
        by_field: dict[str, list[str]] = {}
        for problem in refused.problems:
            by_field.setdefault(getattr(problem, "field", ""), []).append(problem.render(lang))
        problems = [" ".join(by_field.get(name, [])) for name in names]
        listed = html.Ul([html.Li(text) for texts in by_field.values() for text in texts])
        message = html.Div([html.Strong(refused.message(lang)), listed],
                           className="alert alert-danger mios-context-alert", role="alert")
        return dash.no_update, message, problems, dash.no_update, dash.no_update
    except DomainError as refused:  # stale version (who and when), unknown record, a lifecycle refusal
        return dash.no_update, _alert(refused.message(lang)), [""] * len(names), dash.no_update, dash.no_update
    status = _alert(t(form.done, lang), "success")
    return False, "", [""] * len(names), (refresh or 0) + 1, status


def refresh_section(_refresh: int, section: str, lang: str):
    """The section drawn again after a save."""
    return render_section(section, normalize_lang(lang))


def close_form(_clicks: int) -> bool:
    if not _clicks:
        raise PreventUpdate
    return False


