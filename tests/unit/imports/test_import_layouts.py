"""Layouts people really keep: wide sheets under titles, year bands, subtotals, several sheets, CSV in both
locales, targets and comments in long sheets, definitions recognised by their header."""
from __future__ import annotations

import datetime as dt

from mios_dashboard.importers import KnownIndicator, ReferenceData, open_workbook, parse_workbook, validate
from tests.corpus.xlsx import Formula, SheetSpec, Styled, write_xlsx

D = dt.date
REFS = ReferenceData(indicators=[
    KnownIndicator("VEN-01", "Ventas netas", "monthly", unit="MXN"),
    KnownIndicator("ENT-02", "Entregas a tiempo", "monthly", unit="%"),
    KnownIndicator("SAT-03", "Satisfacción de clientes", "quarterly", unit="%"),
    KnownIndicator("QUE-04", "Quejas", "weekly"),
    KnownIndicator("ROT-05", "Rotación", "yearly", unit="porcentaje"),
])


def plan(path, refs=REFS):
    with open_workbook(path) as book:
        return validate(parse_workbook(book), refs)


def values(p) -> dict:
    return {(m.code, m.period): m.value for m in p.measurements}


def rendered(p, lang="es"):
    return [x.render(lang) for x in p.problems]


def xlsx(tmp_path, *sheets, name="libro.xlsx"):
    return write_xlsx(tmp_path / name, list(sheets))


def test_wide_with_date_headers_and_a_year_band(tmp_path):
    rows = [["Indicadores de la dirección"], [None, 2025, None, None, 2026],
            ["Código", "Oct", "Nov", "Dic", "Ene", "Total"],
            ["VEN-01", 1, 2, 3, 4, 10]]
    p = plan(xlsx(tmp_path, SheetSpec("Tablero", rows, merged=["B2:D2", "E2:E2"])))
    assert p.ok, rendered(p)
    assert values(p) == {("VEN-01", D(2025, 10, 1)): 1.0, ("VEN-01", D(2025, 11, 1)): 2.0,
                         ("VEN-01", D(2025, 12, 1)): 3.0, ("VEN-01", D(2026, 1, 1)): 4.0}


def test_month_names_wrap_into_the_next_year_after_december(tmp_path):
    rows = [["2025"], ["Indicador", "Nov", "Dic", "Ene", "Feb"], ["Ventas netas", 1, 2, 3, 4]]
    assert set(values(plan(xlsx(tmp_path, SheetSpec("T", rows))))) == {
        ("VEN-01", D(2025, 11, 1)), ("VEN-01", D(2025, 12, 1)), ("VEN-01", D(2026, 1, 1)), ("VEN-01", D(2026, 2, 1))}


def test_months_without_any_year_are_refused_at_the_header(tmp_path):
    rows = [["Indicador", "Ene", "Feb"], ["Ventas netas", 1, 2]]
    assert rendered(plan(xlsx(tmp_path, SheetSpec("T", rows)))) == [
        "T!B1: «Ene» es un mes sin año; escriba el año (ene-25, enero 2025) o póngalo en una fila encima de los meses"]


def test_excel_date_headers_formatted_as_months(tmp_path):
    rows = [["Indicador"] + [Styled(D(2025, m, 1), "month") for m in (1, 2, 3)], ["Entregas a tiempo", 90, 91, 92]]
    assert values(plan(xlsx(tmp_path, SheetSpec("T", rows)))) == {
        ("ENT-02", D(2025, m, 1)): v for m, v in ((1, 90.0), (2, 91.0), (3, 92.0))}


def test_quarter_subtotals_count_only_for_quarterly_indicators(tmp_path):
    rows = [["Indicador", "ene-25", "feb-25", "mar-25", "T1 2025"],
            ["Ventas netas", 1, 2, 3, 6], ["SAT-03", None, None, 80, 80]]
    p = plan(xlsx(tmp_path, SheetSpec("T", rows)))
    assert p.ok, rendered(p)
    assert values(p) == {("VEN-01", D(2025, 1, 1)): 1.0, ("VEN-01", D(2025, 2, 1)): 2.0,
                         ("VEN-01", D(2025, 3, 1)): 3.0, ("SAT-03", D(2025, 1, 1)): 80.0}


