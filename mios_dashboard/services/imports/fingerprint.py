"""Recognising a file imported before with nothing written since: its re-import is a no-op, known by its sha256
without reading the file (services/imports/import_file.py asks `Fingerprint.matching` first)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from mios_dashboard.audit import data_version
from mios_dashboard.importers import ImportProblem
from mios_dashboard.importers.result import ImportResult
from mios_dashboard.models import AppState, ImportBatch


@dataclass
class Fingerprint:
    """"This file was imported and nothing has been written since": a re-import of the same bytes is then a
    no-op known without reading the file (the data version moves with every committed write, docs/architecture.md#caching-and-warm-up).

    Kept in app_state, one row per file: `imp<V>:<sha256>` → the data version our commit leaves, and
    `imp<V>c:<sha256>` → the batch id with the definition and target counts packed in (the batch row holds the
    measurement counts), and `imp<V>s:<sha256>` → the process and objective counts packed together. V changes
    whenever the importer starts reading files differently (2: setup sheets, percent-formatted definitions).
    """

    sha256: str
    batch_id: int
    definitions: int
    targets: int
    processes: int = 0
    objectives: int = 0
    VERSION = "2"

    @classmethod
    def _keys(cls, sha256: str) -> tuple[str, str, str]:
        return (f"imp{cls.VERSION}:{sha256[:35]}", f"imp{cls.VERSION}c:{sha256[:34]}",
                f"imp{cls.VERSION}s:{sha256[:34]}")

    def save(self, session: Session) -> None:
        version_key, counts_key, setup_key = self._keys(self.sha256)
        packed = (self.batch_id << 40) | (min(self.definitions, _FIELD) << 20) | min(self.targets, _FIELD)
        setup = (min(self.processes, _FIELD) << 20) | min(self.objectives, _FIELD)
        connection = session.connection()
        for key, value in ((version_key, data_version(session)), (counts_key, packed), (setup_key, setup)):
            connection.execute(_UPSERT_STATE, {"key": key, "value": value})

    @classmethod
    def matching(cls, session: Session, sha256: str) -> Fingerprint | None:
        version_key, counts_key, setup_key = cls._keys(sha256)
        stored = dict(session.execute(select(AppState.key, AppState.value)
                                      .where(AppState.key.in_([version_key, counts_key, setup_key]))).all())
        if stored.get(version_key) is None or stored[version_key] != data_version(session):
            return None
        packed = stored.get(counts_key) or 0
        setup = stored.get(setup_key) or 0
        return cls(sha256=sha256, batch_id=packed >> 40, definitions=(packed >> 20) & _FIELD,
                   targets=packed & _FIELD, processes=setup >> 20, objectives=setup & _FIELD)


_FIELD = 2**20 - 1  # each packed count's bits
_UPSERT_STATE = text("INSERT INTO app_state (key, value) VALUES (:key, :value) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value")


def repeat_identical(session: Session, result: ImportResult, fingerprint: Fingerprint, actor: str,
                     step: Callable[[str], None]) -> ImportResult:
    """The no-op re-import: same counts as the import it repeats, all unchanged, and a batch of its own."""
    earlier = session.get(ImportBatch, fingerprint.batch_id)
    if earlier is None:  # pragma: no cover - batches are never deleted
        return result
    result.sheets = list(earlier.sheets or [])
    result.indicators_unchanged = fingerprint.definitions
    result.measurements_unchanged = earlier.rows_inserted + earlier.rows_updated + earlier.rows_unchanged
    result.targets_unchanged = fingerprint.targets
    result.processes_unchanged, result.objectives_unchanged = fingerprint.processes, fingerprint.objectives
    when = earlier.imported_at.isoformat(sep=" ", timespec="minutes") if earlier.imported_at else ""
    result.notices = [ImportProblem("identical_import", params={
        "batch": earlier.id, "by": earlier.imported_by, "at": when})]
    if result.dry_run:
        return result
    step("writing")
    batch = ImportBatch(
        file_name=result.file_name, sha256=result.sha256, size_bytes=result.size_bytes, imported_by=actor,
        status="accepted", sheets=list(result.sheets), errors=[], rows_inserted=0, rows_updated=0,
        rows_unchanged=result.measurements_unchanged, indicators_created=0, indicators_updated=0,
    )
    session.add(batch)
    session.flush()
    result.batch_id = batch.id
    Fingerprint(sha256=result.sha256, batch_id=batch.id, definitions=fingerprint.definitions,
                targets=fingerprint.targets, processes=fingerprint.processes,
                objectives=fingerprint.objectives).save(session)
    step("done")
    return result
