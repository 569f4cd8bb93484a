"""Numbers, percentages and dates in the reader's locale, through Babel.

Spanish uses Babel's `es_MX`: the product's users are Mexican companies and write `1,234.5` (comma for
thousands, point for decimals), not the `1.234,5` of Spain. English uses `en_US`. Missing values
(None, NaN) print as an em dash in both languages, so an empty cell never reads as zero.
"""
from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import NumberPattern, parse_pattern

LOCALES: dict[str, str] = {"es": "es_MX", "en": "en_US"}
MISSING = "—"
# From this magnitude decimals add noise on a board (sales of 1,234,567.89 read as 1,234,568).
_WHOLE_NUMBER_FROM = 100_000


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["es"])


@lru_cache(maxsize=8)
def _babel_locale(lang: str) -> Locale:
    return Locale.parse(_locale(lang))


@lru_cache(maxsize=64)
def _number_pattern(pattern: str) -> NumberPattern:
    """A parsed number pattern: what babel's format_decimal/format_percent parse again on every call (a
    board formats a few thousand numbers per view)."""
    return parse_pattern(pattern)


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def fmt_number(value: float | None, lang: str = "es", decimals: int | None = None) -> str:
    """`1234.5` → "1,234.5" (es and en). With `decimals` the digits are fixed ("1,234.50" for 2);
    without, up to two decimals (trailing zeros dropped) below 100,000 and none from there on."""
    if value is None or _is_nan(value):
        return MISSING
    if decimals is None:
        pattern = "#,##0" if abs(value) >= _WHOLE_NUMBER_FROM else "#,##0.##"
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    text = _number_pattern(pattern).apply(value, _babel_locale(lang))  # = babel's format_decimal
    return "0" if text in ("-0", "−0") else text


def fmt_percent(fraction: float | None, lang: str = "es", decimals: int = 1) -> str:
    """A fraction as a percentage in the locale's pattern: `0.953` → "95.3%" (es_MX and en_US)."""
    if fraction is None or _is_nan(fraction):
        return MISSING
    locale = _babel_locale(lang)
    base = locale.percent_formats[None].pattern  # e.g. "#,##0%"
    pattern = base.replace("0", "0." + "0" * decimals, 1) if decimals > 0 else base
    return _number_pattern(pattern).apply(fraction, locale)  # = babel's format_percent


def parse_iso_date(value: object) -> dt.date | None:
    """A date from a `date`, a `datetime` or an ISO "YYYY-MM-DD" string (as the services return them);
    None for anything else, so formatting never raises on odd data."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def fmt_date(value: dt.date | str | None, lang: str = "es") -> str:
    """A day in the locale's medium format: "1 dic 2025" (es) / "Dec 1, 2025" (en)."""
    day = parse_iso_date(value)
    if day is None:
        return MISSING
    return format_date(day, format="medium", locale=_locale(lang))


def fmt_month(value: dt.date | str | None, lang: str = "es", long: bool = False) -> str:
    """A month: "dic 2025" / "Dec 2025"; with `long`, "diciembre 2025" / "December 2025"."""
    day = parse_iso_date(value)
    if day is None:
        return MISSING
    return format_date(day, format="LLLL y" if long else "LLL y", locale=_locale(lang))


def fmt_datetime(value: dt.datetime | None, lang: str = "es", time_zone: str | None = None) -> str:
    """A moment in `time_zone` (an IANA name: the organization's), else the server's local time:
    "15 ene 2026, 2:05 p.m." / "Jan 15, 2026, 2:05 PM". A naive datetime is taken as UTC (SQLite returns
    server timestamps without a zone); an unknown zone name falls back to the server's time."""
    if not isinstance(value, dt.datetime):
        return MISSING
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    value = value.astimezone(_zone(time_zone))
    return f"{fmt_date(value.date(), lang)}, {format_time(value, format='short', locale=_locale(lang))}"


@lru_cache(maxsize=16)
def _zone(name: str | None) -> dt.tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
