"""The 5 × 5 heat map: likelihood rows 5 → 1, impact columns 1 → 5, each cell coloured by its level band and
showing how many open risks sit in it. Every cell is a link that filters the register (`?celda=P3-I4`); the
selected cell's link clears it again. A toggle above switches the inherent and the residual rating.

Built from the plain values of `services.system.risk_register.RegisterView`; `link(**changes)` (from the page)
turns URL changes into an href that keeps the reader's language and the other filters.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dash import dcc, html

from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.risks.ids import Ids
from mios_dashboard.i18n import fmt_number, t

Link = Callable[..., str]
LEVEL_RANGES = {"low": "1–4", "medium": "5–9", "high": "10–16", "critical": "20–25"}


def level_badge(score: int | None, level: str | None, lang: str) -> html.Span:
    """A rating with its band, as number and word on the band's colour: "16 · Alto"."""
    if score is None or level is None:
        return html.Span("—", className="mios-risks-level mios-risks-level--none",
                         title=t("risks.not_reassessed", lang))
    return html.Span([html.Strong(fmt_number(score, lang)), html.Span(" · "), t(f"risks.level.{level}", lang)],
                     className=f"mios-risks-level mios-risks-level--{level}")


def view_toggle(view: str, lang: str, link: Link) -> html.Nav:
    """Inherente | Residual, as two links (the URL says which one is shown)."""
    items = []
    for name, param in (("inherent", None), ("residual", "residual")):
        active = view == name
        items.append(dcc.Link(t(f"risks.view.{name}", lang), href=link(vista=param, celda=None),
                              className="mios-risks-toggle__item" + (" is-active" if active else "")))
    return html.Nav(items, className="mios-risks-toggle", id=Ids.VIEW, **attrs(aria_label=t("risks.view.label", lang)))


def _cell(cell: Any, lang: str, link: Link) -> html.Td:
    label = t("risks.cell_title", lang, likelihood=cell.likelihood, impact=cell.impact, count=cell.count,
              level=t(f"risks.level.{cell.level}", lang))
    classes = f"mios-risks-cell mios-risks-cell--{cell.level}"
    if cell.selected:
        classes += " is-selected"
    if not cell.count:
        classes += " is-empty"
    target = link(celda=None if cell.selected else cell.key)
    return html.Td(dcc.Link(fmt_number(cell.count, lang) if cell.count else "", href=target, title=label,
                            className="mios-risks-cell__link"),
                   className=classes, **attrs(data_cell=cell.key))


def heat_map(view: Any, lang: str, link: Link) -> html.Section:
    """The grid with its axis names and a legend of the four bands."""
    head = html.Tr([html.Th(html.Span(t("risks.axis.corner", lang), className="visually-hidden"),
                            className="mios-risks-grid__corner", scope="col")]
                   + [html.Th([html.Span(str(impact), className="mios-risks-grid__n"),
                               html.Span(t(f"risks.impact.{impact}", lang), className="mios-risks-grid__word")],
                              scope="col") for impact in (1, 2, 3, 4, 5)])
    rows = [html.Tr([html.Th([html.Span(str(row[0].likelihood), className="mios-risks-grid__n"),
                              html.Span(t(f"risks.likelihood.{row[0].likelihood}", lang),
                                        className="mios-risks-grid__word")], scope="row")]
                    + [_cell(cell, lang, link) for cell in row]) for row in view.grid]
    legend = html.Ul([html.Li([html.Span(className=f"mios-risks-swatch mios-risks-swatch--{name}"),
                               t(f"risks.level.{name}", lang), html.Span(f" ({LEVEL_RANGES[name]})")])
                      for name in LEVEL_RANGES], className="mios-risks-legend")
    caption = t(f"risks.map_caption.{view.filters.view}", lang)
    return html.Section([
        html.Div([html.H2(t("risks.map_title", lang), className="mios-risks-card__title"),
                  view_toggle(view.filters.view, lang, link)], className="mios-risks-card__head"),
        html.P(caption, className="mios-risks-card__note"),
        html.Div([html.Span(t("risks.axis.likelihood", lang), className="mios-risks-grid__y"),
                  html.Table([html.Thead(head), html.Tbody(rows)], className="mios-risks-grid")],
                 className="mios-risks-grid__frame"),
        html.P(t("risks.axis.impact", lang), className="mios-risks-grid__x"),
        legend,
    ], className="mios-risks-card mios-risks-map", id=Ids.HEATMAP)
