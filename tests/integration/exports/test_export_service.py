"""Export services on the demo organization (SQLite and PostgreSQL): the board workbook agrees with the
board, the template lists the current codes and imports back as a no-op, and the upload page's services
(receive, change sample, history) behave on a real database."""
from __future__ import annotations

import base64
import datetime as dt
import io

import openpyxl
import pytest

from mios_dashboard.db import session_scope
from mios_dashboard.demo.workbooks import FILE_NAMES as DEMO_FILES
from mios_dashboard.errors import Invalid
from mios_dashboard.models import Indicator
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.services.exports.board import board_file_name, export_board, export_template
from mios_dashboard.services.imports import uploads
from mios_dashboard.services.imports.import_file import import_file

SHEETS_ES = ["Resumen", "Financiera", "Clientes", "Procesos internos", "Aprendizaje y crecimiento"]


def read(factory, fn, *args, **kwargs):
    with session_scope(factory) as session:
        return fn(session, *args, **kwargs)


def codes_on_sheets(book, sheets) -> dict[str, tuple[str, int]]:
    found = {}
    for name in sheets:
        ws = book[name]
        header = [c.value for c in ws[4]]
        col = header.index("Código") + 1
        for row in range(5, ws.max_row + 1):
            found[ws.cell(row=row, column=col).value] = (name, row)
    return found


def test_board_workbook_agrees_with_the_board(demo_factory, tmp_path):
    path = tmp_path / "tablero.xlsx"
    summary = read(demo_factory, export_board, path)
    board = read(demo_factory, build_board)
    assert summary.period == board["period"] == "2025-12-01"
    assert summary.file_name == "tablero-2025-12.xlsx" and summary.indicators == len(board["indicators"])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == SHEETS_ES
    placed = codes_on_sheets(book, SHEETS_ES[1:])
    assert sorted(placed) == sorted(i["code"] for i in board["indicators"])  # every indicator, once
    for indicator in board["indicators"]:
        sheet, row = placed[indicator["code"]]
        ws = book[sheet]
        header = [c.value for c in ws[4]]
        actual = ws.cell(row=row, column=header.index("Real") + 1).value
        assert actual == (pytest.approx(indicator["actual"]) if indicator["actual"] is not None else None)
        status = ws.cell(row=row, column=header.index("Estado") + 1)
        assert status.fill.fill_type == "solid"
    assert not list(tmp_path.glob("*.part"))  # the temporary file was renamed, not left behind


def test_board_workbook_for_another_month_in_english_into_a_buffer(demo_factory):
    buffer = io.BytesIO()
    summary = read(demo_factory, export_board, buffer, dt.date(2025, 6, 1), "en")
    assert summary.period == "2025-06-01" and summary.file_name == "board-2025-06.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames[0] == "Summary" and "Financial" in book.sheetnames
    assert "June 2025" in book["Summary"]["A2"].value


def test_board_file_name_without_data():
    assert board_file_name(None, "es") == "tablero.xlsx"
    assert board_file_name("2025-12", "en") == "board-2025-12.xlsx"


def test_template_lists_the_active_codes_and_imports_back_as_a_no_op(demo_factory, tmp_path):
    path = tmp_path / "plantilla.xlsx"
    summary = read(demo_factory, export_template, path)
    with session_scope(demo_factory) as session:
        active = sorted(session.scalars(Indicator.__table__.select().with_only_columns(Indicator.code)
                                        .where(Indicator.active.is_(True))))
    book = openpyxl.load_workbook(path)
    assert summary.indicators == len(active)
    assert [c.value for c in book["Listas"]["A"][1:len(active) + 1]] == active
    assert [row[0] for row in book["Mediciones"].iter_rows(min_row=2, max_row=len(active) + 1, values_only=True)] == active
    with session_scope(demo_factory, actor="ana") as session:
        result = import_file(session, path, actor="ana", dry_run=True)
    assert result.accepted, result.messages()
    assert (result.indicators_created, result.indicators_updated, result.measurements_inserted,
            result.measurements_updated) == (0, 0, 0, 0)
    assert result.indicators_unchanged == len(active)


def test_a_filled_in_template_previews_its_change(demo_factory, tmp_path):
    path = tmp_path / "plantilla.xlsx"
    read(demo_factory, export_template, path)
    book = openpyxl.load_workbook(path)
    ws = book["Mediciones"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "VEN-01")
    ws.cell(row=row, column=5).value = "2025-12"
    ws.cell(row=row, column=6).value = 1234.5
    ws.cell(row=row + 1, column=1).value = "VEN-01"
    ws.cell(row=row + 1, column=5).value = "2026-01"
    ws.cell(row=row + 1, column=6).value = 99.0
    book.save(path)
    with session_scope(demo_factory, actor="ana") as session:
        sample = uploads.change_sample(session, path)
        result = import_file(session, path, actor="ana", dry_run=True)
    assert (result.measurements_updated, result.measurements_inserted) == (1, 1)
    assert [(c["kind"], c["code"], c["period"], c["new"]) for c in sample] == [
        ("update", "VEN-01", "2025-12-01", 1234.5), ("insert", "VEN-01", "2026-01-01", 99.0)]
    assert sample[0]["old"] is not None and sample[0]["unit"] == "MXN" and sample[1]["old"] is None


