"""`/` — the directive control board: how the company is doing this month, perspective by perspective.

Read top-down in five seconds: the period and overall score with its light, the counts by status, one
tile per perspective; then, per perspective, each objective's card with its indicators. URL parameters:
`lang` (es|en) and `period` (YYYY-MM, default the newest month with data).
"""
from __future__ import annotations

import datetime as dt
import logging
import re

import dash
from dash import html

from mios_dashboard.components.ids import ComponentId
from mios_dashboard.components.perspective import perspective_section, perspective_tile
from mios_dashboard.components.shell import lang_from_search
from mios_dashboard.components.status import icon, score_text, status_badge, status_counts
from mios_dashboard.i18n import fmt_month, normalize_lang, t
from mios_dashboard.services.board import build_board
from mios_dashboard.services.runtime import read_session

_log = logging.getLogger(__name__)
_PERIOD = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?$")
DEMO_COMMAND = "python -m mios_dashboard demo"
INIT_DB_COMMAND = "python -m mios_dashboard init-db"


def _document_title(**_path_variables) -> str:
    """The browser tab's title in the page's language. Dash gives a page title only path variables, so
    the language is read from the routing callback's inputs (the URL's query string)."""
    try:
        inputs = dash.ctx.inputs or {}
    except Exception:  # outside a callback (e.g. Dash building its registry): the default language
        inputs = {}
    search = next((value for key, value in inputs.items() if key.endswith(".search")), "")
    return t("app.document_title", lang_from_search(search))


dash.register_page(__name__, path="/", name="board", title=_document_title, order=0)


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


def _command(text: str) -> html.Pre:
    return html.Pre(html.Code(text), className="mios-command")


def empty_state(lang: str) -> html.Section:
    """No indicators yet: say what to do next instead of showing an empty grid."""
    return html.Section(
        [
            icon("bi-clipboard-data", "mios-empty__icon"),
            html.H2(t("board.empty_title", lang)),
            html.P(t("board.empty_body", lang)),
            _command(DEMO_COMMAND),
            html.P(t("board.empty_import", lang)),
            _command(f"python -m mios_dashboard import {t('board.file_placeholder', lang)}"),
        ],
        id=ComponentId.BOARD_EMPTY,
        className="mios-empty",
    )


def load_error(lang: str) -> html.Section:
    """The database could not be read (missing schema, server down): a clear message, not a blank page."""
    return html.Section(
        [
            icon("bi-database-exclamation", "mios-empty__icon"),
            html.H2(t("board.load_error_title", lang)),
            html.P(t("board.load_error_body", lang)),
            _command(INIT_DB_COMMAND),
        ],
        className="mios-empty mios-empty--error",
        role="alert",
    )


def board_header(board: dict, lang: str) -> html.Header:
    """Period, overall score and light, and the count of indicators in each status."""
    period = fmt_month(board.get("period"), lang, long=True) if board.get("period") else t("board.no_period", lang)
    return html.Header(
        [
            html.Div(
                [
                    html.H1(t("board.title", lang), className="mios-board__title"),
                    html.P([icon("bi-calendar3"), html.Span(t("board.period", lang, period=period))],
                           className="mios-board__period"),
                ],
                className="mios-board__heading",
            ),
            html.Div(
                [
                    html.Span(t("board.score", lang), className="mios-label"),
                    html.Div([score_text(board.get("score"), board.get("status"), lang, size="xl"),
                              status_badge(board.get("status"), lang, size="lg")],
                             className="mios-board__result"),
                ],
                className="mios-board__score",
            ),
            html.Div(
                [html.Span(t("board.counts", lang), className="mios-label"), status_counts(board.get("counts"), lang)],
                className="mios-board__counts",
            ),
        ],
        id=ComponentId.BOARD_HEADER,
        className="mios-board__head",
    )


def board_view(board: dict, lang: str) -> list:
    """Header, the perspective tiles, then a section per perspective (in the board's order)."""
    perspectives = board.get("perspectives") or []
    indicators = {row["code"]: row for row in board.get("indicators") or [] if row.get("code")}
    return [
        board_header(board, lang),
        html.Nav([perspective_tile(p, lang) for p in perspectives], className="mios-tiles",
                 **{"aria-label": t("board.perspectives", lang)}),
        *[perspective_section(p, indicators, lang) for p in perspectives],
    ]


def layout(lang: str | None = None, period: str | None = None, **_query) -> html.Div:
    """The board for `period` in `lang`; unknown query parameters are ignored."""
    lang = normalize_lang(lang)
    month, period_ok = parse_period(period)
    notices = []
    if not period_ok:
        notices.append(html.P([icon("bi-info-circle"), html.Span(t("board.period_invalid", lang, value=str(period)))],
                              className="mios-notice", role="status"))
    try:
        with read_session() as session:
            board = build_board(session, month)
    except Exception:  # the page must say what is wrong; the log keeps the details
        _log.exception("could not build the board for period %s", month)
        content = [load_error(lang)]
    else:
        content = board_view(board, lang) if board.get("indicators") else [empty_state(lang)]
    return html.Div([*notices, *content], id=ComponentId.BOARD, className="mios-board", lang=lang)
