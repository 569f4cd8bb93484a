"""The one funnel every exported cell goes through, plus the shared look (fills, fonts, number formats).

Formula injection: a text such as `=HYPERLINK(...)` or `+cmd|' /C calc'!A0` typed into an indicator name
would run when a colleague opens the exported workbook (and openpyxl itself stores any string starting with
`=` as a formula). `put()` therefore writes every text cell with `safe_text()`: a text starting with `=`,
`+`, `-`, `@`, tab or CR gets a leading apostrophe and is stored as plain text (OWASP's advice for CSV and
spreadsheet exports). Nothing in exporters/ assigns `cell.value` directly.
"""
from __future__ import annotations

import datetime as dt
import math
import re

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_TEXT = 32_767  # Excel's limit; longer text would be cut by Excel anyway

# The palette of assets/mios.css, so a printed workbook and the board read alike: (fill, text colour).
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "green": ("0A7D55", "FFFFFF"),
    "yellow": ("F0B323", "2B2100"),
    "red": ("C23A22", "FFFFFF"),
    "no_data": ("ECEEF0", "1D2733"),
    "stale": ("6B4AA8", "FFFFFF"),
}
SOFT_FILLS: dict[str, str] = {
    "green": "E3F4EC", "yellow": "FDF3DA", "red": "FBE7E3", "no_data": "F3F5F7", "stale": "EEE8F7",
}
BRAND, INK, MUTED = "17324D", "1D2733", "5A6572"



def argb(rgb: str) -> str:
    """Opaque ARGB for openpyxl (a bare RGB gets alpha 00, which some readers take as transparent)."""
    return "FF" + rgb


def first_sheet(wb: Workbook) -> Worksheet:
    """The worksheet a new `Workbook()` comes with (openpyxl types `active` as any sheet, or none)."""
    ws = wb.active
    if not isinstance(ws, Worksheet):
        raise TypeError(f"expected the new workbook's worksheet, got {type(ws).__name__}")
    return ws


HEADER_FONT = Font(bold=True, color=argb("FFFFFF"))
HEADER_FILL = PatternFill("solid", fgColor=argb(BRAND))
TITLE_FONT = Font(bold=True, size=14, color=argb(BRAND))
SUBTITLE_FONT = Font(italic=True, color=argb(MUTED))
BOLD = Font(bold=True, color=argb(INK))
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center")

PERCENT_FORMAT = "0.0%"
DATE_FORMAT = "yyyy-mm-dd"
# Dates in the reader's locale (Babel's short date of es_MX and en_US, with a four-digit year), for records
# people file and print rather than sort: 05/01/2026 (es), 1/5/2026 (en).
LOCALE_DATE_FORMATS = {"es": "dd/mm/yyyy", "en": "m/d/yyyy"}
LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_ROW_HEIGHT = 409.0  # Excel's limit
FRACTION_FORMAT = "0%"
# Units written before the number and units glued to it, as on the board (components/board/cards.py).
_PREFIX_UNITS = frozenset({"$", "US$", "MX$", "€"})
_GLUED_UNITS = frozenset({"%", "‰"})
_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")


def safe_text(text: str) -> str:
    """`text` made harmless for a spreadsheet: control characters Excel refuses removed, and a leading
    apostrophe when it starts like a formula (`=`, `+`, `-`, `@`, tab, CR)."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT - 1]
    return "'" + text if text.startswith(DANGEROUS_FIRST) else text


def _plain(value: object) -> object:
    """Cell-storable value: NaN and infinities become empty cells (missing is not zero)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def put(ws: Worksheet, row: int, col: int, value: object, *, number_format: str | None = None,
        font: Font | None = None, fill: PatternFill | None = None,
        alignment: Alignment | None = None) -> Cell | MergedCell:
    """Write one cell; text always through `safe_text` and stored as text, never as a formula."""
    cell = ws.cell(row=row, column=col)
    value = _plain(value)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"
    elif value is None or isinstance(value, (bool, int, float, dt.date, dt.datetime)):
        cell.value = value
    else:  # anything else (Decimal, enums…) is shown as its text, escaped like any text
        cell.value = safe_text(str(value))
        cell.data_type = "s"
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    return cell


