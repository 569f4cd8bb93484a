"""The PHVA cycle on screen: a card per stage with its checks, and a compact strip for the board's summary.

Built from the plain dict of `services.phva.phva_status`. Every check reads without colour: a check or a
cross icon AND the word (Cumple / Falta); the colour only speeds it up. Links keep the reader's language.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qsl

from dash import dcc, html

from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.shell import localized_href, page_exists
from mios_dashboard.components.status import STATUS_ICONS, icon, normalize_status
from mios_dashboard.i18n import MISSING, fmt_date, fmt_month, fmt_number, fmt_percent, t

Status = Mapping[str, Any]
MET_ICONS = {True: "bi-check-circle-fill", False: "bi-x-circle-fill"}
PHVA_PATH = "/phva"


class Ids(StrEnum):
    """Ids of the PHVA page and the board's PHVA strip (the page package re-exports them as `pages.phva.Ids`)."""

    PAGE = "mios-phva"
    HEADER = "mios-phva-header"
    STAGES = "mios-phva-stages"
    EMPTY = "mios-phva-empty"
    STRIP = "mios-phva-strip"


def format_params(params: Mapping[str, Any] | None, lang: str = "es") -> dict[str, str]:
    """Message parameters as text: dates in the locale ("3 mar 2025"), `month` as "diciembre 2025",
    fractions (floats) as whole percentages, counts with separators, missing values as a dash."""
    out = {}
    for key, value in (params or {}).items():
        if value is None:
            out[key] = MISSING
        elif isinstance(value, dt.date):
            out[key] = fmt_month(value, lang, long=True) if key == "month" else fmt_date(value, lang)
        elif isinstance(value, bool):
            out[key] = str(value)
        elif isinstance(value, float):
            out[key] = fmt_percent(value, lang, decimals=0)
        elif isinstance(value, int):
            out[key] = fmt_number(value, lang)
        else:
            out[key] = str(value)
    return out


def evidence_text(check: Status, lang: str = "es") -> str:
    evidence = check.get("evidence") or {}
    return t(f"phva.ev_{evidence.get('message')}", lang, **format_params(evidence.get("params"), lang))


def reasons_text(item: Status, lang: str = "es") -> str:
    params = format_params(item.get("params"), lang)
    return ", ".join(t(f"phva.reason_{reason}", lang, **params) for reason in item.get("reasons") or [])


def where(path: str, lang: str = "es") -> str:
    """The name of the page a link leads to: "/acciones" → "Acciones", "/objetivo/OBJ-03" → "Objetivo OBJ-03"."""
    parts = [p for p in (path or "/").split("/") if p]
    if not parts:
        return t("phva.where_board", lang)
    return t(f"phva.where_{parts[0]}", lang, code=parts[1] if len(parts) > 1 else "")


def met_mark(met: bool, lang: str = "es") -> html.Span:
    """Cumple / Falta as icon + word, in the check's colour."""
    word = t("phva.met" if met else "phva.missing", lang)
    return html.Span([icon(MET_ICONS[bool(met)], "mios-phva-mark__icon"), html.Span(word)],
                     className=f"mios-phva-mark mios-phva-mark--{'met' if met else 'missing'}")


def _gap_entry(item: Status, lang: str) -> html.Li:
    """Code (linked when it has a page) beside what is missing, with the item's name under it."""
    ref, href = item.get("ref"), item.get("href")
    ref_node = (dcc.Link(ref, href=localized_href(href, lang)) if href and page_exists(href) else ref) if ref else None
    parts = [html.Span(reasons_text(item, lang), className="mios-phva-gap__reason")]
    if item.get("label"):
        parts.append(html.Span(item["label"], className="mios-phva-gap__label", title=item["label"]))
    detail = html.Span(parts, className="mios-phva-gap__detail")
    if ref_node is None:  # a gap of the whole check ("no management review held"): the sentence alone
        return html.Li(detail, className="mios-phva-gap__item mios-phva-gap__item--plain")
    return html.Li([html.Span(ref_node, className="mios-phva-gap__ref"), detail], className="mios-phva-gap__item")


