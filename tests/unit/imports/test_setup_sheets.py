"""The setup sheets without a database: which header is a Procesos or Objetivos sheet, each cell reader, and
validation against hand-built references (file rows referenced by code or name, cycles, duplicates)."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from mios_dashboard.exporters import template_workbook
from mios_dashboard.importers import Reference, ReferenceData, Sheet, open_workbook, parse_workbook, validate
from mios_dashboard.importers.layouts import find_header
from mios_dashboard.importers.periods import parse_day, parse_window
from mios_dashboard.importers.text import ValueProblem
from mios_dashboard.importers.validate_setup import Pending
from mios_dashboard.importers.values import parse_bool, parse_decimals, parse_process_type
from tests.integration.imports.setup_books import (
    INDICATOR_HEADER,
    OBJECTIVE_HEADER,
    PROCESS_HEADER,
    write_sheets,
)

PERSPECTIVES = [Reference(1, "FIN", "Financiera"), Reference(2, "CLI", "Clientes"),
                Reference(3, "PRO", "Procesos internos"), Reference(4, "APR", "Aprendizaje y crecimiento")]
REFS = ReferenceData(perspectives=PERSPECTIVES, processes=[Reference(7, "COM", "Comercial")],
                     objectives=[Reference(9, "OB-9", "Reducir costos")], objective_parents={"OB-9": None})


def plan(tmp_path, sheets, refs=REFS):
    path = write_sheets(tmp_path / "libro.xlsx", sheets)
    with open_workbook(path) as book:
        return validate(parse_workbook(book), refs)


def layout(header: list, name: str = "Hoja1") -> str | None:
    found = find_header(Sheet(name, [header, ["X1"] + [None] * (len(header) - 1)]))
    return found.layout if found else None


def test_which_header_is_which_sheet():
    assert layout(PROCESS_HEADER) == "processes"
    assert layout(["Code", "Name", "Type", "Owner"]) == "processes"
    assert layout(OBJECTIVE_HEADER) == "objectives"
    assert layout(["Code", "Objective", "Perspective", "Due date"]) == "objectives"
    assert layout(INDICATOR_HEADER) == "definitions"  # Objetivo and Proceso there are references
    assert layout(["Código", "Nombre", "Responsable"], "Procesos") == "processes"  # the sheet's name settles it
    assert layout(["Código", "Objetivo", "Perspectiva"], "Objectives") == "objectives"
    assert layout(["Código", "Nombre", "Responsable"], "Hoja1") == "definitions"
    assert layout(["Código", "Nombre", "Tipo", "Unidad"]) == "definitions"  # a unit: indicators


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_importer_recognises_every_header_the_template_writes(lang):
    buffer = io.BytesIO()
    template_workbook([], {"perspective": ["Financiera"]}, lang).save(buffer)
    book = openpyxl.load_workbook(buffer)
    expected = ("processes", "objectives", "definitions", "long")
    for name, kind in zip(book.sheetnames, expected, strict=False):
        header = [c.value for c in book[name][1]]
        found = find_header(Sheet(name, [header]))
        assert found is not None and found.layout == kind, (name, header)
        if kind != "long":
            assert len(found.columns) == len(header), (name, header, found.columns)


def test_cell_readers():
    assert [parse_process_type(w) for w in ("Estratégico", "OPERATIVO", "apoyo", "Support")] == [
        "strategic", "operational", "support", "support"]
    assert [parse_bool(w) for w in ("Sí", "si", "NO", "yes", "False", 1, 0.0, True)] == [
        True, True, False, True, False, True, False, True]
    assert parse_decimals(2.0) == 2 and parse_decimals("0") == 0
    for bad in (7, 1.5, -1, "dos"):
        with pytest.raises(ValueProblem):
            parse_decimals(bad)
    assert parse_day(dt.datetime(2026, 6, 30)) == dt.date(2026, 6, 30)
    assert parse_day("31/12/2026") == dt.date(2026, 12, 31)
    assert parse_day("dic 2026") == dt.date(2026, 12, 31) and parse_day("T1 2026") == dt.date(2026, 3, 31)
    assert parse_day("2026") == dt.date(2026, 12, 31)
    with pytest.raises(ValueProblem, match="not_a_date"):
        parse_day("pronto")
    assert [p.start for p in parse_window("2025-01 a 2025-12")] == [dt.date(2025, 1, 1), dt.date(2025, 12, 1)]
    assert [p.start for p in parse_window("ene-25 – jun-25")] == [dt.date(2025, 1, 1), dt.date(2025, 6, 1)]
    assert [p.start for p in parse_window("Jan 2025 to Mar 2025")] == [dt.date(2025, 1, 1), dt.date(2025, 3, 1)]
    for bad in ("2025-01", "2025-01 a pronto", 2025):
        with pytest.raises(ValueProblem, match="not_a_window"):
            parse_window(bad)


def test_references_resolve_to_stored_ids_or_to_rows_of_the_file(tmp_path):
    result = plan(tmp_path, {
        "Objetivos": [OBJECTIVE_HEADER,
                      ["OB-1", "Vender más", "financial", "comercial", None, None, None, None, None, None, "OB-2"],
                      ["OB-2", "Clientes leales", "CLI", "LOG", None, None, None, None, None, None, "reducir  COSTOS"]],
        "Procesos": [PROCESS_HEADER, ["LOG", "Logística", "apoyo", None, None]],
        "Indicadores": [INDICATOR_HEADER,
                        ["K1", "Uno", "%", None, None, None, None, None, "clientes leales", "Logistica", None, None,
                         None, None]],
    })
    assert result.ok, [p.render("en") for p in result.problems]
    assert result.sheets == ["Procesos", "Objetivos", "Indicadores"]  # in the order applied
    objectives = {o.code: o.values for o in result.objectives}
    assert objectives["OB-1"]["perspective_id"] == 1 and objectives["OB-1"]["process_id"] == 7
    assert objectives["OB-1"]["parent_id"] == Pending("objective", "OB-2")
    assert objectives["OB-2"]["process_id"] == Pending("process", "LOG") and objectives["OB-2"]["parent_id"] == 9
    (indicator,) = result.definitions
    assert indicator.values["objective_id"] == Pending("objective", "OB-2")
    assert indicator.values["process_id"] == Pending("process", "LOG")


def test_an_existing_row_is_updated_by_its_code_in_any_case(tmp_path):
    result = plan(tmp_path, {"Procesos": [PROCESS_HEADER, ["com", None, None, "Marta", None]],
                             "Objetivos": [OBJECTIVE_HEADER, ["ob-9", None, None, None, None, None, None, None,
                                                              None, 2, None]]})
    assert result.ok
    assert [(p.code, p.exists, p.values) for p in result.processes] == [("COM", True, {"owner": "Marta"})]
    assert [(o.code, o.exists, o.values) for o in result.objectives] == [("OB-9", True, {"weight": 2.0})]


def test_duplicates_ambiguity_and_a_cycle_through_a_stored_objective(tmp_path):
    refs = ReferenceData(perspectives=PERSPECTIVES, processes=REFS.processes,
                         objectives=[Reference(9, "OB-9", "Reducir costos"), Reference(10, "OB-10", "Reducir costos")],
                         objective_parents={"OB-9": "OB-1", "OB-10": None})
    result = plan(tmp_path, {
        "Procesos": [PROCESS_HEADER, ["LOG", "Logística", "apoyo", None, None],
                     ["LOG", "Logística", "apoyo", None, None],  # the same again: fine
                     ["log", "Almacén", "apoyo", None, None]],  # other data: an error
        "Objetivos": [OBJECTIVE_HEADER,
                      ["OB-1", "Uno", "FIN", None, None, None, None, None, None, None, "OB-9"],
                      ["OB-2", "Dos", "FIN", None, None, None, None, None, None, None, "Reducir costos"]],
    }, refs)
    assert [p.render("en") for p in result.problems] == [
        "Procesos!A4: “log” is already at Procesos!A2 with other data",
        "Objetivos!K2: the parent objective of “OB-1” makes a cycle: OB-1 → OB-9 → OB-1",
        "Objetivos!K3: “Reducir costos” matches several (OB-10, OB-9); use the code",
    ]
