"""The risks page's pieces: the 5 × 5 heat map, the register table, the filters and the three forms."""
from __future__ import annotations

from mios_dashboard.components.risks.ids import Ids

__all__ = ["Ids"]
