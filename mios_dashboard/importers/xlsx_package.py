"""The .xlsx/.xlsm container: which sheets exist and are visible, where their XML is, which cell styles are
percentages, and whether the file links to others or carries macros — all read here, before calamine.

Every part calamine will read (workbook, relationships, shared strings, styles, the visible sheets) is inflated
by safety.read_part, so a part that lies about its size or declares a DTD is refused first; every other XML
part gets the same prolog check on its first bytes. Trees are parsed only with defusedxml.
"""
from __future__ import annotations

import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

from mios_dashboard.importers.safety import PROLOG_SCAN_BYTES, Limits, check_zip, read_part, refuse, zip_entry_count
from mios_dashboard.importers.sheet_scan import ScanError, SheetScan, scan_sheet

XML_SUFFIXES = (".xml", ".rels", ".vml")
BUILTIN_PERCENT_FORMATS = frozenset({9, 10})
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


@dataclass
class SheetPart:
    name: str
    part: str
    visible: bool
    kind: str  # worksheet, chartsheet, dialogsheet, macrosheet
    scan: SheetScan | None = None


@dataclass
class Package:
    """What the importer knows about a workbook before calamine opens it."""

    sheets: list[SheetPart] = field(default_factory=list)
    external_links: int = 0
    has_macros: bool = False
    percent_styles: frozenset[int] = frozenset()

    @property
    def readable(self) -> list[SheetPart]:
        """Visible worksheets, in workbook order (hidden sheets and charts are never read)."""
        return [s for s in self.sheets if s.visible and s.kind == "worksheet"]


def inspect_package(path: Path, limits: Limits) -> Package:
    """Open the zip, check every declaration and every part calamine will read; refuse on the first problem."""
    entries = zip_entry_count(path)
    if entries is None:
        raise refuse("not_a_workbook", file=path.name)
    if entries > limits.max_zip_entries or entries == 0xFFFF:
        raise refuse("too_many_entries", limit=limits.max_zip_entries)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, struct.error, ValueError, EOFError,
            OverflowError, OSError) as exc:  # a damaged or hostile directory: ValueError covers decoding errors
        raise refuse("not_a_workbook", file=path.name) from exc
    with archive, open(path, "rb") as handle:
        infos = {info.filename: info for info in archive.infolist()}
        if len(infos) > limits.max_zip_entries:
            raise refuse("too_many_entries", limit=limits.max_zip_entries)
        _refuse_other_formats(path, infos, handle)
        check_zip(path, list(infos.values()), limits)
        return _read_package(path, infos, handle, limits)


def _refuse_other_formats(path: Path, infos: dict[str, zipfile.ZipInfo], handle: BinaryIO) -> None:
    if "mimetype" in infos:
        kind = read_part(handle, infos["mimetype"], limit=100)
        if b"opendocument" in kind:
            raise refuse("opendocument", file=path.name)
    if "xl/workbook.bin" in infos:
        raise refuse("binary_workbook", file=path.name)
    if "[Content_Types].xml" not in infos:
        raise refuse("not_a_workbook", file=path.name)


def _read_package(path: Path, infos: dict[str, zipfile.ZipInfo], handle: BinaryIO, limits: Limits) -> Package:
    package = Package()
    workbook_part = _office_document(infos, handle, limits) or "xl/workbook.xml"
    if workbook_part not in infos:
        raise refuse("not_a_workbook", file=path.name)
    workbook = _tree(infos, handle, workbook_part, limits)
    rels = _relationships(infos, handle, workbook_part, limits)
    read_in_full = {workbook_part, _rels_part(workbook_part)}
    for rel_type, target in rels.values():
        if rel_type in ("sharedStrings", "styles"):
            read_in_full.add(target)
            if rel_type == "styles" and target in infos:
                package.percent_styles = _percent_styles(_tree(infos, handle, target, limits))
        elif rel_type == "externalLink":
            package.external_links += 1
    package.has_macros = any(name.lower().endswith("vbaproject.bin") for name in infos)
    for declared in _elements(workbook, "sheet"):
        rel_id = next((v for k, v in declared.attrib.items() if k.endswith("}id")), None)
        rel_type, target = rels.get(rel_id, ("", "")) if rel_id is not None else ("", "")
        package.sheets.append(SheetPart(
            name=declared.get("name", ""), part=target, visible=declared.get("state", "visible") == "visible",
            kind=rel_type or "worksheet",
        ))
    budget = limits.max_cells
    for sheet in package.readable:
        info = infos.get(sheet.part)
        if info is None:
            continue  # calamine reports a missing part itself, as an unreadable workbook
        read_in_full.add(sheet.part)
        try:
            sheet.scan = scan_sheet(read_part(handle, info), package.percent_styles, budget=budget)
        except ScanError as exc:
            raise refuse("unreadable_workbook", file=path.name, detail=f"{sheet.name[:40]}: {exc}") from exc
        budget -= sheet.scan.grid
        if budget < 0:
            raise refuse("too_many_cells", limit=limits.max_cells)
    for name in read_in_full - {s.part for s in package.readable}:
        if name in infos:
            read_part(handle, infos[name])
    for name, info in infos.items():
        if name not in read_in_full and name.lower().endswith(XML_SUFFIXES):
            read_part(handle, info, limit=PROLOG_SCAN_BYTES)
    return package


