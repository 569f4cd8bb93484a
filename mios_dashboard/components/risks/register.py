"""The register: the filters that rewrite the URL, and one line per risk or opportunity — code, title with its
slide-16 family and category, inherent and residual rating in their band's colour, owner, treatment, linked
objective (a link to its page), next review (overdue ones marked in words and colour), effectiveness, and the
buttons that open its forms."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.risks.heatmap import level_badge
from mios_dashboard.components.risks.ids import Ids
from mios_dashboard.components.shell import localized_href, page_exists
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import fmt_date, fmt_number, t, t_count

Link = Callable[..., str]


def taxonomy_name(path: tuple[str, ...] | list[str], lang: str) -> str:
    """"Organización › Financiero › Crédito" from the codes of the leaf's path."""
    return " › ".join(t(f"risks.tax.{code}", lang) for code in path)


def _select(element_id: str, label: str, options: list[dict], value: str | None, lang: str) -> html.Div:
    """A filter: cleared (the × or Backspace) it is "all"."""
    return html.Div([dbc.Label(label, html_for=element_id, className="mios-risks-filter__label"),
                     dcc.Dropdown(id=element_id, options=options, value=value, clearable=True, searchable=False,
                                  placeholder=t("risks.filter.all", lang), className="mios-risks-filter__control")],
                    className="mios-risks-filter")


def filters_bar(view: Any, lang: str, link: Link) -> html.Div:
    """Kind, family, owner and "overdue review only"; a way back to the whole register when anything is set."""
    filters = view.filters
    kinds = [{"label": t(f"risks.kind_plural.{kind}", lang), "value": kind} for kind in ("risk", "opportunity")]
    families = [{"label": t(f"risks.tax.{family}", lang), "value": family} for family in view.families]
    owners = [{"label": owner, "value": owner} for owner in view.owners]
    parts: list = [
        _select(Ids.KIND, t("risks.field.kind", lang), kinds, filters.kind, lang),
        _select(Ids.FAMILY, t("risks.filter.family", lang), families, filters.family, lang),
        html.Div(_select(Ids.OWNER, t("risks.field.owner", lang), owners, filters.owner, lang).children,
                 className="mios-risks-filter mios-risks-filter--wide"),
        dbc.Switch(id=Ids.OVERDUE, label=t("risks.filter.overdue", lang), value=bool(filters.overdue),
                   className="mios-risks-filter mios-risks-filter--switch"),
    ]
    if filters.active():
        parts.append(dcc.Link([icon("bi-x-circle"), " ", t("risks.filter.clear", lang)],
                              href=link(celda=None, tipo=None, familia=None, responsable=None, vencidas=None),
                              className="mios-risks-filter__clear"))
    return html.Div(parts, className="mios-risks-filters", id=Ids.FILTERS)


def _objective(line: Any, lang: str) -> Any:
    code, title = line.row.objective_code, line.row.objective_title
    if not code:
        return html.Span("—", className="mios-risks-muted")
    path = f"/objetivo/{code}"
    label = [html.Strong(code), html.Span(title, className="mios-risks-sub mios-risks-clamp", title=title)]
    return dcc.Link(label, href=localized_href(path, lang)) if page_exists(path) else html.Span(label)


def _review(line: Any, lang: str) -> list:
    if line.closed:
        return [html.Span(t("risks.closed_on", lang, day=fmt_date(line.row.closed_on, lang)),
                          className="mios-risks-tag mios-risks-tag--closed")]
    cell: list = [html.Span(fmt_date(line.row.review_on, lang))]
    if line.overdue:
        cell.append(html.Span([icon("bi-alarm"), " ", t("risks.overdue", lang)],
                              className="mios-risks-tag mios-risks-tag--overdue"))
    return cell


def _button(icon_name: str, type_: str, risk_id: int, label: str) -> dbc.Button:
    """An icon button; its words are its tooltip and, for screen readers, hidden text inside it."""
    return dbc.Button([icon(icon_name), html.Span(label, className="visually-hidden")],
                      id={"type": type_, "id": risk_id}, size="sm", color="secondary", outline=True, title=label)


