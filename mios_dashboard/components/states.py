"""What a page says instead of its content — nothing yet (and what to do next), not found, could not be
read — and the notices above it. One shape for every page (icon, heading, what to do, the command to run
as copyable code), styled by `mios-empty*` and `mios-notice` in assets/mios.css."""
from __future__ import annotations

from dash import html

from mios_dashboard.components.status import icon
from mios_dashboard.i18n import t

DEMO_COMMAND = "python -m mios_dashboard demo"
INIT_DB_COMMAND = "python -m mios_dashboard init-db"
IMPORT_COMMAND = "python -m mios_dashboard import"


def command_block(text: str) -> html.Pre:
    return html.Pre(html.Code(text), className="mios-command")


def page_state(icon_name: str, title: str, *body, element_id: str | None = None, extra_class: str = "",
               alert: bool = False) -> html.Section:
    """A page's state in place of its content: an icon, a heading, then `body` (sentences, commands, links)."""
    return html.Section(
        [icon(icon_name, "mios-empty__icon"), html.H2(title), *body],
        className=" ".join(c for c in ("mios-empty", "mios-empty--error" if alert else "", extra_class) if c),
        **({"id": element_id} if element_id else {}), **({"role": "alert"} if alert else {}),
    )


def error_state(lang: str, title_key: str, message: str | None = None,
                body_key: str = "board.load_error_body") -> html.Section:
    """The page could not be shown: a refusal's own sentence (`message`, from errors.DomainError), or —
    for anything unexpected, whose details are in the log — the check and the command that fix most."""
    if message:
        return page_state("bi-exclamation-circle", t(title_key, lang), html.P(message), alert=True)
    return page_state("bi-database-exclamation", t(title_key, lang), html.P(t(body_key, lang)),
                      command_block(INIT_DB_COMMAND), alert=True)


def notice(text: str) -> html.P:
    """A line above the content: something in the URL or the data was ignored, and why."""
    return html.P([icon("bi-info-circle"), html.Span(text)], className="mios-notice", role="status")


def period_notice(value: object, lang: str) -> html.P:
    """The URL's `period` is not a month: say so (the page shows the latest month instead)."""
    return notice(t("board.period_invalid", lang, value=str(value)))
