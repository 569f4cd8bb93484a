"""Use case: import an Excel file of indicator definitions and measurements, all or nothing (DESIGN §4).

Transactions — the caller owns the session (`session_scope`) and commits; this service never commits:
- Every check runs before the first write. A refused file is a normal *return*, not an exception: nothing
  domain-side is touched, and a refused ImportBatch carrying the errors is added to the session, so the
  caller's ordinary commit keeps the record of the refusal (control of records, slide 51).
- A dry run writes nothing at all, accepted or refused; it reports what would be inserted/updated/unchanged.
- If the database fails while writing (a concurrent import inserting the same row, a lost connection), the
  exception propagates and the caller's transaction rolls back; the caller may then keep a record of the
  attempt with `record_refusal` in a new transaction (the command line does).
Writes go through the ORM, so the audit hook records every created or changed row; unchanged rows are not
touched, which makes a second import of the same file a no-op apart from its own ImportBatch.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from ..importers import (
    ImportPlan, ImportProblem, KnownIndicator, Reference, ReferenceData, ValidDefinition, ValidMeasurement,
    WorkbookRefused, open_workbook, parse_workbook, same_number, validate,
)
from ..models import ImportBatch, Indicator, Measurement
from ..repositories import indicators as indicator_repo
from ..repositories import measurements as measurement_repo

MAX_STORED_ERRORS = 1000  # a broken 200k-row file must not make a 50 MB batch row
FILE_NAME_LENGTH = 255


@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do); `errors` is empty when accepted."""

    file_name: str
    sha256: str
    size_bytes: int
    dry_run: bool = False
    lang: str = "es"
    status: str = "accepted"
    batch_id: int | None = None
    sheets: list[str] = field(default_factory=list)
    indicators_created: int = 0
    indicators_updated: int = 0
    indicators_unchanged: int = 0
    measurements_inserted: int = 0
    measurements_updated: int = 0
    measurements_unchanged: int = 0
    errors: list[ImportProblem] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.status == "accepted"

    def messages(self, lang: str | None = None) -> list[str]:
        """Every error as one line, e.g. "Mediciones!C7: «pendiente» no es un número"."""
        return [problem.render(lang or self.lang) for problem in self.errors]

    def to_dict(self, lang: str | None = None) -> dict:
        """Plain data for `import --json` and the upload page."""
        lang = lang or self.lang
        return {
            "file": self.file_name, "sha256": self.sha256, "size_bytes": self.size_bytes, "status": self.status,
            "dry_run": self.dry_run, "batch_id": self.batch_id, "sheets": list(self.sheets),
            "indicators": {
                "created": self.indicators_created, "updated": self.indicators_updated,
                "unchanged": self.indicators_unchanged,
            },
            "measurements": {
                "inserted": self.measurements_inserted, "updated": self.measurements_updated,
                "unchanged": self.measurements_unchanged,
            },
            "errors": [{**p.to_dict(), "message": p.render(lang)} for p in self.errors],
        }


@dataclass
class _Changes:
    """The difference between a valid plan and the database."""

    create: list[ValidDefinition] = field(default_factory=list)
    update: list[tuple[Indicator, dict]] = field(default_factory=list)
    indicators_unchanged: int = 0
    insert: list[ValidMeasurement] = field(default_factory=list)
    change: list[tuple[Measurement, ValidMeasurement]] = field(default_factory=list)
    measurements_unchanged: int = 0
    known: dict[str, Indicator] = field(default_factory=dict)  # indicators already stored, by code


def file_facts(path: Path) -> tuple[str, int]:
    """sha256 and size of the file, read in chunks (raises OSError for a missing or unreadable file)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def import_file(session: Session, path: str | Path, *, actor: str, dry_run: bool = False,
                lang: str = "es") -> ImportResult:
    """Validate the whole file, then write it in the caller's transaction; see the module docstring."""
    path = Path(path)
    sha256, size = file_facts(path)
    result = ImportResult(file_name=path.name[:FILE_NAME_LENGTH], sha256=sha256, size_bytes=size,
                          dry_run=dry_run, lang=lang)
    try:
        with open_workbook(path) as workbook:
            parsed = parse_workbook(workbook)
    except WorkbookRefused as refused:
        return _refuse(session, result, [refused.problem], actor)
    result.sheets = list(parsed.sheets)
    plan = validate(parsed, reference_data(session))
    if not plan.ok:
        return _refuse(session, result, plan.problems, actor)
    changes = _compare(session, plan)
    result.indicators_created = len(changes.create)
    result.indicators_updated = len(changes.update)
    result.indicators_unchanged = changes.indicators_unchanged
    result.measurements_inserted = len(changes.insert)
    result.measurements_updated = len(changes.change)
    result.measurements_unchanged = changes.measurements_unchanged
    if not dry_run:
        _apply(session, changes, result, actor)
    return result


