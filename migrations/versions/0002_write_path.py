"""The write path: a row version on every editable record, the organization's time zone, residual risk ratings,
and the four balanced-scorecard perspectives seeded so an empty database is a working scorecard.

Revision ID: 0002_write_path
Revises: 0001_initial
Create Date: 2026-12-07 19:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_write_path"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED = (
    "organization", "quality_policy", "communication_item", "role", "context_issue", "interested_party", "risk",
    "meeting", "management_review", "action", "perspective", "process", "objective", "indicator", "measurement",
    "app_user",
)
# docs/architecture.md#domain-model: codes FIN, CLI, PRO, APR, weight 1, in this order.
PERSPECTIVES = (
    ("FIN", "Financiera", 1), ("CLI", "Clientes", 2), ("PRO", "Procesos internos", 3),
    ("APR", "Aprendizaje y crecimiento", 4),
)


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("row_version", sa.Integer(), server_default="1", nullable=False))
    with op.batch_alter_table("organization") as batch:
        batch.add_column(sa.Column("time_zone", sa.String(length=64), server_default="America/Mexico_City",
                                   nullable=False))
    with op.batch_alter_table("risk") as batch:
        batch.add_column(sa.Column("residual_likelihood", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("residual_impact", sa.Integer(), nullable=True))
        batch.create_check_constraint(
            op.f("ck_risk_residual_likelihood_range"), "residual_likelihood IS NULL OR residual_likelihood BETWEEN 1 AND 5")
        batch.create_check_constraint(
            op.f("ck_risk_residual_impact_range"), "residual_impact IS NULL OR residual_impact BETWEEN 1 AND 5")
    perspective = sa.table(
        "perspective", sa.column("code", sa.String), sa.column("name", sa.String), sa.column("description", sa.Text),
        sa.column("sort_order", sa.Integer), sa.column("weight", sa.Float),
    )
    connection = op.get_bind()
    if not connection.execute(sa.select(sa.func.count()).select_from(perspective)).scalar():
        op.bulk_insert(perspective, [
            {"code": code, "name": name, "description": "", "sort_order": order, "weight": 1.0}
            for code, name, order in PERSPECTIVES
        ])


def downgrade() -> None:
    with op.batch_alter_table("risk") as batch:
        batch.drop_constraint(op.f("ck_risk_residual_impact_range"), type_="check")
        batch.drop_constraint(op.f("ck_risk_residual_likelihood_range"), type_="check")
        batch.drop_column("residual_impact")
        batch.drop_column("residual_likelihood")
    with op.batch_alter_table("organization") as batch:
        batch.drop_column("time_zone")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("row_version")
