"""What the /contexto page reads: the organization, the policy's versions, the SWOT grid with overdue reviews,
the interested parties, the communication matrix, the roles and each process's SIPOC — as typed rows.

Queries only (never a commit); the page formats the rows in the reader's language.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mios_dashboard.models import (
    CommunicationItem,
    ContextIssue,
    Indicator,
    InterestedParty,
    Process,
    QualityPolicy,
    Role,
)
from mios_dashboard.models.enums import SIPOC_KINDS, SWOT_QUADRANTS
from mios_dashboard.repositories.organization import the_organization

SIPOC_COLUMNS = ("supplier", "input", "activity", "output", "customer")


@dataclass(frozen=True)
class ValueRow:
    name: str
    motto: str


@dataclass(frozen=True)
class ExclusionRow:
    clause: str
    requirement: str
    justification: str


@dataclass(frozen=True)
class OrganizationRow:
    id: int
    row_version: int
    name: str
    legal_name: str | None
    industry: str | None
    vision: str
    mission: str
    scope: str
    products_services: str
    management_review_interval_months: int
    time_zone: str
    values: tuple[ValueRow, ...]
    exclusions: tuple[ExclusionRow, ...]


@dataclass(frozen=True)
class PolicyRow:
    id: int
    row_version: int
    version: int
    statement: str
    approved_by: str | None
    approved_on: dt.date | None
    in_force: bool
    communicated_to: str | None
    communicated_on: dt.date | None

    @property
    def status(self) -> str:
        """draft (Borrador), approved (in force, not yet communicated), in_force, superseded."""
        if self.approved_on is None:
            return "draft"
        if not self.in_force:
            return "superseded"
        return "in_force" if self.communicated_on else "approved"


@dataclass(frozen=True)
class IssueRow:
    id: int
    row_version: int
    scope: str
    swot: str
    description: str
    effect: str
    monitoring: str
    last_reviewed_on: dt.date | None
    overdue: bool  # never reviewed, or last reviewed before the cutoff (12 months ago: the PHVA rule)


@dataclass(frozen=True)
class RequirementRow:
    kind: str
    description: str


@dataclass(frozen=True)
class PartyRow:
    id: int
    row_version: int
    type: str
    name: str
    monitoring: str
    indicator_id: int | None
    indicator: str | None  # "CLI-01 · Satisfacción del cliente"
    last_reviewed_on: dt.date | None
    requirements: tuple[RequirementRow, ...]

    @property
    def requirement_count(self) -> int:
        return len(self.requirements)


@dataclass(frozen=True)
class CommunicationRow:
    id: int
    row_version: int
    scope: str
    what: str
    timing: str
    to_whom: str
    how: str
    who: str


@dataclass(frozen=True)
class RoleRow:
    id: int
    row_version: int
    name: str
    person: str | None
    responsibilities: str
    authorities: str
    competence_required: str
    competence_evidence: str | None
    awareness_on: dt.date | None
    is_management_representative: bool


@dataclass(frozen=True)
class SipocRow:
    code: str
    name: str
    type: str
    owner: str | None
    columns: dict[str, tuple[str, ...]]  # SIPOC_COLUMNS (and "control") → its lines in order


def organization(session: Session) -> OrganizationRow | None:
    org = the_organization(session)
    if org is None:
        return None
    return OrganizationRow(
        org.id, org.row_version, org.name, org.legal_name, org.industry, org.vision, org.mission, org.scope,
        org.products_services, org.management_review_interval_months, org.time_zone,
        tuple(ValueRow(v.name, v.motto) for v in org.values),
        tuple(ExclusionRow(e.clause, e.requirement, e.justification) for e in org.exclusions),
    )


def policies(session: Session) -> list[PolicyRow]:
    """Every version, newest first."""
    return [
        PolicyRow(p.id, p.row_version, p.version, p.statement, p.approved_by, p.approved_on, p.in_force,
                  p.communicated_to, p.communicated_on)
        for p in session.scalars(select(QualityPolicy).order_by(QualityPolicy.version.desc()))
    ]


def swot(session: Session, cutoff: dt.date) -> dict[str, list[IssueRow]]:
    """The issues by quadrant (every quadrant present, maybe empty), overdue ones — never reviewed, or last
    reviewed before `cutoff` — first, then by oldest review."""
    grid: dict[str, list[IssueRow]] = {quadrant: [] for quadrant in SWOT_QUADRANTS}
    for i in session.scalars(select(ContextIssue).order_by(ContextIssue.id)):
        overdue = i.last_reviewed_on is None or i.last_reviewed_on < cutoff
        grid[i.swot].append(IssueRow(i.id, i.row_version, i.scope, i.swot, i.description, i.effect, i.monitoring,
                                     i.last_reviewed_on, overdue))
    for rows in grid.values():
        rows.sort(key=lambda row: (not row.overdue, row.last_reviewed_on or dt.date.min))
    return grid


def parties(session: Session) -> list[PartyRow]:
    """Every party with its requirements, by type then name."""
    statement = (select(InterestedParty, Indicator.code, Indicator.name)
                 .outerjoin(Indicator, Indicator.id == InterestedParty.satisfaction_indicator_id)
                 .options(selectinload(InterestedParty.requirements))
                 .order_by(InterestedParty.type, InterestedParty.name))
    return [
        PartyRow(p.id, p.row_version, p.type, p.name, p.monitoring, p.satisfaction_indicator_id,
                 f"{code} · {name}" if code else None, p.last_reviewed_on,
                 tuple(RequirementRow(r.kind, r.description) for r in p.requirements))
        for p, code, name in session.execute(statement)
    ]


def communication(session: Session) -> list[CommunicationRow]:
    """The matrix, internal rows first, in the order they were recorded."""
    return [
        CommunicationRow(c.id, c.row_version, c.scope, c.what, c.timing, c.to_whom, c.how, c.who)
        for c in session.scalars(select(CommunicationItem).order_by(CommunicationItem.scope.desc(),
                                                                   CommunicationItem.id))
    ]


def roles(session: Session) -> list[RoleRow]:
    """The roles, the management representative first."""
    return [
        RoleRow(r.id, r.row_version, r.name, r.person, r.responsibilities, r.authorities, r.competence_required,
                r.competence_evidence, r.awareness_on, r.is_management_representative)
        for r in session.scalars(select(Role).order_by(Role.is_management_representative.desc(), Role.name))
    ]


def sipoc(session: Session) -> list[SipocRow]:
    """Each process (by code) with its SIPOC lines by column."""
    rows = []
    for process in session.scalars(select(Process).options(selectinload(Process.sipoc)).order_by(Process.code)):
        columns: dict[str, list[str]] = {kind: [] for kind in SIPOC_KINDS}
        for item in process.sipoc:
            columns.setdefault(item.kind, []).append(item.text)
        rows.append(SipocRow(process.code, process.name, process.type, process.owner,
                             {kind: tuple(lines) for kind, lines in columns.items()}))
    return rows


def indicator_options(session: Session) -> list[tuple[int, str]]:
    """(id, "CODE · name") of every indicator, for a party's satisfaction indicator."""
    return [(i, f"{code} · {name}") for i, code, name in
            session.execute(select(Indicator.id, Indicator.code, Indicator.name).order_by(Indicator.code))]
