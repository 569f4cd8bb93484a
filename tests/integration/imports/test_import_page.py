"""The upload page `/importar` in headless Chromium, on the demo organization (board month 2025-12):
upload → preview → confirm → history → the board shows the value; a refused file shows every error with
its cell and writes nothing; an oversized file never leaves the browser; downloads; clean console;
1920×1080 screenshots in Spanish and English."""
from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from mios_dashboard.components import shell
from mios_dashboard.components.board.cards import format_measure
from mios_dashboard.models import ImportBatch, Measurement
from mios_dashboard.pages.board import Ids as BoardIds
from mios_dashboard.pages.imports import Ids
from mios_dashboard.services.imports.import_file import import_file
from mios_dashboard.web.runtime import read_session
from tests.integration.browser import save_screenshot

TIMEOUT = 60  # the preview runs in a forked worker; the first one also imports the reading stack
NEW_VALUE = 48_765_432.0


@pytest.fixture
def upload_app(demo_app, sqlite_url, tmp_path):
    """The app on demo_app's database (the demo organization), with its data folder (uploads, background
    cache) in tmp_path instead of the repository's data/."""
    from mios_dashboard import create_app
    from mios_dashboard.config import Settings

    return create_app(Settings(database_url=sqlite_url, data_dir=tmp_path / "data", actor="ana.torres"))


def write_book(path: Path, rows: list[list], sheet: str = "Mediciones") -> Path:
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def counts(app) -> tuple[int, int]:
    with app.server.app_context(), read_session() as session:
        return (session.scalar(select(func.count()).select_from(Measurement)),
                session.scalar(select(func.count()).select_from(ImportBatch)))


def ven01_december(app) -> float | None:
    from mios_dashboard.models import Indicator

    with app.server.app_context(), read_session() as session:
        return session.scalar(select(Measurement.value).join(Indicator, Indicator.id == Measurement.indicator_id)
                              .where(Indicator.code == "VEN-01", Measurement.period == dt.date(2025, 12, 1)))


def upload(dash_duo, path: Path) -> None:
    dash_duo.find_element(f"#{Ids.UPLOAD} input[type=file]").send_keys(str(path))


def wait_for_text(dash_duo, selector: str, text: str) -> None:
    dash_duo.wait_for_contains_text(selector, text, timeout=TIMEOUT)


