"""The SWOT section (slides 2–3, ISO 4.1): a 2×2 grid — Fortalezas, Debilidades (internal) over
Oportunidades, Amenazas (external) — each issue with its effect, how it is monitored and its last review;
an issue not reviewed in the last 12 months is marked, as the PHVA check counts it."""
from __future__ import annotations

from dash import html

from mios_dashboard.components.context.common import (
    badge,
    day,
    empty_section,
    open_button,
    row_actions,
    section_head,
)
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import t, t_count

GRID = ("strength", "weakness", "opportunity", "threat")  # reading order of the 2×2 grid
ICONS = {"strength": "bi-hand-thumbs-up", "weakness": "bi-exclamation-diamond", "opportunity": "bi-lightbulb",
         "threat": "bi-lightning"}


def _issue(row, lang: str) -> html.Li:
    review = (badge(t("context.issue.never_reviewed", lang), "bad") if row.last_reviewed_on is None else
              badge(t("context.issue.reviewed_on", lang, date=day(row.last_reviewed_on, lang)),
                    "bad" if row.overdue else "muted"))
    details = [html.P([html.Strong(t(f"context.issue.field.{name}", lang) + ": "), getattr(row, name)],
                      className="mios-context-detail") for name in ("effect", "monitoring") if getattr(row, name)]
    review_button = open_button("issue_review", "context.issue.review", lang, row.id, icon_name="bi-check2",
                                primary=False, small=True)
    return html.Li([
        html.P(row.description, className="mios-context-issue-text"),
        *details,
        html.Div([
            html.Span([*([icon("bi-clock-history")] if row.overdue else []), review],
                      className="mios-context-overdue" if row.overdue else ""),
            row_actions("issue", row.id, lang, extra=[review_button]),
        ], className="mios-context-issue-foot"),
    ], className="mios-context-issue" + (" mios-context-issue--overdue" if row.overdue else ""))


def swot_view(grid: dict[str, list], lang: str) -> html.Div:
    """`grid`: quadrant → its IssueRows."""
    if not any(grid.values()):
        return html.Div(empty_section("bi-grid-1x2", "context.swot.empty", lang, "issue", "context.swot.add"))
    overdue = sum(row.overdue for rows in grid.values() for row in rows)
    head = section_head("context.swot.title", lang, open_button("issue", "context.swot.add", lang),
                        intro_key="context.swot.intro")
    note = (html.P([icon("bi-clock-history"), t_count("context.swot.overdue", overdue, lang)],
                   className="mios-context-warning") if overdue else
            html.P([icon("bi-check2-circle"), t("context.swot.all_reviewed", lang)], className="mios-context-ok"))
    quadrants = [
        html.Section([
            html.H3([icon(ICONS[quadrant]), t(f"context.swot.{quadrant}", lang),
                     html.Span(t(f"context.scope.{'internal' if quadrant in ('strength', 'weakness') else 'external'}",
                                 lang), className="mios-context-quadrant-scope")]),
            html.Ul([_issue(row, lang) for row in grid.get(quadrant, [])], className="mios-context-issues")
            if grid.get(quadrant) else html.P(t("context.swot.quadrant_empty", lang), className="mios-context-none"),
        ], className=f"mios-context-quadrant mios-context-quadrant--{quadrant}")
        for quadrant in GRID
    ]
    return html.Div([head, note, html.Div(quadrants, className="mios-context-swot")])
