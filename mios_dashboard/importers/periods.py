"""Reading a period as people write it in Spanish or English, and normalising it by an indicator's frequency.

Forms (docs/import-formats.md#periods): Excel dates and serial numbers, `2025-03-15`, `15/03/2025`, `2025-03`, `03/2025`,
`ene-25`, `ene 2025`, `enero de 2025`, `Mar-25`, `March 2025`, `T1 2025`, `Q1 2025`, `2025-T1`, `1er trimestre
2025`, `2025-W05`, `Semana 5 2025`, `2025`. A month name without a year (`Ene`, `Febrero`) is a `MonthOnly`:
only a wide sheet's header can complete it, from a year written above it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from mios_dashboard.importers.text import ValueProblem, display, normalize
from mios_dashboard.models.enums import FREQUENCIES

GRANULARITIES = ("day", "week", "month", "quarter", "year")
EXCEL_EPOCH = dt.date(1899, 12, 30)  # 1900 date system, past its fictitious 29 Feb 1900
EXCEL_MAX_SERIAL = 2958465  # 9999-12-31
YEAR_RANGE = (1900, 2200)


class ParsedPeriod(NamedTuple):
    """A period as written: its first day and how coarse it is (day, week, month, quarter, year).

    A tuple, so that hashing it (a long sheet's rows look their normalised period up by it) costs nothing."""

    start: dt.date
    granularity: str


@dataclass(frozen=True)
class MonthOnly:
    """A month name with no year (a wide header under a year band)."""

    month: int


MONTHS = {
    1: ("enero", "ene", "january", "jan"),
    2: ("febrero", "feb", "february"),
    3: ("marzo", "mar", "march"),
    4: ("abril", "abr", "april", "apr"),
    5: ("mayo", "may"),
    6: ("junio", "jun", "june"),
    7: ("julio", "jul", "july"),
    8: ("agosto", "ago", "august", "aug"),
    9: ("septiembre", "setiembre", "sep", "sept", "set", "september"),
    10: ("octubre", "oct", "october"),
    11: ("noviembre", "nov", "november"),
    12: ("diciembre", "dic", "december", "dec"),
}
MONTH_NUMBER = {name: number for number, names in MONTHS.items() for name in names}
_MONTH_WORD = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_ORDINALS = {"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
             "first": 1, "second": 2, "third": 3, "fourth": 4}
_ORDINAL_WORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))

# Patterns run on normalize()d text: lower case, no accents, single spaces.
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ]\d{1,2}:\d{2}.*)?$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?: \d{1,2}:\d{2}.*)?$")
_YM = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_MY = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_YEAR = re.compile(r"^(?:ano |year |fy ?)?(\d{4})$")
_MONTH_NAME_YEAR = re.compile(rf"^({_MONTH_WORD})\.?(?: ?[-/.]? ?| de | del )('?\d{{2}}|\d{{4}})$")
_YEAR_MONTH_NAME = re.compile(rf"^(\d{{4}}) ?[-/.]? ?({_MONTH_WORD})\.?$")
_MONTH_ONLY = re.compile(rf"^({_MONTH_WORD})\.?$")
_QUARTER_FIRST = re.compile(r"^(?:[tq]|trim(?:estre)?|quarter|qtr) ?([1-4]) ?[-/.]? ?(?:de |del )?(\d{4}|'?\d{2})$")
_QUARTER_NUMBER_FIRST = re.compile(
    r"^([1-4]) ?(?:er|ro|do|to|o|st|nd|rd|th)?\.? ?(?:[tq]|trim(?:estre)?|quarter|qtr) ?[-/.]? ?(?:de |del )?"
    r"(\d{4}|'?\d{2})$")
