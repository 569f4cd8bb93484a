"""Load the demo organization, so a first start (and `python -m mios_dashboard demo`) shows a full, current board.

Everything is written through the ORM in the caller's session, so the audit hook records it and the caller's
transaction decides. Rows are upserted by natural keys (codes, names, (indicator, period)…) and only
attributes whose value differs are assigned: loading twice for the same `today` writes nothing at all, not
even audit events. Existing keys are fetched once per table, never once per row.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ..models import (
    Action, CommunicationItem, ContextIssue, Indicator, InterestedParty, ManagementReview, Measurement, Meeting,
    Objective, ObjectiveLink, Organization, OrganizationValue, PartyRequirement, Perspective, Process,
    QualityPolicy, Risk, Role, ScopeExclusion, SipocItem, Target, User,
)
from .board import build_board
from .demo_content import context, governance, indicators, organization, strategy
from .demo_content.dates import DemoCalendar
from .demo_content.measurements import budget_targets, noise_table, series_values

SOURCE = "demo"
SNAPSHOT_FIELDS = ("code", "actual", "target", "target_min", "target_max", "achievement", "status")


class DemoConflictError(ValueError):
    """The database already describes another organization; the demo would mix into it."""


@dataclass
class DemoSummary:
    """What a load did: the anchor month, the rows the demo holds per table, and what was inserted, updated, deleted."""

    anchor: dt.date
    counts: dict[str, int] = field(default_factory=dict)
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)  # the demo's own values outside a re-anchored window

    @property
    def changed(self) -> bool:
        return any(self.inserted.values()) or any(self.updated.values()) or any(self.deleted.values())


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; the demo stores UTC, so naive means UTC.
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


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


def _check_organization(session: Session) -> None:
    others = [o for o in session.scalars(select(Organization.name)) if o != organization.ORGANIZATION_NAME]
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
        "indicators": [{k: reading[k] for k in SNAPSHOT_FIELDS} for reading in board["indicators"]],
    }


def load_demo(session: Session, today: dt.date | None = None) -> DemoSummary:
    """Write the demo organization into `session` (never commits); every date is relative to `today`'s month."""
    cal = DemoCalendar(today or dt.date.today())
    up = _Upserter(session)
    _check_organization(session)

    # Level 1: rows that reference nothing.
    org = up.upsert(Organization, ("name",), [organization.ORGANIZATION])
    perspective_objects = up.upsert(Perspective, ("code",), strategy.PERSPECTIVES)
    process_objects = up.upsert(
        Process, ("code",), [{k: v for k, v in row.items() if k != "sipoc"} for row in strategy.PROCESSES]
    )
    up.upsert(QualityPolicy, ("version",), organization.policies(cal))
    up.upsert(CommunicationItem, ("what",), organization.COMMUNICATION)
    up.upsert(Role, ("name",), organization.roles(cal))
    up.upsert(User, ("username",), organization.USERS)
    up.upsert(ContextIssue, ("description",), context.issues(cal))
    up.flush()
    org_id = org[(organization.ORGANIZATION_NAME,)].id
    perspectives, processes = _ids(perspective_objects), _ids(process_objects)

    # Level 2: organization details, SIPOCs and objectives.
    up.upsert(OrganizationValue, ("organization_id", "name"),
              [{**row, "organization_id": org_id} for row in organization.VALUES],
              select(OrganizationValue).where(OrganizationValue.organization_id == org_id))
    up.upsert(ScopeExclusion, ("organization_id", "clause"),
              [{**row, "organization_id": org_id} for row in organization.EXCLUSIONS],
              select(ScopeExclusion).where(ScopeExclusion.organization_id == org_id))
    up.upsert(SipocItem, ("process_id", "kind", "text"), [
        {"process_id": processes[proc["code"]], "kind": kind, "text": text, "sort_order": n}
        for proc in strategy.PROCESSES for kind, texts in proc["sipoc"].items() for n, text in enumerate(texts, 1)
    ], select(SipocItem).where(SipocItem.process_id.in_(processes.values())))
    objective_rows = [
        {**{k: v for k, v in row.items() if k not in ("perspective", "process")},
         "perspective_id": perspectives[row["perspective"]], "process_id": processes[row["process"]], "active": True}
        for row in strategy.objectives(cal)
    ]
    objective_objects = up.upsert(Objective, ("code",), objective_rows)
    up.flush()
    objectives = _ids(objective_objects)

    # Level 3: the strategy map and the indicators.
    up.upsert(ObjectiveLink, ("cause_id", "effect_id"), [
        {"cause_id": objectives[cause], "effect_id": objectives[effect], "note": note}
        for cause, effect, note in strategy.LINKS
    ])
    indicator_rows = []
    for spec in indicators.INDICATORS:
        row = spec.row(cal)
        objective = row.pop("objective")
        row["objective_id"] = objectives[objective] if objective else None
        row["perspective_id"] = perspectives[row.pop("perspective")]
        row["process_id"] = processes[row.pop("process")]
        indicator_rows.append(row)
    indicator_objects = up.upsert(Indicator, ("code",), indicator_rows)
    up.flush()
    indicator_ids = _ids(indicator_objects)
    demo_ids = [indicator_ids[spec.code] for spec in indicators.INDICATORS]

    # Level 4: per-period targets and measurements, parties, risks.
    _load_series(up, cal, indicator_ids, demo_ids)
    party_rows = [
        {"type": row["type"], "name": row["name"], "monitoring": row["monitoring"],
         "last_reviewed_on": row["last_reviewed_on"],
         "satisfaction_indicator_id": indicator_ids.get(row.get("satisfaction_indicator"))}
        for row in context.parties(cal)
    ]
    parties = {k[0]: o for k, o in up.upsert(InterestedParty, ("name",), party_rows).items()}
    risk_rows = [
        {**{k: v for k, v in row.items() if k not in ("objective", "process")},
         "objective_id": objectives.get(row["objective"]), "process_id": processes.get(row["process"])}
        for row in context.risks(cal)
    ]
    risk_objects = up.upsert(Risk, ("code",), risk_rows)
    up.flush()
    risks = _ids(risk_objects)

    # Level 5: party requirements, meetings (their board snapshots read the measurements just written).
    up.upsert(PartyRequirement, ("party_id", "kind", "description"), [
        {"party_id": parties[row["name"]].id, "kind": kind, "description": description}
        for row in context.PARTIES for kind, description in row["requirements"]
    ], select(PartyRequirement).where(PartyRequirement.party_id.in_([o.id for o in parties.values()])))
    meeting_rows = [
        {**row, "board_snapshot": _snapshot(session, row["board_period"])} for row in governance.meetings(cal)
    ]
    meetings = up.upsert(Meeting, ("kind", "title"), meeting_rows)
    up.flush()
    meeting_ids = {row["kind"]: meetings[(row["kind"], row["title"])].id for row in meeting_rows}

    # Level 6: the management review, then the actions that point at everything above.
    review_row = governance.review(cal)
    board_period = review_row["board_period"]
    review_row["meeting_id"] = meeting_ids["management_review"]
    review_row["board_snapshot"] = _snapshot(session, board_period)
    review = up.upsert(ManagementReview, ("period_start", "period_end"), [review_row])
    up.flush()
    review_id = review[(review_row["period_start"], review_row["period_end"])].id
    action_rows = []
    for row in governance.actions(cal):
        row = dict(row)
        row["objective_id"] = objectives.get(row.pop("objective"))
        row["indicator_id"] = indicator_ids.get(row.pop("indicator"))
        row["risk_id"] = risks.get(row.pop("risk"))
        row["meeting_id"] = meeting_ids.get(row.pop("meeting"))
        row["review_id"] = review_id if row.pop("review") else None
        action_rows.append(row)
    up.upsert(Action, ("code",), action_rows)
    up.flush()
    return DemoSummary(cal.anchor, dict(up.counts), dict(up.inserted), dict(up.updated), dict(up.deleted))


