"""The board service on the demo organization: shape of `board --json` and numbers traced back to the rows."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mios_dashboard.db import session_scope
from mios_dashboard.models import Indicator, Measurement, Target
from mios_dashboard.services.board import build_board, to_cli_json

TOP_KEYS = {"period", "score", "status", "perspectives", "indicators"}
INDICATOR_KEYS = {
    "code", "name", "unit", "direction", "frequency", "period", "actual", "target", "achievement", "status",
    "trend", "slope", "ytd_actual", "ytd_target", "ytd_achievement", "forecast", "xmr",
}


@pytest.fixture
def board(demo_factory):
    with session_scope(demo_factory) as session:
        return build_board(session)


def test_default_month_is_the_newest_with_data(board):
    assert board["period"] == "2025-12-01"  # the demo runs to the month before DEMO_TODAY (2026-01-15)
    assert board["available_periods"][-1] == "2025-12-01"
    assert len(board["available_periods"]) >= 24


def test_cli_json_has_exactly_the_documented_schema(board):
    data = to_cli_json(board)
    assert set(data) == TOP_KEYS
    assert [p["name"] for p in data["perspectives"]] == ["Financiera", "Clientes", "Procesos internos", "Aprendizaje y crecimiento"]
    assert all(set(p) == {"name", "score", "status", "objectives"} for p in data["perspectives"])
    objectives = [o for p in data["perspectives"] for o in p["objectives"]]
    assert len(objectives) >= 8
    assert all(set(o) == {"code", "title", "score", "status", "indicators"} for o in objectives)
    assert len(data["indicators"]) >= 20
    assert all(set(i) == INDICATOR_KEYS for i in data["indicators"])
    codes = [i["code"] for i in data["indicators"]]
    assert len(codes) == len(set(codes))  # each indicator once, with or without an objective


def test_board_has_every_kind_of_light(board):
    statuses = {i["status"] for i in board["indicators"]}
    assert {"green", "yellow", "red"} <= statuses
    assert board["counts"]["green"] + board["counts"]["red"] + board["counts"]["yellow"] > 0
    assert board["status"] in {"green", "yellow", "red"}
    assert 0 < board["score"] < 1.2


def test_monthly_reading_equals_the_stored_row(board, demo_factory):
    month = dt.date(2025, 12, 1)
    readings = {i["code"]: i for i in board["indicators"]}
    with session_scope(demo_factory) as session:
        rows = session.execute(
            select(Indicator, Measurement.value)
            .join(Measurement, Measurement.indicator_id == Indicator.id)
            .where(Indicator.frequency == "monthly", Indicator.direction == "higher", Measurement.period == month)
        ).all()
        assert rows
        for indicator, value in rows:
            override = session.scalar(
                select(Target.target).where(Target.indicator_id == indicator.id, Target.period == month)
            )
            target = override if override is not None else indicator.target
            reading = readings[indicator.code]
            assert reading["period"] == "2025-12-01"
            assert reading["actual"] == pytest.approx(value)
            assert reading["target"] == pytest.approx(target)
            assert reading["achievement"] == pytest.approx(max(0.0, value / target))


def test_an_earlier_month_can_be_read(demo_factory):
    with session_scope(demo_factory) as session:
        board = build_board(session, dt.date(2025, 6, 1))
    assert board["period"] == "2025-06-01"
    assert all(i["period"] is None or i["period"] <= "2025-06-01" for i in board["indicators"])


def test_empty_database_gives_an_empty_board(session_factory):
    with session_scope(session_factory) as session:
        board = build_board(session)
    assert board["period"] is None
    assert board["indicators"] == [] and board["score"] is None and board["status"] == "no_data"
