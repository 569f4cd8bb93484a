"""Import problems as structured objects (sheet, cell, code, params) and their Spanish/English texts.

Problems are stored as data (in ImportBatch.errors, in JSON output) and rendered late, so the upload page
can show a refused file in either language. Params hold only JSON-friendly scalars.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Field names as the user sees them in a header, for messages such as "falta la columna «Valor»".
FIELD_LABELS: dict[str, dict[str, str]] = {
    "es": {
        "code": "Código", "indicator": "Indicador", "name": "Nombre", "unit": "Unidad", "direction": "Sentido",
        "frequency": "Frecuencia", "aggregation": "Agregación", "target": "Meta", "target_min": "Meta mínima",
        "target_max": "Meta máxima", "perspective": "Perspectiva", "objective": "Objetivo", "process": "Proceso",
        "owner": "Responsable", "group": "Grupo", "green_threshold": "Umbral verde",
        "yellow_threshold": "Umbral amarillo", "baseline": "Línea base", "data_source": "Fuente de datos",
        "description": "Descripción", "weight": "Peso", "period": "Periodo", "value": "Valor",
        "comment": "Comentario", "month": "Mes", "year": "Año",
    },
    "en": {
        "code": "Code", "indicator": "Indicator", "name": "Name", "unit": "Unit", "direction": "Direction",
        "frequency": "Frequency", "aggregation": "Aggregation", "target": "Target", "target_min": "Minimum target",
        "target_max": "Maximum target", "perspective": "Perspective", "objective": "Objective", "process": "Process",
        "owner": "Owner", "group": "Group", "green_threshold": "Green threshold",
        "yellow_threshold": "Yellow threshold", "baseline": "Baseline", "data_source": "Data source",
        "description": "Description", "weight": "Weight", "period": "Period", "value": "Value",
        "comment": "Comment", "month": "Month", "year": "Year",
    },
}

FREQUENCY_LABELS = {
    "es": {"daily": "diaria", "weekly": "semanal", "monthly": "mensual", "quarterly": "trimestral", "yearly": "anual"},
    "en": {"daily": "daily", "weekly": "weekly", "monthly": "monthly", "quarterly": "quarterly", "yearly": "yearly"},
}
GRANULARITY_LABELS = {
    "es": {"day": "un día", "week": "una semana", "month": "un mes", "quarter": "un trimestre", "year": "un año"},
    "en": {"day": "a day", "week": "a week", "month": "a month", "quarter": "a quarter", "year": "a year"},
}

CATALOGUE: dict[str, dict[str, str]] = {
    "es": {
        "not_a_workbook": "«{file}» no es un libro de Excel .xlsx/.xlsm; guárdelo como «Libro de Excel» e inténtelo de nuevo",
        "unreadable_workbook": "no se pudo leer el libro «{file}»: {detail}",
        "workbook_too_large": "el libro descomprimido ocupa más de {limit_mb} MB; divídalo en archivos más pequeños",
        "compression_ratio": "el archivo interno «{entry}» está comprimido más de {limit} veces; se rechaza por seguridad",
        "too_many_cells": "el libro tiene más de {limit} celdas; divídalo en archivos más pequeños",
        "no_known_sheet": "ninguna hoja tiene indicadores ni mediciones: falta una fila de encabezado con Código/Indicador, Periodo y Valor, o una fila de periodos (hojas del libro: {sheets})",
        "file_too_large": "el archivo ocupa más de {limit_mb} MB; divídalo en archivos más pequeños",
        "old_excel_format": "«{file}» es un libro de Excel 97-2003 (.xls) o un libro protegido con contraseña; ábralo en Excel, quite la contraseña si la tiene y guárdelo como «Libro de Excel (.xlsx)»",
        "not_a_text_file": "«{file}» no es un archivo de texto CSV",
        "unknown_encoding": "«{file}» no está en UTF-8 ni en Windows-1252; guárdelo como «CSV UTF-8»",
        "encrypted_workbook": "«{file}» está cifrado; quite la contraseña y guárdelo de nuevo",
        "opendocument": "«{file}» es una hoja de cálculo OpenDocument (.ods); guárdela como «Libro de Excel (.xlsx)»",
        "binary_workbook": "«{file}» es un libro binario (.xlsb); guárdelo como «Libro de Excel (.xlsx)»",
        "too_many_entries": "el libro contiene más de {limit} partes internas; se rechaza por seguridad",
        "damaged_part": "el archivo interno «{entry}» del libro está dañado ({detail}); ábralo en Excel y guárdelo de nuevo",
        "lying_zip_entry": "el archivo interno «{entry}» no coincide con el tamaño que declara; se rechaza por seguridad",
        "xml_dtd": "el archivo interno «{entry}» declara una DTD o entidades XML, que un libro de Excel nunca lleva; se rechaza por seguridad",
        "ambiguous_number": "«{value}» es ambiguo: puede ser {thousands} o {decimal}; escríbalo sin separador de miles (o use la coma decimal en todo el archivo)",
        "month_without_year": "«{value}» es un mes sin año; escriba el año (ene-25, enero 2025) o póngalo en una fila encima de los meses",
        "duplicate_target": "la meta de {code} del periodo {period} aparece dos veces con valores distintos: {first} y {value}",
        "hidden_sheets_skipped": "hojas ocultas no leídas: {sheets}",
        "external_links_ignored": "el libro tiene {count} vínculo(s) a otros libros; se leyeron los valores guardados, sin abrir los vínculos",
        "macros_ignored": "el libro contiene macros; no se ejecutaron",
        "sheet_skipped": "hoja no leída: no tiene encabezado de indicadores, de mediciones ni una fila de periodos",
        "identical_import": "el archivo es idéntico al del lote {batch} ({by}, {at}) y nada ha cambiado desde entonces: no hay nada que importar",
        "file_changed": "«{file}» no es el archivo de la vista previa; súbalo de nuevo",
        "internal_error": "no se pudo leer el archivo por un error interno ({detail}); avise al administrador",
        "missing_header": "falta la columna «{field}»",
        "missing_header_any": "falta una columna de indicador («Código» o «Indicador»)",
        "duplicate_header": "la columna «{field}» aparece dos veces (también en {other})",
        "missing_cell": "falta el dato de «{field}»",
        "unknown_indicator": "indicador desconocido «{code}»",
        "ambiguous_indicator": "«{code}» coincide con varios indicadores ({matches}); use el código",
        "not_a_number": "«{value}» no es un número",
        "not_a_period": "«{value}» no es un periodo (use una fecha de Excel, AAAA-MM-DD, AAAA-MM, ene-25, T1 2025, 2025-W05 o AAAA)",
        "period_too_coarse": "«{value}» es {granularity}, pero {code} es de frecuencia {frequency}",
        "duplicate_measurement": "{code} del periodo {period} aparece dos veces con valores distintos: {first} en {first_cell} y {value} aquí",
        "unknown_direction": "«{value}» no es un sentido (use mayor es mejor, menor es mejor o rango)",
        "unknown_frequency": "«{value}» no es una frecuencia (use diaria, semanal, mensual, trimestral o anual)",
        "unknown_aggregation": "«{value}» no es una agregación (use suma, promedio, último, mínimo o máximo)",
        "unknown_perspective": "perspectiva desconocida «{value}»",
        "unknown_objective": "objetivo desconocido «{value}»",
        "unknown_process": "proceso desconocido «{value}»",
        "too_long": "«{field}» admite a lo sumo {limit} caracteres (tiene {length})",
        "name_required": "el indicador nuevo «{code}» necesita un nombre",
        "duplicate_definition": "el indicador «{code}» ya está definido en {first_cell} con otros datos",
        "range_needs_bounds": "el indicador de rango «{code}» necesita «Meta mínima» y «Meta máxima»",
        "range_unordered": "la meta mínima ({low}) debe ser menor que la meta máxima ({high})",
        "thresholds_unordered": "el umbral amarillo ({yellow}) debe estar entre 0 y el umbral verde ({green})",
        "not_positive": "«{field}» debe ser mayor que cero",
        "frequency_change": "no se puede cambiar la frecuencia de «{code}» de {old} a {new}: ya tiene mediciones",
        "write_failed": "la base de datos rechazó la escritura: {detail}",
        "more_errors": "… y {count} errores más",
    },
    "en": {
        "not_a_workbook": "“{file}” is not an .xlsx/.xlsm Excel workbook; save it as “Excel Workbook” and try again",
        "unreadable_workbook": "the workbook “{file}” could not be read: {detail}",
        "workbook_too_large": "the workbook takes more than {limit_mb} MB uncompressed; split it into smaller files",
        "compression_ratio": "the inner file “{entry}” is compressed more than {limit} times; refused for safety",
        "too_many_cells": "the workbook has more than {limit} cells; split it into smaller files",
        "no_known_sheet": "no sheet holds indicators or measurements: a header row with Code/Indicator, Period and Value, or a row of periods, is missing (sheets in the workbook: {sheets})",
        "file_too_large": "the file is larger than {limit_mb} MB; split it into smaller files",
        "old_excel_format": "“{file}” is an Excel 97-2003 workbook (.xls) or a password-protected workbook; open it in Excel, remove any password and save it as “Excel Workbook (.xlsx)”",
        "not_a_text_file": "“{file}” is not a CSV text file",
        "unknown_encoding": "“{file}” is neither UTF-8 nor Windows-1252; save it as “CSV UTF-8”",
        "encrypted_workbook": "“{file}” is encrypted; remove the password and save it again",
        "opendocument": "“{file}” is an OpenDocument spreadsheet (.ods); save it as “Excel Workbook (.xlsx)”",
        "binary_workbook": "“{file}” is a binary workbook (.xlsb); save it as “Excel Workbook (.xlsx)”",
        "too_many_entries": "the workbook holds more than {limit} inner parts; refused for safety",
        "damaged_part": "the inner file “{entry}” of the workbook is damaged ({detail}); open it in Excel and save it again",
        "lying_zip_entry": "the inner file “{entry}” does not match the size it declares; refused for safety",
        "xml_dtd": "the inner file “{entry}” declares a DTD or XML entities, which an Excel workbook never has; refused for safety",
        "ambiguous_number": "“{value}” is ambiguous: it may be {thousands} or {decimal}; write it without a thousands separator (or use one decimal mark throughout the file)",
        "month_without_year": "“{value}” is a month without a year; write the year (Jan-25, January 2025) or put it in a row above the months",
        "duplicate_target": "the target of {code} for period {period} appears twice with different values: {first} and {value}",
        "hidden_sheets_skipped": "hidden sheets not read: {sheets}",
        "external_links_ignored": "the workbook has {count} link(s) to other workbooks; their saved values were read, the links were not opened",
        "macros_ignored": "the workbook contains macros; they were not run",
        "sheet_skipped": "sheet not read: it has no indicators or measurements header, nor a row of periods",
        "identical_import": "the file is identical to the one of batch {batch} ({by}, {at}) and nothing has changed since: there is nothing to import",
        "file_changed": "“{file}” is not the file of the preview; upload it again",
        "internal_error": "the file could not be read because of an internal error ({detail}); tell the administrator",
        "missing_header": "the column “{field}” is missing",
        "missing_header_any": "an indicator column (“Code” or “Indicator”) is missing",
        "duplicate_header": "the column “{field}” appears twice (also at {other})",
        "missing_cell": "the “{field}” is missing",
        "unknown_indicator": "unknown indicator “{code}”",
        "ambiguous_indicator": "“{code}” matches several indicators ({matches}); use the code",
        "not_a_number": "“{value}” is not a number",
        "not_a_period": "“{value}” is not a period (use an Excel date, YYYY-MM-DD, YYYY-MM, Jan-25, Q1 2025, 2025-W05 or YYYY)",
        "period_too_coarse": "“{value}” is {granularity}, but {code} is measured {frequency}",
        "duplicate_measurement": "{code} for period {period} appears twice with different values: {first} at {first_cell} and {value} here",
        "unknown_direction": "“{value}” is not a direction (use higher, lower or range)",
        "unknown_frequency": "“{value}” is not a frequency (use daily, weekly, monthly, quarterly or yearly)",
        "unknown_aggregation": "“{value}” is not an aggregation (use sum, mean, last, min or max)",
        "unknown_perspective": "unknown perspective “{value}”",
        "unknown_objective": "unknown objective “{value}”",
        "unknown_process": "unknown process “{value}”",
        "too_long": "“{field}” takes at most {limit} characters (it has {length})",
        "name_required": "the new indicator “{code}” needs a name",
        "duplicate_definition": "the indicator “{code}” is already defined at {first_cell} with other data",
        "range_needs_bounds": "the range indicator “{code}” needs a “Minimum target” and a “Maximum target”",
        "range_unordered": "the minimum target ({low}) must be less than the maximum target ({high})",
        "thresholds_unordered": "the yellow threshold ({yellow}) must lie between 0 and the green threshold ({green})",
        "not_positive": "“{field}” must be greater than zero",
        "frequency_change": "the frequency of “{code}” cannot change from {old} to {new}: it already has measurements",
        "write_failed": "the database refused the write: {detail}",
        "more_errors": "… and {count} more errors",
    },
}

_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def column_letter(col: int) -> str:
    """0-based column index → Excel letters (0 → A, 27 → AB)."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """0-based (row, col) → "C7"."""
    return f"{column_letter(col)}{row + 1}"


def sheet_ref(sheet: str) -> str:
    """A sheet name as Excel writes it in a reference: quoted when it has spaces or symbols."""
    if _PLAIN_SHEET.match(sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def _lang(lang: str) -> str:
    return lang if lang in CATALOGUE else "es"


def _localise_param(key: str, value, lang: str):
    # Field codes, frequencies and granularities are stored as codes and shown in the reader's language.
    if key == "field":
        return FIELD_LABELS[lang].get(value, value)
    if key in ("frequency", "old", "new"):
        return FREQUENCY_LABELS[lang].get(value, value)
    if key == "granularity":
        return GRANULARITY_LABELS[lang].get(value, value)
    return value


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with an offered file; `cell` is like "C7" (None for whole-file or whole-sheet problems)."""

    code: str
    sheet: str | None = None
    cell: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def location(self) -> str:
        """"Mediciones!C7", "Mediciones" or "" — what the user looks for in Excel."""
        if self.sheet and self.cell:
            return f"{sheet_ref(self.sheet)}!{self.cell}"
        return self.sheet or ""

    def message(self, lang: str = "es") -> str:
        """The text without its location."""
        lang = _lang(lang)
        template = CATALOGUE[lang].get(self.code, self.code)
        params = {k: _localise_param(k, v, lang) for k, v in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return f"{template} {self.params}"

    def render(self, lang: str = "es") -> str:
        """One line: "Mediciones!C7: «pendiente» no es un número"."""
        location = self.location
        return f"{location}: {self.message(lang)}" if location else self.message(lang)

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "cell": self.cell, "code": self.code, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: dict) -> "ImportProblem":
        return cls(code=data["code"], sheet=data.get("sheet"), cell=data.get("cell"), params=dict(data.get("params") or {}))


_CELL = re.compile(r"^([A-Z]+)(\d+)$")


def reading_order(problems: list[ImportProblem], sheets: list[str]) -> list[ImportProblem]:
    """Problems sorted as a person reads the file: whole-file ones first, then sheet by sheet, row by row."""
    def key(problem: ImportProblem):
        sheet = sheets.index(problem.sheet) if problem.sheet in sheets else -1
        match = _CELL.match(problem.cell or "")
        if not match:
            return (sheet, -1, -1)
        col = 0
        for letter in match[1]:
            col = col * 26 + ord(letter) - 64
        return (sheet, int(match[2]), col)
    return sorted(problems, key=key)


def render_all(problems, lang: str = "es") -> list[str]:
    return [p.render(lang) for p in problems]
