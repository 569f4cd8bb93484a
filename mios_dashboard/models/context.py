"""Context of the organization (4.1–4.2) and risk-based thinking (6.1): SWOT issues, interested parties, risks."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mios_dashboard.models.base import Base, Timestamped, Versioned, one_of
from mios_dashboard.models.enums import (
    CONTEXT_SCOPES,
    EFFECTIVENESS,
    PARTY_TYPES,
    REQUIREMENT_KINDS,
    RISK_CATEGORIES,
    RISK_KINDS,
    SWOT_QUADRANTS,
)


class ContextIssue(Versioned, Timestamped, Base):
    """An internal or external issue, placed in its SWOT quadrant, with how it is monitored (4.1)."""

    __tablename__ = "context_issue"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(10))
    swot: Mapped[str] = mapped_column(String(12))
    description: Mapped[str] = mapped_column(Text)
    effect: Mapped[str] = mapped_column(Text, default="")
    monitoring: Mapped[str] = mapped_column(Text, default="")
    last_reviewed_on: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        one_of("scope", CONTEXT_SCOPES),
        one_of("swot", SWOT_QUADRANTS),
        # Strengths and weaknesses are internal; opportunities and threats external (the SWOT grid itself).
        CheckConstraint(
            "(swot IN ('strength', 'weakness') AND scope = 'internal') "
            "OR (swot IN ('opportunity', 'threat') AND scope = 'external')",
            name="swot_matches_scope",
        ),
    )


class InterestedParty(Versioned, Timestamped, Base):
    """A relevant interested party (slide 11) and how its satisfaction is followed."""

    __tablename__ = "interested_party"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200), unique=True)
    monitoring: Mapped[str] = mapped_column(Text, default="")
    satisfaction_indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicator.id", ondelete="SET NULL"), index=True
    )
    last_reviewed_on: Mapped[dt.date | None] = mapped_column(Date)

    requirements: Mapped[list[PartyRequirement]] = relationship(
        back_populates="party", cascade="all, delete-orphan", order_by="PartyRequirement.id"
    )

    __table_args__ = (one_of("type", PARTY_TYPES),)


class PartyRequirement(Base):
    """A pertinent requirement of an interested party (customer, legal, regulatory…)."""

    __tablename__ = "party_requirement"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("interested_party.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="customer")
    description: Mapped[str] = mapped_column(Text)

    party: Mapped[InterestedParty] = relationship(back_populates="requirements")

    __table_args__ = (one_of("kind", REQUIREMENT_KINDS),)


class Risk(Versioned, Timestamped, Base):
    """A risk or opportunity in slide 16's taxonomy, scored likelihood × impact, with its treatment (6.1)."""

    __tablename__ = "risk"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default="risk")
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(40))
    likelihood: Mapped[int] = mapped_column(Integer)
    impact: Mapped[int] = mapped_column(Integer)
    # After the treatment: the rating the controls in place leave (None until the treatment is assessed).
    residual_likelihood: Mapped[int | None] = mapped_column(Integer)
    residual_impact: Mapped[int | None] = mapped_column(Integer)
    owner: Mapped[str | None] = mapped_column(String(120))
    treatment: Mapped[str] = mapped_column(Text, default="")
    objective_id: Mapped[int | None] = mapped_column(ForeignKey("objective.id", ondelete="SET NULL"), index=True)
    process_id: Mapped[int | None] = mapped_column(ForeignKey("process.id", ondelete="SET NULL"), index=True)
    assessed_on: Mapped[dt.date | None] = mapped_column(Date)
    review_on: Mapped[dt.date | None] = mapped_column(Date)
    effectiveness: Mapped[str] = mapped_column(String(15), default="pending")  # of the action taken (9.3.2 e)
    # Closed instead of deleted once actions were taken on it: the actions stay linked as evidence (docs/risks.md).
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closure_note: Mapped[str] = mapped_column(Text, default="", server_default="")

    objective = relationship("Objective")
    process = relationship("Process")

    __table_args__ = (
        one_of("kind", RISK_KINDS),
        one_of("category", RISK_CATEGORIES),
        one_of("effectiveness", EFFECTIVENESS),
        CheckConstraint("likelihood BETWEEN 1 AND 5", name="likelihood_range"),
        CheckConstraint("impact BETWEEN 1 AND 5", name="impact_range"),
        CheckConstraint("residual_likelihood IS NULL OR residual_likelihood BETWEEN 1 AND 5",
                        name="residual_likelihood_range"),
        CheckConstraint("residual_impact IS NULL OR residual_impact BETWEEN 1 AND 5", name="residual_impact_range"),
    )
