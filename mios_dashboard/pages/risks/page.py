"""`/riesgos` — the risks and opportunities register of ISO 6.1 (slides 15–16): the 5 × 5 heat map and the register
it filters, and the forms that keep them.

The URL is the page's whole state, so a view can be sent to a colleague: `vista=residual` (the rating after the
treatment; inherent without it), `celda=P3-I4` (likelihood 3, impact 4), `tipo=riesgo|oportunidad`,
`familia=<slide-16 family>`, `responsable=<owner>`, `vencidas=1` (overdue reviews only) and `lang`. The
filters rewrite the URL; the heat map's cells and the view toggle are links. After a save the content redraws
in place (the `SAVED` counter), keeping the URL.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from mios_dashboard.components.query import search_for, text_param
from mios_dashboard.components.risks.forms import close_form, review_form, risk_form
from mios_dashboard.components.risks.heatmap import heat_map
from mios_dashboard.components.risks.ids import Ids
from mios_dashboard.components.risks.register import register_table
from mios_dashboard.components.shell import localized_href, query_params
from mios_dashboard.components.states import error_state, page_state
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import normalize_lang, t, t_count
from mios_dashboard.pages.frame import PageFrame
from mios_dashboard.pages.guard import Failure, guarded
from mios_dashboard.services.system.risk_register import (
    RegisterFilter,
    RegisterView,
    cell_key,
    parse_cell,
    register_view,
)
from mios_dashboard.services.system.risks import organization_today
from mios_dashboard.web.cache import VersionedCache, VersionedReader
from mios_dashboard.web.runtime import read_session

PATH = "/riesgos"
FRAME = PageFrame(Ids.PAGE, "mios-risks", "risks.load_error_title", location=Ids.LOCATION)
KIND_PARAM = {"riesgo": "risk", "oportunidad": "opportunity"}  # the URL speaks the users' words
KIND_VALUE = {code: word for word, code in KIND_PARAM.items()}
PARAMS = ("vista", "celda", "tipo", "familia", "responsable", "vencidas", "pagina")
RENDERED = VersionedCache(maxsize=16)  # this page's rendered views (filters × language), of the current data version


def parse_filters(query: Mapping[str, Any]) -> RegisterFilter:
    """The URL's query → the register's filters; values it does not know are dropped (register_view)."""
    kind = text_param(query.get("tipo"))
    return RegisterFilter(
        view="residual" if text_param(query.get("vista")) == "residual" else "inherent",
        cell=parse_cell(text_param(query.get("celda"))),
        kind=KIND_PARAM.get(kind or "", kind),
        family=text_param(query.get("familia")),
        owner=text_param(query.get("responsable")),
        overdue=text_param(query.get("vencidas")) in ("1", "si", "sí", "true"),
        page=int(page) if (page := text_param(query.get("pagina"))) and page.isdigit() and int(page) > 0 else 1,
    )


def query_of(filters: RegisterFilter) -> dict[str, str | None]:
    """The filters as the URL writes them (the inverse of parse_filters)."""
    return {
        "vista": "residual" if filters.view == "residual" else None,
        "celda": cell_key(*filters.cell) if filters.cell else None,
        "tipo": KIND_VALUE.get(filters.kind or ""), "familia": filters.family, "responsable": filters.owner,
        "vencidas": "1" if filters.overdue else None, "pagina": str(filters.page) if filters.page > 1 else None,
    }


def linker(filters: RegisterFilter, lang: str):
    """`link(**changes)` → an href to this page with the current filters changed (None removes one)."""
    current = query_of(filters)

    def link(**changes: str | None) -> str:
        """Any change but the page's own starts the register again at its first page."""
        return localized_href(PATH, lang, {**current, "pagina": None, **changes})

    return link


