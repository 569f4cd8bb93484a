"""Reading one cell's value: names, numbers, periods and the closed vocabularies, in Spanish or English.

Each reader returns the value or raises `ValueProblem` naming the catalogue code; layout parsers turn that
into an ImportProblem at the cell. Pure functions, no I/O, so the later CSV and wide layouts reuse them.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from ..models.enums import AGGREGATIONS, DIRECTIONS, FREQUENCIES

# Text that means "no measurement here" rather than zero (DESIGN §4).
NO_VALUE_MARKERS = frozenset({"-", "–", "—", "n/d", "nd", "n/a", "na", "s/d", "sd", "#n/a", "#n/d"})
GRANULARITIES = ("day", "week", "month", "quarter", "year")
EXCEL_EPOCH = dt.date(1899, 12, 30)  # 1900 date system, past its fictitious 29 Feb 1900
EXCEL_MAX_SERIAL = 2958465  # 9999-12-31
YEAR_RANGE = (1900, 2200)


class ValueProblem(ValueError):
    """A cell could not be read; `code` is an importers.messages catalogue key."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def normalize(text: object) -> str:
    """Key for matching headers and names: case, accents, punctuation at the ends and spacing ignored."""
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"[\s_]+", " ", folded.casefold()).strip(" :*.")
    return folded.strip()


