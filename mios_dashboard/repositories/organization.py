"""The organization a database describes (one per database) and what the other capabilities read of it."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mios_dashboard.models import Organization
from mios_dashboard.models.organization import DEFAULT_TIME_ZONE


def the_organization(session: Session) -> Organization | None:
    """The organization, or None on a database nobody has set up yet."""
    return session.scalar(select(Organization).order_by(Organization.id).limit(1))


def time_zone(session: Session) -> str:
    """The organization's IANA time zone, in which "today", due dates and meeting times are judged."""
    return session.scalar(select(Organization.time_zone).order_by(Organization.id).limit(1)) or DEFAULT_TIME_ZONE
