"""The board's controls — month, process, owner — whose state lives in the URL so a view can be sent.

A change in a control rewrites the query string through a page-local `dcc.Location` with
`refresh="callback-nav"`: the browser's address changes (back and forward work) and Dash's router
re-renders the page from the new URL, so the URL is the only state there is.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode

from dash import dcc, html

from mios_dashboard.components.board.ids import Ids
from mios_dashboard.components.shell import query_params
from mios_dashboard.i18n import fmt_month, t

# Query parameters in the order they are written (language first, as localized_href writes it).
QUERY_ORDER = ("lang", "period", "process", "owner")
_PERIOD = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?$")


def parse_period(value: object) -> tuple[dt.date | None, bool]:
    """`"2025-12"` (or `"2025-12-01"`) → (2025-12-01, True); absent → (None, True); anything else →
    (None, False) so the page can say the period was ignored rather than fail."""
    if value in (None, ""):
        return None, True
    match = _PERIOD.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None, False
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1900 <= year <= 2999):
        return None, False
    return dt.date(year, month, 1), True


def text_param(value: object) -> str | None:
    """A filter value from the URL (a repeated key arrives as a list: the first one wins)."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    return (value.strip() or None) if isinstance(value, str) else None


def month_param(value: str | None) -> str | None:
    """"2025-12-01" (a period as the services give it) → "2025-12" (as the URL writes it)."""
    return value[:7] if isinstance(value, str) and len(value) >= 7 else None


def merged_search(search: str | None, **changes: str | None) -> str:
    """The query string `search` with `changes` applied (None or "" removes a key), other keys kept:
    merged_search("?lang=en&period=2025-11", period="2025-12", owner=None) → "?lang=en&period=2025-12"."""
    params = query_params(search)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    ordered = {k: params[k] for k in QUERY_ORDER if k in params} | {k: v for k, v in params.items() if k not in QUERY_ORDER}
    return f"?{urlencode(ordered)}" if ordered else ""


def dropdown_labels(lang: str) -> dict[str, str]:
    """dcc.Dropdown's own words (search box, clear buttons, nothing found) in the page's language."""
    return {
        "search": t("board.dropdown_search", lang), "clear_search": t("board.dropdown_clear", lang),
        "clear_selection": t("board.dropdown_clear", lang), "no_options_found": t("board.dropdown_none", lang),
        "select_all": t("board.dropdown_all", lang), "deselect_all": t("board.dropdown_clear", lang),
        "selected_count": t("board.dropdown_count", lang),
    }


def _control(label_key: str, control, lang: str, icon_class: str) -> html.Div:
    return html.Div(
        [html.Label([html.I(className=f"bi {icon_class}", **{"aria-hidden": "true"}), html.Span(t(label_key, lang))],
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


def board_controls(options: Mapping[str, list], filters: Mapping[str, str | None], periods: Iterable[str],
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