def test_upload_preview_confirm_then_the_board_shows_the_value(dash_duo, upload_app, tmp_path):
    before = ven01_december(upload_app)
    assert before is not None and before != NEW_VALUE
    book = write_book(tmp_path / "cierre-diciembre.xlsx", [
        ["Código", "Periodo", "Valor", "Comentario"],
        ["VEN-01", "2025-12", NEW_VALUE, "Cierre corregido"],
    ])
    dash_duo.start_server(upload_app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/importar", timeout=TIMEOUT)
    wait_for_text(dash_duo, f"#{Ids.PAGE}", "Importar indicadores y mediciones")
    assert "Importar" in dash_duo.find_element(f"#{shell.Ids.NAVBAR}").text
    assert dash_duo.driver.title.startswith("Importar")

    upload(dash_duo, book)
    wait_for_text(dash_duo, f"#{Ids.RESULT}", "Vista previa de «cierre-diciembre.xlsx»")
    preview = dash_duo.find_element(f"#{Ids.RESULT}").text
    assert "Todavía no se ha guardado nada" in preview
    row = dash_duo.find_element(f"#{Ids.RESULT} tr[data-code='VEN-01']").text
    assert "Cambia" in row and "dic 2025" in row
    assert format_measure(NEW_VALUE, "MXN", "es", 0) in row and format_measure(before, "MXN", "es", 0) in row
    assert ven01_december(upload_app) == before, "the preview must write nothing"
    save_screenshot(dash_duo.driver, "import-preview-es")

    dash_duo.find_element(f"#{Ids.CONFIRM}").click()
    wait_for_text(dash_duo, f"#{Ids.RESULT}", "Importación de «cierre-diciembre.xlsx» terminada")
    assert "1 actualizadas" in dash_duo.find_element(f"#{Ids.RESULT}").text
    wait_for_text(dash_duo, f"#{Ids.HISTORY}", "cierre-diciembre.xlsx")
    newest = dash_duo.find_elements(f"#{Ids.HISTORY} tbody tr")[0].text
    assert "cierre-diciembre.xlsx" in newest and "Aceptado" in newest
    assert ven01_december(upload_app) == NEW_VALUE
    save_screenshot(dash_duo.driver, "import-done-es", full_page=True)

    dash_duo.find_element(f"#{Ids.RESULT} a[href='/']").click()
    wait_for_text(dash_duo, f"#{BoardIds.PAGE} tr[data-code='VEN-01']", format_measure(NEW_VALUE, "MXN", "es", 0))
    assert dash_duo.get_logs() == []


def test_refused_file_lists_every_error_with_its_cell_and_writes_nothing(dash_duo, upload_app, tmp_path):
    book = write_book(tmp_path / "mal.xlsx", [
        ["Code", "Period", "Value"],
        ["ZZZ-9", "2025-12", 10],
        ["VEN-01", "2025-12", "pendiente"],
    ], sheet="Measurements")
    # The same file imported earlier from the command line: recorded as refused, with its errors.
    earlier = tmp_path / "anterior.xlsx"
    earlier.write_bytes(book.read_bytes())
    with upload_app.server.app_context(), read_session() as session:
        assert import_file(session, earlier, actor="ana.torres").status == "refused"
        session.commit()
    measurements, batches = counts(upload_app)
    dash_duo.start_server(upload_app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/importar?lang=en", timeout=TIMEOUT)
    wait_for_text(dash_duo, f"#{Ids.PAGE}", "Import indicators and measurements")
    assert dash_duo.driver.title.startswith("Import")
    row = dash_duo.find_elements(f"#{Ids.HISTORY} tbody tr")[0]
    assert "anterior.xlsx" in row.text and "Refused" in row.text and "ana.torres" in row.text
    row.find_element("css selector", "summary").click()
    wait_for_text(dash_duo, f"#{Ids.HISTORY}", "Measurements!A2")
    assert "unknown indicator “ZZZ-9”" in dash_duo.find_element(f"#{Ids.HISTORY}").text

    upload(dash_duo, book)
    wait_for_text(dash_duo, f"#{Ids.RESULT}", "“mal.xlsx” cannot be imported")
    text = dash_duo.find_element(f"#{Ids.RESULT}").text
    assert "2 errors were found" in text
    assert "Measurements!A2" in text and "unknown indicator" in text
    assert "Measurements!C3" in text and "is not a number" in text
    assert not dash_duo.find_element(f"#{Ids.CONFIRM}").is_displayed()
    assert counts(upload_app) == (measurements, batches)
    save_screenshot(dash_duo.driver, "import-refused-en")

    # A file over 20 MB is refused by the browser itself, with its size and the limit.
    big = tmp_path / "enorme.xlsx"
    big.write_bytes(os.urandom(21 * 1024 * 1024))
    upload(dash_duo, big)
    wait_for_text(dash_duo, f"#{Ids.RESULT}", "“enorme.xlsx” is 21 MB and the limit is 20 MB")
    assert counts(upload_app) == (measurements, batches)
    assert dash_duo.get_logs() == []


def test_downloads_of_the_template_the_board_and_the_records(dash_duo, upload_app):
    dash_duo.start_server(upload_app)
    folder = Path(dash_duo.download_path)
    dash_duo.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/importar", timeout=TIMEOUT)
    wait_for_text(dash_duo, f"#{Ids.PAGE}", "Plantilla para llenar")
    save_screenshot(dash_duo.driver, "import-es")
    dash_duo.find_element(f"#{Ids.DOWNLOAD_TEMPLATE}").click()
    dash_duo.find_element(f"#{Ids.DOWNLOAD_BOARD}").click()
    dash_duo.find_element(f"#{Ids.DOWNLOAD_MINUTES}").click()
    dash_duo.find_element(f"#{Ids.DOWNLOAD_REVIEW}").click()
    expected = {"plantilla-mediciones.xlsx", "tablero-2025-12.xlsx", "minuta-2025-12-29.xlsx",
                "revision-direccion-2025-09-11.xlsx"}
    deadline = time.monotonic() + TIMEOUT
    while not expected <= {p.name for p in folder.glob("*.xlsx")} and time.monotonic() < deadline:
        time.sleep(0.2)
    assert expected <= {p.name for p in folder.glob("*.xlsx")}
    template = openpyxl.load_workbook(folder / "plantilla-mediciones.xlsx")
    assert template.sheetnames == ["Procesos", "Objetivos", "Indicadores", "Mediciones", "Instrucciones", "Listas"]
    board = openpyxl.load_workbook(folder / "tablero-2025-12.xlsx")
    assert board.sheetnames[0] == "Resumen" and "Financiera" in board.sheetnames
    assert openpyxl.load_workbook(folder / "minuta-2025-12-29.xlsx").sheetnames[0] == "Minuta"
    assert openpyxl.load_workbook(folder / "revision-direccion-2025-09-11.xlsx").sheetnames[0] == "Revisión"
    assert dash_duo.get_logs() == []


# ---------- layout and rendering, no browser ----------

def page_module():
    import sys

    import dash

    page = next(p for p in dash.page_registry.values() if p["path"] == "/importar")
    return sys.modules[page["module"]]


def text_of(component) -> str:
    parts, stack = [], [component]
    while stack:
        node = stack.pop(0)
        if isinstance(node, (str, int, float)):
            parts.append(str(node))
        elif isinstance(node, (list, tuple)):
            stack[:0] = list(node)
        elif node is not None:
            stack.insert(0, getattr(node, "children", None))
    return " ".join(parts)


def test_layout_in_both_languages_and_with_an_unreadable_history(empty_app, monkeypatch, caplog):
    with empty_app.server.app_context():
        spanish = text_of(page_module().layout())
        english = text_of(page_module().layout(lang="en"))
    assert "Importar indicadores y mediciones" in spanish and "Todavía no se ha importado ningún archivo." in spanish
    assert "hasta 20 MB" in spanish and "Plantilla para llenar" in spanish
    assert "Import history" in english and "up to 20 MB" in english

    def broken(page, lang):
        raise RuntimeError("no such table: import_batch")

    monkeypatch.setattr(page_module(), "history_page", broken)
    with empty_app.server.app_context():
        text = text_of(page_module().layout(lang="en"))
    assert "The import history could not be read." in text and "no such table" in caplog.text


@pytest.mark.parametrize(("outcome", "expected"), [
    ({"stage": "preview", "status": "unusable", "message_key": "upload.too_big",
      "params": {"file": "a.xlsx", "size": 25 * 1024 * 1024, "limit": 20 * 1024 * 1024}},
     "“a.xlsx” is 25 MB and the limit is 20 MB"),
    ({"stage": "preview", "status": "unusable", "message_key": "upload.bad_type", "params": {"file": "a.docx"}},
     "“a.docx” is neither an Excel workbook"),
    ({"stage": "import", "status": "failed", "file": "b.xlsx"}, "Something failed while processing “b.xlsx”"),
    ({"what": "ever"}, "Something failed while processing"),
    ({"stage": "preview", "status": "accepted", "file": "c.xlsx", "size_bytes": 2048, "sheets": ["Mediciones"],
      "measurements": {"inserted": 0, "updated": 0, "unchanged": 4}, "indicators": {}, "token": "t"},
     "The file changes nothing"),
])
def test_outcomes_render_as_sentences(outcome, expected):
    from mios_dashboard.components.imports import outcome_view

    assert expected in text_of(outcome_view(outcome, "en"))


def test_errors_are_paged_so_every_one_can_be_read():
    from mios_dashboard.components.imports import ERRORS_PAGE_SIZE, error_pages, outcome_view

    errors = [{"location": f"Mediciones!C{n}", "message": f"error {n}"} for n in range(2, 2 + ERRORS_PAGE_SIZE + 5)]
    outcome = {"stage": "preview", "status": "refused", "file": "x.xlsx", "errors": errors}
    assert error_pages(outcome) == 2
    last = text_of(outcome_view(outcome, "es", errors_page=2))
    assert f"Errores 101–105 de {len(errors)}" in last and f"Mediciones!C{len(errors) + 1}" in last
    assert "Mediciones!C2 " not in last + " "