def facts(view: RegisterView, lang: str) -> list:
    """How many are recorded and how many reviews are overdue (a director's first two questions)."""
    if not view.total:
        return []
    return [html.Li(t_count("risks.count", view.total, lang)),
            html.Li([icon("bi-alarm"), " ", t_count("risks.overdue_count", view.overdue, lang)],
                    className="mios-risks-fact--alert" if view.overdue else None),
            html.Li(t_count(f"risks.critical_count_{view.filters.view}", view.critical, lang))]


def header(shown: list, lang: str) -> html.Header:
    return html.Header([
        html.Div([html.H1(t("risks.title", lang), className="mios-risks__title"),
                  html.P(t("risks.subtitle", lang), className="mios-risks__subtitle")]),
        html.Ul(shown, className="mios-risks__facts", id=Ids.SUMMARY),
        dbc.Button([icon("bi-plus-lg"), " ", t("risks.new", lang)], id={"type": Ids.OPEN_TYPE, "id": "new"},
                   color="primary", className="mios-risks__new"),
    ], className="mios-risks__head", id=Ids.HEADER)


def content(view: RegisterView, lang: str) -> list:
    """The heat map beside the register, or — nothing recorded yet — what to record and the button to do it."""
    if not view.total:
        return [page_state(
            "bi-shield-exclamation", t("risks.empty_title", lang), html.P(t("risks.empty_body", lang)),
            html.Ul([html.Li(t(f"risks.empty_step.{n}", lang)) for n in (1, 2, 3)], className="mios-risks-steps"),
            dbc.Button([icon("bi-plus-lg"), " ", t("risks.empty_button", lang)],
                       id={"type": Ids.OPEN_TYPE, "id": "first"}, color="primary", size="lg"),
            element_id=Ids.EMPTY)]
    link = linker(view.filters, lang)
    return [html.Div([heat_map(view, lang, link), register_table(view, lang, link)], className="mios-risks__body")]


def _rendered(filters: RegisterFilter, lang: str) -> tuple[list, list, list]:
    """(facts, content, forms) for `filters` in `lang`, cached by the data version and the organization's day:
    any save moves the version, so a view is never stale, and a repeated view costs the version query and
    Dash's serialisation, not building the register's components again."""
    with read_session() as session:
        day = organization_today(session)

        def build() -> tuple[list, list, list]:
            view = register_view(session, filters, day)
            return facts(view, lang), content(view, lang), [risk_form(view, lang), review_form(lang), close_form(lang)]

        rendered: tuple[list, list, list] = VersionedReader(session, RENDERED).get("risks-page", (filters, lang, day),
                                                                                   build)
        return rendered


@FRAME.guard("build the risk register")
def layout(lang: str | None = None, **query: Any) -> html.Div:
    """The register for the URL's filters in `lang`; unknown parameters are ignored."""
    lang = normalize_lang(lang)
    shown, body, forms = _rendered(parse_filters(query), lang)
    return FRAME.render(lang, [
        dcc.Store(id=Ids.LANG, data=lang), dcc.Store(id=Ids.SAVED, data=0),
        header(shown, lang),
        html.Div(id=Ids.NOTICE, className="mios-risks__notice", role="status"),
        html.Div(body, id=Ids.CONTENT),
        *forms,
    ])


def _redraw_failed(failure: Failure) -> tuple:
    return [error_state(failure.lang, "risks.load_error_title", failure.message)], []


@guarded(_redraw_failed, "redraw the risk register")
def redraw(_saved: int | None, search: str | None, lang: str | None) -> tuple:
    """After a save: the content and the header's facts again, for the URL shown."""
    lang = normalize_lang(lang)
    shown, body, _forms = _rendered(parse_filters(query_params(search)), lang)
    return body, shown


def url_for_filters(kind: str | None, family: str | None, owner: str | None, overdue: bool | None,
                    search: str | None) -> str:
    """The filters' values → the URL (the cell is kept: it narrows whatever the filters keep)."""
    return search_for(search, tipo=KIND_VALUE.get(kind or ""), familia=family or None, responsable=owner or None,
                      vencidas="1" if overdue else None, pagina=None)