def reference_data(session: Session) -> ReferenceData:
    """What the validator needs from the database: indicators, perspectives, objectives, processes."""
    measured = indicator_repo.ids_with_measurements(session)
    indicators = [
        KnownIndicator(
            code=i.code, name=i.name, frequency=i.frequency, direction=i.direction, target_min=i.target_min,
            target_max=i.target_max, green_threshold=i.green_threshold, yellow_threshold=i.yellow_threshold,
            weight=i.weight, has_measurements=i.id in measured,
        )
        for i in indicator_repo.all_indicators(session)
    ]
    return ReferenceData(
        indicators=indicators,
        perspectives=[Reference(*row) for row in indicator_repo.perspective_keys(session)],
        objectives=[Reference(*row) for row in indicator_repo.objective_keys(session)],
        processes=[Reference(*row) for row in indicator_repo.process_keys(session)],
    )


def record_refusal(session: Session, result: ImportResult, problems: list[ImportProblem], *, actor: str) -> ImportBatch:
    """Add a refused ImportBatch holding `problems` (at most MAX_STORED_ERRORS of them) and mark `result` refused."""
    result.status = "refused"
    result.errors = list(problems)
    stored = [p.to_dict() for p in problems[:MAX_STORED_ERRORS]]
    if len(problems) > MAX_STORED_ERRORS:
        stored.append(ImportProblem("more_errors", params={"count": len(problems) - MAX_STORED_ERRORS}).to_dict())
    batch = ImportBatch(
        file_name=result.file_name, sha256=result.sha256, size_bytes=result.size_bytes, imported_by=actor,
        status="refused", sheets=list(result.sheets), errors=stored,
        rows_inserted=0, rows_updated=0, rows_unchanged=0, indicators_created=0, indicators_updated=0,
    )
    session.add(batch)
    session.flush()
    result.batch_id = batch.id
    return batch


def _refuse(session: Session, result: ImportResult, problems: list[ImportProblem], actor: str) -> ImportResult:
    if result.dry_run:
        result.status = "refused"
        result.errors = list(problems)
        return result
    record_refusal(session, result, problems, actor=actor)
    return result


def _differs(current, new) -> bool:
    if isinstance(current, float) or isinstance(new, float):
        return not same_number(current, new)
    return current != new


def _compare(session: Session, plan: ImportPlan) -> _Changes:
    changes = _Changes()
    codes = [d.code for d in plan.definitions] + [m.code for m in plan.measurements]
    existing = changes.known = indicator_repo.by_codes(session, codes)
    for definition in plan.definitions:
        indicator = existing.get(definition.code)
        if indicator is None:
            changes.create.append(definition)
            continue
        diff = {k: v for k, v in definition.values.items() if _differs(getattr(indicator, k), v)}
        if diff:
            changes.update.append((indicator, diff))
        else:
            changes.indicators_unchanged += 1
    stored = measurement_repo.for_indicators(session, [i.id for i in existing.values()])
    for measurement in plan.measurements:
        indicator = existing.get(measurement.code)
        current = stored.get((indicator.id, measurement.period)) if indicator is not None else None
        if current is None:
            changes.insert.append(measurement)
        elif not same_number(current.value, measurement.value) or (
            measurement.comment is not None and measurement.comment != current.comment
        ):
            changes.change.append((current, measurement))
        else:
            changes.measurements_unchanged += 1
    return changes


def _apply(session: Session, changes: _Changes, result: ImportResult, actor: str) -> None:
    """Write the batch (with its final counts, so it is inserted once), then indicators, then measurements."""
    batch = ImportBatch(
        file_name=result.file_name, sha256=result.sha256, size_bytes=result.size_bytes, imported_by=actor,
        status="accepted", sheets=list(result.sheets), errors=[],
        rows_inserted=result.measurements_inserted, rows_updated=result.measurements_updated,
        rows_unchanged=result.measurements_unchanged, indicators_created=result.indicators_created,
        indicators_updated=result.indicators_updated,
    )
    session.add(batch)
    created = [Indicator(code=d.code, **d.values) for d in changes.create]
    session.add_all(created)
    for indicator, diff in changes.update:
        for key, value in diff.items():
            setattr(indicator, key, value)
    session.flush()  # ids of the batch and of new indicators
    result.batch_id = batch.id
    ids = {i.code: i.id for i in [*changes.known.values(), *created]}
    session.add_all(
        Measurement(
            indicator_id=ids[m.code], period=m.period, value=m.value, comment=m.comment, source="import",
            import_batch_id=batch.id, entered_by=actor,
        )
        for m in changes.insert
    )
    for current, new in changes.change:
        current.value = new.value
        if new.comment is not None:
            current.comment = new.comment
        current.source = "import"
        current.import_batch_id = batch.id
        current.entered_by = actor
    session.flush()
