"""The PHVA page `/phva` (page.py): `init_app(app)` registers it on `app` (it has no callbacks)."""
from __future__ import annotations

import dash

from mios_dashboard.components.phva import Ids
from mios_dashboard.components.shell import document_title
from mios_dashboard.pages.phva import page
from mios_dashboard.pages.phva.page import layout

__all__ = ["Ids", "init_app", "layout"]


def init_app(app: dash.Dash) -> None:
    """Register the page (path `/phva`)."""
    dash.register_page(page.__name__, path="/phva", name="phva", title=document_title("phva.document_title"),
                       order=40, layout=page.layout)
