"""CSV as Excel writes it: `;` with a decimal comma in Spanish locales, `,` with a decimal point in English
ones, tab for "Text (tab delimited)"; UTF-8, UTF-8 with BOM or cp1252 (Excel's "CSV" on Windows).

The file becomes one `Sheet` of strings named after the file, so the layouts read it like a worksheet.
The locale is sniffed once for the whole file: its separator (or Excel's `sep=;` first line), its decimal
mark and whether dates put the day first, each from evidence in the first rows.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path
from typing import Self

from mios_dashboard.importers.problems import ImportProblem
from mios_dashboard.importers.reader import Sheet
from mios_dashboard.importers.safety import Limits, refuse
from mios_dashboard.importers.values import decimal_evidence

SEPARATORS = (";", ",", "\t")
SNIFF_LINES = 50
EVIDENCE_ROWS = 2000
_SEP_LINE = re.compile(r"^\ufeff?sep=(.)\s*$", re.IGNORECASE)
_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b")
_NUMERIC = re.compile(r"\d[.,]\d")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else cp1252; anything else is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise refuse("unknown_encoding", file=name) from exc


def sniff_separator(lines: list[str]) -> str:
    """The candidate whose field count is the same on the most lines (and above one)."""
    best, best_score = ";", -1
    for separator in SEPARATORS:
        counts = [len(row) for row in csv.reader(lines, delimiter=separator) if row]
        if not counts:
            continue
        width, lines_with_width = Counter(counts).most_common(1)[0]
        score = lines_with_width if width > 1 else 0
        if score > best_score:
            best, best_score = separator, score
    return best


def sniff_locale(rows: list[list[str]], separator: str) -> tuple[str | None, bool]:
    """(decimal mark, day_first): unanimous evidence wins, else what the separator implies."""
    marks: Counter[str] = Counter()
    orders: Counter[bool] = Counter()
    for row in rows[:EVIDENCE_ROWS]:
        for field in row:
            if _NUMERIC.search(field) and (mark := decimal_evidence(field)):
                marks[mark] += 1
            if (m := _DATE.match(field)):
                first, second = int(m[1]), int(m[2])
                if first > 12 >= second:
                    orders[True] += 1
                elif second > 12 >= first:
                    orders[False] += 1
    default = {";": ",", ",": "."}.get(separator)
    decimal = next(iter(marks)) if len(marks) == 1 else default
    day_first = next(iter(orders)) if len(orders) == 1 else True
    return decimal, day_first


class CsvWorkbook:
    """One text file as a workbook of one sheet (the Workbook interface of reader.py)."""

    kind = "csv"

    def __init__(self, path: Path, sheet: Sheet, decimal: str | None, day_first: bool, encoding: str, separator: str):
        self.path = path
        self.sheet_names = [sheet.name]
        self._sheet = sheet
        self.decimal = decimal
        self.day_first = day_first
        self.encoding = encoding
        self.separator = separator
        self.notices: list[ImportProblem] = []

    def sheet(self, name: str) -> Sheet:
        return self._sheet

    def close(self) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_csv(path: Path, limits: Limits) -> CsvWorkbook:
    """Read and sniff the whole file (already known to be under the upload limit)."""
    text, encoding = decode(path.read_bytes(), path.name)
    lines = text.splitlines()
    separator = None
    if lines and (m := _SEP_LINE.match(lines[0])):
        separator, text = m[1], text.split("\n", 1)[1] if "\n" in text else ""
    if separator is None:
        separator = sniff_separator(lines[:SNIFF_LINES])
    rows: list[list[str]] = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
            cells += len(row)
            if cells > limits.max_cells:
                raise refuse("too_many_cells", limit=limits.max_cells)
            rows.append(row)
    except csv.Error as exc:
        raise refuse("unreadable_workbook", file=path.name, detail=str(exc)[:200]) from exc
    decimal, day_first = sniff_locale(rows, separator)
    sheet = Sheet(path.stem[:31] or "csv", rows)
    return CsvWorkbook(path, sheet, decimal, day_first, encoding, separator)
