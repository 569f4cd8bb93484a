"""What every section of /contexto shares: the section tabs (links that keep the language), the buttons that
open a form, the "nothing recorded yet" state with the button to record it, and multi-line text."""
from __future__ import annotations

import datetime as dt
import functools

import dash_bootstrap_components as dbc
from babel.dates import get_timezone, get_timezone_location
from dash import dcc, html
from dash.development.base_component import Component

from mios_dashboard.components.context.ids import SECTIONS, Ids, open_id
from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.shell import localized_href
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import LOCALES, MISSING, fmt_date, t

SECTION_ICONS = {
    "organizacion": "bi-building", "politica": "bi-patch-check", "foda": "bi-grid-1x2", "partes": "bi-people",
    "comunicacion": "bi-megaphone", "roles": "bi-person-badge", "sipoc": "bi-diagram-3",
}


def section_tabs(current: str, lang: str) -> html.Nav:
    """One link per section (shareable URLs); the current one marked, not a link."""
    items: list[Component] = []
    for name in SECTIONS:
        label = [icon(SECTION_ICONS[name]), html.Span(t(f"context.section.{name}", lang))]
        if name == current:
            items.append(html.Span(label, className="mios-context-tab mios-context-tab--current",
                                   **attrs(aria_current="page")))
        else:
            items.append(dcc.Link(label, href=localized_href("/contexto", lang, {"seccion": name}),
                                  className="mios-context-tab"))
    return html.Nav(items, id=Ids.TABS, className="mios-context-tabs", **attrs(aria_label=t("context.tabs", lang)))


def open_button(form: str, label_key: str, lang: str, record_id: int | None = None, *, icon_name: str = "bi-plus-lg",
                primary: bool = True, small: bool = False, title: str | None = None, at: str = "main") -> html.Button:
    """A button that opens `form` in the modal (for `record_id`, or a new record)."""
    classes = ["btn", "btn-primary" if primary else "btn-outline-secondary", "btn-sm" if small else ""]
    return html.Button([icon(icon_name), html.Span(t(label_key, lang))], id=open_id(form, record_id, at), n_clicks=0,
                       type="button", className=" ".join(c for c in classes if c) + " mios-context-button",
                       title=title or t(label_key, lang))


def row_actions(form: str, record_id: int, lang: str, *, extra: list | None = None) -> html.Div:
    """Edit and delete (and any `extra` buttons) for one record."""
    return html.Div([
        *(extra or []),
        open_button(form, "form.edit", lang, record_id, icon_name="bi-pencil", primary=False, small=True),
        open_button(f"{form}_delete", "form.delete", lang, record_id, icon_name="bi-trash", primary=False, small=True),
    ], className="mios-context-actions")


def empty_section(icon_name: str, key: str, lang: str, form: str, button_key: str) -> html.Section:
    """Nothing recorded in this section yet: what to record first, and the button that does it."""
    return html.Section([
        icon(icon_name, "mios-empty__icon"),
        html.H2(t(f"{key}_title", lang)),
        html.P(t(f"{key}_body", lang)),
        open_button(form, button_key, lang),
    ], id=Ids.EMPTY, className="mios-empty mios-context-empty")


def section_head(title_key: str, lang: str, *actions, intro_key: str | None = None) -> html.Header:
    return html.Header([
        html.Div([html.H2(t(title_key, lang), className="mios-context-heading"),
                  *([html.P(t(intro_key, lang), className="mios-context-intro")] if intro_key else [])]),
        html.Div(list(actions), className="mios-context-head-actions"),
    ], className="mios-context-section-head")


def scroll_table(head: Component, body: Component) -> html.Div:
    """A table that scrolls sideways inside its card on a narrow screen instead of widening the page."""
    return html.Div(html.Table([head, body], className="table mios-context-table"), className="mios-context-scroll")


def record_list(form: str, keys: tuple[str, str, str], lang: str, head: Component, body: Component) -> html.Div:
    """A section listing its records: heading, intro and the button adding one (`form`) over the table;
    `keys` are the texts' keys: (title, intro, add button)."""
    title_key, intro_key, add_key = keys
    return html.Div([section_head(title_key, lang, open_button(form, add_key, lang), intro_key=intro_key),
                     scroll_table(head, body)])


def paragraphs(text: str | None, class_name: str = "mios-context-text") -> html.Div:
    """A stored text with its line breaks kept as paragraphs; the missing-value mark when empty."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return html.Div([html.P(line) for line in lines] or [html.P(MISSING)], className=class_name)


def day(value: dt.date | None, lang: str) -> str:
    return fmt_date(value, lang) if value else MISSING


@functools.cache
def zone_label(zone: str, lang: str) -> str:
    """"America/Mexico_City" as a director reads it: "hora de México (Ciudad de México)"; the name itself
    for a zone without a place (UTC)."""
    try:
        label = get_timezone_location(get_timezone(zone), locale=LOCALES.get(lang, "es"))
    except LookupError:
        return zone
    return zone if "(UTC)" in label or zone == "UTC" else label


def badge(text: str, tone: str) -> dbc.Badge:
    return dbc.Badge(text, className=f"mios-context-badge mios-context-badge--{tone}", color="light")
