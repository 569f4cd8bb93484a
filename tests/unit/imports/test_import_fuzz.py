"""Fuzzing the reader (hypothesis): random bytes and mutated workbooks end in a plan or a clean refusal —
never another exception, never a traceback for the user. (No partial writes: tests/integration/
test_import_fuzz_service.py runs mutated files through the service against a real database.)"""
from __future__ import annotations

import io
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mios_dashboard.errors import Invalid
from mios_dashboard.importers import KnownIndicator, ReferenceData, open_workbook, parse_workbook, validate
from tests.corpus.xlsx import Formula, SheetSpec, Styled, write_xlsx

REFS = ReferenceData(indicators=[KnownIndicator("VEN-01", "Ventas netas", "monthly", unit="%")])
# MIOS_FUZZ_EXAMPLES=5000 for a longer hunt than the test suite's
FUZZ = settings(max_examples=int(os.environ.get("MIOS_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])


def read(path) -> str:
    """"plan" or "refused"; anything else propagates and fails the test."""
    try:
        with open_workbook(path) as book:
            validate(parse_workbook(book), REFS)
        return "plan"
    except Invalid as refused:
        assert all(refused.details("es")) and all(refused.details("en")) and len(refused.problems) == 1
        return "refused"


@pytest.fixture(scope="module")
def seed_parts(tmp_path_factory) -> dict[str, bytes]:
    """The parts of a small workbook that exercises every reader path (styles, shared strings, formulas,
    merged cells, a wide and a long sheet)."""
    path = write_xlsx(tmp_path_factory.mktemp("seed") / "seed.xlsx", [
        SheetSpec("Mediciones", [["Código", "Periodo", "Valor", "Comentario"],
                                 ["VEN-01", "2025-01", Styled(0.5, "percent"), "ok"],
                                 ["Ventas netas", "feb-25", Formula("1+1", 2.0), None]]),
        SheetSpec("Tablero", [["2025"], ["Indicador", "Ene", "Feb"], ["VEN-01", "1.234,5", 3]], merged=["A1:C1"]),
    ])
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".xlsx", ".xlsm", ".csv", ".txt"]))
def test_random_bytes(tmp_path, data, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    assert read(path) in ("plan", "refused")


@FUZZ
@given(data=st.data())
def test_flipped_and_truncated_zip_bytes(tmp_path, seed_parts, data):
    raw = bytearray(zipped(seed_parts))
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[:data.draw(st.integers(0, len(raw)))]
    path = tmp_path / "flipped.xlsx"
    path.write_bytes(bytes(raw))
    assert read(path) in ("plan", "refused")


XML_NOISE = st.sampled_from([b"<", b">", b"/>", b'"', b"'", b"&", b"&amp;", b"<c r=\"A1\">", b"<row>", b"</row>",
                             b"<v>1e308</v>", b"<v>NaN</v>", b"<v>-</v>", b' r="XFD1048576"', b' r="ZZZZ9"', b' s="99"',
                             b' t="e"', b' t="s"', b"<v>99999</v>", b"\x00", b"\xff", b"<!--", b"]]>", b"<![CDATA[",
                             b"<f>SUM(A1)</f>", b"<is><t>x</t></is>", b' state="hidden"', b"<mergeCell ref=\"A1:XFD1\"/>"])


@FUZZ
@given(data=st.data())
def test_mutated_xml_parts(tmp_path, seed_parts, data):
    parts = dict(seed_parts)
    name = data.draw(st.sampled_from(sorted(n for n in parts if n.endswith((".xml", ".rels")))))
    text = bytearray(parts[name])
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text[at:at] = data.draw(XML_NOISE)
        else:
            del text[at:at + data.draw(st.integers(1, 40))]
    parts[name] = bytes(text)
    if data.draw(st.booleans()):
        parts.pop(data.draw(st.sampled_from(sorted(parts))))
    path = tmp_path / "mutated.xlsx"
    path.write_bytes(zipped(parts))
    assert read(path) in ("plan", "refused")


def test_a_workbook_part_declaring_an_unknown_encoding_is_refused(tmp_path, seed_parts):
    """Found by the fuzzing above: `encoding="TF-8"` made ElementTree raise LookupError past the refusal."""
    parts = dict(seed_parts)
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b'encoding="UTF-8"', b'encoding="TF-8"', 1)
    path = tmp_path / "encoding.xlsx"
    path.write_bytes(zipped(parts))
    assert read(path) == "refused"


@FUZZ
@given(cells=st.lists(st.lists(st.one_of(
    st.none(), st.text(max_size=12), st.floats(allow_nan=False, allow_infinity=False), st.integers(-10**12, 10**12),
    st.sampled_from(["VEN-01", "Ventas netas", "2025-01", "ene-25", "T1 2025", "n/d", "1.500", "Código", "Periodo",
                     "Valor", "Indicador", "=1+1", "Total"])), max_size=6), max_size=12))
def test_any_grid_of_cells(tmp_path, cells):
    path = write_xlsx(tmp_path / "grid.xlsx", [SheetSpec("Datos", cells)])
    assert read(path) in ("plan", "refused")


@FUZZ
@given(text=st.text(alphabet=st.sampled_from(list(";,\t\n\r\"'0123456789.,-/ abcnVEN-Tñ%$€")), max_size=400),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_any_csv(tmp_path, text, encoding):
    path = tmp_path / "datos.csv"
    path.write_bytes(("Código;Periodo;Valor\n" + text).encode(encoding, errors="replace"))
    assert read(path) in ("plan", "refused")
