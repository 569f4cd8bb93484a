"""Hostile and broken files, each built part by part, with the refusal it must get (or None: read safely)."""
from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .xlsx import MAIN_NS, SheetSpec, write_xlsx

GOOD_ROWS = [["Código", "Periodo", "Valor"], ["VEN-01", "2025-01", 10]]


@dataclass(frozen=True)
class Hostile:
    name: str
    build: Callable[[Path], Path]
    refusal: str | None  # the problem code; None when the file must be read (safely) instead


def _sheet(body: str, dimension: str = "A1") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN_NS}">'
            f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>')


def not_a_zip(folder: Path) -> Path:
    path = folder / "texto.xlsx"
    path.write_text("Código;Periodo;Valor\nVEN-01;2025-01;10\n", encoding="utf-8")
    return path


def old_xls(folder: Path) -> Path:
    path = folder / "antiguo.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4088)
    return path


def bomb(folder: Path, megabytes: int = 150) -> Path:
    path = folder / "bomba.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            for _ in range(megabytes):
                entry.write(b" " * (1024 * 1024))
    return path


def ratio_bomb(folder: Path) -> Path:
    """Under the total limit, but one part inflates 1,000 times."""
    sheet = _sheet("") + " " * (20 * 1024 * 1024)
    return write_xlsx(folder / "ratio.xlsx", [SheetSpec("Mediciones", raw_xml=sheet)])


def lying_size(folder: Path) -> Path:
    """The central directory says the sheet inflates to 200 bytes; it inflates to 5 MB (calamine would
    trust the stream, not the declaration)."""
    path = write_xlsx(folder / "miente.xlsx", [SheetSpec("Mediciones", raw_xml=_sheet("") + " " * (5 * 1024 * 1024))])
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = data.find(b"PK\x01\x02" + b"")
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_length] == name:
            struct.pack_into("<I", data, at + 24, 200)  # uncompressed size
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def billion_laughs(folder: Path) -> Path:
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    strings = (f'<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY l0 "ja">{entities}]>'
               f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&l9;</t></si></sst>')
    return write_xlsx(folder / "risas.xlsx", [SheetSpec("Mediciones", GOOD_ROWS)],
                      replace_parts={"xl/sharedStrings.xml": strings})


def laughs_in_unread_part(folder: Path) -> Path:
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              '<r>&b;</r>')
    return write_xlsx(folder / "risas-docprops.xlsx", [SheetSpec("Mediciones", GOOD_ROWS)],
                      extra_parts={"docProps/core.xml": laughs})


def false_dimension(folder: Path) -> Path:
    """A `<dimension>` claiming the whole sheet around two real cells: read as the two cells it holds."""
    body = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Código</t></is></c><c r="B1" t="inlineStr"><is><t>Periodo</t>'
            '</is></c><c r="C1" t="inlineStr"><is><t>Valor</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is>'
            '<t>VEN-01</t></is></c><c r="B2" t="inlineStr"><is><t>2025-01</t></is></c><c r="C2"><v>10</v></c></row>')
    return write_xlsx(folder / "dimension.xlsx", [SheetSpec("Mediciones", raw_xml=_sheet(body, "A1:XFD1048576"))])


def far_cell(folder: Path) -> Path:
    """Two cells, one at XFD1048576: calamine alone would try to build a 17-billion-cell grid."""
    body = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
    return write_xlsx(folder / "lejana.xlsx", [SheetSpec("Mediciones", raw_xml=_sheet(body))])


def far_cell_hidden_form(folder: Path) -> Path:
    """The far cell written the way the fast scan does not read (prefix, single quotes, lower case)."""
    body = ("<x:row r='1'><x:c r = 'a1'><x:v>1</x:v></x:c></x:row>"
            "<x:row r='1048576'><x:c r='xfd1048576'><x:v>2</x:v></x:c></x:row>")
    sheet = (f'<?xml version="1.0"?>\n<x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData>{body}</x:sheetData>'
             '</x:worksheet>')
    return write_xlsx(folder / "lejana-oculta.xlsx", [SheetSpec("Mediciones", raw_xml=sheet)])