def test_a_finer_indicator_in_coarser_columns_is_an_error(tmp_path):
    rows = [["Indicador", "T1 2025", "T2 2025"], ["Quejas", 3, 4]]
    assert rendered(plan(xlsx(tmp_path, SheetSpec("T", rows))))[0] == (
        "T!B1: «T1 2025» es un trimestre, pero QUE-04 es de frecuencia semanal")


def test_rows_without_values_and_total_rows_are_skipped_but_unnamed_values_are_not(tmp_path):
    rows = [["Indicador", "ene-25", "feb-25"], ["Clientes"], [], ["Ventas netas", 5, 6], ["Total", 5, 6],
            [None, 7, None]]
    assert rendered(plan(xlsx(tmp_path, SheetSpec("T", rows)))) == ["T!A6: falta el dato de «Indicador»"]


def test_the_label_column_is_found_without_a_header(tmp_path):
    rows = [[None, "Responsable", "ene-25", "feb-25"], ["Ventas netas", "Ana", 5, 6]]
    assert values(plan(xlsx(tmp_path, SheetSpec("T", rows)))) == {("VEN-01", D(2025, 1, 1)): 5.0,
                                                                   ("VEN-01", D(2025, 2, 1)): 6.0}


def test_long_sheet_with_month_and_year_columns_targets_and_comments(tmp_path):
    rows = [["Año", "Mes", "Indicador", "Valor", "Meta", "Comentarios"],
            [2025, "Enero", "Ventas netas", 10, 12, "bajo"], [2025, 2, "Ventas netas", 13, 12, None],
            [2025, "mar", "Ventas netas", None, 12, None]]
    p = plan(xlsx(tmp_path, SheetSpec("Datos", rows)))
    assert p.ok, rendered(p)
    assert [(m.period, m.value, m.target, m.comment) for m in p.measurements] == [
        (D(2025, 1, 1), 10.0, 12.0, "bajo"), (D(2025, 2, 1), 13.0, 12.0, None), (D(2025, 3, 1), None, 12.0, None)]


def test_percent_formatted_cells_in_a_wide_sheet(tmp_path):
    rows = [["Código", "ene-25", "feb-25"], ["ENT-02", Styled(0.9, "percent"), Styled(0.955, "percent1")],
            ["VEN-01", Styled(0.5, "percent"), 7]]
    assert values(plan(xlsx(tmp_path, SheetSpec("T", rows)))) == {
        ("ENT-02", D(2025, 1, 1)): 90.0, ("ENT-02", D(2025, 2, 1)): 95.5, ("VEN-01", D(2025, 1, 1)): 0.5,
        ("VEN-01", D(2025, 2, 1)): 7.0}


def test_a_percent_unit_spelled_out_counts(tmp_path):
    rows = [["Código", "Periodo", "Valor"], ["ROT-05", 2025, Styled(0.12, "percent")]]
    assert values(plan(xlsx(tmp_path, SheetSpec("M", rows)))) == {("ROT-05", D(2025, 1, 1)): 12.0}


def test_formulas_count_by_their_cached_value_and_uncalculated_ones_as_empty(tmp_path):
    rows = [["Código", "Periodo", "Valor"], ["VEN-01", "2025-01", Formula("A1*2", 20.5)],
            ["VEN-01", "2025-02", Formula("A1*3")]]
    assert values(plan(xlsx(tmp_path, SheetSpec("M", rows)))) == {("VEN-01", D(2025, 1, 1)): 20.5}


def test_the_decimal_mark_of_the_rest_of_the_file_settles_1_500(tmp_path):
    rows = [["Código", "Periodo", "Valor"], ["VEN-01", "2025-01", "1.500"], ["VEN-01", "2025-02", "12,75"]]
    assert values(plan(xlsx(tmp_path, SheetSpec("M", rows))))[("VEN-01", D(2025, 1, 1))] == 1500.0
    alone = [["Código", "Periodo", "Valor"], ["VEN-01", "2025-01", "1.500"]]
    assert rendered(plan(xlsx(tmp_path, SheetSpec("M", alone), name="solo.xlsx"))) == [
        "M!C2: «1.500» es ambiguo: puede ser 1500 o 1.5; escríbalo sin separador de miles (o use la coma decimal en "
        "todo el archivo)"]


