"""The policy section (slides 35–41): the version in force, prominent, with who approved it and when and to
whom it was communicated; a status badge per version; the history of every version, each one readable."""
from __future__ import annotations

from dash import html

from mios_dashboard.components.context.common import badge, day, empty_section, open_button, paragraphs, section_head
from mios_dashboard.i18n import MISSING, t

TONES = {"draft": "draft", "approved": "warn", "in_force": "ok", "superseded": "muted"}


def status_badge(row, lang: str):
    return badge(t(f"context.policy.status.{row.status}", lang), TONES[row.status])


def _actions(row, lang: str, at: str = "main") -> list:
    small = at != "main"
    if row.status == "draft":
        return [open_button("policy_edit", "context.policy.edit", lang, row.id, icon_name="bi-pencil", primary=False,
                            small=small, at=at),
                open_button("policy_approve", "context.policy.approve", lang, row.id, icon_name="bi-check2-circle",
                            primary=not small, small=small, at=at)]
    if row.status in ("approved", "in_force"):
        return [open_button("policy_communicate", "context.policy.communicate", lang, row.id,
                            icon_name="bi-megaphone", primary=row.status == "approved" and not small, small=small,
                            at=at)]
    return []


def _facts(row, lang: str) -> html.Dl:
    facts = [
        (t("context.policy.field.approved_by", lang), row.approved_by or MISSING),
        (t("context.policy.field.approved_on", lang), day(row.approved_on, lang)),
        (t("context.policy.field.communicated_to", lang), row.communicated_to or MISSING),
        (t("context.policy.field.communicated_on", lang), day(row.communicated_on, lang)),
    ]
    return html.Dl([part for label, value in facts for part in (html.Dt(label), html.Dd(value))],
                   className="mios-context-facts mios-context-facts--wide")


def policy_view(rows: list, lang: str) -> html.Div:
    """`rows`: every PolicyRow, newest first."""
    if not rows:
        return html.Div(empty_section("bi-patch-check", "context.policy.empty", lang, "policy_draft",
                                      "context.policy.draft"))
    current = next((row for row in rows if row.in_force), None)
    drafts = [row for row in rows if row.status == "draft"]
    focus = current or drafts[0]
    head = section_head("context.policy.title", lang,
                        *([] if drafts else [open_button("policy_draft", "context.policy.draft", lang)]))
    featured = html.Article([
        html.Div([html.H3(t("context.policy.version", lang, version=focus.version)), status_badge(focus, lang)],
                 className="mios-context-policy-title"),
        *([] if current else [html.P(t("context.policy.none_in_force", lang), className="mios-context-warning")]),
        paragraphs(focus.statement, "mios-context-statement"),
        _facts(focus, lang),
        html.Div(_actions(focus, lang), className="mios-context-actions"),
    ], className="mios-context-policy" + (" mios-context-policy--in-force" if current else ""))
    history = html.Table([
        html.Thead(html.Tr([html.Th(t(f"context.policy.col.{name}", lang), scope="col")
                            for name in ("version", "status", "approved", "communicated", "actions")])),
        html.Tbody([html.Tr([
            html.Td(t("context.policy.version", lang, version=row.version), className="mios-context-nowrap"),
            html.Td(status_badge(row, lang)),
            html.Td(f"{day(row.approved_on, lang)} · {row.approved_by}" if row.approved_by else MISSING),
            html.Td(day(row.communicated_on, lang)),
            html.Td(html.Div([open_button("policy_read", "context.policy.read", lang, row.id, icon_name="bi-eye",
                                          primary=False, small=True, at="history"),
                              *_actions(row, lang, "history")], className="mios-context-actions")),
        ]) for row in rows]),
    ], className="table mios-context-table")
    # A draft prepared while another version is in force: said under it, with the way to approve it.
    pending = [html.Div([html.Span(t("context.policy.pending", lang, version=drafts[0].version)),
                         *_actions(drafts[0], lang, "pending")], className="mios-context-pending")
               ] if current and drafts else []
    return html.Div([head, featured, *pending, html.H3(t("context.policy.history", lang), className="mios-context-subheading"),
                     html.Div(history, className="mios-context-scroll")])


def policy_reading(row, lang: str) -> html.Div:
    """One version to read (in the modal): badge, statement, approval and communication."""
    return html.Div([status_badge(row, lang), paragraphs(row.statement, "mios-context-statement"), _facts(row, lang)])
