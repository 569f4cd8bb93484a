"""Small queries the board page needs besides the board itself: overdue actions and process names."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mios_dashboard.models import Action, Process

# Open or in-process, as the PHVA check "actions on time" counts them (analytics/phva.py).
OPEN_ACTION_STATUSES = ("open", "in_progress")


def overdue_actions(session: Session, today: dt.date) -> int:
    """Open actions past their due date (due today is still on time) — one COUNT, no rows loaded."""
    return int(session.scalar(
        select(func.count(Action.id)).where(Action.status.in_(OPEN_ACTION_STATUSES), Action.due_on < today)
    ) or 0)


def process_names(session: Session) -> dict[str, str]:
    """Process code → name, for the process filter's labels ("PRD — Producción")."""
    return dict(session.execute(select(Process.code, Process.name).order_by(Process.code)).all())
