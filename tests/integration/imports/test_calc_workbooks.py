"""Workbooks as LibreOffice Calc writes them: percent-formatted cells and their digits."""
from __future__ import annotations

import openpyxl
from sqlalchemy import select

from mios_dashboard.db import session_scope
from mios_dashboard.models import Measurement
from mios_dashboard.services.imports.import_file import import_file
from tests.integration.imports.test_import_service import write_book


def _percent_book(path, value, number_format):
    book = openpyxl.Workbook()
    book.remove(book.active)
    definitions = book.create_sheet("Indicadores")
    definitions.append(["Código", "Nombre", "Unidad"])
    definitions.append(["CUM-1", "Cumplimiento", "%"])
    measurements = book.create_sheet("Mediciones")
    measurements.append(["Código", "Periodo", "Valor"])
    measurements.append(["CUM-1", "2025-01", value])
    measurements["C2"].number_format = number_format
    book.save(path)
    return path


def test_a_percent_cell_keeps_fifteen_significant_digits(session_factory, tmp_path):
    path = _percent_book(tmp_path / "calc.xlsx", 1 / 97, "0.00%")
    with session_scope(session_factory, actor="ana") as session:
        assert import_file(session, path, actor="ana").accepted
    with session_scope(session_factory) as session:
        assert session.scalar(select(Measurement.value)) == 1.03092783505155


def test_a_monthly_update_with_one_period_column_is_read(session_factory, tmp_path):
    path = write_book(tmp_path / "octubre.xlsx", {
        "Indicadores": [["Código", "Nombre", "Unidad", "Frecuencia"], ["VEN-01", "Ventas", "MXN", "mensual"]],
        "Octubre": [["Código", "oct-26"], ["VEN-01", 1200]]})
    with session_scope(session_factory, actor="ana") as session:
        result = import_file(session, path, actor="ana")
        assert result.accepted, result.errors
    with session_scope(session_factory) as session:
        assert [(m.period.isoformat(), m.value) for m in session.scalars(select(Measurement))] == [
            ("2026-10-01", 1200)]


def test_a_measurements_sheet_without_any_value_is_an_error_naming_it(session_factory, tmp_path):
    path = write_book(tmp_path / "vacia.xlsx", {
        "Mediciones": [["Código", "ene-26", "feb-26"], ["VEN-01", None, None]]})
    with session_scope(session_factory, actor="ana") as session:
        result = import_file(session, path, actor="ana")
    assert not result.accepted
    assert [(p.code, p.sheet) for p in result.errors] == [("no_values_in_sheet", "Mediciones")]
    with session_scope(session_factory) as session:
        assert session.scalar(select(Measurement.id)) is None


def test_percent_targets_in_a_hand_built_workbook_as_calc_writes_them(session_factory, tmp_path):
    """The definitions' percent cells through the workbook's own styles part (as Calc and Excel write it,
    not openpyxl): the target, its digits and a wide sheet's percent values all in percent points."""
    from mios_dashboard.models import Indicator
    from tests.corpus.xlsx import SheetSpec, Styled, write_xlsx

    path = write_xlsx(tmp_path / "calc-setup.xlsx", [
        SheetSpec("Procesos", [["Código", "Nombre", "Tipo"], ["OPE", "Operación", "operativo"]]),
        SheetSpec("Objetivos", [["Código", "Objetivo", "Perspectiva", "Proceso", "Fecha de cierre"],
                                ["OB-1", "Entregar a tiempo", "CLI", "Operación", Styled(46387, "date")]]),
        SheetSpec("Indicadores", [["Código", "Nombre", "Unidad", "Meta", "Objetivo", "Proceso"],
                                  ["ENT-1", "Entregas a tiempo", "%", Styled(1 / 97, "percent"), "OB-1", "OPE"],
                                  ["ENT-2", "Reclamos", "%", Styled(0.025, "percent1"), "OB-1", "OPE"]]),
        SheetSpec("Mediciones", [["Código", "ene-26", "feb-26"],
                                 ["ENT-1", Styled(0.5, "percent"), Styled(0.875, "percent")]]),
    ])
    with session_scope(session_factory, actor="ana") as session:
        result = import_file(session, path, actor="ana")
        assert result.accepted, result.messages()
    with session_scope(session_factory) as session:
        targets = {i.code: i.target for i in session.scalars(select(Indicator))}
        assert targets == {"ENT-1": 1.03092783505155, "ENT-2": 2.5}
        assert sorted(m.value for m in session.scalars(select(Measurement))) == [50.0, 87.5]
        objective = session.scalars(select(Indicator)).first().objective
        assert objective.plan_due.isoformat() == "2026-12-31" and objective.process.code == "OPE"
