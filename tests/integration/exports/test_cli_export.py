"""`export FILE.xlsx` and `template FILE.xlsx` as a user runs them: the files, the one-line messages in
Spanish and English, the exit codes, and never a traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import openpyxl
import pytest

from mios_dashboard.config import REPO_ROOT


def mios(tmp_path, *args, lang: str | None = None, url: str | None = None):
    """Run the command line in `tmp_path` on the test database; returns the CompletedProcess."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIOS_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env["MIOS_DATABASE_URL"] = url or f"sqlite:///{tmp_path / 'cli.db'}"
    if lang:
        env["MIOS_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "mios_dashboard", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=180, check=False)


def one_line_error(result, status: int = 1) -> str:
    assert result.returncode == status, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    """A database with the demo organization, shared by the tests of this module (they only read it)."""
    folder = tmp_path_factory.mktemp("cli-export")
    for command in (("init-db",), ("demo",)):
        result = mios(folder, *command)
        assert result.returncode == 0, result.stderr
    return folder


def test_export_writes_the_board_workbook(demo_dir):
    result = mios(demo_dir, "export", "tablero.xlsx")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("Tablero de ") and "escrito en tablero.xlsx (5 hojas, " in result.stdout
    book = openpyxl.load_workbook(demo_dir / "tablero.xlsx")
    assert book.sheetnames == ["Resumen", "Financiera", "Clientes", "Procesos internos", "Aprendizaje y crecimiento"]
    assert book["Financiera"].freeze_panes == "E5" and book["Financiera"].auto_filter.ref


def test_export_of_a_month_in_english(demo_dir):
    result = mios(demo_dir, "export", "board.xlsx", "--period", "2025-03", "--lang", "en", lang="en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("Board of 2025-03 written to board.xlsx (5 sheets, ")
    book = openpyxl.load_workbook(demo_dir / "board.xlsx")
    assert book.sheetnames[0] == "Summary" and book["Summary"]["A2"].value.startswith("Period: March 2025")


def test_workbook_language_follows_the_messages_unless_told(demo_dir):
    assert mios(demo_dir, "export", "b.xlsx", lang="en").returncode == 0
    assert openpyxl.load_workbook(demo_dir / "b.xlsx").sheetnames[0] == "Summary"
    assert mios(demo_dir, "export", "c.xlsx", "--lang", "es", lang="en").returncode == 0
    assert openpyxl.load_workbook(demo_dir / "c.xlsx").sheetnames[0] == "Resumen"


def test_template_writes_the_sheets_with_the_codes(demo_dir):
    result = mios(demo_dir, "template", "plantilla.xlsx")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Plantilla escrita en plantilla.xlsx (") and "indicadores activos)" in result.stdout
    book = openpyxl.load_workbook(demo_dir / "plantilla.xlsx")
    assert book.sheetnames == ["Procesos", "Objetivos", "Indicadores", "Mediciones", "Instrucciones", "Listas"]
    assert book["Listas"].sheet_state == "hidden"
    english = mios(demo_dir, "template", "template.xlsx", lang="en")
    assert english.stdout.startswith("Template written to template.xlsx (")
    assert openpyxl.load_workbook(demo_dir / "template.xlsx").sheetnames[:4] == ["Processes", "Objectives", "Indicators",
                                                                             "Measurements"]


def test_the_template_imports_back_without_changes(demo_dir):
    assert mios(demo_dir, "template", "vuelta.xlsx").returncode == 0
    result = mios(demo_dir, "import", "vuelta.xlsx", "--dry-run", lang="en")
    assert result.returncode == 0, result.stderr
    assert "0 to create, 0 to update" in result.stdout and "measurements 0 to insert, 0 to update" in result.stdout


@pytest.mark.parametrize(("args", "lang", "message"), [
    (("export", "tablero.csv"), "es", "mios: «tablero.csv» debe terminar en .xlsx"),
    (("template", "plantilla"), "en", "mios: “plantilla” must end in .xlsx"),
    (("export", "no/existe/t.xlsx"), "es", "mios: no existe la carpeta «no/existe» para escribir «no/existe/t.xlsx»"),
])
def test_bad_destinations_are_one_line_errors(demo_dir, args, lang, message):
    assert one_line_error(mios(demo_dir, *args, lang=lang)) == message


def test_a_folder_as_destination(demo_dir):
    (demo_dir / "carpeta.xlsx").mkdir(exist_ok=True)
    assert one_line_error(mios(demo_dir, "export", "carpeta.xlsx")) == "mios: «carpeta.xlsx» no es un archivo"


def test_usage_errors_exit_2(demo_dir):
    result = mios(demo_dir, "export", "t.xlsx", "--period", "diciembre")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "periodo no válido" in result.stderr
    result = mios(demo_dir, "template", "t.xlsx", "--lang", "fr")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_export_needs_an_initialised_database(tmp_path):
    line = one_line_error(mios(tmp_path, "export", "t.xlsx"))
    assert line.startswith("mios: la base de datos ") and "init-db" in line
    assert not (tmp_path / "t.xlsx").exists()


def test_export_of_an_empty_board(tmp_path):
    assert mios(tmp_path, "init-db").returncode == 0
    result = mios(tmp_path, "export", "vacio.xlsx", lang="en")
    assert result.returncode == 0 and result.stdout.strip() == "The board has no data yet; vacio.xlsx was written without indicators"
    assert openpyxl.load_workbook(tmp_path / "vacio.xlsx").sheetnames[0] == "Summary"


# ---------- meeting minutes and management review records ----------

def test_export_the_minutes_of_the_latest_meeting(demo_dir):
    result = mios(demo_dir, "export", "minuta.xlsx", "--meeting", "latest")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("Minuta de «Junta de operación semanal — ")
    assert result.stdout.rstrip().endswith("» escrita en minuta.xlsx (3 hojas, 3 acuerdos)")
    book = openpyxl.load_workbook(demo_dir / "minuta.xlsx")
    assert book.sheetnames == ["Minuta", "Acuerdos", "Tablero mostrado"]
    assert book["Acuerdos"]["A4"].value == "Código" and book["Acuerdos"]["A5"].value


def test_export_a_review_by_id_in_english(demo_dir):
    result = mios(demo_dir, "export", "review.xlsx", "--review", "1", "--lang", "en", lang="en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Management review of the period ")
    assert "written to review.xlsx (3 sheets, " in result.stdout
    book = openpyxl.load_workbook(demo_dir / "review.xlsx")
    assert book.sheetnames == ["Review", "Actions", "Board reviewed"]
    assert any(c.value == "9.3.3 c) Resource needs" for c in book["Review"]["A"])


@pytest.mark.parametrize(("args", "lang", "message"), [
    (("--meeting", "999"), "es", "mios: no existe la junta 999; no se escribió ningún archivo"),
    (("--review", "42"), "en", "mios: there is no management review 42; no file was written"),
])
def test_an_unknown_record_is_a_one_line_error(demo_dir, args, lang, message):
    assert one_line_error(mios(demo_dir, "export", "nada.xlsx", *args, lang=lang)) == message
    assert not (demo_dir / "nada.xlsx").exists()


@pytest.mark.parametrize("args", [
    ("--meeting", "primera"), ("--review", "0"), ("--meeting", "1", "--review", "1"),
    ("--period", "2025-03", "--meeting", "1"),
])
def test_record_options_are_checked_as_usage(demo_dir, args):
    result = mios(demo_dir, "export", "t.xlsx", *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no es un número de registro" in result.stderr or "no se permite junto con" in result.stderr


def test_no_meetings_on_an_empty_database(tmp_path):
    assert mios(tmp_path, "init-db").returncode == 0
    line = one_line_error(mios(tmp_path, "export", "minuta.xlsx", "--meeting", "latest"))
    assert line == "mios: no hay juntas registradas todavía; no se escribió ningún archivo"
    line = one_line_error(mios(tmp_path, "export", "review.xlsx", "--review", "latest", lang="en"))
    assert line == "mios: no management reviews have been recorded yet; no file was written"
    assert not (tmp_path / "minuta.xlsx").exists() and not (tmp_path / "review.xlsx").exists()
