"""Load the demo organization, so a first start (and `python -m mios_dashboard demo`) shows a full, current board.

Indicators, per-period budgets and measurements come in the way a user's data does: the demo writes them as the
workbooks people keep (`demo/workbooks.py`) into a folder — `demo/` beside an SQLite database file
(`data/demo/` by default), else `$MIOS_DATA_DIR/demo/` — and imports each one with `import_file`: the same
safety checks, parsing, validation, ImportBatch records (the /importar history) and audit events. Everything
else (organization, strategy, context, risks, meetings, actions) has no file format and is written through the
ORM, upserted by natural keys (codes, names…) with only the attributes whose value differs assigned. What the
demo holds is read from its data files (`demo/content.py`, `demo/data/*.yaml`); a malformed file stops the load
with a `DemoDataError` before anything is written.

All of it happens in the caller's session and transaction (never committed here). Loading twice for the same
`today` writes nothing at all, not even audit events or an ImportBatch: a file is previewed first (a dry run)
when the database already holds its indicators, and imported only when the preview shows a change. Existing
keys are fetched once per table, never once per row.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from mios_dashboard.config import DEFAULT_DATA_DIR
from mios_dashboard.demo import workbooks
from mios_dashboard.demo.calendar import DemoCalendar
from mios_dashboard.demo.content import DemoContent, load_content
from mios_dashboard.demo.schema import DemoDataError
from mios_dashboard.models import (
    Action,
    CommunicationItem,
    ContextIssue,
    ImportBatch,
    Indicator,
    InterestedParty,
    ManagementReview,
    Measurement,
    Meeting,
    Objective,
    ObjectiveLink,
    Organization,
    OrganizationValue,
    PartyRequirement,
    Perspective,
    Process,
    QualityPolicy,
    Risk,
    Role,
    ScopeExclusion,
    SipocItem,
    User,
)
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.services.imports.import_file import ImportResult, import_file

__all__ = ["DemoConflictError", "DemoDataError", "DemoImportError", "DemoSummary", "demo_folder", "load_demo"]

log = logging.getLogger(__name__)
LEGACY_SOURCE = "demo"  # measurements written by the demo before it went through the importer
FOLDER_NAME = "demo"
SNAPSHOT_FIELDS = ("code", "actual", "target", "target_min", "target_max", "achievement", "status")


class DemoConflictError(ValueError):
    """The database already describes another organization; the demo would mix into it."""


class DemoImportError(RuntimeError):
    """The importer refused one of the demo's own files: a bug in the demo content, never the user's doing."""

    def __init__(self, result: ImportResult):
        self.result = result
        errors = result.messages("en")
        super().__init__(f"the importer refused the demo file {result.file_name}: " + "; ".join(errors[:5]))


@dataclass
class DemoSummary:
    """What a load did: the anchor month, the rows the demo holds per table, and what was inserted, updated, deleted."""

    anchor: dt.date
    counts: dict[str, int] = field(default_factory=dict)
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)  # the demo's own values outside a re-anchored window
    folder: Path | None = None  # where the demo's workbooks were written (None: a temporary folder)
    batches: dict[str, int] = field(default_factory=dict)  # file name → the ImportBatch this load wrote

    @property
    def changed(self) -> bool:
        return any(self.inserted.values()) or any(self.updated.values()) or any(self.deleted.values())


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; the demo stores UTC, so naive means UTC.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _same(current, wanted) -> bool:
    if isinstance(current, dt.datetime) and isinstance(wanted, dt.datetime):
        return _utc(current) == _utc(wanted)
    return current == wanted


class _Upserter:
    """Insert-or-update by natural key, counting what happened per table."""

    def __init__(self, session: Session):
        self.session = session
        self.counts: Counter[str] = Counter()
        self.inserted: Counter[str] = Counter()
        self.updated: Counter[str] = Counter()
        self.deleted: Counter[str] = Counter()

    def upsert(self, model, key: Sequence[str], rows: Iterable[dict], existing: Select | None = None) -> dict:
        """Upsert `rows` (dicts of attributes) of `model`; returns every object of the table by key."""
        statement = select(model) if existing is None else existing
        by_key = {tuple(getattr(o, k) for k in key): o for o in self.session.scalars(statement)}
        table = model.__tablename__
        fresh = []
        for row in rows:
            k = tuple(row[name] for name in key)
            obj = by_key.get(k)
            self.counts[table] += 1
            if obj is None:
                obj = by_key[k] = model(**row)
                fresh.append(obj)
                continue
            changed = False
            for name, value in row.items():
                if not _same(getattr(obj, name), value):
                    setattr(obj, name, value)
                    changed = True
            self.updated[table] += changed
        self.session.add_all(fresh)
        self.inserted[table] += len(fresh)
        return by_key

    def delete(self, model, objects: list) -> None:
        for obj in objects:
            self.session.delete(obj)
        self.deleted[model.__tablename__] += len(objects)

    def flush(self) -> None:
        self.session.flush()


def _ids(objects: dict) -> dict:
    """Natural key (first part) → primary key, for resolving references after a flush."""
    return {k[0]: obj.id for k, obj in objects.items()}


def _check_organization(session: Session, name: str) -> None:
    others = [o for o in session.scalars(select(Organization.name)) if o != name]
    if others:
        raise DemoConflictError(
            f"La base de datos ya describe a la organización «{others[0]}»; la demostración solo se carga en una "
            "base vacía o sobre la propia demostración."
        )


def _snapshot(session: Session, month: dt.date) -> dict:
    """The board as shown for `month` (computed by the board service, as the page does): score, counts, readings."""
    board = build_board(session, month)
    return {
        "period": board["period"], "score": board["score"], "status": board["status"], "counts": board["counts"],
        "indicators": [{k: reading.get(k) for k in SNAPSHOT_FIELDS} for reading in board["indicators"]],
    }


def demo_folder(session: Session) -> Path:
    """Where the demo's workbooks go: `demo/` beside an SQLite database file (data/demo/ for the default
    data/mios.db, a test's temporary folder for its database), else `$MIOS_DATA_DIR/demo/` (data/demo/)."""
    url = session.get_bind().engine.url
    database = url.database if url.get_backend_name() == "sqlite" else None
    if database and database != ":memory:" and not database.startswith("file:"):
        return Path(database).expanduser().resolve().parent / FOLDER_NAME
    return Path(os.environ.get("MIOS_DATA_DIR") or DEFAULT_DATA_DIR) / FOLDER_NAME


