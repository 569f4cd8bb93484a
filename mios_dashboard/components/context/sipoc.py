"""The SIPOC section (slides 22, 26): each process with five columns — Proveedores, Entradas, Actividades,
Salidas, Clientes — read-only here; they are edited on the administration page when it exists."""
from __future__ import annotations

from dash import dcc, html

from mios_dashboard.components.context.common import section_head
from mios_dashboard.components.context.ids import Ids
from mios_dashboard.components.shell import localized_href, page_exists
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import MISSING, t

ADMIN = "/admin"
SIPOC_COLUMNS = ("supplier", "input", "activity", "output", "customer")  # the five columns, in reading order


def _edit_link(lang: str) -> list:
    if not page_exists(ADMIN):
        return [html.P(t("context.sipoc.read_only", lang), className="mios-context-intro")]
    return [dcc.Link([icon("bi-pencil"), t("context.sipoc.edit", lang)],
                     href=localized_href(ADMIN, lang, {"seccion": "procesos"}),
                     className="btn btn-outline-secondary mios-context-button")]


def sipoc_view(rows: list, lang: str) -> html.Div:
    """`rows`: each process's SipocRow, by code."""
    if not rows:
        return html.Div(html.Section([
            icon("bi-diagram-3", "mios-empty__icon"), html.H2(t("context.sipoc.empty_title", lang)),
            html.P(t("context.sipoc.empty_body", lang)), *(_edit_link(lang) if page_exists(ADMIN) else []),
        ], id=Ids.EMPTY, className="mios-empty mios-context-empty"))
    processes = [
        html.Section([
            html.H3([html.Span(row.code, className="mios-context-code"), row.name,
                     html.Span(t(f"context.process_type.{row.type}", lang), className="mios-context-quadrant-scope")]),
            html.P([icon("bi-person"), row.owner or MISSING], className="mios-context-person"),
            html.Div([
                html.Div([html.H4(t(f"context.sipoc.{kind}", lang)),
                          html.Ul([html.Li(line) for line in row.columns.get(kind, ())]) if row.columns.get(kind)
                          else html.P(MISSING, className="mios-context-none")], className="mios-context-sipoc-col")
                for kind in SIPOC_COLUMNS
            ], className="mios-context-sipoc"),
        ], className="mios-context-card mios-context-process")
        for row in rows
    ]
    return html.Div([section_head("context.sipoc.title", lang, *_edit_link(lang), intro_key="context.sipoc.intro"),
                     *processes])