_QUARTER_WORD_FIRST = re.compile(rf"^({_ORDINAL_WORD}) (?:trimestre|quarter) (?:de |del )?(\d{{4}})$")
_YEAR_QUARTER = re.compile(r"^(\d{4}) ?[-/.]? ?(?:[tq]|trim(?:estre)?|quarter|qtr) ?([1-4])$")
_WEEK_AFTER_YEAR = re.compile(r"^(\d{4}) ?[-/.]? ?(?:w|s|sem|semana|week|wk) ?(\d{1,2})$")
_WEEK_BEFORE_YEAR = re.compile(r"^(?:w|s|sem|semana|week|wk) ?(\d{1,2}) ?[-/.]? ?(?:de |del )?(\d{4})$")


def _year(text: str) -> int:
    text = text.lstrip("'")
    return 2000 + int(text) if len(text) == 2 else int(text)


def _date(year: int, month: int, day: int, raw: object) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueProblem("not_a_period", value=display(raw)) from exc


def parse_period(value: object, day_first: bool = True) -> ParsedPeriod:
    """A period from a cell; raises ValueProblem("not_a_period") (a bare month name included)."""
    found = read_period(value, day_first)
    if isinstance(found, MonthOnly):
        raise ValueProblem("month_without_year", value=display(value))
    return found


def read_period(value: object, day_first: bool = True) -> ParsedPeriod | MonthOnly:
    """Like parse_period, but a month name without a year comes back as MonthOnly.

    `day_first` decides `03/04/2025` (3 April, as Spanish-locale files write it); when one part is above 12
    the text decides by itself.
    """
    if isinstance(value, dt.datetime):
        return ParsedPeriod(value.date(), "day")
    if isinstance(value, dt.date):
        return ParsedPeriod(value, "day")
    if isinstance(value, bool) or value is None:
        raise ValueProblem("not_a_period", value=display(value))
    if isinstance(value, (int, float)):
        return _period_from_number(float(value), value)
    if not isinstance(value, str):
        raise ValueProblem("not_a_period", value=display(value))
    text = normalize(value)
    if (m := _YMD.match(text)):
        return ParsedPeriod(_date(int(m[1]), int(m[2]), int(m[3]), value), "day")
    if (m := _DMY.match(text)):
        first, second, year = int(m[1]), int(m[2]), _year(m[3])
        day, month = (first, second) if (day_first and second <= 12) or first > 12 else (second, first)
        return ParsedPeriod(_date(year, month, day, value), "day")
    if (m := _YM.match(text)):
        return ParsedPeriod(_date(int(m[1]), int(m[2]), 1, value), "month")
    if (m := _MY.match(text)):
        return ParsedPeriod(_date(int(m[2]), int(m[1]), 1, value), "month")
    return _named_period(text, value)


def _named_period(text: str, raw: object) -> ParsedPeriod | MonthOnly:
    if (m := _MONTH_NAME_YEAR.match(text)):
        return ParsedPeriod(_date(_year(m[2]), MONTH_NUMBER[m[1]], 1, raw), "month")
    if (m := _YEAR_MONTH_NAME.match(text)):
        return ParsedPeriod(_date(int(m[1]), MONTH_NUMBER[m[2]], 1, raw), "month")
    if (m := _MONTH_ONLY.match(text)):
        return MonthOnly(MONTH_NUMBER[m[1]])
    quarter = None
    if (m := _QUARTER_FIRST.match(text)) or (m := _QUARTER_NUMBER_FIRST.match(text)):
        quarter, year = int(m[1]), _year(m[2])
    elif (m := _QUARTER_WORD_FIRST.match(text)):
        quarter, year = _ORDINALS[m[1]], int(m[2])
    elif (m := _YEAR_QUARTER.match(text)):
        quarter, year = int(m[2]), int(m[1])
    if quarter is not None:
        return ParsedPeriod(_date(year, 3 * quarter - 2, 1, raw), "quarter")
    week = None
    if (m := _WEEK_AFTER_YEAR.match(text)):
        year, week = int(m[1]), int(m[2])
    elif (m := _WEEK_BEFORE_YEAR.match(text)):
        week, year = int(m[1]), int(m[2])
    if week is not None:
        try:
            return ParsedPeriod(dt.date.fromisocalendar(year, week, 1), "week")
        except ValueError as exc:
            raise ValueProblem("not_a_period", value=display(raw)) from exc
    if (m := _YEAR.match(text)) and YEAR_RANGE[0] <= int(m[1]) <= YEAR_RANGE[1]:
        return ParsedPeriod(dt.date(int(m[1]), 1, 1), "year")
    raise ValueProblem("not_a_period", value=display(raw))


