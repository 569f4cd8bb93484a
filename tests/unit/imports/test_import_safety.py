"""Hostile files are refused before any parser sees them, cheaply; odd but honest XML is read exactly."""
from __future__ import annotations

import sys
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mios_dashboard.errors import Invalid
from mios_dashboard.importers import SafetyError, open_workbook, parse_workbook, verify_defusedxml
from mios_dashboard.importers.safety import check_prolog
from mios_dashboard.importers.sheet_scan import _walk, scan_sheet
from mios_dashboard.importers.xlsx_package import is_percent_format
from tests.corpus import hostile
from tests.corpus.xlsx import MAIN_NS, SheetSpec, Styled, column_letters, write_xlsx


def outcome(path):
    """("refused", code) or ("read", problems, notices)."""
    try:
        with open_workbook(path) as book:
            parsed = parse_workbook(book)
    except Invalid as refused:
        return "refused", refused.problems[0].code
    return "read", [p.code for p in parsed.problems], [p.code for p in parsed.notices]


@pytest.mark.parametrize("case", hostile.CASES, ids=[c.name for c in hostile.CASES])
def test_hostile_files_are_refused_or_read_safely(tmp_path, case):
    result = outcome(case.build(tmp_path))
    if case.refusal is None:
        assert result[0] == "read" and result[1] == [], result
    else:
        assert result == ("refused", case.refusal)


def test_links_and_macros_are_never_followed_but_said(tmp_path):
    assert outcome(hostile.external_link(tmp_path)) == ("read", [], ["external_links_ignored"])
    assert outcome(hostile.macros(tmp_path)) == ("read", [], ["macros_ignored"])


def test_a_false_dimension_is_not_trusted(tmp_path):
    with open_workbook(hostile.false_dimension(tmp_path)) as book:
        sheet = book.sheet("Mediciones")
        assert sheet.height == 2 and max(len(r) for r in sheet.rows) == 3


def test_the_refusal_names_what_to_do_in_both_languages(tmp_path):
    with pytest.raises(Invalid) as caught:
        open_workbook(hostile.old_xls(tmp_path))
    assert "Excel 97-2003" in caught.value.details("es")[0]
    assert "Excel Workbook (.xlsx)" in caught.value.details("en")[0]


@pytest.mark.parametrize("prolog", [
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
    b'<?xml version="1.0"?><!-- a comment first --><!doctype x SYSTEM "http://evil/x.dtd"><x/>',
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'.encode("utf-16"),
    b"<?xml version='1.0'?>" + b"<!-- padding -->" * 5000 + b"<!DOCTYPE x><x/>",
])
def test_any_dtd_before_the_root_is_refused(prolog):
    with pytest.raises(Invalid) as caught:
        check_prolog(prolog, "xl/styles.xml")
    assert caught.value.problems[0].code == "xml_dtd"


def test_text_that_mentions_a_doctype_after_the_root_is_fine():
    check_prolog(b'<?xml version="1.0"?><sst><si><t>&lt;!DOCTYPE in a cell</t></si></sst>', "xl/sharedStrings.xml")


def test_defusedxml_is_verified_at_start_up(monkeypatch):
    assert verify_defusedxml()
    monkeypatch.setitem(sys.modules, "defusedxml", None)
    with pytest.raises(SafetyError):
        verify_defusedxml()


def test_openpyxl_without_defusedxml_is_refused(monkeypatch):
    import openpyxl.xml

    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    with pytest.raises(SafetyError):
        verify_defusedxml()


@pytest.mark.parametrize(("code", "percent"), [
    ("0%", True), ("0.0%", True), ('0.00" %"', False), ("#,##0", False), ('"%"0', False), (r"0\%", False),
    ("[Red]0.0%;-0.0%", True), ("[$%-409]0", False), ("mmm-yy", False),
])
def test_percent_number_formats(code, percent):
    assert is_percent_format(code) is percent


