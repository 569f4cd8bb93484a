"""Workbooks as LibreOffice Calc writes them: percent-formatted cells and their digits."""
from __future__ import annotations

import openpyxl
from sqlalchemy import select

from mios_dashboard.db import session_scope
from mios_dashboard.models import Measurement
from mios_dashboard.services.imports.import_file import import_file


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
