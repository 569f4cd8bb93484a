"""`python -m mios_dashboard` as a user runs it: exit codes, exact output, one-line errors, never a traceback."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from mios_dashboard.config import REPO_ROOT
from mios_dashboard.schema import head_revision
from tests.integration.imports.test_import_service import write_book


def mios(tmp_path, *args, lang: str | None = None, url: str | None = None):
    """Run the command line in `tmp_path` on the test database; returns the CompletedProcess."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIOS_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env["MIOS_DATABASE_URL"] = url or f"sqlite:///{tmp_path / 'cli.db'}"
    env["MIOS_USER"] = "ana.torres"
    if lang:
        env["MIOS_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "mios_dashboard", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def assert_one_line_failure(result, status: int = 1) -> str:
    assert result.returncode == status, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def good_file(tmp_path):
    return write_book(tmp_path / "datos.xlsx", {
        "Indicadores": [["Código", "Nombre", "Sentido", "Frecuencia", "Meta"],
                        ["VEN-01", "Ventas netas", "mayor es mejor", "mensual", 1000],
                        ["CAL-02", "Quejas", "menor es mejor", "semanal", 3]],
        "Mediciones": [["Código", "Periodo", "Valor"],
                       ["VEN-01", dt.date(2025, 2, 28), 1010.5],
                       ["VEN-01", "2025-01", 950],
                       ["CAL-02", "2025-01-08", 2]],
    })


@pytest.fixture
def initialised(tmp_path):
    result = mios(tmp_path, "init-db")
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_init_db_prints_the_revision_and_can_run_again(tmp_path):
    first = mios(tmp_path, "init-db")
    assert first.returncode == 0 and head_revision() in first.stdout and first.stderr == ""
    again = mios(tmp_path, "init-db", lang="en")
    assert again.returncode == 0 and again.stdout.startswith(f"Database schema at revision {head_revision()}")


def test_import_then_measurements_as_csv(initialised, good_file):
    tmp_path = initialised
    result = mios(tmp_path, "import", str(good_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Importado «datos.xlsx» (lote 1): indicadores 2 creados")
    expected = "indicator_code,period,value\nCAL-02,2025-01-06,2\nVEN-01,2025-01-01,950\nVEN-01,2025-02-01,1010.5\n"
    exported = mios(tmp_path, "measurements", "--format", "csv")
    assert (exported.returncode, exported.stdout, exported.stderr) == (0, expected, "")
    to_file = mios(tmp_path, "measurements", "--format", "csv", "--output", "m.csv")
    assert to_file.returncode == 0 and (tmp_path / "m.csv").read_text(encoding="utf-8") == expected
    again = mios(tmp_path, "import", str(good_file), "--json")
    summary = json.loads(again.stdout)
    assert summary["status"] == "accepted" and summary["measurements"] == {"inserted": 0, "updated": 0, "unchanged": 3}


def test_a_dry_run_previews_and_writes_nothing(initialised, good_file):
    result = mios(initialised, "import", str(good_file), "--dry-run")
    assert result.returncode == 0
    assert result.stdout.startswith("Vista previa de «datos.xlsx», no se escribió nada: indicadores 2 por crear")
    assert mios(initialised, "measurements").stdout == "indicator_code,period,value\n"


def test_a_refused_import_lists_every_error_on_stderr(initialised):
    bad = write_book(initialised / "malo.xlsx", {"Mediciones": [
        ["Código", "Periodo", "Valor"], ["ZZZ-9", "2025-01", 1], ["ZZZ-9", "2025-02", "pendiente"]]})
    result = mios(initialised, "import", str(bad))
    assert result.returncode == 1 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "Mediciones!A2: indicador desconocido «ZZZ-9»",
        "Mediciones!A3: indicador desconocido «ZZZ-9»",
        "Mediciones!C3: «pendiente» no es un número",
        "Importación de «malo.xlsx» rechazada por 3 error(es); no se escribió nada",
    ]
    english = mios(initialised, "import", str(bad), "--json", lang="en")
    assert english.returncode == 1
    assert english.stderr.splitlines()[0] == "Mediciones!A2: unknown indicator “ZZZ-9”"
    summary = json.loads(english.stdout)
    assert summary["status"] == "refused" and summary["batch_id"] == 2  # refusals are kept on record
    assert [e["cell"] for e in summary["errors"]] == ["A2", "A3", "C3"]


def test_a_file_that_is_not_a_workbook(initialised):
    (initialised / "notas.xlsx").write_text("hola")
    result = mios(initialised, "import", "notas.xlsx")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("«notas.xlsx» no es un libro de Excel")


def test_a_missing_file(initialised):
    line = assert_one_line_failure(mios(initialised, "import", "no-existe.xlsx"))
    assert line == "mios: no existe el archivo «no-existe.xlsx»"
    line = assert_one_line_failure(mios(initialised, "import", "no-existe.xlsx", lang="en"))
    assert line == "mios: the file “no-existe.xlsx” does not exist"



@pytest.mark.parametrize(("lang", "expected"), [
    ("es", "mios: el usuario «ana» ya existe"), ("en", "mios: the user “ana” already exists"),
])
def test_any_domain_error_a_command_raises_is_one_line_in_the_users_language(tmp_path, monkeypatch, capsys, lang,
                                                                             expected):
    from mios_dashboard import __main__ as entry
    from mios_dashboard.cli import parser
    from mios_dashboard.errors import Conflict

    def refusing(_ctx, _args):
        raise Conflict("cli.user_exists", name="ana")

    monkeypatch.setattr(parser, "cmd_board", refusing)
    for name in [k for k in os.environ if k.startswith("MIOS_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("MIOS_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("MIOS_LANG", lang)
    assert entry.main(["board"]) == 1
    printed = capsys.readouterr()
    assert (printed.out, printed.err) == ("", expected + "\n")


def test_a_bad_setting_is_one_line_naming_the_variable(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIOS_")}
    env |= {"MIOS_PORT": "ochenta", "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run([sys.executable, "-m", "mios_dashboard", "board"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert assert_one_line_failure(result) == "mios: configuración no válida: MIOS_PORT='ochenta' is not a whole number"

@pytest.mark.parametrize("url", [
    "notaurl", "mysql://root:secreto@localhost/mios", "postgresql://postgres@127.0.0.1:1/nada",
    "sqlite:////proc/no/puede/crear.db",
])
def test_a_bad_or_unreachable_database_url_is_one_line(tmp_path, url):
    line = assert_one_line_failure(mios(tmp_path, "init-db", url=url))
    assert line.startswith("mios: ") and "secreto" not in line
    line = assert_one_line_failure(mios(tmp_path, "--database-url", url, "board", "--json"))


def test_the_database_url_option_overrides_the_environment(tmp_path):
    other = tmp_path / "otra.db"
    result = mios(tmp_path, "init-db", "--database-url", f"sqlite:///{other}")
    assert result.returncode == 0 and other.exists() and not (tmp_path / "cli.db").exists()


def test_an_uninitialised_database_says_to_run_init_db(tmp_path):
    line = assert_one_line_failure(mios(tmp_path, "measurements"))
    assert "no está inicializada" in line and "init-db" in line
    assert not (tmp_path / "cli.db").exists()  # the check leaves no empty database behind
    sqlite3.connect(tmp_path / "cli.db").close()  # an empty file
    line = assert_one_line_failure(mios(tmp_path, "board", "--json", lang="en"))
    assert line.startswith("mios: the database") and "is not initialised" in line


def test_an_old_schema_says_to_run_init_db(initialised):
    with sqlite3.connect(initialised / "cli.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0000_older'")
    line = assert_one_line_failure(mios(initialised, "measurements"))
    assert "0000_older" in line and head_revision() in line and "init-db" in line


@pytest.mark.parametrize("args", [(), ("frobnicate",), ("board", "--period", "2025-13"), ("import",),
                                  ("users", "add", "bob"), ("users", "add", "bob", "--role", "jefe"),
                                  ("measurements", "--format", "xml")])
def test_bad_arguments_exit_2_with_one_line(tmp_path, args):
    assert_one_line_failure(mios(tmp_path, *args), status=2)


def test_help_is_in_spanish_by_default(tmp_path):
    result = mios(tmp_path, "--help")
    assert result.returncode == 0 and "importa indicadores y mediciones" in result.stdout and "opciones" in result.stdout
    assert "import indicators and measurements" in mios(tmp_path, "--help", lang="en").stdout


def test_users_add(initialised):
    result = mios(initialised, "users", "add", "luis", "--role", "representante", "--full-name", "Luis Méndez",
                  "--email", "luis@example.com")
    assert result.returncode == 0 and result.stdout.strip() == (
        "Usuario «luis» creado con el rol representante de la dirección")
    with sqlite3.connect(initialised / "cli.db") as connection:
        assert connection.execute("SELECT username, role, full_name, email FROM app_user").fetchall() == [
            ("luis", "representative", "Luis Méndez", "luis@example.com")]
        assert connection.execute("SELECT actor FROM audit_event WHERE entity = 'app_user'").fetchall() == [
            ("ana.torres",)]
    line = assert_one_line_failure(mios(initialised, "users", "add", "luis", "--role", "viewer"))
    assert line == "mios: el usuario «luis» ya existe"
    assert_one_line_failure(mios(initialised, "users", "add", "eva", "--role", "owner", "--email", "eva"), status=2)


def test_an_invalid_setting_is_one_line(tmp_path):
    env_lang = mios(tmp_path, "init-db", lang="fr")
    assert_one_line_failure(env_lang)


@pytest.mark.skipif(importlib.util.find_spec("mios_dashboard.services.board.compute") is None, reason="no board service yet")
def test_board_json(initialised, good_file):
    assert mios(initialised, "import", str(good_file)).returncode == 0
    result = mios(initialised, "board", "--json", "--period", "2025-02")
    assert result.returncode == 0, result.stderr
    board = json.loads(result.stdout)
    assert board["period"] == "2025-02-01"
    assert {"score", "status", "perspectives", "indicators"} <= board.keys()
    ven = next(i for i in board["indicators"] if i["code"] == "VEN-01")
    assert (ven["actual"], ven["target"], ven["period"]) == (1010.5, 1000.0, "2025-02-01")
    text = mios(initialised, "board", "--period", "2025-02")
    assert text.returncode == 0 and text.stdout.startswith("Tablero de 2025-02-01")


@pytest.mark.skipif(importlib.util.find_spec("mios_dashboard.demo.loader") is None, reason="no demo service yet")
def test_demo_loads_reloads_and_refuses_another_organization(initialised):
    first = mios(initialised, "demo")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Organización de demostración cargada")
    assert mios(initialised, "demo").returncode == 0  # the demo refreshes itself
    with sqlite3.connect(initialised / "cli.db") as connection:
        connection.execute("UPDATE organization SET name = 'Otra Empresa SA'")
    line = assert_one_line_failure(mios(initialised, "demo"))
    assert line.startswith("mios: no se cargó la demostración") and "Otra Empresa SA" in line
