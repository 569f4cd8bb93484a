"""One pass over a worksheet's XML before calamine reads it: how big its grid will be, and which cells are
formatted as percentages.

calamine builds a sheet as a dense grid from A1 to the farthest cell that holds a value, so the farthest
cell, not the number of cells, is what costs memory; a false `<dimension>` tag is never read here (calamine
ignores it too). Cells carry their position in `r="C7"`; a cell without one follows the previous cell, a
row without one follows the previous row (as calamine places them).

Two paths with the same result: a fast one of C-level counts and regular expressions for the XML that Excel,
LibreOffice and openpyxl write (every cell's first attribute is `r="…"`, no namespace prefixes), and a general
tag walker for anything else. Tests check that both agree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLS = 16_384

_LAST_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_FAST_LETTERS = re.compile(rb'<c r="([A-Z]{1,3})[0-9]{1,7}"')
_FAST_DIGITS = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(\s[^>]*?)?(/?)>")
_ATTR_R = re.compile(rb"""(?:^|\s)r\s*=\s*(["'])(.*?)\1""", re.DOTALL)
_ATTR_S = re.compile(rb"""(?:^|\s)s\s*=\s*(["'])\s*(\d+)\s*\1""")
_REF = re.compile(rb"^\s*([A-Za-z]{1,3})([0-9]{1,7})\s*$")
_ROW_NUMBER = re.compile(rb"^\s*([0-9]{1,7})\s*$")


class ScanError(ValueError):
    """The sheet XML has a position no spreadsheet can hold (the reader refuses the file)."""


@dataclass
class SheetScan:
    """What a worksheet will cost and where its percent-formatted cells are (0-based rows and columns)."""

    rows: int = 0  # height of the grid calamine builds from A1 (0 when the sheet holds no value)
    cols: int = 0
    cells: int = 0  # cells that hold a value (the fast path may count empty styled ones too)
    percent: set[tuple[int, int]] = field(default_factory=set)

    @property
    def grid(self) -> int:
        return self.rows * self.cols


def column_number(letters: bytes) -> int:
    """b"A" → 1, b"XFD" → 16384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def scan_sheet(data: bytes, percent_styles: frozenset[int] = frozenset(), budget: int | None = None) -> SheetScan:
    """Grid size, value-cell count and percent cells of one worksheet part.

    The fast path bounds the grid by every cell, empty `<c …/>` ones included; only when that bound exceeds
    `budget` are the empty ones left out exactly (calamine does not place them), by the slower walk.
    """
    body = _sheet_data(data)
    cells = body.count(b'<c r="') if body is not None else -1
    if body is not None and body.count(b"<c") == cells and b":c" not in body:
        scan = _fast(body, cells, percent_styles)
        if scan is not None and (budget is None or scan.grid <= budget or b"/>" not in body):
            return scan  # within budget, or exact (no empty `<c …/>` to leave out): the walk would agree
    return _walk(data, percent_styles)


def _sheet_data(data: bytes) -> bytes | None:
    """The `<sheetData>` element, where every cell is (None when it is missing or prefixed: walk instead)."""
    start = data.find(b"<sheetData")
    if start < 0:
        return b"" if b"sheetData" not in data else None
    end = data.rfind(b"</sheetData>")
    return data[start:] if end < start else data[start:end]


def _fast(body: bytes, cells: int, percent_styles: frozenset[int]) -> SheetScan | None:
    """An upper bound of the grid from every cell reference; None when a reference is not plain.

    Only for a body where every cell tag is `<c r="…` exactly (counted by the caller: inside sheetData every
    `<c` must be a plain cell — anything else, such as `<color` in rich text, sends the sheet to the walk — and
    no `:c` may start a prefixed cell the patterns would miss). Cells come in order, so the last one usually
    is the farthest: one search for any reference beyond it confirms that, else every reference is read.
    """
    scan = SheetScan()
    if not cells:
        return scan
    last = _LAST_REF.match(body, body.rfind(b'<c r="'))
    if last is None:
        return None
    scan.rows, scan.cols = int(last.group(2)), column_number(last.group(1))
    if _beyond(scan.rows, last.group(1)).search(body) is not None:
        letters = _FAST_LETTERS.findall(body)
        digits = _FAST_DIGITS.findall(body)
        if len(letters) != cells or len(digits) != cells:
            return None  # a reference the patterns cannot read (lower case, more than 3 letters…)
        scan.cols = max(column_number(x) for x in set(letters))
        longest = max(map(len, digits))
        scan.rows = max(int(d) for d in digits if len(d) == longest)
    scan.cells = cells  # empty ones included: an upper bound too
    used = frozenset(i for i in percent_styles if b' s="%d"' % i in body)
    if used:
        scan.percent = _fast_percent(body, used)
    _check_bounds(scan)
    return scan


def _beyond(row: int, letters: bytes) -> re.Pattern:
    """A pattern for any cell reference past `row` or past column `letters` (or not plain at all)."""
    digits = str(row)
    rows = [rf"[0-9]{{{len(digits) + 1},}}"]
    rows += [digits[:i] + f"[{int(d) + 1}-9]" + "[0-9]" * (len(digits) - i - 1)
             for i, d in enumerate(digits) if d != "9"]
    text = letters.decode()
    cols = [rf"[A-Z]{{{len(text) + 1},}}"]
    cols += [text[:i] + f"[{chr(ord(c) + 1)}-Z]" + "[A-Z]" * (len(text) - i - 1)
             for i, c in enumerate(text) if c != "Z"]
    return re.compile(rb'<c r="(?:(?:' + "|".join(cols).encode() + rb')[0-9]|[A-Z]{1,3}(?:'
                      + "|".join(rows).encode() + rb')"|(?![A-Z]{1,3}[0-9]{1,7}"))')


def _fast_percent(data: bytes, percent_styles: frozenset[int]) -> set[tuple[int, int]]:
    ids = b"|".join(str(i).encode() for i in sorted(percent_styles))
    pattern = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"(?=[^>]*?\ss="(?:' + ids + rb')")[^>]*?(/?)>')
    return {(int(d) - 1, column_number(x) - 1) for x, d, closed in pattern.findall(data) if not closed}


def _walk(data: bytes, percent_styles: frozenset[int]) -> SheetScan:
    """Every row and cell tag in order, placed as calamine places them."""
    scan = SheetScan()
    row, col = -1, -1
    max_row, max_col = -1, -1
    for match in _TAG.finditer(data):
        name, attrs, closed = match.group(1), match.group(2) or b"", match.group(3)
        ref = _ATTR_R.search(attrs)
        if name == b"row":
            if ref is not None:
                number = _ROW_NUMBER.match(ref.group(2))
                if number is None:
                    raise ScanError(f"row reference {ref.group(2)[:20]!r}")
                row = int(number.group(1)) - 1
            else:
                row += 1
            col = -1
            continue
        if ref is not None:
            parts = _REF.match(ref.group(2))
            if parts is None:
                raise ScanError(f"cell reference {ref.group(2)[:20]!r}")
            cell_row, col = int(parts.group(2)) - 1, column_number(parts.group(1)) - 1
        else:
            cell_row, col = max(row, 0), col + 1
        if closed:  # <c …/> holds no value: calamine leaves it out of the grid
            continue
        scan.cells += 1
        max_row, max_col = max(max_row, cell_row), max(max_col, col)
        if percent_styles:
            style = _ATTR_S.search(attrs)
            if style is not None and int(style.group(2)) in percent_styles:
                scan.percent.add((cell_row, col))
    scan.rows, scan.cols = max_row + 1, max_col + 1
    _check_bounds(scan)
    return scan


def _check_bounds(scan: SheetScan) -> None:
    if scan.rows > EXCEL_MAX_ROWS or scan.cols > EXCEL_MAX_COLS:
        raise ScanError(f"cell beyond {EXCEL_MAX_ROWS} rows or {EXCEL_MAX_COLS} columns")
