"""What changed since the previous month: the board of month M against the board of the month before.

The previous month is the newest month with data before M (normally M − 1; a month nobody measured is
skipped rather than making everything look new). The rules live in analytics/changes.py.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypedDict

from sqlalchemy.orm import Session

from mios_dashboard.analytics.changes import board_changes as compare
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.services.board.view import slim_board

AnyBoard = Mapping[str, Any]  # the engine's board, a trimmed one, or just {"indicators": lights}
Change = dict[str, Any]  # analytics/changes.py: code, name, owner, objective, perspective, status, previous_status…


class BoardChanges(TypedDict):
    period: str | None
    previous: str | None  # the month compared with, ISO; None for the first month
    new_reds: list[Change]
    recoveries: list[Change]
    new_signals: list[Change]


def previous_period(board: AnyBoard) -> dt.date | None:
    """The newest month with data before the board's month, or None for the first month."""
    period = board.get("period")
    earlier = [p for p in board.get("available_periods") or [] if period and p < period]
    return dt.date.fromisoformat(earlier[-1]) if earlier else None


def board_changes(session: Session, board: AnyBoard, load: Callable[[dt.date], AnyBoard] | None = None
                  ) -> BoardChanges:
    """What changed in `board` since the month before (see analytics/changes.py for the rules).

    `load(month)` gives the board of another month (the page passes its cached loader); by default the
    board is built here. Without a previous month every list is empty.
    """
    previous = previous_period(board)
    period = board.get("period")
    if previous is None:
        return {"period": period, "previous": None, "new_reds": [], "recoveries": [], "new_signals": []}
    read = load or (lambda month: slim_board(build_board(session, month)))
    found = compare(board.get("indicators") or [], read(previous).get("indicators") or [])
    return {"period": period, "previous": previous.isoformat(), "new_reds": found["new_reds"],
            "recoveries": found["recoveries"], "new_signals": found["new_signals"]}


def restrict(changes: BoardChanges, codes: set[str]) -> BoardChanges:
    """The changes of the indicators a filtered board shows."""
    def kept(entries: list[Change]) -> list[Change]:
        return [e for e in entries if e.get("code") in codes]

    return {"period": changes["period"], "previous": changes["previous"], "new_reds": kept(changes["new_reds"]),
            "recoveries": kept(changes["recoveries"]), "new_signals": kept(changes["new_signals"])}
