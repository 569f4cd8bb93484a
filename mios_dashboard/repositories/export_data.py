"""Reads for the template workbook: indicator definitions in the words the importer reads back.

They take a session and never commit. Perspectives are named (people recognise "Financiera"), objectives
and processes by code (their titles are long); the importer matches either.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from mios_dashboard.models import Indicator, Objective, Perspective, Process

DEFINITION_FIELDS = (
    "code", "name", "unit", "direction", "frequency", "aggregation", "target", "target_min", "target_max",
    "green_threshold", "yellow_threshold", "owner", "group", "decimals",
)


def active_indicator_definitions(session: Session) -> list[dict]:
    """Every active indicator as a dict of DEFINITION_FIELDS plus perspective (name), objective and
    process (codes), ordered by code."""
    perspective, objective, process = aliased(Perspective), aliased(Objective), aliased(Process)
    statement = (
        select(Indicator, perspective.name, objective.code, process.code)
        .outerjoin(perspective, perspective.id == Indicator.perspective_id)
        .outerjoin(objective, objective.id == Indicator.objective_id)
        .outerjoin(process, process.id == Indicator.process_id)
        .where(Indicator.active.is_(True))
        .order_by(Indicator.code)
    )
    rows = []
    for indicator, perspective_name, objective_code, process_code in session.execute(statement):
        row = {field: getattr(indicator, field) for field in DEFINITION_FIELDS}
        row.update(perspective=perspective_name, objective=objective_code, process=process_code)
        rows.append(row)
    return rows


def reference_lists(session: Session) -> dict[str, list[str]]:
    """What the definitions' drop-downs offer: perspective names (in board order), objective and process codes."""
    return {
        "perspective": list(session.scalars(select(Perspective.name).order_by(Perspective.sort_order, Perspective.code))),
        "objective": list(session.scalars(select(Objective.code).order_by(Objective.code))),
        "process": list(session.scalars(select(Process.code).order_by(Process.code))),
    }
