"""Use case: import an Excel or CSV file — processes, objectives, indicator definitions and measurements — all or
nothing (docs/import-formats.md).

Transactions — the caller owns the session (`session_scope`) and commits; this service never commits:
- Every check runs before the first write. A refused file is a normal *return*, not an exception: nothing
  domain-side is touched, and a refused ImportBatch carrying the errors is added to the session, so the
  caller's ordinary commit keeps the record of the refusal (control of records, slide 51).
- A dry run writes nothing at all, accepted or refused; it reports what would be inserted/updated/unchanged
  and a sample of the changes (old → new) for a preview.
- If the database fails while writing (a concurrent import inserting the same row, a lost connection), the
  exception propagates and the caller's transaction rolls back; the caller may then keep a record of the
  attempt with `record_refusal` in a new transaction (the command line does).
Processes and objectives (services/imports/setup_write.py), then indicators, go through the ORM (few rows; the
audit hook records them), in that order so each may point at the rows written before it. Measurements and
targets are written in bulk by the repositories, which write their own AuditEvents; the data version is
bumped here. Unchanged rows are not touched, so a second import of the same file changes nothing apart from its own ImportBatch.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from mios_dashboard.audit import bump_data_version
from mios_dashboard.errors import Invalid
from mios_dashboard.importers import (
    DEFAULT_LIMITS,
    ImportPlan,
    ImportProblem,
    KnownIndicator,
    Limits,
    ParsedWorkbook,
    Reference,
    ReferenceData,
    SafetyError,
    ValidDefinition,
    ValidMeasurement,
    open_workbook,
    parse_workbook,
    same_number,
    validate,
    verify_defusedxml,
)
from mios_dashboard.importers.result import PREVIEW_LIMIT, ImportResult
from mios_dashboard.models import ImportBatch, Indicator
from mios_dashboard.repositories import indicators as indicator_repo
from mios_dashboard.repositories import measurements as measurement_repo
from mios_dashboard.repositories.measurements import Stored
from mios_dashboard.services.imports.fingerprint import Fingerprint, repeat_identical
from mios_dashboard.services.imports.setup_write import SetupChanges, apply_setup, compare_setup, resolve

__all__ = [
    "ImportResult",
    "file_facts",
    "import_file",
    "import_upload",
    "recent_batches",
    "record_refusal",
    "reference_data",
]

log = logging.getLogger(__name__)
MAX_STORED_ERRORS = 1000  # a broken 200k-row file must not make a 50 MB batch row
FILE_NAME_LENGTH = 255
SAMPLE_FACTS = ("name", "unit", "decimals", "frequency")  # of a sample's indicator, for the preview's table
Progress = Callable[[str], None]
# What reading a hostile or odd file can raise past the reader's own refusals: a reader bug must not become a
# traceback (the file is refused with "internal_error" and the log keeps the details).
READER_FAILURES: tuple[type[BaseException], ...] = (
    MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
    UnicodeError, OSError,
)


def file_facts(path: Path) -> tuple[str, int]:
    """sha256 and size of the file, read in chunks (raises OSError for a missing or unreadable file)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def import_file(session: Session, path: str | Path, *, actor: str, dry_run: bool = False, lang: str = "es",
                file_name: str | None = None, expected_sha256: str | None = None, limits: Limits = DEFAULT_LIMITS,
                progress: Progress | None = None) -> ImportResult:
    """Validate the whole file, then write it in the caller's transaction; see the module docstring.

    `file_name` is the name to record when `path` is a temporary copy (an upload); `expected_sha256` refuses
    a file that is not the one previewed; `progress` is told each stage ("reading", "validating",
    "comparing", "writing", "done") for a progress bar.
    """
    path = Path(path)
    step = progress or (lambda _stage: None)
    sha256, size = file_facts(path)
    result = ImportResult(file_name=(file_name or path.name)[:FILE_NAME_LENGTH], sha256=sha256, size_bytes=size,
                          dry_run=dry_run, lang=lang)
    if expected_sha256 is not None and expected_sha256 != sha256:
        return _refuse(session, result, [ImportProblem("file_changed", params={"file": result.file_name})], actor)
    if (fingerprint := Fingerprint.matching(session, sha256)) is not None:
        return repeat_identical(session, result, fingerprint, actor, step)
    step("reading")
    try:
        verify_defusedxml()
    except SafetyError as exc:
        log.error("refusing to read %s: %s", result.file_name, exc)
        return _refuse(session, result, [ImportProblem("internal_error", params={"detail": "defusedxml"})], actor)
    try:
        with open_workbook(path, limits) as workbook:
            parsed = parse_workbook(workbook)
    except Invalid as refused:  # the reader refused the file (importers/safety.py: refuse)
        return _refuse(session, result, import_problems(refused), actor)
    except READER_FAILURES as exc:
        log.exception("importing %s failed unexpectedly", result.file_name)
        return _refuse(session, result, [ImportProblem("internal_error", params={"detail": type(exc).__name__})],
                       actor)
    result.sheets = list(parsed.sheets)
    result.layouts = dict(parsed.layouts)
    result.notices = list(parsed.notices)
    step("validating")
    plan = validate(parsed, reference_data(session, parsed))
    if not plan.ok:
        return _refuse(session, result, plan.problems, actor)
    step("comparing")
    changes = compare(session, plan)
    changes.count_into(result)
    if not dry_run:
        step("writing")
        _apply(session, plan, changes, result, actor)
    step("done")
    return result