def _load_series(up: _Upserter, cal: DemoCalendar, indicator_ids: dict[str, int], demo_ids: list[int]) -> None:
    """Seasonal budgets as Target overrides, and every indicator's measurements from its story."""
    noise = noise_table(len(indicators.INDICATORS))
    target_rows, measurement_rows = [], []
    for n, spec in enumerate(indicators.INDICATORS):
        indicator_id = indicator_ids[spec.code]
        if spec.series.budget:
            target_rows += [
                {"indicator_id": indicator_id, "period": period, "target": value, "target_min": None,
                 "target_max": None}
                for period, value in budget_targets(spec.series.budget, spec.frequency, cal)
            ]
        entered_by = spec.owner.full
        measurement_rows += [
            {"indicator_id": indicator_id, "period": period, "value": value, "comment": comment, "source": SOURCE,
             "import_batch_id": None, "entered_by": entered_by}
            for period, value, comment in series_values(spec.series, spec.frequency, spec.decimals, cal, noise[n])
        ]
    up.upsert(Target, ("indicator_id", "period"), target_rows,
              select(Target).where(Target.indicator_id.in_(demo_ids)))
    measurements = up.upsert(Measurement, ("indicator_id", "period"), measurement_rows,
                             select(Measurement).where(Measurement.indicator_id.in_(demo_ids)))
    # Re-anchored to another month, the demo's own old values would fill its planted gaps and revive the
    # stale indicator: drop them. Values entered by people or imports (source other than 'demo') stay.
    wanted = {(row["indicator_id"], row["period"]) for row in measurement_rows}
    up.delete(Measurement, [m for key, m in measurements.items() if key not in wanted and m.source == SOURCE])
