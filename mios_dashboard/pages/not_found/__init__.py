"""The page for an address no page serves (page.py): `init_app(app)` registers it under the module name Dash's
router falls back to, so an unknown address reads in the user's language with a way back — never Dash's
English "404 - Page not found"."""
from __future__ import annotations

import dash

from mios_dashboard.components.shell import NOT_FOUND_MODULE, document_title
from mios_dashboard.pages.not_found import page

__all__ = ["init_app"]


def init_app(app: dash.Dash) -> None:
    """Register the page (Dash shows it for every address no other page matches)."""
    dash.register_page(f"{__name__}.{NOT_FOUND_MODULE}", path="/pagina-no-encontrada", name="not_found",
                       title=document_title("notfound.document_title"), order=999, layout=page.layout)
