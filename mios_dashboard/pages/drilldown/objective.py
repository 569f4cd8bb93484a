"""`/objetivo/<code>` — one quality objective: is it on track, what does each indicator say, what is the
plan, what could go wrong and what is being done about it.

Read top-down: the objective with its light, score, owner, due date, trend and XmR verdict; its ISO 6.2.2
plan beside its place in the strategy map; one chart per indicator; linked risks and actions; the latest
measurements with their source and the objective's change history. URL parameters: `lang`, `period`
(YYYY-MM) and any board filter, all passed on to every link (the way back restores the board).
"""
from __future__ import annotations

from dash import html

from mios_dashboard.components.drilldown.blocks import (
    crumbs,
    fact,
    indicator_panel,
    section,
    signal_badge,
    title_row,
)
from mios_dashboard.components.drilldown.ids import Ids
from mios_dashboard.components.drilldown.tables import (
    actions_table,
    count_note,
    history_table,
    plan_list,
    recent_measurements_table,
    relatives_list,
    risks_table,
)
from mios_dashboard.components.status import icon, normalize_status
from mios_dashboard.i18n import MISSING, fmt_date, perspective_name, t, t_count
from mios_dashboard.pages import clock
from mios_dashboard.pages.drilldown.detail import drill_frame, drill_page
from mios_dashboard.services.drilldown import objective_detail

FRAME = drill_frame(Ids.OBJECTIVE)


def _trend_summary(indicators: list[dict], lang: str) -> str:
    """"2 mejoran · 1 empeora": how the objective's indicators are moving."""
    parts = []
    for trend in ("improving", "stable", "worsening"):
        count = sum(1 for i in indicators if i.get("trend") == trend)
        if count:
            parts.append(t_count(f"drill.trend_{trend}", count, lang))
    return " · ".join(parts) or MISSING


def _signals(indicators: list[dict], lang: str) -> html.Span:
    """Which indicators break an XmR rule this month (violet), or a quiet "no signals"."""
    codes = [i["code"] for i in indicators if i.get("current_signals")]
    if codes:
        return html.Span([icon("bi-broadcast", "mios-signal__icon"),
                          html.Span(t("drill.signals_in", lang, codes=", ".join(codes)))],
                         className="mios-signal mios-signal--on")
    return signal_badge([], lang, has_limits=any(i.get("xmr") for i in indicators))


def objective_head(detail: dict, lang: str, params: dict) -> html.Header:
    """Code, title, perspective and process; score and light; owner, due date, trend, signals."""
    objective, indicators = detail["objective"], detail["indicators"]
    status = normalize_status(objective.get("status"))
    where = [perspective_name(objective["perspective"], objective.get("perspective_name"), lang)]
    if objective.get("process"):
        where.append(f"{t('field.process', lang)}: {objective['process']} · {objective.get('process_name') or ''}")
    return html.Header(
        [
            crumbs(lang, params, detail["period"]),
            title_row(objective["code"], t("drill.objective_kind", lang), objective["title"], where,
                      t("drill.score", lang), objective.get("score"), status, lang),
            html.Div(
                [fact(t("field.owner", lang), objective.get("owner") or MISSING, "bi-person"),
                 fact(t("field.due", lang), fmt_date(objective.get("due"), lang), "bi-calendar-event"),
                 fact(t("field.trend", lang), _trend_summary(indicators, lang), "bi-graph-up-arrow"),
                 _signals(indicators, lang)],
                className="mios-dd__facts",
            ),
            *([html.P(t("drill.inactive_objective", lang), className="mios-notice")]
              if not objective.get("active") else []),
        ],
        className=f"mios-dd__head mios-dd__head--{status}",
    )


def objective_view(detail: dict, lang: str, params: dict) -> list:
    """The whole page below the navbar, from the service's plain data."""
    objective, indicators = detail["objective"], detail["indicators"]
    panels = [indicator_panel(i, lang, params) for i in indicators]
    indicator_body = html.Div(panels, className="mios-dd__panels") if panels else html.P(
        t("drill.no_indicators", lang), className="mios-muted")
    shown = len(detail["measurements"])
    return [
        objective_head(detail, lang, params),
        html.Div(
            [section(t("drill.plan_title", lang), plan_list(objective, lang), "bi-clipboard-check", Ids.PLAN),
             section(t("drill.map_title", lang), relatives_list(detail["relatives"], lang, params), "bi-diagram-3")],
            className="mios-dd__grid mios-dd__grid--plan",
        ),
        section(t_count("drill.indicators_title", len(indicators), lang), indicator_body, "bi-graph-up",
                extra_class="mios-dd__card--bare"),
        html.Div(
            [section(t("drill.risks_title", lang), risks_table(detail["risks"], lang), "bi-shield-exclamation",
                     Ids.RISKS),
             section(t("drill.actions_title", lang), actions_table(detail["actions"], lang, clock.today()),
                     "bi-list-check", Ids.ACTIONS)],
            className="mios-dd__grid mios-dd__grid--even",
        ),
        html.Div(
            [section(t("drill.latest_title", lang),
                     html.Div([recent_measurements_table(detail["measurements"], lang),
                               count_note(shown, detail["measurement_count"], lang)]),
                     "bi-table", Ids.MEASUREMENTS),
             section(t("drill.history_objective_title", lang),
                     html.Div([history_table(detail["history"], lang),
                               count_note(len(detail["history"]), detail["history_count"], lang)]),
                     "bi-clock-history", Ids.HISTORY)],
            className="mios-dd__grid mios-dd__grid--even",
        ),
    ]


@FRAME.guard("read objective {code!r} for period {period}")
def layout(code: str | None = None, lang: str | None = None, period: str | None = None, **query) -> html.Div:
    """The objective `code` for the board month `period`, in `lang` (pages/drilldown/detail.py)."""
    return drill_page(FRAME, "objective", objective_detail, objective_view, code, lang, period, query)
