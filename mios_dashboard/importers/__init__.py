"""Excel and CSV reading and validation into rows plus a list of every error (docs/import-formats.md); no sessions here.

Pipeline: `open_workbook` (safety: hostile-file checks before any parser; reader: xlsx through calamine,
csv through the csv module) → `parse_workbook` (layouts: definitions, long and wide measurements) →
`validate` (against `ReferenceData` the service reads from the database). `verify_defusedxml` is the
start-up check the app and the command line call.
"""
from mios_dashboard.importers.definitions import DefinitionRow
from mios_dashboard.importers.layouts import ParsedWorkbook, parse_workbook
from mios_dashboard.importers.measurement_layouts import MeasurementRow
from mios_dashboard.importers.periods import MonthOnly, ParsedPeriod, parse_period, period_start, read_period
from mios_dashboard.importers.problems import ImportProblem, render_all
from mios_dashboard.importers.reader import Cell, Sheet, Workbook, open_workbook
from mios_dashboard.importers.safety import DEFAULT_LIMITS, Limits, SafetyError, verify_defusedxml
from mios_dashboard.importers.validate import (
    ImportPlan,
    KnownIndicator,
    Reference,
    ReferenceData,
    ValidDefinition,
    ValidMeasurement,
    is_percent_unit,
    same_number,
    validate,
)
from mios_dashboard.importers.values import AmbiguousNumber, parse_number

__all__ = [
    "DEFAULT_LIMITS", "AmbiguousNumber", "Cell", "DefinitionRow", "ImportPlan", "ImportProblem", "KnownIndicator",
    "Limits", "MeasurementRow", "MonthOnly", "ParsedPeriod", "ParsedWorkbook", "Reference", "ReferenceData",
    "SafetyError", "Sheet", "ValidDefinition", "ValidMeasurement", "Workbook", "is_percent_unit",
    "open_workbook", "parse_number", "parse_period", "parse_workbook", "period_start", "read_period", "render_all",
    "same_number", "validate", "verify_defusedxml",
]