def write_files(folder: Path, files: Iterable[workbooks.DemoFile]) -> None:
    """Write the files into `folder`, each replaced atomically and only when its bytes differ."""
    folder.mkdir(parents=True, exist_ok=True)
    for demo_file in files:
        path = folder / demo_file.name
        with contextlib.suppress(OSError):
            if path.read_bytes() == demo_file.content:
                continue
        partial = folder / f".{demo_file.name}.{os.getpid()}.tmp"
        partial.write_bytes(demo_file.content)
        os.replace(partial, path)


def load_demo(session: Session, today: dt.date | None = None, folder: Path | str | None = None,
              content: DemoContent | None = None) -> DemoSummary:
    """Write the demo organization into `session` (never commits); every date is relative to `today`'s month.

    The demo's workbooks are written into `folder` (default: `demo_folder(session)`) and imported from there.
    `content`: another demo's (`load_content(folder)`); by default the packaged data files.
    """
    content = content or load_content()
    cal = DemoCalendar(today or dt.date.today())
    rows = content.rows(cal)
    up = _Upserter(session)
    _check_organization(session, content.organization_name)

    # Level 1: rows that reference nothing.
    org = up.upsert(Organization, ("name",), [rows.organization])
    perspective_objects = up.upsert(Perspective, ("code",), rows.perspectives)
    process_objects = up.upsert(
        Process, ("code",), [{k: v for k, v in row.items() if k != "sipoc"} for row in rows.processes]
    )
    up.upsert(QualityPolicy, ("version",), rows.policies)
    up.upsert(CommunicationItem, ("what",), rows.communication)
    up.upsert(Role, ("name",), rows.roles)
    up.upsert(User, ("username",), rows.users)
    up.upsert(ContextIssue, ("description",), rows.issues)
    up.flush()
    org_id = org[(content.organization_name,)].id
    perspectives, processes = _ids(perspective_objects), _ids(process_objects)

    # Level 2: organization details, SIPOCs and objectives.
    up.upsert(OrganizationValue, ("organization_id", "name"),
              [{**row, "organization_id": org_id} for row in rows.values],
              select(OrganizationValue).where(OrganizationValue.organization_id == org_id))
    up.upsert(ScopeExclusion, ("organization_id", "clause"),
              [{**row, "organization_id": org_id} for row in rows.exclusions],
              select(ScopeExclusion).where(ScopeExclusion.organization_id == org_id))
    up.upsert(SipocItem, ("process_id", "kind", "text"), [
        {"process_id": processes[proc["code"]], "kind": kind, "text": text, "sort_order": n}
        for proc in rows.processes for kind, texts in proc["sipoc"].items() for n, text in enumerate(texts, 1)
    ], select(SipocItem).where(SipocItem.process_id.in_(processes.values())))
    objective_rows = [
        {**{k: v for k, v in row.items() if k not in ("perspective", "process")},
         "perspective_id": perspectives[row["perspective"]], "process_id": processes[row["process"]], "active": True}
        for row in rows.objectives
    ]
    objective_objects = up.upsert(Objective, ("code",), objective_rows)
    up.flush()
    objectives = _ids(objective_objects)
    up.upsert(ObjectiveLink, ("cause_id", "effect_id"), [
        {"cause_id": objectives[cause], "effect_id": objectives[effect], "note": note}
        for cause, effect, note in rows.links
    ])
    up.flush()

    # Level 3: indicators, budgets and measurements, through the importer from the demo's workbooks.
    values = workbooks.series(content, cal)
    files = workbooks.demo_files(content, cal, values)
    with contextlib.ExitStack() as stack:
        where, temporary = _place_files(stack, folder if folder is not None else demo_folder(session), files)
        batches = _import_files(session, up, where, files)
    indicator_objects = up.upsert(Indicator, ("code",), content.indicator_rows(cal))
    up.flush()
    indicator_ids = _ids(indicator_objects)
    _prune(up, values, indicator_ids, content.keepers)

    # Level 4: parties and risks.
    party_rows = [
        {"type": row["type"], "name": row["name"], "monitoring": row["monitoring"],
         "last_reviewed_on": row["last_reviewed_on"],
         "satisfaction_indicator_id": indicator_ids.get(row.get("satisfaction_indicator"))}
        for row in rows.parties
    ]
    parties = {k[0]: o for k, o in up.upsert(InterestedParty, ("name",), party_rows).items()}
    risk_rows = [
        {**{k: v for k, v in row.items() if k not in ("objective", "process")},
         "objective_id": objectives.get(row["objective"]), "process_id": processes.get(row["process"])}
        for row in rows.risks
    ]
    risk_objects = up.upsert(Risk, ("code",), risk_rows)
    up.flush()
    risks = _ids(risk_objects)

    # Level 5: party requirements, meetings (their board snapshots read the measurements just imported).
    up.upsert(PartyRequirement, ("party_id", "kind", "description"), [
        {"party_id": parties[row["name"]].id, "kind": kind, "description": description}
        for row in rows.parties for kind, description in row["requirements"]
    ], select(PartyRequirement).where(PartyRequirement.party_id.in_([o.id for o in parties.values()])))
    meeting_rows = [
        {**row, "board_snapshot": _snapshot(session, row["board_period"])} for row in rows.meetings
    ]
    meetings = up.upsert(Meeting, ("kind", "title"), meeting_rows)
    up.flush()
    meeting_ids = {row["kind"]: meetings[(row["kind"], row["title"])].id for row in meeting_rows}

    # Level 6: the management review, then the actions that point at everything above.
    review_row = rows.review
    board_period = review_row["board_period"]
    review_row["meeting_id"] = meeting_ids["management_review"]
    review_row["board_snapshot"] = _snapshot(session, board_period)
    review = up.upsert(ManagementReview, ("period_start", "period_end"), [review_row])
    up.flush()
    review_id = review[(review_row["period_start"], review_row["period_end"])].id
    action_rows = []
    for row in rows.actions:
        row = dict(row)
        row["objective_id"] = objectives.get(row.pop("objective"))
        row["indicator_id"] = indicator_ids.get(row.pop("indicator"))
        row["risk_id"] = risks.get(row.pop("risk"))
        row["meeting_id"] = meeting_ids.get(row.pop("meeting"))
        row["review_id"] = review_id if row.pop("review") else None
        action_rows.append(row)
    up.upsert(Action, ("code",), action_rows)
    up.flush()
    return DemoSummary(cal.anchor, dict(up.counts), dict(up.inserted), dict(up.updated), dict(up.deleted),
                       folder=None if temporary else where, batches=batches)


