"""Shared fixtures: a fresh database upgraded to head, on SQLite and — when MIOS_TEST_POSTGRES_URL is set — PostgreSQL."""
from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest
from sqlalchemy import text

from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.schema import upgrade_to_head

POSTGRES_URL = os.environ.get("MIOS_TEST_POSTGRES_URL", "").strip()
IN_CI = os.environ.get("CI", "").lower() == "true"
# A fixed "today" so that the demo organization, and every expectation on it, is the same on every run.
DEMO_TODAY = dt.date(2026, 1, 15)


def _postgres_schema(url: str, name: str, create: bool) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        if create:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty database's URL; the PostgreSQL case is skipped (visibly) without MIOS_TEST_POSTGRES_URL.

    Each PostgreSQL test gets a schema of its own (through search_path), so test runs never collide.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'mios-test.db'}"
        return
    if not POSTGRES_URL:
        if IN_CI:
            pytest.fail("CI=true but MIOS_TEST_POSTGRES_URL is not set: data-layer tests must run on PostgreSQL")
        pytest.skip("PostgreSQL tests need MIOS_TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1/test)")
    schema = f"mios_test_{uuid.uuid4().hex[:12]}"
    _postgres_schema(POSTGRES_URL, schema, create=True)
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    _postgres_schema(POSTGRES_URL, schema, create=False)


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine):
    return make_session_factory(engine)


@pytest.fixture
def demo_factory(session_factory, tmp_path):
    """A database holding the demo organization as of DEMO_TODAY (its workbooks in tmp_path/demo)."""
    from mios_dashboard.demo.loader import load_demo

    with session_scope(session_factory) as session:
        load_demo(session, today=DEMO_TODAY, folder=tmp_path / "demo")
    return session_factory


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'mios-app.db'}"


@pytest.fixture
def demo_app(sqlite_url):
    """The Dash app on a temporary SQLite database with the demo organization loaded (for browser tests)."""
    from mios_dashboard import create_app
    from mios_dashboard.config import Settings
    from mios_dashboard.demo.loader import load_demo

    engine = make_engine(sqlite_url)
    upgrade_to_head(engine)
    with session_scope(make_session_factory(engine)) as session:
        load_demo(session, today=DEMO_TODAY)
    engine.dispose()
    return create_app(Settings(database_url=sqlite_url))


@pytest.fixture
def empty_app(sqlite_url):
    """The Dash app on an empty, upgraded SQLite database."""
    from mios_dashboard import create_app
    from mios_dashboard.config import Settings

    engine = make_engine(sqlite_url)
    upgrade_to_head(engine)
    engine.dispose()
    return create_app(Settings(database_url=sqlite_url, load_demo_when_empty=False))


@pytest.fixture
def empty_settings(sqlite_url, tmp_path):
    """The settings of a new company's app: an empty, upgraded SQLite database (MIOS_LOAD_DEMO=0), its data
    folder (uploads, background jobs) in tmp_path, changes made as ana.torres."""
    from mios_dashboard.config import Settings

    engine = make_engine(sqlite_url)
    upgrade_to_head(engine)
    engine.dispose()
    return Settings(database_url=sqlite_url, data_dir=tmp_path / "data", actor="ana.torres",
                    load_demo_when_empty=False)


@pytest.fixture
def empty_upload_app(empty_settings):
    """The Dash app on `empty_settings`: a new company that uploads its setup workbook."""
    from mios_dashboard import create_app

    return create_app(empty_settings)
