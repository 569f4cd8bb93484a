"""Checking parsed rows against what the database knows, collecting every problem before anything is written.

The caller (services.imports.import_file) passes `ReferenceData` read through the repositories, so this module
stays free of sessions and is tested with hand-built references.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import NamedTuple

from mios_dashboard.importers.definitions import DefinitionRow
from mios_dashboard.importers.layouts import ParsedWorkbook
from mios_dashboard.importers.lookup import Lookup as _Lookup
from mios_dashboard.importers.measurement_layouts import MeasurementRow
from mios_dashboard.importers.periods import fits, period_start
from mios_dashboard.importers.problems import ImportProblem, cell_name, reading_order, sheet_ref
from mios_dashboard.importers.reader import Cell
from mios_dashboard.importers.text import display, normalize
from mios_dashboard.importers.validate_setup import SetupIndexes, ValidSetup, validate_setup
from mios_dashboard.importers.values import percent_points

DEFAULT_FREQUENCY = "monthly"


@dataclass(frozen=True)
class KnownIndicator:
    """What validation needs of an indicator already in the database."""

    code: str
    name: str
    frequency: str = DEFAULT_FREQUENCY
    direction: str = "higher"
    target_min: float | None = None
    target_max: float | None = None
    green_threshold: float = 1.0
    yellow_threshold: float = 0.9
    weight: float = 1.0
    has_measurements: bool = False
    unit: str = ""
    xmr_baseline_start: dt.date | None = None
    xmr_baseline_end: dt.date | None = None


@dataclass(frozen=True)
class Reference:
    """A perspective, objective or process that a definition may point to by code or name."""

    id: int
    code: str
    name: str


@dataclass
class ReferenceData:
    indicators: list[KnownIndicator] = field(default_factory=list)
    perspectives: list[Reference] = field(default_factory=list)
    objectives: list[Reference] = field(default_factory=list)
    processes: list[Reference] = field(default_factory=list)
    objective_parents: dict[str, str | None] = field(default_factory=dict)  # stored objective → parent code


@dataclass(frozen=True)
class ValidDefinition:
    """An indicator to create or update: model field values the file gives (references resolved to ids)."""

    code: str
    values: dict
    cell: Cell
    exists: bool


class ValidMeasurement(NamedTuple):
    """A measurement ready to write: canonical indicator code and the period normalised to its start.

    `value` is None for a row that only sets the period's target; `target` is None when the file sets none.
    """

    code: str
    period: dt.date
    value: float | None
    comment: str | None
    target: float | None
    sheet: str
    row: int
    col: int

    @property
    def location(self) -> str:
        return f"{sheet_ref(self.sheet)}!{cell_name(self.row, self.col)}"


@dataclass
class ImportPlan:
    sheets: list[str] = field(default_factory=list)
    processes: list[ValidSetup] = field(default_factory=list)
    objectives: list[ValidSetup] = field(default_factory=list)
    definitions: list[ValidDefinition] = field(default_factory=list)
    measurements: list[ValidMeasurement] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    notices: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def same_number(a: float | None, b: float | None) -> bool:
    """Equality for stored doubles (tolerates a last-bit difference from a database round trip)."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def _address(cell: Cell) -> str:
    return f"{sheet_ref(cell.sheet)}!{cell.name}"


def validate(parsed: ParsedWorkbook, refs: ReferenceData) -> ImportPlan:
    """Resolve codes and references, normalise periods, and collect every problem (parse problems included)."""
    plan = ImportPlan(sheets=list(parsed.sheets), problems=list(parsed.problems), notices=list(parsed.notices))
    known = {ind.code: ind for ind in refs.indicators}
    indicators = _Lookup()
    for ind in refs.indicators:
        indicators.add(ind.code, ind.name)
    frequency = {ind.code: ind.frequency for ind in refs.indicators}
    units = {ind.code: ind.unit for ind in refs.indicators}

    setup = validate_setup(parsed.processes, parsed.objectives, refs.perspectives, refs.processes, refs.objectives,
                           refs.objective_parents)
    plan.problems += setup.problems
    plan.processes, plan.objectives = setup.processes_valid, setup.objectives_valid
    _validate_definitions(parsed.definitions, setup, known, indicators, frequency, units, plan)
    _validate_measurements(parsed.measurements, indicators, frequency, units, plan)
    plan.problems = reading_order(plan.problems, plan.sheets)
    return plan


