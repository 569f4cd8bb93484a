"""/contexto in headless Chromium from an empty database: record the organization, then draft, approve and
communicate the quality policy through the modal forms, and see the PHVA check "policy approved and
communicated" turn met; a clean console and screenshots of the modal and the policy in force."""
from __future__ import annotations

import json

from selenium.webdriver.common.by import By

from mios_dashboard.components.context.ids import Ids, field_id, problem_id
from tests.integration.board_browser import until
from tests.integration.browser import save_screenshot

TIMEOUT = 20


def _selector(element_id: dict) -> str:
    return f"[id='{json.dumps(element_id, sort_keys=True, separators=(',', ':'))}']"


def _field(dash_duo, name: str):
    return dash_duo.wait_for_element(_selector(field_id(name)), timeout=TIMEOUT)


def _click_button(dash_duo, text: str) -> None:
    """Click the visible button whose words are `text` (the page's buttons carry pattern-matching ids)."""
    def find():
        return next((b for b in dash_duo.driver.find_elements(By.CSS_SELECTOR, "button")
                     if b.is_displayed() and b.text.strip() == text), None)
    until(find, TIMEOUT, f"button {text!r}").click()


def _type(dash_duo, name: str, text: str) -> None:
    element = _field(dash_duo, name)
    element.clear()
    element.send_keys(text)


def _save_and_wait_closed(dash_duo) -> None:
    dash_duo.find_element(f"#{Ids.SAVE}").click()
    until(lambda: not dash_duo.driver.find_elements(By.CSS_SELECTOR, ".modal.show"), TIMEOUT, "the modal to close")


def test_from_an_empty_database_to_a_communicated_policy(dash_duo, empty_app):
    dash_duo.start_server(empty_app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/contexto")
    dash_duo.wait_for_contains_text(f"#{Ids.SECTION}", "Aún no está registrada la organización", timeout=TIMEOUT)

    # The organization: a wrong field is named under it, then the form saves.
    _click_button(dash_duo, "Registrar la organización")
    label = dash_duo.find_element("label[for*='\"name\":\"name\"']")
    assert label.text.startswith("Nombre")  # each label points at its field
    _type(dash_duo, "name", "Maquinados del Bajío")
    _type(dash_duo, "management_review_interval_months", "40")
    _type(dash_duo, "values", "Responsabilidad | Respondo por mis actos\nRespeto | Trato a todos con dignidad")
    dash_duo.find_element(f"#{Ids.SAVE}").click()
    dash_duo.wait_for_contains_text(_selector(problem_id("management_review_interval_months")),
                                    "debe estar entre 1 y 24", timeout=TIMEOUT)
    save_screenshot(dash_duo.driver, "context-organization-form-es")
    _type(dash_duo, "management_review_interval_months", "6")
    _save_and_wait_closed(dash_duo)
    dash_duo.wait_for_contains_text(f"#{Ids.SECTION}", "Respondo por mis actos", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.STATUS}", "Guardado.", timeout=TIMEOUT)

    # The policy: draft, approve, communicate — the tab is a link that keeps a shareable URL.
    dash_duo.find_element(f"#{Ids.TABS} a[href='/contexto?seccion=politica']").click()
    dash_duo.wait_for_contains_text(f"#{Ids.SECTION}", "Aún no hay política de la calidad", timeout=TIMEOUT)
    assert dash_duo.driver.current_url.endswith("/contexto?seccion=politica")
    _click_button(dash_duo, "Redactar una nueva versión")
    _type(dash_duo, "statement", "Satisfacer a nuestros clientes con piezas a tiempo y sin defectos.")
    _save_and_wait_closed(dash_duo)
    dash_duo.wait_for_contains_text(f"#{Ids.SECTION}", "Borrador", timeout=TIMEOUT)
    _click_button(dash_duo, "Aprobar")
    _type(dash_duo, "approved_by", "Dirección general")
    assert _field(dash_duo, "approved_on").get_attribute("value")  # today, offered
    _save_and_wait_closed(dash_duo)
    dash_duo.wait_for_contains_text(f"#{Ids.SECTION}", "Aprobada", timeout=TIMEOUT)
    _click_button(dash_duo, "Registrar comunicación")
    _type(dash_duo, "communicated_to", "Todo el personal, en la junta general")
    _save_and_wait_closed(dash_duo)
    dash_duo.wait_for_contains_text(f"#{Ids.SECTION}", "En vigor", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.SECTION}", "Todo el personal, en la junta general", timeout=TIMEOUT)
    save_screenshot(dash_duo.driver, "context-policy-es")

    # The PHVA cycle now finds the policy approved and communicated.
    dash_duo.wait_for_page(f"{dash_duo.server_url}/phva")
    check = dash_duo.wait_for_element("[data-check='policy_communicated']", timeout=TIMEOUT)
    assert check.get_attribute("data-met") == "true"
    assert "Versión 1 en vigor" in check.text

    assert dash_duo.get_logs() == []