def _period_from_number(number: float, raw: object) -> ParsedPeriod:
    # A whole number like 2025 is a year; larger numbers are Excel serial dates in an unformatted cell.
    if number.is_integer() and YEAR_RANGE[0] <= number <= YEAR_RANGE[1]:
        return ParsedPeriod(dt.date(int(number), 1, 1), "year")
    if YEAR_RANGE[1] < number <= EXCEL_MAX_SERIAL:
        return ParsedPeriod(EXCEL_EPOCH + dt.timedelta(days=int(number)), "day")
    raise ValueProblem("not_a_period", value=display(raw))


def looks_like_year(value: object) -> int | None:
    """The year of a cell that is only a year (2025, "2025", "Año 2025"), for the band above month headers."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and YEAR_RANGE[0] <= value <= YEAR_RANGE[1] else None
    if isinstance(value, str) and (m := _YEAR.match(normalize(value))):
        year = int(m[1])
        return year if YEAR_RANGE[0] <= year <= YEAR_RANGE[1] else None
    return None


# Which written granularities can stand for a period of each frequency (a week does not nest in a month).
_FITS = {
    "day": set(FREQUENCIES),
    "week": {"weekly"},
    "month": {"monthly", "quarterly", "yearly"},
    "quarter": {"quarterly", "yearly"},
    "year": {"yearly"},
}


def fits(granularity: str, frequency: str) -> bool:
    return frequency in _FITS.get(granularity, ())


def period_start(day: dt.date, frequency: str) -> dt.date:
    """The first day of the period of `frequency` that contains `day` (ISO week → its Monday)."""
    if frequency == "daily":
        return day
    if frequency == "weekly":
        return day - dt.timedelta(days=day.weekday())
    if frequency == "monthly":
        return day.replace(day=1)
    if frequency == "quarterly":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if frequency == "yearly":
        return dt.date(day.year, 1, 1)
    raise ValueError(f"unknown frequency {frequency!r}")


def period_end(period: ParsedPeriod) -> dt.date:
    """The last day of a written period (a due date written "dic 2026" means 31 Dec 2026)."""
    start, granularity = period
    if granularity == "day":
        return start
    if granularity == "week":
        return start + dt.timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}[granularity]
    following = start.month - 1 + months
    return dt.date(start.year + following // 12, following % 12 + 1, 1) - dt.timedelta(days=1)


def parse_day(value: object, day_first: bool = True) -> dt.date:
    """A date cell or text (a month, quarter or year means its last day); ValueProblem("not_a_date")."""
    try:
        return period_end(parse_period(value, day_first))
    except ValueProblem as exc:
        raise ValueProblem("not_a_date", value=display(value)) from exc


# "2025-01 a 2025-12", "ene-25 – dic-25", "Jan 2025 to Dec 2025", "2025-01..2025-12"
_WINDOW_SEPARATOR = re.compile(r"\s+(?:a|al|hasta|to|until)\s+|\s*[–—]\s*|\s+-\s+|\s*\.\.\s*", re.IGNORECASE)


def parse_window(value: object, day_first: bool = True) -> tuple[ParsedPeriod, ParsedPeriod]:
    """An XmR baseline window written in one cell as two periods; ValueProblem("not_a_window")."""
    parts = _WINDOW_SEPARATOR.split(str(value).strip(), maxsplit=1) if isinstance(value, str) else []
    if len(parts) != 2:
        raise ValueProblem("not_a_window", value=display(value))
    try:
        return parse_period(parts[0], day_first), parse_period(parts[1], day_first)
    except ValueProblem as exc:
        raise ValueProblem("not_a_window", value=display(value)) from exc