def _validate_definitions(
    rows: list[DefinitionRow], setup: SetupIndexes, known: dict[str, KnownIndicator], indicators: _Lookup,
    frequency: dict[str, str], units: dict[str, str], plan: ImportPlan,
) -> None:
    lookups = {"perspective": ("perspective_id", setup.perspectives), "objective": ("objective_id", setup.objectives),
               "process": ("process_id", setup.processes)}
    seen: dict[str, tuple[DefinitionRow, dict]] = {}
    for row in rows:
        problems: list[ImportProblem] = []
        existing = known.get(indicators.find_code(row.code) or "")
        code = existing.code if existing else row.code
        values = dict(row.values)
        for key, text in row.references.items():
            column, index = lookups[key]
            found, candidates = index.resolve(text)
            if found is None:
                problem = "ambiguous_reference" if candidates else f"unknown_{key}"
                problems.append(row.cells[key].problem(problem, value=display(text), matches=", ".join(candidates)))
            else:
                values[column] = found
        _as_compared(row, values, existing)
        first = seen.get(code.casefold())
        if first is not None:
            if first[1] != values:
                plan.problems.append(row.code_cell.problem(
                    "duplicate_definition", code=code, first_cell=_address(first[0].code_cell)))
            continue
        seen[code.casefold()] = (row, values)
        if existing is None and not values.get("name"):
            problems.append(row.code_cell.problem("name_required", code=code))
        problems += _check_effective(row, code, values, existing)
        plan.problems += problems
        if not problems and not row.broken:
            plan.definitions.append(
                ValidDefinition(code=code, values=values, cell=row.code_cell, exists=existing is not None))
        # Known from here on even when broken, so its measurements are not also reported as unknown.
        # name, frequency and unit are text when given (parse_text, parse_frequency): str() only types them
        if existing is None:
            indicators.add(code, str(values["name"]) if values.get("name") else None)
        elif values.get("name"):
            indicators.by_name[normalize(values["name"])].add(code)
        frequency[code] = str(values.get("frequency", frequency.get(code, DEFAULT_FREQUENCY)))
        units[code] = str(values.get("unit", units.get(code, "")))


def _as_compared(row: DefinitionRow, values: dict, existing: KnownIndicator | None) -> None:
    """Numbers read as the values they are compared with: a percent-formatted 0.9 is 90 for a % indicator (as
    its percent-formatted measurements are), and the XmR window starts where its periods start."""
    unit = values.get("unit", existing.unit if existing else "")
    if row.percent and is_percent_unit(str(unit)):
        for key in row.percent:
            if isinstance(values.get(key), float):
                values[key] = percent_points(values[key])
    frequency = str(values.get("frequency", existing.frequency if existing else DEFAULT_FREQUENCY))
    for key in ("xmr_baseline_start", "xmr_baseline_end"):
        if isinstance(values.get(key), dt.date):
            values[key] = period_start(values[key], frequency)


def _check_effective(row: DefinitionRow, code: str, values: dict, existing: KnownIndicator | None) -> list[ImportProblem]:
    """Rules the database also enforces, checked on the indicator as it would be after the import."""
    base = existing or KnownIndicator(code=code, name="")
    get = lambda key: values.get(key, getattr(base, key))
    at = lambda *keys: next((row.cells[k] for k in keys if k in row.cells and k in values), row.code_cell)
    problems = []
    if get("direction") == "range" and (get("target_min") is None or get("target_max") is None):
        problems.append(at("direction", "target_min", "target_max").problem("range_needs_bounds", code=code))
    low, high = get("target_min"), get("target_max")
    if low is not None and high is not None and not low < high:
        problems.append(at("target_min", "target_max").problem("range_unordered", low=display(low), high=display(high)))
    yellow, green = get("yellow_threshold"), get("green_threshold")
    if not 0 <= yellow <= green:
        problems.append(at("yellow_threshold", "green_threshold").problem(
            "thresholds_unordered", yellow=display(yellow), green=display(green)))
    if "weight" in values and not values["weight"] > 0:
        problems.append(at("weight").problem("not_positive", field="weight"))
    start, end = get("xmr_baseline_start"), get("xmr_baseline_end")
    if start is not None and end is not None and start > end:
        cell = next((row.cells[k] for k in ("xmr_baseline_end", "xmr_window", "xmr_baseline_start")
                     if k in row.cells and not row.cells[k].is_blank), row.code_cell)
        problems.append(cell.problem("window_unordered", start=start.isoformat(), end=end.isoformat()))
    new_frequency = values.get("frequency")
    if existing is not None and existing.has_measurements and new_frequency and new_frequency != existing.frequency:
        problems.append(at("frequency").problem("frequency_change", code=code, old=existing.frequency, new=new_frequency))
    return problems


