"""The drill-down services on the demo organization, on SQLite and PostgreSQL: the objective with its plan,
links, risks and actions; the indicator with its readings (the board's own), its measurements' sources
and its change history after an import, a hand edit and a deletion."""
from __future__ import annotations

import datetime as dt

import openpyxl
from sqlalchemy import select

from mios_dashboard.db import session_scope
from mios_dashboard.models import Indicator, Measurement
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.services.drilldown import indicator_detail, objective_detail
from mios_dashboard.services.imports.import_file import import_file


def read(factory, function, *args):
    with factory() as session:
        return function(session, *args)


def test_objective_detail_has_the_plan_and_its_place_in_the_strategy_map(demo_factory):
    detail = read(demo_factory, objective_detail, "OBJ-05")
    objective = detail["objective"]
    assert objective["code"] == "OBJ-05" and objective["perspective"] == "CLI" and objective["process"] == "LOG"
    for field in ("plan_what", "plan_resources", "plan_owner", "plan_evaluation", "policy_commitment"):
        assert objective[field], field
    assert objective["plan_due"] == dt.date(2026, 12, 31) and objective["due"] == "2026-12-31"
    assert objective["owner"] == objective["plan_owner"]
    relatives = detail["relatives"]
    assert [r["code"] for r in relatives["causes"]] == ["OBJ-07", "OBJ-09"]
    assert [r["code"] for r in relatives["effects"]] == ["OBJ-04"]
    assert relatives["parent"] is None and relatives["children"] == []
    assert detail["period"] == "2025-12-01"


def test_objective_readings_are_the_boards(demo_factory):
    detail = read(demo_factory, objective_detail, "obj-01", dt.date(2025, 11, 1))
    board = read(demo_factory, build_board, dt.date(2025, 11, 1))
    shown = next(o for p in board["perspectives"] for o in p["objectives"] if o["code"] == "OBJ-01")
    assert detail["objective"]["score"] == shown["score"] and detail["objective"]["status"] == shown["status"]
    assert [i["code"] for i in detail["indicators"]] == shown["indicators"]
    readings = {i["code"]: i for i in board["indicators"]}
    for indicator in detail["indicators"]:
        for key in ("actual", "target", "achievement", "status", "trend", "series", "xmr", "forecast"):
            assert indicator[key] == readings[indicator["code"]][key], key
        assert indicator["green_threshold"] == 1.0 and indicator["aggregation"] == "sum"
        signals = {s["rule"] for s in indicator["xmr"]["signals"] if s["period"] == "2025-11-01"}
        assert indicator["current_signals"] == sorted(signals)


def test_objective_risks_and_actions_through_the_objective_its_indicators_and_its_risks(demo_factory):
    detail = read(demo_factory, objective_detail, "OBJ-07")
    assert [r["code"] for r in detail["risks"]] == ["RO-02"]
    risk = detail["risks"][0]
    assert risk["level"] == risk["likelihood"] * risk["impact"] and risk["kind"] == "risk"
    codes = [a["code"] for a in detail["actions"]]
    assert {"AC-03", "AC-13"} <= set(codes)  # on the objective itself
    assert "AC-04" in codes  # an OBJ-05 action treating RO-02, a risk of this objective
    assert len(codes) == len(set(codes))
    open_first = [a["status"] in ("closed", "effective", "not_effective") for a in detail["actions"]]
    assert open_first == sorted(open_first)


def test_objective_measurements_carry_their_source_and_history_its_creation(demo_factory):
    detail = read(demo_factory, objective_detail, "OBJ-01")
    assert detail["measurements"] and detail["measurement_count"] == 48
    newest = detail["measurements"][0]
    assert newest["period"] == dt.date(2025, 12, 1) and newest["source"] == "import" and newest["unit"]
    assert newest["batch_file"] == "comercial.xlsx"  # the demo's sales come in through the importer
    assert newest["entered_by"] and newest["entered_at"] is not None
    assert [(e["entity"], e["operation"]) for e in detail["history"]] == [("objective", "insert")]


def test_unknown_codes_are_none(demo_factory):
    assert read(demo_factory, objective_detail, "OBJ-99") is None
    assert read(demo_factory, indicator_detail, "NADA-1") is None


