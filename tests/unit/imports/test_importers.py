"""Importers on workbooks built with openpyxl: both layouts, both languages, every error with its cell."""
from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mios_dashboard.errors import Invalid
from mios_dashboard.i18n import CATALOGUES
from mios_dashboard.importers import (
    ImportProblem,
    KnownIndicator,
    Limits,
    Reference,
    ReferenceData,
    open_workbook,
    parse_number,
    parse_period,
    parse_workbook,
    period_start,
    validate,
)
from mios_dashboard.models.enums import FREQUENCIES

REFS = ReferenceData(
    indicators=[
        KnownIndicator("VEN-01", "Ventas netas", "monthly"),
        KnownIndicator("CAL-02", "Quejas de clientes", "weekly", direction="lower"),
        KnownIndicator("FIN-03", "Margen bruto", "quarterly"),
        KnownIndicator("PER-04", "Rotación de personal", "yearly"),
        KnownIndicator("OPE-05", "Pedidos entregados", "daily"),
        KnownIndicator("MED-06", "Medido", "monthly", has_measurements=True),
    ],
    perspectives=[Reference(1, "FIN", "Financiera"), Reference(2, "CLI", "Clientes")],
    objectives=[Reference(7, "OBJ-01", "Crecer las ventas")],
    processes=[Reference(3, "RD", "Responsabilidad de la Dirección")],
)


def workbook(tmp_path, sheets: dict[str, list[list]], name: str = "libro.xlsx", title_rows: int = 0):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet_name, rows in sheets.items():
        sheet = book.create_sheet(sheet_name)
        for _ in range(title_rows):
            sheet.append(["Tablero de indicadores 2025"])
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def plan_of(path, refs: ReferenceData = REFS):
    with open_workbook(path) as book:
        return validate(parse_workbook(book), refs)


def rendered(plan, lang="es") -> list[str]:
    return [p.render(lang) for p in plan.problems]


# --- definitions ------------------------------------------------------------------------------------------------
def test_definitions_in_spanish(tmp_path):
    path = workbook(tmp_path, {"Indicadores": [
        ["Código", "Nombre", "Unidad", "Sentido", "Frecuencia", "Agregación", "Meta", "Perspectiva", "Objetivo",
         "Proceso", "Responsable", "Grupo", "Umbral verde", "Umbral amarillo"],
        ["NEW-01", "Satisfacción", "%", "mayor es mejor", "trimestral", "promedio", 90, "Clientes", "OBJ-01", "RD",
         "Ana", "Calidad", "100%", 0.85],
        ["NEW-02", "Devoluciones", "piezas", "Menor es mejor", "Mensual", "Suma", "1.500,00", "FIN", None, None, None,
         None, None, None],
    ]})
    plan = plan_of(path)
    assert plan.ok, rendered(plan)
    first, second = plan.definitions
    assert first.code == "NEW-01" and not first.exists
    assert first.values == {
        "name": "Satisfacción", "unit": "%", "direction": "higher", "frequency": "quarterly", "aggregation": "mean",
        "target": 90.0, "perspective_id": 2, "objective_id": 7, "process_id": 3, "owner": "Ana", "group": "Calidad",
        "green_threshold": 1.0, "yellow_threshold": 0.85,
    }
    # blank cells leave the current value alone: they are simply absent
    assert second.values == {"name": "Devoluciones", "unit": "piezas", "direction": "lower", "frequency": "monthly",
                             "aggregation": "sum", "target": 1500.0, "perspective_id": 1}


def test_definitions_in_english_with_a_range_and_updates(tmp_path):
    path = workbook(tmp_path, {"Indicators": [
        ["Code", "Name", "Unit", "Direction", "Frequency", "Aggregation", "Target min", "Target max", "Owner"],
        ["TMP-01", "Temperature", "°C", "range", "daily", "max", 18, 24, "Luis"],
        ["ven-01", None, None, "higher", None, "last", None, None, "Marta"],
    ]})
    plan = plan_of(path)
    assert plan.ok, rendered(plan, "en")
    created, updated = plan.definitions
    assert created.values["direction"] == "range" and created.values["target_min"] == 18.0
    assert created.values["frequency"] == "daily" and created.values["aggregation"] == "max"
    assert updated.code == "VEN-01" and updated.exists  # matched ignoring case, stored with the database's code
    assert updated.values == {"direction": "higher", "aggregation": "last", "owner": "Marta"}


