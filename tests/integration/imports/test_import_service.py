"""The import service on a real database: all or nothing, refusals recorded, re-imports and dry runs inert."""
from __future__ import annotations

import datetime as dt
import hashlib

import openpyxl
import pytest
from sqlalchemy import func, select

from mios_dashboard.audit import data_version
from mios_dashboard.db import session_scope
from mios_dashboard.importers import ImportProblem
from mios_dashboard.models import (
    AuditEvent,
    ImportBatch,
    Indicator,
    Measurement,
    Objective,
    Process,
    Target,
)
from mios_dashboard.services.imports.import_file import ImportResult, file_facts, import_file, record_refusal
from tests.seeded import perspective as seeded_perspective

DEFINITIONS = [
    ["Código", "Nombre", "Unidad", "Sentido", "Frecuencia", "Agregación", "Meta", "Perspectiva", "Objetivo", "Proceso"],
    ["VEN-01", "Ventas netas", "MXN", "mayor es mejor", "mensual", "suma", 1000, "Financiera", "OBJ-01", "RD"],
    ["CAL-02", "Quejas", "quejas", "menor es mejor", "semanal", "suma", 3, "CLI", None, None],
]
MEASUREMENTS = [
    ["Código", "Periodo", "Valor", "Comentario"],
    ["VEN-01", dt.date(2025, 1, 31), 950, "cierre"],
    ["VEN-01", "2025-02", 1010, None],
    ["CAL-02", dt.date(2025, 1, 8), 2, None],
]


