"""What changed since the previous month: the board of month M against the board of the month before.

The previous month is the newest month with data before M (normally M − 1; a month nobody measured is
skipped rather than making everything look new). The rules live in analytics/changes.py.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from mios_dashboard.analytics.changes import board_changes as compare
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.services.board.view import slim_board

Board = Mapping[str, Any]


def previous_period(board: Board) -> dt.date | None:
    """The newest month with data before the board's month, or None for the first month."""
    period = board.get("period")
    earlier = [p for p in board.get("available_periods") or [] if period and p < period]
    return dt.date.fromisoformat(earlier[-1]) if earlier else None


def board_changes(session: Session, board: Board, load: Callable[[dt.date], Board] | None = None) -> dict:
    """{"period", "previous" (ISO month or None), "new_reds", "recoveries", "new_signals"} for `board`.

    `load(month)` gives the board of another month (the page passes its cached loader); by default the
    board is built here. Without a previous month every list is empty.
    """
    previous = previous_period(board)
    result = {"period": board.get("period"), "previous": previous.isoformat() if previous else None}
    if previous is None:
        return result | {"new_reds": [], "recoveries": [], "new_signals": []}
    load = load or (lambda month: slim_board(build_board(session, month)))
    return result | compare(board.get("indicators") or [], load(previous).get("indicators") or [])


def restrict(changes: Board, codes: set[str]) -> dict:
    """The changes of the indicators a filtered board shows."""
    return {key: [e for e in value if e.get("code") in codes] if isinstance(value, list) else value
            for key, value in changes.items()}
