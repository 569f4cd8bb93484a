"""The communication section: the matrix of slide 30 — Qué, Cuándo, A quién, Cómo, Quién — internal
and external rows (ISO 7.4)."""
from __future__ import annotations

from dash import html

from mios_dashboard.components.context.common import (
    badge,
    empty_section,
    record_list,
    row_actions,
)
from mios_dashboard.i18n import t

COLUMNS = ("what", "timing", "to_whom", "how", "who")


def communication_view(rows: list, lang: str) -> html.Div:
    """`rows`: the CommunicationRows of the matrix."""
    if not rows:
        return html.Div(empty_section("bi-megaphone", "context.comm.empty", lang, "communication", "context.comm.add"))
    head = html.Thead(html.Tr([html.Th(t(f"context.comm.field.{name}", lang), scope="col") for name in COLUMNS]
                              + [html.Th(t("context.comm.field.scope", lang), scope="col"),
                                 html.Th(t("context.col.actions", lang), scope="col")]))
    body = html.Tbody([html.Tr([
        html.Td(html.Strong(row.what)), html.Td(row.timing), html.Td(row.to_whom), html.Td(row.how), html.Td(row.who),
        html.Td(badge(t(f"context.scope.{row.scope}", lang), "muted")),
        html.Td(row_actions("communication", row.id, lang)),
    ]) for row in rows])
    return record_list("communication", ("context.comm.title", "context.comm.intro", "context.comm.add"), lang,
                       head, body)
