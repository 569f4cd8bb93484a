"""Long and wide measurement sheets → one `MeasurementRow` per value written (docs/import-formats.md#layouts).

Long: one row per measurement under a header naming the indicator (code or name), the period (or a month
and a year column) and the value; target and comment optional. Wide: one row per indicator, one column per
period; columns whose header is not a period (Total, Promedio, notes) are ignored, and so are rows without
a value (section titles, blank rows) and rows labelled as totals. In a wide sheet a column coarser than the
finest one (a quarter among months) is a subtotal: it counts only for indicators measured that coarsely.

Hot loop: a 100,000-row sheet passes through here, so cells are read from the raw rows, periods are parsed
once per distinct value, and a Cell object is made only for a problem.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple, TypeGuard

from mios_dashboard.importers.periods import MonthOnly, ParsedPeriod, looks_like_year, read_period
from mios_dashboard.importers.problems import ImportProblem
from mios_dashboard.importers.reader import Sheet
from mios_dashboard.importers.text import NO_VALUE_MARKERS, ValueProblem, display, is_blank, normalize, parse_text

if TYPE_CHECKING:
    from mios_dashboard.importers.layouts import Header, Numbers

GRANULARITY_ORDER = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
TOTAL_LABELS = frozenset({
    "total", "totales", "gran total", "subtotal", "suma", "promedio", "media", "acumulado", "sum", "grand total",
    "average", "ytd",
})


class MeasurementRow(NamedTuple):
    """One value as written. `value` is None when its cell could not be read (already reported) or when the
    row only sets a target; `percent` (`target_percent`) says the value (target) cell is formatted as a
    percentage (it holds a fraction)."""

    sheet: str
    row: int
    indicator: str
    indicator_col: int
    period: ParsedPeriod | None
    period_row: int
    period_col: int
    period_raw: object
    value: float | None
    value_col: int
    percent: bool = False
    comment: str | None = None
    target: float | None = None
    target_col: int = -1
    subtotal: bool = False
    target_percent: bool = False


# What reading a period cell gives: a period, a month still without its year, or why it is no period.
PeriodReading = ParsedPeriod | MonthOnly | ValueProblem

_new = tuple.__new__  # builds a NamedTuple from a tuple in C: 10× cheaper than calling the class in a hot loop


def _no_value(value: object) -> bool:
    if value is None or value == "":
        return True
    if type(value) is str:
        stripped = value.strip()
        return not stripped or stripped.casefold().rstrip(".") in NO_VALUE_MARKERS
    return False


def _number(value: object, sheet: Sheet, row: int, col: int, numbers: Numbers, problems: list[ImportProblem],
            out: list[MeasurementRow], field: Literal["value", "target"] = "value") -> float | None:
    """A cell's number (floats pass straight through); a parked ambiguous one is filled in later."""
    if type(value) is float:
        if value - value == 0:  # finite
            return value
    elif type(value) is int:
        return float(value)
    index = len(out)

    def fill(number: float) -> None:
        written = out[index]
        out[index] = written._replace(target=number) if field == "target" else written._replace(value=number)

    return numbers.read(value, sheet, row, col, problems, fill)


class _Periods:
    """read_period with a cache: a long sheet repeats the same few dozen periods."""

    def __init__(self, day_first: bool):
        self.day_first = day_first
        self.cache: dict[object, PeriodReading] = {}

    def read(self, raw: object) -> PeriodReading:
        try:
            return self.cache[raw]
        except KeyError:
            pass
        except TypeError:  # unhashable: never from calamine or csv, but stay safe
            return self._parse(raw)
        found = self.cache[raw] = self._parse(raw)
        return found

    def _parse(self, raw: object) -> PeriodReading:
        try:
            return read_period(raw, self.day_first)
        except ValueProblem as exc:
            return exc


