"""HTML attributes that Dash takes only as wildcard props (`aria-*`, `data-*`, `role`), or conditionally.

Dash's typed component signatures reject a spread `**{"aria-label": …}` (its keys could be any of their named
props); `**attrs(aria_label=…)` says the same with the hyphens spelled as underscores, and type-checks.
"""
from __future__ import annotations

from typing import Any


def attrs(**values: object) -> dict[str, Any]:
    """`attrs(aria_label="Menú", data_code="VEN-01")` → `{"aria-label": "Menú", "data-code": "VEN-01"}`."""
    return {name.replace("_", "-"): value for name, value in values.items()}
