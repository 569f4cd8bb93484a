"""Pieces of /contexto from hand-built rows: the policy's status badge, the SWOT grid's overdue marks, the
requirement kinds read from a line, the time zone as a place, the tabs as links that keep the language."""
from __future__ import annotations

import datetime as dt

import pytest

from mios_dashboard.components.context import sipoc, swot
from mios_dashboard.components.context.common import section_tabs, zone_label
from mios_dashboard.components.context.policy import policy_view
from mios_dashboard.repositories.context import IssueRow, PolicyRow, SipocRow
from mios_dashboard.services.system.context import _requirement
from tests.component_tree import text_of, walk


def _policy(version: int, approved: dt.date | None, in_force: bool, communicated: dt.date | None) -> PolicyRow:
    return PolicyRow(version, 1, version, f"Texto {version}", "Dirección" if approved else None, approved, in_force,
                     "Todos" if communicated else None, communicated)


@pytest.mark.parametrize(("row", "status"), [
    (_policy(3, None, False, None), "draft"),
    (_policy(2, dt.date(2026, 1, 7), True, None), "approved"),
    (_policy(2, dt.date(2026, 1, 7), True, dt.date(2026, 1, 21)), "in_force"),
    (_policy(1, dt.date(2023, 2, 7), False, dt.date(2023, 2, 28)), "superseded"),
])
def test_a_policy_version_has_one_status(row, status):
    assert row.status == status


def test_the_version_in_force_is_featured_and_a_pending_draft_is_in_the_history():
    rows = [_policy(3, None, False, None), _policy(2, dt.date(2026, 1, 7), True, dt.date(2026, 1, 21)),
            _policy(1, dt.date(2023, 2, 7), False, dt.date(2023, 2, 28))]
    view = policy_view(rows, "es")
    featured = next(n for n in walk(view) if "mios-context-policy " in (getattr(n, "className", "") or "") + " ")
    assert "Versión 2" in text_of(featured) and "En vigor" in text_of(featured) and "21 ene 2026" in text_of(featured)
    assert all(word in text_of(view) for word in ("Borrador", "Sustituida", "Historial de versiones"))
    assert "Borrador en preparación: versión 3, pendiente de aprobar." in text_of(view)
    ids = [n.id for n in walk(view) if isinstance(getattr(n, "id", None), dict)]
    assert len({str(sorted(i.items())) for i in ids}) == len(ids)  # no two buttons share an id


def test_an_overdue_issue_is_marked_and_counted():
    old = IssueRow(1, 1, "external", "threat", "Nuevo competidor", "", "", dt.date(2024, 1, 1), True)
    fresh = IssueRow(2, 1, "internal", "strength", "Planta moderna", "", "", dt.date(2026, 1, 1), False)
    view = swot.swot_view({"strength": [fresh], "weakness": [], "opportunity": [], "threat": [old]}, "es")
    assert "1 cuestión sin revisar en los últimos 12 meses." in text_of(view)
    overdue = [n for n in walk(view) if "mios-context-issue--overdue" in (getattr(n, "className", "") or "")]
    assert [text_of(n).split(" Revisada")[0] for n in overdue] == ["Nuevo competidor"]
    assert "Nada registrado en este cuadrante." in text_of(view)


@pytest.mark.parametrize(("line", "party_type", "expected"), [
    ("Legal: NOM-035", "staff", ("legal", "NOM-035")),
    ("Regulatory: FDA", "customers", ("regulatory", "FDA")),
    ("Entrega a tiempo", "customers", ("customer", "Entrega a tiempo")),
    ("Pago puntual", "suppliers", ("other", "Pago puntual")),
    ("Nota: sin tipo conocido", "staff", ("other", "Nota: sin tipo conocido")),
])
def test_a_requirement_line_may_open_with_its_kind(line, party_type, expected):
    assert _requirement(line, party_type) == expected


def test_a_time_zone_reads_as_a_place_in_the_readers_language():
    assert "Ciudad de México" in zone_label("America/Mexico_City", "es")
    assert "Mexico City" in zone_label("America/Mexico_City", "en")
    assert zone_label("UTC", "es") == "UTC"


def test_the_tabs_are_links_that_keep_the_language():
    tabs = section_tabs("foda", "en")
    hrefs = [n.href for n in walk(tabs) if getattr(n, "href", None)]
    assert "/contexto?lang=en&seccion=organizacion" in hrefs and len(hrefs) == 6  # the current tab is no link
    assert "SWOT" in text_of(tabs)


def _process() -> SipocRow:
    columns = {"supplier": ("Clientes",), "input": ("Pedidos",), "activity": ("Planear",), "output": ("Plan",),
               "customer": ("Producción",), "control": ()}
    return SipocRow("DIR", "Responsabilidad de la dirección", "strategic", "Director general", columns)


def test_sipoc_links_to_its_editor_only_once_the_admin_page_exists(monkeypatch):
    import dash

    monkeypatch.setattr(dash, "page_registry", {})
    alone = sipoc.sipoc_view([_process()], "es")
    assert not [n for n in walk(alone) if getattr(n, "href", None)]
    assert "Solo lectura" in text_of(alone)
    assert all(word in text_of(alone) for word in ("Proveedores", "Entradas", "Actividades", "Salidas", "Clientes"))
    monkeypatch.setitem(dash.page_registry, "admin", {"path": "/admin", "path_template": None})
    linked = sipoc.sipoc_view([_process()], "en")
    assert [n.href for n in walk(linked) if getattr(n, "href", None)] == ["/admin?lang=en&seccion=procesos"]
