"""Who the organization is: values, vision, mission, scope, policy, communication and roles (slides 6–10, 20–21, 30, 35–49)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mios_dashboard.models.base import Base, Timestamped, Versioned, one_of
from mios_dashboard.models.enums import COMMUNICATION_SCOPES

DEFAULT_TIME_ZONE = "America/Mexico_City"


class Organization(Versioned, Timestamped, Base):
    """The single organization a database describes."""

    __tablename__ = "organization"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    legal_name: Mapped[str | None] = mapped_column(String(200))
    industry: Mapped[str | None] = mapped_column(String(200))
    vision: Mapped[str] = mapped_column(Text, default="")
    mission: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(Text, default="")  # the QMS scope statement (4.3)
    products_services: Mapped[str] = mapped_column(Text, default="")
    management_review_interval_months: Mapped[int] = mapped_column(Integer, default=6)
    # IANA name: meetings, "today", due and overdue dates are judged in it; timestamps are stored in UTC.
    time_zone: Mapped[str] = mapped_column(String(64), default=DEFAULT_TIME_ZONE, server_default=DEFAULT_TIME_ZONE)

    values: Mapped[list[OrganizationValue]] = relationship(
        back_populates="organization", cascade="all, delete-orphan", order_by="OrganizationValue.sort_order"
    )
    exclusions: Mapped[list[ScopeExclusion]] = relationship(
        back_populates="organization", cascade="all, delete-orphan", order_by="ScopeExclusion.clause"
    )

    __table_args__ = (
        CheckConstraint("management_review_interval_months BETWEEN 1 AND 24", name="review_interval"),
    )


class OrganizationValue(Base):
    """A fundamental value with its motto (slide 6: Responsabilidad — "Respondo por mis actos")."""

    __tablename__ = "organization_value"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    motto: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    organization: Mapped[Organization] = relationship(back_populates="values")

    __table_args__ = (UniqueConstraint("organization_id", "name"),)


class ScopeExclusion(Base):
    """A requirement of the standard declared not applicable, with its justification (4.3)."""

    __tablename__ = "scope_exclusion"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    clause: Mapped[str] = mapped_column(String(20))
    requirement: Mapped[str] = mapped_column(String(300))
    justification: Mapped[str] = mapped_column(Text)

    organization: Mapped[Organization] = relationship(back_populates="exclusions")

    __table_args__ = (UniqueConstraint("organization_id", "clause"),)


class QualityPolicy(Versioned, Timestamped, Base):
    """A version of the quality policy; exactly one may be in force, old versions are kept (7.5.3)."""

    __tablename__ = "quality_policy"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    statement: Mapped[str] = mapped_column(Text)
    approved_by: Mapped[str | None] = mapped_column(String(120))
    approved_on: Mapped[dt.date | None] = mapped_column(Date)
    in_force: Mapped[bool] = mapped_column(Boolean, default=False)
    communicated_to: Mapped[str | None] = mapped_column(Text)
    communicated_on: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint("NOT in_force OR approved_on IS NOT NULL", name="in_force_needs_approval"),
        Index(
            "uq_quality_policy_in_force", "in_force", unique=True,
            sqlite_where=text("in_force"), postgresql_where=text("in_force"),
        ),
    )


class CommunicationItem(Versioned, Timestamped, Base):
    """A row of the communication matrix (slide 30): what, when, to whom, how, who."""

    __tablename__ = "communication_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(20), default="internal")
    what: Mapped[str] = mapped_column(String(300))
    timing: Mapped[str] = mapped_column(String(120))  # "when" in slide 30
    to_whom: Mapped[str] = mapped_column(String(300))
    how: Mapped[str] = mapped_column(String(200))
    who: Mapped[str] = mapped_column(String(120))

    __table_args__ = (one_of("scope", COMMUNICATION_SCOPES),)


class Role(Versioned, Timestamped, Base):
    """A role with its responsibilities and authorities (5.3), competence (7.2) and awareness (7.3)."""

    __tablename__ = "role"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    person: Mapped[str | None] = mapped_column(String(120))
    responsibilities: Mapped[str] = mapped_column(Text, default="")
    authorities: Mapped[str] = mapped_column(Text, default="")
    competence_required: Mapped[str] = mapped_column(Text, default="")
    competence_evidence: Mapped[str | None] = mapped_column(Text)
    awareness_on: Mapped[dt.date | None] = mapped_column(Date)  # last awareness session (policy, objectives)
    is_management_representative: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index(
            "uq_role_management_representative", "is_management_representative", unique=True,
            sqlite_where=text("is_management_representative"),
            postgresql_where=text("is_management_representative"),
        ),
    )
