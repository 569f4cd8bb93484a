"""`/admin` — leadership maintains its strategy here: perspectives, processes with their SIPOC, quality objectives
with their 6.2.2 plan and strategy-map links, and indicators with their targets and hand-entered values.

URL parameters: `seccion` (perspectivas, procesos, objetivos, indicadores; the tabs are links) and `lang`.
Each section lists its records; "Nuevo …" and a row's buttons open a form in a modal that holds the loaded
record's version. The callbacks (registered by pages/admin/__init__.py) stay thin: `open_form` loads a form,
`save_form` hands the typed values to the service and shows what came back — the problems under their fields,
the stale-version refusal (who, when) with a reload button, or the saved record in the table and a toast.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import dash
import dash_bootstrap_components as dbc
from dash import html, no_update
from dash.exceptions import PreventUpdate

from mios_dashboard.components.admin import SECTION_VIEWS, common
from mios_dashboard.components.admin.forms import NONE, SIPOC, field_names, form_body
from mios_dashboard.components.admin.ids import FORMS, Ids
from mios_dashboard.errors import DomainError, Invalid
from mios_dashboard.i18n import normalize_lang, t
from mios_dashboard.pages import clock
from mios_dashboard.pages.frame import PageFrame
from mios_dashboard.pages.guard import Failure, guarded
from mios_dashboard.services.edits import Actor, FieldProblem, Fields, StaleVersion
from mios_dashboard.services.system import indicators, strategy, strategy_views
from mios_dashboard.web import runtime

FRAME = PageFrame(Ids.PAGE, "mios-admin", "admin.load_error_title")
DEFAULT_SECTION = "perspectives"
HIDDEN = "d-none"
# Forms whose "Recargar" always shows: they load the year or the period chosen in them.
RELOADS_CHOICE = ("targets", "measurement")


def _reload_class(form: str) -> str:
    return "" if form in RELOADS_CHOICE else HIDDEN


def section_view(section: str, lang: str) -> list:
    with runtime.read_session() as session:
        data = strategy_views.section_data(session, section)
    return SECTION_VIEWS[section].section(data, lang)


@FRAME.guard("build the administration page")
def layout(lang: str | None = None, seccion: str | None = None, **_query) -> html.Div:
    """The section the URL names (perspectives when it names none); an unknown one is said, not crashed on."""
    lang = normalize_lang(lang)
    section = common.SECTION_OF_PARAM.get(str(seccion or "").strip().lower())
    notice = []
    if section is None:
        if seccion:
            notice = [html.P(t("admin.unknown_section", lang, section=seccion), className="mios-notice",
                             role="status")]
        section = DEFAULT_SECTION
    return FRAME.render(lang, [
        common.lang_store(lang),
        html.Header([html.H1(t("admin.title", lang), className="mios-admin__title"),
                     html.P(t("admin.subtitle", lang), className="mios-admin__subtitle")],
                    className="mios-admin__head"),
        common.section_nav(section, lang),
        *notice,
        html.Section(section_view(section, lang), className="mios-admin__section", id=f"mios-admin-{section}"),
        common.toast(lang),
    ])


def _typed() -> dict[str, Any]:
    """The form's values as the browser holds them: {field name: value} from the pattern-matching states."""
    return {entry["id"]["name"]: "" if entry.get("value") == NONE else entry.get("value")
            for entry in dash.ctx.states_list[0]}


def _choices(session: Any) -> dict:
    return strategy_views.section_data(session, "perspectives").choices


def _title(form: str, subject: str, record_id: int | None, lang: str) -> str:
    return t(f"admin.form.{form}.{'edit' if record_id else 'new'}", lang, subject=subject)


def _alert(message: str, color: str, details: list[str] | None = None) -> dbc.Alert:
    extra = [html.Ul([html.Li(item) for item in details], className="mb-0")] if details else []
    return dbc.Alert([html.P(message, className="mb-1"), *extra], color=color, className="mios-admin__alert")


def _open_failed(failure: Failure) -> tuple:
    message = failure.message or t("admin.open_failed", failure.lang)
    return True, [], None, _alert(message, "danger"), t("admin.title", failure.lang), HIDDEN


def opener(form: str) -> Callable[..., tuple]:
    """The callback that opens `form`: on a row's button (or "Nuevo", id 0) or on "Recargar"."""
    @guarded(_open_failed, f"open the {form} form")
    def open_form(_edit_clicks: list, _reload: int | None, _values: list, store: Mapping | None,
                  lang: str | None = None) -> tuple:
        lang = normalize_lang(lang)
        trigger = dash.ctx.triggered_id
        if not dash.ctx.triggered or not dash.ctx.triggered[0].get("value"):
            raise PreventUpdate  # a button drawn anew, not clicked
        record_id = (store or {}).get("id") if trigger.get("type") == "mios-admin-reload" else trigger.get("id")
        current = {**(_typed() if trigger.get("type") == "mios-admin-reload" else {}), "_today": clock.today()}
        with runtime.read_session() as session:
            state = strategy_views.form_state(session, form, record_id, current)
            body = form_body(form, state.values, lang, _choices(session), record_id=state.record_id,
                             facts=state.facts)
        saved = {"id": state.record_id, "row_version": state.row_version, "subject": state.subject,
                 "period": state.values.get("period")}
        return True, body, saved, None, _title(form, state.subject, state.record_id, lang), _reload_class(form)
    return open_form