def gap_list(check: Status, lang: str = "es") -> html.Ul | None:
    """The first items missing, and how many more there are."""
    items = list(check.get("gap") or [])
    if not items:
        return None
    entries = [_gap_entry(item, lang) for item in items]
    more = int(check.get("gap_total") or len(items)) - len(items)
    if more > 0:
        entries.append(html.Li(t("phva.gap_more", lang, count=more), className="mios-phva-gap__more"))
    return html.Ul(entries, className="mios-phva-gap")


def fix_link(check: Status, lang: str = "es") -> dcc.Link | None:
    """Where the check is fixed ("Resolver en Acciones") or, when met, where its records live ("Ver en …");
    None while that page does not exist yet (a link to it would land on the not-found page)."""
    path, _, query = (check.get("fix_href") or "/").partition("?")  # a section of the page: "?seccion=foda"
    if not page_exists(path):
        return None
    key = "phva.view" if check.get("met") else "phva.fix"
    return dcc.Link([html.Span(t(key, lang, page=where(path, lang))), icon("bi-arrow-right-short")],
                    href=localized_href(path, lang, dict(parse_qsl(query))), className="mios-phva-fix")


def percent_text(score: float | None, status: object, lang: str = "es", size: str = "lg") -> html.Span:
    """A share of checks met as a whole percentage ("67%") in the status colour (thirds need no decimals)."""
    return html.Span(fmt_percent(score, lang, decimals=0),
                     className=f"mios-score mios-score--{normalize_status(status)} mios-score--{size}")


def clause_chips(clauses, lang: str = "es") -> html.Span:
    return html.Span([html.Span(str(c), className="mios-phva-clause") for c in clauses or []],
                     className="mios-phva-clauses", title=t("phva.clause_title", lang))


def check_item(check: Status, lang: str = "es") -> html.Li:
    """One check: met or missing, its title and ISO clauses, its evidence, its gap and the way to fix it."""
    met = bool(check.get("met"))
    return html.Li(
        [
            html.Div([met_mark(met, lang),
                      html.Span(t(f"phva.check_{check.get('key')}", lang), className="mios-phva-check__title"),
                      clause_chips(check.get("clauses"), lang)],
                     className="mios-phva-check__head"),
            # A met check's link trails its evidence; a missing one's stands under its gap, where the eye ends.
            html.P([evidence_text(check, lang), " ", fix_link(check, lang)] if met else evidence_text(check, lang),
                   className="mios-phva-check__evidence"),
            gap_list(check, lang),
            None if met else fix_link(check, lang),
        ],
        className=f"mios-phva-check mios-phva-check--{'met' if met else 'missing'}",
        **attrs(data_check=check.get("key") or "", data_met="true" if met else "false"),
    )


def stage_card(stage: Status, lang: str = "es") -> html.Section:
    """A stage: its letter, name, ISO clauses with their names, share of checks met, and the checks."""
    key, status = stage.get("key") or "", normalize_status(stage.get("status"))
    clauses = [html.Li([html.Span(str(n), className="mios-phva-clause"), html.Span(t(f"iso.clause_{n}", lang))])
               for n in stage.get("clauses") or []]
    return html.Section(
        [
            html.Header(
                [
                    html.Span(t(f"phva.letter_{key}", lang), className="mios-phva-stage__letter",
                              **attrs(aria_hidden="true")),
                    html.H2(t(f"phva.stage_{key}", lang), className="mios-phva-stage__name"),
                    html.Div([percent_text(stage.get("score"), status, lang),
                              html.Span([icon(STATUS_ICONS[status]),
                                         html.Span(t("phva.stage_count", lang, met=stage.get("met", 0),
                                                     total=stage.get("total", 0)))],
                                        className=f"mios-phva-count mios-phva-count--{status}")],
                             className="mios-phva-stage__result"),
                    html.Ul(clauses, className="mios-phva-stage__clauses"),
                ],
                className="mios-phva-stage__head",
            ),
            html.Ol([check_item(c, lang) for c in stage.get("checks") or []], className="mios-phva-checks"),
        ],
        className=f"mios-phva-stage mios-phva-stage--{status}",
        **attrs(data_stage=key, aria_label=t(f"phva.stage_{key}", lang)),
    )


