"""Indicators, their per-period targets, their measurements and the import batches that brought them."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mios_dashboard.models.base import Base, Timestamped, Versioned, one_of
from mios_dashboard.models.enums import AGGREGATIONS, DIRECTIONS, FREQUENCIES, IMPORT_STATUSES, MEASUREMENT_SOURCES


class Indicator(Versioned, Timestamped, Base):
    """A KPI: how it is measured, which way is better, its target and thresholds (docs/formulas.md#achievement)."""

    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(30), default="")
    direction: Mapped[str] = mapped_column(String(10), default="higher")
    frequency: Mapped[str] = mapped_column(String(10), default="monthly")
    aggregation: Mapped[str] = mapped_column(String(10), default="sum")
    target: Mapped[float | None] = mapped_column(Double)
    target_min: Mapped[float | None] = mapped_column(Double)
    target_max: Mapped[float | None] = mapped_column(Double)
    green_threshold: Mapped[float] = mapped_column(Double, default=1.0)
    yellow_threshold: Mapped[float] = mapped_column(Double, default=0.9)
    baseline: Mapped[float | None] = mapped_column(Double)
    owner: Mapped[str | None] = mapped_column(String(120))
    data_source: Mapped[str | None] = mapped_column(String(200))
    group: Mapped[str | None] = mapped_column(String(60), index=True)  # slide 13's strategic evaluation group
    weight: Mapped[float] = mapped_column(Double, default=1.0)
    decimals: Mapped[int] = mapped_column(Integer, default=1)
    # Optional XmR baseline window, for after a deliberate change to the process (docs/formulas.md#xmr).
    xmr_baseline_start: Mapped[dt.date | None] = mapped_column(Date)
    xmr_baseline_end: Mapped[dt.date | None] = mapped_column(Date)
    objective_id: Mapped[int | None] = mapped_column(ForeignKey("objective.id", ondelete="SET NULL"), index=True)
    perspective_id: Mapped[int | None] = mapped_column(ForeignKey("perspective.id", ondelete="SET NULL"), index=True)
    process_id: Mapped[int | None] = mapped_column(ForeignKey("process.id", ondelete="SET NULL"), index=True)
    active: Mapped[bool] = mapped_column(default=True)

    objective = relationship("Objective")
    perspective = relationship("Perspective")
    process = relationship("Process")

    __table_args__ = (
        one_of("direction", DIRECTIONS),
        one_of("frequency", FREQUENCIES),
        one_of("aggregation", AGGREGATIONS),
        CheckConstraint("yellow_threshold >= 0 AND yellow_threshold <= green_threshold", name="thresholds_ordered"),
        CheckConstraint(
            "direction <> 'range' OR (target_min IS NOT NULL AND target_max IS NOT NULL)", name="range_has_bounds"
        ),
        CheckConstraint("target_min IS NULL OR target_max IS NULL OR target_min < target_max", name="range_ordered"),
        CheckConstraint("weight > 0", name="weight_positive"),
        CheckConstraint("decimals BETWEEN 0 AND 6", name="decimals_range"),
        CheckConstraint(
            "xmr_baseline_start IS NULL OR xmr_baseline_end IS NULL OR xmr_baseline_start <= xmr_baseline_end",
            name="xmr_baseline_ordered",
        ),
    )


class Target(Base):
    """A per-period target override (e.g. a seasonal sales budget); absent periods use the indicator's."""

    __tablename__ = "target"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"))
    period: Mapped[dt.date] = mapped_column(Date)
    target: Mapped[float | None] = mapped_column(Double)
    target_min: Mapped[float | None] = mapped_column(Double)
    target_max: Mapped[float | None] = mapped_column(Double)

    __table_args__ = (
        UniqueConstraint("indicator_id", "period"),
        CheckConstraint("target IS NOT NULL OR (target_min IS NOT NULL AND target_max IS NOT NULL)", name="has_value"),
        CheckConstraint("target_min IS NULL OR target_max IS NULL OR target_min < target_max", name="range_ordered"),
    )


class ImportBatch(Base):
    """One file offered to the importer, accepted or refused; kept forever (control of records, slide 51)."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    imported_by: Mapped[str] = mapped_column(String(120))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    status: Mapped[str] = mapped_column(String(10))
    sheets: Mapped[list] = mapped_column(default=list)
    rows_inserted: Mapped[int] = mapped_column(Integer, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    indicators_created: Mapped[int] = mapped_column(Integer, default=0)
    indicators_updated: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list] = mapped_column(default=list)

    __table_args__ = (
        one_of("status", IMPORT_STATUSES),
        CheckConstraint("size_bytes >= 0", name="size_non_negative"),
        CheckConstraint(
            "rows_inserted >= 0 AND rows_updated >= 0 AND rows_unchanged >= 0", name="counts_non_negative"
        ),
    )


class Measurement(Versioned, Base):
    """The value of an indicator for one period (the period's first day), with where it came from."""

    __tablename__ = "measurement"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="RESTRICT"))
    period: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Double)
    comment: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(10), default="manual")
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="RESTRICT"), index=True
    )
    entered_by: Mapped[str] = mapped_column(String(120), default="sistema")
    entered_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    indicator = relationship("Indicator")

    __table_args__ = (
        UniqueConstraint("indicator_id", "period"),
        one_of("source", MEASUREMENT_SOURCES),
        CheckConstraint("source <> 'import' OR import_batch_id IS NOT NULL", name="import_has_batch"),
    )
