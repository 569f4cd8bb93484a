"""Declarative base with a constraint naming convention, so Alembic migrations name constraints the same everywhere."""
from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import JSON, CheckConstraint, DateTime, Integer, MetaData, Table, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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


class Versioned:
    """A version number every save of the record bumps (SQLAlchemy's `version_id_col`).

    A form submits the version it loaded; the write path (services/edits.py) refuses a save over a newer one, and
    the UPDATE itself is guarded by `WHERE row_version = <loaded>`, so two saves racing cannot both win.
    """

    # Not `version`: a quality policy's `version` is the document's own number (1, 2, 3…), not its edit counter.
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


def one_of(column: str, values: tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """A CHECK that `column` holds one of `values` (enumerations are stored as English codes)."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name or column)
