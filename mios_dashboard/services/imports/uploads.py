"""Use cases of the upload page `/importar`: receive a file, preview it, import it, list past imports.

A received file waits in `<data dir>/uploads/<token>/<its own name>` between the preview and the
confirmation (the importer records the file's own name in the history). The browser only ever holds the
random token; a token that is not ours, or an upload older than a day, resolves to nothing.

The preview and the import run in Dash background jobs — under the default DiskcacheManager, a forked
process — so `preview_upload`/`confirm_upload` open an engine of their own from the app's settings
instead of reusing the parent's pooled connections (sharing them across a fork corrupts both sides).
Every function returns plain data (the TypedDicts below, of JSON types) for dcc.Store; none raises for a
bad file.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import logging
import re
import secrets
import shutil
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NotRequired, Required, TypedDict

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.errors import Invalid
from mios_dashboard.importers import ImportProblem, open_workbook, parse_workbook, same_number, validate
from mios_dashboard.repositories import imports as imports_repo
from mios_dashboard.services.imports.import_file import (
    READER_FAILURES,
    ImportResult,
    file_facts,
    import_file,
    record_refusal,
    reference_data,
)

if TYPE_CHECKING:
    from mios_dashboard.config import Settings

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # docs/import-formats.md#hostile-files
ALLOWED_SUFFIXES = (".xlsx", ".xlsm", ".csv")
UPLOAD_LIFETIME_S = 24 * 3600
SAMPLE_SIZE = 50  # rows in the preview's table of first changes
HISTORY_PAGE_SIZE = 10
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")
# Why a change sample may be missing: the reader refused what the dry run read (a CSV it does not handle,
# say), the database, or a reader bug (import_file.READER_FAILURES); the preview keeps its counts.
_SAMPLE_FAILURES: tuple[type[BaseException], ...] = (Invalid, SQLAlchemyError, *READER_FAILURES)

_log = logging.getLogger(__name__)


class ProblemText(TypedDict):
    location: str  # "Mediciones!C7", a sheet, or "" for the whole file
    message: str


class ChangeRow(TypedDict):
    """One change of the preview's table: a new indicator, or a measurement inserted or changed."""

    kind: str  # indicator, insert, update
    code: str
    name: str
    unit: str | None
    decimals: NotRequired[int | None]
    frequency: NotRequired[str | None]
    period: NotRequired[str | None]  # ISO day
    old: NotRequired[float | None]  # the value stored now
    new: NotRequired[float | None]
    cell: NotRequired[str | None]


class UploadOutcome(TypedDict, total=False):
    """What the upload page stores after a preview or an import: the import's counts (ImportResult.to_dict)
    with every error rendered, or, for a file that cannot even be previewed, `message_key` and `params`."""

    stage: Required[str]  # preview, import
    status: Required[str]  # accepted, refused, unusable (and "failed", set by the page)
    message_key: str
    params: dict[str, Any]
    file: str
    sha256: str
    size_bytes: int
    dry_run: bool
    batch_id: int | None
    sheets: list[str]
    processes: dict[str, int]  # created, updated, unchanged
    objectives: dict[str, int]  # created, updated, unchanged
    indicators: dict[str, int]  # created, updated, unchanged
    measurements: dict[str, int]  # inserted, updated, unchanged
    per_sheet: list[dict[str, Any]]  # ImportResult.per_sheet: kind, sheets, created, updated, unchanged
    summary: str  # the per-sheet counts as one line, in the reader's language
    summary_lines: list[str]  # the same, one line per kind
    targets: dict[str, int]
    changes: list[ChangeRow]
    errors: list[ProblemText]
    notices: list[dict[str, Any]]  # ImportProblem.to_dict plus "message"
    token: str | None  # a preview's stored file, for the confirmation (None when refused)


class HistoryRow(TypedDict):
    id: int
    at: str | None  # ISO moment, UTC
    by: str
    file: str
    size: int
    status: str
    inserted: int
    updated: int
    unchanged: int
    created: int
    indicators_updated: int
    errors: list[ProblemText]


class ImportHistory(TypedDict):
    rows: list[HistoryRow]
    total: int
    page: int
    pages: int


@dataclass(frozen=True)
class Upload:
    token: str
    file_name: str
    size_bytes: int


def upload_dir(settings: Settings) -> Path:
    return Path(settings.data_dir) / "uploads"


def clean_file_name(name: object) -> str:
    """The name as the user sees it, without folders or characters a file system refuses."""
    text = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    text = _UNSAFE_NAME.sub("_", text).strip(" .")
    return text[-200:] or "archivo"


