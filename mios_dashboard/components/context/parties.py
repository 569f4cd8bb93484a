"""The interested parties section (slide 11, ISO 4.2): who they are, their pertinent requirements, how
they are monitored and with which satisfaction indicator, and when they were last reviewed."""
from __future__ import annotations

from dash import html

from mios_dashboard.components.context.common import (
    badge,
    day,
    empty_section,
    record_list,
    row_actions,
)
from mios_dashboard.i18n import MISSING, t, t_count

COLUMNS = ("type", "name", "requirements", "monitoring", "indicator", "reviewed", "actions")


def _requirements(row, lang: str) -> list:
    """"3 requisitos" and the list, each with its kind; a party without any is marked (the PHVA check asks)."""
    if not row.requirements:
        return [badge(t("context.party.no_requirements", lang), "bad")]
    return [html.Span(t_count("context.party.requirement_count", row.requirement_count, lang),
                      className="mios-context-count"),
            html.Ul([html.Li([badge(t(f"context.requirement.{r.kind}", lang), "muted"), " ", r.description])
                     for r in row.requirements], className="mios-context-requirements")]


def parties_view(rows: list, lang: str) -> html.Div:
    """`rows`: the PartyRows, by type then name."""
    if not rows:
        return html.Div(empty_section("bi-people", "context.party.empty", lang, "party", "context.party.add"))
    head = html.Thead(html.Tr([html.Th(t(f"context.party.col.{name}", lang), scope="col") for name in COLUMNS]))
    body = html.Tbody([html.Tr([
        html.Td(t(f"context.party_type.{row.type}", lang), className="mios-context-nowrap"),
        html.Td(html.Strong(row.name)),
        html.Td(_requirements(row, lang)),
        html.Td(row.monitoring or MISSING),
        html.Td(row.indicator or MISSING),
        html.Td(day(row.last_reviewed_on, lang), className="mios-context-nowrap"),
        html.Td(row_actions("party", row.id, lang)),
    ]) for row in rows])
    return record_list("party", ("context.party.title", "context.party.intro", "context.party.add"), lang,
                       head, body)
