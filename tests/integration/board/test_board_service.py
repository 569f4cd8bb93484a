"""The board service on the demo organization: shape of `board --json` and numbers traced back to the rows."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mios_dashboard.db import session_scope
from mios_dashboard.models import Indicator, Measurement, Target
from mios_dashboard.services.board.compute import build_board, to_cli_json

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


# --- the KPI engine's fields (issue 3) ----------------------------------------------------------------------------
FORECAST_KEYS = {"due", "value", "achievement"}
XMR_KEYS = {"center", "lower", "upper", "signals"}
PAGE_KEYS = {"target_min", "target_max", "owner", "objective", "perspective", "process", "group", "decimals",
             "last_period", "series"}


def test_engine_fields_are_filled_and_cli_shapes_are_exact(board):
    data = to_cli_json(board)
    indicators = {i["code"]: i for i in board["indicators"]}
    for cli in data["indicators"]:
        page = indicators[cli["code"]]
        assert PAGE_KEYS <= page.keys()
        points = len(page["series"])
        assert (cli["slope"] is None) == (points < 3) and (cli["trend"] is None) == (points < 3)
        assert cli["trend"] in {None, "improving", "stable", "worsening"}
        if cli["forecast"] is not None:
            assert set(cli["forecast"]) == FORECAST_KEYS and cli["forecast"]["due"] == _due(board, page["objective"])
        if cli["xmr"] is not None:
            assert set(cli["xmr"]) == XMR_KEYS and cli["xmr"]["lower"] <= cli["xmr"]["center"] <= cli["xmr"]["upper"]
            signals = [(s["period"], s["rule"]) for s in cli["xmr"]["signals"]]
            assert signals == sorted(set(signals)) and all(rule in (1, 2, 3) for _, rule in signals)
            assert all(period <= cli["period"] for period, _ in signals)
        else:
            assert points < 6  # no limits below six values (the demo sets no baseline windows)
    filled = [i for i in data["indicators"] if i["xmr"] is not None and i["trend"] is not None]
    assert len(filled) >= 30  # nearly every demo indicator has a history long enough
    assert any(i["forecast"] for i in data["indicators"]) and any(i["xmr"]["signals"] for i in filled)


def _due(board: dict, objective: str | None) -> str | None:
    return next((o["due"] for p in board["perspectives"] for o in p["objectives"] if o["code"] == objective), None)


def test_series_ends_at_the_reading(board):
    for indicator in board["indicators"]:
        series = indicator["series"]
        assert all(point["period"] <= indicator["period"] for point in series)
        assert [p["period"] for p in series] == sorted({p["period"] for p in series})
        if indicator["actual"] is not None:
            assert series[-1]["period"] == indicator["period"]
            assert series[-1]["value"] == pytest.approx(indicator["actual"])
            assert series[-1]["target"] == pytest.approx(indicator["target"]) or indicator["direction"] == "range"


def test_year_to_date_traced_back_to_the_rows(board, demo_factory):
    readings = {i["code"]: i for i in board["indicators"]}
    with session_scope(demo_factory) as session:
        indicators = session.scalars(
            select(Indicator).where(Indicator.frequency == "monthly", Indicator.aggregation == "sum")
        ).all()
        assert indicators
        for indicator in indicators:
            values = session.scalars(select(Measurement.value).where(
                Measurement.indicator_id == indicator.id, Measurement.period.between(dt.date(2025, 1, 1), dt.date(2025, 12, 1))
            )).all()
            overrides = dict(session.execute(select(Target.period, Target.target).where(
                Target.indicator_id == indicator.id, Target.period.between(dt.date(2025, 1, 1), dt.date(2025, 12, 1))
            )).all())
            plan = sum(overrides.get(dt.date(2025, m, 1)) or indicator.target for m in range(1, 13))
            reading = readings[indicator.code]
            assert reading["ytd_actual"] == pytest.approx(sum(values))
            assert reading["ytd_target"] == pytest.approx(plan)


def test_a_month_before_any_data_reads_empty(demo_factory):
    with session_scope(demo_factory) as session:
        board = build_board(session, dt.date(2001, 1, 1))
    data = to_cli_json(board)
    assert data["period"] == "2001-01-01" and data["score"] is None
    for indicator in data["indicators"]:
        assert indicator["status"] == "no_data" and indicator["actual"] is None
        assert (indicator["slope"], indicator["trend"], indicator["ytd_actual"], indicator["forecast"], indicator["xmr"]) == (
            None, None, None, None, None)