def decoded_size(encoded: str) -> int:
    """Bytes a base64 text decodes to, computed from its length alone (no decoding, no memory)."""
    length = len(encoded)
    padding = 2 if encoded.endswith("==") else 1 if encoded.endswith("=") else 0
    return max(0, length * 3 // 4 - padding)


def receive_upload(contents: str, file_name: str, folder: Path, *, max_bytes: int = MAX_UPLOAD_BYTES) -> Upload:
    """Check and store what dcc.Upload delivered (`data:<type>;base64,<data>`); an upload that cannot even be
    previewed raises `errors.Invalid` whose key is the page's message (`upload.*`).

    The size is checked on the base64 text before anything is decoded, so an oversized upload costs no
    second copy in memory.
    """
    name = clean_file_name(file_name)
    if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise Invalid("upload.bad_type", file=name)
    encoded = contents.split(",", 1)[1] if isinstance(contents, str) and "," in contents else ""
    size = decoded_size(encoded)
    if size > max_bytes:
        raise Invalid("upload.too_big", file=name, size=size, limit=max_bytes)
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Invalid("upload.unreadable", file=name) from exc
    if not data:
        raise Invalid("upload.empty_file", file=name)
    purge_uploads(folder)
    token = secrets.token_urlsafe(24)
    target = folder / token
    target.mkdir(parents=True, mode=0o700)
    path = target / name
    path.write_bytes(data)
    path.chmod(0o600)
    return Upload(token=token, file_name=name, size_bytes=len(data))


def upload_path(folder: Path, token: object) -> Path | None:
    """The stored file of `token`, or None for anything else (unknown, malformed, expired)."""
    if not isinstance(token, str) or not _TOKEN.match(token):
        return None
    files = [p for p in (folder / token).glob("*") if p.is_file()] if (folder / token).is_dir() else []
    return files[0] if len(files) == 1 else None


def discard_upload(folder: Path, token: object) -> None:
    if isinstance(token, str) and _TOKEN.match(token):
        shutil.rmtree(folder / token, ignore_errors=True)


def purge_uploads(folder: Path, now: float | None = None) -> None:
    """Forget uploads nobody confirmed within a day."""
    if not folder.is_dir():
        return
    limit = (now or time.time()) - UPLOAD_LIFETIME_S
    for entry in folder.iterdir():
        if entry.is_dir() and _TOKEN.match(entry.name) and entry.stat().st_mtime < limit:
            shutil.rmtree(entry, ignore_errors=True)


@contextmanager
def job_sessions(settings: Settings) -> Iterator[sessionmaker[Session]]:
    """A session factory on an engine of this process (see the module docstring)."""
    engine = make_engine(settings.database_url)
    try:
        yield make_session_factory(engine)
    finally:
        engine.dispose()


def _errors(result: ImportResult, lang: str) -> list[ProblemText]:
    return [{"location": p.location, "message": p.message(lang)} for p in result.errors]


def _outcome(result: ImportResult, lang: str, stage: str) -> UploadOutcome:
    data = result.to_dict(lang)
    return {
        "file": data["file"], "sha256": data["sha256"], "size_bytes": data["size_bytes"], "status": data["status"],
        "dry_run": data["dry_run"], "batch_id": data["batch_id"], "sheets": data["sheets"],
        "processes": data["processes"], "objectives": data["objectives"], "per_sheet": data["per_sheet"],
        "summary": data["summary"], "summary_lines": data["summary_lines"],
        "indicators": data["indicators"], "measurements": data["measurements"], "targets": data["targets"],
        "changes": data["changes"], "errors": _errors(result, lang), "notices": data["notices"], "stage": stage,
    }


def _unusable(stage: str, key: str, params: dict[str, Any]) -> UploadOutcome:
    return {"stage": stage, "status": "unusable", "message_key": key, "params": params}


def preview_upload(contents: str, file_name: str, lang: str, settings: Settings,
                   on_step: Callable[[str], None] = lambda _step: None) -> UploadOutcome:
    """Store the upload and dry-run it: counts, every error by cell, and the first changes."""
    on_step("saving")
    try:
        upload = receive_upload(contents, file_name, upload_dir(settings))
    except Invalid as refused:
        return _unusable("preview", refused.key, refused.params)
    on_step("reading")
    path = upload_dir(settings) / upload.token / upload.file_name  # where receive_upload stored it
    with job_sessions(settings) as factory:
        session = factory()
        try:
            result = import_file(session, path, actor=settings.actor, dry_run=True, lang=lang)
            changes: list[ChangeRow] = []
            if result.accepted and (result.measurements_inserted or result.measurements_updated
                                    or result.indicators_created):
                on_step("comparing")
                engine_changes = result.to_dict(lang).get("changes")
                changes = (described(session, engine_changes[:SAMPLE_SIZE]) if isinstance(engine_changes, list)
                           else change_sample(session, path))
        finally:
            session.rollback()
            session.close()
    if not result.accepted:
        discard_upload(upload_dir(settings), upload.token)
    outcome = _outcome(result, lang, "preview")
    outcome["token"] = upload.token if result.accepted else None
    outcome["changes"] = changes
    return outcome


def confirm_upload(token: object, lang: str, settings: Settings) -> UploadOutcome:
    """Import the previewed file for real, all or nothing; the upload is forgotten afterwards."""
    folder = upload_dir(settings)
    path = upload_path(folder, token)
    if path is None:
        return _unusable("import", "upload.expired", {})
    try:
        with job_sessions(settings) as factory:
            try:
                with session_scope(factory, settings.actor) as session:
                    result = import_file(session, path, actor=settings.actor, lang=lang)
            except SQLAlchemyError as exc:  # keep a record of the attempt, in a transaction of its own
                _log.exception("import of %s failed while writing", path.name)
                sha256, size = file_facts(path)
                result = ImportResult(file_name=path.name[:255], sha256=sha256, size_bytes=size, lang=lang)
                detail = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0][:200]
                problem = ImportProblem("write_failed", params={"detail": detail})
                with session_scope(factory, settings.actor) as session:
                    record_refusal(session, result, [problem], actor=settings.actor)
    finally:
        discard_upload(folder, token)
    return _outcome(result, lang, "import")


