"""What the administration page lists: perspectives, processes, objectives and indicators, each row with the
names of what it refers to (never a bare id) and the counts a director checks (objectives per perspective,
indicators per objective, SIPOC lines per process, values per indicator)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from mios_dashboard.models import (
    Indicator,
    Measurement,
    Objective,
    ObjectiveLink,
    Perspective,
    Process,
    SipocItem,
    Target,
)


@dataclass(frozen=True)
class Choice:
    """One entry of a drop-down: the stored id and what a person reads."""

    id: int
    code: str
    label: str


@dataclass(frozen=True)
class PerspectiveRow:
    id: int
    row_version: int
    code: str
    name: str
    description: str
    sort_order: int
    weight: float
    objectives: int  # active ones
    indicators: int  # active ones, their own or through their objective


@dataclass(frozen=True)
class ProcessRow:
    id: int
    row_version: int
    code: str
    name: str
    type: str
    owner: str | None
    purpose: str
    sipoc: dict[str, list[str]] = field(default_factory=dict)
    objectives: int = 0
    indicators: int = 0


@dataclass(frozen=True)
class ObjectiveRow:
    id: int
    row_version: int
    code: str
    title: str
    description: str
    perspective_id: int
    perspective: str
    process_id: int | None
    process: str | None
    parent_id: int | None
    parent: str | None  # the parent's code
    weight: float
    active: bool
    policy_commitment: str | None
    plan_what: str | None
    plan_resources: str | None
    plan_owner: str | None
    plan_due: dt.date | None
    plan_evaluation: str | None
    indicators: int = 0
    effects: tuple[int, ...] = ()  # the objectives it drives (strategy map)

    @property
    def plan_filled(self) -> int:
        """How many of the five 6.2.2 plan items are written down."""
        return sum(1 for item in (self.plan_what, self.plan_resources, self.plan_owner, self.plan_due,
                                  self.plan_evaluation) if item)


@dataclass(frozen=True)
class IndicatorRow:
    id: int
    row_version: int
    code: str
    name: str
    description: str
    unit: str
    direction: str
    frequency: str
    aggregation: str
    target: float | None
    target_min: float | None
    target_max: float | None
    green_threshold: float
    yellow_threshold: float
    weight: float
    decimals: int
    xmr_baseline_start: dt.date | None
    xmr_baseline_end: dt.date | None
    owner: str | None
    data_source: str | None
    group: str | None
    active: bool
    objective_id: int | None
    objective: str | None  # "code · title"
    perspective_id: int | None
    perspective: str | None
    process_id: int | None
    process: str | None
    measurements: int = 0
    last_period: dt.date | None = None
    last_value: float | None = None


def _counts(session: Session, column: InstrumentedAttribute[Any], *where: ColumnElement[bool]) -> dict[int, int]:
    statement = select(column, func.count()).where(column.is_not(None), *where).group_by(column)
    return {key: count for key, count in session.execute(statement).all()}


def perspective_rows(session: Session) -> list[PerspectiveRow]:
    """Every perspective in board order, with its active objectives and indicators."""
    objectives = _counts(session, Objective.perspective_id, Objective.active.is_(True))
    through = aliased(Objective)
    indicator_perspective = func.coalesce(Indicator.perspective_id, through.perspective_id)
    indicators = {key: count for key, count in session.execute(
        select(indicator_perspective, func.count()).select_from(Indicator)
        .outerjoin(through, Indicator.objective_id == through.id)
        .where(Indicator.active.is_(True)).group_by(indicator_perspective)).all() if key is not None}
    return [PerspectiveRow(p.id, p.row_version, p.code, p.name, p.description or "", p.sort_order, p.weight,
                           objectives.get(p.id, 0), indicators.get(p.id, 0))
            for p in session.scalars(select(Perspective).order_by(Perspective.sort_order, Perspective.code))]


def process_rows(session: Session) -> list[ProcessRow]:
    """Every process by code, with its SIPOC lines by kind and how many objectives and indicators it has."""
    sipoc: dict[int, dict[str, list[str]]] = {}
    for item in session.scalars(select(SipocItem).order_by(SipocItem.process_id, SipocItem.kind,
                                                            SipocItem.sort_order, SipocItem.id)):
        sipoc.setdefault(item.process_id, {}).setdefault(item.kind, []).append(item.text)
    objectives = _counts(session, Objective.process_id)
    indicators = _counts(session, Indicator.process_id)
    return [ProcessRow(p.id, p.row_version, p.code, p.name, p.type, p.owner, p.purpose or "", sipoc.get(p.id, {}),
                       objectives.get(p.id, 0), indicators.get(p.id, 0))
            for p in session.scalars(select(Process).order_by(Process.code))]


def objective_rows(session: Session) -> list[ObjectiveRow]:
    """Every objective (active first, then by perspective order and code) with the names it refers to."""
    parent = aliased(Objective)
    indicators = _counts(session, Indicator.objective_id)
    effects: dict[int, list[int]] = {}
    for cause, effect in session.execute(select(ObjectiveLink.cause_id, ObjectiveLink.effect_id)
                                         .order_by(ObjectiveLink.id)).all():
        effects.setdefault(cause, []).append(effect)
    statement = (
        select(Objective, Perspective.name, Process.name, parent.code)
        .join(Perspective, Objective.perspective_id == Perspective.id)
        .outerjoin(Process, Objective.process_id == Process.id)
        .outerjoin(parent, Objective.parent_id == parent.id)
        .order_by(Objective.active.desc(), Perspective.sort_order, Objective.code)
    )
    return [ObjectiveRow(
        o.id, o.row_version, o.code, o.title, o.description or "", o.perspective_id, perspective, o.process_id,
        process, o.parent_id, parent_code, o.weight, o.active, o.policy_commitment, o.plan_what, o.plan_resources,
        o.plan_owner, o.plan_due, o.plan_evaluation, indicators.get(o.id, 0), tuple(effects.get(o.id, ())),
    ) for o, perspective, process, parent_code in session.execute(statement).all()]


def indicator_rows(session: Session) -> list[IndicatorRow]:
    """Every indicator (active first, then by code) with its objective, perspective and process by name, how
    many values it has and its newest one."""
    newest = (select(Measurement.indicator_id, func.max(Measurement.period).label("period"),
                     func.count().label("count")).group_by(Measurement.indicator_id).subquery())
    last = aliased(Measurement)
    statement = (
        select(Indicator, Objective.code, Objective.title, Perspective.name, Process.name, newest.c.count,
               newest.c.period, last.value)
        .outerjoin(Objective, Indicator.objective_id == Objective.id)
        .outerjoin(Perspective, Indicator.perspective_id == Perspective.id)
        .outerjoin(Process, Indicator.process_id == Process.id)
        .outerjoin(newest, newest.c.indicator_id == Indicator.id)
        .outerjoin(last, (last.indicator_id == Indicator.id) & (last.period == newest.c.period))
        .order_by(Indicator.active.desc(), Indicator.code)
    )
    rows = []
    for i, objective_code, objective_title, perspective, process, count, period, value in session.execute(statement):
        rows.append(IndicatorRow(
            i.id, i.row_version, i.code, i.name, i.description or "", i.unit or "", i.direction, i.frequency,
            i.aggregation, i.target, i.target_min, i.target_max, i.green_threshold, i.yellow_threshold, i.weight,
            i.decimals, i.xmr_baseline_start, i.xmr_baseline_end, i.owner, i.data_source, i.group, i.active,
            i.objective_id, f"{objective_code} · {objective_title}" if objective_code else None, i.perspective_id,
            perspective, i.process_id, process, count or 0, period, value,
        ))
    return rows


def choices(session: Session) -> dict[str, list[Choice]]:
    """The drop-downs of the forms: perspectives (board order), processes and objectives (by code)."""
    return {
        "perspective": [Choice(p.id, p.code, p.name) for p in session.scalars(
            select(Perspective).order_by(Perspective.sort_order, Perspective.code))],
        "process": [Choice(p.id, p.code, f"{p.code} · {p.name}") for p in session.scalars(
            select(Process).order_by(Process.code))],
        "objective": [Choice(o.id, o.code, f"{o.code} · {o.title}") for o in session.scalars(
            select(Objective).order_by(Objective.code))],
    }


def measurement_at(session: Session, indicator_id: int, period: dt.date | None) -> Measurement | None:
    """The indicator's stored value for `period` (its first day), or its newest one when `period` is None."""
    statement = select(Measurement).where(Measurement.indicator_id == indicator_id)
    if period is not None:
        statement = statement.where(Measurement.period == period)
    return session.scalar(statement.order_by(Measurement.period.desc()).limit(1))


def year_targets(session: Session, indicator_id: int, year: int) -> dict[int, float | None]:
    """The indicator's per-month target overrides of `year`: {month: target}."""
    return {period.month: target for period, target in session.execute(
        select(Target.period, Target.target).where(
            Target.indicator_id == indicator_id, Target.period >= dt.date(year, 1, 1),
            Target.period <= dt.date(year, 12, 31))).all()}
