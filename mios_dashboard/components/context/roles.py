"""The roles section (slides 44–49, ISO 5.3, 7.2, 7.3): one card per role with its person, responsibilities
and authorities, the competence it needs and the evidence of it, and the last awareness session; the
management representative marked."""
from __future__ import annotations

from dash import html

from mios_dashboard.components.context.common import (
    badge,
    day,
    empty_section,
    open_button,
    paragraphs,
    row_actions,
    section_head,
)
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import t

BLOCKS = ("responsibilities", "authorities", "competence_required", "competence_evidence")


def _card(row, lang: str) -> html.Article:
    return html.Article([
        html.Header([
            html.Div([html.H3(row.name),
                      html.P([icon("bi-person"), row.person or t("context.role.no_person", lang)],
                             className="mios-context-person" + ("" if row.person else " mios-context-missing"))]),
            *([badge(t("context.role.representative", lang), "ok")] if row.is_management_representative else []),
        ], className="mios-context-role-head"),
        html.Div([html.Section([html.H4(t(f"context.role.field.{name}", lang)), paragraphs(getattr(row, name))])
                  for name in BLOCKS], className="mios-context-role-blocks"),
        html.Footer([
            html.Span([icon("bi-lightbulb"), t("context.role.awareness", lang, date=day(row.awareness_on, lang))]),
            row_actions("role", row.id, lang),
        ], className="mios-context-role-foot"),
    ], className="mios-context-role")


def roles_view(rows: list, lang: str) -> html.Div:
    """`rows`: the RoleRows, the management representative first."""
    if not rows:
        return html.Div(empty_section("bi-person-badge", "context.role.empty", lang, "role", "context.role.add"))
    notes = [] if any(row.is_management_representative for row in rows) else [
        html.P([icon("bi-exclamation-triangle"), t("context.role.no_representative", lang)],
               className="mios-context-warning")]
    return html.Div([
        section_head("context.role.title", lang, open_button("role", "context.role.add", lang),
                     intro_key="context.role.intro"),
        *notes,
        html.Div([_card(row, lang) for row in rows], className="mios-context-roles"),
    ])
