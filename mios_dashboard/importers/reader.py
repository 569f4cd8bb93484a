"""Reading workbooks into cells that know their coordinates, after cheap checks that refuse hostile files.

Layout parsers never see python-calamine: they get `Sheet` grids whose cells carry (sheet, row, col), so
every error can name `Mediciones!C7`. A later CSV reader only has to produce the same `Sheet`.
Values only (no formats): calamine is ~10× faster than openpyxl and never evaluates anything.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .messages import ImportProblem, cell_name

ZIP_MAGIC = b"PK\x03\x04"
WORKBOOK_ENTRIES = ("[Content_Types].xml", "xl/workbook.xml")


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile or absurd file from eating memory (DESIGN §4)."""

    max_uncompressed_bytes: int = 100 * 1024 * 1024
    max_compression_ratio: int = 100
    ratio_checked_above_bytes: int = 1024 * 1024  # tiny XML parts compress well and are harmless
    max_cells: int = 1_000_000


DEFAULT_LIMITS = Limits()


class WorkbookRefused(Exception):
    """The file cannot be read as a workbook at all; carries the problem to report."""

    def __init__(self, problem: ImportProblem):
        super().__init__(problem.code)
        self.problem = problem


@dataclass(frozen=True)
class Cell:
    """A cell value with where it came from; blank cells hold None."""

    sheet: str
    row: int  # 0-based
    col: int  # 0-based
    value: object

    @property
    def name(self) -> str:
        return cell_name(self.row, self.col)

    @property
    def is_blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())

    def problem(self, problem_code: str, /, **params) -> ImportProblem:
        """An ImportProblem located at this cell."""
        return ImportProblem(code=problem_code, sheet=self.sheet, cell=self.name, params=params)


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value if value.strip() else None
    return value


class Sheet:
    """A sheet as a grid of values from A1; rows shorter than the widest are blank on the right."""

    def __init__(self, name: str, rows: list[list]):
        self.name = name
        self._rows = rows

    @property
    def height(self) -> int:
        return len(self._rows)

    def cell(self, row: int, col: int) -> Cell:
        values = self._rows[row] if 0 <= row < len(self._rows) else ()
        value = values[col] if 0 <= col < len(values) else None
        return Cell(self.name, row, col, _clean(value))

    def row(self, row: int) -> list[Cell]:
        values = self._rows[row] if 0 <= row < len(self._rows) else ()
        return [Cell(self.name, row, col, _clean(v)) for col, v in enumerate(values)]

    def iter_rows(self, start: int = 0) -> Iterator[list[Cell]]:
        for index in range(start, len(self._rows)):
            yield self.row(index)


def _refuse(code: str, **params) -> WorkbookRefused:
    return WorkbookRefused(ImportProblem(code=code, params=params))


def check_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse anything that is not an xlsx/xlsm zip, or that would inflate past the limits, before parsing."""
    with open(path, "rb") as handle:
        if handle.read(4) != ZIP_MAGIC:
            raise _refuse("not_a_workbook", file=path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise _refuse("not_a_workbook", file=path.name) from exc
    names = {info.filename for info in infos}
    if not all(entry in names for entry in WORKBOOK_ENTRIES):
        raise _refuse("not_a_workbook", file=path.name)
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise _refuse("workbook_too_large", limit_mb=limits.max_uncompressed_bytes // (1024 * 1024))
    for info in infos:
        if info.file_size > limits.ratio_checked_above_bytes:
            if info.file_size > limits.max_compression_ratio * max(info.compress_size, 1):
                raise _refuse("compression_ratio", entry=info.filename, limit=limits.max_compression_ratio)


class Workbook:
    """An opened workbook whose sheets are read on demand (a layout may need only one of them)."""

    def __init__(self, path: Path, native, limits: Limits):
        self.path = path
        self._native = native
        self._limits = limits
        self._cells_read = 0
        self._cache: dict[str, Sheet] = {}
        self.sheet_names: list[str] = [
            meta.name for meta in native.sheets_metadata if getattr(meta.typ, "name", "WorkSheet") == "WorkSheet"
        ]

    def sheet(self, name: str) -> Sheet:
        """The sheet's values; raises WorkbookRefused when the cell budget is exceeded or calamine fails."""
        if name in self._cache:
            return self._cache[name]
        try:
            native_sheet = self._native.get_sheet_by_name(name)
            end = native_sheet.end  # (last row, last col), 0-based; the grid we build spans from A1
            self._cells_read += (end[0] + 1) * (end[1] + 1) if end else 0
            if self._cells_read > self._limits.max_cells:
                raise _refuse("too_many_cells", limit=self._limits.max_cells)
            rows = native_sheet.to_python(skip_empty_area=False)
        except WorkbookRefused:
            raise
        except BaseException as exc:  # pyo3 panics derive from BaseException
            if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
                raise
            raise _refuse("unreadable_workbook", file=self.path.name, detail=_one_line(exc)) from exc
        sheet = Sheet(name, [[_from_calamine(v) for v in row] for row in rows])
        self._cache[name] = sheet
        return sheet

    def close(self) -> None:
        try:
            self._native.close()
        except Exception:  # already closed: nothing to release
            pass

    def __enter__(self) -> "Workbook":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _from_calamine(value: object) -> object:
    # Calamine gives "" for empty cells and datetime for date cells with a time part of midnight too.
    if value == "" and isinstance(value, str):
        return None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def open_workbook(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Workbook:
    """Check and open an .xlsx/.xlsm file; raises WorkbookRefused (and OSError for a missing file)."""
    path = Path(path)
    check_zip(path, limits)
    from python_calamine import CalamineWorkbook  # imported late: the CLI's other commands don't need it

    try:
        native = CalamineWorkbook.from_path(str(path))
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
            raise
        raise _refuse("unreadable_workbook", file=path.name, detail=_one_line(exc)) from exc
    return Workbook(path, native, limits)
