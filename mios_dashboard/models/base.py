"""Declarative base with a constraint naming convention, so Alembic migrations name constraints the same everywhere."""
from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import JSON, CheckConstraint, DateTime, MetaData, Table, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[type, type[JSON]]] = {dict: JSON, list: JSON}
    # Every model maps a Table (declarative types __table__ as any FromClause): SQLAlchemy's advice for typing.
    __table__: ClassVar[Table]


class Timestamped:
    """Creation and last-change times, set by the database so every writer agrees."""

    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


def one_of(column: str, values: tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """A CHECK that `column` holds one of `values` (enumerations are stored as English codes)."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name or column)
