"""What every upgraded database holds before anyone writes: the four perspectives (migration 0002)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mios_dashboard.models import Perspective

SEEDED_PERSPECTIVES = {"FIN": "Financiera", "CLI": "Clientes", "PRO": "Procesos internos",
                       "APR": "Aprendizaje y crecimiento"}


def perspective(session: Session, code: str) -> Perspective:
    """The seeded perspective `code` (FIN, CLI, PRO or APR)."""
    found = session.scalar(select(Perspective).where(Perspective.code == code))
    assert found is not None, f"perspective {code} is not seeded"
    return found
