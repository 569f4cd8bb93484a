"""`import FILE [--dry-run] [--json]` on the files people bring: CSV, hostile ones, notices, no-op re-imports."""
from __future__ import annotations

import json

import pytest

from tests.corpus import hostile
from tests.corpus.xlsx import SheetSpec, write_xlsx
from tests.integration.app.test_cli import assert_one_line_failure, mios

DEFINITIONS = [["Código", "Nombre", "Unidad", "Frecuencia"], ["VEN-01", "Ventas netas", "MXN", "mensual"]]


@pytest.fixture
def ready(tmp_path):
    assert mios(tmp_path, "init-db").returncode == 0
    path = write_xlsx(tmp_path / "catalogo.xlsx", [SheetSpec("Indicadores", DEFINITIONS)])
    assert mios(tmp_path, "import", str(path)).returncode == 0
    return tmp_path


def test_a_spanish_csv_then_the_same_file_again(ready):
    (ready / "datos.csv").write_bytes("Código;Periodo;Valor\r\nVEN-01;ene-25;1.234,5\r\n".encode("cp1252"))
    first = mios(ready, "import", "datos.csv")
    assert first.returncode == 0 and "1 insertadas" in first.stdout, first.stderr
    again = mios(ready, "import", "datos.csv", "--json", lang="en")
    summary = json.loads(again.stdout)
    assert summary["measurements"] == {"inserted": 0, "updated": 0, "unchanged": 1}
    assert [n["code"] for n in summary["notices"]] == ["identical_import"]
    export = mios(ready, "measurements", "--format", "csv")
    assert export.stdout.splitlines()[1:] == ["VEN-01,2025-01-01,1234.5"]


def test_notices_follow_the_summary(ready):
    path = write_xlsx(ready / "libro.xlsx", [SheetSpec("Mediciones", [["Código", "Periodo", "Valor"],
                                                                      ["VEN-01", "2025-02", 5]]),
                                             SheetSpec("Notas", [["x"]], state="hidden")], external_link=True)
    result = mios(ready, "import", str(path))
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.splitlines()[1:] == [
        "  Por hoja: Mediciones: 1 nueva, 0 actualizadas, 0 sin cambios",
        "  hojas ocultas no leídas: Notas",
        "  el libro tiene 1 vínculo(s) a otros libros; se leyeron los valores guardados, sin abrir los vínculos"]


@pytest.mark.parametrize("build", [hostile.bomb, hostile.billion_laughs, hostile.far_cell, hostile.old_xls],
                         ids=lambda b: b.__name__)
def test_hostile_files_end_in_one_error_line_and_the_refusal(ready, build):
    result = mios(ready, "import", str(build(ready)))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[1].startswith("Importación de «")


def test_a_dry_run_of_a_refused_file_lists_every_error(ready):
    rows = [["Código", "Periodo", "Valor"], ["ZZZ-9", "2025-01", 1], ["VEN-01", "2025-13", "pendiente"]]
    path = write_xlsx(ready / "malo.xlsx", [SheetSpec("Mediciones", rows)])
    result = mios(ready, "import", str(path), "--dry-run", lang="en")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Mediciones!A2: unknown indicator “ZZZ-9”",
        "Mediciones!B3: “2025-13” is not a period (use an Excel date, YYYY-MM-DD, YYYY-MM, Jan-25, Q1 2025, "
        "2025-W05 or YYYY)",
        "Mediciones!C3: “pendiente” is not a number",
        "Preview of “malo.xlsx”: it would be refused with 3 error(s)",
    ]


def test_without_defusedxml_the_command_refuses_to_read(ready, monkeypatch):
    (ready / "sitecustomize.py").write_text("import sys\nsys.modules['defusedxml'] = None\n")
    monkeypatch.setenv("PYTHONPATH", str(ready))
    line = assert_one_line_failure(mios(ready, "import", "catalogo.xlsx"))
    assert "defusedxml" in line


def test_a_setup_workbook_previews_and_imports_with_counts_per_sheet(tmp_path):
    from tests.integration.imports.setup_books import company_workbook

    assert mios(tmp_path, "init-db").returncode == 0
    path = company_workbook(tmp_path / "empresa.xlsx", processes=3, objectives=4, indicators=5, months=2)
    preview = mios(tmp_path, "import", str(path), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert preview.stdout.splitlines()[1] == (
        "  Por hoja: Procesos: 3 nuevos, 0 actualizados, 0 sin cambios · Objetivos: 4 nuevos, 0 actualizados, "
        "0 sin cambios · Indicadores: 5 nuevos, 0 actualizados, 0 sin cambios · Mediciones: 10 nuevas, "
        "0 actualizadas, 0 sin cambios")
    english = json.loads(mios(tmp_path, "import", str(path), "--dry-run", "--json", lang="en").stdout)
    assert english["processes"] == {"created": 3, "updated": 0, "unchanged": 0}
    assert english["objectives"] == {"created": 4, "updated": 0, "unchanged": 0}
    assert [(row["kind"], row["sheets"]) for row in english["per_sheet"]] == [
        ("processes", ["Procesos"]), ("objectives", ["Objetivos"]), ("indicators", ["Indicadores"]),
        ("measurements", ["Mediciones"])]
    assert english["summary"].startswith("Processes: 3 new, 0 updated, 0 unchanged · Objectives: 4 new")
    done = mios(tmp_path, "import", str(path), lang="en")
    assert done.returncode == 0 and "By sheet: Processes: 3 new" in done.stdout, done.stderr
    again = mios(tmp_path, "import", str(path))
    assert again.returncode == 0
    assert "Procesos: 0 nuevos, 0 actualizados, 3 sin cambios · Objetivos: 0 nuevos, 0 actualizados, 4 sin cambios" \
        in again.stdout