def parse_long(
    sheet: Sheet, header: Header, numbers: Numbers, day_first: bool, out: list[MeasurementRow]
) -> list[ImportProblem]:
    """Append the rows of a long sheet to `out`; returns the problems found.

    The common row (a float value, a text indicator, a period already seen, no target) takes a fast path;
    everything else goes through `_long_row`, which reads and reports cell by cell.
    """
    problems: list[ImportProblem] = []
    columns = header.columns
    code_col, name_col = columns.get("code"), columns.get("indicator")
    layout = _LongColumns(
        indicator=code_col if code_col is not None else columns["indicator"],  # a long header names one
        fallback=name_col if code_col is not None else None,
        indicator_field="code" if code_col is not None else "indicator",
        period=columns["period"] if "period" in columns else columns["month"], year=columns.get("year"),
        value=columns["value"], target=columns.get("target", -1), comment=columns.get("comment", -1),
    )
    indicator_col, period_col, value_col, comment_col = layout.indicator, layout.period, layout.value, layout.comment
    fast = layout.target < 0 and layout.year is None
    percent = sheet.percent
    periods = _Periods(day_first)
    cache = periods.cache
    name = sheet.name
    rows = sheet.rows
    append = out.append
    for r in range(header.row + 1, len(rows)):
        cells = rows[r]
        if fast:
            try:
                raw_value, indicator, raw_period = cells[value_col], cells[indicator_col], cells[period_col]
                raw_comment = cells[comment_col] if comment_col >= 0 else None
            except IndexError:
                raw_value = None
            if raw_value.__class__ is float and indicator.__class__ is str and indicator and not indicator.isspace():
                period = cache.get(raw_period) if raw_period.__class__ is not list else None
                if period is None:
                    period = periods.read(raw_period)
                if period.__class__ is ParsedPeriod and raw_value - raw_value == 0.0:
                    if raw_comment is not None and raw_comment != "":
                        raw_comment = None if is_blank(raw_comment) else parse_text(raw_comment)
                    else:
                        raw_comment = None
                    append(_new(MeasurementRow, (
                        name, r, indicator, indicator_col, period, r, period_col, raw_period, raw_value, value_col,
                        (r, value_col) in percent if percent else False, raw_comment, None, -1, False, False)))
                    continue
        _long_row(sheet, r, cells, layout, periods, numbers, problems, out)
    return problems


class _LongColumns(NamedTuple):
    indicator: int
    fallback: int | None
    indicator_field: str
    period: int
    year: int | None
    value: int
    target: int
    comment: int


def _long_row(sheet: Sheet, r: int, cells: list, layout: _LongColumns, periods: _Periods, numbers: Numbers,
              problems: list[ImportProblem], out: list[MeasurementRow]) -> None:
    """One row of a long sheet, read cell by cell with every problem reported at its cell."""
    width = len(cells)

    def at(col: int | None) -> object:
        return cells[col] if col is not None and 0 <= col < width else None

    raw_value, raw_target = at(layout.value), at(layout.target)
    if _no_value(raw_value) and _no_value(raw_target):
        return  # blank rows, section titles, and "no measurement this period"
    indicator, col = at(layout.indicator), layout.indicator
    if is_blank(indicator) and layout.fallback is not None:
        indicator, col = at(layout.fallback), layout.fallback
    if is_blank(indicator):
        problems.append(sheet.problem(r, layout.indicator, "missing_cell", field=layout.indicator_field))
    raw_period = at(layout.period)
    period = None
    if is_blank(raw_period):
        problems.append(sheet.problem(r, layout.period, "missing_cell", field="period"))
    else:
        found = periods.read(raw_period)
        if layout.year is not None and (isinstance(found, MonthOnly) or _month_number(raw_period)):
            found = _with_year(found, raw_period, at(layout.year))
        if isinstance(found, ParsedPeriod):
            period = found
        elif isinstance(found, MonthOnly):
            problems.append(sheet.problem(r, layout.period, "month_without_year", value=display(raw_period)))
        else:
            problems.append(sheet.problem(r, layout.period, found.code, **found.params))
    if is_blank(indicator):
        return
    value = None
    if not _no_value(raw_value):
        if isinstance(raw_value, bool) or not isinstance(raw_value, (int, float, str)):
            problems.append(sheet.problem(r, layout.value, "not_a_number", value=display(raw_value)))
        else:
            value = _number(raw_value, sheet, r, layout.value, numbers, problems, out)
    target = None
    if not _no_value(raw_target):
        if isinstance(raw_target, bool) or not isinstance(raw_target, (int, float, str)):
            problems.append(sheet.problem(r, layout.target, "not_a_number", value=display(raw_target)))
        else:
            target = _number(raw_target, sheet, r, layout.target, numbers, problems, out, "target")
    raw_comment = at(layout.comment)
    out.append(MeasurementRow(
        sheet.name, r, parse_text(indicator), col, period, r, layout.period, raw_period, value, layout.value,
        (r, layout.value) in sheet.percent and not isinstance(raw_value, str),
        None if is_blank(raw_comment) else parse_text(raw_comment), target, layout.target, False,
        (r, layout.target) in sheet.percent and not isinstance(raw_target, str),
    ))


def _month_number(raw: object) -> TypeGuard[int | float]:
    return isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer() and 1 <= raw <= 12


def _with_year(found: PeriodReading, raw_month: object, raw_year: object) -> PeriodReading:
    """A month (name or number) and a separate year column → the month's period."""
    year = looks_like_year(raw_year)
    month = found.month if isinstance(found, MonthOnly) else int(raw_month) if _month_number(raw_month) else None
    if year is None or month is None:
        return found
    import datetime as dt

    return ParsedPeriod(dt.date(year, month, 1), "month")


