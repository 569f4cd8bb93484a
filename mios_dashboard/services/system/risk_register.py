"""What the `/riesgos` page shows: the register filtered as its URL says, and the 5 × 5 heat map.

The page parses its URL into a `RegisterFilter` and gets back plain values — every line with its ratings,
level bands, taxonomy path and whether its review is overdue (judged on the organization's day) — so the
components only draw and translate. The heat map always counts every open risk of the chosen view (inherent
or residual), filtered by kind, family, owner and overdue but not by the cell, so the cell a reader clicked
stays visible among the others.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from mios_dashboard.analytics.risks import (
    FAMILIES,
    LEAVES,
    SCALE,
    cell_key,
    family_of,
    level,
    parse_cell,
    path_of,
    rating,
)
from mios_dashboard.errors import NotFound
from mios_dashboard.models.enums import RISK_KINDS
from mios_dashboard.repositories import risks as repository
from mios_dashboard.repositories.risks import Choice, RiskRow
from mios_dashboard.services.system.risks import organization_today

__all__ = ["Line", "RegisterFilter", "RegisterView", "cell_key", "form_values", "parse_cell", "register_view"]

VIEWS = ("inherent", "residual")
PAGE_SIZE = 50  # register lines per page: a director reads a page, and a 500-risk register stays quick


@dataclass(frozen=True)
class RegisterFilter:
    """The register's view as the URL gives it; None (or False) means "not filtered"."""

    view: str = "inherent"
    cell: tuple[int, int] | None = None
    kind: str | None = None
    family: str | None = None
    owner: str | None = None
    overdue: bool = False
    page: int = 1  # of the register, PAGE_SIZE lines each (not a filter: the heat map ignores it)

    def active(self) -> bool:
        return any((self.cell, self.kind, self.family, self.owner, self.overdue))


@dataclass(frozen=True)
class Line:
    """A register line: the stored row plus what is computed from it."""

    row: RiskRow
    family: str
    path: tuple[str, ...]  # taxonomy codes from the family down to the leaf
    inherent: int
    inherent_level: str
    residual: int | None
    residual_level: str | None
    overdue: bool
    closed: bool


@dataclass(frozen=True)
class Cell:
    likelihood: int
    impact: int
    key: str  # "P3-I4"
    level: str
    count: int
    selected: bool


@dataclass(frozen=True)
class RegisterView:
    today: dt.date
    filters: RegisterFilter
    total: int  # every risk and opportunity recorded, closed ones too
    lines: list[Line]  # the page of those the filters keep, by code
    matched: int  # how many the filters keep, on every page
    page: int
    pages: int
    first: int  # index of the page's first line among those matched (0 on the first page)
    grid: list[list[Cell]]  # likelihood 5 → 1 (rows), impact 1 → 5 (columns)
    overdue: int  # open risks whose review is overdue (all of them, whatever the filters)
    critical: int  # open risks at the critical level in the chosen view
    owners: list[str] = field(default_factory=list)
    objectives: list[Choice] = field(default_factory=list)
    processes: list[Choice] = field(default_factory=list)
    families: tuple[str, ...] = FAMILIES
    # Every leaf of the taxonomy with its path, for the form's category list.
    categories: tuple[tuple[str, tuple[str, ...]], ...] = tuple((leaf, path_of(leaf)) for leaf in LEAVES)


def line_of(row: RiskRow, today: dt.date) -> Line:
    inherent = row.likelihood * row.impact
    residual = rating(row.residual_likelihood, row.residual_impact)
    return Line(row, family_of(row.category), path_of(row.category), inherent, level(inherent) or "low", residual,
                level(residual), row.overdue(today), row.closed_on is not None)


def _point(line: Line, view: str) -> tuple[int, int] | None:
    if view == "residual":
        if line.row.residual_likelihood is None or line.row.residual_impact is None:
            return None
        return line.row.residual_likelihood, line.row.residual_impact
    return line.row.likelihood, line.row.impact


def _kept(line: Line, filters: RegisterFilter) -> bool:
    return ((filters.kind is None or line.row.kind == filters.kind)
            and (filters.family is None or line.family == filters.family)
            and (filters.owner is None or line.row.owner == filters.owner)
            and (not filters.overdue or line.overdue))


def normalized(filters: RegisterFilter) -> RegisterFilter:
    """Values the page does not know (a hand-edited link) are dropped rather than emptying the register."""
    return replace(filters, view=filters.view if filters.view in VIEWS else "inherent",
                   kind=filters.kind if filters.kind in RISK_KINDS else None,
                   family=filters.family if filters.family in FAMILIES else None)


def register_view(session: Session, filters: RegisterFilter, today: dt.date | None = None) -> RegisterView:
    """The register and heat map for `filters`, judged on `today` (default: the organization's day)."""
    day = today or organization_today(session)
    filters = normalized(filters)
    every = [line_of(row, day) for row in repository.register(session)]
    kept = [line for line in every if _kept(line, filters)]
    counts: dict[tuple[int, int], int] = {}
    for line in kept:
        point = _point(line, filters.view)
        if point is not None and not line.closed:
            counts[point] = counts.get(point, 0) + 1
    grid = [[Cell(p, i, cell_key(p, i), level(p * i) or "low", counts.get((p, i), 0), filters.cell == (p, i))
             for i in SCALE] for p in reversed(SCALE)]
    matching = [line for line in kept if filters.cell is None or (_point(line, filters.view) == filters.cell
                                                                  and not line.closed)]
    pages = max(1, -(-len(matching) // PAGE_SIZE))
    page = min(max(1, filters.page), pages)  # a page past the end (the register shrank) shows the last one
    critical = sum(count for (p, i), count in counts.items() if level(p * i) == "critical")
    return RegisterView(
        today=day, filters=filters, total=len(every), lines=matching[(page - 1) * PAGE_SIZE: page * PAGE_SIZE],
        matched=len(matching), page=page, pages=pages, first=(page - 1) * PAGE_SIZE, grid=grid,
        overdue=sum(line.overdue for line in every), critical=critical,
        owners=sorted({line.row.owner for line in every if line.row.owner}),
        objectives=repository.objectives(session), processes=repository.processes(session),
    )


def form_values(session: Session, risk_id: object) -> dict[str, Any]:
    """What the risk form loads for editing, as the form's plain values with the version it carries; a
    made-up id is `NotFound`."""
    try:
        key = int(str(risk_id))
    except ValueError:
        raise NotFound("form.not_found") from None
    row = repository.one(session, key)
    if row is None:
        raise NotFound("form.not_found")
    return {
        "id": row.id, "row_version": row.row_version, "code": row.code, "kind": row.kind, "title": row.title,
        "description": row.description, "category": row.category, "likelihood": row.likelihood,
        "impact": row.impact, "residual_likelihood": row.residual_likelihood, "residual_impact": row.residual_impact,
        "owner": row.owner or "", "treatment": row.treatment, "objective": row.objective_code,
        "process": row.process_code, "assessed_on": row.assessed_on.isoformat() if row.assessed_on else None,
        "review_on": row.review_on.isoformat() if row.review_on else None, "effectiveness": row.effectiveness,
        "closed": row.closed_on is not None, "actions": row.actions,
    }