def test_indicator_detail_definition_reading_and_table(demo_factory):
    detail = read(demo_factory, indicator_detail, "ven-01")
    indicator = detail["indicator"]
    assert indicator["code"] == "VEN-01" and indicator["aggregation"] == "sum"
    assert indicator["data_source"] and indicator["objective"] == "OBJ-01" and indicator["due"] == "2026-12-31"
    assert indicator["definition_target"] == 50_000_000 and indicator["period_targets"] > 0
    board = {i["code"]: i for i in read(demo_factory, build_board)["indicators"]}["VEN-01"]
    for key in ("actual", "target", "achievement", "status", "ytd_actual", "ytd_achievement", "forecast", "xmr"):
        assert indicator[key] == board[key], key
    rows = detail["measurements"]
    assert detail["measurement_count"] == len(rows) == 24
    assert [r["period"] for r in rows] == sorted((r["period"] for r in rows), reverse=True)
    december = rows[0]
    assert december["target"] == board["target"] and december["achievement"] == board["achievement"]
    assert december["status"] == board["status"] and december["source"] == "import"
    assert (december["batch_file"], december["entered_by"]) == ("comercial.xlsx", "Lic. Ana Torres")
    # The demo's rows came in through the importer, which wrote their history: measurements and targets.
    assert detail["history_count"] >= 24
    assert {e["entity"] for e in detail["history"]} >= {"measurement", "indicator"}


def test_an_earlier_month_reads_only_the_values_up_to_it(demo_factory):
    detail = read(demo_factory, indicator_detail, "VEN-01", dt.date(2025, 6, 1))
    assert detail["period"] == "2025-06-01"
    assert max(r["period"] for r in detail["measurements"]) == dt.date(2025, 6, 1)
    assert detail["measurement_count"] == 18


def _workbook(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Mediciones"
    for row in [["Código", "Periodo", "Valor", "Comentario"], *rows]:
        sheet.append(row)
    book.save(path)
    return path


def test_sources_and_change_history_after_an_import_an_edit_and_a_deletion(demo_factory, tmp_path):
    path = _workbook(tmp_path / "ventas-diciembre.xlsx", [["VEN-01", "2025-12", 61_000_000, "cierre contable"]])
    with session_scope(demo_factory, actor="ana") as session:
        result = import_file(session, path, actor="ana")
    assert result.accepted, result
    with session_scope(demo_factory, actor="luis") as session:
        def row(month: int) -> Measurement:
            return session.scalar(select(Measurement).join(Indicator).where(
                Indicator.code == "VEN-01", Measurement.period == dt.date(2025, month, 1)))
        edited = row(11)
        edited.value, edited.source, edited.entered_by = 53_000_000.0, "manual", "luis"
        session.delete(row(10))

    detail = read(demo_factory, indicator_detail, "VEN-01")
    by_period = {r["period"]: r for r in detail["measurements"]}
    assert by_period[dt.date(2025, 12, 1)]["source"] == "import"
    assert by_period[dt.date(2025, 12, 1)]["batch_file"] == "ventas-diciembre.xlsx"
    assert by_period[dt.date(2025, 12, 1)]["entered_by"] == "ana"
    assert by_period[dt.date(2025, 12, 1)]["comment"] == "cierre contable"
    assert by_period[dt.date(2025, 11, 1)]["source"] == "manual" and by_period[dt.date(2025, 11, 1)]["value"] == 53e6
    assert dt.date(2025, 10, 1) not in by_period

    history = detail["history"]
    newest = history[:2]  # the hand edit and the deletion, in one transaction
    assert {e["actor"] for e in newest} == {"luis"}
    update = next(e for e in newest if e["operation"] == "update")
    assert update["period"] == "2025-11-01"
    assert {"field": "value", "old": 52803542.0, "new": 53e6} in update["changes"]
    assert {"field": "source", "old": "import", "new": "manual"} in update["changes"]
    deletion = next(e for e in newest if e["operation"] == "delete")
    assert deletion["period"] == "2025-10-01" and deletion["changes"][0]["field"] == "value"
    imported = next(e for e in history if e["actor"] == "ana" and e["entity"] == "measurement")
    assert imported["operation"] == "update" and imported["period"] == "2025-12-01"
    assert {"field": "value", "old": 61295868.0, "new": 61e6} in imported["changes"]
    assert {"field": "import_batch", "old": "comercial.xlsx", "new": "ventas-diciembre.xlsx"} in imported["changes"]
