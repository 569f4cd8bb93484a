"""Text helpers every reader shares: the matching key of a header or name, short displays for messages, the
"no measurement" markers, and the error a cell reader raises."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Text that means "no measurement here" rather than zero (docs/import-formats.md#numbers-and-percent-cells).
NO_VALUE_MARKERS = frozenset({
    "-", "--", "–", "—", "n/d", "nd", "n.d", "n/a", "na", "n.a", "s/d", "sd", "s.d", "#n/a", "#n/d", "#n/d!",
    "sin dato", "sin datos", "no aplica", "no disponible", "not available",
})
_SPACES = re.compile(r"[\s_]+")
# What our exports put an apostrophe in front of (exporters/cells.py DANGEROUS_FIRST, formula injection): the
# apostrophe is taken off again on the way in, so an exported text re-imports as it was written.
FORMULA_FIRST = ("=", "+", "-", "@", "\t", "\r")


def unescape_formula(text: str) -> str:
    """`'=SUM(A1)` → `=SUM(A1)`, `'-5` → `-5`: undo the export's formula-injection escape (a plain leading
    apostrophe before anything else is kept, it is part of the text)."""
    if text[:1] == "'" and text[1:2] and text[1] in FORMULA_FIRST:
        return text[1:]
    return text


class ValueProblem(ValueError):
    """A cell could not be read; `code` is an importers.problems catalogue key."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code = code
        self.params = params


def normalize(text: object) -> str:
    """Key for matching headers and names: case, accents, punctuation at the ends and spacing ignored."""
    text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SPACES.sub(" ", text.casefold()).strip(" :*.")


def display(value: object) -> str:
    """A cell value as a short string for messages."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        value = value.date()
    return str(value).strip()[:80]


def is_blank(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not value.strip())


def is_no_value(value: object) -> bool:
    if value is None or value == "":
        return True
    if isinstance(value, str):
        stripped = value.strip()
        return not stripped or stripped.casefold().rstrip(".") in NO_VALUE_MARKERS
    return False


def parse_text(value: object) -> str:
    """Text cells as written; numbers that Excel stored as floats come back without a trailing ".0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return unescape_formula(str(value).strip())
