"""What the risk register reads: every risk with its objective's and process's names and how many actions are
linked to it, the heat map's count per cell, the overdue reviews, and the choices the form offers."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mios_dashboard.models import Action, Objective, Process, Risk


@dataclass(frozen=True)
class RiskRow:
    """One line of the register, as plain values (the page never holds ORM objects)."""

    id: int
    row_version: int
    code: str
    kind: str
    title: str
    description: str
    category: str
    likelihood: int
    impact: int
    residual_likelihood: int | None
    residual_impact: int | None
    owner: str | None
    treatment: str
    objective_code: str | None
    objective_title: str | None
    process_code: str | None
    process_name: str | None
    assessed_on: dt.date | None
    review_on: dt.date | None
    effectiveness: str
    closed_on: dt.date | None
    closure_note: str
    actions: int  # actions linked to the risk (its treatment, decisions about it)

    def overdue(self, today: dt.date) -> bool:
        """Its review date has passed (a closed risk is not reviewed any more)."""
        return self.closed_on is None and self.review_on is not None and self.review_on < today


@dataclass(frozen=True)
class Choice:
    code: str
    name: str


def register(session: Session, risk_id: int | None = None) -> list[RiskRow]:
    """Every risk and opportunity, by code (or only the one with `risk_id`)."""
    actions = (
        select(Action.risk_id, func.count().label("n")).where(Action.risk_id.is_not(None))
        .group_by(Action.risk_id).subquery()
    )
    statement = (
        select(Risk.id, Risk.row_version, Risk.code, Risk.kind, Risk.title, Risk.description, Risk.category,
               Risk.likelihood, Risk.impact, Risk.residual_likelihood, Risk.residual_impact, Risk.owner,
               Risk.treatment, Objective.code, Objective.title, Process.code, Process.name, Risk.assessed_on,
               Risk.review_on, Risk.effectiveness, Risk.closed_on, Risk.closure_note,
               func.coalesce(actions.c.n, 0))
        .outerjoin(Objective, Objective.id == Risk.objective_id)
        .outerjoin(Process, Process.id == Risk.process_id)
        .outerjoin(actions, actions.c.risk_id == Risk.id)
        .order_by(Risk.code)
    )
    if risk_id is not None:
        statement = statement.where(Risk.id == risk_id)
    return [RiskRow(*row) for row in session.execute(statement).all()]  # type: ignore[call-arg]  # 23 columns in order


def one(session: Session, risk_id: int) -> RiskRow | None:
    return next(iter(register(session, risk_id)), None)


def cell_counts(session: Session, view: str = "inherent") -> Counter[tuple[int, int]]:
    """Open risks and opportunities per (likelihood, impact) cell; `view` "residual" counts the rating after
    treatment (risks not yet reassessed have none and are left out)."""
    likelihood, impact = (
        (Risk.residual_likelihood, Risk.residual_impact) if view == "residual" else (Risk.likelihood, Risk.impact)
    )
    statement = (
        select(likelihood, impact, func.count())
        .where(Risk.closed_on.is_(None), likelihood.is_not(None), impact.is_not(None))
        .group_by(likelihood, impact)
    )
    return Counter({(int(cell_l), int(cell_i)): int(n) for cell_l, cell_i, n in session.execute(statement)
                    if cell_l is not None and cell_i is not None})


def overdue_codes(session: Session, today: dt.date) -> list[str]:
    """Codes of the open risks whose review date is before `today` (the organization's day)."""
    statement = (
        select(Risk.code).where(Risk.closed_on.is_(None), Risk.review_on.is_not(None), Risk.review_on < today)
        .order_by(Risk.code)
    )
    return list(session.scalars(statement))


def linked_actions(session: Session, risk_id: int) -> int:
    return int(session.scalar(select(func.count()).select_from(Action).where(Action.risk_id == risk_id)) or 0)


def objectives(session: Session) -> list[Choice]:
    return [Choice(*row) for row in session.execute(select(Objective.code, Objective.title).order_by(Objective.code))]


def processes(session: Session) -> list[Choice]:
    return [Choice(*row) for row in session.execute(select(Process.code, Process.name).order_by(Process.code))]
