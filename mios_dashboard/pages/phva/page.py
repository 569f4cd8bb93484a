"""`/phva` — the PHVA (PDCA) cycle of slides 18–19: which evidence each stage has, and which is missing.

Four stages side by side (Planificar, Hacer, Verificar, Actuar) with their ISO 9001 clauses; every check of
analytics/phva.py met or missing, with its evidence or gap and a link to where it is fixed. URL parameter: `lang`.
"""
from __future__ import annotations

import datetime as dt

from dash import html

from mios_dashboard.components.phva import Ids, phva_view
from mios_dashboard.components.states import DEMO_COMMAND, IMPORT_COMMAND, command_block
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import normalize_lang, t
from mios_dashboard.pages.frame import PageFrame
from mios_dashboard.services.phva import phva_status
from mios_dashboard.web.runtime import read_session

FRAME = PageFrame(Ids.PAGE, "mios-phva", "phva.load_error_title", "phva.load_error_body")


def today() -> dt.date:
    """The day the evidence is judged on (a function, so tests can pin it)."""
    return dt.date.today()


def empty_state(lang: str) -> html.Section:
    """Nothing recorded yet: say how to start instead of listing thirteen gaps."""
    return html.Section(
        [
            icon("bi-arrow-repeat", "mios-empty__icon"),
            html.H2(t("phva.empty_title", lang)),
            html.P(t("phva.empty_body", lang)),
            command_block(DEMO_COMMAND),
            html.P(t("phva.empty_import", lang)),
            command_block(f"{IMPORT_COMMAND} {t('board.file_placeholder', lang)}"),
        ],
        id=Ids.EMPTY,
        className="mios-empty",
    )


@FRAME.guard("compute the PHVA status")
def layout(lang: str | None = None, **_query) -> html.Div:
    """The cycle as of today in `lang`; unknown query parameters are ignored."""
    lang = normalize_lang(lang)
    with read_session() as session:
        status = phva_status(session, today())
    return FRAME.render(lang, [empty_state(lang)] if status["empty"] else phva_view(status, lang))
