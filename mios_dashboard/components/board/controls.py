"""The board's controls — month, process, owner — whose state lives in the URL so a view can be sent.

A change in a control rewrites the query string through a page-local `dcc.Location` with
`refresh="callback-nav"`: the browser's address changes (back and forward work) and Dash's router
re-renders the page from the new URL, so the URL is the only state there is.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dash import dcc, html

from mios_dashboard.components.board.ids import Ids
from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.query import month_param
from mios_dashboard.i18n import fmt_month, t


def dropdown_labels(lang: str) -> dcc.Dropdown.Labels:
    """dcc.Dropdown's own words (search box, clear buttons, nothing found) in the page's language."""
    return {
        "search": t("board.dropdown_search", lang), "clear_search": t("board.dropdown_clear", lang),
        "clear_selection": t("board.dropdown_clear", lang), "no_options_found": t("board.dropdown_none", lang),
        "select_all": t("board.dropdown_all", lang), "deselect_all": t("board.dropdown_clear", lang),
        "selected_count": t("board.dropdown_count", lang),
    }


def _control(label_key: str, control, lang: str, icon_class: str) -> html.Div:
    return html.Div(
        [html.Label([html.I(className=f"bi {icon_class}", **attrs(aria_hidden="true")), html.Span(t(label_key, lang))],
                    htmlFor=control.id, className="mios-control__label"),
         control],
        className="mios-control",
    )


def month_dropdown(element_id: str, periods: Iterable[str], selected: str | None, lang: str) -> html.Div:
    """The month selector: months with data, newest first, "diciembre 2025"; values are "YYYY-MM"."""
    options = [{"label": fmt_month(p, lang, long=True), "value": month_param(p)} for p in sorted(periods, reverse=True)]
    control = dcc.Dropdown(id=element_id, options=options, value=month_param(selected), clearable=False,
                           searchable=False, className="mios-dropdown mios-dropdown--month", labels=dropdown_labels(lang))
    return _control("board.month_label", control, lang, "bi-calendar3")


def board_controls(options: Mapping[str, Any], filters: Mapping[str, Any], periods: Iterable[str],
                   lang: str) -> html.Div:
    """Month, process and owner selectors, with the values of the URL selected."""
    processes = [{"label": f"{p['value']} — {p['name']}" if p["name"] != p["value"] else p["value"], "value": p["value"]}
                 for p in options.get("processes") or []]
    owners = [{"label": owner, "value": owner} for owner in options.get("owners") or []]
    process = dcc.Dropdown(id=Ids.PROCESS, options=processes, value=filters.get("process"),
                           placeholder=t("board.all_processes", lang), className="mios-dropdown mios-dropdown--process",
                           labels=dropdown_labels(lang))
    owner = dcc.Dropdown(id=Ids.OWNER, options=owners, value=filters.get("owner"),
                         placeholder=t("board.all_owners", lang), className="mios-dropdown mios-dropdown--owner",
                         labels=dropdown_labels(lang))
    return html.Div(
        [month_dropdown(Ids.PERIOD, periods, filters.get("period"), lang),
         _control("board.process_label", process, lang, "bi-diagram-3"),
         _control("board.owner_label", owner, lang, "bi-person")],
        id=Ids.CONTROLS,
        className="mios-controls",
        role="search",
    )