def display(value: object) -> str:
    """A cell value as a short string for messages."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()[:80]


def is_no_value(value: object) -> bool:
    if value is None:
        return True
    return isinstance(value, str) and (not value.strip() or value.strip().casefold() in NO_VALUE_MARKERS)


# --- numbers -------------------------------------------------------------------------------------------
_CURRENCY = re.compile(r"[$€£¥]|\b(?:MXN|USD|EUR|COP|ARS|CLP|PEN)\b", re.IGNORECASE)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def parse_number(value: object) -> float:
    """A number from a numeric cell or from text such as "1.234,5", "1,234.5", "$ 300", "95,3%" (→ 95.3).

    A single separator is the decimal one ("1,5" and "1.5" are both 1.5); with both, the last one is.
    """
    if isinstance(value, bool):
        raise ValueProblem("not_a_number", value=display(value))
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        number = _parse_number_text(value)
    else:
        raise ValueProblem("not_a_number", value=display(value))
    if not math.isfinite(number):
        raise ValueProblem("not_a_number", value=display(value))
    return number


def _parse_number_text(raw: str) -> float:
    text = _CURRENCY.sub("", raw).replace("\u00a0", "").replace(" ", "").replace("%", "")
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    elif text.count(",") > 1:
        text = text.replace(",", "")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    if not _NUMBER.match(text):
        raise ValueProblem("not_a_number", value=display(raw))
    number = float(text)
    return -number if negative else number


def parse_fraction(value: object) -> float:
    """A threshold as a fraction of achievement: 0.9, "90%" and 90 all mean 0.90 (above 2 = percent points)."""
    number = parse_number(value)
    if (isinstance(value, str) and "%" in value) or number > 2:
        number /= 100
    return number


# --- periods ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParsedPeriod:
    """A period as written: its first day and how coarse it is (day, week, month, quarter, year)."""

    start: dt.date
    granularity: str


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_YEAR_MONTH = re.compile(r"^(\d{4})[-/](\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(?:(\d{4})\s*[- ]?\s*[TQ]([1-4])|[TQ]([1-4])\s*[- ]?\s*(\d{4}))$", re.IGNORECASE)
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


def _date(year: int, month: int, day: int, raw: object) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueProblem("not_a_period", value=display(raw)) from exc


def parse_period(value: object) -> ParsedPeriod:
    """Excel dates and serial numbers, ISO dates, `2025-03`, `03/2025`, `2025`, `2025-T1`/`Q1 2025`, `2025-W05`."""
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
    text = value.strip()
    if m := _ISO_DATE.match(text):
        return ParsedPeriod(_date(int(m[1]), int(m[2]), int(m[3]), value), "day")
    if m := _YEAR_MONTH.match(text):
        return ParsedPeriod(_date(int(m[1]), int(m[2]), 1, value), "month")
    if m := _MONTH_YEAR.match(text):
        return ParsedPeriod(_date(int(m[2]), int(m[1]), 1, value), "month")
    if m := _QUARTER.match(text):
        year, quarter = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        return ParsedPeriod(_date(year, 3 * quarter - 2, 1, value), "quarter")
    if m := _WEEK.match(text):
        try:
            return ParsedPeriod(dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "week")
        except ValueError as exc:
            raise ValueProblem("not_a_period", value=display(value)) from exc
    if (m := _YEAR.match(text)) and YEAR_RANGE[0] <= int(m[1]) <= YEAR_RANGE[1]:
        return ParsedPeriod(dt.date(int(m[1]), 1, 1), "year")
    raise ValueProblem("not_a_period", value=display(value))


def _period_from_number(number: float, raw: object) -> ParsedPeriod:
    # A whole number like 2025 is a year; larger numbers are Excel serial dates in an unformatted cell.
    if number.is_integer() and YEAR_RANGE[0] <= number <= YEAR_RANGE[1]:
        return ParsedPeriod(dt.date(int(number), 1, 1), "year")
    if YEAR_RANGE[1] < number <= EXCEL_MAX_SERIAL:
        return ParsedPeriod(EXCEL_EPOCH + dt.timedelta(days=int(number)), "day")
    raise ValueProblem("not_a_period", value=display(raw))


# Which written granularities can stand for a period of each frequency (a week does not nest in a month).
_FITS = {
    "day": set(FREQUENCIES),
    "week": {"weekly"},
    "month": {"monthly", "quarterly", "yearly"},
    "quarter": {"quarterly", "yearly"},
    "year": {"yearly"},
}


def fits(granularity: str, frequency: str) -> bool:
    return frequency in _FITS.get(granularity, set())


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


# --- vocabularies ------------------------------------------------------------------------------------------
DIRECTION_WORDS = {
    "higher": ("mayor es mejor", "mayor", "ascendente", "maximizar", "higher", "higher is better", "up", "max"),
    "lower": ("menor es mejor", "menor", "descendente", "minimizar", "lower", "lower is better", "down", "min"),
    "range": ("rango", "en rango", "dentro de rango", "range", "within range"),
}
FREQUENCY_WORDS = {
    "daily": ("diaria", "diario", "dia", "daily", "day"),
    "weekly": ("semanal", "semana", "weekly", "week"),
    "monthly": ("mensual", "mes", "monthly", "month"),
    "quarterly": ("trimestral", "trimestre", "quarterly", "quarter"),
    "yearly": ("anual", "ano", "yearly", "annual", "year"),
}
AGGREGATION_WORDS = {
    "sum": ("suma", "total", "sum"),
    "mean": ("promedio", "media", "mean", "average", "avg"),
    "last": ("ultimo", "ultima", "last"),
    "min": ("minimo", "min", "minimum"),
    "max": ("maximo", "max", "maximum"),
}


def _vocabulary(words: dict[str, tuple[str, ...]], codes: tuple[str, ...]) -> dict[str, str]:
    table = {normalize(w): code for code, ws in words.items() for w in ws}
    assert set(table.values()) == set(codes)
    return table


_DIRECTIONS = _vocabulary(DIRECTION_WORDS, DIRECTIONS)
_FREQUENCIES = _vocabulary(FREQUENCY_WORDS, FREQUENCIES)
_AGGREGATIONS = _vocabulary(AGGREGATION_WORDS, AGGREGATIONS)


def _choose(table: dict[str, str], code: str, value: object) -> str:
    found = table.get(normalize(value)) if isinstance(value, str) else None
    if found is None:
        raise ValueProblem(code, value=display(value))
    return found


def parse_direction(value: object) -> str:
    return _choose(_DIRECTIONS, "unknown_direction", value)


def parse_frequency(value: object) -> str:
    return _choose(_FREQUENCIES, "unknown_frequency", value)


def parse_aggregation(value: object) -> str:
    return _choose(_AGGREGATIONS, "unknown_aggregation", value)


def parse_text(value: object) -> str:
    """Text cells as written; numbers that Excel stored as floats come back without a trailing ".0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