def phva_header(status: Status, lang: str = "es") -> html.Header:
    """Title and date, the share of checks met, and slide 19's frame: inputs → cycle → results."""
    return html.Header(
        [
            html.Div([html.H1([t("phva.title", lang), html.Small(t("phva.subtitle", lang), className="mios-phva__subtitle")],
                              className="mios-phva__title"),
                      html.P([icon("bi-calendar3"), html.Span(t("phva.as_of", lang, date=fmt_date(status.get("today"), lang)))],
                             className="mios-phva__date")],
                     className="mios-phva__heading"),
            html.Div([html.Span(t("phva.overall", lang), className="mios-label"),
                      html.Div([percent_text(status.get("score"), status.get("status"), lang, size="xl"),
                                html.Span(t("phva.checks_met", lang, met=status.get("met", 0),
                                            total=status.get("total", 0)), className="mios-phva__met")],
                               className="mios-phva__result")],
                     className="mios-phva__score"),
            html.Dl([html.Dt(t("phva.inputs", lang)), html.Dd(t("phva.inputs_text", lang)),
                     html.Dt(t("phva.outputs", lang)), html.Dd(t("phva.outputs_text", lang))],
                    className="mios-phva__frame"),
        ],
        id=Ids.HEADER,
        className="mios-phva__head",
    )


def phva_view(status: Status, lang: str = "es") -> list:
    """The header and the four stage cards side by side, in cycle order."""
    return [
        phva_header(status, lang),
        html.Div([stage_card(s, lang) for s in status.get("stages") or []], id=Ids.STAGES,
                 className="mios-phva__stages", **attrs(aria_label=t("phva.stages", lang))),
    ]


def phva_strip(status: Status, lang: str = "es") -> dcc.Link:
    """The board's compact PHVA strip: four segments P H V A with share met and status, linking to /phva.

    `status` is `phva_status(...)`'s dict (only `stages` is read). Each segment shows letter, status icon and
    percentage, so it reads in black and white; its tooltip names the stage and the count of checks met.
    """
    segments, spoken = [], []
    for stage in status.get("stages") or []:
        key, state = stage.get("key") or "", normalize_status(stage.get("status"))
        name, percent = t(f"phva.stage_{key}", lang), fmt_percent(stage.get("score"), lang, decimals=0)
        count = t("phva.stage_count", lang, met=stage.get("met", 0), total=stage.get("total", 0))
        spoken.append(f"{name} {percent}")
        segments.append(html.Span(
            [html.Span(t(f"phva.letter_{key}", lang), className="mios-phva-strip__letter"),
             icon(STATUS_ICONS[state], "mios-phva-strip__icon"),
             html.Span(percent, className="mios-phva-strip__pct")],
            className=f"mios-phva-strip__seg mios-phva-strip__seg--{state}",
            title=f"{name}: {count}",
            **attrs(data_stage=key),
        ))
    label = t("phva.strip_label", lang)
    # dcc.Link takes no aria-label: screen readers get a hidden sentence, the visual segments are hidden from them.
    return dcc.Link(
        [html.Span(f"{label}: " + ", ".join(spoken), className="visually-hidden"),
         html.Span([html.Span(label, className="mios-phva-strip__label"),
                    html.Span(segments, className="mios-phva-strip__segs")],
                   className="mios-phva-strip__body", **attrs(aria_hidden="true"))],
        id=Ids.STRIP,
        href=localized_href(PHVA_PATH, lang),
        className="mios-phva-strip",
        title=t("phva.strip_title", lang),
    )