def write_book(path, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def factory(session_factory):
    """A database with the perspectives, objective and process the definitions point to."""
    with session_scope(session_factory, actor="setup") as session:
        fin = seeded_perspective(session, "FIN")
        session.add(Process(code="RD", name="Responsabilidad de la Dirección", type="strategic"))
        session.flush()
        session.add(Objective(code="OBJ-01", title="Crecer las ventas", perspective_id=fin.id))
    return session_factory


@pytest.fixture
def good_file(tmp_path):
    return write_book(tmp_path / "tablero.xlsx", {"Indicadores": DEFINITIONS, "Mediciones": MEASUREMENTS})


def run(factory, path, **kwargs) -> ImportResult:
    with session_scope(factory, actor="ana") as session:
        return import_file(session, path, actor="ana", **kwargs)


def snapshot(factory) -> dict:
    """Row counts and the data version: what "nothing was written" is checked against."""
    with session_scope(factory) as session:
        counts = {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                  for model in (AuditEvent, ImportBatch, Indicator, Measurement)}
        return {**counts, "data_version": data_version(session)}


def audit(factory, after_id: int = 0) -> list[tuple[str, str, str, str]]:
    with session_scope(factory) as session:
        return [(e.actor, e.operation, e.entity, e.summary)
                for e in session.scalars(select(AuditEvent).where(AuditEvent.id > after_id).order_by(AuditEvent.id))]


def last_audit_id(factory) -> int:
    with session_scope(factory) as session:
        return session.scalar(select(func.max(AuditEvent.id))) or 0


def test_an_accepted_import_writes_indicators_measurements_batch_and_audit_trail(factory, good_file):
    before = last_audit_id(factory)
    result = run(factory, good_file)
    assert result.accepted and result.errors == []
    assert (result.indicators_created, result.measurements_inserted) == (2, 3)
    with session_scope(factory) as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert (batch.status, batch.imported_by, batch.file_name) == ("accepted", "ana", "tablero.xlsx")
        assert batch.sha256 == hashlib.sha256(good_file.read_bytes()).hexdigest()
        assert batch.size_bytes == good_file.stat().st_size
        assert batch.sheets == ["Indicadores", "Mediciones"]
        assert (batch.rows_inserted, batch.rows_updated, batch.rows_unchanged) == (3, 0, 0)
        assert (batch.indicators_created, batch.indicators_updated, batch.errors) == (2, 0, [])
        ven = session.scalar(select(Indicator).where(Indicator.code == "VEN-01"))
        assert (ven.direction, ven.frequency, ven.aggregation, ven.target) == ("higher", "monthly", "sum", 1000.0)
        assert ven.perspective.code == "FIN" and ven.objective.code == "OBJ-01" and ven.process.code == "RD"
        rows = session.execute(
            select(Indicator.code, Measurement.period, Measurement.value, Measurement.comment, Measurement.source,
                   Measurement.import_batch_id, Measurement.entered_by)
            .join(Indicator, Indicator.id == Measurement.indicator_id).order_by(Indicator.code, Measurement.period)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("CAL-02", dt.date(2025, 1, 6), 2.0, None, "import", result.batch_id, "ana"),
        ("VEN-01", dt.date(2025, 1, 1), 950.0, "cierre", "import", result.batch_id, "ana"),
        ("VEN-01", dt.date(2025, 2, 1), 1010.0, None, "import", result.batch_id, "ana"),
    ]
    events = audit(factory, before)
    assert sorted(e[2] for e in events) == ["import_batch", "indicator", "indicator", "measurement", "measurement",
                                             "measurement"]
    assert {(actor, operation) for actor, operation, _, _ in events} == {("ana", "insert")}


def test_a_refused_import_writes_nothing_but_its_refused_batch(factory, good_file, tmp_path):
    run(factory, good_file)
    bad = write_book(tmp_path / "malo.xlsx", {"Mediciones": MEASUREMENTS + [
        ["VEN-01", "2025-03", 5],          # a good row: must not be written either
        ["ZZZ-9", "2025-03", 1],
        ["VEN-01", "2025-04", "pendiente"],
    ]})
    before, first_event = snapshot(factory), last_audit_id(factory)
    result = run(factory, bad)
    assert not result.accepted
    assert result.messages() == ["Mediciones!A6: indicador desconocido «ZZZ-9»",
                                 "Mediciones!C7: «pendiente» no es un número"]
    after = snapshot(factory)
    assert after["measurement"] == before["measurement"] and after["indicator"] == before["indicator"]
    assert after["import_batch"] == before["import_batch"] + 1
    assert [e[1:3] for e in audit(factory, first_event)] == [("insert", "import_batch")]
    with session_scope(factory) as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert (batch.status, batch.file_name, batch.rows_inserted) == ("refused", "malo.xlsx", 0)
        assert batch.errors == [
            {"sheet": "Mediciones", "cell": "A6", "code": "unknown_indicator", "params": {"code": "ZZZ-9"}},
            {"sheet": "Mediciones", "cell": "C7", "code": "not_a_number", "params": {"value": "pendiente"}},
        ]
        # stored errors render in either language later, e.g. on the upload page's history
        assert ImportProblem.from_dict(batch.errors[1]).render("en") == "Mediciones!C7: “pendiente” is not a number"


def test_a_file_that_is_not_a_workbook_is_refused_and_recorded(factory, tmp_path):
    path = tmp_path / "notas.xlsx"
    path.write_bytes(b"%PDF-1.7 not a workbook")
    result = run(factory, path)
    assert not result.accepted and [p.code for p in result.errors] == ["not_a_workbook"]
    with session_scope(factory) as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert (batch.status, batch.size_bytes, batch.sheets) == ("refused", path.stat().st_size, [])


def test_importing_the_same_file_twice_changes_nothing_the_second_time(factory, good_file):
    run(factory, good_file)
    with session_scope(factory) as session:
        entered = sorted(session.scalars(select(Measurement.entered_at)))
    first_event = last_audit_id(factory)
    second = run(factory, good_file)
    assert second.accepted
    assert (second.indicators_created, second.indicators_updated, second.indicators_unchanged) == (0, 0, 2)
    assert (second.measurements_inserted, second.measurements_updated, second.measurements_unchanged) == (0, 0, 3)
    assert [e[1:3] for e in audit(factory, first_event)] == [("insert", "import_batch")]
    with session_scope(factory) as session:
        assert sorted(session.scalars(select(Measurement.entered_at))) == entered
        assert session.get(ImportBatch, second.batch_id).rows_unchanged == 3


def test_a_dry_run_writes_nothing_at_all(factory, good_file, tmp_path):
    before = snapshot(factory)
    preview = run(factory, good_file, dry_run=True)
    assert preview.accepted and preview.batch_id is None
    assert (preview.indicators_created, preview.measurements_inserted) == (2, 3)
    bad = write_book(tmp_path / "malo.xlsx", {"Mediciones": [["Código", "Periodo", "Valor"], ["ZZZ-9", "2025-01", 1]]})
    refused = run(factory, bad, dry_run=True)
    assert not refused.accepted and refused.batch_id is None
    assert snapshot(factory) == before


def test_changed_values_are_updated_and_audited_old_to_new(factory, good_file, tmp_path):
    first = run(factory, good_file)
    changed = write_book(tmp_path / "cambios.xlsx", {
        "Indicators": [["Code", "Target"], ["VEN-01", 1200]],
        "Measurements": [["Code", "Period", "Value"], ["VEN-01", "2025-01", 990], ["VEN-01", "2025-02", 1010],
                         ["VEN-01", "2025-03", 1100]],
    })
    preview = run(factory, changed, dry_run=True, lang="en")
    assert (preview.indicators_updated, preview.measurements_inserted, preview.measurements_updated,
            preview.measurements_unchanged) == (1, 1, 1, 1)
    first_event = last_audit_id(factory)
    result = run(factory, changed)
    assert (result.indicators_updated, result.measurements_inserted, result.measurements_updated) == (1, 1, 1)
    with session_scope(factory) as session:
        events = list(session.scalars(select(AuditEvent).where(AuditEvent.id > first_event).order_by(AuditEvent.id)))
        updates = {(e.entity, e.summary): e.changes for e in events if e.operation == "update"}
        january = session.scalar(select(Measurement).where(Measurement.period == dt.date(2025, 1, 1)))
        assert (january.value, january.comment, january.import_batch_id) == (990.0, "cierre", result.batch_id)
        february = session.scalar(select(Measurement).where(Measurement.period == dt.date(2025, 2, 1)))
        assert february.import_batch_id == first.batch_id  # unchanged rows keep their origin
    assert updates[("indicator", "VEN-01")] == {"target": [1000.0, 1200.0]}
    measurement_update = next(c for (entity, _), c in updates.items() if entity == "measurement")
    assert measurement_update["value"] == [950.0, 990.0]
    assert measurement_update["import_batch_id"] == [first.batch_id, result.batch_id]
    assert sorted(e.operation + ":" + e.entity for e in events) == [
        "insert:import_batch", "insert:measurement", "update:indicator", "update:measurement"]


def test_a_manual_measurement_with_the_same_value_is_left_alone(factory, good_file, tmp_path):
    with session_scope(factory) as session:
        session.add(Indicator(code="MAN-1", name="Manual", frequency="monthly"))
        session.flush()
        indicator_id = session.scalar(select(Indicator.id).where(Indicator.code == "MAN-1"))
        session.add(Measurement(indicator_id=indicator_id, period=dt.date(2025, 1, 1), value=7.0, source="manual",
                                comment="capturado a mano"))
    path = write_book(tmp_path / "m.xlsx", {"Mediciones": [["Código", "Periodo", "Valor"], ["MAN-1", "2025-01-20", 7]]})
    result = run(factory, path)
    assert result.measurements_unchanged == 1
    with session_scope(factory) as session:
        kept = session.scalar(select(Measurement))
        assert (kept.source, kept.comment, kept.import_batch_id) == ("manual", "capturado a mano", None)


def test_record_refusal_keeps_a_failed_attempt_in_its_own_transaction(factory, good_file):
    sha256, size = file_facts(good_file)
    result = ImportResult(file_name=good_file.name, sha256=sha256, size_bytes=size)
    with session_scope(factory, actor="ana") as session:
        record_refusal(session, result, [ImportProblem("write_failed", params={"detail": "deadlock"})], actor="ana")
    assert result.status == "refused" and result.messages("en") == ["the database refused the write: deadlock"]
    with session_scope(factory) as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert (batch.status, batch.errors[0]["code"]) == ("refused", "write_failed")


def test_a_missing_file_is_the_callers_problem(factory, tmp_path):
    with pytest.raises(FileNotFoundError):
        run(factory, tmp_path / "no-existe.xlsx")
    assert snapshot(factory)["import_batch"] == 0


# --- bulk writes and their audit trail ---------------------------------------------------------------------------
def test_bulk_inserted_measurements_each_leave_an_audit_event_old_to_new(factory, tmp_path):
    tricky = 'dijo "sí"\ty se fue\\ al\nfinal — ñandú 😀'
    path = write_book(tmp_path / "c.xlsx", {"Indicadores": DEFINITIONS, "Mediciones": [
        ["Código", "Periodo", "Valor", "Comentario"], ["VEN-01", "2025-01", 1 / 3, tricky],
        ["VEN-01", "2025-02", 1e20, None]]})
    version = snapshot(factory)["data_version"]
    result = run(factory, path)
    assert result.accepted, result.messages()
    assert snapshot(factory)["data_version"] > version
    with session_scope(factory) as session:
        stored = {m.period: m for m in session.scalars(select(Measurement))}
        events = {e.summary: e for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "measurement"))}
        january, february = stored[dt.date(2025, 1, 1)], stored[dt.date(2025, 2, 1)]
        indicator_id = january.indicator_id
    assert january.comment == tricky and january.value == pytest.approx(1 / 3, rel=1e-15)
    event = events["VEN-01 2025-01-01"]
    assert (event.actor, event.operation, event.entity_id) == ("ana", "insert", str(january.id))
    assert event.changes["comment"] == [None, tricky]
    assert event.changes["indicator_id"] == [None, indicator_id]
    assert event.changes["period"] == [None, "2025-01-01"]
    assert event.changes["import_batch_id"] == [None, result.batch_id]
    assert event.changes["value"][1] == pytest.approx(january.value, rel=1e-14)
    assert events["VEN-01 2025-02-01"].changes["value"] == [None, 1e20]
    assert (february.value, events["VEN-01 2025-02-01"].entity_id) == (1e20, str(february.id))
    assert "comment" not in events["VEN-01 2025-02-01"].changes