def _save(form: str, session: Any, actor: Actor, store: Mapping, values: dict[str, Any]) -> str:
    """Hand the typed values to the form's service; `store` is what the form loaded. Returns what the toast
    names: the saved record as stored (its code, a perspective's name)."""
    record = {"id": store.get("id"), "row_version": store.get("row_version")}
    subject = str(store.get("subject") or "")
    if form == "perspective":
        return strategy.save_perspective(session, actor, {**values, **record}).name
    if form == "process":
        sipoc = {kind: values.pop(f"sipoc_{kind}", "") for kind in SIPOC}
        return strategy.save_process(session, actor, {**values, **record, "sipoc": sipoc}).code
    if form == "objective":
        return strategy.save_objective(session, actor, {**values, **record}).code
    if form == "links":
        strategy.save_objective_links(session, actor, record["id"], record["row_version"], values.get("effects") or [])
        return subject
    if form == "indicator":
        return indicators.save_indicator(session, actor, {**values, **record}).code
    code = strategy_views.indicator_code(session, record["id"])
    if form == "targets":
        fields = Fields(values, labels=indicators.LABELS)
        year = fields.whole("year", required=True, minimum=1900, maximum=2200)
        fields.check()
        assert year is not None
        indicators.save_year_targets(session, actor, code, year, [values.get(f"month_{m}") for m in range(1, 13)])
    else:
        same = strategy_views.same_period(session, record["id"], values.get("period"), store.get("period"))
        indicators.save_measurement(session, actor, code, {**values, "row_version": record["row_version"]
                                                           if same else None})
    return subject


def _save_failed(failure: Failure) -> tuple:
    message = failure.message or t("admin.save_failed", failure.lang)
    return (no_update, no_update, no_update, _alert(message, "danger"), no_update, no_update, no_update,
            no_update)


def saver(form: str) -> Callable[..., tuple]:
    """The callback that saves `form`: closes it and redraws the section's table, or shows why not."""
    section = FORMS[form]

    @guarded(_save_failed, f"save the {form} form")
    def save_form(clicks: int | None, _values: list, store: Mapping | None, lang: str | None = None) -> tuple:
        if not clicks:
            raise PreventUpdate
        lang = normalize_lang(lang)
        store = store or {}
        typed = _typed()
        values = {name: typed.get(name) for name in field_names(form) if name in typed}
        keep = (no_update, no_update, no_update)  # table, toast text, toast open
        try:
            with runtime.write_session(runtime.current_actor()) as session:
                subject = _save(form, session, runtime.current_actor(), store, dict(values))
        except Invalid as refused:
            by_field: dict[str, list[str]] = {}
            loose: list[str] = []
            for problem in refused.problems:
                name = getattr(problem, "field", None)
                if isinstance(problem, FieldProblem) and name in values:  # under its field: what is wrong
                    by_field.setdefault(name, []).append(t(problem.key, lang, **problem.params))
                else:
                    loose.append(problem.render(lang))
            with runtime.read_session() as session:
                facts = strategy_views.form_state(session, form, store.get("id"),
                                                  {**values, "_today": clock.today()}).facts
                body = form_body(form, values, lang, _choices(session), record_id=store.get("id"),
                                 problems=by_field, facts=facts)
            return (True, body, no_update, _alert(refused.message(lang), "danger", loose or None), _reload_class(form),
                    *keep)
        except StaleVersion as stale:
            return (True, no_update, no_update, _alert(stale.message(lang), "warning"), "", *keep)
        except DomainError as refused:
            return (True, no_update, no_update, _alert(refused.message(lang), "danger"), _reload_class(form), *keep)
        table = section_table(section, lang)
        return (False, [], None, None, HIDDEN, table,
                t(f"admin.saved.{form}", lang, subject=subject), True)
    return save_form


def section_table(section: str, lang: str) -> Any:
    with runtime.read_session() as session:
        data = strategy_views.section_data(session, section)
    return SECTION_VIEWS[section].table(data, lang)


def delete_shown(store: Mapping | None) -> str:
    """The delete button shows on a stored record's form only."""
    return "me-auto" if (store or {}).get("id") else "d-none me-auto"


def ask_delete(clicks: int | None) -> bool:
    """"Eliminar" asks first (the browser's confirmation, in the page's language)."""
    if not clicks:
        raise PreventUpdate
    return True


def deleter(form: str) -> Callable[..., tuple]:
    """The callback that deletes the record `form` holds once confirmed: the table without it and a toast, or
    the refusal (a process still in use says by how many objectives and indicators)."""
    section = FORMS[form]

    @guarded(_delete_failed, f"delete from the {form} form")
    def delete(confirmed: int | None, store: Mapping | None, lang: str | None = None) -> tuple:
        if not confirmed:
            raise PreventUpdate
        lang = normalize_lang(lang)
        store = store or {}
        try:
            with runtime.write_session(runtime.current_actor()) as session:
                strategy.delete_process(session, runtime.current_actor(), store.get("id"), store.get("row_version"))
        except DomainError as refused:
            return True, _alert(refused.message(lang), "warning"), no_update, no_update, no_update
        return (False, None, section_table(section, lang), t(f"admin.deleted.{form}", lang,
                                                              subject=store.get("subject") or ""), True)
    return delete


def _delete_failed(failure: Failure) -> tuple:
    message = failure.message or t("admin.save_failed", failure.lang)
    return no_update, _alert(message, "danger"), no_update, no_update, no_update


def close(_clicks: int | None) -> bool:
    """Cancel: the form closes, nothing saved."""
    if not _clicks:
        raise PreventUpdate
    return False
