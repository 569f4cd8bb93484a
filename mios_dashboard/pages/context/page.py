"""`/contexto` — who the organization is and its context (ISO 4.1–4.3, 5.2, 5.3, 7.2–7.4), as the evidence
an auditor asks for.

One section at a time, chosen by `?seccion=` (organizacion, politica, foda, partes, comunicacion, roles,
sipoc; the tabs are links, so each section has a URL to share); `lang` is kept. Every change goes through
the one modal of pages/context/forms.py, whose save re-renders the section shown.
"""
from __future__ import annotations

from collections.abc import Callable

from dash import dcc, html

from mios_dashboard.components.context import communication, organization, parties, policy, roles, sipoc, swot
from mios_dashboard.components.context.common import section_tabs
from mios_dashboard.components.context.fields import modal
from mios_dashboard.components.context.ids import SECTIONS, Ids
from mios_dashboard.components.states import error_state
from mios_dashboard.i18n import normalize_lang, t
from mios_dashboard.pages import clock
from mios_dashboard.pages.frame import PageFrame
from mios_dashboard.pages.guard import Failure, guarded
from mios_dashboard.services.system.context import section_data
from mios_dashboard.web.runtime import read_session

FRAME = PageFrame(Ids.PAGE, "mios-context", "context.load_error_title", "context.load_error_body")
DEFAULT_SECTION = SECTIONS[0]

# section → how its rows are drawn
VIEWS: dict[str, Callable] = {
    "organizacion": organization.organization_view, "politica": policy.policy_view, "foda": swot.swot_view,
    "partes": parties.parties_view, "comunicacion": communication.communication_view, "roles": roles.roles_view,
    "sipoc": sipoc.sipoc_view,
}


def section_name(seccion: object) -> str:
    """The section asked for, or the organization's when the URL names none (or one that does not exist)."""
    return seccion if isinstance(seccion, str) and seccion in SECTIONS else DEFAULT_SECTION


def _section_failed(failure: Failure) -> html.Section:
    return error_state(failure.lang, "context.load_error_title", failure.message, "context.load_error_body")


@guarded(_section_failed, "draw the context section {section}")
def render_section(section: str, lang: str):
    """The content of `section` in `lang`, read from the database now."""
    name = section_name(section)
    with read_session() as session:
        rows = section_data(session, name, clock.today())
    return VIEWS[name](rows, lang)


@FRAME.guard("build the context page")
def layout(seccion: str | None = None, lang: str | None = None, **_query) -> html.Div:
    """The section tabs, the section asked for, and the modal its forms open in."""
    lang = normalize_lang(lang)
    section = section_name(seccion)
    return FRAME.render(lang, [
        dcc.Store(id=Ids.LANG, data=lang),
        dcc.Store(id=Ids.SECTION_NAME, data=section),
        dcc.Store(id=Ids.REFRESH, data=0),
        html.Header([html.H1(t("context.title", lang), className="mios-context-title"),
                     html.P(t("context.subtitle", lang), className="mios-context-subtitle")],
                    className="mios-context-page-head"),
        section_tabs(section, lang),
        html.Div(id=Ids.STATUS, className="mios-context-status", role="status"),
        html.Div(render_section(section, lang), id=Ids.SECTION, className="mios-context-section"),
        *modal(lang),
    ])
