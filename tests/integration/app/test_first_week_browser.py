"""A company's first week, in headless Chromium, from an empty database (MIOS_LOAD_DEMO=0), in Spanish and in
English: import the setup workbook on /importar, see the board score the four perspectives; write an objective
with its plan on /admin, a risk on /riesgos and a quality policy version on /contexto through the forms; then
see the objective on the board, the risk in its heat-map cell and the PHVA checks change.

Each page's own browser test covers its form in detail (refusals, per-field problems); this one proves the
pages work together on a database that only the forms and one workbook have filled.
"""
from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.by import By

from mios_dashboard.components.context.ids import Ids as ContextIds
from mios_dashboard.components.context.ids import field_id as context_field
from mios_dashboard.components.context.ids import open_id as context_open
from mios_dashboard.components.risks.ids import Ids as RiskIds
from mios_dashboard.components.risks.ids import field_id as risk_field
from mios_dashboard.pages.board import Ids as BoardIds
from mios_dashboard.pages.imports import Ids as ImportIds
from tests.integration.admin import test_admin_browser as admin
from tests.integration.board_browser import until
from tests.integration.imports.setup_books import company_workbook

TIMEOUT = 60  # the upload's preview runs in a forked worker; the first one also imports the reading stack
WORDS = {
    "es": {"preview": "Vista previa de «empresa.xlsx»", "done": "Importación de «empresa.xlsx» terminada",
           "no_score": "Sin dato", "customers": "Clientes"},
    "en": {"preview": "Preview of “empresa.xlsx”", "done": "Import of “empresa.xlsx” finished",
           "no_score": "No data", "customers": "Customer"},
}


def _css(element_id: dict) -> str:
    """A selector for a pattern-matching id (Dash writes it as JSON with sorted keys)."""
    return f"[id='{json.dumps(element_id, sort_keys=True, separators=(',', ':'))}']"


def _open(dash_duo, path: str, lang: str) -> None:
    separator = "&" if "?" in path else "?"
    dash_duo.driver.get(f"{dash_duo.server_url}{path}" + (f"{separator}lang=en" if lang == "en" else ""))


def _click(dash_duo, selector: str) -> None:
    element = dash_duo.wait_for_element(selector, timeout=TIMEOUT)
    until(lambda: element.is_displayed() and element.is_enabled(), TIMEOUT, f"{selector} clickable")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element)


def _type(dash_duo, selector: str, text: str) -> None:
    element = dash_duo.wait_for_element(selector, timeout=TIMEOUT)
    element.clear()
    element.send_keys(text)


def _modal_closed(dash_duo) -> None:
    until(lambda: not dash_duo.driver.find_elements(By.CSS_SELECTOR, ".modal.show"), TIMEOUT, "the modal to close")


def _phva(dash_duo, lang: str) -> dict[str, tuple[bool, str]]:
    """Each PHVA check: met or not, and its text."""
    _open(dash_duo, "/phva", lang)
    dash_duo.wait_for_element(".mios-phva-check[data-check='policy_communicated']", timeout=TIMEOUT)
    return {e.get_attribute("data-check"): (e.get_attribute("data-met") == "true", e.text)
            for e in dash_duo.find_elements(".mios-phva-check")}


def _import_setup(dash_duo, lang: str, tmp_path) -> None:
    path = company_workbook(tmp_path / "empresa.xlsx", processes=3, objectives=4, indicators=8, months=6)
    _open(dash_duo, "/importar", lang)
    dash_duo.wait_for_element(f"#{ImportIds.UPLOAD} input[type=file]", timeout=TIMEOUT).send_keys(str(path))
    dash_duo.wait_for_contains_text(f"#{ImportIds.RESULT}", WORDS[lang]["preview"], timeout=TIMEOUT)
    _click(dash_duo, f"#{ImportIds.CONFIRM}")
    dash_duo.wait_for_contains_text(f"#{ImportIds.RESULT}", WORDS[lang]["done"], timeout=TIMEOUT)


def _perspective_scores(dash_duo, lang: str) -> dict[str, str]:
    _open(dash_duo, "/", lang)
    dash_duo.wait_for_element(f"#{BoardIds.PAGE} section.mios-perspective", timeout=TIMEOUT)
    return {s.get_attribute("data-code"): s.find_element(By.CSS_SELECTOR, ".mios-perspective__result").text
            for s in dash_duo.find_elements(f"#{BoardIds.PAGE} section.mios-perspective")}


