"""What the objective and the indicator pages share: the frame they render into, and reading one record
by its code for a board month — its view, or the not-found state that leads back to the board."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dash import html

from mios_dashboard.components.drilldown.blocks import not_found
from mios_dashboard.components.query import page_query, parse_period
from mios_dashboard.i18n import normalize_lang
from mios_dashboard.pages.frame import PageFrame
from mios_dashboard.web.runtime import read_session

Read = Callable[[Any, str, Any], Mapping[str, Any] | None]  # (session, code, month) → the service's detail, or None
View = Callable[[Any, str, dict], list]  # (detail, lang, query) → the page's content


def drill_frame(element_id: str) -> PageFrame:
    return PageFrame(element_id, "mios-dd", "drill.load_error_title", reads_period=True)


def drill_page(frame: PageFrame, kind: str, read: Read, view: View, code: str | None, lang: str | None,
               period: str | None, query: Mapping[str, Any]) -> html.Div:
    """The record `code` of `kind` ("objective" or "indicator") for the board month `period`, in `lang`;
    every other query parameter rides along on the page's links."""
    lang = normalize_lang(lang)
    month, _ = parse_period(period)
    params = page_query({**query, "period": period})
    code = (code or "").strip()
    with read_session() as session:
        detail = read(session, code, month) if code else None
    content = view(detail, lang, params) if detail else [not_found(kind, code, lang, params)]
    return frame.render(lang, content, period)
