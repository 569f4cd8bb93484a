"""The body of each /contexto form, filled from the row it edits (None for a new record).

Each builder returns the fields in reading order; every label is the service's field label
(`context.<form>_field.<name>`), so a problem the service names reads the same as the field it sits under.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dash import html

from mios_dashboard.components.context.common import paragraphs
from mios_dashboard.components.context.fields import area_field, choice_field, switch_field, text_field
from mios_dashboard.components.context.policy import policy_reading
from mios_dashboard.i18n import t

Options = Sequence[tuple[object, str]]
Codes = Sequence[str]


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def organization_form(row, lang: str, zones: Options, default_zone: str) -> list:
    label = lambda name: t(f"context.org.field.{name}", lang)
    values = "\n".join(f"{v.name} | {v.motto}" if v.motto else v.name for v in row.values) if row else ""
    exclusions = "\n".join(f"{e.clause} | {e.requirement} | {e.justification}" for e in row.exclusions) if row else ""
    return [
        text_field("name", label("name"), row.name if row else "", lang, required=True),
        html.Div([text_field("legal_name", label("legal_name"), row.legal_name if row else "", lang),
                  text_field("industry", label("industry"), row.industry if row else "", lang)],
                 className="mios-context-form-pair"),
        area_field("values", label("values"), values, lang, rows=4, hint=t("context.org.values_hint", lang)),
        area_field("vision", label("vision"), row.vision if row else "", lang, rows=3),
        area_field("mission", label("mission"), row.mission if row else "", lang, rows=3),
        area_field("scope", label("scope"), row.scope if row else "", lang, rows=3),
        area_field("products_services", label("products_services"), row.products_services if row else "", lang,
                   rows=3),
        area_field("exclusions", label("exclusions"), exclusions, lang, rows=3,
                   hint=t("context.org.exclusions_hint", lang)),
        html.Div([
            text_field("management_review_interval_months", label("management_review_interval_months"),
                       row.management_review_interval_months if row else 6, lang, required=True, kind="number"),
            choice_field("time_zone", label("time_zone"), row.time_zone if row else default_zone, zones, lang,
                         searchable=True),
        ], className="mios-context-form-pair"),
    ]


def policy_form(kind: str, row, lang: str, today: dt.date) -> list:
    label = lambda name: t(f"context.policy.field.{name}", lang)
    if kind == "policy_read" and row is not None:
        return [policy_reading(row, lang)]
    if kind in ("policy_draft", "policy_edit"):
        return [area_field("statement", label("statement"), row.statement if row else "", lang, required=True,
                           rows=10)]
    assert row is not None
    reading = html.Div(paragraphs(row.statement, "mios-context-statement mios-context-statement--small"))
    if kind == "policy_approve":
        return [reading, text_field("approved_by", label("approved_by"), row.approved_by or "", lang, required=True),
                text_field("approved_on", label("approved_on"), _iso(row.approved_on or today), lang, required=True,
                           kind="date", hint=t("context.policy.approve_hint", lang))]
    return [reading,
            area_field("communicated_to", label("communicated_to"), row.communicated_to or "", lang, required=True,
                       rows=2, hint=t("context.policy.communicated_hint", lang)),
            text_field("communicated_on", label("communicated_on"), _iso(row.communicated_on or today), lang,
                       required=True, kind="date")]


def issue_form(row, lang: str, quadrants: Codes, scopes: Codes) -> list:
    label = lambda name: t(f"context.issue.field.{name}", lang)
    return [
        html.Div([
            choice_field("swot", label("swot"), row.swot if row else None,
                         [(q, t(f"context.swot.{q}", lang)) for q in quadrants], lang),
            choice_field("scope", label("scope"), row.scope if row else None,
                         [(s, t(f"context.scope.{s}", lang)) for s in scopes], lang, required=False,
                         hint=t("context.issue.scope_hint", lang)),
        ], className="mios-context-form-pair"),
        area_field("description", label("description"), row.description if row else "", lang, required=True, rows=2),
        area_field("effect", label("effect"), row.effect if row else "", lang, rows=2),
        area_field("monitoring", label("monitoring"), row.monitoring if row else "", lang, rows=2),
        text_field("last_reviewed_on", label("last_reviewed_on"), _iso(row.last_reviewed_on if row else None), lang,
                   kind="date"),
    ]


def party_form(row, lang: str, types: Codes, indicators: Options) -> list:
    label = lambda name: t(f"context.party.field.{name}", lang)
    requirements = "\n".join(
        r.description if r.kind in ("customer", "other") else f"{t(f'context.requirement.{r.kind}', lang)}: "
        f"{r.description}" for r in row.requirements) if row else ""
    return [
        html.Div([
            choice_field("type", label("type"), row.type if row else None,
                         [(p, t(f"context.party_type.{p}", lang)) for p in types], lang),
            text_field("name", label("name"), row.name if row else "", lang, required=True),
        ], className="mios-context-form-pair"),
        area_field("requirements", label("requirements"), requirements, lang, rows=4,
                   hint=t("context.party.requirements_hint", lang)),
        area_field("monitoring", label("monitoring"), row.monitoring if row else "", lang, rows=2),
        html.Div([
            choice_field("satisfaction_indicator", label("satisfaction_indicator"),
                         row.indicator_id if row else None, indicators, lang, required=False, searchable=True),
            text_field("last_reviewed_on", label("last_reviewed_on"), _iso(row.last_reviewed_on if row else None),
                       lang, kind="date"),
        ], className="mios-context-form-pair"),
    ]


def communication_form(row, lang: str, scopes: Codes) -> list:
    label = lambda name: t(f"context.comm.field.{name}", lang)
    value = lambda name: getattr(row, name) if row else ""
    return [
        text_field("what", label("what"), value("what"), lang, required=True),
        html.Div([text_field("timing", label("timing"), value("timing"), lang, required=True),
                  text_field("to_whom", label("to_whom"), value("to_whom"), lang, required=True)],
                 className="mios-context-form-pair"),
        html.Div([text_field("how", label("how"), value("how"), lang, required=True),
                  text_field("who", label("who"), value("who"), lang, required=True)],
                 className="mios-context-form-pair"),
        choice_field("scope", label("scope"), row.scope if row else "internal",
                     [(s, t(f"context.scope.{s}", lang)) for s in scopes], lang),
    ]


def role_form(row, lang: str) -> list:
    label = lambda name: t(f"context.role.field.{name}", lang)
    value = lambda name: (getattr(row, name) or "") if row else ""
    return [
        html.Div([text_field("name", label("name"), value("name"), lang, required=True),
                  text_field("person", label("person"), value("person"), lang)], className="mios-context-form-pair"),
        area_field("responsibilities", label("responsibilities"), value("responsibilities"), lang, rows=3),
        area_field("authorities", label("authorities"), value("authorities"), lang, rows=3),
        area_field("competence_required", label("competence_required"), value("competence_required"), lang, rows=2),
        area_field("competence_evidence", label("competence_evidence"), value("competence_evidence"), lang, rows=2),
        text_field("awareness_on", label("awareness_on"), _iso(row.awareness_on if row else None), lang, kind="date"),
        switch_field("is_management_representative", label("is_management_representative"),
                     bool(row and row.is_management_representative), lang, hint=t("context.role.representative_hint",
                                                                                  lang)),
    ]


def confirm_body(key: str, text: str, lang: str) -> list:
    """What a delete or a review asks before it is done."""
    return [html.P(t(key, lang)), html.Blockquote(text, className="mios-context-quote")]

