"""Loading the demo: idempotent, a query per table, deterministic, re-anchored to a later month, never mixed in."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, select

from mios_dashboard.db import session_scope
from mios_dashboard.demo import workbooks
from mios_dashboard.demo.calendar import add_months
from mios_dashboard.demo.loader import DemoConflictError, demo_folder, load_demo
from mios_dashboard.models import AuditEvent, ImportBatch, Indicator, Measurement, Organization
from mios_dashboard.services.board.compute import build_board
from tests.integration.demo.helpers import (
    ANCHOR,
    STALE_CODE,
    TODAY,
    fresh_sqlite_factory,
    load,
    measurement_rows,
    table_counts,
    target_rows,
)


def test_loading_twice_changes_nothing(session_factory, tmp_path):
    first = load(session_factory, folder=tmp_path / "demo")
    assert first.inserted["measurement"] == first.counts["measurement"] > 1000
    assert list(first.batches) == list(workbooks.FILE_NAMES) and first.folder == tmp_path / "demo"
    files = {path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in (tmp_path / "demo").iterdir()}
    with session_scope(session_factory) as session:
        before = table_counts(session)
    second = load(session_factory, folder=tmp_path / "demo")
    assert not second.changed and second.counts == first.counts and second.batches == {}
    assert files == {path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in (tmp_path / "demo").iterdir()}
    with session_scope(session_factory) as session:
        assert table_counts(session) == before
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == before["audit_event"]


def test_loading_reads_each_table_once_not_each_row(engine, session_factory, tmp_path):
    statements = []
    event.listen(engine, "before_cursor_execute", lambda _c, _k, sql, *_: statements.append(sql.lstrip()[:6]))
    summary = load(session_factory, folder=tmp_path / "demo")
    assert sum(summary.counts.values()) > 2000
    # Existing keys are fetched once per table (about 40 queries), and each imported file costs a fixed number
    # (the importer's reference data, fingerprint and comparison: 8), however many rows it holds.
    assert statements.count("SELECT") < 50 + 8 * len(workbooks.FILE_NAMES)
    if engine.dialect.name == "postgresql":  # SQLite has no ordered RETURNING: the ORM inserts row by row there
        # Updates are one statement per row: each is checked against the row's version (models/base.py
        # Versioned). The loader updates the four seeded perspectives and the indicators whose decimals or
        # XmR window the definitions sheet does not carry yet.
        assert len([s for s in statements if s != "UPDATE"]) < 200
        assert statements.count("UPDATE") <= 4 + 40  # 24 indicators have such extras today


def test_two_fresh_databases_hold_identicalmeasurement_rows(session_factory, tmp_path):
    load(session_factory, folder=tmp_path / "demo")
    other = fresh_sqlite_factory(tmp_path / "other" / "other.db")
    load(other)
    assert measurement_rows(session_factory) == measurement_rows(other)
    # The workbooks depend only on the anchor month: the same bytes in both folders.
    for name in workbooks.FILE_NAMES:
        assert (tmp_path / "demo" / name).read_bytes() == (tmp_path / "other" / "demo" / name).read_bytes()


def test_the_folder_is_beside_an_sqlite_database(session_factory, tmp_path, monkeypatch):
    with session_scope(session_factory) as session:
        if session.get_bind().dialect.name == "sqlite":
            assert demo_folder(session) == tmp_path / "demo"
        else:
            monkeypatch.setenv("MIOS_DATA_DIR", str(tmp_path / "datos"))
            assert demo_folder(session) == tmp_path / "datos" / "demo"


def test_another_today_shifts_every_period(session_factory, tmp_path):
    load(session_factory, folder=tmp_path / "demo")
    later = fresh_sqlite_factory(tmp_path / "later" / "later.db")
    summary = load(later, today=dt.date(2026, 4, 10))
    assert summary.anchor == dt.date(2026, 3, 1)
    old, new = measurement_rows(session_factory), measurement_rows(later)
    shift = {code: [] for code in ("VEN-01", "CAL-01")}
    for rows, key in ((old, 0), (new, 1)):
        for code, period, value, *_ in rows:
            if code in shift:
                shift[code].append((key, period, value))
    newest = {key: max(p for k, p, _ in shift["VEN-01"] if k == key) for key in (0, 1)}
    assert newest == {0: ANCHOR, 1: dt.date(2026, 3, 1)}
    # A story without seasonality gives the same values at the same offset from the anchor.
    scrap = [[v for k, _, v in shift["CAL-01"] if k == key] for key in (0, 1)]
    assert scrap[0] == scrap[1]


def test_reloading_for_a_later_month_keeps_the_stale_indicator_stale(session_factory, tmp_path):
    load(session_factory, folder=tmp_path / "demo")
    summary = load(session_factory, today=dt.date(2026, 4, 10), folder=tmp_path / "demo")
    assert summary.deleted.get("measurement", 0) > 0
    # The definitions did not change (no batch); every measurement file did, and was imported again.
    assert list(summary.batches) == list(workbooks.FILE_NAMES[1:])
    with session_scope(session_factory) as session:
        last = session.scalar(
            select(func.max(Measurement.period)).join(Indicator).where(Indicator.code == STALE_CODE)
        )
        assert last <= add_months(dt.date(2026, 3, 1), -5)
        assert session.scalar(select(func.count()).select_from(Organization)) == 1


def test_a_reanchored_demo_holds_what_a_fresh_load_for_that_month_holds(session_factory, tmp_path):
    later = dt.date(2026, 4, 10)
    load(session_factory, folder=tmp_path / "demo")
    load(session_factory, today=later, folder=tmp_path / "demo")
    fresh = fresh_sqlite_factory(tmp_path / "fresh" / "fresh.db")
    load(fresh, today=later)
    # Same values, comments (moved with their months) and keepers; old budget months stay, as they always did.
    assert measurement_rows(session_factory) == measurement_rows(fresh)
    assert set(target_rows(fresh)) <= set(target_rows(session_factory))
    with session_scope(session_factory) as session, session_scope(fresh) as other:
        reanchored, expected = build_board(session), build_board(other)
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 2 * len(workbooks.FILE_NAMES) - 1
    assert reanchored["period"] == expected["period"] == "2026-03-01"
    assert {i["code"]: (i["actual"], i["status"]) for i in reanchored["indicators"]} == {
        i["code"]: (i["actual"], i["status"]) for i in expected["indicators"]}


def test_the_demo_refuses_to_mix_into_another_organization(session_factory):
    with session_scope(session_factory) as session:
        session.add(Organization(name="Otra Empresa"))
    with pytest.raises(DemoConflictError), session_scope(session_factory) as session:
        load_demo(session, today=TODAY)