def header_row(ws: Worksheet, row: int, labels: list[str]) -> None:
    """A dark header row (white bold text), wrapped so long Spanish labels stay readable."""
    for col, label in enumerate(labels, 1):
        put(ws, row, col, label, font=HEADER_FONT, fill=HEADER_FILL,
            alignment=Alignment(wrap_text=True, vertical="center"))


def status_cell(ws: Worksheet, row: int, col: int, status: str | None, word: str) -> Cell | MergedCell:
    """The traffic light as a cell: the status word on the board's colour (readable in grey too)."""
    fill, ink = STATUS_COLOURS.get(status or "no_data", STATUS_COLOURS["no_data"])
    return put(ws, row, col, word, font=Font(bold=True, color=argb(ink)),
               fill=PatternFill("solid", fgColor=argb(fill)), alignment=CENTER)


def soft_fill(status: str | None) -> PatternFill:
    return PatternFill("solid", fgColor=argb(SOFT_FILLS.get(status or "no_data", SOFT_FILLS["no_data"])))


def unit_format(unit: str | None, decimals: int | None) -> str:
    """Excel number format for an indicator: `#,##0.0"%"` (percent points, not Excel's ×100 percent),
    `"$"#,##0`, `#,##0" MXN"`; `decimals` as the indicator shows them (default 1)."""
    digits = decimals if isinstance(decimals, int) and 0 <= decimals <= 6 else 1
    base = "#,##0" + ("." + "0" * digits if digits else "")
    unit = (unit or "").strip().replace('"', "").replace("\\", "")
    if not unit:
        return base
    if unit in _PREFIX_UNITS:
        return f'"{unit}"{base}'
    if unit in _GLUED_UNITS:
        return f'{base}"{unit}"'
    return f'{base}" {unit}"'


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no `[]:*?/\\`, no edge apostrophes, at most 31 characters."""
    base = _SHEET_TITLE_BAD.sub(" ", name).strip().strip("'").strip() or "Hoja"
    base = base[:31]
    title, n = base, 2
    while title.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title)
    return title


def fit_columns(ws: Worksheet, first_row: int = 1, minimum: int = 6, maximum: int = 60,
                fixed: dict[int, int] | None = None) -> None:
    """Column widths from the longest text from `first_row` down (titles above it are allowed to spill)."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is not None:
                widths[cell.column] = max(widths.get(cell.column, 0), _shown_length(cell.value))
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(maximum, max(minimum, width + 2))
    for col, width in (fixed or {}).items():
        ws.column_dimensions[get_column_letter(col)].width = width


def _shown_length(value: object) -> int:
    """Roughly how many characters a value shows (numbers with thousands separators and a short unit)."""
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, (dt.date, dt.datetime)):
        return 10
    if isinstance(value, (int, float)):
        return len(f"{value:,.2f}") + 4
    return len(str(value))


def locale_date_format(lang: str) -> str:
    """The Excel number format of a day as `lang`'s readers write it (see LOCALE_DATE_FORMATS)."""
    return LOCALE_DATE_FORMATS.get(lang, LOCALE_DATE_FORMATS["es"])


def wrapped_height(text: str, width: float) -> float:
    """Row height (points) that shows `text` wrapped in a column `width` characters wide; Excel does not
    grow rows written by openpyxl (nor merged ones) by itself."""
    per_line = max(1, int(width * 1.1))
    lines = sum(max(1, math.ceil(len(line) / per_line)) for line in (text or "").splitlines() or [""])
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3)


def portrait(ws: Worksheet, title_rows: str | None = None) -> None:
    """Print on A4 portrait, one page wide, repeating the title rows on every page."""
    landscape(ws, title_rows)
    ws.page_setup.orientation = "portrait"


def landscape(ws: Worksheet, title_rows: str | None = None) -> None:
    """Print on A4 landscape, one page wide, repeating the header rows on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    setup = ws.sheet_properties.pageSetUpPr
    if setup is None:  # every new sheet has one; openpyxl allows none
        setup = ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    setup.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
