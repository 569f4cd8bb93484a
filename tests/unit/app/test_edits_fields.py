"""The write path's field reader: every problem collected with its field, each sentence in the reader's language."""
from __future__ import annotations

import datetime as dt

import pytest

from mios_dashboard.errors import Invalid
from mios_dashboard.services.edits import Fields


def test_every_wrong_field_is_named_and_nothing_stops_the_reading():
    fields = Fields({"code": "VEN 01", "likelihood": "7", "impact": "tres", "due": "31/02/2026", "kind": "rumour",
                     "title": "   "}, labels="risk.field")
    assert fields.code("code") == "VEN 01"
    assert fields.whole("likelihood", minimum=1, maximum=5) == 7
    assert fields.number("impact") is None
    assert fields.date("due") is None
    assert fields.choice("kind", ("risk", "opportunity")) is None
    assert fields.text("title", required=True) == ""
    with pytest.raises(Invalid) as refused:
        fields.check()
    assert [p.field for p in refused.value.problems] == ["code", "likelihood", "impact", "due", "kind", "title"]
    assert refused.value.message("es") == "No se guardó nada: revise 6 campo(s)."
    details = refused.value.details("es")
    assert details[1].endswith(": debe estar entre 1 y 5")
    assert details[2].endswith(": «tres» no es un número")
    assert details[5].endswith(": es obligatorio")
    assert refused.value.details("en")[1].endswith(": must be between 1 and 5")


def test_values_are_read_as_people_type_them():
    fields = Fields({"target": "1,234.5", "share": "95,3", "percent": "12%", "day": "2026-03-15T00:00:00",
                     "flag": ["on"], "off": [], "lines": "uno\n\n dos \n", "code": "ven-01", "none": ""},
                    labels="admin.field")
    assert fields.number("target") == 1234.5
    assert fields.number("share") == pytest.approx(95.3)
    assert fields.number("percent") == 12
    assert fields.date("day") == dt.date(2026, 3, 15)
    assert fields.flag("flag") and not fields.flag("off")
    assert fields.lines("lines") == ["uno", "dos"]
    assert fields.code("code") == "VEN-01"
    assert fields.number("none") is None and fields.optional_text("none") is None
    fields.check()  # nothing wrong: no exception


def test_a_whole_number_and_bounds():
    fields = Fields({"a": 2.5, "b": 0, "c": -1}, labels="x")
    assert fields.whole("a") is None
    fields.number("b", positive=True)
    fields.number("c", minimum=0)
    assert [(p.field, p.key) for p in fields.problems] == [("a", "form.whole"), ("b", "form.positive"),
                                                             ("c", "form.at_least")]
