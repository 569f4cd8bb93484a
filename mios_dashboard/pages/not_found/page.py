"""What an unknown address shows: the address, a sentence in the reader's language and the pages there are."""
from __future__ import annotations

from dash import html

from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.shell import nav_links
from mios_dashboard.components.states import page_state
from mios_dashboard.i18n import normalize_lang, t


def layout(lang: str | None = None, **_query: object) -> html.Div:
    lang = normalize_lang(lang)
    return html.Div(
        page_state(
            "bi-signpost-split",
            t("notfound.title", lang),
            html.P(t("notfound.body", lang)),
            html.Nav(html.Ul([html.Li(link) for link in nav_links(lang)], className="mios-notfound__links"),
                     **attrs(aria_label=t("notfound.pages", lang))),
            element_id="mios-not-found",
        ),
        className="mios-notfound", lang=lang,
    )
