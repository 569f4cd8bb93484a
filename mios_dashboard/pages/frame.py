"""The element a page renders into, and how that page says it could not be shown.

Every page is a `html.Div` with its id, class and `lang`; pages whose selectors rewrite the URL start with
their own `dcc.Location`; pages that read `period` say so above the content when it is not a month. The
frame's `guard` is the page's outermost guard (pages/guard.py): on a failure the page still renders in its
frame, with its error state in place of the content.
"""
from __future__ import annotations

from dataclasses import dataclass

from dash import dcc, html

from mios_dashboard.components.query import parse_period
from mios_dashboard.components.states import error_state, period_notice
from mios_dashboard.pages.guard import Failure, guarded


@dataclass(frozen=True)
class PageFrame:
    element_id: str
    class_name: str
    error_title: str  # catalogue key of the error state's heading
    error_body: str = "board.load_error_body"  # catalogue key of what to check when the error was unexpected
    location: str | None = None  # a page-local dcc.Location the page's selectors rewrite
    reads_period: bool = False

    def render(self, lang: str, content: list, period: object = None) -> html.Div:
        """`content` in the page's element, after its location and the notice of an invalid `period`."""
        head = [dcc.Location(id=self.location, refresh="callback-nav")] if self.location else []
        notices = [period_notice(period, lang)] if self.reads_period and not parse_period(period)[1] else []
        return html.Div([*head, *notices, *content], id=self.element_id, className=self.class_name, lang=lang)

    def failed(self, failure: Failure) -> html.Div:
        """The page with its error state in place of the content."""
        state = error_state(failure.lang, self.error_title, failure.message, self.error_body)
        return self.render(failure.lang, [state], failure.arguments.get("period"))

    def guard(self, what: str):
        """Decorate the page's layout with the outermost guard; `what` as in guard.guarded."""
        return guarded(self.failed, what)