def test_definition_errors_name_their_cells(tmp_path):
    path = workbook(tmp_path, {"Indicadores": [
        ["Código", "Nombre", "Sentido", "Frecuencia", "Agregación", "Meta mínima", "Meta máxima", "Perspectiva",
         "Umbral verde", "Umbral amarillo"],
        ["A-1", "Uno", "a veces", "quincenal", "mediana", None, None, "Marte", None, None],        # row 2
        ["A-2", None, None, None, None, None, None, None, None, None],                             # row 3
        ["A-3", "Tres", "rango", None, None, 10, None, None, None, None],                         # row 4
        ["A-4", "Cuatro", "rango", None, None, 10, 5, None, None, None],                          # row 5
        ["A-5", "Cinco", None, None, None, None, None, None, 0.8, 0.9],                           # row 6
        [None, "Sin código", None, None, None, None, None, None, None, None],                     # row 7
        ["A-1", "Uno bis", None, None, None, None, None, None, None, None],                       # row 8
        ["MED-06", None, None, "anual", None, None, None, None, None, None],                      # row 9
        ["X" * 21, "Largo", None, None, None, None, None, None, None, None],                      # row 10
    ]})
    plan = plan_of(path)
    assert rendered(plan) == [
        "Indicadores!C2: «a veces» no es un sentido (use mayor es mejor, menor es mejor o rango)",
        "Indicadores!D2: «quincenal» no es una frecuencia (use diaria, semanal, mensual, trimestral o anual)",
        "Indicadores!E2: «mediana» no es una agregación (use suma, promedio, último, mínimo o máximo)",
        "Indicadores!H2: perspectiva desconocida «Marte» (use FIN, CLI, PRO o APR, o su nombre)",
        "Indicadores!A3: el indicador nuevo «A-2» necesita un nombre",
        "Indicadores!C4: el indicador de rango «A-3» necesita «Meta mínima» y «Meta máxima»",
        "Indicadores!F5: la meta mínima (10) debe ser menor que la meta máxima (5)",
        "Indicadores!J6: el umbral amarillo (0.9) debe estar entre 0 y el umbral verde (0.8)",
        "Indicadores!A7: falta el dato de «Código»",
        "Indicadores!A8: el indicador «A-1» ya está definido en Indicadores!A2 con otros datos",
        "Indicadores!D9: no se puede cambiar la frecuencia de «MED-06» de mensual a anual: ya tiene mediciones",
        "Indicadores!A10: «Código» admite a lo sumo 20 caracteres (tiene 21)",
    ]
    assert not plan.definitions


def test_the_same_definition_twice_is_not_an_error(tmp_path):
    row = ["B-1", "Bee", "menor es mejor"]
    path = workbook(tmp_path, {"Indicadores": [["Código", "Nombre", "Sentido"], row, row]})
    plan = plan_of(path)
    assert plan.ok and len(plan.definitions) == 1


def test_definitions_without_a_code_column(tmp_path):
    path = workbook(tmp_path, {"Indicadores": [["Nombre", "Meta"], ["Ventas", 10]]})
    assert rendered(plan_of(path)) == ["Indicadores!A1: falta la columna «Código»"]


# --- measurements ------------------------------------------------------------------------------------------------
def test_measurements_in_spanish_with_excel_dates_and_text_numbers(tmp_path):
    path = workbook(tmp_path, {"Mediciones": [
        ["Código", "Periodo", "Valor", "Comentario"],
        ["VEN-01", dt.date(2025, 1, 31), 950000, "cierre de enero"],
        ["VEN-01", "2025-02", "1.020.000,50", None],
        ["VEN-01", 45731, "1,234.5", None],          # Excel serial 45731 = 2025-03-15, in an unformatted cell
        ["VEN-01", dt.datetime(2025, 4, 2, 0, 0), "$ 10", None],
        ["VEN-01", "2025-05-20", "95,3%", None],
        ["VEN-01", "2025-06", "n/d", None],          # no measurement, not zero
        ["VEN-01", "2025-07", "-", None],
        [None, None, None, None],                    # blank row
    ]})
    plan = plan_of(path)
    assert plan.ok, rendered(plan)
    assert [(m.code, m.period, m.value, m.comment) for m in plan.measurements] == [
        ("VEN-01", dt.date(2025, 1, 1), 950000.0, "cierre de enero"),
        ("VEN-01", dt.date(2025, 2, 1), 1020000.5, None),
        ("VEN-01", dt.date(2025, 3, 1), 1234.5, None),
        ("VEN-01", dt.date(2025, 4, 1), 10.0, None),
        ("VEN-01", dt.date(2025, 5, 1), 95.3, None),
    ]


