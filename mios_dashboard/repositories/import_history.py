"""Reads for the import history (control of records, slide 51): newest first, one page at a time."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mios_dashboard.models import ImportBatch


def count_batches(session: Session) -> int:
    """How many files were ever offered, accepted or refused."""
    return int(session.scalar(select(func.count()).select_from(ImportBatch)) or 0)


def batches_page(session: Session, offset: int, limit: int) -> list[ImportBatch]:
    """`limit` batches from `offset`, newest first (the id breaks ties between batches of the same second)."""
    statement = (
        select(ImportBatch)
        .order_by(ImportBatch.imported_at.desc(), ImportBatch.id.desc())
        .offset(max(0, offset))
        .limit(max(1, limit))
    )
    return list(session.scalars(statement))
