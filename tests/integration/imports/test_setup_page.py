"""The setup workbook on `/importar` in headless Chromium, on an empty database: the preview counts each sheet
(Procesos, Objetivos, Indicadores, Mediciones), the confirmation says what each created, and the board then
scores the four perspectives. Screenshots at 1920×1080 and 1366×768, es and en, in /tmp/shots/setup/."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from mios_dashboard.models import Objective, Process
from mios_dashboard.pages.board import Ids as BoardIds
from mios_dashboard.pages.imports import Ids
from mios_dashboard.web.runtime import read_session
from tests.integration.browser import _wait_for_paint
from tests.integration.imports.setup_books import company_workbook

TIMEOUT = 60
SHOTS = Path("/tmp/shots/setup")


def shoot(driver, name: str) -> None:
    """The page at the projector's 1920×1080 and a laptop's 1366×768, whole height."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1920, 1080), (1366, 768)):
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        metrics["height"] = max(height, int(driver.execute_script("return document.documentElement.scrollHeight")))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        _wait_for_paint(driver)
        driver.save_screenshot(str(SHOTS / f"{name}-{width}.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def confirm(dash_duo) -> None:
    """Click "Confirmar e importar" below a long preview (through the page's script: after the full-height
    screenshots chromedriver reports the button under another element)."""
    button = dash_duo.find_element(f"#{Ids.CONFIRM}")
    assert button.is_displayed() and button.is_enabled()
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button)


def wait_for_text(dash_duo, selector: str, text: str) -> None:
    dash_duo.wait_for_contains_text(selector, text, timeout=TIMEOUT)


def counted(app) -> tuple[int, int]:
    with app.server.app_context(), read_session() as session:
        return (session.scalar(select(func.count()).select_from(Process)),
                session.scalar(select(func.count()).select_from(Objective)))


def group(dash_duo, kind: str) -> list[str]:
    """A count group's lines as shown (its label is drawn in capitals), case-folded."""
    return [line.casefold() for line in dash_duo.find_element(f"#{Ids.RESULT} [data-kind='{kind}']").text.split("\n")]


def test_a_setup_workbook_previewed_confirmed_and_scored(dash_duo, empty_upload_app, tmp_path):
    path = company_workbook(tmp_path / "empresa.xlsx", processes=20, objectives=40, indicators=200, months=24)
    dash_duo.start_server(empty_upload_app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/importar", timeout=TIMEOUT)
    dash_duo.find_element(f"#{Ids.UPLOAD} input[type=file]").send_keys(str(path))
    wait_for_text(dash_duo, f"#{Ids.RESULT}", "Vista previa de «empresa.xlsx»")
    assert group(dash_duo, "processes")[:3] == ["procesos", "20", "por crear"]
    assert group(dash_duo, "objectives")[:3] == ["objetivos", "40", "por crear"]
    assert group(dash_duo, "indicators")[:3] == ["indicadores", "200", "por crear"]
    assert group(dash_duo, "measurements")[:3] == ["mediciones", "4,800", "por insertar"]
    assert counted(empty_upload_app) == (0, 0)  # a preview writes nothing
    shoot(dash_duo.driver, "setup-preview-es")
    confirm(dash_duo)
    wait_for_text(dash_duo, f"#{Ids.RESULT}", "Importación de «empresa.xlsx» terminada")
    lines = [li.text for li in dash_duo.find_elements(f"#{Ids.RESULT} .mios-preview__per-sheet li")]
    assert lines == ["Procesos: 20 nuevos, 0 actualizados, 0 sin cambios",
                     "Objetivos: 40 nuevos, 0 actualizados, 0 sin cambios",
                     "Indicadores: 200 nuevos, 0 actualizados, 0 sin cambios",
                     "Mediciones: 4,800 nuevas, 0 actualizadas, 0 sin cambios"]
    shoot(dash_duo.driver, "setup-done-es")
    assert counted(empty_upload_app) == (20, 40)
    dash_duo.find_element(f"#{Ids.RESULT} a[href='/']").click()
    wait_for_text(dash_duo, f"#{BoardIds.PAGE}", "Financiera")
    heads = {section.get_attribute("data-code"): section.find_element("css selector", ".mios-perspective__result").text
             for section in dash_duo.find_elements(f"#{BoardIds.PAGE} section.mios-perspective")}
    assert sorted(heads) == ["APR", "CLI", "FIN", "PRO"]
    assert all(text and "Sin dato" not in text for text in heads.values()), heads  # every perspective scored
    shoot(dash_duo.driver, "setup-board-es")
    assert dash_duo.get_logs() == []


def test_the_same_workbook_in_english_then_again_changes_nothing(dash_duo, empty_upload_app, tmp_path):
    path = company_workbook(tmp_path / "company.xlsx", processes=3, objectives=4, indicators=6, months=3)
    dash_duo.start_server(empty_upload_app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/importar?lang=en", timeout=TIMEOUT)
    dash_duo.find_element(f"#{Ids.UPLOAD} input[type=file]").send_keys(str(path))
    wait_for_text(dash_duo, f"#{Ids.RESULT}", "Preview of “company.xlsx”")
    assert group(dash_duo, "processes")[:3] == ["processes", "3", "to create"]
    shoot(dash_duo.driver, "setup-preview-en")
    confirm(dash_duo)
    wait_for_text(dash_duo, f"#{Ids.RESULT}", "Import of “company.xlsx” finished")
    assert "Processes: 3 new, 0 updated, 0 unchanged\nObjectives: 4 new" in dash_duo.find_element(f"#{Ids.RESULT}").text
    shoot(dash_duo.driver, "setup-done-en")
    copy = tmp_path / "company-again.xlsx"  # the same bytes under another name (the upload needs a new file)
    copy.write_bytes(path.read_bytes())
    dash_duo.find_element(f"#{Ids.UPLOAD} input[type=file]").send_keys(str(copy))
    wait_for_text(dash_duo, f"#{Ids.RESULT}", "The file changes nothing")
    assert group(dash_duo, "processes")[:6] == ["processes", "0", "to create", "0", "to update", "3"]
    assert dash_duo.get_logs() == []


def test_a_setup_workbook_with_errors_names_each_sheet_and_cell(dash_duo, empty_upload_app, tmp_path):
    from tests.integration.imports.setup_books import OBJECTIVE_HEADER, PROCESS_HEADER, write_sheets

    path = write_sheets(tmp_path / "con-errores.xlsx", {
        "Procesos": [PROCESS_HEADER, ["VEN", "Ventas", "comercial", None, None]],
        "Objetivos": [OBJECTIVE_HEADER,
                      ["OB-1", "Uno", "Marte", "VEN", None, None, None, None, None, None, "OB-2"],
                      ["OB-2", "Dos", "CLI", "Compras", None, None, None, None, None, None, "OB-1"]]})
    dash_duo.start_server(empty_upload_app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/importar", timeout=TIMEOUT)
    dash_duo.find_element(f"#{Ids.UPLOAD} input[type=file]").send_keys(str(path))
    wait_for_text(dash_duo, f"#{Ids.RESULT}", "No se puede importar «con-errores.xlsx»")
    rows = [row.text for row in dash_duo.find_elements(f"#{Ids.RESULT} table tbody tr")]
    assert rows == [
        "Procesos!C2 «comercial» no es un tipo de proceso (use estratégico, operativo o apoyo)",
        "Objetivos!C2 perspectiva desconocida «Marte» (use FIN, CLI, PRO o APR, o su nombre)",
        "Objetivos!K2 el objetivo padre de «OB-1» forma un ciclo: OB-1 → OB-2 → OB-1",
        "Objetivos!D3 proceso desconocido «Compras»: no está en la base de datos ni en la hoja de procesos",
        "Objetivos!K3 el objetivo padre de «OB-2» forma un ciclo: OB-1 → OB-2 → OB-1",
    ]
    assert counted(empty_upload_app) == (0, 0)
    shoot(dash_duo.driver, "setup-refused-es")
    assert dash_duo.get_logs() == []
