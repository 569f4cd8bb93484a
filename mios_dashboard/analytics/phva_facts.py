"""The facts the PHVA checks (analytics/phva.py) look at: plain records the service gathers once; the
repository (repositories/phva.py) labels its columns with these field names."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple


class ContextIssueFact(NamedTuple):
    description: str
    last_reviewed_on: dt.date | None


class PartyFact(NamedTuple):
    name: str
    requirements: int


class PolicyFact(NamedTuple):
    version: int
    approved_on: dt.date | None
    communicated_on: dt.date | None


class ObjectiveFact(NamedTuple):
    code: str
    title: str
    plan_what: str | None
    plan_resources: str | None
    plan_owner: str | None
    plan_due: dt.date | None
    plan_evaluation: str | None
    indicators: int


class RiskFact(NamedTuple):
    code: str
    title: str
    likelihood: int | None
    impact: int | None
    assessed_on: dt.date | None
    review_on: dt.date | None


class RoleFact(NamedTuple):
    name: str
    person: str | None
    is_management_representative: bool


class ReviewFact(NamedTuple):
    held_on: dt.date
    resources_adequacy: str | None


class ActionFact(NamedTuple):
    code: str
    title: str
    kind: str
    status: str
    opened_on: dt.date
    due_on: dt.date | None
    closed_on: dt.date | None
    verified_on: dt.date | None


class IndicatorFact(NamedTuple):
    code: str
    name: str
    measured: bool  # has a value for the month due
    last_period: dt.date | None


@dataclass(frozen=True)
class PhvaFacts:
    """Everything the checks look at; `month` is the board month indicators must be measured for."""

    context_issues: tuple[ContextIssueFact, ...] = ()
    parties: tuple[PartyFact, ...] = ()
    policy: PolicyFact | None = None  # the version in force
    objectives: tuple[ObjectiveFact, ...] = ()  # active ones
    risks: tuple[RiskFact, ...] = ()
    roles: tuple[RoleFact, ...] = ()
    last_review: ReviewFact | None = None  # the newest held management review
    review_interval_months: int = 6
    actions: tuple[ActionFact, ...] = ()
    operation_meetings: tuple[dt.date, ...] = ()
    indicators: tuple[IndicatorFact, ...] = ()  # active ones
    month: dt.date | None = None

    @property
    def empty(self) -> bool:
        """Nothing recorded at all: the page says how to start instead of listing 13 gaps."""
        return not any((self.context_issues, self.parties, self.policy, self.objectives, self.risks, self.roles,
                        self.last_review, self.actions, self.operation_meetings, self.indicators))
