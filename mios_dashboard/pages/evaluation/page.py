"""`/evaluacion` — slide 13's strategic evaluation: each metric by group, month by month, in its lights.

Where the board says how this month went, this page says how the year went: twelve months side by side
per metric, grouped as the deck groups them (Contexto, Estrategia, Comercial, Mercado, Ventas, Operación,
Calidad, Proveedores, Finanzas, Personal, Organización). URL parameters: `lang` (es|en) and `period`
(YYYY-MM, the newest of the twelve months; default the newest month with data); the month selector
rewrites the URL, as on the board.
"""
from __future__ import annotations

from dash import html

from mios_dashboard.components.board.controls import month_dropdown
from mios_dashboard.components.evaluation import Ids, heat_table, legend
from mios_dashboard.components.query import month_param, parse_period, search_for
from mios_dashboard.components.states import empty_state, no_values_state, notice
from mios_dashboard.i18n import fmt_month, normalize_lang, t
from mios_dashboard.pages.frame import PageFrame
from mios_dashboard.services.evaluation import EvaluationPage, evaluation_table
from mios_dashboard.web.cache import RENDERED, VersionedReader
from mios_dashboard.web.runtime import read_session

FRAME = PageFrame(Ids.PAGE, "mios-evaluation", "evaluation.load_error_title", location=Ids.LOCATION, reads_period=True)


def nothing_to_show(table: EvaluationPage, lang: str) -> html.Section:
    """No indicators (load the demo or import), or indicators without values (import their values)."""
    if table.get("indicator_count"):
        return no_values_state(table["indicator_count"], lang, Ids.EMPTY)
    return empty_state("bi-grid-3x3", t("evaluation.empty_title", lang), t("board.empty_body", lang), lang, Ids.EMPTY)


def header(table: EvaluationPage, lang: str) -> html.Header:
    """Title, slide 13's subtitle, the months covered and the month selector."""
    months = table.get("months") or []
    span = t("evaluation.range", lang, first=fmt_month(months[0], lang, long=True),
             last=fmt_month(months[-1], lang, long=True)) if months else ""
    return html.Header(
        [html.Div([html.H1(t("evaluation.title", lang), className="mios-board__title"),
                   html.P([html.Span(t("evaluation.subtitle", lang)), html.Span(span, className="mios-evaluation__span")],
                          className="mios-evaluation__subtitle")],
                  className="mios-board__heading"),
         html.Div(month_dropdown(Ids.PERIOD, table.get("available_periods") or [], table.get("period"), lang),
                  className="mios-controls")],
        id=Ids.HEADER,
        className="mios-board__head mios-evaluation__head",
    )


def evaluation_content(table: EvaluationPage, lang: str) -> list:
    """The notices, then the heat table with its header and legend, or the state that says what to do next
    (cached per month and language by the data version, like the board)."""
    notices = [notice(t(n.key, lang, month=fmt_month(str(n.params["month"]), lang, long=True)))
               for n in table.get("notices") or []]
    if not table.get("measured"):
        return [*notices, nothing_to_show(table, lang)]
    query = {"period": month_param(table.get("period"))}
    return [*notices, header(table, lang), legend(lang), html.Div(heat_table(table, lang, query), className="mios-heat-wrap")]


@FRAME.guard("build the strategic evaluation for {period}")
def layout(lang=None, period=None, **_query) -> html.Div:
    """The heat table of the twelve months ending with `period`, in `lang`."""
    lang = normalize_lang(lang)
    month, _ = parse_period(period)
    with read_session() as session:
        content = VersionedReader(session, RENDERED).get(
            "evaluation-page", (month, lang), lambda: evaluation_content(evaluation_table(session, month), lang))
    return FRAME.render(lang, content, period)


def url_for_month(period: str | None, search: str | None) -> str:
    """The query string for the chosen month; PreventUpdate when it is the one shown."""
    return search_for(search, period=period)