def import_upload(session: Session, data: bytes, file_name: str, *, actor: str, dry_run: bool = False,
                  lang: str = "es", expected_sha256: str | None = None,
                  progress: Progress | None = None) -> ImportResult:
    """Import bytes received by the upload page (kept in a temporary file named like the original, whose
    extension decides between a workbook and a CSV)."""
    import tempfile
    from pathlib import PureWindowsPath

    name = PureWindowsPath(file_name).name or "archivo"  # browsers may send C:\fakepath\… (either slash works)
    suffix = Path(name).suffix.lower()[:8] or ".xlsx"
    with tempfile.TemporaryDirectory(prefix="mios-import-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        return import_file(session, path, actor=actor, dry_run=dry_run, lang=lang, file_name=name,
                           expected_sha256=expected_sha256, progress=progress)


def import_problems(refused: Invalid) -> list[ImportProblem]:
    """The ImportProblems a refusal of the reader carries (one, naming the file or the part it could not read)."""
    problems = [problem for problem in refused.problems if isinstance(problem, ImportProblem)]
    return problems or [ImportProblem("internal_error", params={"detail": refused.key})]


def reference_data(session: Session, parsed: ParsedWorkbook) -> ReferenceData:
    """What the validator needs from the database for `parsed`: the indicators always; perspectives,
    objectives and processes for a file that defines something; the objectives' parents for one with an
    Objetivos sheet (a monthly values file, the most common of all, reads one table instead of five)."""
    measured = indicator_repo.ids_with_measurements(session)
    indicators = [
        KnownIndicator(
            code=i.code, name=i.name, frequency=i.frequency, direction=i.direction, target_min=i.target_min,
            target_max=i.target_max, green_threshold=i.green_threshold, yellow_threshold=i.yellow_threshold,
            weight=i.weight, has_measurements=i.id in measured, unit=i.unit or "",
            xmr_baseline_start=i.xmr_baseline_start, xmr_baseline_end=i.xmr_baseline_end,
        )
        for i in indicator_repo.all_indicators(session)
    ]
    if not (parsed.definitions or parsed.processes or parsed.objectives):
        return ReferenceData(indicators=indicators)
    return ReferenceData(
        indicators=indicators,
        perspectives=[Reference(*row) for row in indicator_repo.perspective_keys(session)],
        objectives=[Reference(*row) for row in indicator_repo.objective_keys(session)],
        processes=[Reference(*row) for row in indicator_repo.process_keys(session)],
        objective_parents=indicator_repo.objective_parents(session) if parsed.objectives else {},
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


class BatchSummary(TypedDict):
    id: int
    file: str
    sha256: str
    size_bytes: int
    by: str
    at: dt.datetime
    status: str  # accepted, refused
    sheets: list[str]
    measurements: dict[str, int]  # inserted, updated, unchanged
    indicators: dict[str, int]  # created, updated
    errors: list[str]  # each problem rendered in the reader's language


def recent_batches(session: Session, limit: int = 50, lang: str = "es") -> list[BatchSummary]:
    """The import history for the upload page, newest first: who, when, counts and a refused file's errors."""
    batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit))
    return [{
        "id": b.id, "file": b.file_name, "sha256": b.sha256, "size_bytes": b.size_bytes, "by": b.imported_by,
        "at": b.imported_at, "status": b.status, "sheets": list(b.sheets or []),
        "measurements": {"inserted": b.rows_inserted, "updated": b.rows_updated, "unchanged": b.rows_unchanged},
        "indicators": {"created": b.indicators_created, "updated": b.indicators_updated},
        "errors": [ImportProblem.from_dict(e).render(lang) for e in (b.errors or [])],
    } for b in batches]