def _place_files(stack: contextlib.ExitStack, folder: Path | str, files: list[workbooks.DemoFile]) -> tuple[Path, bool]:
    """(folder, temporary?): the files written into `folder`, or into a temporary folder (removed by `stack`)
    when `folder` cannot be written — a read-only installation still gets its demo, through the importer."""
    folder = Path(folder)
    try:
        write_files(folder, files)
        return folder, False
    except OSError as exc:
        log.warning("cannot write the demo workbooks into %s (%s); importing them from a temporary folder",
                    folder, exc)
    temporary = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="mios-demo-")))
    write_files(temporary, files)
    return temporary, True


def _changes(result: ImportResult) -> bool:
    return any((result.indicators_created, result.indicators_updated, result.measurements_inserted,
                result.measurements_updated, result.targets_inserted, result.targets_updated))


def _import_files(session: Session, up: _Upserter, folder: Path, files: list[workbooks.DemoFile]) -> dict[str, int]:
    """Import each file as its keeper; previewed first when the database already holds its indicators, and
    imported only when the preview shows a change. Returns the batches written, by file name."""
    codes = [code for demo_file in files for code in demo_file.codes]
    known = set(session.scalars(select(Indicator.code).where(Indicator.code.in_(codes))))
    batches = {}
    for demo_file in files:
        path = folder / demo_file.name
        result = None
        if known.intersection(demo_file.codes):
            result = import_file(session, path, actor=demo_file.actor, dry_run=True)
            if not result.accepted:
                raise DemoImportError(result)
        if result is None or _changes(result):
            result = import_file(session, path, actor=demo_file.actor)
            if not result.accepted:
                raise DemoImportError(result)
            if result.batch_id is not None:  # an accepted import always writes its batch
                batches[demo_file.name] = result.batch_id
        for table, (inserted, updated, unchanged) in (
            ("indicator", (result.indicators_created, result.indicators_updated, 0)),
            ("measurement", (result.measurements_inserted, result.measurements_updated, result.measurements_unchanged)),
            ("target", (result.targets_inserted, result.targets_updated, result.targets_unchanged)),
        ):
            if table != "indicator":  # the indicators are counted once, by the upsert of what files cannot say
                up.counts[table] += inserted + updated + unchanged
            up.inserted[table] += inserted
            up.updated[table] += updated
    return batches