def test_percent_cells_are_found_from_styles_and_cells(tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", [SheetSpec("M", [["a", Styled(0.5, "percent")], [Styled(0.25, "percent1"), 3]])])
    with open_workbook(path) as book:
        assert book.sheet("M").percent == {(0, 1), (1, 0)}


# --- the fast scan and the walk agree ------------------------------------------------------------------------
cells = st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 800), st.booleans(), st.sampled_from([0, 3, 4])),
                 max_size=40)


def _xml(entries, canonical: bool) -> bytes:
    rows: dict[int, list] = {}
    for row, col, empty, style in entries:
        rows.setdefault(row, []).append((col, empty, style))
    parts = []
    for row in sorted(rows):
        row_cells = []
        for col, empty, style in sorted(set(rows[row])):
            ref = f"{column_letters(col)}{row + 1}"
            s = f' s="{style}"' if style else ""
            if canonical:
                row_cells.append(f'<c r="{ref}"{s}/>' if empty else f'<c r="{ref}"{s}><v>1</v></c>')
            else:
                row_cells.append(f"<x:c{s} r='{ref.lower()}'/>" if empty else f"<x:c {s} r = '{ref}'><x:v>1</x:v></x:c>")
        tag = "row" if canonical else "x:row"
        parts.append(f'<{tag} r="{row + 1}">{"".join(row_cells)}</{tag}>')
    data = "sheetData" if canonical else "x:sheetData"
    return (f'<worksheet xmlns="{MAIN_NS}" xmlns:x="{MAIN_NS}"><{data}>{"".join(parts)}</{data}></worksheet>').encode()


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(cells, st.booleans())
def test_the_fast_scan_bounds_the_grid_at_least_as_far_as_the_walk(entries, canonical):
    data = _xml(entries, canonical)
    exact = _walk(data, frozenset({3, 4}))
    fast = scan_sheet(data, frozenset({3, 4}), budget=10**12)
    assert fast.rows >= exact.rows and fast.cols >= exact.cols
    assert fast.percent == exact.percent
    tight = scan_sheet(data, frozenset({3, 4}), budget=0)  # over budget: the exact figure is needed
    assert (tight.rows, tight.cols) == (exact.rows, exact.cols)
    values = {(r, c) for r, c, empty, _ in entries if not empty}
    if values:
        assert exact.rows == max(r for r, _ in values) + 1 and exact.cols == max(c for _, c in values) + 1


def test_cells_without_references_follow_the_previous_ones():
    data = (f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="3"><c><v>1</v></c><c><v>2</v></c></row>'
            '<row><c r="E9"><v>3</v></c><c><v>4</v></c></row></sheetData></worksheet>').encode()
    scan = scan_sheet(data)
    assert (scan.rows, scan.cols, scan.cells) == (9, 6, 4)


def test_a_reference_no_sheet_can_hold_is_refused(tmp_path):
    sheet = f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A99999999"><v>1</v></c></row></sheetData></worksheet>'
    path = write_xlsx(tmp_path / "x.xlsx", [SheetSpec("M", raw_xml=sheet)])
    assert outcome(path) == ("refused", "unreadable_workbook")


def test_hidden_sheets_are_not_even_scanned(tmp_path):
    far = hostile._sheet('<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')
    path = write_xlsx(tmp_path / "h.xlsx", [SheetSpec("Mediciones", hostile.GOOD_ROWS),
                                            SheetSpec("Oculta", raw_xml=far, state="veryHidden")])
    assert outcome(path) == ("read", [], ["hidden_sheets_skipped"])


def test_zip_checks_do_not_trust_zipfile_to_bound_a_stream(tmp_path):
    path = hostile.lying_size(tmp_path)
    with zipfile.ZipFile(path) as archive:  # zipfile itself reads 200 bytes and is satisfied…
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        assert info.file_size == 200
    assert outcome(path) == ("refused", "lying_zip_entry")  # …the importer is not
