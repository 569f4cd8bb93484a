"""One parser per sheet layout: cells in, typed rows plus every problem out (no database, no references).

Layouts recognised so far: the Indicadores/Indicators definitions sheet and the clean long
Mediciones/Measurements sheet (DESIGN §4). A new layout adds a parser and an entry in `SHEET_LAYOUTS`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .messages import ImportProblem
from .reader import Cell, Sheet, Workbook
from .values import (
    ParsedPeriod, ValueProblem, is_no_value, normalize, parse_aggregation, parse_direction, parse_fraction,
    parse_frequency, parse_number, parse_period, parse_text,
)

HEADER_SEARCH_ROWS = 20  # the header may sit under a title or two

DEFINITION_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("código", "codigo del indicador", "clave", "code", "indicator code", "kpi code"),
    "name": ("nombre", "nombre del indicador", "indicador", "name", "indicator", "indicator name"),
    "unit": ("unidad", "unidad de medida", "unit", "unit of measure"),
    "direction": ("sentido", "polaridad", "direction", "polarity"),
    "frequency": ("frecuencia", "periodicidad", "frequency"),
    "aggregation": ("agregación", "aggregation"),
    "target": ("meta", "target"),
    "target_min": ("meta mínima", "meta min", "target min", "minimum target", "target minimum"),
    "target_max": ("meta máxima", "meta max", "target max", "maximum target", "target maximum"),
    "perspective": ("perspectiva", "perspective"),
    "objective": ("objetivo", "objetivo de la calidad", "objective", "quality objective"),
    "process": ("proceso", "process"),
    "owner": ("responsable", "owner"),
    "group": ("grupo", "group"),
    "green_threshold": ("umbral verde", "verde", "green threshold", "green"),
    "yellow_threshold": ("umbral amarillo", "amarillo", "yellow threshold", "yellow"),
    "baseline": ("línea base", "linea de base", "baseline"),
    "data_source": ("fuente", "fuente de datos", "data source", "source"),
    "description": ("descripción", "description"),
    "weight": ("peso", "ponderación", "weight"),
}
MEASUREMENT_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("código", "codigo del indicador", "clave", "code", "indicator code", "kpi"),
    "indicator": ("indicador", "nombre", "nombre del indicador", "indicator", "name", "indicator name"),
    "period": ("periodo", "período", "fecha", "mes", "period", "date", "month"),
    "value": ("valor", "real", "resultado", "value", "actual"),
    "comment": ("comentario", "comentarios", "observaciones", "nota", "notas", "comment", "comments", "note", "notes"),
}

# Model column lengths: longer text would be cut or refused by the database, so it is an error here.
TEXT_LIMITS = {"code": 20, "name": 200, "unit": 30, "owner": 120, "group": 60, "data_source": 200}
TEXT_FIELDS = ("name", "unit", "owner", "group", "data_source", "description")
NUMBER_FIELDS = ("target", "target_min", "target_max", "baseline", "weight")
FRACTION_FIELDS = ("green_threshold", "yellow_threshold")
VOCABULARY_FIELDS: dict[str, Callable[[object], str]] = {
    "direction": parse_direction, "frequency": parse_frequency, "aggregation": parse_aggregation,
}
REFERENCE_FIELDS = ("perspective", "objective", "process")


@dataclass
class DefinitionRow:
    """One Indicadores row: the code, the fields the file fills (model names) and references still as text."""

    code: str
    code_cell: Cell
    values: dict[str, object] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)
    cells: dict[str, Cell] = field(default_factory=dict)
    broken: bool = False  # a cell of the row could not be read (already reported)


@dataclass(frozen=True)
class MeasurementRow:
    """One measurement as written: the indicator text (code or name), its period, value and comment.

    `period` or `value` is None when its cell could not be read (that problem is already reported).
    """

    indicator: str
    indicator_cell: Cell
    period: ParsedPeriod | None
    period_cell: Cell
    value: float | None
    value_cell: Cell
    comment: str | None = None


@dataclass
class ParsedWorkbook:
    sheets: list[str] = field(default_factory=list)
    definitions: list[DefinitionRow] = field(default_factory=list)
    measurements: list[MeasurementRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


# --- headers ------------------------------------------------------------------------------------------------
def _alias_table(headers: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalize(alias): key for key, aliases in headers.items() for alias in aliases}


REPEATABLE = frozenset({"comment"})  # "Comentario" and "Notas" side by side: the first one is read


def find_header(sheet: Sheet, headers: dict[str, tuple[str, ...]], problems: list[ImportProblem]):
    """The header row (the one naming most known columns among the first rows) → (row index, {field: col}).

    A column named twice is an error (which one holds the value?), except for free text such as comments.
    """
    aliases = _alias_table(headers)
    best_row, best_hits = None, 0
    for cells in sheet.iter_rows():
        if cells and cells[0].row >= HEADER_SEARCH_ROWS:
            break
        hits = sum(1 for c in cells if isinstance(c.value, str) and normalize(c.value) in aliases)
        if hits > best_hits:
            best_row, best_hits = cells[0].row, hits
    if best_row is None:
        first = next((cells for cells in sheet.iter_rows() if any(not c.is_blank for c in cells)), None)
        return (first[0].row if first else 0), {}
    columns: dict[str, int] = {}
    for cell in sheet.row(best_row):
        key = aliases.get(normalize(cell.value)) if isinstance(cell.value, str) else None
        if key is None:
            continue  # notes, totals, anything else: ignored
        if key in columns and key not in REPEATABLE:
            problems.append(cell.problem("duplicate_header", field=key, other=sheet.cell(best_row, columns[key]).name))
        elif key not in columns:
            columns[key] = cell.col
    return best_row, columns


def _missing_header(sheet: Sheet, header_row: int, field_key: str) -> ImportProblem:
    return sheet.cell(header_row, 0).problem("missing_header", field=field_key)


def _read(cell: Cell, reader, problems: list[ImportProblem]):
    """Apply a value reader; a failure becomes a problem at the cell and None."""
    try:
        return reader(cell.value)
    except ValueProblem as exc:
        problems.append(cell.problem(exc.code, **exc.params))
        return None


# --- Indicadores -----------------------------------------------------------------------------------------------
def parse_definitions(sheet: Sheet) -> tuple[list[DefinitionRow], list[ImportProblem]]:
    """Rows of a definitions sheet; blank cells leave the indicator's current value alone."""
    problems: list[ImportProblem] = []
    header_row, columns = find_header(sheet, DEFINITION_HEADERS, problems)
    if "code" not in columns:
        return [], problems + [_missing_header(sheet, header_row, "code")]
    rows: list[DefinitionRow] = []
    for cells in sheet.iter_rows(header_row + 1):
        by_field = {key: sheet.cell(cells[0].row, col) for key, col in columns.items()} if cells else {}
        if not by_field or all(c.is_blank for c in by_field.values()):
            continue
        code_cell = by_field["code"]
        if code_cell.is_blank:
            problems.append(code_cell.problem("missing_cell", field="code"))
            continue
        row = DefinitionRow(code=parse_text(code_cell.value), code_cell=code_cell, cells=by_field)
        reported = len(problems)
        _check_length(code_cell, "code", row.code, problems)
        for key, cell in by_field.items():
            if key == "code" or cell.is_blank:
                continue
            if key in TEXT_FIELDS:
                text = parse_text(cell.value)
                if _check_length(cell, key, text, problems):
                    row.values[key] = text
            elif key in NUMBER_FIELDS:
                if (number := _read(cell, parse_number, problems)) is not None:
                    row.values[key] = number
            elif key in FRACTION_FIELDS:
                if (number := _read(cell, parse_fraction, problems)) is not None:
                    row.values[key] = number
            elif key in VOCABULARY_FIELDS:
                if (code := _read(cell, VOCABULARY_FIELDS[key], problems)) is not None:
                    row.values[key] = code
            elif key in REFERENCE_FIELDS:
                row.references[key] = parse_text(cell.value)
        row.broken = len(problems) > reported
        rows.append(row)
    return rows, problems


