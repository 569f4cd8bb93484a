"""errors.py: one error type whose sentence is looked up late, in the reader's language."""
from __future__ import annotations

import pytest

from mios_dashboard.errors import Conflict, DomainError, Forbidden, Invalid, NotFound, Notice
from mios_dashboard.importers import ImportProblem


def test_the_message_is_read_in_either_language():
    error = NotFound("cli.file_not_found", path="datos.xlsx")
    assert error.message("es") == "no existe el archivo «datos.xlsx»"
    assert error.message("en") == "the file “datos.xlsx” does not exist"
    assert error.message() == error.message("es")  # Spanish unless asked
    assert error.message("EN-us") == error.message("en")
    assert (error.key, error.params) == ("cli.file_not_found", {"path": "datos.xlsx"})


def test_logs_read_the_english_sentence():
    error = DomainError("records.meeting_not_found", id=9999)
    assert str(error) == error.message("en") and "9999" in str(error)


def test_a_missing_placeholder_leaves_the_sentence_as_written():
    assert NotFound("cli.file_not_found").message("en") == "the file “{path}” does not exist"
    assert NotFound("cli.file_not_found", other="x").message("en") == "the file “{path}” does not exist"


@pytest.mark.parametrize("kind", [NotFound, Invalid, Forbidden, Conflict])
def test_every_kind_is_a_domain_error(kind):
    error = kind("cli.user_exists", name="ana")
    assert isinstance(error, DomainError) and error.message("es") == "el usuario «ana» ya existe"


def test_invalid_keeps_every_problem_and_renders_each_with_its_location():
    problems = [
        ImportProblem("unknown_indicator", sheet="Mediciones", cell="A2", params={"code": "ZZZ-9"}),
        ImportProblem("not_a_number", sheet="mis datos", cell="C3", params={"value": "pendiente"}),
        ImportProblem("macros_ignored"),
    ]
    error = Invalid("import.unreadable_file", problems=problems)
    assert error.problems == tuple(problems)
    assert error.details("es") == [
        "Mediciones!A2: indicador desconocido «ZZZ-9»",
        "'mis datos'!C3: «pendiente» no es un número",
        problems[2].message("es"),
    ]
    assert error.details("en")[:2] == ["Mediciones!A2: unknown indicator “ZZZ-9”", "'mis datos'!C3: “pendiente” is not a number"]
    assert error.message("en") == "The file cannot be imported"
    assert Invalid("upload.empty_file", file="x.csv").details() == []


def test_a_notice_is_a_sentence_for_later_too():
    notice = Notice("board.process_missing", {"value": "XYZ"})
    assert "XYZ" in notice.message("es") and "XYZ" in notice.message("en")
    assert notice.message("es") != notice.message("en")
    assert notice == Notice("board.process_missing", {"value": "XYZ"})
    with pytest.raises(AttributeError):
        notice.key = "other"  # type: ignore[misc]