def test_a_reimport_after_a_manual_edit_restores_the_files_value(factory, good_file):
    run(factory, good_file)
    with session_scope(factory, actor="luis") as session:
        january = session.scalar(select(Measurement).where(Measurement.period == dt.date(2025, 1, 1)))
        january.value = 1.0  # the audit hook records it and moves the data version
    first_event = last_audit_id(factory)
    again = run(factory, good_file)  # the same bytes: the fingerprint no longer matches
    assert (again.measurements_updated, again.measurements_unchanged) == (1, 2)
    updates = [e for e in audit(factory, first_event) if e[1] == "update"]
    assert updates == [("ana", "update", "measurement", "VEN-01 2025-01-01")]
    with session_scope(factory) as session:
        event = session.scalar(select(AuditEvent).where(AuditEvent.id > first_event, AuditEvent.operation == "update"))
        assert event.changes["value"] == [1.0, 950.0]
        assert event.changes["import_batch_id"][1] == again.batch_id


def test_a_refused_file_in_between_does_not_break_the_no_op(factory, good_file, tmp_path):
    run(factory, good_file)
    bad = write_book(tmp_path / "malo.xlsx", {"Mediciones": [["Código", "Periodo", "Valor"], ["ZZZ-9", "2025-01", 1]]})
    assert not run(factory, bad).accepted
    again = run(factory, good_file)
    assert (again.measurements_inserted, again.measurements_updated, again.measurements_unchanged) == (0, 0, 3)
    assert (again.indicators_created, again.indicators_updated, again.indicators_unchanged) == (0, 0, 2)


