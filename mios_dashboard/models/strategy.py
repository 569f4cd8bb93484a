"""Strategy: perspectives, processes with their SIPOC, and quality objectives with their 6.2.2 plans."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mios_dashboard.models.base import Base, Timestamped, Versioned, one_of
from mios_dashboard.models.enums import PROCESS_TYPES, SIPOC_KINDS


class Perspective(Versioned, Timestamped, Base):
    """A balanced-scorecard perspective (Financiera, Clientes, Procesos internos, Aprendizaje y crecimiento)."""

    __tablename__ = "perspective"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    weight: Mapped[float] = mapped_column(Float, default=1.0)

    objectives: Mapped[list[Objective]] = relationship(back_populates="perspective", order_by="Objective.code")

    __table_args__ = (CheckConstraint("weight > 0", name="weight_positive"),)


class Process(Versioned, Timestamped, Base):
    """A process of the QMS (4.4) with its owner and SIPOC (slide 26)."""

    __tablename__ = "process"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[str] = mapped_column(String(20))
    owner: Mapped[str | None] = mapped_column(String(120))
    purpose: Mapped[str] = mapped_column(Text, default="")

    sipoc: Mapped[list[SipocItem]] = relationship(
        back_populates="process", cascade="all, delete-orphan", order_by="SipocItem.sort_order"
    )

    __table_args__ = (one_of("type", PROCESS_TYPES),)


class SipocItem(Base):
    """One line of a process's SIPOC: a source of inputs, input, activity, output, receiver or control point."""

    __tablename__ = "sipoc_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(String(300))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    process: Mapped[Process] = relationship(back_populates="sipoc")

    __table_args__ = (one_of("kind", SIPOC_KINDS), UniqueConstraint("process_id", "kind", "text"))


class Objective(Versioned, Timestamped, Base):
    """A quality objective (6.2) and its plan: what, resources, who, when, how results are evaluated (6.2.2 a–e)."""

    __tablename__ = "objective"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    perspective_id: Mapped[int] = mapped_column(ForeignKey("perspective.id", ondelete="RESTRICT"), index=True)
    process_id: Mapped[int | None] = mapped_column(ForeignKey("process.id", ondelete="SET NULL"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("objective.id", ondelete="SET NULL"), index=True)
    policy_commitment: Mapped[str | None] = mapped_column(Text)  # how it is consistent with the policy (6.2.1 a)
    plan_what: Mapped[str | None] = mapped_column(Text)
    plan_resources: Mapped[str | None] = mapped_column(Text)
    plan_owner: Mapped[str | None] = mapped_column(String(120))
    plan_due: Mapped[dt.date | None] = mapped_column(Date)
    plan_evaluation: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    active: Mapped[bool] = mapped_column(default=True)

    perspective: Mapped[Perspective] = relationship(back_populates="objectives")
    process: Mapped[Process | None] = relationship()
    parent: Mapped[Objective | None] = relationship(remote_side=[id])

    __table_args__ = (
        CheckConstraint("weight > 0", name="weight_positive"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
    )


class ObjectiveLink(Base):
    """A cause→effect arrow of the strategy map between two objectives."""

    __tablename__ = "objective_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    cause_id: Mapped[int] = mapped_column(ForeignKey("objective.id", ondelete="CASCADE"), index=True)
    effect_id: Mapped[int] = mapped_column(ForeignKey("objective.id", ondelete="CASCADE"), index=True)
    note: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (
        UniqueConstraint("cause_id", "effect_id"),
        CheckConstraint("cause_id <> effect_id", name="distinct_ends"),
    )