def _refuse(session: Session, result: ImportResult, problems: list[ImportProblem], actor: str) -> ImportResult:
    if result.dry_run:
        result.status = "refused"
        result.errors = list(problems)
        return result
    record_refusal(session, result, problems, actor=actor)
    return result


@dataclass
class Changes:
    """The difference between a valid plan and the database."""

    create: list[ValidDefinition] = field(default_factory=list)
    update: list[tuple[Indicator, dict]] = field(default_factory=list)
    indicators_unchanged: int = 0
    insert: list[ValidMeasurement] = field(default_factory=list)
    change: list[tuple[Stored, float, str | None, str]] = field(default_factory=list)  # stored, value, comment, label
    measurements_unchanged: int = 0
    target_insert: list[ValidMeasurement] = field(default_factory=list)
    target_change: list[tuple[Stored, float, str]] = field(default_factory=list)
    targets_unchanged: int = 0
    known_ids: dict[str, int] = field(default_factory=dict)  # indicators already stored, by code
    samples: list[dict] = field(default_factory=list)
    setup: SetupChanges = field(default_factory=SetupChanges)
    defined: dict[str, dict] = field(default_factory=dict)  # the file's definitions' values, by code

    def count_into(self, result: ImportResult) -> None:
        result.processes_created, result.processes_updated, result.processes_unchanged = self.setup.counts("processes")
        result.objectives_created, result.objectives_updated, result.objectives_unchanged = \
            self.setup.counts("objectives")
        result.indicators_created, result.indicators_updated = len(self.create), len(self.update)
        result.indicators_unchanged = self.indicators_unchanged
        result.measurements_inserted, result.measurements_updated = len(self.insert), len(self.change)
        result.measurements_unchanged = self.measurements_unchanged
        result.targets_inserted, result.targets_updated = len(self.target_insert), len(self.target_change)
        result.targets_unchanged = self.targets_unchanged
        result.changes = self.samples


def _differs(current, new) -> bool:
    if isinstance(current, float) or isinstance(new, float):
        return not same_number(current, new)
    return current != new