def test_measurements_in_english_under_a_title_matched_by_name(tmp_path):
    path = workbook(tmp_path, {"Measurements": [
        ["Indicator", "Period", "Value", "Comment", "Notes"],
        ["ventas  NETAS", "2025-03", 10, "ok", "ignored column"],
        ["Quejas de clientes", "2025-W02", 3, None, None],
    ]}, title_rows=2)
    plan = plan_of(path)
    assert plan.ok, rendered(plan, "en")
    assert [(m.code, m.period, m.value) for m in plan.measurements] == [
        ("VEN-01", dt.date(2025, 3, 1), 10.0), ("CAL-02", dt.date(2025, 1, 6), 3.0),
    ]


@pytest.mark.parametrize(("code", "written", "expected"), [
    ("OPE-05", dt.date(2025, 3, 15), dt.date(2025, 3, 15)),     # daily: the day itself
    ("CAL-02", dt.date(2025, 1, 8), dt.date(2025, 1, 6)),       # weekly: the Monday of its ISO week
    ("CAL-02", "2025-01-05", dt.date(2024, 12, 30)),           # a Sunday belongs to the week of the Monday before
    ("CAL-02", "2025-W01", dt.date(2024, 12, 30)),
    ("VEN-01", "2025-03-31", dt.date(2025, 3, 1)),             # monthly: day 1
    ("FIN-03", "2025-05-20", dt.date(2025, 4, 1)),             # quarterly: first day of the quarter
    ("FIN-03", "2025-06", dt.date(2025, 4, 1)),
    ("FIN-03", "T3 2025", dt.date(2025, 7, 1)),
    ("FIN-03", "2025-Q4", dt.date(2025, 10, 1)),
    ("PER-04", "2025-11-30", dt.date(2025, 1, 1)),             # yearly: 1 January
    ("PER-04", 2024, dt.date(2024, 1, 1)),
    ("PER-04", "2023", dt.date(2023, 1, 1)),
])
def test_periods_are_normalised_by_the_indicators_frequency(tmp_path, code, written, expected):
    path = workbook(tmp_path, {"Mediciones": [["Código", "Periodo", "Valor"], [code, written, 1]]})
    plan = plan_of(path)
    assert plan.ok, rendered(plan)
    assert plan.measurements[0].period == expected


def test_a_file_can_define_and_measure_a_new_indicator(tmp_path):
    path = workbook(tmp_path, {
        "Mediciones": [["Código", "Periodo", "Valor"], ["NUE-1", "2025-05-14", 4]],
        "Indicadores": [["Código", "Nombre", "Frecuencia"], ["NUE-1", "Nuevo", "trimestral"]],
    })
    plan = plan_of(path)
    assert plan.ok, rendered(plan)
    assert plan.sheets == ["Indicadores", "Mediciones"]
    assert plan.measurements[0].period == dt.date(2025, 4, 1)


