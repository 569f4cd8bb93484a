"""How leadership acts on the board: actions, meetings with their minutes, and management reviews (9.3)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mios_dashboard.models.base import Base, Timestamped, Versioned, one_of
from mios_dashboard.models.enums import (
    ACTION_KINDS,
    ACTION_ORIGINS,
    ACTION_STATUSES,
    MEETING_KINDS,
    PDCA_STAGES,
    REVIEW_STATUSES,
)


class Meeting(Versioned, Timestamped, Base):
    """A junta de operación, junta de ventas or management-review session, with its minutes (slides 31, 51)."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    held_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    title: Mapped[str] = mapped_column(String(200))
    chaired_by: Mapped[str | None] = mapped_column(String(120))
    attendees: Mapped[list] = mapped_column(default=list)  # names
    agenda: Mapped[list] = mapped_column(default=list)  # items: {"kind", "ref", "text"}
    minutes: Mapped[str] = mapped_column(Text, default="")
    board_period: Mapped[dt.date | None] = mapped_column(Date)
    board_snapshot: Mapped[dict | None] = mapped_column()  # the board as it was shown

    decisions: Mapped[list[Action]] = relationship(back_populates="meeting", order_by="Action.code")

    __table_args__ = (one_of("kind", MEETING_KINDS),)


class ManagementReview(Versioned, Timestamped, Base):
    """A management review (9.3): the inputs of 9.3.2 and the outputs of 9.3.3, kept as evidence."""

    __tablename__ = "management_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    held_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    # 9.3.2 inputs
    previous_actions_status: Mapped[str] = mapped_column(Text, default="")
    context_changes: Mapped[str] = mapped_column(Text, default="")
    customer_satisfaction: Mapped[str] = mapped_column(Text, default="")
    objectives_achievement: Mapped[str] = mapped_column(Text, default="")
    process_performance: Mapped[str] = mapped_column(Text, default="")
    nonconformities: Mapped[str] = mapped_column(Text, default="")
    monitoring_results: Mapped[str] = mapped_column(Text, default="")
    audit_results: Mapped[str] = mapped_column(Text, default="")
    provider_performance: Mapped[str] = mapped_column(Text, default="")
    resources_adequacy: Mapped[str] = mapped_column(Text, default="")
    risk_actions_effectiveness: Mapped[str] = mapped_column(Text, default="")
    improvement_inputs: Mapped[str] = mapped_column(Text, default="")
    # 9.3.3 outputs
    improvement_outputs: Mapped[str] = mapped_column(Text, default="")
    qms_changes: Mapped[str] = mapped_column(Text, default="")
    resource_needs: Mapped[str] = mapped_column(Text, default="")
    next_review_due: Mapped[dt.date | None] = mapped_column(Date)
    board_period: Mapped[dt.date | None] = mapped_column(Date)
    board_snapshot: Mapped[dict | None] = mapped_column()

    meeting: Mapped[Meeting | None] = relationship()

    __table_args__ = (
        one_of("status", REVIEW_STATUSES),
        UniqueConstraint("period_start", "period_end"),
        CheckConstraint("period_start <= period_end", name="period_ordered"),
        CheckConstraint("status <> 'closed' OR held_on IS NOT NULL", name="closed_was_held"),
    )


class Action(Versioned, Timestamped, Base):
    """A corrective, preventive or improvement action, risk treatment or meeting decision, tracked to verification."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    origin: Mapped[str] = mapped_column(String(20))
    owner: Mapped[str] = mapped_column(String(120))
    opened_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(15), default="open", index=True)
    pdca_stage: Mapped[str] = mapped_column(String(5), default="act")
    verified_on: Mapped[dt.date | None] = mapped_column(Date)
    verified_by: Mapped[str | None] = mapped_column(String(120))
    verification_notes: Mapped[str | None] = mapped_column(Text)
    objective_id: Mapped[int | None] = mapped_column(ForeignKey("objective.id", ondelete="SET NULL"), index=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="SET NULL"), index=True)
    risk_id: Mapped[int | None] = mapped_column(ForeignKey("risk.id", ondelete="SET NULL"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"), index=True)
    review_id: Mapped[int | None] = mapped_column(
        ForeignKey("management_review.id", ondelete="SET NULL"), index=True
    )

    meeting: Mapped[Meeting | None] = relationship(back_populates="decisions")
    objective = relationship("Objective")
    indicator = relationship("Indicator")
    risk = relationship("Risk")
    review = relationship("ManagementReview")

    __table_args__ = (
        one_of("kind", ACTION_KINDS),
        one_of("origin", ACTION_ORIGINS),
        one_of("status", ACTION_STATUSES),
        one_of("pdca_stage", PDCA_STAGES),
        CheckConstraint("due_on IS NULL OR due_on >= opened_on", name="due_after_opened"),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="closed_after_opened"),
        CheckConstraint(
            "status NOT IN ('closed', 'effective', 'not_effective') OR closed_on IS NOT NULL", name="closed_has_date"
        ),
        CheckConstraint(
            "status NOT IN ('effective', 'not_effective') OR verified_on IS NOT NULL", name="verified_has_date"
        ),
    )