# --- wide ------------------------------------------------------------------------------------------------------
def parse_wide(
    sheet: Sheet, header: Header, numbers: Numbers, day_first: bool, out: list[MeasurementRow]
) -> list[ImportProblem]:
    """Append one row per value of a wide sheet to `out`; returns the problems found."""
    problems: list[ImportProblem] = []
    periods = _resolve_months(sheet, header, problems)
    if not periods:
        return problems
    first_period_col = min(periods)
    code_col, name_col = header.columns.get("code"), header.columns.get("indicator")
    indicator_col = code_col if code_col is not None else name_col
    if indicator_col is None:
        indicator_col = _label_column(sheet, header.row, first_period_col)
        if indicator_col is None:
            return problems + [sheet.problem(header.row, 0, "missing_header_any")]
    fallback_col = name_col if code_col is not None else None
    finest = min(GRANULARITY_ORDER[p.granularity] for p in periods.values())
    columns = [(col, period, GRANULARITY_ORDER[period.granularity] > finest, sheet.value(header.row, col))
               for col, period in sorted(periods.items())]
    percent = sheet.percent
    name = sheet.name
    append = out.append
    value: float | None
    for r in range(header.row + 1, sheet.height):
        cells = sheet.rows[r]
        width = len(cells)
        label = cells[indicator_col] if indicator_col < width else None
        col = indicator_col
        if is_blank(label) and fallback_col is not None and fallback_col < width:
            label, col = cells[fallback_col], fallback_col
        if is_blank(label):
            if any(c < width and not _no_value(cells[c]) for c, *_ in columns):
                problems.append(sheet.problem(r, indicator_col, "missing_cell",
                                              field="code" if code_col is not None else "indicator"))
            continue  # section titles, blank rows
        label = label if label.__class__ is str else parse_text(label)
        if normalize(label) in TOTAL_LABELS:
            continue
        for value_col, period, subtotal, raw_period in columns:
            if value_col >= width:
                break
            raw_value = cells[value_col]
            if raw_value.__class__ is float and raw_value - raw_value == 0.0:
                value = raw_value
            elif _no_value(raw_value):
                continue
            elif isinstance(raw_value, bool) or not isinstance(raw_value, (int, float, str)):
                problems.append(sheet.problem(r, value_col, "not_a_number", value=display(raw_value)))
                continue
            else:
                value = _number(raw_value, sheet, r, value_col, numbers, problems, out)
            append(_new(MeasurementRow, (
                name, r, label, col, period, header.row, value_col, raw_period, value, value_col,
                (r, value_col) in percent if percent else False, None, None, -1, subtotal, False,
            )))
    return problems


def _label_column(sheet: Sheet, header_row: int, first_period_col: int) -> int | None:
    """Without a Código/Indicador header: the first column left of the periods that holds text below."""
    for col in range(first_period_col):
        if any(isinstance(sheet.value(r, col), str) and not is_blank(sheet.value(r, col))
               for r in range(header_row + 1, sheet.height)):
            return col
    return None


def _resolve_months(sheet: Sheet, header: Header, problems: list[ImportProblem]) -> dict[int, ParsedPeriod]:
    """Header periods with month names completed by the year above them (a merged band, or the nearest
    year to the left on a row above); months that wrap past December move to the next year."""
    import datetime as dt

    resolved: dict[int, ParsedPeriod] = {}
    year, source, last_month = None, None, 0
    months = [col for col, period in header.periods.items() if isinstance(period, MonthOnly)]
    for col in sorted(header.periods):
        period = header.periods[col]
        if months and col < min(months) and isinstance(period, ParsedPeriod) and period.granularity == "year":
            continue  # "2025 | Ene | Feb": the year labels the months, it is not a column of its own
        if isinstance(period, ParsedPeriod):
            resolved[col] = period
            continue
        found = _year_above(sheet, header.row, col)
        if found is not None and found[1] != source:
            year, source = found  # a band cell of its own (a merged range per year)
        elif year is not None and period.month < last_month:
            year += 1  # the same band over Nov, Dic, Ene: past December is the next year
        if year is None:
            problems.append(sheet.problem(header.row, col, "month_without_year",
                                          value=display(sheet.value(header.row, col))))
            return {}
        last_month = period.month
        resolved[col] = ParsedPeriod(dt.date(year, period.month, 1), "month")
    return resolved


def _year_above(sheet: Sheet, header_row: int, col: int) -> tuple[int, tuple[int, int]] | None:
    """(year, its cell) over a month column: a merged band covering it, else the nearest filled cell at or
    left of it on a row above, else a year on the header row itself, left of the months."""
    for (first_row, first_col), (last_row, last_col) in sheet.merged:
        if (first_row < header_row and last_row < header_row and first_col <= col <= last_col
                and (year := looks_like_year(sheet.value(first_row, first_col))) is not None):
            return year, (first_row, first_col)
    for row in range(header_row - 1, -1, -1):
        for left in range(col, -1, -1):
            value = sheet.value(row, left)
            if not is_blank(value):
                year = looks_like_year(value)
                if year is not None:
                    return year, (row, left)
                break
    for left in range(col - 1, -1, -1):  # "2025 | Ene | Feb" on the header row itself
        if (year := looks_like_year(sheet.value(header_row, left))) is not None:
            return year, (header_row, left)
    return None
