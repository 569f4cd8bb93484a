"""Percent-formatted definition cells are read as the values they are compared with (SQLite and PostgreSQL).

Excel keeps a cell shown as "90 %" as 0.9. The measurements of a % indicator in percent-formatted cells were
already stored in percent points (87.5); its target, range bounds and baseline must be too, or a 90 % target
compared with a 50 % actual reads as 5,000 % achieved.
"""
from __future__ import annotations

from sqlalchemy import select

from mios_dashboard.db import session_scope
from mios_dashboard.models import Indicator
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.services.imports.import_file import import_file
from tests.integration.imports.setup_books import write_sheets

HEADER = ["Código", "Nombre", "Unidad", "Sentido", "Frecuencia", "Meta", "Meta mínima", "Meta máxima", "Línea base",
          "Perspectiva"]


def imported(factory, tmp_path, definitions: list[list], measurements: list[list], formats: dict) -> dict:
    path = write_sheets(tmp_path / "porcentajes.xlsx", {
        "Indicadores": [HEADER, *definitions], "Mediciones": [["Código", "Periodo", "Valor"], *measurements]},
        formats)
    with session_scope(factory, actor="ana") as session:
        result = import_file(session, path, actor="ana")
    assert result.accepted, result.messages()
    with session_scope(factory) as session:
        board = build_board(session)
        stored = {i.code: (i.target, i.target_min, i.target_max, i.baseline)
                  for i in session.scalars(select(Indicator))}
    return {"board": {i["code"]: i for i in board["indicators"]}, "stored": stored}


def test_a_90_percent_target_with_50_percent_actual_is_red(session_factory, tmp_path):
    out = imported(session_factory, tmp_path,
                   [["CUM-01", "Cumplimiento de entregas", "%", "mayor es mejor", "mensual", 0.9, None, None, 0.8, "PRO"]],
                   [["CUM-01", "2025-03", 0.5]],
                   {("Indicadores", "F2"): "0%", ("Indicadores", "I2"): "0%", ("Mediciones", "C2"): "0%"})
    assert out["stored"]["CUM-01"] == (90.0, None, None, 80.0)
    reading = out["board"]["CUM-01"]
    assert reading["actual"] == 50.0 and reading["target"] == 90.0
    assert round(reading["achievement"], 4) == round(50 / 90, 4)
    assert reading["status"] == "red"


def test_a_2_5_percent_lower_is_better_target_with_2_percent_actual_is_green(session_factory, tmp_path):
    out = imported(session_factory, tmp_path,
                   [["DEF-01", "Defectos", "%", "menor es mejor", "mensual", 0.025, None, None, None, "PRO"]],
                   [["DEF-01", "2025-03", 0.02]],
                   {("Indicadores", "F2"): "0.0%", ("Mediciones", "C2"): "0.0%"})
    assert out["stored"]["DEF-01"][0] == 2.5
    assert out["board"]["DEF-01"]["actual"] == 2.0
    assert out["board"]["DEF-01"]["status"] == "green"


def test_range_bounds_in_percent_cells_and_a_fraction_indicator_left_as_typed(session_factory, tmp_path):
    out = imported(session_factory, tmp_path, [
        ["HUM-01", "Humedad", "%", "rango", "mensual", None, 0.4, 0.6, None, "PRO"],
        ["ROT-01", "Rotación", "veces", "mayor es mejor", "mensual", 0.9, None, None, None, "APR"],  # not a % unit
        ["EFI-01", "Eficiencia", "%", "mayor es mejor", "mensual", 95, None, None, None, "PRO"],  # typed as points
    ], [["HUM-01", "2025-03", 0.5], ["ROT-01", "2025-03", 1.2], ["EFI-01", "2025-03", 96]], {
        ("Indicadores", "G2"): "0%", ("Indicadores", "H2"): "0%", ("Indicadores", "F3"): "0%",
        ("Mediciones", "C2"): "0%"})
    assert out["stored"]["HUM-01"][1:3] == (40.0, 60.0)
    assert out["board"]["HUM-01"]["status"] == "green"
    assert out["stored"]["ROT-01"][0] == 0.9  # the cell's fraction, as its measurements are read
    assert out["stored"]["EFI-01"][0] == 95.0
    assert out["board"]["EFI-01"]["status"] == "green"


def test_a_percent_cell_re_imported_changes_nothing(session_factory, tmp_path):
    formats = {("Indicadores", "F2"): "0%", ("Mediciones", "C2"): "0%"}
    rows = [["CUM-01", "Cumplimiento", "%", "mayor es mejor", "mensual", 0.9, None, None, None, "PRO"]]
    imported(session_factory, tmp_path, rows, [["CUM-01", "2025-03", 0.5]], formats)
    path = write_sheets(tmp_path / "otra-vez.xlsx", {
        "Indicadores": [HEADER, *rows], "Mediciones": [["Código", "Periodo", "Valor"], ["CUM-01", "2025-03", 0.5]],
        "Notas": []}, formats)
    with session_scope(session_factory, actor="ana") as session:
        again = import_file(session, path, actor="ana", dry_run=True)
    assert again.accepted and (again.indicators_updated, again.indicators_unchanged) == (0, 1)
    assert again.measurements_unchanged == 1


def test_a_period_target_in_a_percent_cell_of_a_long_sheet_is_in_percent_points(session_factory, tmp_path):
    from mios_dashboard.models import Target

    path = write_sheets(tmp_path / "metas.xlsx", {
        "Indicadores": [HEADER, ["CUM-01", "Cumplimiento", "%", "mayor es mejor", "mensual", 90, None, None, None,
                                 "PRO"],
                        ["ROT-01", "Rotación", "veces", "mayor es mejor", "mensual", 1, None, None, None, "APR"]],
        "Mediciones": [["Código", "Periodo", "Valor", "Meta"], ["CUM-01", "2025-03", 0.5, 0.95],
                       ["ROT-01", "2025-03", 1.2, 0.8]]},
        {("Mediciones", "C2"): "0%", ("Mediciones", "D2"): "0%", ("Mediciones", "D3"): "0%"})
    with session_scope(session_factory, actor="ana") as session:
        result = import_file(session, path, actor="ana")
    assert result.accepted, result.messages()
    with session_scope(session_factory) as session:
        targets = {t.indicator_id: t.target for t in session.scalars(select(Target))}
        ids = {i.code: i.id for i in session.scalars(select(Indicator))}
        board = {i["code"]: i for i in build_board(session)["indicators"]}
    assert targets == {ids["CUM-01"]: 95.0, ids["ROT-01"]: 0.8}  # a % indicator's in points; another's as typed
    assert board["CUM-01"]["target"] == 95.0 and board["CUM-01"]["status"] == "red"