def test_the_no_op_says_which_batch_it_repeats(factory, good_file):
    first = run(factory, good_file)
    again = run(factory, good_file, lang="en")
    assert [n.code for n in again.notices] == ["identical_import"]
    assert again.notice_messages()[0].startswith(f"the file is identical to the one of batch {first.batch_id} (ana, ")
    assert again.sheets == first.sheets


def test_per_period_targets_from_a_long_sheet(factory, tmp_path):
    run(factory, write_book(tmp_path / "d.xlsx", {"Indicadores": DEFINITIONS}))
    rows = [["Código", "Periodo", "Valor", "Meta"], ["VEN-01", "2025-01", 900, 1000], ["VEN-01", "2025-02", None, 1100]]
    result = run(factory, write_book(tmp_path / "m.xlsx", {"Mediciones": rows}))
    assert (result.measurements_inserted, result.targets_inserted) == (1, 2)
    changed = [["Código", "Periodo", "Meta"], ["VEN-01", "2025-02", 1150]]
    first_event = last_audit_id(factory)
    result = run(factory, write_book(tmp_path / "m2.xlsx", {"Mediciones": [
        ["Código", "Periodo", "Valor", "Meta"], ["VEN-01", "2025-01", 900, 1000], *[[r[0], r[1], None, r[2]]
                                                                                     for r in changed[1:]]]}))
    assert (result.targets_updated, result.targets_unchanged, result.measurements_unchanged) == (1, 1, 1)
    with session_scope(factory) as session:
        targets = {t.period: t.target for t in session.scalars(select(Target))}
        event = session.scalar(select(AuditEvent).where(AuditEvent.id > first_event, AuditEvent.entity == "target"))
    assert targets == {dt.date(2025, 1, 1): 1000.0, dt.date(2025, 2, 1): 1150.0}
    assert (event.operation, event.summary, event.changes) == ("update", "VEN-01 2025-02-01", {"target": [1100.0, 1150.0]})