def _check_length(cell: Cell, key: str, text: str, problems: list[ImportProblem]) -> bool:
    limit = TEXT_LIMITS.get(key)
    if limit is not None and len(text) > limit:
        problems.append(cell.problem("too_long", field=key, limit=limit, length=len(text)))
        return False
    return True


# --- Mediciones ------------------------------------------------------------------------------------------------
def parse_measurements(sheet: Sheet) -> tuple[list[MeasurementRow], list[ImportProblem]]:
    """Rows of a long measurements sheet; a blank value (or `-`, `n/d`) means "no measurement", not zero."""
    problems: list[ImportProblem] = []
    header_row, columns = find_header(sheet, MEASUREMENT_HEADERS, problems)
    missing = []
    if "code" not in columns and "indicator" not in columns:
        missing.append(sheet.cell(header_row, 0).problem("missing_header_any"))
    missing += [_missing_header(sheet, header_row, key) for key in ("period", "value") if key not in columns]
    if missing:
        return [], problems + missing
    indicator_col = columns.get("code", columns.get("indicator"))
    indicator_field = "code" if "code" in columns else "indicator"
    rows: list[MeasurementRow] = []
    for cells in sheet.iter_rows(header_row + 1):
        if not cells:
            continue
        index = cells[0].row
        indicator_cell = sheet.cell(index, indicator_col)
        if indicator_cell.is_blank and "code" in columns and "indicator" in columns:
            indicator_cell = sheet.cell(index, columns["indicator"])
        period_cell = sheet.cell(index, columns["period"])
        value_cell = sheet.cell(index, columns["value"])
        comment_cell = sheet.cell(index, columns["comment"]) if "comment" in columns else None
        if is_no_value(value_cell.value):
            continue  # blank rows, section titles, and "no measurement this period"
        if indicator_cell.is_blank:
            problems.append(indicator_cell.problem("missing_cell", field=indicator_field))
        if period_cell.is_blank:
            problems.append(period_cell.problem("missing_cell", field="period"))
            period = None
        else:
            period = _read(period_cell, parse_period, problems)
        value = _read(value_cell, parse_number, problems)
        if indicator_cell.is_blank:
            continue
        # Rows with an unreadable period or value still go on, so an unknown indicator is reported too.
        comment = None
        if comment_cell is not None and not comment_cell.is_blank:
            comment = parse_text(comment_cell.value)
        rows.append(MeasurementRow(
            indicator=parse_text(indicator_cell.value), indicator_cell=indicator_cell, period=period,
            period_cell=period_cell, value=value, value_cell=value_cell, comment=comment,
        ))
    return rows, problems


