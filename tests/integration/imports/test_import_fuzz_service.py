"""Mutated workbooks through the import service on a real database: accepted whole or refused whole,
never a partial write, never an exception but the database's own (SQLite and PostgreSQL)."""
from __future__ import annotations

import io
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from mios_dashboard.db import session_scope
from mios_dashboard.models import ImportBatch, Indicator, Measurement, Target
from mios_dashboard.repositories import measurements as measurement_repo
from mios_dashboard.services.imports.import_file import import_file
from tests.corpus import catalog
from tests.corpus.xlsx import Formula, SheetSpec, Styled, write_xlsx

EXAMPLES = int(os.environ.get("MIOS_FUZZ_EXAMPLES", "40"))


@pytest.fixture
def factory(session_factory):
    with session_scope(session_factory, actor="setup") as session:
        catalog.seed(session)
    return session_factory


@pytest.fixture
def seed_parts(tmp_path) -> dict[str, bytes]:
    path = write_xlsx(tmp_path / "seed.xlsx", [
        SheetSpec("Indicadores", [["Código", "Nombre", "Unidad", "Frecuencia"], ["NUE-1", "Nuevo", "%", "mensual"]]),
        SheetSpec("Mediciones", [["Código", "Periodo", "Valor", "Meta"],
                                 ["VEN-01", "2025-01", 10, 12], ["NUE-1", "2025-01", Styled(0.5, "percent"), None],
                                 ["Entregas a tiempo", "feb-25", Formula("1+1", 92.0), 95]]),
        SheetSpec("Tablero", [["2025"], ["Indicador", "Ene", "Feb"], ["MAR-07", "31,5", 32]], merged=["A1:C1"]),
    ])
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def state(factory) -> tuple:
    with session_scope(factory) as session:
        measurements = sorted(session.execute(select(Measurement.indicator_id, Measurement.period, Measurement.value,
                                                     Measurement.comment, Measurement.import_batch_id)).all())
        targets = sorted(session.execute(select(Target.indicator_id, Target.period, Target.target)).all())
        indicators = sorted(session.execute(select(Indicator.code, Indicator.name, Indicator.unit)).all())
        batches = session.scalar(select(func.count()).select_from(ImportBatch))
    return measurements, targets, indicators, batches


NOISE = st.sampled_from([b"<", b">", b'"', b"&", b"<c r=\"C9\"><v>7</v></c>", b"<v>x</v>", b' t="s"', b' s="3"',
                         b"</row><row>", b"<v>1.5e3</v>", b"\xff", b"NUE-1", b"2025-13"])


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_are_imported_whole_or_refused_whole(factory, seed_parts, tmp_path, data):
    parts = dict(seed_parts)
    name = data.draw(st.sampled_from(sorted(n for n in parts if n.endswith(".xml"))))
    text = bytearray(parts[name])
    for _ in range(data.draw(st.integers(0, 4))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text[at:at] = data.draw(NOISE)
        else:
            del text[at:at + data.draw(st.integers(1, 30))]
    parts[name] = bytes(text)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    path = tmp_path / "mutado.xlsx"
    path.write_bytes(buffer.getvalue())

    before = state(factory)
    with session_scope(factory, actor="fuzz") as session:
        result = import_file(session, path, actor="fuzz")
    after = state(factory)
    assert after[3] == before[3] + 1  # one batch, accepted or refused
    if not result.accepted:
        assert after[:3] == before[:3]
        assert result.errors and all(p.render("es") for p in result.errors)
        assert "internal_error" not in {p.code for p in result.errors}
    else:
        assert len(after[0]) - len(before[0]) == result.measurements_inserted


def test_a_database_failure_mid_write_leaves_nothing(factory, seed_parts, tmp_path, monkeypatch):
    path = tmp_path / "bueno.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in seed_parts.items():
            archive.writestr(part, content)
    path.write_bytes(buffer.getvalue())
    before = state(factory)

    def broken(*_args, **_kwargs):
        raise RuntimeError("connection lost")  # after the measurements were sent, before the targets

    monkeypatch.setattr(measurement_repo, "write_targets", broken)
    with pytest.raises(RuntimeError), session_scope(factory, actor="ana") as session:
        import_file(session, path, actor="ana")
    assert state(factory) == before
