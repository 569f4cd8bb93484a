"""Slide 16's taxonomy of business risks, and how a risk is rated: likelihood × impact on a 5 × 5 matrix.

Pure data and arithmetic, so the service (which validates), the register and the heat map agree on one
definition. The taxonomy is family → category → subcategory; a risk is filed under a *leaf* — a category
without subcategories, or a subcategory — whose dotted code (`organization.financial.credit`) is what
`Risk.category` stores (the model's CHECK lists the same leaves; tests/unit/risks keeps them equal). Names are
in the `risks` catalogue under `risks.tax.<code>` for every node.
"""
from __future__ import annotations

from dataclasses import dataclass

SCALE = (1, 2, 3, 4, 5)  # likelihood and impact: 1 (rare / minor) … 5 (almost certain / severe)
LEVELS = ("low", "medium", "high", "critical")  # bajo, medio, alto, crítico


@dataclass(frozen=True)
class Node:
    """A family, category or subcategory: its own code (one word) and what is under it."""

    code: str
    children: tuple[Node, ...] = ()


def _n(code: str, *children: str | Node) -> Node:
    return Node(code, tuple(child if isinstance(child, Node) else Node(child) for child in children))


# Slide 16, "Riesgos en los negocios", in the slide's order.
TAXONOMY: tuple[Node, ...] = (
    _n("country", "economic", "geopolitical", "social", "political"),
    _n("industrial"),  # the slide draws it as a family of its own, with nothing under it
    _n("nature", "natural_disasters", "environmental_impact"),
    _n("environment", "it", "espionage", "corruption", "competition", "illegality", "personal_injury",
       "material_damage", "social_impact", "public_health"),
    _n("organization", "strategic", "speculative", "operational", "reputation",
       _n("financial", "market", "liquidity", "credit"), "legal", "technological", "labour", "physical"),
)
FAMILIES: tuple[str, ...] = tuple(family.code for family in TAXONOMY)


def _leaves(node: Node, prefix: str = "") -> list[str]:
    code = f"{prefix}.{node.code}" if prefix else node.code
    if not node.children:
        return [code]
    return [leaf for child in node.children for leaf in _leaves(child, code)]


LEAVES: tuple[str, ...] = tuple(leaf for family in TAXONOMY for leaf in _leaves(family))


def is_leaf(code: object) -> bool:
    return isinstance(code, str) and code in LEAVES


def family_of(leaf: str) -> str:
    """`organization.financial.credit` → `organization`."""
    return leaf.split(".", 1)[0]


def path_of(leaf: str) -> tuple[str, ...]:
    """The codes of the nodes from the family down to `leaf`, each a catalogue suffix:
    `organization.financial.credit` → (`organization`, `organization.financial`, `organization.financial.credit`)."""
    parts = leaf.split(".")
    return tuple(".".join(parts[: depth + 1]) for depth in range(len(parts)))


def rating(likelihood: int | None, impact: int | None) -> int | None:
    """likelihood × impact (1–25); None when either is missing."""
    if likelihood is None or impact is None:
        return None
    return int(likelihood) * int(impact)


def level(score: int | None) -> str | None:
    """The band of a rating on the 5 × 5 matrix (docs/risks.md#rating): 1–4 low, 5–9 medium, 10–16 high,
    20–25 critical. The deck gives no thresholds; these leave only the top corner (4 × 5, 5 × 4, 5 × 5) critical
    and every cell with a 1 in the lowest two bands (8 low, 7 medium, 7 high, 3 critical cells)."""
    if score is None:
        return None
    if score >= 20:
        return "critical"
    if score >= 10:
        return "high"
    if score >= 5:
        return "medium"
    return "low"


def cell_key(likelihood: int, impact: int) -> str:
    """A heat-map cell as the URL writes it: likelihood 3, impact 4 → `P3-I4` (probabilidad, impacto)."""
    return f"P{likelihood}-I{impact}"


def parse_cell(value: object) -> tuple[int, int] | None:
    """`P3-I4` → (3, 4); anything else (a typo in a shared link) → None."""
    if not isinstance(value, str):
        return None
    text = value.strip().upper()
    if len(text) != 5 or text[0] != "P" or text[2:4] != "-I":
        return None
    try:
        likelihood, impact = int(text[1]), int(text[4])
    except ValueError:
        return None
    return (likelihood, impact) if likelihood in SCALE and impact in SCALE else None
