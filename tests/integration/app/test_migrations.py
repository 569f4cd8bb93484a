"""The Alembic revisions and the models describe the same schema, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from mios_dashboard.models import Base
from mios_dashboard.schema import alembic_config, current_revision, head_revision, is_up_to_date, upgrade_to_head


def test_upgrade_creates_every_table_and_matches_the_models(engine):
    assert is_up_to_date(engine)
    assert set(inspect(engine).get_table_names()) >= set(Base.metadata.tables)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_is_idempotent_and_downgrade_empties(engine, database_url):
    upgrade_to_head(engine)  # second run: nothing to do
    assert current_revision(engine) == head_revision()
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}


@pytest.mark.parametrize(
    ("statement", "constraint"),
    [
        (
            "INSERT INTO indicator (code, name, description, unit, direction, frequency, aggregation, green_threshold, "
            "yellow_threshold, weight, decimals, active, created_at, updated_at) VALUES ('A-1', 'a', '', '', 'sideways', "
            "'monthly', 'sum', 1, 0.9, 1, 1, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
            "direction",
        ),
        (
            "INSERT INTO indicator (code, name, description, unit, direction, frequency, aggregation, green_threshold, "
            "yellow_threshold, weight, decimals, active, created_at, updated_at) VALUES ('A-2', 'a', '', '', 'range', "
            "'monthly', 'sum', 1, 0.9, 1, 1, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
            "range_has_bounds",
        ),
        (
            "INSERT INTO risk (code, kind, title, description, category, likelihood, impact, treatment, effectiveness, "
            "created_at, updated_at) VALUES ('R-1', 'risk', 't', '', 'organization.financial.liquidity', 6, 3, '', "
            "'pending', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
            "likelihood_range",
        ),
        (
            "INSERT INTO context_issue (scope, swot, description, effect, monitoring, created_at, updated_at) VALUES "
            "('external', 'strength', 'x', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
            "swot_matches_scope",
        ),
    ],
)
def test_database_refuses_rows_that_break_the_domain_rules(engine, statement, constraint):
    with pytest.raises(IntegrityError, match=constraint), engine.begin() as connection:
        connection.execute(text(statement))
