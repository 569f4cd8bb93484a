"""Users, the audit trail (7.5.3) and the data version that page caches key on."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, DateTime, Index, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from mios_dashboard.models.base import Base, Timestamped, Versioned, one_of
from mios_dashboard.models.enums import AUDIT_OPERATIONS, USER_ROLES


class User(Versioned, Timestamped, Base):
    """A person who signs in or is named as the actor of changes."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="viewer")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (one_of("role", USER_ROLES),)


class AuditEvent(Base):
    """Who changed what and when, old → new; written by the session hook in `audit.py`, never by hand."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    actor: Mapped[str] = mapped_column(String(120))
    operation: Mapped[str] = mapped_column(String(10))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(String(300), default="")
    changes: Mapped[dict] = mapped_column(default=dict)  # {field: [old, new]}

    __table_args__ = (
        one_of("operation", AUDIT_OPERATIONS),
        Index("ix_audit_event_entity_entity_id", "entity", "entity_id"),
        Index("ix_audit_event_at", "at"),
    )


class AppState(Base):
    """Small key/value facts about the database, such as the data version every write bumps."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
