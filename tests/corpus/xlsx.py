"""A small .xlsx writer that produces the XML Excel itself writes (shared strings, styles, cached formula
values, merged cells, hidden sheets, external links), fast enough for 100,000-row benchmark workbooks and
precise enough to build hostile files part by part. openpyxl cannot write cached formula results, and is
10× slower for large files; the tests that want openpyxl's own output use openpyxl directly.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

EXCEL_EPOCH = dt.date(1899, 12, 30)
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
STYLE = {None: 0, "date": 1, "month": 2, "percent": 3, "percent1": 4, "datetime": 5, "text": 6}


@dataclass(frozen=True)
class Formula:
    """A formula cell; `cached` is the result Excel saved with it (None: never calculated)."""

    formula: str
    cached: object = None


@dataclass(frozen=True)
class Styled:
    """A value with a number format: "date", "month" (mmm-yy), "percent" (0%), "percent1" (0.0%), "text"."""

    value: object
    style: str


@dataclass(frozen=True)
class RawCell:
    """Cell XML written as given (for hostile cells)."""

    xml: str


@dataclass
class SheetSpec:
    name: str
    rows: list[list] = field(default_factory=list)
    state: str = "visible"  # visible, hidden, veryHidden
    merged: list[str] = field(default_factory=list)  # "B2:M2"
    dimension: str | None = None  # written as given; None: computed
    raw_xml: str | None = None  # the whole worksheet part, for hostile sheets


def column_letters(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class _Strings:
    def __init__(self):
        self.index: dict[str, int] = {}

    def add(self, text: str) -> int:
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in self.index)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN_NS}" '
                f'count="{len(self.index)}" uniqueCount="{len(self.index)}">{items}</sst>')


def _cell(ref: str, value, strings: _Strings) -> str:
    style = 0
    if isinstance(value, Styled):
        style, value = STYLE[value.style], value.value
    s = f' s="{style}"' if style else ""
    if isinstance(value, RawCell):
        return value.xml
    if isinstance(value, Formula):
        cached = value.cached
        if cached is None:
            return f'<c r="{ref}"{s}><f>{escape(value.formula)}</f></c>'
        if isinstance(cached, str):
            return f'<c r="{ref}"{s} t="str"><f>{escape(value.formula)}</f><v>{escape(cached)}</v></c>'
        return f'<c r="{ref}"{s}><f>{escape(value.formula)}</f><v>{cached!r}</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.datetime):
        serial = (value - dt.datetime(1899, 12, 30)).total_seconds() / 86400
        return f'<c r="{ref}" s="{style or STYLE["datetime"]}"><v>{serial!r}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{style or STYLE["date"]}"><v>{(value - EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    return f'<c r="{ref}"{s} t="s"><v>{strings.add(str(value))}</v></c>'


def sheet_xml(spec: SheetSpec, strings: _Strings) -> str:
    if spec.raw_xml is not None:
        return spec.raw_xml
    parts = []
    width = 0
    for r, row in enumerate(spec.rows):
        cells = "".join(_cell(f"{column_letters(c)}{r + 1}", v, strings) for c, v in enumerate(row) if v is not None)
        width = max(width, len(row))
        if cells:
            parts.append(f'<row r="{r + 1}">{cells}</row>')
    dimension = spec.dimension or f"A1:{column_letters(max(width, 1) - 1)}{max(len(spec.rows), 1)}"
    merged = ""
    if spec.merged:
        merged = f'<mergeCells count="{len(spec.merged)}">' + "".join(
            f'<mergeCell ref="{m}"/>' for m in spec.merged) + "</mergeCells>"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN_NS}" '
            f'xmlns:r="{REL_NS}"><dimension ref="{dimension}"/><sheetData>{"".join(parts)}</sheetData>{merged}'
            '</worksheet>')


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN_NS}"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="mmm-yy"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""


def write_xlsx(path: Path, sheets: list[SheetSpec], *, external_link: bool = False, macros: bool = False,
               extra_parts: dict[str, bytes | str] | None = None, replace_parts: dict[str, bytes | str] | None = None,
               compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write the workbook; `extra_parts` adds zip entries, `replace_parts` swaps a generated part's content."""
    strings = _Strings()
    parts: dict[str, bytes | str] = {}
    overrides = ['<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'spreadsheetml.sheet.main+xml"/>']
    rels = []
    sheet_entries = []
    for index, spec in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{index}.xml"] = sheet_xml(spec, strings)
        overrides.append(f'<Override PartName="/xl/worksheets/sheet{index}.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        rels.append(f'<Relationship Id="rId{index}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{index}.xml"/>')
        state = "" if spec.state == "visible" else f' state="{spec.state}"'
        sheet_entries.append(f'<sheet name="{escape(spec.name, {chr(34): "&quot;"})}" sheetId="{index}"{state} '
                             f'r:id="rId{index}"/>')
    n = len(sheets)
    rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL_NS}/styles" Target="styles.xml"/>')
    rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>')
    external = ""
    if external_link:
        rels.append(f'<Relationship Id="rId{n + 3}" Type="{REL_NS}/externalLink" Target="externalLinks/externalLink1.xml"/>')
        external = f'<externalReferences><externalReference r:id="rId{n + 3}"/></externalReferences>'
        parts["xl/externalLinks/externalLink1.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="{MAIN_NS}" '
            f'xmlns:r="{REL_NS}"><externalBook r:id="rId1"><sheetNames><sheetName val="Ventas"/></sheetNames>'
            '</externalBook></externalLink>')
        parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/externalLinkPath" Target="file:///C:/finanzas/ventas.xlsx" '
            'TargetMode="External"/></Relationships>')
    if macros:
        parts["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f'<sheets>{"".join(sheet_entries)}</sheets>{external}</workbook>')
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
        f'{"".join(rels)}</Relationships>')
    overrides.append('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.spreadsheetml.styles+xml"/>')
    overrides.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.spreadsheetml.sharedStrings+xml"/>')
    parts["xl/styles.xml"] = STYLES
    parts["xl/sharedStrings.xml"] = strings.xml()
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'{"".join(overrides)}</Types>')
    parts["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    parts.update(replace_parts or {})
    parts.update(extra_parts or {})
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name in order + sorted(set(parts) - set(order)):
            archive.writestr(name, parts[name])
    return path
