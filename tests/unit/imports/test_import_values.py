"""Every period and number form of docs/import-formats.md, and the ones that must be refused."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mios_dashboard.importers import AmbiguousNumber, MonthOnly, parse_number, parse_period, read_period
from mios_dashboard.importers.csv_reader import decode, sniff_locale, sniff_separator
from mios_dashboard.importers.text import ValueProblem, is_no_value, parse_text
from mios_dashboard.importers.values import decimal_evidence, parse_fraction, percent_points

D = dt.date


@pytest.mark.parametrize(("written", "start", "granularity"), [
    (dt.date(2025, 3, 15), D(2025, 3, 15), "day"), (45731, D(2025, 3, 15), "day"), (45731.5, D(2025, 3, 15), "day"),
    ("2025-03", D(2025, 3, 1), "month"), ("2025/3", D(2025, 3, 1), "month"), ("2025-03-15", D(2025, 3, 15), "day"),
    ("15/03/2025", D(2025, 3, 15), "day"), ("15.03.2025", D(2025, 3, 15), "day"), ("03/2025", D(2025, 3, 1), "month"),
    ("3-2025", D(2025, 3, 1), "month"),
    ("ene-25", D(2025, 1, 1), "month"), ("Ene 2025", D(2025, 1, 1), "month"), ("enero 2025", D(2025, 1, 1), "month"),
    ("Enero de 2025", D(2025, 1, 1), "month"), ("ENE.-25", D(2025, 1, 1), "month"), ("sept. 2025", D(2025, 9, 1), "month"),
    ("setiembre 2025", D(2025, 9, 1), "month"), ("dic/25", D(2025, 12, 1), "month"), ("Mar-25", D(2025, 3, 1), "month"),
    ("March 2025", D(2025, 3, 1), "month"), ("Aug 2025", D(2025, 8, 1), "month"), ("2025 mayo", D(2025, 5, 1), "month"),
    ("T1 2025", D(2025, 1, 1), "quarter"), ("Q1 2025", D(2025, 1, 1), "quarter"), ("2025-T1", D(2025, 1, 1), "quarter"),
    ("2025 Q4", D(2025, 10, 1), "quarter"), ("T2-25", D(2025, 4, 1), "quarter"), ("3T 2025", D(2025, 7, 1), "quarter"),
    ("1er trimestre 2025", D(2025, 1, 1), "quarter"), ("Trimestre 2 2025", D(2025, 4, 1), "quarter"),
    ("cuarto trimestre 2025", D(2025, 10, 1), "quarter"), ("2nd quarter 2025", D(2025, 4, 1), "quarter"),
    ("2025-W05", D(2025, 1, 27), "week"), ("2025W5", D(2025, 1, 27), "week"), ("W05 2025", D(2025, 1, 27), "week"),
    ("Semana 5 2025", D(2025, 1, 27), "week"), ("2025-W01", D(2024, 12, 30), "week"),
    ("2025", D(2025, 1, 1), "year"), (2025, D(2025, 1, 1), "year"), ("Año 2025", D(2025, 1, 1), "year"),
])
def test_every_period_form(written, start, granularity):
    assert tuple(parse_period(written)) == (start, granularity)


@pytest.mark.parametrize("written", ["2025-13", "2025-02-30", "2025-W54", "T5 2025", "mañana", "13/13/2025", 12.5,
                                     None, True, dt.time(3), "ene-", "2025-T", "Total", "Promedio"])
def test_not_periods(written):
    with pytest.raises(ValueProblem):
        parse_period(written)


def test_a_month_without_a_year_is_only_a_header():
    assert read_period("Febrero") == MonthOnly(2) and read_period("ago.") == MonthOnly(8)
    with pytest.raises(ValueProblem) as caught:
        parse_period("Febrero")
    assert caught.value.code == "month_without_year"


def test_day_and_month_order():
    assert parse_period("04/03/2025").start == D(2025, 3, 4)  # Spanish locale: the day first
    assert parse_period("04/03/2025", day_first=False).start == D(2025, 4, 3)
    assert parse_period("25/03/2025", day_first=False).start == D(2025, 3, 25)  # 25 can only be a day


@pytest.mark.parametrize(("text", "number"), [
    ("12", 12.0), ("12,5", 12.5), ("12.5", 12.5), ("1.234.567,50", 1234567.5), ("1,234,567.50", 1234567.5),
    ("$ 1,200.00", 1200.0), ("€1.200,00", 1200.0), ("1.200,00 €", 1200.0), ("MXN 3,500.25", 3500.25),
    ("US$ 10.50", 10.5), ("95,3%", 95.3), ("95,3 %", 95.3), ("-3", -3.0), ("(4,5)", -4.5), ("1.234-", -1234.0),
    ("−7", -7.0), (" 7 ", 7.0), ("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5), ("0,500", 0.5), ("1.5000", 1.5),
    ("1234.567", 1234.567), (3, 3.0), (2.5, 2.5),
])
def test_numbers(text, number):
    assert parse_number(text, decimal=None if text != "1.234-" else ",") == number


@pytest.mark.parametrize("text", ["pendiente", "1,2,3.4.5", "", "12-3", True, float("nan"), "inf", "1e400", "12,34,5",
                                  dt.date(2025, 1, 1)])
def test_not_numbers(text):
    with pytest.raises(ValueProblem):
        parse_number(text)


@pytest.mark.parametrize(("text", "comma", "point"), [("1.500", 1500.0, 1.5), ("1,500", 1.5, 1500.0),
                                                      ("$ 12.345", 12345.0, 12.345), ("-1,250", -1.25, -1250.0)])
def test_a_single_separator_before_three_digits_needs_the_files_decimal_mark(text, comma, point):
    with pytest.raises(AmbiguousNumber):
        parse_number(text)
    assert parse_number(text, decimal=",") == comma
    assert parse_number(text, decimal=".") == point


def test_decimal_evidence():
    assert [decimal_evidence(t) for t in ("12,5", "1.234,5", "1,234.5", "12.25", "1.500", "7", "abc")] == [
        ",", ",", ".", ".", None, None, None]


@pytest.mark.parametrize("marker", ["", " ", "-", "–", "—", "n/d", "N/D", "N/A", "n.d.", "s/d", "S/D", "#N/A", "sin dato"])
def test_no_measurement_markers(marker):
    assert is_no_value(marker)


def test_zero_is_a_measurement():
    assert not is_no_value(0) and not is_no_value("0") and parse_number("0") == 0.0


def test_thresholds_read_as_fractions():
    assert [parse_fraction(v) for v in (0.9, "90%", 90, "0,85", "1.000")] == [0.9, 0.9, 0.9, 0.85, 1.0]


@given(st.floats(min_value=0, max_value=10, allow_nan=False).map(lambda x: round(x, 6)))
def test_percent_points_have_no_binary_noise(fraction):
    assert percent_points(fraction) == float(f"{fraction * 100:.15g}")
    assert percent_points(0.953) == 95.3


def test_percent_points_keep_fifteen_significant_digits_as_excel_does():
    assert percent_points(1 / 97) == 1.03092783505155
    assert percent_points(0.0725) == 7.25


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda x: round(x, 2)))
def test_excel_written_numbers_read_back_in_both_locales(number):
    spanish = f"{number:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    assert parse_number(spanish, decimal=",") == pytest.approx(number, abs=0.005)
    assert parse_number(f"{number:,.2f}", decimal=".") == pytest.approx(number, abs=0.005)


# --- CSV sniffing -------------------------------------------------------------------------------------------------
def test_encodings():
    assert decode("Código;Año".encode(), "x.csv") == ("Código;Año", "utf-8")
    assert decode(b"\xef\xbb\xbf" + "Código".encode(), "x.csv") == ("Código", "utf-8-sig")
    assert decode("Código;Año".encode("cp1252"), "x.csv") == ("Código;Año", "cp1252")


@pytest.mark.parametrize(("lines", "separator"), [
    (["Código;Periodo;Valor", "VEN-01;2025-01;1.234,5"], ";"),
    (["Code,Period,Value", 'VEN-01,2025-01,"1,234.5"'], ","),
    (["Code\tPeriod\tValue", "VEN-01\t2025-01\t1234.5"], "\t"),
    (["Reporte de ventas, 2025", "Código;Periodo;Valor", "VEN-01;2025-01;12,5", "VEN-01;2025-02;13,5"], ";"),
])
def test_separators(lines, separator):
    assert sniff_separator(lines) == separator


def test_locale_from_the_separator_unless_the_numbers_say_otherwise():
    assert sniff_locale([["1.500"]], ";") == (",", True)
    assert sniff_locale([["1,500"]], ",") == (".", True)
    assert sniff_locale([["12.5", "1.500"]], ";") == (".", True)  # unanimous evidence wins
    assert sniff_locale([["12,5"], ["12.5"]], "\t") == (None, True)  # conflicting: ask the user
    assert sniff_locale([["03/25/2025"]], ",") == (".", False)


# --- the export's formula-injection escape comes off on the way back in ---------------------------------------
def test_exported_escape_is_undone_for_text_and_numbers():
    from mios_dashboard.exporters.cells import DANGEROUS_FIRST, safe_text
    from mios_dashboard.importers.text import FORMULA_FIRST

    assert FORMULA_FIRST == DANGEROUS_FIRST  # the two lists must not drift apart
    for text in ("=HYPERLINK(\"http://x\")", "+34 55", "@usuario", "-5 % por merma"):
        assert parse_text(safe_text(text)) == text
    assert parse_number("'-1.234,5", ",") == -1234.5
    assert parse_number("'+12") == 12.0


def test_a_plain_leading_apostrophe_is_part_of_the_text():
    assert parse_text("'hola") == "'hola"
    assert parse_text("'") == "'"