def test_history_newest_first_with_refused_errors_in_the_readers_language(demo_factory, tmp_path):
    bad = tmp_path / "mal.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Mediciones"
    book.active.append(["Código", "Periodo", "Valor"])
    book.active.append(["ZZZ-9", "2025-12", 1])
    book.save(bad)
    good = tmp_path / "bien.xlsx"
    read(demo_factory, export_template, good)
    for path in (good, bad):
        with session_scope(demo_factory, actor="ana") as session:
            import_file(session, path, actor="ana")
    history = read(demo_factory, uploads.import_history, 1, "en", per_page=1)
    total = len(DEMO_FILES) + 2  # the demo's own workbooks came in through the importer first
    assert (history["total"], history["pages"], history["page"]) == (total, total, 1)
    newest = history["rows"][0]
    assert (newest["file"], newest["status"], newest["by"]) == ("mal.xlsx", "refused", "ana")
    assert newest["errors"] == [{"location": "Mediciones!A2", "message": "unknown indicator “ZZZ-9”"}]
    assert dt.datetime.fromisoformat(newest["at"]).tzinfo is not None
    older = read(demo_factory, uploads.import_history, 2, "es", per_page=1)["rows"][0]
    assert (older["file"], older["status"], older["errors"]) == ("bien.xlsx", "accepted", [])
    assert read(demo_factory, uploads.import_history, 99, "es", per_page=1)["page"] == total


# ---------- receiving an upload (no database) ----------

def data_url(content: bytes) -> str:
    return "data:application/octet-stream;base64," + base64.b64encode(content).decode()


def test_receive_upload_stores_the_file_under_a_random_token(tmp_path):
    upload = uploads.receive_upload(data_url(b"PK\x03\x04 fake"), "C:\\Users\\ana\\Cierre dic.xlsx", tmp_path)
    path = uploads.upload_path(tmp_path, upload.token)
    assert path.name == "Cierre dic.xlsx" and path.read_bytes() == b"PK\x03\x04 fake"
    assert upload.size_bytes == 9 and path.parent.parent == tmp_path
    uploads.discard_upload(tmp_path, upload.token)
    assert uploads.upload_path(tmp_path, upload.token) is None


@pytest.mark.parametrize(("contents", "name", "key"), [
    (data_url(b"x"), "notas.docx", "upload.bad_type"),
    (data_url(b"x"), "sin-extension", "upload.bad_type"),
    (data_url(b""), "vacio.xlsx", "upload.empty_file"),
    ("data:;base64,@@@not base64@@@", "roto.xlsx", "upload.unreadable"),
    ("", "nada.csv", "upload.empty_file"),
])
def test_receive_upload_refuses_unusable_files(tmp_path, contents, name, key):
    with pytest.raises(Invalid) as refused:
        uploads.receive_upload(contents, name, tmp_path)
    assert refused.value.key == key
    assert not any(tmp_path.iterdir())


def test_size_is_checked_on_the_base64_text_before_decoding(tmp_path, monkeypatch):
    def no_decoding(*_args, **_kwargs):
        raise AssertionError("an oversized upload must not be decoded")

    monkeypatch.setattr(uploads.base64, "b64decode", no_decoding)
    encoded = "A" * (4 * (uploads.MAX_UPLOAD_BYTES // 3 + 1))
    with pytest.raises(Invalid) as refused:
        uploads.receive_upload("data:;base64," + encoded, "grande.xlsx", tmp_path)
    assert refused.value.key == "upload.too_big" and refused.value.params["size"] > uploads.MAX_UPLOAD_BYTES
    assert uploads.decoded_size("QUJD") == 3 and uploads.decoded_size("QUI=") == 2 and uploads.decoded_size("QQ==") == 1


@pytest.mark.parametrize("token", ["../../etc", "..", "", None, 42, "a" * 31, "a/" * 16, "A" * 33])
def test_only_our_tokens_resolve(tmp_path, token):
    (tmp_path / "secret.xlsx").write_bytes(b"x")
    assert uploads.upload_path(tmp_path, token) is None
    uploads.discard_upload(tmp_path, token)
    assert (tmp_path / "secret.xlsx").exists()


def test_uploads_older_than_a_day_are_purged(tmp_path):
    upload = uploads.receive_upload(data_url(b"PK"), "a.xlsx", tmp_path)
    uploads.purge_uploads(tmp_path, now=dt.datetime.now().timestamp() + uploads.UPLOAD_LIFETIME_S + 60)
    assert uploads.upload_path(tmp_path, upload.token) is None


def test_the_engines_own_changes_are_completed_with_names_and_units(demo_factory):
    engine_changes = [{"kind": "update", "code": "VEN-01", "period": "2025-12-01", "old": 1.0, "new": 2.0,
                       "cell": "Mediciones!C2"}, "not a change", {"kind": "insert", "code": "ZZZ-9", "period": "2025-12-01"}]
    rows = read(demo_factory, uploads.described, engine_changes)
    assert rows[0]["name"] == "Ventas netas facturadas" and rows[0]["unit"] == "MXN" and rows[0]["decimals"] == 0
    assert rows[0]["cell"] == "Mediciones!C2" and rows[0]["frequency"] == "monthly"
    assert rows[1]["code"] == "ZZZ-9" and rows[1]["name"] == "" and len(rows) == 2
