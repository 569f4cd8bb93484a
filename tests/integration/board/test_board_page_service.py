"""The board page's and the evaluation page's data on the demo (SQLite and PostgreSQL): what changed, filters,
overdue actions, the cache keyed by the data version, and twelve months equal to the engine month by month."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from mios_dashboard.analytics.board import indicator_readings
from mios_dashboard.analytics.periods import month_end
from mios_dashboard.db import session_scope
from mios_dashboard.errors import Notice
from mios_dashboard.models import Indicator, Measurement, Objective
from mios_dashboard.repositories import board as board_repo
from mios_dashboard.services.board import compute as board_service
from mios_dashboard.services.board import page as board_page_module
from mios_dashboard.services.board.changes import board_changes
from mios_dashboard.services.board.compute import board_from, build_board, month_lights, read_source
from mios_dashboard.services.board.page import board_page
from mios_dashboard.services.board.view import SPARK_POINTS, slim_board
from mios_dashboard.services.evaluation import SLIDE_13_GROUPS, evaluation_table
from mios_dashboard.web.cache import VersionedCache
from tests.seeded import perspective as seeded_perspective

DEMO_TODAY = dt.date(2026, 1, 15)  # the day tests/conftest.py loads the demo for


@pytest.fixture
def page(demo_factory):
    def read(**kwargs):
        kwargs.setdefault("today", DEMO_TODAY)
        kwargs.setdefault("cache", VersionedCache())
        with session_scope(demo_factory) as session:
            return board_page(session, **kwargs)
    return read


def _codes(entries):
    return [e["code"] for e in entries]


def test_changes_since_november_on_the_demo(page):
    data = page()
    changes = data["changes"]
    assert (changes["period"], changes["previous"]) == ("2025-12-01", "2025-11-01")
    # December: new customers fell to 2 (red); cash flow back on target; turnover back to tolerance;
    # scrap's new run below the centre line completes a signal (a favourable one).
    assert _codes(changes["new_reds"]) == ["VEN-03"]
    assert _codes(changes["recoveries"]) == ["FIN-05", "PER-01"]
    assert [(e["code"], e["favourable"]) for e in changes["new_signals"]] == [("CAL-01", True)]
    assert changes["new_reds"][0]["owner"].startswith("Lic. Ana Torres")


def test_the_changes_agree_with_the_two_boards(demo_factory, page):
    with session_scope(demo_factory) as session:
        december = {r["code"]: r["status"] for r in build_board(session, dt.date(2025, 12, 1))["indicators"]}
        november = {r["code"]: r["status"] for r in build_board(session, dt.date(2025, 11, 1))["indicators"]}
    expected = sorted(c for c, s in december.items() if s == "red" and november.get(c) != "red")
    assert sorted(_codes(page()["changes"]["new_reds"])) == expected


def test_page_data_shape_overdue_actions_and_phva(page):
    data = page()
    assert data["filters"] == {"period": "2025-12-01", "process": None, "owner": None}
    assert data["notices"] == []
    board = data["board"]
    assert (board["filtered"], board["shown"], board["total"]) == (False, len(board["indicators"]), len(board["indicators"]))
    assert {"spark", "signal", "forecast_off"} <= set(board["indicators"][0])
    assert all(len(row["spark"]) <= 12 for row in board["indicators"])
    check = next(c for s in data["phva"]["stages"] for c in s["checks"] if c["key"] == "actions_on_time")
    assert data["overdue_actions"] == check["evidence"]["params"].get("overdue", 0)
    assert data["overdue_actions"] > 0  # the demo keeps some actions late on purpose
    assert {p["value"] for p in data["options"]["processes"]} >= {"PRD", "COM", "FIN"}
    assert data["process_names"]["PRD"]


def test_a_side_panel_whose_query_fails_stays_out_and_the_board_still_shows(page, monkeypatch, caplog):
    def unreachable(*_args, **_kwargs):
        raise OperationalError("SELECT …", {}, Exception("server closed the connection"))

    monkeypatch.setattr(board_page_module.board_repo, "overdue_actions", unreachable)
    data = page()
    assert data["overdue_actions"] is None and data["phva"] is not None and data["board"]["indicators"]
    assert "could not compute the board's overdue actions" in caplog.text

def test_filters_by_process_and_owner(page):
    production = page(process="PRD")["board"]
    assert production["filtered"] and 0 < production["shown"] < production["total"]
    assert all(row["process"] == "PRD" or row["objective"] in {"OBJ-08", "OBJ-09", "OBJ-10"} for row in production["indicators"])
    owner = next(o for o in page()["options"]["owners"] if o.startswith("Lic. Ana Torres"))
    mine = page(owner=owner)
    objectives = [o["code"] for p in mine["board"]["perspectives"] for o in p["objectives"]]
    assert objectives == ["OBJ-01", "OBJ-04", "OBJ-06"]
    assert set(_codes(mine["changes"]["new_reds"])) <= {r["code"] for r in mine["board"]["indicators"]}


def test_parameters_the_board_does_not_have_are_ignored_with_a_notice(page):
    data = page(period=dt.date(2019, 1, 1), process="XYZ", owner="Nadie")
    assert [n.key for n in data["notices"]] == ["board.period_missing", "board.process_missing", "board.owner_missing"]
    assert data["notices"][1] == Notice("board.process_missing", {"value": "XYZ"})
    assert data["filters"] == {"period": "2025-12-01", "process": None, "owner": None}


def test_an_earlier_month(page):
    data = page(period=dt.date(2025, 6, 1))
    assert data["board"]["period"] == "2025-06-01" and data["changes"]["previous"] == "2025-05-01"


def test_cached_until_the_data_version_moves(demo_factory):
    cache = VersionedCache()
    with session_scope(demo_factory) as session:
        first = board_page(session, today=DEMO_TODAY, cache=cache)
    misses = cache.misses
    with session_scope(demo_factory) as session:
        again = board_page(session, today=DEMO_TODAY, cache=cache)
    assert cache.misses == misses and again["board"] is not None
    assert again["changes"] is first["changes"]  # the very object: served from the cache
    # An edit (through the audited session) moves the version: the next view sees it.
    with session_scope(demo_factory) as session:
        indicator_id = session.scalar(select(Indicator.id).where(Indicator.code == "VEN-03"))
        row = session.scalars(select(Measurement).where(Measurement.indicator_id == indicator_id,
                                                        Measurement.period == dt.date(2025, 12, 1))).one()
        row.value = 9.0
    with session_scope(demo_factory) as session:
        edited = board_page(session, today=DEMO_TODAY, cache=cache)
    assert cache.misses > misses
    assert next(r for r in edited["board"]["indicators"] if r["code"] == "VEN-03")["actual"] == 9.0
    assert "VEN-03" not in _codes(edited["changes"]["new_reds"])


# ---------- one read, two months (the first view of a data version) ----------

def test_both_months_from_one_read_equal_the_separate_boards(demo_factory):
    """The page's board of a month (from rows read once, twelve points of series) is the trimmed board of
    `build_board` exactly, and the month before's lights are that month's board field by field."""
    with session_scope(demo_factory) as session:
        source = read_source(session)
        assert [m.isoformat() for m in source.months] == board_page_module.available_months(session)
        for month in (dt.date(2025, 12, 1), dt.date(2025, 11, 1), dt.date(2024, 3, 1), source.months[0]):
            separate = slim_board(build_board(session, month))
            assert slim_board(board_from(source, month, SPARK_POINTS)) == separate, month
            lights = month_lights(source, month)
            assert [light["code"] for light in lights] == [row["code"] for row in separate["indicators"]]
            for light, row in zip(lights, separate["indicators"]):
                assert set(light) == {*board_service.LIGHT_FIELDS, "xmr"}
                assert light == {key: row[key] for key in light}, (month, row["code"])
    assert any(light["xmr"] and light["xmr"]["signals"] for light in lights) or month == source.months[0]


def test_the_page_reads_once_and_its_changes_equal_the_two_separate_boards(demo_factory, monkeypatch):
    reads = []
    real = board_page_module.read_source
    monkeypatch.setattr(board_page_module, "read_source", lambda session: reads.append(1) or real(session))
    with session_scope(demo_factory) as session:
        data = board_page(session, today=DEMO_TODAY, cache=VersionedCache())
        expected = board_changes(session, slim_board(build_board(session)))  # builds November by itself
    assert len(reads) == 1
    assert data["changes"] == expected and expected["new_reds"]


def test_forecast_warning_uses_the_indicators_own_green_threshold(session_factory):
    """Hand-computed: six monthly values falling 0.2 a month to 98.0 in December 2025; the least-squares line
    (exact here) reaches 98.0 − 6 × 0.2 = 96.8 in June 2026, the objective's due month: 96.8 % of a target of
    100. Green from 95 % → the projection is green, no warning; green from 100 % (the default) or 97 % →
    warned (K-97 is green in December at 98 % and heading below its line). Before, the badge used 100 % for
    every indicator."""
    with session_scope(session_factory) as session:
        perspective = seeded_perspective(session, "FIN")
        session.add(objective := Objective(code="OBJ-1", title="Crecer", perspective_id=perspective.id,
                                           plan_due=dt.date(2026, 6, 30)))
        session.flush()
        for code, green in (("K-95", 0.95), ("K-100", 1.0), ("K-97", 0.97)):
            session.add(indicator := Indicator(code=code, name=code, direction="higher", frequency="monthly",
                                               aggregation="sum", target=100.0, green_threshold=green,
                                               yellow_threshold=0.9, objective_id=objective.id))
            session.flush()
            for month, value in zip(range(7, 13), (99.0, 98.8, 98.6, 98.4, 98.2, 98.0)):
                session.add(Measurement(indicator_id=indicator.id, period=dt.date(2025, month, 1), value=value))
    with session_scope(session_factory) as session:
        board = {r["code"]: r for r in board_page(session, today=DEMO_TODAY, cache=VersionedCache())["board"]["indicators"]}
    for code, green, light, warned in (("K-95", 0.95, "green", False), ("K-100", 1.0, "yellow", True),
                                       ("K-97", 0.97, "green", True)):
        row = board[code]
        assert row["forecast"]["due"] == "2026-06-30" and row["forecast"]["value"] == pytest.approx(96.8)
        assert row["forecast"]["achievement"] == pytest.approx(0.968)
        assert (row["green_threshold"], row["status"]) == (green, light)  # December's 98 % by the same line
        assert row["forecast_off"] is warned, code


def test_empty_database(session_factory):
    with session_scope(session_factory) as session:
        data = board_page(session, today=DEMO_TODAY, cache=VersionedCache())
        table = evaluation_table(session, cache=VersionedCache())
    assert data["board"]["total"] == 0 and data["board"]["period"] is None
    assert data["changes"]["previous"] is None and data["overdue_actions"] == 0
    assert (table["measured"], table["indicator_count"], table["available_periods"]) == (False, 0, [])


# ---------- evaluation ----------

def test_evaluation_is_twelve_months_by_slide_13_group(demo_factory):
    with session_scope(demo_factory) as session:
        table = evaluation_table(session, cache=VersionedCache())
    assert table["period"] == "2025-12-01" and len(table["months"]) == 12 and table["months"][0] == "2025-01-01"
    assert [g["name"] for g in table["groups"]][:len(SLIDE_13_GROUPS)] == list(SLIDE_13_GROUPS)
    rows = [r for g in table["groups"] for r in g["indicators"]]
    assert len(rows) == table["indicator_count"] and all(len(r["cells"]) == 12 for r in rows)


def test_evaluation_cells_equal_the_engine_month_by_month(demo_factory):
    with session_scope(demo_factory) as session:
        table = evaluation_table(session, dt.date(2025, 9, 1), cache=VersionedCache())
        indicators = board_repo.indicators(session)
        measurements = board_repo.measurements(session)
        targets = board_repo.targets(session)
    cells = {(r["code"], c["month"]): c for g in table["groups"] for r in g["indicators"] for c in r["cells"]}
    for month in table["months"]:
        day = dt.date.fromisoformat(month)
        until = measurements[measurements["period"] <= pd.Timestamp(month_end(day))]
        readings = indicator_readings(indicators, until, targets, day)
        for code, status, actual in zip(readings["code"], readings["status"], readings["actual"]):
            cell = cells[(code, month)]
            assert cell["status"] == status, (code, month)
            assert (cell["actual"] is None and pd.isna(actual)) or cell["actual"] == pytest.approx(actual)
