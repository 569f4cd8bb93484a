"""Excel reading and validation into rows plus a list of every error (DESIGN §4); no sessions here.

Pipeline: `open_workbook` (reader: hostile-file checks, cells with coordinates) → `parse_workbook`
(one parser per layout) → `validate` (against `ReferenceData` the service reads from the database).
"""
from .layouts import DefinitionRow, MeasurementRow, ParsedWorkbook, parse_workbook
from .messages import ImportProblem, render_all
from .reader import DEFAULT_LIMITS, Cell, Limits, Sheet, Workbook, WorkbookRefused, open_workbook
from .validate import (
    ImportPlan, KnownIndicator, Reference, ReferenceData, ValidDefinition, ValidMeasurement, same_number, validate,
)
from .values import ParsedPeriod, parse_number, parse_period, period_start

__all__ = [
    "DEFAULT_LIMITS", "Cell", "DefinitionRow", "ImportPlan", "ImportProblem", "KnownIndicator", "Limits",
    "MeasurementRow", "ParsedPeriod", "ParsedWorkbook", "Reference", "ReferenceData", "Sheet", "ValidDefinition",
    "ValidMeasurement", "Workbook", "WorkbookRefused", "open_workbook", "parse_number", "parse_period",
    "parse_workbook", "period_start", "render_all", "same_number", "validate",
]
