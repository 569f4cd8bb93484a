"""PHVA status (docs/formulas.md#phva-status): the evidence each Plan-Do-Check-Act stage has, or lacks, as of a day.

One repository call gathers the records, the board service says which indicators have their value for the
month due, and the pure checks of analytics/phva.py decide. The /phva page and the board's PHVA strip both
call `phva_status`, so they never disagree.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, TypedDict, cast

from sqlalchemy.orm import Session

from mios_dashboard.analytics import phva_facts as facts
from mios_dashboard.analytics.phva import due_month, evaluate
from mios_dashboard.repositories import phva as phva_repo
from mios_dashboard.services.board.compute import build_board

DEFAULT_REVIEW_INTERVAL_MONTHS = 6
AnyBoard = Mapping[str, Any]  # a board of the month due, the engine's or the page's trimmed one


class Evidence(TypedDict):
    message: str  # i18n key phva.ev_<message>
    params: dict[str, Any]


class GapItem(TypedDict):
    """One item that lacks evidence: its code (None when named only by text), why (phva.reason_ keys)."""

    ref: str | None
    label: str | None
    reasons: list[str]
    params: dict[str, Any]
    href: str | None


class PhvaCheck(TypedDict):
    key: str
    stage: str
    clauses: list[str]  # ISO 9001 clauses, e.g. "4.1"
    met: bool
    evidence: Evidence
    gap: list[GapItem]  # the first few; gap_total counts them all
    gap_total: int
    fix_href: str


class PhvaStage(TypedDict):
    key: str  # plan, do, check, act
    clauses: list[int]
    met: int
    total: int
    score: float | None
    status: str
    checks: list[PhvaCheck]


class PhvaStatus(TypedDict):
    today: dt.date
    month: dt.date  # the board month indicators are due for
    empty: bool  # nothing recorded at all
    met: int
    total: int
    score: float | None  # met / total
    status: str
    stages: list[PhvaStage]


def _as(kind, rows) -> tuple:
    return tuple(kind(**row._mapping) for row in rows)


def _indicator_facts(board: AnyBoard) -> tuple[facts.IndicatorFact, ...]:
    """Measured = the board has an actual for the month (a value without a usable target still counts)."""
    return tuple(
        facts.IndicatorFact(code=i["code"], name=i.get("name") or "", measured=i.get("actual") is not None,
                      last_period=dt.date.fromisoformat(i["last_period"]) if i.get("last_period") else None)
        for i in board.get("indicators") or []
    )


def phva_facts(session: Session, today: dt.date, board: AnyBoard | None = None) -> facts.PhvaFacts:
    """The facts of every check. `board` may be one already built for the month due (reused, not rebuilt)."""
    month = due_month(today)
    rows = phva_repo.gather(session)
    if board is None or board.get("period") != month.isoformat():
        board = build_board(session, month)
    policy, review = rows["policy"], rows["last_review"]
    return facts.PhvaFacts(
        context_issues=_as(facts.ContextIssueFact, rows["context_issues"]),
        parties=_as(facts.PartyFact, rows["parties"]),
        policy=facts.PolicyFact(**policy._mapping) if policy else None,
        objectives=_as(facts.ObjectiveFact, rows["objectives"]),
        risks=_as(facts.RiskFact, rows["risks"]),
        roles=_as(facts.RoleFact, rows["roles"]),
        last_review=facts.ReviewFact(**review._mapping) if review else None,
        review_interval_months=rows["review_interval_months"] or DEFAULT_REVIEW_INTERVAL_MONTHS,
        actions=_as(facts.ActionFact, rows["actions"]),
        operation_meetings=tuple(rows["operation_meetings"]),
        indicators=_indicator_facts(board),
        month=month,
    )


def phva_status(session: Session, today: dt.date | None = None, board: AnyBoard | None = None) -> PhvaStatus:
    """The PHVA cycle as of `today` (default: the server's date), as `PhvaStatus`. Messages and reasons are
    i18n keys under `phva.ev_` and `phva.reason_`; dates are `datetime.date`. Pass `board` when the caller
    already built it for the month due, to skip a rebuild.
    """
    today = today or dt.date.today()
    # analytics/phva.py builds this shape as plain dicts (it imports nothing of ours); PhvaStatus names it.
    return cast(PhvaStatus, evaluate(phva_facts(session, today, board), today))
