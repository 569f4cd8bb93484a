"""The four balanced-scorecard perspectives: a summary tile each (read at a glance) and a section each
(objectives with their indicators, then the perspective's loose indicators)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import html

from mios_dashboard.components.board.cards import loose_indicators_card, objective_card
from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.status import normalize_status, score_text, status_badge
from mios_dashboard.i18n import perspective_name as i18n_perspective_name
from mios_dashboard.i18n import t, t_count

Perspective = Mapping[str, Any]
IndicatorsByCode = Mapping[str, Mapping[str, Any]]
Query = Mapping[str, str | None]


def perspective_name(perspective: Perspective, lang: str = "es") -> str:
    """The seeded perspectives (FIN, CLI, PRO, APR) in the reader's language; a perspective a user
    created keeps the name stored with it."""
    code = perspective.get("code") or ""
    if not code:  # the board's gathering of indicators with no perspective and no objective
        return t("board.no_perspective", lang)
    return i18n_perspective_name(code, perspective.get("name"), lang)


def section_anchor(perspective: Perspective) -> str:
    """The HTML id of a perspective's section, so a tile (or a shared URL) can jump to it."""
    return f"perspective-{perspective.get('code') or 'none'}"


def perspective_tile(perspective: Perspective, lang: str = "es") -> html.A:
    """Name, score and light of one perspective; a link down to its section."""
    return html.A(
        [
            html.Span(perspective_name(perspective, lang), className="mios-tile__name"),
            html.Span(
                [score_text(perspective.get("score"), perspective.get("status"), lang, size="lg"),
                 status_badge(perspective.get("status"), lang)],
                className="mios-tile__result",
            ),
        ],
        href=f"#{section_anchor(perspective)}",
        className=f"mios-tile mios-tile--{normalize_status(perspective.get('status'))}",
        **attrs(data_code=perspective.get("code") or ""),
    )


def perspective_section(perspective: Perspective, indicators: IndicatorsByCode, lang: str = "es",
                        query: Query | None = None) -> html.Section:
    """A perspective's heading (name, score, light, how many objectives and indicators) and its cards.

    `indicators` maps indicator code → indicator dict; codes the map lacks are skipped, so a board built
    while an indicator was being deleted still renders. `query` (month, filters) is kept by the cards' links.
    """
    objectives = list(perspective.get("objectives") or [])
    loose_codes = list(perspective.get("loose_indicators") or [])
    cards = [
        objective_card(objective, [indicators[c] for c in objective.get("indicators") or [] if c in indicators], lang,
                       query)
        for objective in objectives
    ]
    loose = [indicators[c] for c in loose_codes if c in indicators]
    if loose:
        cards.append(loose_indicators_card(loose, lang, query))
    indicator_total = sum(len(o.get("indicators") or []) for o in objectives) + len(loose)
    content = (
        html.Div(cards, className="mios-objectives")
        if cards
        else html.P(t("board.no_objectives", lang), className="mios-muted")
    )
    return html.Section(
        [
            html.Header(
                [
                    html.H2(perspective_name(perspective, lang), className="mios-perspective__name"),
                    html.Span(
                        [html.Span(t_count("board.objectives", len(objectives), lang)),
                         html.Span(t_count("board.indicators", indicator_total, lang))],
                        className="mios-perspective__counts",
                    ),
                    html.Span(
                        [score_text(perspective.get("score"), perspective.get("status"), lang, size="lg"),
                         status_badge(perspective.get("status"), lang)],
                        className="mios-perspective__result",
                    ),
                ],
                className="mios-perspective__head",
            ),
            content,
        ],
        id=section_anchor(perspective),
        className=f"mios-perspective mios-perspective--{normalize_status(perspective.get('status'))}",
        **attrs(data_code=perspective.get("code") or ""),
    )
