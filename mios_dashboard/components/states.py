"""What a page says instead of its content — nothing yet (and what to do next), not found, could not be
read — and the notices above it. One shape for every page (icon, heading, what to do, the command to run
as copyable code), styled by `mios-empty*` and `mios-notice` in assets/mios.css."""
from __future__ import annotations

from dash import dcc, html

from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.shell import localized_href
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import t, t_count

DEMO_COMMAND = "python -m mios_dashboard demo"
INIT_DB_COMMAND = "python -m mios_dashboard init-db"
IMPORT_COMMAND = "python -m mios_dashboard import"


def command_block(text: str) -> html.Pre:
    return html.Pre(html.Code(text), className="mios-command")


def import_command(lang: str) -> html.Pre:
    """`python -m mios_dashboard import ARCHIVO.xlsx`, the file named in the reader's language."""
    return command_block(f"{IMPORT_COMMAND} {t('board.file_placeholder', lang)}")


def import_link(lang: str) -> html.P:
    """The way to the upload page, for people who would rather not use the command line."""
    return html.P(dcc.Link(t("board.empty_import_page", lang), href=localized_href("/importar", lang)),
                  className="mios-empty__link")


def page_state(icon_name: str, title: str, *body, element_id: str | None = None, extra_class: str = "",
               alert: bool = False) -> html.Section:
    """A page's state in place of its content: an icon, a heading, then `body` (sentences, commands, links)."""
    return html.Section(
        [icon(icon_name, "mios-empty__icon"), html.H2(title), *body],
        className=" ".join(c for c in ("mios-empty", "mios-empty--error" if alert else "", extra_class) if c),
        **(attrs(id=element_id) if element_id else {}), **(attrs(role="alert") if alert else {}),
    )


def empty_state(icon_name: str, title: str, body: str, lang: str, element_id: str, *, import_note: str | None = None,
                link: bool = True) -> html.Section:
    """Nothing recorded yet: what to do next — load the demo, or import (`import_note` before the command,
    then the way to the upload page unless `link` is off)."""
    return page_state(icon_name, title, html.P(body), command_block(DEMO_COMMAND),
                      *([html.P(import_note)] if import_note else []), import_command(lang),
                      *([import_link(lang)] if link else []), element_id=element_id)


def no_values_state(count: int, lang: str, element_id: str) -> html.Section:
    """`count` indicators defined but nothing measured yet: the next step is importing their values."""
    return page_state("bi-hourglass-split", t("board.no_values_title", lang),
                      html.P(t_count("board.no_values_body", count, lang)), import_command(lang), import_link(lang),
                      element_id=element_id)


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