def _prune(up: _Upserter, values: workbooks.Values, indicator_ids: dict[str, int], keepers: dict) -> None:
    """Re-anchored to another month, the demo's own old values would fill its planted gaps and revive the
    stale indicator, and its old comments would sit on the wrong months: drop those values and comments. The
    demo's own rows are those its files brought in (batches of its file names by their keepers) or that it
    wrote before it used the importer; values entered by hand or imported by anyone else stay."""
    session = up.session
    wanted = {(indicator_ids[code], period): comment for code, rows in values.items() for period, _v, comment in rows}
    kept = {(name, person.full) for name, person in keepers.items()}
    own_batches = {batch_id for batch_id, name, by in session.execute(
        select(ImportBatch.id, ImportBatch.file_name, ImportBatch.imported_by)
        .where(ImportBatch.file_name.in_(workbooks.FILE_NAMES))) if (name, by) in kept}
    table = Measurement.__table__
    stale, uncomment = [], []
    for row in session.execute(
            select(table.c.id, table.c.indicator_id, table.c.period, table.c.comment, table.c.source,
                   table.c.import_batch_id).where(table.c.indicator_id.in_(list(indicator_ids.values())))):
        if row.source != LEGACY_SOURCE and row.import_batch_id not in own_batches:
            continue
        key = (row.indicator_id, row.period)
        if key not in wanted:
            stale.append(row.id)
        elif row.comment is not None and wanted[key] is None:
            uncomment.append(row.id)
    if not stale and not uncomment:
        return
    objects = {m.id: m for m in session.scalars(select(Measurement).where(Measurement.id.in_(stale + uncomment)))}
    up.delete(Measurement, [objects[i] for i in stale])
    for i in uncomment:
        objects[i].comment = None
    up.updated["measurement"] += len(uncomment)
    up.flush()
