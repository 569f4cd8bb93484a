"""Everything the board page `/` shows, in one call, cached by the data version.

The page asks for (month, process, owner) as of a day; this gathers the trimmed board of that month, what
changed since the month before, the filters' choices, the overdue actions and the PHVA status. Each piece
is stored under the database's data version (web/cache.py), so after the first view of a version a
request costs one small query plus filtering; an import or an edit anywhere moves the version on.

The first view of a version reads the board's rows once (services/board/compute.read_source) and computes both
months from them: the month shown in full (with twelve points of series for the sparklines), the month
before as lights only (services/board/compute.month_lights).
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TypedDict, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from mios_dashboard.errors import Notice
from mios_dashboard.repositories import board as board_repo
from mios_dashboard.services.board.changes import AnyBoard, BoardChanges, board_changes, restrict
from mios_dashboard.services.board.compute import BoardSource, board_from, month_lights, read_source
from mios_dashboard.services.board.view import (
    SPARK_POINTS,
    BoardView,
    FilterOptions,
    SlimBoard,
    filter_board,
    filter_options,
    slim_board,
)
from mios_dashboard.services.phva import PhvaStatus, phva_status
from mios_dashboard.web.cache import CACHE, VersionedCache, VersionedReader

_log = logging.getLogger(__name__)
T = TypeVar("T")


class Filters(TypedDict):
    """The filters as applied: the month shown (ISO) and the process and owner kept (None: all)."""

    period: str | None
    process: str | None
    owner: str | None


class BoardPage(TypedDict):
    board: BoardView
    changes: BoardChanges  # restricted to the indicators shown
    options: FilterOptions
    notices: list[Notice]  # parameters that were ignored
    filters: Filters
    overdue_actions: int | None  # None: could not be counted (logged)
    phva: PhvaStatus | None
    process_names: dict[str, str]


def available_months(session: Session) -> list[str]:
    """Every month with at least one value, ISO, oldest first (what the month selector offers)."""
    return sorted({p.replace(day=1).isoformat() for p in board_repo.measured_periods(session)})


def _optional(what: str, compute: Callable[[], T]) -> T | None:
    """A side panel that fails says so in the log and stays out; the board itself still shows."""
    try:
        return compute()
    except (SQLAlchemyError, LookupError, TypeError, ValueError):  # its query, or records its checks cannot read
        _log.exception("could not compute the board's %s", what)
        return None


def board_page(
    session: Session, period: dt.date | None = None, process: str | None = None, owner: str | None = None,
    today: dt.date | None = None, cache: VersionedCache = CACHE,
) -> BoardPage:
    """The board page's data (`BoardPage`): the trimmed board filtered (view.filter_board), what changed
    restricted to what is shown, the filters' choices and the filters as applied, the overdue actions and the
    PHVA status. A month outside the months with data, or a process or owner the board does not have, is
    ignored with a notice rather than showing an empty board.
    """
    today = today or dt.date.today()
    reader = VersionedReader(session, cache)
    read: list[BoardSource] = []

    def rows() -> BoardSource:
        """The board's rows, read at most once per request: the month and the month before share them."""
        if not read:
            read.append(read_source(session))
        return read[0]

    notices: list[Notice] = []
    months: list[str] = reader.get("months", (), lambda: [m.isoformat() for m in rows().months])
    if period is not None and not (months and months[0] <= period.isoformat() <= months[-1]):
        notices.append(Notice("board.period_missing", {"month": period.isoformat()}))
        period = None

    def load(month: dt.date | None) -> SlimBoard:
        return reader.get("board", (month,), lambda: slim_board(board_from(rows(), month, SPARK_POINTS)))

    view = load(period or (dt.date.fromisoformat(months[-1]) if months else None))
    month = view.get("period")

    def lights(before: dt.date) -> AnyBoard:
        """The month before's lights, for what changed: from the same rows, without a board's extras."""
        return reader.get("lights", (before,), lambda: {"indicators": month_lights(rows(), before)})

    changes: BoardChanges = reader.get("changes", (month,), lambda: board_changes(session, view, lights))
    names: dict[str, str] = reader.get("process_names", (), lambda: board_repo.process_names(session))
    options: FilterOptions = reader.get("options", (month,), lambda: filter_options(view, names))
    if process and process not in {p["value"] for p in options["processes"]}:
        notices.append(Notice("board.process_missing", {"value": process}))
        process = None
    if owner and owner not in options["owners"]:
        notices.append(Notice("board.owner_missing", {"value": owner}))
        owner = None
    board = filter_board(view, process, owner)
    if board["filtered"]:
        changes = restrict(changes, {row["code"] for row in board["indicators"]})
    overdue: int | None = _optional("overdue actions", lambda: reader.get(
        "overdue", (today,), lambda: board_repo.overdue_actions(session, today)))
    # The PHVA check "indicators measured on schedule" reads the board of the month due: usually this one.
    phva: PhvaStatus | None = _optional("PHVA strip", lambda: reader.get(
        "phva", (today,), lambda: phva_status(session, today, view)))
    return {
        "board": board, "changes": changes, "options": options, "notices": notices,
        "filters": {"period": month, "process": process, "owner": owner},
        "overdue_actions": overdue, "phva": phva, "process_names": names,
    }