def change_sample(session: Session, path: Path, limit: int = SAMPLE_SIZE) -> list[ChangeRow]:
    """The first `limit` changes the file would make, in file order: new indicators, then measurements
    inserted or changed (with the value stored now). A reading it cannot redo gives an empty sample; the
    counts of the dry run stay the reference."""
    try:
        with open_workbook(path) as workbook:
            parsed = parse_workbook(workbook)
            plan = validate(parsed, reference_data(session, parsed))
    except _SAMPLE_FAILURES:  # the preview keeps its counts without a sample
        _log.warning("no change sample for %s", path.name, exc_info=True)
        return []
    if not plan.ok:
        return []
    created: list[ChangeRow] = [
        {"kind": "indicator", "code": d.code, "name": d.values.get("name") or "", "unit": d.values.get("unit")}
        for d in plan.definitions if not d.exists]
    sample = created[:limit]
    facts = imports_repo.indicator_facts(session, [m.code for m in plan.measurements])
    stored = imports_repo.stored_values(session, [f["id"] for f in facts.values()])
    new = {d.code: d.values for d in plan.definitions}
    for m in plan.measurements:
        if len(sample) >= limit:
            break
        fact = facts.get(m.code) or {}
        current = stored.get((fact["id"], m.period)) if fact else None
        if current is not None and same_number(current, m.value):
            continue
        values = new.get(m.code, {})
        sample.append({
            "kind": "insert" if current is None else "update", "code": m.code,
            "name": values.get("name") or fact.get("name") or "", "unit": values.get("unit", fact.get("unit")),
            "decimals": fact.get("decimals"), "frequency": values.get("frequency", fact.get("frequency")),
            "period": m.period.isoformat(), "old": current, "new": m.value, "cell": getattr(m, "location", None),
        })
    return sample


def described(session: Session, changes: list[dict[str, Any]]) -> list[ChangeRow]:
    """The import engine's own list of changes (kind, code, period, old, new, cell), completed with what the
    table shows: the indicator's name, unit, decimals and frequency (the file's own, when it defines them)."""
    facts = imports_repo.indicator_facts(session, [str(c.get("code")) for c in changes if isinstance(c, dict)])
    rows: list[ChangeRow] = []
    for change in changes:
        if not isinstance(change, dict):
            continue
        fact = {**(facts.get(str(change.get("code"))) or {}),
                **{k: v for k, v in change.items() if k in ("name", "unit", "decimals", "frequency")}}
        rows.append({"name": fact.get("name") or "", "unit": fact.get("unit"), "decimals": fact.get("decimals"),
                     "frequency": fact.get("frequency"), "kind": change["kind"], "code": change["code"],
                     "period": change.get("period"), "old": change.get("old"), "new": change.get("new"),
                     "cell": change.get("cell")})
    return rows


def import_history(session: Session, page: int = 1, lang: str = "es", per_page: int = HISTORY_PAGE_SIZE
                   ) -> ImportHistory:
    """One page of the import history, newest first, with refused files' errors rendered in `lang`."""
    total = imports_repo.count_batches(session)
    pages = max(1, -(-total // per_page))
    page = min(max(1, int(page or 1)), pages)
    rows: list[HistoryRow] = []
    for batch in imports_repo.batches_page(session, (page - 1) * per_page, per_page):
        errors: list[ProblemText] = []
        for stored in batch.errors or []:
            try:
                problem = ImportProblem.from_dict(stored)
                errors.append({"location": problem.location, "message": problem.message(lang)})
            except (KeyError, TypeError, AttributeError):  # an old or hand-edited record: show it raw
                errors.append({"location": "", "message": str(stored)})
        rows.append({
            "id": batch.id, "at": _iso_moment(batch.imported_at), "by": batch.imported_by, "file": batch.file_name,
            "size": batch.size_bytes, "status": batch.status, "inserted": batch.rows_inserted,
            "updated": batch.rows_updated, "unchanged": batch.rows_unchanged, "created": batch.indicators_created,
            "indicators_updated": batch.indicators_updated, "errors": errors,
        })
    return {"rows": rows, "total": total, "page": page, "pages": pages}


def _iso_moment(value: dt.datetime | None) -> str | None:
    """ISO text for a Store; SQLite gives naive UTC timestamps, so naive means UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()