def test_definitions_sheet_recognised_by_its_header_whatever_its_name(tmp_path):
    rows = [["Catálogo de KPI"], ["Clave", "Nombre", "Unidad", "Frecuencia"], ["NEW-1", "Nuevo", "%", "mensual"]]
    p = plan(xlsx(tmp_path, SheetSpec("Hoja1", rows)))
    assert p.ok and [(d.code, d.values["unit"]) for d in p.definitions] == [("NEW-1", "%")]


def test_several_sheets_and_what_is_not_read(tmp_path):
    path = xlsx(tmp_path, SheetSpec("Portada", [["Tablero 2025"], ["Elaborado por: Calidad"]]),
                SheetSpec("Vacía", []),
                SheetSpec("A", [["Código", "Periodo", "Valor"], ["VEN-01", "2025-01", 1]]),
                SheetSpec("B", [["Código", "feb-25", "mar-25"], ["VEN-01", 2, 3]]),
                SheetSpec("Oculta", [["x"]], state="hidden"))
    p = plan(path)
    assert p.ok and len(p.measurements) == 3 and p.sheets == ["A", "B"]
    assert [n.render() for n in p.notices] == [
        "hojas ocultas no leídas: Oculta",
        "Portada: hoja no leída: no tiene encabezado de indicadores, de mediciones ni una fila de periodos"]


def test_the_same_value_on_two_sheets_is_fine_a_different_one_is_not(tmp_path):
    path = xlsx(tmp_path, SheetSpec("A", [["Código", "Periodo", "Valor"], ["VEN-01", "2025-01", 1]]),
                SheetSpec("Hoja B", [["Código", "ene-25", "feb-25"], ["VEN-01", 1], ["ventas netas", 2]]))
    assert rendered(plan(path)) == [
        "'Hoja B'!B3: VEN-01 del periodo 2025-01-01 aparece dos veces con valores distintos: 1 en A!C2 y 2 aquí"]


# --- CSV ------------------------------------------------------------------------------------------------------
def csv(tmp_path, text: str, encoding="utf-8", name="datos.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_spanish_excel_csv(tmp_path):
    path = csv(tmp_path, "Código;Periodo;Valor\r\nVEN-01;01/02/2025;1.234,5\r\nVEN-01;03/2025;1.500\r\n", "cp1252")
    assert values(plan(path)) == {("VEN-01", D(2025, 2, 1)): 1234.5, ("VEN-01", D(2025, 3, 1)): 1500.0}


def test_english_excel_csv_with_bom(tmp_path):
    path = csv(tmp_path, '\ufeffCode,Period,Value\nVEN-01,2/15/2025,"1,500"\nVEN-01,2025-03,12.5\n')
    assert values(plan(path)) == {("VEN-01", D(2025, 2, 1)): 1500.0, ("VEN-01", D(2025, 3, 1)): 12.5}


def test_excels_sep_line_and_tabs(tmp_path):
    path = csv(tmp_path, "sep=\t\nIndicador\tene-25\tfeb-25\nVentas netas\t1,5\t2,5\n", name="datos.txt")
    assert values(plan(path)) == {("VEN-01", D(2025, 1, 1)): 1.5, ("VEN-01", D(2025, 2, 1)): 2.5}


def test_csv_errors_name_the_file_as_the_sheet(tmp_path):
    path = csv(tmp_path, "Código;Periodo;Valor\nZZZ-9;2025-01;1\n", name="mis datos.csv")
    assert rendered(plan(path)) == ["'mis datos'!A2: indicador desconocido «ZZZ-9»"]


def test_a_binary_file_named_csv_is_refused(tmp_path):
    from mios_dashboard.errors import Invalid

    path = tmp_path / "x.csv"
    path.write_bytes(b"\x00\x01\x02binary")
    try:
        plan(path)
    except Invalid as refused:
        assert refused.problems[0].code == "not_a_text_file"
    else:
        raise AssertionError("refused expected")


def test_a_notes_sheet_with_a_glossary_is_skipped_not_refused(tmp_path):
    path = xlsx(tmp_path, SheetSpec("Notas", [["Periodo", "el mes, como 2025-03 o ene-25"], ["Valor", "el real"]]),
                SheetSpec("Datos", [["Código", "Periodo", "Valor"], ["VEN-01", "2025-01", 1]]))
    p = plan(path)
    assert p.ok and [n.code for n in p.notices] == ["sheet_skipped"]
