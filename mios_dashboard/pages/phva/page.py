"""`/phva` — the PHVA (PDCA) cycle of slides 18–19: which evidence each stage has, and which is missing.

Four stages side by side (Planificar, Hacer, Verificar, Actuar) with their ISO 9001 clauses; every check of
analytics/phva.py met or missing, with its evidence or gap and a link to where it is fixed. URL parameter: `lang`.
"""
from __future__ import annotations

from dash import html

from mios_dashboard.components.phva import Ids, phva_view
from mios_dashboard.components.states import empty_state
from mios_dashboard.i18n import normalize_lang, t
from mios_dashboard.pages import clock
from mios_dashboard.pages.frame import PageFrame
from mios_dashboard.services.phva import phva_status
from mios_dashboard.web.runtime import read_session

FRAME = PageFrame(Ids.PAGE, "mios-phva", "phva.load_error_title", "phva.load_error_body")


@FRAME.guard("compute the PHVA status")
def layout(lang: str | None = None, **_query) -> html.Div:
    """The cycle as of today in `lang`; unknown query parameters are ignored."""
    lang = normalize_lang(lang)
    with read_session() as session:
        status = phva_status(session, clock.today())
    if not status["empty"]:
        return FRAME.render(lang, phva_view(status, lang))
    # Nothing recorded yet: how to start instead of listing thirteen gaps.
    start = empty_state("bi-arrow-repeat", t("phva.empty_title", lang), t("phva.empty_body", lang), lang, Ids.EMPTY,
                        import_note=t("phva.empty_import", lang), link=False)
    return FRAME.render(lang, [start])
