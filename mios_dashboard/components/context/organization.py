"""The organization section: a one-page "who we are" — name, values as cards with their mottos (slide 6),
vision (7–8), mission (9–10), the QMS scope with its products and services and the exclusions (20–21)."""
from __future__ import annotations

from dash import html

from mios_dashboard.components.context.common import (
    empty_section,
    open_button,
    paragraphs,
    scroll_table,
    section_head,
    zone_label,
)
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import MISSING, t, t_count


def organization_view(org, lang: str) -> html.Div:
    """`org`: the OrganizationRow of repositories/context.py, or None on an empty database."""
    if org is None:
        return html.Div(empty_section("bi-building", "context.org.empty", lang, "organization", "context.org.create"))
    facts = [
        (t("context.org.field.legal_name", lang), org.legal_name or MISSING),
        (t("context.org.field.industry", lang), org.industry or MISSING),
        (t("context.org.field.time_zone", lang), zone_label(org.time_zone, lang)),
        (t("context.org.review", lang), t_count("context.org.every_months", org.management_review_interval_months, lang)),
    ]
    return html.Div([
        section_head("context.org.title", lang,
                     open_button("organization", "context.org.edit", lang, org.id, icon_name="bi-pencil")),
        html.Div([
            html.H3(org.name, className="mios-context-org-name"),
            html.Dl([part for label, value in facts for part in (html.Dt(label), html.Dd(value))],
                    className="mios-context-facts"),
        ], className="mios-context-org-head"),
        html.H3(t("context.org.values", lang), className="mios-context-subheading"),
        html.Div([
            html.Article([html.H4(value.name), html.P(value.motto or MISSING, className="mios-context-motto")],
                         className="mios-context-value")
            for value in org.values
        ] or [html.P(t("context.org.no_values", lang), className="mios-context-none")],
            className="mios-context-values"),
        html.Div([
            html.Section([html.H3([icon("bi-eye"), t("context.org.field.vision", lang)]), paragraphs(org.vision)],
                         className="mios-context-card"),
            html.Section([html.H3([icon("bi-compass"), t("context.org.field.mission", lang)]),
                          paragraphs(org.mission)], className="mios-context-card"),
        ], className="mios-context-pair"),
        html.Div([
            html.Section([html.H3(t("context.org.field.scope", lang)), paragraphs(org.scope)],
                         className="mios-context-card"),
            html.Section([html.H3(t("context.org.field.products_services", lang)),
                          paragraphs(org.products_services)], className="mios-context-card"),
        ], className="mios-context-pair"),
        html.H3(t("context.org.exclusions", lang), className="mios-context-subheading"),
        _exclusions(org, lang),
    ], className="mios-context-org")


def _exclusions(org, lang: str) -> html.Div | html.P:
    if not org.exclusions:
        return html.P(t("context.org.no_exclusions", lang), className="mios-context-none")
    head = html.Thead(html.Tr([html.Th(t(f"context.exclusion.{name}", lang), scope="col")
                               for name in ("clause", "requirement", "justification")]))
    body = html.Tbody([html.Tr([html.Td(e.clause, className="mios-context-nowrap"), html.Td(e.requirement),
                                html.Td(e.justification)]) for e in org.exclusions])
    return scroll_table(head, body)