def test_a_new_comment_alone_updates_the_row(factory, good_file, tmp_path):
    run(factory, good_file)
    result = run(factory, write_book(tmp_path / "c.xlsx", {"Mediciones": [
        ["Código", "Periodo", "Valor", "Comentario"], ["VEN-01", "2025-02", 1010, "revisado"]]}))
    assert (result.measurements_updated, result.measurements_unchanged) == (1, 0)
    with session_scope(factory) as session:
        february = session.scalar(select(Measurement).where(Measurement.period == dt.date(2025, 2, 1)))
        assert (february.value, february.comment) == (1010.0, "revisado")


def test_a_percent_indicator_defined_in_the_same_file_scales_percent_cells(factory, tmp_path):
    from tests.corpus.xlsx import SheetSpec, Styled, write_xlsx

    path = write_xlsx(tmp_path / "p.xlsx", [
        SheetSpec("Indicadores", [["Código", "Nombre", "Unidad"], ["CUM-1", "Cumplimiento", "%"]]),
        SheetSpec("Mediciones", [["Código", "Periodo", "Valor"], ["CUM-1", "2025-01", Styled(0.875, "percent1")]])])
    assert run(factory, path).accepted
    with session_scope(factory) as session:
        assert session.scalar(select(Measurement.value)) == 87.5


def test_an_upload_is_recorded_under_its_own_name_and_must_be_the_previewed_file(factory, good_file):
    from mios_dashboard.services.imports.import_file import import_upload, recent_batches

    data = good_file.read_bytes()
    with session_scope(factory, actor="ana") as session:
        preview = import_upload(session, data, "C:\\Users\\ana\\Tablero marzo.xlsx", actor="ana", dry_run=True)
    assert preview.accepted and preview.file_name == "Tablero marzo.xlsx"
    stages = []
    with session_scope(factory, actor="ana") as session:
        wrong = import_upload(session, data + b"x", "Tablero marzo.xlsx", actor="ana", expected_sha256=preview.sha256)
        done = import_upload(session, data, "Tablero marzo.xlsx", actor="ana", expected_sha256=preview.sha256,
                             progress=stages.append)
    assert [p.code for p in wrong.errors] == ["file_changed"] and done.accepted
    assert stages == ["reading", "validating", "comparing", "writing", "done"]
    with session_scope(factory) as session:
        history = recent_batches(session, lang="en")
    assert [(h["file"], h["status"]) for h in history] == [("Tablero marzo.xlsx", "accepted"),
                                                           ("Tablero marzo.xlsx", "refused")]
    assert history[1]["errors"] == ["“Tablero marzo.xlsx” is not the file of the preview; upload it again"]


def test_a_preview_lists_the_changes_old_to_new(factory, good_file, tmp_path):
    run(factory, good_file)
    changed = write_book(tmp_path / "cambios.xlsx", {"Mediciones": [
        ["Código", "Periodo", "Valor"], ["VEN-01", "2025-01", 990], ["VEN-01", "2025-03", 1100]]})
    preview = run(factory, changed, dry_run=True)
    assert [(c["kind"], c["code"], c["period"], c["old"], c["new"], c["cell"]) for c in preview.changes] == [
        ("update", "VEN-01", "2025-01-01", 950.0, 990.0, "Mediciones!C2"),
        ("insert", "VEN-01", "2025-03-01", None, 1100.0, "Mediciones!C3")]
    assert preview.to_dict()["changes"] == preview.changes
