"""In headless Chromium, from an empty database: record the first risk through the form, see it counted in its
heat-map cell, click the cell and see the register filtered by the URL; the PHVA page's "risks assessed" check
is met afterwards. A wrong field is shown under it first. Screenshots in /tmp/shots/risks/."""
from __future__ import annotations

import json
from pathlib import Path

from selenium.webdriver.common.by import By

from mios_dashboard.components.risks.ids import Ids, field_id, problem_id
from tests.integration.board_browser import TIMEOUT, until, wait_for_query

SHOTS = Path("/tmp/shots/risks")


def _css(ident: dict) -> str:
    """A selector for a pattern-matching id (Dash writes it as JSON with sorted keys)."""
    return f"[id='{json.dumps(ident, sort_keys=True, separators=(',', ':'))}']"


def _pick(dash_duo, ident: dict, value: str) -> None:
    dash_duo.wait_for_element(_css(ident), timeout=TIMEOUT).click()
    option = dash_duo.wait_for_element(f".dash-dropdown-content input[value='{value}']", timeout=TIMEOUT)
    dash_duo.driver.execute_script("arguments[0].closest('label').click()", option)


def _type(dash_duo, form: str, name: str, text: str) -> None:
    element = dash_duo.wait_for_element(_css(field_id(form, name)), timeout=TIMEOUT)
    element.clear()
    element.send_keys(text)


def _shot(dash_duo, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    dash_duo.driver.save_screenshot(str(SHOTS / f"{name}.png"))


def test_first_risk_from_an_empty_database(dash_duo, empty_app):
    dash_duo.start_server(empty_app)
    dash_duo.driver.set_window_size(1920, 1080)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/phva")
    dash_duo.wait_for_element("#mios-phva-empty", timeout=TIMEOUT)  # nothing recorded: no checks yet
    dash_duo.wait_for_page(f"{dash_duo.server_url}/riesgos")
    dash_duo.wait_for_contains_text(f"#{Ids.EMPTY}", "Aún no hay riesgos", timeout=TIMEOUT)
    _shot(dash_duo, "browser-empty-es-1920")
    dash_duo.find_element(_css({"type": Ids.OPEN_TYPE, "id": "first"})).click()
    dash_duo.wait_for_contains_text(f"#{Ids.MODAL_TITLE}", "Nuevo riesgo u oportunidad", timeout=TIMEOUT)
    # A first try without the rating: each missing field says so under itself, nothing is saved.
    _type(dash_duo, "risk", "code", "RO-20")
    _type(dash_duo, "risk", "title", "Falla del montacargas de la bodega")
    dash_duo.find_element(f"#{Ids.SAVE}").click()
    dash_duo.wait_for_contains_text(_css(problem_id("risk", "likelihood")), "Probabilidad inherente: es obligatorio",
                                    timeout=TIMEOUT)
    assert "es obligatorio" in dash_duo.find_element(_css(problem_id("risk", "category"))).text
    assert "revise 4 campo(s)" in dash_duo.find_element(f"#{Ids.FORM_MESSAGE}").text
    _shot(dash_duo, "browser-form-problems-es-1920")
    _pick(dash_duo, field_id("risk", "category"), "organization.physical")
    _pick(dash_duo, field_id("risk", "likelihood"), "3")
    _pick(dash_duo, field_id("risk", "impact"), "4")
    _type(dash_duo, "risk", "owner", "Ing. Luis Méndez")
    _type(dash_duo, "risk", "treatment", "Mantenimiento preventivo mensual")
    dash_duo.find_element(f"#{Ids.SAVE}").click()
    dash_duo.wait_for_contains_text(f"#{Ids.NOTICE}", "Guardado: RO-20.", timeout=TIMEOUT)
    cell = dash_duo.wait_for_element(f"#{Ids.HEATMAP} td[data-cell='P3-I4'] a", timeout=TIMEOUT)
    until(lambda: cell.text == "1", message="the new risk counted in cell P3-I4")
    assert dash_duo.find_element(f"#{Ids.REGISTER} tr[data-code='RO-20']")
    _shot(dash_duo, "browser-saved-es-1920")
    cell.click()
    wait_for_query(dash_duo.driver, celda="P3-I4")
    dash_duo.wait_for_element(f"#{Ids.HEATMAP} td.is-selected[data-cell='P3-I4']", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.REGISTER}", "1 de 1 mostrados", timeout=TIMEOUT)
    # Another cell empties the register, and says so.
    dash_duo.find_element(f"#{Ids.HEATMAP} td[data-cell='P5-I5'] a").click()
    wait_for_query(dash_duo.driver, celda="P5-I5")
    dash_duo.wait_for_contains_text(f"#{Ids.REGISTER}", "Ningún riesgo u oportunidad cumple estos filtros",
                                    timeout=TIMEOUT)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/phva")
    check = dash_duo.wait_for_element(".mios-phva-check[data-check='risks_assessed']", timeout=TIMEOUT)
    assert check.get_attribute("data-met") == "true"
    errors = [entry for entry in dash_duo.get_logs() or [] if entry.get("level") == "SEVERE"]
    assert errors == []
    assert dash_duo.driver.find_elements(By.CSS_SELECTOR, ".mios-phva-check--met[data-check='risks_assessed']")
