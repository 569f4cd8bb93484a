"""The application shell: navbar (product name, page links, ES | EN switch) around `dash.page_container`.

The language lives in the URL query (`?lang=en`, Spanish when absent) so a link pasted in a chat opens the
board in the language it was read in. Switching language is a client-side navigation to the same page
with `lang` changed: Dash pages re-run the page's `layout(lang=…)` and the callback below re-renders the
navbar; other query parameters (e.g. `period`) are kept.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from urllib.parse import parse_qsl, urlencode

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html
from dash.development.base_component import Component
from dash.exceptions import MissingCallbackContextException

from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import DEFAULT_LANG, SUPPORTED, normalize_lang, t


class Ids(StrEnum):
    """Ids of the shell's own components (location, navbar, language switch); the values are stable."""

    URL = "mios-url"
    NAVBAR = "mios-navbar"
    NAVBAR_COLLAPSE = "mios-navbar-collapse"
    NAVBAR_TOGGLER = "mios-navbar-toggler"
    LANG_SWITCH = "mios-lang-switch"
    LANG_ES = "mios-lang-es"
    LANG_EN = "mios-lang-en"
    DOCUMENT_LANG_SINK = "mios-document-lang-sink"


# (path, catalogue key, icon) of the navbar's pages; a line whose page is not registered is not drawn.
NAV_PAGES: tuple[tuple[str, str, str], ...] = (
    ("/", "nav.board", "bi-speedometer2"),
    ("/evaluacion", "nav.evaluation", "bi-grid-3x3"),
    ("/phva", "nav.phva", "bi-arrow-repeat"),
    ("/importar", "nav.import", "bi-upload"),
    ("/contexto", "nav.context", "bi-building"),
    ("/riesgos", "nav.risks", "bi-exclamation-triangle"),
    ("/admin", "nav.admin", "bi-gear"),
)


NOT_FOUND_MODULE = "not_found_404"  # the module name Dash's router looks for when no page matches


def page_exists(path: str | None) -> bool:
    """True when `path` (query ignored) is served by a registered page — the rule for drawing a link at all:
    a page a later release builds gets its links once it exists, never a link to the not-found page."""
    bare = (path or "/").split("?", 1)[0].split("#", 1)[0] or "/"
    for module, page in dash.page_registry.items():
        if module.split(".")[-1] == NOT_FOUND_MODULE:
            continue
        template = page.get("path_template")
        if template:
            pattern = re.sub(r"<[^/>]+>", "[^/]+", re.escape(template))
            if re.fullmatch(pattern, bare):
                return True
        elif page.get("path") == bare:
            return True
    return False


def query_params(search: str | None) -> dict[str, str]:
    """`?lang=en&period=2025-12` → {"lang": "en", "period": "2025-12"} (first value of a repeated key)."""
    params: dict[str, str] = {}
    for key, value in parse_qsl((search or "").lstrip("?"), keep_blank_values=True):
        params.setdefault(key, value)
    return params


def request_lang() -> str:
    """The language of the URL the current callback serves; the default outside a callback."""
    try:
        inputs = dash.ctx.inputs or {}
    except (MissingCallbackContextException, LookupError):  # outside a callback (e.g. the page's meta tags)
        inputs = {}
    search = next((value for key, value in inputs.items() if key.endswith(".search")), "")
    return lang_from_search(search)


def document_title(key: str):
    """A `title=` for `dash.register_page`: the tab title in the URL's language. Dash hands page titles
    only the path variables (e.g. `code`), so the language comes from the routing callback's inputs."""
    def title(**path_variables) -> str:
        return t(key, request_lang(), **{name: value or "" for name, value in path_variables.items()})

    return title


def lang_from_search(search: str | None) -> str:
    """The page language from a URL query string; Spanish by default."""
    return normalize_lang(query_params(search).get("lang"))


def localized_href(path: str, lang: str, params: Mapping[str, str | None] | None = None) -> str:
    """A link to `path` that keeps the reader's language: `localized_href("/", "en")` → "/?lang=en";
    other query `params` are kept (empty ones dropped). Spanish, the default, adds no `lang` parameter
    so the plain URL stays the canonical one."""
    query = {key: value for key, value in (params or {}).items() if value not in (None, "") and key != "lang"}
    lang = normalize_lang(lang)
    if lang != DEFAULT_LANG:
        query = {"lang": lang, **query}
    return f"{path}?{urlencode(query)}" if query else path