def _buttons(line: Any, lang: str) -> html.Div:
    code, risk_id = line.row.code, line.row.id
    buttons = [_button("bi-pencil", Ids.OPEN_TYPE, risk_id, t("risks.edit_title", lang, code=code))]
    if not line.closed:
        buttons += [_button("bi-calendar-check", Ids.REVIEW_OPEN_TYPE, risk_id, t("risks.review_title", lang, code=code)),
                    _button("bi-archive", Ids.CLOSE_OPEN_TYPE, risk_id, t("risks.close_title", lang, code=code))]
    return html.Div(buttons, className="mios-risks-buttons")


def _line(line: Any, lang: str) -> html.Tr:
    row = line.row
    classes = "mios-risks-row"
    if line.overdue:
        classes += " mios-risks-row--overdue"
    if line.closed:
        classes += " mios-risks-row--closed"
    return html.Tr([
        html.Td(html.Strong(row.code), className="mios-risks-col-code"),
        html.Td([html.Div(row.title, className="mios-risks-title"),
                 html.Div([html.Span(t(f"risks.kind.{row.kind}", lang),
                                     className=f"mios-risks-kind mios-risks-kind--{row.kind}"),
                           html.Span(taxonomy_name(line.path, lang), className="mios-risks-sub")],
                          className="mios-risks-meta")], className="mios-risks-col-title"),
        html.Td(level_badge(line.inherent, line.inherent_level, lang)),
        html.Td(level_badge(line.residual, line.residual_level, lang)),
        html.Td(row.owner or "—", className="mios-risks-col-owner"),
        html.Td([html.Div(row.treatment or "—", className="mios-risks-clamp", title=row.treatment or None),
                 html.Div([t("risks.field.effectiveness_short", lang), ": ",
                           html.Span(t(f"risks.effectiveness.{row.effectiveness}", lang),
                                     className=f"mios-risks-eff mios-risks-eff--{row.effectiveness}")],
                          className="mios-risks-sub")], className="mios-risks-col-treatment"),
        html.Td(_objective(line, lang), className="mios-risks-col-objective"),
        html.Td(_review(line, lang), className="mios-risks-col-review"),
        html.Td(_buttons(line, lang)),
    ], className=classes, **attrs(data_code=row.code))


COLUMNS = ("code", "risk", "inherent", "residual", "owner", "treatment", "objective", "review", "actions")


def register_table(view: Any, lang: str, link: Link) -> html.Section:
    """The filtered lines, with how many of how many are shown; a filter that keeps nothing says so."""
    count = html.P(t("risks.showing", lang, shown=fmt_number(view.matched, lang), total=fmt_number(view.total, lang))
                   if view.filters.active() else t_count("risks.count", view.total, lang),
                   className="mios-risks-card__note")
    if view.lines:
        body: Any = html.Div(html.Table([
            html.Thead(html.Tr([html.Th(t(f"risks.col.{name}", lang), scope="col", className=f"mios-risks-col-{name}")
                                for name in COLUMNS])),
            html.Tbody([_line(line, lang) for line in view.lines]),
        ], className="mios-risks-table"), className="mios-risks-table__scroll")
    else:
        body = html.P(t("risks.none_match", lang), className="mios-risks-none")
    return html.Section([
        html.Div([html.H2(t("risks.register_title", lang), className="mios-risks-card__title"), count],
                 className="mios-risks-card__head"),
        filters_bar(view, lang, link),
        body,
        *([pager(view, lang, link)] if view.pages > 1 else []),
    ], className="mios-risks-card mios-risks-register", id=Ids.REGISTER)


def pager(view: Any, lang: str, link: Link) -> html.Nav:
    """‹ Anterior · Página 2 de 10 (51–100 de 500) · Siguiente ›, as links (the page is in the URL)."""
    first = view.first
    parts: list = []
    if view.page > 1:
        parts.append(dcc.Link(["‹ ", t("risks.page_previous", lang)], href=link(pagina=str(view.page - 1)),
                              className="mios-risks-pager__link"))
    parts.append(html.Span(t("risks.page_of", lang, page=fmt_number(view.page, lang), pages=fmt_number(view.pages, lang),
                             first=fmt_number(first + 1, lang), last=fmt_number(first + len(view.lines), lang),
                             total=fmt_number(view.matched, lang)), className="mios-risks-pager__where"))
    if view.page < view.pages:
        parts.append(dcc.Link([t("risks.page_next", lang), " ›"], href=link(pagina=str(view.page + 1)),
                              className="mios-risks-pager__link"))
    return html.Nav(parts, className="mios-risks-pager", **attrs(aria_label=t("risks.page_label", lang)))
