"""The admin forms as drawn (components/admin/forms.py) and the read helpers they rely on: every field named,
problems marked on their input, "(ninguno)" chosen for an empty optional drop-down, periods named by their
frequency, numbers shown so that typing them back reads the same number."""
from __future__ import annotations

import datetime as dt

import pytest
from dash import html

from mios_dashboard.components.admin import common, forms
from mios_dashboard.components.admin.ids import FORMS, SECTIONS
from mios_dashboard.i18n import has_key
from mios_dashboard.importers.values import parse_number
from mios_dashboard.services.system.strategy_views import plain_number, recent_periods
from tests.component_tree import text_of, walk


def _inputs(body) -> dict[str, object]:
    return {node.id["name"]: node for node in walk(html.Div(body)) if isinstance(getattr(node, "id", None), dict)
            and node.id.get("type") == "mios-admin-field"}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_field_of_every_form_has_a_label_in_both_languages(form):
    for name in forms.field_names(form):
        assert has_key(f"admin.field.{name}"), name
    for item in forms.FIELDS[form]:
        if isinstance(item, forms.Field) and item.help:
            assert has_key(item.help)
    assert has_key(f"admin.form.{form}.new") and has_key(f"admin.form.{form}.edit") and has_key(f"admin.saved.{form}")


def test_a_form_is_drawn_with_its_values_and_each_problem_under_its_field():
    body = forms.form_body("perspective", {"code": "FIN", "name": "", "sort_order": "1", "weight": "0"}, "es", {},
                           record_id=3, problems={"name": ["es obligatorio"], "weight": ["debe ser mayor que cero"]})
    inputs = _inputs(body)
    assert [name for name, node in inputs.items() if getattr(node, "invalid", False)] == ["name", "weight"]
    assert inputs["code"].disabled is True  # a stored perspective keeps its code
    assert "es obligatorio" in text_of(html.Div(body)) and "Peso" in text_of(html.Div(body))
    new = _inputs(forms.form_body("perspective", {"code": ""}, "en", {}))
    assert new["code"].disabled is False


def test_an_empty_optional_drop_down_shows_none_and_a_parent_cannot_be_itself():
    class Choice:
        def __init__(self, id, label):
            self.id, self.code, self.label = id, label, label

    choices = {"perspective": [Choice(1, "Financiera")], "process": [], "objective": [Choice(7, "A"), Choice(8, "B")]}
    inputs = _inputs(forms.form_body("objective", {"perspective": 1, "process": "", "parent": ""}, "es", choices,
                                     record_id=7))
    assert inputs["process"].value == forms.NONE
    assert inputs["process"].options[0] == {"label": "(ninguno)", "value": forms.NONE}
    assert [o["value"] for o in inputs["parent"].options] == [forms.NONE, "8"]  # not itself
    assert inputs["perspective"].value == "1"


def test_a_value_is_entered_for_a_period_named_as_the_board_names_it():
    periods = recent_periods("quarterly", dt.date(2026, 5, 20))
    assert periods[:3] == ["2026-04-01", "2026-01-01", "2025-10-01"]
    facts = {"frequency": "quarterly", "periods": periods}
    inputs = _inputs(forms.form_body("measurement", {"period": "2026-01-01"}, "es", {}, record_id=1, facts=facts))
    assert [o["label"] for o in inputs["period"].options][:2] == ["2026-T2", "2026-T1"]
    assert recent_periods("monthly", dt.date(2026, 1, 31), also=dt.date(2020, 3, 1))[-1] == "2020-03-01"
    assert len(recent_periods("weekly", dt.date(2026, 1, 7))) == 27
    assert recent_periods("weekly", dt.date(2026, 1, 7))[0] == "2026-01-05"  # its Monday


@pytest.mark.parametrize("value", [0.9, 100.0, 1234.5, 0.000123, -3.25, 380000.0])
def test_a_number_shown_for_editing_reads_back_the_same(value):
    assert parse_number(plain_number(value)) == pytest.approx(value, abs=1e-6)
    assert plain_number(None) == ""


def test_the_section_tabs_are_links_that_keep_the_language():
    nav = common.section_nav("objectives", "en")
    links = [node for node in walk(nav) if getattr(node, "href", None)]
    assert [link.href for link in links] == [
        "/admin?lang=en&seccion=perspectivas", "/admin?lang=en&seccion=procesos",
        "/admin?lang=en&seccion=objetivos", "/admin?lang=en&seccion=indicadores"]
    assert [link.active for link in links] == [False, False, True, False]
    assert set(common.SECTION_OF_PARAM.values()) == set(SECTIONS)


def test_an_indicator_group_is_free_text_with_the_suggested_groups():
    from mios_dashboard.repositories.strategy import Choice

    choices = {"group": [Choice(0, "Calidad", "Calidad"), Choice(0, "Ventas", "Ventas")]}
    body = html.Div(forms.form_body("indicator", {"group": "Mi grupo"}, "es", choices))
    field = _inputs(body.children)["group"]
    assert field.value == "Mi grupo" and field.list == "mios-admin-suggestions"
    lists = [node for node in walk(body) if type(node).__name__ == "Datalist"]
    assert [option.value for option in lists[0].children] == ["Calidad", "Ventas"]