# --- workbook --------------------------------------------------------------------------------------------------
SHEET_LAYOUTS = {
    "definitions": ("indicadores", "indicators", "kpis", "kpi"),
    "measurements": ("mediciones", "measurements", "datos", "data"),
}


def parse_workbook(workbook: Workbook) -> ParsedWorkbook:
    """Every sheet whose name says its layout (definitions first, so a file can define and measure at once)."""
    parsed = ParsedWorkbook()
    by_layout: dict[str, list[str]] = {layout: [] for layout in SHEET_LAYOUTS}
    for name in workbook.sheet_names:
        for layout, names in SHEET_LAYOUTS.items():
            if normalize(name) in names:
                by_layout[layout].append(name)
    if not any(by_layout.values()):
        parsed.problems.append(ImportProblem("no_known_sheet", params={"sheets": ", ".join(workbook.sheet_names)}))
        return parsed
    for name in by_layout["definitions"]:
        rows, problems = parse_definitions(workbook.sheet(name))
        parsed.sheets.append(name)
        parsed.definitions += rows
        parsed.problems += problems
    for name in by_layout["measurements"]:
        rows, problems = parse_measurements(workbook.sheet(name))
        parsed.sheets.append(name)
        parsed.measurements += rows
        parsed.problems += problems
    return parsed