def _language_switch(pathname: str, search: str | None, lang: str) -> html.Div:
    params = query_params(search)
    options: list[Component] = []
    for code in SUPPORTED:
        element_id = Ids.LANG_ES if code == "es" else Ids.LANG_EN
        label, name = t(f"nav.lang_{code}", lang), t(f"nav.lang_{code}_name", lang)
        if code == lang:
            # The current language is a state, not a destination: marked, not linked.
            options.append(html.Span(label, id=element_id, title=name, lang=code,
                                     className="mios-lang__option mios-lang__option--active",
                                     **attrs(aria_current="true")))
        else:
            options.append(dcc.Link(label, id=element_id, title=name,
                                    href=localized_href(pathname, code, params),
                                    className="mios-lang__option"))
    return html.Div(
        [icon("bi-translate", "mios-lang__icon"), *options],
        id=Ids.LANG_SWITCH,
        className="mios-lang",
        role="group",
        **attrs(aria_label=t("nav.language", lang)),
    )


def nav_links(lang: str, carried: Mapping[str, str | None] | None = None,
              current: str | None = None) -> list[dcc.Link]:
    """A link to each navbar page that exists, in `lang`, keeping the `carried` query; `current` is marked."""
    return [
        dcc.Link(
            [icon(icon_name), html.Span(t(key, lang), className="mios-nav__label")],
            href=localized_href(path, lang, carried),
            title=t(key, lang),  # the name stays on hover when a narrow screen shows the icon alone
            className="nav-link mios-nav__link" + (" active" if current == path else ""),
        )
        for path, key, icon_name in NAV_PAGES
        if page_exists(path)
    ]


def navbar(pathname: str | None = "/", search: str | None = "") -> html.Nav:
    """The top bar in the language of the URL, with the current page marked active."""
    pathname = pathname or "/"
    lang = lang_from_search(search)
    # The month being discussed travels with the reader from page to page; filters stay with their page.
    carried = {"period": query_params(search).get("period")}
    links = [dbc.NavItem(link) for link in nav_links(lang, carried, pathname)]
    # A plain <nav> with Bootstrap's classes: dbc.Navbar would add `bg-primary` (!important) or an inline style.
    return html.Nav(
        dbc.Container(
            [
                dcc.Link(
                    [html.Span(t("app.name", lang), className="mios-brand__name"),
                     html.Span(t("app.title", lang), className="mios-brand__title")],
                    href=localized_href("/", lang),
                    className="navbar-brand mios-brand",
                ),
                dbc.Nav(links, className="me-auto mios-nav", navbar=True),
                _language_switch(pathname, search, lang),
            ],
            fluid=True,
            className="mios-navbar__inner",
        ),
        className="navbar navbar-expand mios-navbar",
        **attrs(data_bs_theme="dark", aria_label=t("nav.main", lang)),
    )


def layout() -> html.Div:
    """The app layout: location, navbar, the current page. Install it with `init_app(app)`, which also
    registers the callbacks that keep the navbar in the URL's language."""
    return html.Div(
        [
            dcc.Location(id=Ids.URL, refresh=False),
            html.Span(id=Ids.DOCUMENT_LANG_SINK, hidden=True),
            html.Header(navbar(), id=Ids.NAVBAR, className="mios-header"),
            html.Main(dash.page_container, className="mios-main"),
        ],
        className="mios-app",
    )


def _render_navbar(pathname: str | None, search: str | None) -> html.Nav:
    """Re-render the navbar whenever the path or the language in the URL changes."""
    return navbar(pathname, search)


# <html lang> follows the URL, so screen readers and the browser's spell checker use the right language.
_SET_DOCUMENT_LANG = """
function (search) {
    var lang = new URLSearchParams(search || "").get("lang") || "";
    document.documentElement.lang = lang.toLowerCase().indexOf("en") === 0 ? "en" : "es";
    return window.dash_clientside.no_update;
}
"""


def init_app(app: dash.Dash) -> dash.Dash:
    """Install the shell on `app`: its layout and its callbacks (navbar language, <html lang>).

    Registered on the app, not with `@dash.callback`: Dash hands module-level callbacks to the first
    app only, and tests (or a second process-level app) would get a navbar that never changes language.
    """
    app.layout = layout
    app.callback(
        Output(Ids.NAVBAR, "children"),
        Input(Ids.URL, "pathname"),
        Input(Ids.URL, "search"),
    )(_render_navbar)
    app.clientside_callback(
        _SET_DOCUMENT_LANG,
        Output(Ids.DOCUMENT_LANG_SINK, "title"),
        Input(Ids.URL, "search"),
    )
    return app
