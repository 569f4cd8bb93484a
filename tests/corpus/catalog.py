"""The indicators every corpus file refers to, and how a test database gets them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CorpusIndicator:
    code: str
    name: str
    unit: str
    frequency: str
    aggregation: str = "sum"


INDICATORS = (
    CorpusIndicator("VEN-01", "Ventas netas", "MXN", "monthly"),
    CorpusIndicator("ENT-02", "Entregas a tiempo", "%", "monthly", "mean"),
    CorpusIndicator("SAT-03", "Satisfacción de clientes", "%", "quarterly", "mean"),
    CorpusIndicator("QUE-04", "Quejas de clientes", "quejas", "weekly"),
    CorpusIndicator("ROT-05", "Rotación de personal", "%", "yearly", "last"),
    CorpusIndicator("PRO-06", "Piezas producidas", "piezas", "daily"),
    CorpusIndicator("MAR-07", "Margen bruto", "%", "monthly", "mean"),
)


def seed(session) -> dict[str, int]:
    """Create the corpus indicators in `session` (the caller commits); returns their ids by code."""
    from mios_dashboard.models import Indicator

    rows = [Indicator(code=i.code, name=i.name, unit=i.unit, frequency=i.frequency, aggregation=i.aggregation)
            for i in INDICATORS]
    session.add_all(rows)
    session.flush()
    return {row.code: row.id for row in rows}