_new = tuple.__new__  # builds a NamedTuple from a tuple in C, much cheaper in the hot loop below
PERCENT_UNITS = frozenset({"%", "porcentaje", "por ciento", "percent", "percentage", "pct"})


def is_percent_unit(unit: str | None) -> bool:
    """An indicator measured in percent points (a percent-formatted cell's fraction is ×100 for it)."""
    if not unit:
        return False
    return "%" in unit or normalize(unit) in PERCENT_UNITS


def _validate_measurements(rows: list[MeasurementRow], indicators: _Lookup, frequency: dict[str, str],
                           units: dict[str, str], plan: ImportPlan) -> None:
    """Resolve, normalise and de-duplicate every row; one pass with caches (100,000 rows go through here)."""
    first_seen: dict[tuple[str, dt.date], int] = {}  # → index in plan.measurements
    by_text: dict[str, tuple] = {}  # indicator as written → (code, frequency, percent?, starts) or (None, candidates)
    starts_by_frequency: dict[str, dict] = {}  # frequency → {ParsedPeriod: start, or None when it does not fit}
    problems = plan.problems
    accepted = plan.measurements
    append = accepted.append
    for row in rows:
        sheet, r, text, indicator_col, period, period_row, period_col, raw_period, value, value_col, percent, \
            comment, target, _target_col, subtotal, target_percent = row
        info = by_text.get(text)
        if info is None:
            code, candidates = indicators.find(text)
            if code is None:
                info = by_text[text] = (None, candidates)
            else:
                freq = frequency.get(code, DEFAULT_FREQUENCY)
                info = by_text[text] = (code, freq, is_percent_unit(units.get(code)),
                                        starts_by_frequency.setdefault(freq, {}))
        code = info[0]
        if code is None:
            candidates = info[1]
            problem = "ambiguous_indicator" if candidates else "unknown_indicator"
            params = {"code": text, "matches": ", ".join(candidates)} if candidates else {"code": text}
            problems.append(ImportProblem(problem, sheet, cell_name(r, indicator_col), params))
            continue
        if period is None or (value is None and target is None):
            continue  # its problem is already reported
        starts = info[3]
        start = starts.get(period, False)
        if start is False:
            freq = info[1]
            start = starts[period] = period_start(period.start, freq) if fits(period.granularity, freq) else None
        if start is None:
            if not subtotal:
                problems.append(ImportProblem("period_too_coarse", sheet, cell_name(period_row, period_col), {
                    "value": display(raw_period), "granularity": period.granularity, "code": code,
                    "frequency": info[1]}))
            continue
        if percent and value is not None and info[2]:
            value = percent_points(value)
        if target_percent and target is not None and info[2]:  # a period's target, read as its values are
            target = percent_points(target)
        key = (code, start)
        index = first_seen.get(key)
        if index is not None:
            accepted[index] = _merge_duplicate(accepted[index], row, code, start, value, target, problems)
            continue
        first_seen[key] = len(accepted)
        append(_new(ValidMeasurement, (code, start, value, comment, target, sheet, r, value_col)))


def _merge_duplicate(first: ValidMeasurement, row: MeasurementRow, code: str, start: dt.date, value: float | None,
                     target: float | None, problems: list[ImportProblem]) -> ValidMeasurement:
    """The same indicator and period twice: fine with the same value (and target), an error otherwise; a row
    that adds what the first lacked (a value to a target-only row) completes it."""
    if value is not None and first.value is not None and not same_number(first.value, value):
        problems.append(ImportProblem("duplicate_measurement", row.sheet, cell_name(row.row, row.value_col), {
            "code": code, "period": start.isoformat(), "first": display(first.value), "first_cell": first.location,
            "value": display(value)}))
    if target is not None and first.target is not None and not same_number(first.target, target):
        problems.append(ImportProblem("duplicate_target", row.sheet, cell_name(row.row, row.target_col), {
            "code": code, "period": start.isoformat(), "first": display(first.target), "value": display(target)}))
    if first.value is None and value is not None:
        first = first._replace(value=value, sheet=row.sheet, row=row.row, col=row.value_col)
    if first.target is None and target is not None:
        first = first._replace(target=target)
    if first.comment is None and row.comment is not None:
        first = first._replace(comment=row.comment)
    return first