def test_every_measurement_error_names_sheet_and_cell(tmp_path):
    path = workbook(tmp_path, {"Mediciones": [
        ["Código", "Periodo", "Valor"],
        ["VEN-01", "2025-01", 10],                 # row 2
        ["VEN-01", "2025-01-20", 10],              # row 3: same period, same value → fine
        ["ZZZ-9", "2025-01", 5],                   # row 4
        ["VEN-01", "2025-02", 7],                  # row 5
        ["VEN-01", "2025-02-11", 8],               # row 6: same period, other value
        ["VEN-01", "2025-03", "pendiente"],        # row 7
        ["VEN-01", "marzo", 3],                    # row 8
        ["CAL-02", "2025-03", 3],                  # row 9: a month for a weekly indicator
        [None, "2025-04", 3],                      # row 10
        ["VEN-01", None, 3],                       # row 11
        ["ZZZ-9", "ayer", "mucho"],                # row 12: every problem of the row is reported
        ["VEN-01", True, 3],                       # row 13
    ]})
    plan = plan_of(path)
    assert rendered(plan) == [
        "Mediciones!A4: indicador desconocido «ZZZ-9»",
        "Mediciones!C6: VEN-01 del periodo 2025-02-01 aparece dos veces con valores distintos: 7 en Mediciones!C5 y 8 aquí",
        "Mediciones!C7: «pendiente» no es un número",
        "Mediciones!B8: «marzo» es un mes sin año; escriba el año (ene-25, enero 2025) o póngalo en una fila encima de los meses",
        "Mediciones!B9: «2025-03» es un mes, pero CAL-02 es de frecuencia semanal",
        "Mediciones!A10: falta el dato de «Código»",
        "Mediciones!B11: falta el dato de «Periodo»",
        "Mediciones!A12: indicador desconocido «ZZZ-9»",
        "Mediciones!B12: «ayer» no es un periodo (use una fecha de Excel, AAAA-MM-DD, AAAA-MM, ene-25, T1 2025, 2025-W05 o AAAA)",
        "Mediciones!C12: «mucho» no es un número",
        "Mediciones!B13: «True» no es un periodo (use una fecha de Excel, AAAA-MM-DD, AAAA-MM, ene-25, T1 2025, 2025-W05 o AAAA)",
    ]
    assert rendered(plan, "en")[:3] == [
        "Mediciones!A4: unknown indicator “ZZZ-9”",
        "Mediciones!C6: VEN-01 for period 2025-02-01 appears twice with different values: 7 at Mediciones!C5 and 8 here",
        "Mediciones!C7: “pendiente” is not a number",
    ]
    problem = plan.problems[0]
    assert (problem.sheet, problem.cell, problem.code, problem.params) == ("Mediciones", "A4", "unknown_indicator",
                                                                           {"code": "ZZZ-9"})


def test_missing_required_headers(tmp_path):
    path = workbook(tmp_path, {"Mediciones": [["Código", "Fecha"], ["VEN-01", "2025-01"]]})
    assert rendered(plan_of(path)) == ["Mediciones!A1: falta la columna «Valor»"]
    path = workbook(tmp_path, {"Measurements": [["Period", "Value"], ["2025-01", 1]]}, name="en.xlsx")
    assert rendered(plan_of(path), "en") == ["Measurements!A1: an indicator column (“Code” or “Indicator”) is missing"]


def test_a_duplicated_header_is_an_error(tmp_path):
    path = workbook(tmp_path, {"Mediciones": [["Código", "Periodo", "Valor", "Real"], ["VEN-01", "2025-01", 1, 2]]})
    assert rendered(plan_of(path)) == ["Mediciones!D1: la columna «Valor» aparece dos veces (también en C1)"]


def test_sheet_names_with_spaces_are_quoted_in_references():
    problem = ImportProblem("not_a_number", sheet="Mis datos", cell="C7", params={"value": "x"})
    assert problem.render("en") == "'Mis datos'!C7: “x” is not a number"
    assert ImportProblem.from_dict(problem.to_dict()) == problem


def test_a_workbook_without_known_sheets(tmp_path):
    path = workbook(tmp_path, {"Hoja1": [["a"]], "Resumen": [["b"]]})
    plan = plan_of(path)
    assert rendered(plan) == ["ninguna hoja tiene indicadores ni mediciones: falta una fila de encabezado con "
                              "Código/Indicador, Periodo y Valor, o una fila de periodos (hojas del libro: Hoja1, Resumen)"]


# --- hostile or wrong files -------------------------------------------------------------------------------------
def refusal(path, limits=None) -> ImportProblem:
    with pytest.raises(Invalid) as caught, open_workbook(path, **({"limits": limits} if limits else {})) as book:
        parse_workbook(book)
    (problem,) = caught.value.problems
    assert isinstance(problem, ImportProblem)
    return problem


def test_text_files_are_refused(tmp_path):
    path = tmp_path / "datos.xlsx"
    path.write_text("Código;Periodo;Valor\n")
    assert refusal(path).render() == (
        "«datos.xlsx» no es un libro de Excel .xlsx/.xlsm; guárdelo como «Libro de Excel» e inténtelo de nuevo")


