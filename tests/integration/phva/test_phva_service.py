"""The PHVA status on real databases (SQLite, and PostgreSQL with MIOS_TEST_POSTGRES_URL): which checks the
demo meets and misses on the day it was loaded for, the gaps traced to its rows, an empty database, and the
repository's fixed number of queries."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, select, update

from mios_dashboard.db import session_scope
from mios_dashboard.models import Action, Objective, Role
from mios_dashboard.repositories import phva as phva_repo
from mios_dashboard.services import phva as service
from mios_dashboard.services.board.compute import build_board

DEMO_TODAY = dt.date(2026, 1, 15)  # the day tests/conftest.py loads the demo for
DEMO_MET = {
    "context_reviewed": True, "parties_recorded": True, "policy_communicated": True, "risks_assessed": True,
    "objectives_planned": True,
    "roles_assigned": True, "resources_recorded": True, "actions_on_time": False,
    "indicators_measured": False, "weekly_meetings": False, "review_in_interval": True,
    "corrective_effective": False, "improvement_recorded": True,
}


def checks_of(status: dict) -> dict[str, dict]:
    return {c["key"]: c for s in status["stages"] for c in s["checks"]}


@pytest.fixture
def demo_status(demo_factory):
    with session_scope(demo_factory) as session:
        return service.phva_status(session, DEMO_TODAY)


def test_what_the_demo_meets_and_misses(demo_status):
    assert {key: c["met"] for key, c in checks_of(demo_status).items()} == DEMO_MET
    assert [(s["key"], s["met"], s["total"], s["status"]) for s in demo_status["stages"]] == [
        ("plan", 5, 5, "green"), ("do", 2, 3, "yellow"), ("check", 1, 3, "red"), ("act", 1, 2, "yellow")]
    assert (demo_status["met"], demo_status["total"], demo_status["empty"]) == (9, 13, False)
    assert demo_status["month"] == dt.date(2025, 12, 1) and demo_status["today"] == DEMO_TODAY


def test_demo_gaps_name_the_rows_behind_them(demo_factory, demo_status):
    checks = checks_of(demo_status)
    with session_scope(demo_factory) as session:
        overdue = set(session.scalars(select(Action.code).where(
            Action.status.in_(("open", "in_progress")), Action.due_on < DEMO_TODAY)))
    assert overdue and {g["ref"] for g in checks["actions_on_time"]["gap"]} == overdue
    assert "AC-05" in overdue  # the meeting decision to capture the training plan, due a week after the meeting
    assert checks["actions_on_time"]["evidence"]["params"]["overdue"] == len(overdue)
    measured = checks["indicators_measured"]
    assert "PER-02" in {g["ref"] for g in measured["gap"]}  # the demo's stale indicator
    assert measured["evidence"]["params"]["measured"] < measured["evidence"]["params"]["total"]
    corrective = {g["ref"]: g["reasons"] for g in checks["corrective_effective"]["gap"]}
    assert "not_effective" in corrective["AC-02"] and "not_effective" in corrective["AC-13"]
    assert checks["weekly_meetings"]["evidence"]["params"]["last_on"] == dt.date(2025, 12, 29)
    assert checks["review_in_interval"]["evidence"]["params"]["due_on"] > DEMO_TODAY
    assert checks["roles_assigned"]["evidence"]["params"]["representative"] == "Ing. Mariana Fuentes"


def test_edits_to_the_records_move_the_checks(demo_factory):
    with session_scope(demo_factory) as session:
        session.execute(update(Objective).where(Objective.code == "OBJ-04").values(plan_resources=""))
        session.execute(update(Role).where(Role.is_management_representative.is_(True)).values(person=None))
    with session_scope(demo_factory) as session:
        checks = checks_of(service.phva_status(session, DEMO_TODAY))
    assert not checks["objectives_planned"]["met"] and checks["objectives_planned"]["fix_href"] == "/objetivo/OBJ-04"
    assert not checks["resources_recorded"]["met"]
    assert ["no_representative"] in [g["reasons"] for g in checks["roles_assigned"]["gap"]]


def test_a_later_day_finds_the_review_overdue(demo_factory):
    with session_scope(demo_factory) as session:
        checks = checks_of(service.phva_status(session, dt.date(2026, 6, 1)))
    assert not checks["review_in_interval"]["met"] and not checks["indicators_measured"]["met"]


def test_empty_database(session_factory):
    with session_scope(session_factory) as session:
        status = service.phva_status(session, DEMO_TODAY)
    assert status["empty"] is True and status["total"] == 13
    assert checks_of(status)["indicators_measured"]["evidence"]["message"] == "indicators_none"


def test_evidence_is_read_with_a_fixed_number_of_queries(demo_factory):
    statements = []
    with session_scope(demo_factory) as session:
        engine = session.get_bind()
        listener = lambda *args: statements.append(args[2])
        event.listen(engine, "before_cursor_execute", listener)
        try:
            rows = phva_repo.gather(session)
        finally:
            event.remove(engine, "before_cursor_execute", listener)
    assert len(statements) <= 10
    assert len(rows["actions"]) >= 10 and len(rows["objectives"]) >= 10


def test_a_board_already_built_for_the_month_due_is_reused(demo_factory, monkeypatch):
    with session_scope(demo_factory) as session:
        board = build_board(session, dt.date(2025, 12, 1))
        monkeypatch.setattr(service, "build_board", lambda *a, **k: pytest.fail("board rebuilt"))
        reused = service.phva_status(session, DEMO_TODAY, board=board)
        monkeypatch.setattr(service, "build_board", build_board)
        other_month = build_board(session, dt.date(2025, 11, 1))
        rebuilt = service.phva_status(session, DEMO_TODAY, board=other_month)
    assert checks_of(reused)["indicators_measured"] == checks_of(rebuilt)["indicators_measured"]
