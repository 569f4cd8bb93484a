"""Cheap checks that refuse hostile files before any parser sees them (docs/import-formats.md#hostile-files).

Measured facts behind the design (bench/README.md, "Import"):
- python-calamine trusts a zip entry's stream, not its declared size, and allocates a sheet as one dense
  grid from A1 to the farthest cell: two cells at A1 and XFD1048576 (a 1.6 kB file) make it ask for 512 GB
  and abort the whole process. So every part calamine will read is inflated here first, bounded by its
  declared size, and each sheet's farthest cell is found (sheet_scan) before calamine is called.
- openpyxl and our own XML reads are safe against entity expansion only with defusedxml installed;
  `verify_defusedxml` proves it at start-up, and DTDs are refused in every XML part anyway (OOXML has none).
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from mios_dashboard.errors import Invalid
from mios_dashboard.importers.problems import ImportProblem

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls, and password-protected .xlsx
EOCD_SIGNATURE = b"PK\x05\x06"
LOCAL_HEADER = struct.Struct("<4s5H3I2H")  # signature … name length, extra length (30 bytes)
PROLOG_SCAN_BYTES = 64 * 1024
MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile or absurd file from eating memory or time (docs/import-formats.md#hostile-files)."""

    max_upload_bytes: int = 20 * MIB
    max_uncompressed_bytes: int = 100 * MIB
    max_compression_ratio: int = 100
    ratio_checked_above_bytes: int = MIB  # tiny XML parts compress well and are harmless
    max_zip_entries: int = 10_000
    max_cells: int = 1_000_000
    max_xml_parse_bytes: int = 16 * MIB  # workbook.xml, relationships and styles are parsed as trees


DEFAULT_LIMITS = Limits()


UNREADABLE = "import.unreadable_file"


def refuse(code: str, **params: object) -> Invalid:
    """The file cannot be read as a workbook at all: an `errors.Invalid` carrying the one ImportProblem to
    report (`problems[0]`, with its code, sheet and parameters), for the caller to raise."""
    return Invalid(UNREADABLE, problems=[ImportProblem(code=code, params=params)])


class SafetyError(RuntimeError):
    """The XML protections the importer relies on are missing; the app must not start."""


def verify_defusedxml() -> str:
    """Prove that defusedxml is installed and refuses entity declarations; returns its version.

    Call at start-up (create_app, the command line). openpyxl only protects itself when defusedxml was
    importable when openpyxl was first imported, so that is checked too when openpyxl is loaded.
    """
    try:
        import defusedxml
        from defusedxml import ElementTree as DefusedET
        from defusedxml.common import DefusedXmlException
    except ImportError as exc:  # pragma: no cover - exercised by hiding the module in a test
        raise SafetyError("defusedxml is not installed: pip install defusedxml") from exc
    laughs = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "ha"><!ENTITY b "&a;&a;">]><l>&b;</l>'
    try:
        DefusedET.fromstring(laughs)
    except DefusedXmlException:
        pass
    else:
        raise SafetyError("defusedxml is installed but expanded an entity declaration")
    import sys

    openpyxl_xml = sys.modules.get("openpyxl.xml")
    if openpyxl_xml is not None and not getattr(openpyxl_xml, "DEFUSEDXML", False):
        raise SafetyError("openpyxl was imported without defusedxml; install defusedxml and restart")
    return getattr(defusedxml, "__version__", "unknown")


# --- what kind of file ----------------------------------------------------------------------------------------
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})