def _write_objective(dash_duo, lang: str) -> None:
    admin.go(dash_duo, "?seccion=objetivos" + ("&lang=en" if lang == "en" else ""))
    admin.open_new(dash_duo, "objective")
    admin.fill(dash_duo, "objective", {
        "code": "OBJ-90", "title": "Reducir las quejas de clientes", "weight": "1",
        "plan_what": "Análisis de causa de cada queja", "plan_resources": "Un analista de calidad",
        "plan_owner": "Gerente de calidad", "plan_due": "2027-06-30", "plan_evaluation": "Quejas por mes"})
    options = admin._field(dash_duo, "objective", "perspective").find_elements(By.CSS_SELECTOR, "option")
    clients = next(o.get_attribute("value") for o in options if o.text == WORDS[lang]["customers"])
    admin.fill(dash_duo, "objective", {"perspective": clients})
    admin.save(dash_duo, "objective")
    admin.wait_closed(dash_duo)
    dash_duo.wait_for_contains_text(f"#{admin.Ids.PAGE}", "OBJ-90", timeout=TIMEOUT)


def _write_risk(dash_duo, lang: str) -> None:
    _open(dash_duo, "/riesgos", lang)
    _click(dash_duo, _css({"type": RiskIds.OPEN_TYPE, "id": "new"}))
    _type(dash_duo, _css(risk_field("risk", "code")), "RO-01")
    _type(dash_duo, _css(risk_field("risk", "title")), "Falla del montacargas de la bodega")
    for name, value in (("category", "organization.physical"), ("likelihood", "3"), ("impact", "4")):
        dash_duo.wait_for_element(_css(risk_field("risk", name)), timeout=TIMEOUT).click()
        option = dash_duo.wait_for_element(f".dash-dropdown-content input[value='{value}']", timeout=TIMEOUT)
        dash_duo.driver.execute_script("arguments[0].closest('label').click()", option)
    _type(dash_duo, _css(risk_field("risk", "owner")), "Ing. Luis Méndez")
    _click(dash_duo, f"#{RiskIds.SAVE}")
    cell = dash_duo.wait_for_element(f"#{RiskIds.HEATMAP} td[data-cell='P3-I4'] a", timeout=TIMEOUT)
    until(lambda: cell.text == "1", TIMEOUT, "the new risk counted in cell P3-I4")


def _write_policy(dash_duo, lang: str) -> None:
    _open(dash_duo, "/contexto?seccion=politica", lang)
    for form, record, field, text in (
            ("policy_draft", None, "statement", "Piezas a tiempo y sin defectos, mejorando cada mes."),
            ("policy_approve", 1, "approved_by", "Dirección general"),
            ("policy_communicate", 1, "communicated_to", "Todo el personal, en la junta general")):
        _click(dash_duo, _css(context_open(form, record)))
        _type(dash_duo, _css(context_field(field)), text)
        _click(dash_duo, f"#{ContextIds.SAVE}")
        _modal_closed(dash_duo)
    dash_duo.wait_for_contains_text(f"#{ContextIds.SECTION}", "Todo el personal, en la junta general", timeout=TIMEOUT)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_company_sets_up_its_system_from_one_workbook_and_the_forms(dash_duo, empty_upload_app, lang,
                                                                      tmp_path):
    dash_duo.start_server(empty_upload_app)
    _import_setup(dash_duo, lang, tmp_path)
    scores = _perspective_scores(dash_duo, lang)
    assert sorted(scores) == ["APR", "CLI", "FIN", "PRO"]
    assert all(text and WORDS[lang]["no_score"] not in text for text in scores.values()), scores

    before = _phva(dash_duo, lang)
    assert not before["policy_communicated"][0] and not before["risks_assessed"][0]
    assert before["objectives_planned"][0]  # every imported objective has its plan and an indicator

    _write_objective(dash_duo, lang)
    _write_risk(dash_duo, lang)
    _write_policy(dash_duo, lang)

    after = _phva(dash_duo, lang)
    assert after["policy_communicated"][0] and after["risks_assessed"][0]
    met, text = after["objectives_planned"]  # the new objective has its plan but no indicator yet
    assert not met and "OBJ-90" in text

    _open(dash_duo, "/", lang)
    dash_duo.wait_for_element(f"#{BoardIds.PAGE} [data-code='CLI'] .mios-objective[data-code='OBJ-90']",
                              timeout=TIMEOUT)
    severe = [entry for entry in dash_duo.get_logs() or [] if entry.get("level") == "SEVERE"]
    assert severe == []
