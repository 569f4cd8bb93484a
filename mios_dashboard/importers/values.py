"""Reading one cell's value: numbers as people type them in Spanish or English, and the closed vocabularies.

Each reader returns the value or raises `ValueProblem` naming the catalogue code; layout parsers turn that
into an ImportProblem at the cell. Pure functions, no I/O. Periods live in `periods`, shared text helpers in
`text`; both are re-exported here for callers of the first version of this module.
"""
from __future__ import annotations

import math
import re

from mios_dashboard.importers.periods import (  # noqa: F401 - re-exported
    EXCEL_EPOCH,
    GRANULARITIES,
    MonthOnly,
    ParsedPeriod,
    fits,
    parse_period,
    period_start,
    read_period,
)
from mios_dashboard.importers.text import (  # noqa: F401
    NO_VALUE_MARKERS,
    ValueProblem,
    display,
    is_blank,
    is_no_value,
    normalize,
    parse_text,
    unescape_formula,
)
from mios_dashboard.models.enums import AGGREGATIONS, DIRECTIONS, FREQUENCIES, PROCESS_TYPES

# --- numbers -------------------------------------------------------------------------------------------
_CURRENCY = re.compile(
    r"US\$|R\$|S/\.?|Bs\.?(?=[\s\d])|[$€£¥₡₲₱₹]|"
    r"\b(?:MXN|USD|EUR|COP|ARS|CLP|PEN|BRL|UYU|BOB|PYG|GTQ|CRC|DOP|HNL|NIO|PAB|VES|GBP|CAD)\b",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_PLAIN = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$")  # Excel's CSV writes 1,23457E+11
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+$")


class AmbiguousNumber(ValueProblem):
    """"1.500" or "1,500": 1500 with a thousands separator or 1.5 with a decimal one; the file must say which."""

    def __init__(self, raw: str, mark: str, as_decimal: float, as_thousands: float):
        super().__init__("ambiguous_number", value=display(raw), decimal=display(as_decimal),
                         thousands=display(as_thousands))
        self.mark = mark
        self.as_decimal = as_decimal
        self.as_thousands = as_thousands

    def resolve(self, decimal: str) -> float:
        """The reading under the file's decimal mark ("," or ".")."""
        return self.as_decimal if decimal == self.mark else self.as_thousands


def parse_number(value: object, decimal: str | None = None) -> float:
    """A number from a numeric cell or from text such as "1.234,5", "1,234.5", "$ 300", "95,3%" (→ 95.3).

    With both separators the last one is the decimal one. A single separator followed by exactly three digits
    ("1.500") is decided by `decimal` ("," or ".", the file's decimal mark); without it AmbiguousNumber is
    raised, so the caller can decide from the rest of the file or report it.
    """
    if type(value) is float:  # exact classes first (bool is an int): the common cells, cheaply
        if math.isfinite(value):
            return value
        raise ValueProblem("not_a_number", value=display(value))
    if type(value) is int:
        return float(value)
    if type(value) is str:
        return _parse_number_text(value, decimal)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return parse_number(float(value))
    raise ValueProblem("not_a_number", value=display(value))


def _parse_number_text(raw: str, decimal: str | None) -> float:
    text = _SPACES.sub("", _CURRENCY.sub("", unescape_formula(raw.strip()))).replace("%", "").replace("\u2212", "-")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.startswith(("-", "+")):
        negative, text = negative ^ (text[0] == "-"), text[1:]
    elif text.endswith("-"):
        negative, text = not negative, text[:-1]
    number = _unsigned(text, raw, decimal)
    if not math.isfinite(number):
        raise ValueProblem("not_a_number", value=display(raw))
    return -number if negative else number


def _unsigned(text: str, raw: str, decimal: str | None) -> float:
    commas, points = text.count(","), text.count(".")
    if commas and points:
        mark = "," if text.rfind(",") > text.rfind(".") else "."
        whole, _, fraction = text.rpartition(mark)
        return _grouped(whole, "." if mark == "," else ",", fraction, raw)
    if commas + points == 0:
        return _plain(text, raw)
    mark = "," if commas else "."
    if commas + points > 1:  # "1.234.567" or "1,234,567": thousands only
        return _grouped(text, mark, "", raw)
    whole, _, fraction = text.partition(mark)
    as_decimal = _plain(f"{whole}.{fraction}", raw)
    if len(fraction) != 3 or not fraction.isdigit() or not whole or whole.startswith("0") or len(whole) > 3:
        return as_decimal
    as_thousands = _plain(whole + fraction, raw)
    if decimal is None:
        raise AmbiguousNumber(raw, mark, as_decimal, as_thousands)
    return as_decimal if decimal == mark else as_thousands


def _grouped(whole: str, separator: str, fraction: str, raw: str) -> float:
    if not _GROUPED.match(whole.replace(separator, ",")) and not (whole.isdigit() or whole == ""):
        raise ValueProblem("not_a_number", value=display(raw))
    return _plain(whole.replace(separator, "") + ("." + fraction if fraction else ""), raw)


def _plain(text: str, raw: str) -> float:
    if not _PLAIN.match(text):
        raise ValueProblem("not_a_number", value=display(raw))
    return float(text)


def decimal_evidence(text: str) -> str | None:
    """The decimal mark a text number proves ("," in "12,5" or "1.234,5"; "." in "1,234.5"), else None."""
    try:
        _parse_number_text(text, None)
    except AmbiguousNumber:
        return None
    except ValueProblem:
        return None
    stripped = _SPACES.sub("", _CURRENCY.sub("", text))
    commas, points = stripped.count(","), stripped.count(".")
    if commas and points:
        return "," if stripped.rfind(",") > stripped.rfind(".") else "."
    if commas == 1 and not points:
        return ","
    if points == 1 and not commas:
        return "."
    return None


def parse_fraction(value: object) -> float:
    """A threshold as a fraction of achievement: 0.9, "90%" and 90 all mean 0.90 (above 2 = percent points)."""
    try:
        number = parse_number(value)
    except AmbiguousNumber as ambiguous:  # "1.000" as a threshold is one, not a thousand
        number = ambiguous.as_decimal
    if (isinstance(value, str) and "%" in value) or number > 2:
        number /= 100
    return number


def percent_points(fraction: float) -> float:
    """0.953 (a cell formatted as a percentage) → 95.3, without the binary noise of ×100 (95.30000000000001).

    Rounded to 15 significant digits, as many as Excel shows and keeps (1/97 → 1.03092783505155).
    """
    return float(f"{fraction * 100:.15g}")


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


PROCESS_TYPE_WORDS = {
    "strategic": ("estrategico", "estrategica", "de direccion", "strategic", "management"),
    "operational": ("operativo", "operativa", "operacional", "clave", "de realizacion", "operational", "core", "key"),
    "support": ("apoyo", "soporte", "de apoyo", "support", "supporting"),
}
BOOLEAN_WORDS = {
    "yes": ("si", "s", "verdadero", "activo", "activa", "x", "1", "yes", "y", "true", "active"),
    "no": ("no", "n", "falso", "inactivo", "inactiva", "0", "false", "inactive"),
}

_DIRECTIONS = _vocabulary(DIRECTION_WORDS, DIRECTIONS)
_PROCESS_TYPES = _vocabulary(PROCESS_TYPE_WORDS, PROCESS_TYPES)
_BOOLEANS = _vocabulary(BOOLEAN_WORDS, ("yes", "no"))
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




def parse_process_type(value: object) -> str:
    return _choose(_PROCESS_TYPES, "unknown_process_type", value)


def parse_bool(value: object) -> bool:
    """Sí/no, yes/no, true/false, 1/0 (a real boolean or number cell too)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    return _choose(_BOOLEANS, "unknown_boolean", value) == "yes"


MAX_DECIMALS = 6  # the Indicator model's check (decimals BETWEEN 0 AND 6)


def parse_decimals(value: object) -> int:
    """How many decimals the board shows: a whole number 0–6."""
    try:
        number = parse_number(value)
    except AmbiguousNumber as ambiguous:
        number = ambiguous.as_decimal
    if not float(number).is_integer() or not 0 <= number <= MAX_DECIMALS:
        raise ValueProblem("bad_decimals", value=display(value), limit=MAX_DECIMALS)
    return int(number)
