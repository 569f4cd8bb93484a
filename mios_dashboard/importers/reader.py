"""Opening an offered file as sheets of raw values that know their coordinates, after the hostile-file checks.

Layout parsers never see python-calamine or the csv module: they get `Sheet` grids (raw values from A1, ""
or None for blank) plus which cells are formatted as percentages, so every error can name `Mediciones!C7`.

Reader choice, by measurement (bench/README.md, "Import"): python-calamine reads a 100,000-row sheet about
16× faster than openpyxl in read-only mode (0.21 s vs 3.4 s), but gives values only; the percent formats it
does not give are read from styles.xml and the sheet XML by `xlsx_package`, in the same pass that bounds the
sheet before calamine may allocate it. openpyxl is not used for reading.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Self

from mios_dashboard.importers.problems import ImportProblem, cell_name
from mios_dashboard.importers.safety import DEFAULT_LIMITS, Limits, refuse, sniff_kind
from mios_dashboard.importers.xlsx_package import Package, inspect_package

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

    from mios_dashboard.importers.csv_reader import CsvWorkbook

# A merged range as ((first row, first col), (last row, last col)), 0-based.
MergedRange = tuple[tuple[int, int], tuple[int, int]]

__all__ = ["DEFAULT_LIMITS", "Cell", "Limits", "Sheet", "Workbook", "open_workbook"]


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

    def problem(self, problem_code: str, /, **params: object) -> ImportProblem:
        """An ImportProblem located at this cell."""
        return ImportProblem(code=problem_code, sheet=self.sheet, cell=self.name, params=params)


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value if value.strip() else None
    return value


class Sheet:
    """A sheet as a grid of raw values from A1; rows may be shorter than the widest (blank on the right).

    `percent` holds the (row, col) of cells formatted as percentages; `merged` the merged ranges as
    ((first row, first col), (last row, last col)), all 0-based.
    """

    __slots__ = ("merged", "name", "percent", "rows")

    def __init__(self, name: str, rows: list[list], percent: AbstractSet[tuple[int, int]] = frozenset(),
                 merged: Iterable[MergedRange] | None = ()):
        self.name = name
        self.rows = rows
        self.percent = percent
        self.merged = list(merged or ())

    @property
    def height(self) -> int:
        return len(self.rows)

    def value(self, row: int, col: int) -> object:
        values = self.rows[row] if 0 <= row < len(self.rows) else ()
        return values[col] if 0 <= col < len(values) else None

    def cell(self, row: int, col: int) -> Cell:
        return Cell(self.name, row, col, _clean(self.value(row, col)))

    def row(self, row: int) -> list[Cell]:
        values = self.rows[row] if 0 <= row < len(self.rows) else ()
        return [Cell(self.name, row, col, _clean(v)) for col, v in enumerate(values)]

    def iter_rows(self, start: int = 0) -> Iterator[list[Cell]]:
        for index in range(start, len(self.rows)):
            yield self.row(index)

    def problem(self, row: int, col: int, code: str, /, **params: object) -> ImportProblem:
        return ImportProblem(code=code, sheet=self.name, cell=cell_name(row, col), params=params)


class Workbook:
    """An opened file whose visible sheets are read on demand, in workbook order.

    `notices` are facts worth telling the user that do not stop the import (hidden sheets skipped, links to
    other workbooks not followed, macros not run); `decimal` and `day_first` are what the file itself says
    about its locale ("," or "." or None when unknown; day before month unless it proves otherwise).
    """

    kind = "xlsx"
    decimal: str | None = None
    day_first: bool = True

    def __init__(self, path: Path, package: Package, native: CalamineWorkbook):
        self.path = path
        self._package = package
        self._native = native
        self._cache: dict[str, Sheet] = {}
        readable = package.readable
        self.sheet_names: list[str] = [s.name for s in readable]
        self._parts = {s.name: s for s in readable}
        self.notices: list[ImportProblem] = []
        hidden = [s.name for s in package.sheets if not s.visible and s.kind == "worksheet"]
        if hidden:
            self.notices.append(ImportProblem("hidden_sheets_skipped", params={"sheets": ", ".join(hidden)}))
        if package.external_links:
            self.notices.append(ImportProblem("external_links_ignored", params={"count": package.external_links}))
        if package.has_macros:
            self.notices.append(ImportProblem("macros_ignored"))

    def sheet(self, name: str) -> Sheet:
        """The sheet's values; raises `errors.Invalid` (see safety.refuse) when calamine cannot read it."""
        if name in self._cache:
            return self._cache[name]
        part = self._parts.get(name)
        if part is None or part.scan is None:
            raise refuse("unreadable_workbook", file=self.path.name, detail=f"{name[:40]}: missing sheet")
        if part.scan.grid == 0:
            sheet = Sheet(name, [])
        else:
            try:
                native_sheet = self._native.get_sheet_by_name(name)
                rows = native_sheet.to_python(skip_empty_area=False)
                merged = native_sheet.merged_cell_ranges or ()
            except BaseException as exc:  # pyo3 panics derive from BaseException
                if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
                    raise
                raise refuse("unreadable_workbook", file=self.path.name, detail=_one_line(exc)) from exc
            sheet = Sheet(name, rows, part.scan.percent, merged)
        self._cache[name] = sheet
        return sheet

    def close(self) -> None:
        from python_calamine import WorkbookClosed  # loaded already: `_native` is a CalamineWorkbook

        try:
            if self._native is not None:
                self._native.close()
        except WorkbookClosed:  # already closed: nothing to release
            pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def open_workbook(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Workbook | CsvWorkbook:
    """Check and open an .xlsx/.xlsm or .csv file; raises `errors.Invalid` carrying the ImportProblem (see
    safety.refuse) for a file it refuses, and OSError for a missing one."""
    path = Path(path)
    kind = sniff_kind(path, limits)
    if kind == "csv":
        from mios_dashboard.importers.csv_reader import open_csv

        return open_csv(path, limits)
    package = inspect_package(path, limits)
    from python_calamine import CalamineWorkbook  # imported late: the CLI's other commands don't need it

    try:
        native = CalamineWorkbook.from_path(str(path))
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
            raise
        raise refuse("unreadable_workbook", file=path.name, detail=_one_line(exc)) from exc
    return Workbook(path, package, native)

