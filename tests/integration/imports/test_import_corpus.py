"""Issue 4's "done when": real-world-shaped files are imported exactly, or refused whole with the cell or
problem named and the database untouched; importing a file again is a no-op. SQLite and PostgreSQL."""
from __future__ import annotations

import shutil
import zipfile

import pytest
from sqlalchemy import func, select

from mios_dashboard.audit import data_version
from mios_dashboard.db import session_scope
from mios_dashboard.models import AuditEvent, ImportBatch, Indicator, Measurement, Target
from mios_dashboard.services.imports.import_file import import_file
from tests.corpus import catalog
from tests.corpus.heldout import CASES


@pytest.fixture
def factory(session_factory):
    with session_scope(session_factory, actor="setup") as session:
        catalog.seed(session)
    return session_factory


def run(factory, path, **kwargs):
    with session_scope(factory, actor="ana") as session:
        return import_file(session, path, actor="ana", **kwargs)


def stored(factory) -> dict:
    with session_scope(factory) as session:
        rows = session.execute(select(Indicator.code, Measurement.period, Measurement.value, Measurement.entered_at,
                                      Measurement.import_batch_id)
                               .join(Indicator, Indicator.id == Measurement.indicator_id)).all()
    return {(code, period): (value, at, batch) for code, period, value, at, batch in rows}


def counts(factory) -> dict:
    with session_scope(factory) as session:
        found = {m.__tablename__: session.scalar(select(func.count()).select_from(m))
                 for m in (AuditEvent, ImportBatch, Indicator, Measurement, Target)}
        return {**found, "data_version": data_version(session)}


def resaved(path, folder):
    """The same content in other bytes (a new sha256): the full comparison path, not the fingerprint."""
    copy = folder / f"otra-{path.name}"
    shutil.copy(path, copy)
    if copy.suffix == ".csv":
        copy.write_bytes(copy.read_bytes() + b"\r\n")
    else:
        with zipfile.ZipFile(copy, "a") as archive:
            archive.comment = b"guardado otra vez"
    return copy


@pytest.mark.parametrize("case", [c for c in CASES if c.refusal is None], ids=lambda c: c.name)
def test_imported_exactly_and_again_is_a_no_op(factory, tmp_path, case):
    path = case.build(tmp_path)
    result = run(factory, path)
    assert result.accepted, result.messages()
    assert result.measurements_inserted == len(case.expected)
    first = stored(factory)
    assert {key: value for key, (value, _, _) in first.items()} == case.expected
    assert {batch for _, _, batch in first.values()} == {result.batch_id}
    before = counts(factory)

    again = run(factory, path)
    assert (again.measurements_inserted, again.measurements_updated, again.measurements_unchanged) == (
        0, 0, len(case.expected))
    assert stored(factory) == first
    after = counts(factory)
    assert after["measurement"] == before["measurement"] and after["import_batch"] == before["import_batch"] + 1
    assert after["audit_event"] == before["audit_event"] + 1  # the new batch's own record, nothing else

    other = run(factory, resaved(path, tmp_path))
    assert other.accepted and (other.measurements_inserted, other.measurements_updated) == (0, 0)
    assert other.measurements_unchanged == len(case.expected)
    assert stored(factory) == first


@pytest.mark.parametrize("case", [c for c in CASES if c.refusal is not None], ids=lambda c: c.name)
def test_refused_whole_with_the_spot_named_and_nothing_written(factory, tmp_path, case):
    path = case.build(tmp_path)
    before, rows = counts(factory), stored(factory)
    result = run(factory, path)
    assert not result.accepted
    code, sheet, cell = case.refusal
    assert (code, sheet, cell) in {(p.code, p.sheet, p.cell) for p in result.errors}
    assert all(line and "Traceback" not in line for line in result.messages("es") + result.messages("en"))
    after = counts(factory)
    assert stored(factory) == rows
    assert {k: after[k] - before[k] for k in ("measurement", "indicator", "target", "import_batch")} == {
        "measurement": 0, "indicator": 0, "target": 0, "import_batch": 1}
    with session_scope(factory) as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert batch.status == "refused" and batch.errors[0]["code"] == result.errors[0].code


def test_a_dry_run_of_every_case_writes_nothing(factory, tmp_path):
    before = counts(factory)
    for case in CASES:
        preview = run(factory, case.build(tmp_path), dry_run=True)
        assert preview.accepted is (case.refusal is None)
        assert preview.measurements_inserted == len(case.expected)
    assert counts(factory) == before
