"""What every section of the administration page shares: its head with the "Nuevo …" button, the table of
records with an "Editar" button per row, the empty state, and the page's section tabs (links, so a section
has its own shareable URL)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from mios_dashboard.components.admin import ids
from mios_dashboard.components.admin.ids import SECTIONS, Ids
from mios_dashboard.components.shell import localized_href
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import MISSING, fmt_date, fmt_number, t

PATH = "/admin"
SECTION_PARAMS = {"perspectives": "perspectivas", "processes": "procesos", "objectives": "objetivos",
                  "indicators": "indicadores"}
SECTION_OF_PARAM = {value: key for key, value in SECTION_PARAMS.items()}


def section_nav(active: str, lang: str) -> html.Nav:
    """The four sections as tabs that are links (`?seccion=…`, the language kept)."""
    tabs = dbc.Nav(
        [dbc.NavItem(dbc.NavLink(t(f"admin.section.{section}", lang),
                                 href=localized_href(PATH, lang, {"seccion": SECTION_PARAMS[section]}),
                                 active=section == active, className="mios-admin__tab"))
         for section in SECTIONS],
        pills=True, className="mios-admin__nav",
    )
    return html.Nav(tabs, id=Ids.NAV, title=t("admin.sections", lang))


def section_head(section: str, lang: str, new_form: str | None) -> html.Div:
    """The section's heading, what it is for, and its "Nuevo …" button (opens `new_form` on a new record)."""
    button = [dbc.Button([icon("bi-plus-lg"), " ", t(f"admin.new.{new_form}", lang)], id=ids.edit(new_form, 0),
                         color="primary", n_clicks=0, className="mios-admin__new")] if new_form else []
    return html.Div([
        html.Div([html.H2(t(f"admin.section.{section}", lang), className="mios-admin__section-title"),
                  html.P(t(f"admin.intro.{section}", lang), className="mios-admin__intro")]),
        *button,
    ], className="mios-admin__section-head")


def edit_button(form: str, record_id: int, lang: str, label_key: str = "form.edit", subject: str = "") -> dbc.Button:
    return dbc.Button(t(label_key, lang), id=ids.edit(form, record_id), size="sm", color="primary", outline=True,
                      n_clicks=0, className="mios-admin__row-button",
                      title=f"{t(label_key, lang)} · {subject}" if subject else None)


def records_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], lang: str, empty_key: str,
                  numeric: Sequence[int] = (), nowrap: Sequence[int] = (), wide: Sequence[int] = ()) -> Any:
    """A table with `headers` (catalogue keys) and `rows` of cells; columns in `numeric` align right, those in
    `nowrap` (dates) stay on one line, those in `wide` (names, titles) keep room to be read; no rows: a sentence
    saying how to add the first one."""
    if not rows:
        return html.P([icon("bi-inbox"), " ", t(empty_key, lang)], className="mios-admin__empty")
    def cell_class(index: int) -> str:
        if index in numeric:
            return "mios-admin__num"
        return "mios-admin__nowrap" if index in nowrap else "mios-admin__wide" if index in wide else ""
    head = html.Thead(html.Tr([html.Th(t(key, lang), className=cell_class(i)) for i, key in enumerate(headers)]
                              + [html.Th(html.Span(t("admin.actions", lang), className="visually-hidden"))]))
    body = html.Tbody([html.Tr([html.Td(cell, className=cell_class(i)) for i, cell in enumerate(row)])
                       for row in rows])
    return dbc.Table([head, body], hover=True, responsive=True, className="mios-admin__table align-middle")


def number(value: float | None, lang: str, decimals: int | None = None) -> str:
    return fmt_number(value, lang, decimals) if value is not None else MISSING


def day(value: object, lang: str) -> str:
    return fmt_date(value, lang) if value else MISSING  # type: ignore[arg-type]


def text_or_dash(value: str | None) -> str:
    return value if value else MISSING


def badge(active: bool, lang: str) -> dbc.Badge:
    return dbc.Badge(t("admin.state.active" if active else "admin.state.inactive", lang),
                     color="success" if active else "secondary", className="mios-admin__badge")


def toast(lang: str) -> dbc.Toast:
    return dbc.Toast(id=Ids.TOAST, header=t("form.saved", lang), is_open=False, dismissable=True, duration=5000, icon="success",
                     className="mios-admin__toast")


def lang_store(lang: str) -> dcc.Store:
    return dcc.Store(id=Ids.LANG, data=lang)