def compare(session: Session, plan: ImportPlan) -> Changes:
    """What the plan would insert, update and leave alone (one query per table, not per row)."""
    changes = Changes(setup=compare_setup(session, plan.processes, plan.objectives),
                      defined={d.code: d.values for d in plan.definitions})
    codes = [d.code for d in plan.definitions] + list({m.code for m in plan.measurements})
    existing = indicator_repo.by_codes(session, codes)
    changes.known_ids = {code: indicator.id for code, indicator in existing.items()}
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
    ids = changes.known_ids
    stored = measurement_repo.stored_values(session, list(ids.values()))
    targets = {}
    if any(m.target is not None for m in plan.measurements):
        targets = measurement_repo.stored_targets(session, list(ids.values()))
    changed: list[tuple[int, float, str | None, str]] = []
    for m in plan.measurements:
        code, period, value, comment, target = m[0], m[1], m[2], m[3], m[4]
        indicator_id = ids.get(code)
        if value is not None:
            current = stored.get((indicator_id, period)) if indicator_id is not None else None
            if current is None:
                changes.insert.append(m)
                if len(changes.samples) < PREVIEW_LIMIT:
                    _sample(changes, "insert", m, None)
            elif (current[0] != value and not same_number(current[0], value)) or (
                    comment is not None and comment != current[1]):
                changed.append((current[2], value, comment if comment is not None else current[1],
                                f"{code} {period.isoformat()}"))
                _sample(changes, "update", m, current[0])
            else:
                changes.measurements_unchanged += 1
        if target is not None:
            stored_target = targets.get((indicator_id, period)) if indicator_id is not None else None
            if stored_target is None:
                changes.target_insert.append(m)
            elif not same_number(stored_target.value, target):
                changes.target_change.append((stored_target, target, f"{code} {period.isoformat()}"))
            else:
                changes.targets_unchanged += 1
    rows = measurement_repo.stored_rows(session, [row_id for row_id, *_ in changed]) if changed else {}
    changes.change = [(rows[row_id], value, comment, label) for row_id, value, comment, label in changed]
    return changes


def _sample(changes: Changes, kind: str, m: ValidMeasurement, old: float | None) -> None:
    if len(changes.samples) < PREVIEW_LIMIT:  # the preview lists the first changes; the counts cover them all
        sample = {"kind": kind, "code": m.code, "period": m.period.isoformat(), "old": old, "new": m.value,
                  "cell": m.location}
        # what the file itself says of the indicator (a new one is not in the database for the preview to read)
        sample.update({k: v for k, v in changes.defined.get(m.code, {}).items() if k in SAMPLE_FACTS})
        changes.samples.append(sample)


def _apply(session: Session, plan: ImportPlan, changes: Changes, result: ImportResult, actor: str) -> None:
    """Write the batch (with its final counts, so it is inserted once), then indicators, then the bulk rows."""
    batch = ImportBatch(
        file_name=result.file_name, sha256=result.sha256, size_bytes=result.size_bytes, imported_by=actor,
        status="accepted", sheets=list(result.sheets), errors=[],
        rows_inserted=result.measurements_inserted, rows_updated=result.measurements_updated,
        rows_unchanged=result.measurements_unchanged, indicators_created=result.indicators_created,
        indicators_updated=result.indicators_updated,
    )
    session.add(batch)
    setup_ids = apply_setup(session, changes.setup)  # Procesos, then Objetivos: the indicators may point at them
    created = [Indicator(code=d.code, **resolve(d.values, setup_ids)) for d in changes.create]
    session.add_all(created)
    for indicator, diff in changes.update:
        for key, value in resolve(diff, setup_ids).items():
            setattr(indicator, key, value)
    session.flush()  # ids of the batch and of new indicators; the audit hook records these rows
    result.batch_id = batch.id
    ids = {**changes.known_ids, **{i.code: i.id for i in created}}
    # compare() put a measurement in `insert` only with a value, and in `target_insert` only with a target
    measurement_repo.insert_measurements(
        session, [(ids[m.code], m.period, m.value, m.comment) for m in changes.insert if m.value is not None],
        batch_id=batch.id, actor=actor)
    measurement_repo.update_measurements(session, changes.change, batch_id=batch.id, actor=actor)
    measurement_repo.write_targets(
        session, [(ids[m.code], m.period, m.target, f"{m.code} {m.period.isoformat()}") for m in changes.target_insert
                  if m.target is not None],
        changes.target_change, actor=actor)
    if changes.insert or changes.change or changes.target_insert or changes.target_change:
        bump_data_version(session.connection())
    Fingerprint(sha256=result.sha256, batch_id=batch.id, definitions=len(plan.definitions),
                targets=sum(1 for m in plan.measurements if m.target is not None), processes=len(plan.processes),
                objectives=len(plan.objectives)).save(session)