def too_many_cells(folder: Path) -> Path:
    """1,000,100 real cells (well compressed): over the million-cell limit."""
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{col}{r}"><v>1</v></c>' for col in "ABCDEFGHIJ") + "</row>"
                   for r in range(1, 100_011))
    return write_xlsx(folder / "celdas.xlsx", [SheetSpec("Mediciones", raw_xml=_sheet(rows))])


def external_link(folder: Path) -> Path:
    """A link to another workbook: never opened; the cached values are read and the user is told."""
    return write_xlsx(folder / "vinculos.xlsx", [SheetSpec("Mediciones", GOOD_ROWS)], external_link=True)


def macros(folder: Path) -> Path:
    path = write_xlsx(folder / "macros.xlsx", [SheetSpec("Mediciones", GOOD_ROWS)], macros=True)
    return path.rename(folder / "macros.xlsm")


def not_a_workbook_zip(folder: Path) -> Path:
    path = folder / "fotos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("foto.txt", "hola")
    return path


def opendocument(folder: Path) -> Path:
    path = folder / "hoja.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def truncated(folder: Path) -> Path:
    good = write_xlsx(folder / "bueno.xlsx", [SheetSpec("Mediciones", GOOD_ROWS)])
    path = folder / "cortado.xlsx"
    path.write_bytes(good.read_bytes()[:700])
    return path


def damaged_stream(folder: Path) -> Path:
    """A sheet entry whose deflate stream is garbage (the CRC cannot match)."""
    path = write_xlsx(folder / "danado.xlsx", [SheetSpec("Mediciones", GOOD_ROWS)])
    data = bytearray(path.read_bytes())
    at = data.find(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml")
    for offset in range(at + 4, at + 40):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def many_entries(folder: Path) -> Path:
    path = write_xlsx(folder / "partes.xlsx", [SheetSpec("Mediciones", GOOD_ROWS)],
                      extra_parts={f"xl/media/image{i}.png": b"" for i in range(10_050)}, compression=zipfile.ZIP_STORED)
    return path


def encrypted_entry(folder: Path) -> Path:
    path = write_xlsx(folder / "cifrado.xlsx", [SheetSpec("Mediciones", GOOD_ROWS)])
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        flags = struct.unpack_from("<H", data, at + 8)[0]
        struct.pack_into("<H", data, at + 8, flags | 1)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def huge_upload(folder: Path) -> Path:
    path = folder / "enorme.csv"
    with open(path, "wb") as handle:
        handle.write(b"Codigo;Periodo;Valor\n")
        handle.write((b"VEN-01;2025-01;10\n" * 1_200_000)[: 21 * 1024 * 1024])
    return path


def crc_of(data: bytes) -> int:
    return zlib.crc32(data)


CASES = (
    Hostile("not a zip", not_a_zip, "not_a_workbook"),
    Hostile("an old .xls renamed", old_xls, "old_excel_format"),
    Hostile("a decompression bomb", bomb, "workbook_too_large"),
    Hostile("one part compressed 1,000 times", ratio_bomb, "compression_ratio"),
    Hostile("a part larger than it declares", lying_size, "lying_zip_entry"),
    Hostile("billion laughs in shared strings", billion_laughs, "xml_dtd"),
    Hostile("billion laughs in a part nobody reads", laughs_in_unread_part, "xml_dtd"),
    Hostile("a false huge dimension tag", false_dimension, None),
    Hostile("a cell at XFD1048576", far_cell, "too_many_cells"),
    Hostile("a far cell in a form the fast scan skips", far_cell_hidden_form, "too_many_cells"),
    Hostile("over a million cells", too_many_cells, "too_many_cells"),
    Hostile("an external link", external_link, None),
    Hostile("macros", macros, None),
    Hostile("a zip that is not a workbook", not_a_workbook_zip, "not_a_workbook"),
    Hostile("an OpenDocument spreadsheet", opendocument, "opendocument"),
    Hostile("a truncated workbook", truncated, "not_a_workbook"),
    Hostile("a damaged deflate stream", damaged_stream, "damaged_part"),
    Hostile("too many zip entries", many_entries, "too_many_entries"),
    Hostile("encrypted zip entries", encrypted_entry, "encrypted_workbook"),
    Hostile("an upload over 20 MB", huge_upload, "file_too_large"),
)