def sniff_kind(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """"xlsx" or "csv" from the first bytes (the name only decides between a text file and a refusal)."""
    size = path.stat().st_size
    if size > limits.max_upload_bytes:
        raise refuse("file_too_large", limit_mb=limits.max_upload_bytes // MIB)
    with open(path, "rb") as handle:
        head = handle.read(8192)
    if head.startswith(OLE2_MAGIC):
        raise refuse("old_excel_format", file=path.name)
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return "xlsx"
    if path.suffix.lower() in TEXT_SUFFIXES and _looks_like_text(head):
        return "csv"
    if path.suffix.lower() in TEXT_SUFFIXES:
        raise refuse("not_a_text_file", file=path.name)
    raise refuse("not_a_workbook", file=path.name)


def _looks_like_text(head: bytes) -> bool:
    if b"\0" in head:
        return False
    for encoding in ("utf-8", "cp1252"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if encoding == "utf-8" and exc.start >= len(head) - 3:  # a character cut at the 8 kB edge
                return True
    return False


# --- zip container ---------------------------------------------------------------------------------------------
def zip_entry_count(path: Path) -> int | None:
    """Entries announced by the end-of-central-directory record, read before zipfile builds its index."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 65557))
        tail = handle.read()
    at = tail.rfind(EOCD_SIGNATURE)
    if at < 0 or at + 22 > len(tail):
        return None
    entries = struct.unpack_from("<H", tail, at + 10)[0]
    return entries


def check_zip(path: Path, infos: Sequence[zipfile.ZipInfo], limits: Limits = DEFAULT_LIMITS) -> None:
    """Sizes and ratios as the central directory declares them (read_part enforces the declarations)."""
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise refuse("encrypted_workbook", file=path.name)
        if info.compress_type not in (0, 8):  # stored, deflated: all Excel writes
            raise refuse("unreadable_workbook", file=path.name, detail=f"compression {info.compress_type}")
        total += info.file_size
    if total > limits.max_uncompressed_bytes:
        raise refuse("workbook_too_large", limit_mb=limits.max_uncompressed_bytes // MIB)
    for info in infos:
        if info.file_size > limits.ratio_checked_above_bytes and (
            info.file_size > limits.max_compression_ratio * max(info.compress_size, 1)
        ):
            raise refuse("compression_ratio", entry=info.filename[:80], limit=limits.max_compression_ratio)


def read_part(handle: BinaryIO, info: zipfile.ZipInfo, limit: int | None = None) -> bytes:
    """Inflate one entry from its raw bytes, never past its declared size; refuse a DTD in its prolog.

    zipfile's own reader stops at the declared size and checks the CRC of what it returned, so an entry that
    inflates past its declaration would pass there but not in calamine; here one byte too many is a refusal.
    `limit` reads only the first bytes (for the prolog check of parts nobody parses).
    """
    handle.seek(info.header_offset)
    header = handle.read(LOCAL_HEADER.size)
    if len(header) < LOCAL_HEADER.size or header[:4] != ZIP_MAGIC:
        raise refuse("damaged_part", entry=info.filename[:80], detail="local header")
    name_length, extra_length = struct.unpack_from("<2H", header, 26)
    handle.seek(info.header_offset + LOCAL_HEADER.size + name_length + extra_length)
    wanted = info.file_size if limit is None else min(limit, info.file_size)
    if info.compress_type == 0:
        data = handle.read(min(info.compress_size, wanted))
        if limit is None and (info.compress_size != info.file_size or len(data) != info.file_size):
            raise refuse("lying_zip_entry", entry=info.filename[:80])
    else:
        data = _inflate(handle, info, wanted, limit is None)
    if limit is None and zlib.crc32(data) != info.CRC:
        raise refuse("lying_zip_entry", entry=info.filename[:80])
    check_prolog(data, info.filename)
    return data


def _inflate(handle: BinaryIO, info: zipfile.ZipInfo, wanted: int, whole: bool) -> bytes:
    inflater = zlib.decompressobj(-15)
    chunks: list[bytes] = []
    produced = 0
    left = info.compress_size
    try:
        while left > 0 and produced <= wanted:
            raw = handle.read(min(left, MIB))
            if not raw:
                break
            left -= len(raw)
            piece = inflater.decompress(raw, wanted + 1 - produced)
            while True:
                produced += len(piece)
                chunks.append(piece)
                if produced > wanted or not inflater.unconsumed_tail:
                    break
                piece = inflater.decompress(inflater.unconsumed_tail, wanted + 1 - produced)
    except zlib.error as exc:
        raise refuse("damaged_part", entry=info.filename[:80], detail=str(exc)[:120]) from exc
    data = b"".join(chunks)
    if whole and (len(data) != info.file_size or not inflater.eof):
        raise refuse("lying_zip_entry", entry=info.filename[:80])
    return data[:wanted]


def check_prolog(data: bytes, part: str) -> None:
    """Refuse a DOCTYPE or ENTITY before the root element: OOXML never has one, billion laughs always does."""
    head = data[:PROLOG_SCAN_BYTES]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1:2] == b"\0" or head[:1] == b"\0":
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")  # UTF-16 XML
    root = _first_element(head)
    prolog = (head if root < 0 else head[:root]).upper()
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise refuse("xml_dtd", entry=part[:80])
    if root < 0 and len(data) > PROLOG_SCAN_BYTES and head.lstrip()[:1] == b"<":
        raise refuse("xml_dtd", entry=part[:80])  # a prolog longer than 64 kB is an attack, not Excel


def _first_element(head: bytes) -> int:
    """Offset of the root element's `<`, past the declaration, comments and processing instructions; -1 if a
    `<!` declaration comes first or no element starts in `head`."""
    at = 0
    while True:
        at = head.find(b"<", at)
        if at < 0 or at + 1 >= len(head):
            return -1
        if head.startswith(b"<?", at):
            end = head.find(b"?>", at)
        elif head.startswith(b"<!--", at):
            end = head.find(b"-->", at)
        elif head.startswith(b"<!", at):
            return -1
        else:
            return at
        if end < 0:
            return -1
        at = end + 1
