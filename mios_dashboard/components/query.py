"""The URL query as the pages read and write it: the month (`period=YYYY-MM`), filter values, the query a
drill-down page passes on, and the query string a selector asks for. The URL is the only state a page has,
so a view can be sent to a colleague."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from dash.exceptions import PreventUpdate

from mios_dashboard.components.shell import query_params

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


def page_query(query: Mapping[str, Any]) -> dict[str, str]:
    """The URL query a drill-down page was opened with, as text (first value of a repeated key): every
    link out of the page passes it on."""
    params: dict[str, str] = {}
    for key, value in query.items():
        if isinstance(value, (list, tuple)):
            value = value[0] if value else None
        if value is not None:
            params[str(key)] = str(value)
    return params


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


def search_for(search: str | None, **changes: str | None) -> str:
    """What a selector's callback writes to its page's location: `search` with `changes` applied;
    PreventUpdate when that is the URL already shown (so the router does not render the page again)."""
    wanted = merged_search(search, **changes)
    if wanted == merged_search(search):
        raise PreventUpdate
    return wanted
