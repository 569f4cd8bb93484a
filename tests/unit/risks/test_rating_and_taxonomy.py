"""The rating of a risk (likelihood × impact), its level band, the heat map's cell keys and slide 16's taxonomy."""
from __future__ import annotations

import pytest

from mios_dashboard.analytics import risks
from mios_dashboard.i18n import has_key, t
from mios_dashboard.models.enums import RISK_CATEGORIES


@pytest.mark.parametrize(("likelihood", "impact", "expected"), [
    (1, 1, 1), (2, 3, 6), (3, 4, 12), (5, 4, 20), (5, 5, 25), (None, 3, None), (3, None, None),
])
def test_rating_is_likelihood_times_impact(likelihood, impact, expected):
    assert risks.rating(likelihood, impact) == expected


@pytest.mark.parametrize(("score", "expected"), [
    (1, "low"), (4, "low"), (5, "medium"), (9, "medium"), (10, "high"), (16, "high"), (20, "critical"),
    (25, "critical"), (None, None),
])
def test_level_bands(score, expected):
    assert risks.level(score) == expected


def test_the_matrix_reads_as_documented():
    """Hand-counted from the 5 × 5 grid: 8 low cells, 7 medium, 7 high, 3 critical (4 × 5, 5 × 4, 5 × 5)."""
    cells = [risks.level(risks.rating(p, i)) for p in risks.SCALE for i in risks.SCALE]
    assert {name: cells.count(name) for name in risks.LEVELS} == {"low": 8, "medium": 7, "high": 7, "critical": 3}
    assert risks.level(risks.rating(1, 5)) == "medium" and risks.level(risks.rating(5, 1)) == "medium"


@pytest.mark.parametrize(("text", "expected"), [
    ("P3-I4", (3, 4)), ("p5-i1", (5, 1)), (" P1-I1 ", (1, 1)), ("P6-I1", None), ("P0-I3", None), ("P3I4", None),
    ("PX-I4", None), ("", None), (None, None), (["P3-I4"], None),
])
def test_cell_keys_round_trip(text, expected):
    assert risks.parse_cell(text) == expected
    if expected:
        assert risks.parse_cell(risks.cell_key(*expected)) == expected


def test_the_taxonomy_leaves_are_what_the_database_accepts():
    assert risks.LEAVES == RISK_CATEGORIES
    assert risks.FAMILIES == ("country", "industrial", "nature", "environment", "organization")
    assert len(risks.LEAVES) == 27


def test_a_subcategory_has_its_family_and_path():
    assert risks.family_of("organization.financial.credit") == "organization"
    assert risks.path_of("organization.financial.credit") == (
        "organization", "organization.financial", "organization.financial.credit")
    assert risks.path_of("industrial") == ("industrial",)
    assert risks.is_leaf("organization.financial.credit")
    assert not risks.is_leaf("organization.financial")  # a category with subcategories is not a leaf
    assert not risks.is_leaf("country")


def test_every_node_is_named_in_both_languages():
    nodes = {prefix for leaf in risks.LEAVES for prefix in risks.path_of(leaf)}
    assert all(has_key(f"risks.tax.{node}") for node in nodes)
    assert t("risks.tax.organization.financial.liquidity", "es") == "Liquidez"
    assert t("risks.tax.nature.natural_disasters", "en") == "Natural disasters"
