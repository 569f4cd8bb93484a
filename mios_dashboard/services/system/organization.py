"""Who the organization is (slides 6–10, 20–21): one organization per database, saved from one form.

The first save on an empty database creates the organization; any other save edits it, with the version
the form loaded. Its values (each with its motto) and its scope exclusions (clause, requirement,
justification) are edited as lists and replaced as a whole, so the audit trail holds the old rows deleted
and the new rows inserted in the same transaction as the organization's own change.
"""
from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mios_dashboard.errors import Conflict
from mios_dashboard.models import Organization
from mios_dashboard.models.organization import DEFAULT_TIME_ZONE, OrganizationValue, ScopeExclusion
from mios_dashboard.repositories.organization import time_zone
from mios_dashboard.services.edits import Actor, Fields, apply, for_update, touch

LABELS = "context.org.field"
SEPARATOR = "|"  # "Responsabilidad | Respondo por mis actos" — one value per line in the form


@functools.cache
def time_zones() -> tuple[str, ...]:
    """Every IANA zone name this machine knows (the form's list), sorted; the default first is not needed."""
    return tuple(sorted(zone for zone in zoneinfo.available_timezones() if "/" in zone or zone == "UTC"))


def local_today(session: Session) -> dt.date:
    """Today in the organization's time zone (the day a review or an approval is dated)."""
    return dt.datetime.now(zoneinfo.ZoneInfo(time_zone(session))).date()


def _parts(item: object, names: Sequence[str]) -> dict[str, str]:
    """One list item as {name: text}: a mapping from a client, or a "a | b | c" line from a text area."""
    if isinstance(item, Mapping):
        return {name: str(item.get(name) or "").strip() for name in names}
    pieces = [piece.strip() for piece in str(item or "").split(SEPARATOR, len(names) - 1)]
    pieces += [""] * (len(names) - len(pieces))
    return dict(zip(names, pieces, strict=True))


def _items(values: Mapping[str, Any], name: str) -> list[object]:
    raw = values.get(name)
    if isinstance(raw, str):
        return [line for line in raw.splitlines() if line.strip()]
    return [item for item in (raw or []) if item]


def read_values(fields: Fields, values: Mapping[str, Any]) -> list[dict[str, str]]:
    """The values with their mottos: a name each (≤ 100), a motto (≤ 200), no name twice."""
    found = [_parts(item, ("name", "motto")) for item in _items(values, "values")]
    names = [item["name"].casefold() for item in found]
    if any(not item["name"] for item in found):
        fields.add("values", "context.problem.value_name")
    elif any(len(item["name"]) > 100 or len(item["motto"]) > 200 for item in found):
        fields.add("values", "form.too_long", limit=200)
    elif len(set(names)) != len(names):
        fields.add("values", "context.problem.repeated")
    return found


def read_exclusions(fields: Fields, values: Mapping[str, Any]) -> list[dict[str, str]]:
    """The non-applicable requirements: clause, requirement and justification each, no clause twice."""
    found = [_parts(item, ("clause", "requirement", "justification")) for item in _items(values, "exclusions")]
    clauses = [item["clause"] for item in found]
    if any(not all(item.values()) for item in found):
        fields.add("exclusions", "context.problem.exclusion_parts")
    elif any(len(item["clause"]) > 20 or len(item["requirement"]) > 300 for item in found):
        fields.add("exclusions", "form.too_long", limit=300)
    elif len(set(clauses)) != len(clauses):
        fields.add("exclusions", "context.problem.repeated")
    return found


def save_organization(session: Session, actor: Actor, values: Mapping[str, Any]) -> Organization:
    """Create the organization (no `id`, empty database) or update it (its `id` and the loaded `row_version`).

    A second organization is refused (`Conflict`): one database describes one organization.
    """
    fields = Fields(values, labels=LABELS)
    name = fields.text("name", required=True, max_length=200)
    legal_name = fields.optional_text("legal_name", max_length=200)
    industry = fields.optional_text("industry", max_length=200)
    vision = fields.text("vision")
    mission = fields.text("mission")
    scope = fields.text("scope")
    products = fields.text("products_services")
    interval = fields.whole("management_review_interval_months", required=True, minimum=1, maximum=24)
    zone = fields.choice("time_zone", time_zones())
    found_values = read_values(fields, values)
    found_exclusions = read_exclusions(fields, values)
    fields.check()
    record_id = values.get("id")
    if record_id in (None, ""):
        if session.scalar(select(func.count()).select_from(Organization)):
            raise Conflict("context.problem.second_organization")
        record = Organization(time_zone=DEFAULT_TIME_ZONE)
        session.add(record)
    else:
        record = for_update(session, Organization, record_id, values.get("row_version"), time_zone=time_zone(session))
    apply(record, {
        "name": name, "legal_name": legal_name, "industry": industry, "vision": vision, "mission": mission,
        "scope": scope, "products_services": products, "management_review_interval_months": interval,
        "time_zone": zone,
    })
    _replace_lists(session, record, found_values, found_exclusions)
    session.flush()
    return record


def _replace_lists(session: Session, record: Organization, found_values: list[dict[str, str]],
                   found_exclusions: list[dict[str, str]]) -> None:
    """Replace values and exclusions when they changed (old rows deleted first: a name may be kept)."""
    old_values = [{"name": v.name, "motto": v.motto} for v in record.values]
    old_exclusions = [{"clause": e.clause, "requirement": e.requirement, "justification": e.justification}
                      for e in record.exclusions]
    changed_values, changed_exclusions = old_values != found_values, old_exclusions != found_exclusions
    if not (changed_values or changed_exclusions):
        return
    # Deleted one by one (not only dropped from the list) so the audit trail keeps each old row.
    for old in [*(record.values if changed_values else []), *(record.exclusions if changed_exclusions else [])]:
        session.delete(old)
    session.flush()
    if changed_values:
        session.expire(record, ["values"])
    if changed_exclusions:
        session.expire(record, ["exclusions"])
    if changed_values:
        record.values.extend(OrganizationValue(name=item["name"], motto=item["motto"], sort_order=order)
                             for order, item in enumerate(found_values))
    if changed_exclusions:
        record.exclusions.extend(ScopeExclusion(**item) for item in found_exclusions)
    touch(record)
