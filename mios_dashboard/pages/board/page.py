"""`/` — the directive control board: what is off, whether it is real or noise, and who owns it.

Read top-down in five seconds: title, month and filters; the summary strip (overall score and light,
indicators by status, overdue actions, PHVA); what changed since last month; one tile per perspective;
then, per perspective, each objective's card with its indicators. Every state is in the URL — `lang`
(es|en), `period` (YYYY-MM, default the newest month with data), `process`, `owner` — so a view can be
sent to a colleague; the selectors rewrite the URL and the router re-renders the page from it.
"""
from __future__ import annotations

import dash
from dash import html
from dash.development.base_component import Component

from mios_dashboard.components.board.controls import board_controls
from mios_dashboard.components.board.ids import Ids
from mios_dashboard.components.board.perspective import perspective_section, perspective_tile
from mios_dashboard.components.board.summary import changes_panel, off_target_panel, summary_strip
from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.query import month_param, parse_period, search_for, text_param
from mios_dashboard.components.states import empty_state, no_values_state, notice
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import fmt_month, normalize_lang, t
from mios_dashboard.pages import clock
from mios_dashboard.pages.frame import PageFrame
from mios_dashboard.services.board.page import BoardPage, board_page
from mios_dashboard.web.cache import RENDERED, VersionedReader
from mios_dashboard.web.runtime import EXTENSION_KEY, read_session
from mios_dashboard.web.warmup import DEFAULT_INTERVAL, Warmer, app_data_version

__all__ = ["keep_warm", "layout", "parse_period"]
# Languages the default view (newest month, no filter) was served in by this process: what a warm-up renders.
_default_view_langs: set[str] = {"es"}
FRAME = PageFrame(Ids.PAGE, "mios-board", "board.load_error_title", location=Ids.LOCATION, reads_period=True)


def board_header(data: BoardPage, lang: str) -> html.Header:
    """Title and month on the left, the selectors on the right."""
    board = data["board"]
    period = fmt_month(board.get("period"), lang, long=True) if board.get("period") else t("board.no_period", lang)
    return html.Header(
        [
            html.Div(
                [html.H1(t("board.title", lang), className="mios-board__title"),
                 html.P([icon("bi-calendar3"), html.Span(t("board.period", lang, period=period))],
                        className="mios-board__period")],
                className="mios-board__heading",
            ),
            board_controls(data["options"], data["filters"], board.get("available_periods") or [], lang),
        ],
        id=Ids.HEADER,
        className="mios-board__head",
    )


def _query(data: BoardPage) -> dict[str, str | None]:
    """What the drill-down links keep: the month shown and the filters applied."""
    filters = data["filters"]
    return {"period": month_param(filters.get("period")), "process": filters.get("process"), "owner": filters.get("owner")}


def _notices(data: BoardPage, lang: str) -> list:
    texts = []
    for item in data.get("notices") or []:
        params = dict(item.params)
        if "month" in params:
            params["month"] = fmt_month(str(params["month"]), lang, long=True)
        texts.append(notice(t(item.key, lang, **params)))
    return texts


def board_view(data: BoardPage, lang: str) -> list:
    """Header, summary, changes, perspective tiles, then a section per perspective with something to show."""
    board, query = data["board"], _query(data)
    perspectives = board.get("perspectives") or []
    indicators = {row["code"]: row for row in board.get("indicators") or [] if row.get("code")}
    sections: list[Component] = [perspective_section(p, indicators, lang, query) for p in perspectives
                if not board.get("filtered") or p.get("objectives") or p.get("loose_indicators")]
    if board.get("filtered") and not indicators:
        sections = [html.P(t("board.filter_nothing", lang), className="mios-muted mios-board__nothing")]
    notes = []
    if not any(p.get("objectives") for p in perspectives) and not board.get("filtered"):
        notes.append(notice(t("board.no_objectives_yet", lang)))
    return [
        board_header(data, lang),
        *_notices(data, lang),
        summary_strip(data, lang),
        html.Div([off_target_panel(board, lang, query), changes_panel(data.get("changes"), lang, query)],
                 className="mios-news"),
        html.Nav([perspective_tile(p, lang) for p in perspectives if p.get("code")], className="mios-tiles",
                 **attrs(aria_label=t("board.perspectives", lang))),
        *notes,
        html.Div(sections, id=Ids.SECTIONS),
    ]


def board_content(data: BoardPage, lang: str) -> list:
    """What the page shows for the board's data: the board, or the state that says what to do next."""
    board = data["board"]
    if not board.get("total"):  # no indicators yet: what to do next instead of an empty grid
        return [empty_state("bi-clipboard-data", t("board.empty_title", lang), t("board.empty_body", lang), lang,
                            Ids.EMPTY, import_note=t("board.empty_import", lang))]
    if not board.get("period"):
        return [no_values_state(board["total"], lang, Ids.EMPTY)]
    return [c for c in board_view(data, lang) if c is not None]


@FRAME.guard("build the board for period {period}")
def layout(lang=None, period=None, process=None, owner=None, **_query) -> html.Div:
    """The board for `period`, filtered by `process` and `owner`, in `lang`; unknown parameters are ignored.

    The rendered content is cached by the data version too (web/cache.py): a repeated view costs the
    version query and Dash's serialisation, not building hundreds of components again."""
    lang = normalize_lang(lang)
    month, _ = parse_period(period)
    process, owner, day = text_param(process), text_param(owner), clock.today()
    if month is None and not process and not owner:
        _default_view_langs.add(lang)
    with read_session() as session:
        content = VersionedReader(session, RENDERED).get(
            "board-page", (month, process, owner, lang, day),
            lambda: board_content(board_page(session, month, process, owner, day), lang))
    return FRAME.render(lang, content, period)


def warm_default_views(server) -> None:
    """Compute and render the default view in each language it was served in here, as its first viewer
    would: the results land in the caches under the current data version."""
    with server.app_context():
        for lang in sorted(_default_view_langs):
            layout(lang=lang)


def keep_warm(app: dash.Dash, interval: float = DEFAULT_INTERVAL) -> Warmer:
    """Recompute the board's default view in the background whenever the data version moves (see
    web/warmup.py): at once after a commit of this process, within `interval` seconds after anyone
    else's. The thread starts with the process's first request. What `python app.py` and gunicorn run."""
    server = app.server
    warmer = Warmer(lambda: app_data_version(server), lambda: warm_default_views(server), interval)
    server.before_request(warmer.start)
    warmer.poke_on_commit(server.extensions[EXTENSION_KEY]["session_factory"])
    return warmer


# --- callbacks ---------------------------------------------------------------------------------------------

def url_for_controls(period: str | None, process: str | None, owner: str | None, search: str | None) -> str:
    """The query string the selectors ask for; PreventUpdate when it is the URL already shown."""
    return search_for(search, period=period, process=process, owner=owner)


