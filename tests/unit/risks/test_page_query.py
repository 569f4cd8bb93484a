"""The risks page's URL ↔ filters: what a shared link says is what the register shows, and back."""
from __future__ import annotations

import pytest

from mios_dashboard.pages.risks.page import parse_filters, query_of
from mios_dashboard.services.system.risk_register import RegisterFilter, normalized


@pytest.mark.parametrize(("query", "expected"), [
    ({}, RegisterFilter()),
    ({"vista": "residual", "celda": "P3-I4"}, RegisterFilter(view="residual", cell=(3, 4))),
    ({"tipo": "oportunidad", "familia": "nature", "responsable": "Ana", "vencidas": "1"},
     RegisterFilter(kind="opportunity", family="nature", owner="Ana", overdue=True)),
    ({"celda": ["P1-I5", "P2-I2"], "vista": "inherente"}, RegisterFilter(cell=(1, 5))),  # a repeated key: the first
])
def test_a_url_reads_as_filters_and_writes_back(query, expected):
    filters = parse_filters(query)
    assert filters == expected
    assert parse_filters({k: v for k, v in query_of(filters).items() if v}) == filters


def test_values_the_page_does_not_know_are_dropped_not_fatal():
    filters = normalized(parse_filters({"vista": "x", "celda": "P9-I1", "tipo": "peligro", "familia": "marte",
                                        "vencidas": "quizá"}))
    assert filters == RegisterFilter()
    assert not filters.active()