def test_zips_that_are_not_workbooks_are_refused(tmp_path):
    path = tmp_path / "fotos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("foto.txt", "hola")
    assert refusal(path).code == "not_a_workbook"
    truncated = tmp_path / "roto.xlsx"
    truncated.write_bytes(workbook(tmp_path, {"Mediciones": [["a"]]}).read_bytes()[:200])
    assert refusal(truncated).code == "not_a_workbook"


def test_decompression_bombs_are_refused_before_parsing(tmp_path):
    path = tmp_path / "bomba.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (5 * 1024 * 1024))
    assert refusal(path).code == "compression_ratio"
    assert refusal(path, Limits(max_uncompressed_bytes=1024 * 1024)).code == "workbook_too_large"


def test_too_many_cells_are_refused(tmp_path):
    path = workbook(tmp_path, {"Mediciones": [["Código", "Periodo", "Valor"]] + [["VEN-01", "2025-01", 1]] * 10})
    assert refusal(path, Limits(max_cells=20)).params == {"limit": 20}


# --- cell readers ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "number"), [
    ("12", 12.0), ("12,5", 12.5), ("12.5", 12.5), ("1.234.567,50", 1234567.5), ("1,234,567.50", 1234567.5),
    ("$ 1,200.00", 1200.0), ("€1.200,00", 1200.0), ("95,3%", 95.3), ("-3", -3.0), ("(4,5)", -4.5), (" 7 ", 7.0),
    ("1 234,5", 1234.5), (3, 3.0), (2.5, 2.5),
])
def test_numbers(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["pendiente", "1,2,3.4.5", "", "12-3", True, float("nan"), "inf"])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(("written", "start", "granularity"), [
    ("2025-03-15", dt.date(2025, 3, 15), "day"), ("2025-03-15T10:00:00", dt.date(2025, 3, 15), "day"),
    ("2025-03", dt.date(2025, 3, 1), "month"), ("03/2025", dt.date(2025, 3, 1), "month"),
    ("2025", dt.date(2025, 1, 1), "year"), ("Q2 2025", dt.date(2025, 4, 1), "quarter"),
    ("2025-W05", dt.date(2025, 1, 27), "week"), (45658, dt.date(2025, 1, 1), "day"),
    (45658.75, dt.date(2025, 1, 1), "day"), (dt.datetime(2025, 1, 1, 13, 5), dt.date(2025, 1, 1), "day"),
])
def test_periods(written, start, granularity):
    period = parse_period(written)
    assert (period.start, period.granularity) == (start, granularity)


@pytest.mark.parametrize("written", ["2025-13", "2025-02-30", "2025-W54", "mañana", 12.5, None, dt.time(3)])
def test_not_periods(written):
    with pytest.raises(ValueError):
        parse_period(written)


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2150, 12, 31)), st.sampled_from(FREQUENCIES))
def test_period_start_is_the_first_day_of_the_period_containing_the_day(day, frequency):
    start = period_start(day, frequency)
    assert start <= day
    assert period_start(start, frequency) == start  # idempotent
    assert (day - start).days < {"daily": 1, "weekly": 7, "monthly": 31, "quarterly": 92, "yearly": 366}[frequency]
    if frequency == "weekly":
        assert start.weekday() == 0
    if frequency in ("monthly", "quarterly", "yearly"):
        assert start.day == 1


@settings(deadline=None)  # the first example imports pandas
@given(st.lists(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)), min_size=1, max_size=20),
       st.sampled_from(FREQUENCIES))
def test_period_start_agrees_with_the_analytics(days, frequency):
    import pandas as pd

    from mios_dashboard.analytics.periods import period_start as series_period_start

    expected = [ts.date() for ts in series_period_start(pd.Series(pd.to_datetime(days)), frequency)]
    assert [period_start(day, frequency) for day in days] == expected


def test_a_problem_names_its_field_and_frequency_in_the_readers_words():
    missing = ImportProblem("missing_header", sheet="Mediciones", params={"field": "value"})
    assert missing.render("es") == "Mediciones: falta la columna «Valor»"
    assert missing.render("en") == "Mediciones: the column “Value” is missing"
    unknown = ImportProblem("no_such_code_yet", params={"field": "value"})
    assert unknown.message("en").startswith("no_such_code_yet")  # an unknown code still says something
    fields = {key.removeprefix("import.field.") for key in CATALOGUES["es"] if key.startswith("import.field.")}
    assert {"code", "indicator", "period", "value", "target", "frequency"} <= fields
