"""The risk register's closing: a risk that no longer applies is closed (on a day, with why), not deleted, once
actions were taken on it — its treatment actions stay as evidence (ISO 7.5.3, 9.3.2 e).

The taxonomy itself needs no column: its leaf codes fit `risk.category` (String(40)) and its CHECK.

Revision ID: 0003_risk_taxonomy
Revises: 0002_write_path
Create Date: 2026-12-07 23:40:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_risk_taxonomy"
down_revision: str | None = "0002_write_path"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("risk") as batch:
        batch.add_column(sa.Column("closed_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("closure_note", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("risk") as batch:
        batch.drop_column("closure_note")
        batch.drop_column("closed_on")
