"""The demo's measurements: 24 months of stories that reach the board through the importer, from its workbooks."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from mios_dashboard.db import session_scope
from mios_dashboard.demo import workbooks
from mios_dashboard.demo.calendar import DemoCalendar, add_months
from mios_dashboard.models import AuditEvent, ImportBatch, Indicator, Measurement, Target
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.services.imports.import_file import import_file
from tests.integration.demo.helpers import (
    ANCHOR,
    CONTENT,
    INDICATORS,
    NO_DATA_CODE,
    STALE_CODE,
    TODAY,
    measurement_rows,
    target_rows,
)

# The board of TODAY as the demo showed it before it went through the importer (`board --json`, 2026-01-15):
# loading through the workbooks must give the same board, number for number.
BOARD_BEFORE_IMPORTER = {
    "score": 0.9786052880527863, "status": "yellow",
    "perspectives": {"Financiera": 0.9985444747121102, "Clientes": 0.9015337942957503,
                     "Procesos internos": 0.9977320483033661, "Aprendizaje y crecimiento": 1.0609919684972449},
    "actuals": {"CAL-01": 2.71, "COM-01": 84.3, "FIN-04": 1.99, "MER-01": 12.0, "OPE-01": 73.5962962962963,
                "OPE-02": 9869793.0, "VEN-01": 61295868.0},
    "statuses": {
        "CAL-01": "green", "CAL-02": "yellow", "CAL-03": "yellow", "CAL-04": "green", "CAL-05": "red",
        "CAL-06": "green", "COM-01": "yellow", "COM-02": "red", "COM-03": "green", "EST-01": "yellow",
        "FIN-01": "yellow", "FIN-02": "no_data", "FIN-03": "red", "FIN-04": "green", "FIN-05": "green",
        "FIN-06": "green", "MER-01": "yellow", "OPE-01": "yellow", "OPE-02": "green", "OPE-03": "green",
        "OPE-04": "green", "OPE-05": "green", "OPE-06": "red", "OPE-07": "green", "OPE-08": "green",
        "ORG-01": "yellow", "PER-01": "yellow", "PER-02": "stale", "PER-03": "green", "PER-04": "green",
        "PER-05": "green", "PRV-01": "red", "PRV-02": "yellow", "PRV-03": "green", "PRV-04": "green",
        "VEN-01": "yellow", "VEN-02": "green", "VEN-03": "red", "VEN-04": "green",
    },
}


def test_measurements_cover_24_periods_with_planted_gaps_and_a_stale_indicator(demo_factory):
    with session_scope(demo_factory) as session:
        rows = session.execute(
            select(Indicator.code, Indicator.frequency, Measurement.period, Measurement.source)
            .join(Indicator, Measurement.indicator_id == Indicator.id)
        ).all()
    periods: dict[str, list[dt.date]] = {}
    for code, frequency, period, source in rows:
        assert source == "import"  # every value came in through the importer, from the demo's workbooks
        periods.setdefault(code, []).append(period)
        if frequency == "monthly":
            assert period.day == 1
        elif frequency == "weekly":
            assert period.weekday() == 0
        elif frequency == "quarterly":
            assert period.day == 1 and period.month in (1, 4, 7, 10)
        elif frequency == "yearly":
            assert (period.month, period.day) == (1, 1)
        assert period <= dt.date(2025, 12, 31)
    for spec in INDICATORS:
        if spec.frequency == "monthly":
            expected = 24 - len(spec.series.gaps) - spec.series.stop
            assert len(periods[spec.code]) == expected, spec.code
            assert min(periods[spec.code]) >= dt.date(2024, 1, 1)
    assert sum(1 for s in INDICATORS if s.series.gaps) >= 2
    assert max(periods[STALE_CODE]) <= add_months(ANCHOR, -5)
    assert max(periods[NO_DATA_CODE]) == add_months(ANCHOR, -1)
    assert len(periods["OPE-02"]) in (104, 105)  # weekly: the Mondays of 24 months


def test_the_current_board_shows_greens_yellows_and_reds(demo_factory):
    with session_scope(demo_factory) as session:
        board = build_board(session)
    assert board["period"] == ANCHOR.isoformat()
    counts = board["counts"]
    assert counts["green"] > counts["yellow"] > counts["red"] > 0
    statuses = {i["code"]: i["status"] for i in board["indicators"]}
    assert statuses[STALE_CODE] == "stale" and statuses[NO_DATA_CODE] == "no_data"


def test_the_board_is_the_one_the_demo_showed_before_the_importer(demo_factory):
    with session_scope(demo_factory) as session:
        board = build_board(session)
    expected = BOARD_BEFORE_IMPORTER
    assert board["score"] == pytest.approx(expected["score"], rel=1e-12) and board["status"] == expected["status"]
    assert {p["name"]: p["score"] for p in board["perspectives"]} == pytest.approx(expected["perspectives"], rel=1e-12)
    assert {i["code"]: i["status"] for i in board["indicators"]} == expected["statuses"]
    actuals = {i["code"]: i["actual"] for i in board["indicators"] if i["code"] in expected["actuals"]}
    assert actuals == pytest.approx(expected["actuals"], rel=1e-12)


def test_the_demo_walks_the_importer_from_its_workbooks(demo_factory, tmp_path):
    assert sorted(path.name for path in (tmp_path / "demo").iterdir()) == sorted(workbooks.FILE_NAMES)
    keepers = {name: person.full for name, person in CONTENT.keepers.items()}
    with session_scope(demo_factory) as session:
        batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id)).all()
        assert [b.file_name for b in batches] == list(workbooks.FILE_NAMES)
        assert all(b.status == "accepted" and not b.errors and b.sheets for b in batches)
        assert {b.file_name: b.imported_by for b in batches} == keepers
        definitions, *measured = batches
        assert definitions.indicators_created == len(INDICATORS) and definitions.rows_inserted == 0
        assert all(b.rows_inserted > 0 and b.rows_updated == b.rows_unchanged == 0 for b in measured)
        # Every value belongs to the batch of its file and was entered by the file's keeper.
        rows = session.execute(
            select(Indicator.code, ImportBatch.file_name, Measurement.entered_by)
            .join(Indicator, Measurement.indicator_id == Indicator.id)
            .join(ImportBatch, Measurement.import_batch_id == ImportBatch.id)
        ).all()
        files = {spec.code: workbooks.file_for(spec.frequency, spec.group, CONTENT.file_groups) for spec in INDICATORS}
        assert len(rows) == session.scalar(select(func.count()).select_from(Measurement))
        assert all(name == files[code] and by == keepers[name] for code, name, by in rows)
        assert {b.file_name: b.rows_inserted for b in measured} == {
            name: sum(1 for _code, file_name, _by in rows if file_name == name) for name in workbooks.FILE_NAMES[1:]}
        # The audit trail: one event per value and per budget target, in the keeper's name.
        events = dict(session.execute(
            select(AuditEvent.entity, func.count()).where(AuditEvent.operation == "insert")
            .where(AuditEvent.entity.in_(["measurement", "target"])).group_by(AuditEvent.entity)).all())
        assert events == {"measurement": len(rows), "target": session.scalar(select(func.count()).select_from(Target))}
        sales = session.scalars(select(AuditEvent.actor).where(AuditEvent.entity == "target")).all()
        assert set(sales) == {keepers[workbooks.COMMERCIAL]}


def test_every_value_arrives_as_the_story_tells_it(demo_factory):
    """Each layout (wide by name with "n/d", long with dates, quarters and years, year and month columns, the
    Spanish CSV with decimal commas, the daily export) reads back exactly the values of the story."""
    story = workbooks.series(CONTENT, DemoCalendar(TODAY))
    expected = sorted((code, period, value, comment) for code, rows in story.items() for period, value, comment in rows)
    assert [(code, period, value, comment) for code, period, value, comment, _by in measurement_rows(demo_factory)] == expected


def test_a_user_can_reimport_the_demo_workbooks_and_edit_them(demo_factory, tmp_path):
    folder = tmp_path / "demo"
    before_values, before_targets = measurement_rows(demo_factory), target_rows(demo_factory)
    with session_scope(demo_factory, actor="ana") as session:
        for name in workbooks.FILE_NAMES:
            result = import_file(session, folder / name, actor="ana")
            assert result.accepted, result.messages()
            assert (result.indicators_created, result.indicators_updated, result.measurements_inserted,
                    result.measurements_updated, result.targets_inserted, result.targets_updated) == (0,) * 6, name
    assert measurement_rows(demo_factory) == before_values and target_rows(demo_factory) == before_targets

    # Opened in Excel, one figure corrected, imported again: exactly that value changes.
    import openpyxl

    path = folder / workbooks.MONTHLY
    book = openpyxl.load_workbook(path)
    sheet = book["Mensual"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "Margen bruto")
    row[-2].value = 30.5  # the newest month (the last column is the Promedio)
    book.save(path)
    with session_scope(demo_factory, actor="ana") as session:
        result = import_file(session, path, actor="ana")
    assert result.accepted and result.measurements_updated == 1 and result.measurements_inserted == 0
    changed = set(measurement_rows(demo_factory)) - set(before_values)
    assert [(code, period, value, by) for code, period, value, _comment, by in changed] == [
        ("FIN-01", ANCHOR, 30.5, "ana")]