def _elements(tree: Element, local: str) -> list[Element]:
    """Elements by local name, whatever the namespace (transitional or strict OOXML)."""
    return [e for e in tree.iter() if isinstance(e.tag, str) and (e.tag == local or e.tag.endswith("}" + local))]


def _tree(infos: dict[str, zipfile.ZipInfo], handle: BinaryIO, name: str, limits: Limits) -> Element:
    info = infos[name]
    if info.file_size > limits.max_xml_parse_bytes:
        raise refuse("damaged_part", entry=name[:80], detail="too large")
    data = read_part(handle, info)
    from defusedxml import ElementTree as DefusedET  # imported here: the package loads without it, and
    from defusedxml.common import DefusedXmlException  # verify_defusedxml() says it is missing at start-up

    try:
        return DefusedET.fromstring(data)
    except DefusedXmlException as exc:
        raise refuse("xml_dtd", entry=name[:80]) from exc
    except (ParseError, ValueError, LookupError) as exc:  # a damaged part (bad or unknown encodings, stray bytes)
        raise refuse("damaged_part", entry=name[:80], detail=str(exc)[:120]) from exc


def _rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _office_document(infos: dict[str, zipfile.ZipInfo], handle: BinaryIO, limits: Limits) -> str | None:
    if "_rels/.rels" not in infos:
        return None
    for rel in _elements(_tree(infos, handle, "_rels/.rels", limits), "Relationship"):
        if rel.get("Type", "").endswith("/officeDocument"):
            return _resolve("", rel.get("Target", ""))
    return None


def _relationships(
    infos: dict[str, zipfile.ZipInfo], handle: BinaryIO, source: str, limits: Limits
) -> dict[str, tuple[str, str]]:
    """rId → (relationship type's last word, target part) of one part."""
    name = _rels_part(source)
    if name not in infos:
        return {}
    found = {}
    for rel in _elements(_tree(infos, handle, name, limits), "Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        external = rel.get("TargetMode", "") == "External"
        found[rel.get("Id", "")] = (kind, target if external else _resolve(posixpath.dirname(source), target))
    return found


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _percent_styles(styles: Element) -> frozenset[int]:
    """Indexes of cell formats (the `s` of a cell) whose number format shows a percentage."""
    custom = {}
    for fmt in _elements(styles, "numFmt"):
        try:
            custom[int(fmt.get("numFmtId", "-1"))] = fmt.get("formatCode", "")
        except ValueError:
            continue
    percent_ids = set(BUILTIN_PERCENT_FORMATS) | {i for i, code in custom.items() if is_percent_format(code)}
    found = set()
    cell_xfs = _elements(styles, "cellXfs")
    if not cell_xfs:
        return frozenset()
    for index, xf in enumerate(_elements(cell_xfs[0], "xf")):
        try:
            if int(xf.get("numFmtId", "0")) in percent_ids:
                found.add(index)
        except ValueError:
            continue
    return frozenset(found)


def is_percent_format(code: str) -> bool:
    """A number format code that multiplies by 100 (a `%` outside quotes, escapes and [brackets])."""
    first_section = code.split(";", 1)[0]
    return "%" in _QUOTED.sub("", first_section)
