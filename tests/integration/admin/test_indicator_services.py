"""Manual measurements and per-period targets through services/system/indicators.py."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mios_dashboard.audit import Actor
from mios_dashboard.db import session_scope
from mios_dashboard.errors import Conflict, Invalid
from mios_dashboard.models import AuditEvent, Indicator, Measurement, Target
from mios_dashboard.services.system import indicators

ANA = Actor("ana")


@pytest.fixture
def with_indicator(session_factory):
    with session_scope(session_factory) as session:
        session.add(Indicator(code="VEN-01", name="Ventas", direction="higher", frequency="monthly", target=100.0))
    return session_factory


def test_a_manual_value_is_stored_with_who_and_source(with_indicator):
    with session_scope(with_indicator, actor="ana") as session:
        indicators.save_measurement(session, ANA, "VEN-01", {"period": "2026-03-17", "value": "95,5"})
    with session_scope(with_indicator) as session:
        stored = session.scalars(select(Measurement)).one()
        assert (stored.period, stored.value, stored.source, stored.entered_by) == (
            dt.date(2026, 3, 1), 95.5, "manual", "ana")


def test_a_correction_needs_a_comment_and_the_loaded_version(with_indicator):
    with session_scope(with_indicator, actor="ana") as session:
        first = indicators.save_measurement(session, ANA, "VEN-01", {"period": "2026-03-01", "value": 90})
        version = first.row_version
    with session_scope(with_indicator, actor="ana") as session, pytest.raises(Invalid) as refused:
        indicators.save_measurement(session, ANA, "VEN-01",
                                    {"period": "2026-03-01", "value": 91, "row_version": version})
    assert [problem.field for problem in refused.value.problems] == ["comment"]
    with session_scope(with_indicator, actor="luis") as session:
        indicators.save_measurement(session, Actor("luis"), "VEN-01",
                                    {"period": "2026-03-01", "value": 92, "comment": "error de digitación",
                                     "row_version": version})
    with session_scope(with_indicator, actor="ana") as session, pytest.raises(Conflict) as stale:
        indicators.save_measurement(session, ANA, "VEN-01",
                                    {"period": "2026-03-01", "value": 93, "comment": "otra", "row_version": version})
    assert "luis" in stale.value.message("es")
    with session_scope(with_indicator) as session:
        stored = session.scalars(select(Measurement)).one()
        assert (stored.value, stored.comment, stored.entered_by) == (92.0, "error de digitación", "luis")
        assert session.scalars(select(AuditEvent).where(AuditEvent.entity == "measurement",
                                                        AuditEvent.operation == "update")).first() is not None


def test_twelve_monthly_targets_are_stored_as_target_rows(with_indicator):
    with session_scope(with_indicator, actor="ana") as session:
        indicators.save_year_targets(session, ANA, "VEN-01", 2026, [str(100 + month) for month in range(12)])
    with session_scope(with_indicator) as session:
        rows = session.scalars(select(Target).order_by(Target.period)).all()
        assert [(row.period.month, row.target) for row in rows] == [(m + 1, 100.0 + m) for m in range(12)]


def test_a_wrong_month_names_itself_and_writes_nothing(with_indicator):
    with session_scope(with_indicator, actor="ana") as session, pytest.raises(Invalid) as refused:
        indicators.save_year_targets(session, ANA, "VEN-01", 2026, ["1", "x"] + [""] * 10)
    assert [problem.field for problem in refused.value.problems] == ["month_2"]
    assert "Febrero" in refused.value.problems[0].render("es")
    with session_scope(with_indicator) as session:
        assert session.scalars(select(Target)).all() == []


def test_an_indicator_form_names_every_wrong_field_and_writes_nothing(session_factory):
    values = {"code": "X 1", "name": "", "direction": "range", "frequency": "monthly", "aggregation": "sum",
              "target_min": "10", "target_max": "5", "green_threshold": "0.8", "yellow_threshold": "0.9",
              "weight": "1", "decimals": "7"}
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        indicators.save_indicator(session, ANA, values)
    assert {problem.field for problem in refused.value.problems} == {
        "code", "name", "target_max", "yellow_threshold", "decimals"}
    with session_scope(session_factory) as session:
        assert session.scalars(select(Indicator)).all() == []


def test_an_indicator_update_is_audited_and_a_stale_one_refused(with_indicator):
    with session_scope(with_indicator) as session:
        stored = session.scalars(select(Indicator)).one()
        base = {"id": stored.id, "row_version": stored.row_version, "code": "VEN-01", "name": "Ventas",
                "direction": "higher", "frequency": "monthly", "aggregation": "sum", "target": "120",
                "green_threshold": "1", "yellow_threshold": "0.9", "weight": "1", "decimals": "1"}
    with session_scope(with_indicator, actor="ana") as session:
        indicators.save_indicator(session, ANA, base)
    with session_scope(with_indicator, actor="luis") as session, pytest.raises(Conflict) as stale:
        indicators.save_indicator(session, Actor("luis"), {**base, "target": "130"})
    assert "ana" in stale.value.message("en")
    with session_scope(with_indicator) as session:
        assert session.scalars(select(Indicator)).one().target == 120.0
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity == "indicator",
                                                         AuditEvent.operation == "update")).one()
        assert event.actor == "ana"


def test_an_indicator_names_its_objective_and_process_and_keeps_them_when_not_sent(with_indicator):
    from mios_dashboard.models import Objective, Perspective, Process

    with session_scope(with_indicator) as session:
        clients = session.scalars(select(Perspective).where(Perspective.code == "CLI")).one()
        session.add(Process(code="VEN", name="Ventas", type="operational"))
        session.add(Objective(code="OBJ-01", title="Vender más", perspective_id=clients.id))
    with session_scope(with_indicator) as session:
        stored = session.scalars(select(Indicator)).one()
        base = {"id": stored.id, "row_version": stored.row_version, "code": "VEN-01", "name": "Ventas",
                "direction": "higher", "frequency": "monthly", "aggregation": "sum", "target": "100",
                "green_threshold": "1", "yellow_threshold": "0.9", "weight": "1", "decimals": "1"}
    with session_scope(with_indicator, actor="ana") as session, pytest.raises(Invalid) as refused:
        indicators.save_indicator(session, ANA, {**base, "objective": "OBJ-99", "process": "VEN"})
    assert [problem.field for problem in refused.value.problems] == ["objective"]
    with session_scope(with_indicator, actor="ana") as session:
        indicators.save_indicator(session, ANA, {**base, "objective": "OBJ-01", "process": "VEN", "perspective": ""})
    with session_scope(with_indicator, actor="ana") as session:
        stored = session.scalars(select(Indicator)).one()
        assert (stored.objective.code, stored.process.code, stored.perspective_id) == ("OBJ-01", "VEN", None)
        indicators.save_indicator(session, ANA, {**base, "row_version": stored.row_version, "target": "110"})
    with session_scope(with_indicator) as session:
        stored = session.scalars(select(Indicator)).one()
        assert (stored.target, stored.objective.code, stored.process.code) == (110.0, "OBJ-01", "VEN")
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity == "indicator",
                                                         AuditEvent.operation == "update")
                                .order_by(AuditEvent.id)).first()
        assert event.changes["objective_id"][0] is None and event.changes["objective_id"][1] == stored.objective_id


def test_monthly_targets_are_refused_for_a_quarterly_indicator(session_factory):
    with session_scope(session_factory) as session:
        session.add(Indicator(code="COM-01", name="Satisfacción", direction="higher", frequency="quarterly",
                              target=85.0))
    with session_scope(session_factory, actor="ana") as session, pytest.raises(Invalid) as refused:
        indicators.save_year_targets(session, ANA, "COM-01", 2026, ["80"] + [""] * 11)
    assert refused.value.details("en") == ["January: only a monthly indicator takes a target per month"]
    with session_scope(session_factory) as session:
        assert session.scalars(select(Target)).all() == []
