"""The demo's indicators and measurements as the files people keep them in, for the importer to read.

The demo loads its indicator definitions, sales budgets and measurements through the importer, from files
written here for the anchor month, so the demo walks the same path as a user's workbook. Each file is one of
the shapes the importer reads, kept by the person who would keep it:
- indicadores.xlsx — the definitions sheet (Indicadores), Spanish headers and words, thresholds as percentages;
- tablero-mensual.xlsx — a wide sheet: title rows, a year band (merged cells) over Spanish month names,
  indicators by name under section titles, a Promedio column (not a period: ignored), gaps left blank or "n/d";
- comercial.xlsx — a long sheet (Código, Indicador, Periodo, Valor, Meta): the seasonal sales budget goes in
  the Meta column (per-period targets); months as Excel dates, quarters as "T3 2025", years as "2025";
- calidad.xlsx — a long sheet with separate Año and Mes columns and the comments of the quality log;
- indicadores-semanales.csv — Excel's Spanish-locale CSV: ";" separator, decimal comma, cp1252, dd/mm/aaaa;
- oee-diario.xlsx — a daily export of the plant's MES (Fecha, Código, Valor) under a title row.

The bytes depend only on the anchor month (fixed zip timestamps and document dates), so reloading for the same
month finds every file as it was. Who keeps each file, and which indicator groups go into the two long ones,
is data (indicators.yaml, `files`); the layouts are these functions. Nothing here touches the database.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from mios_dashboard.demo.calendar import MONTH_NAMES, DemoCalendar, add_months, spanish_month
from mios_dashboard.demo.series import budget_targets, noise_table, series_values
from mios_dashboard.exporters.cells import first_sheet
from mios_dashboard.i18n import t

if TYPE_CHECKING:
    from openpyxl.cell import _CellSetValue as CellValue

    from mios_dashboard.demo.content import DemoContent, IndicatorSpec, Person

DEFINITIONS = "indicadores.xlsx"
MONTHLY = "tablero-mensual.xlsx"
COMMERCIAL = "comercial.xlsx"
QUALITY = "calidad.xlsx"
WEEKLY = "indicadores-semanales.csv"
DAILY = "oee-diario.xlsx"
# In import order: the definitions first, so the measurement files find their indicators.
FILE_NAMES = (DEFINITIONS, MONTHLY, COMMERCIAL, QUALITY, WEEKLY, DAILY)
NO_VALUE = "n/d"  # how the monthly board marks a month whose figure is not closed yet
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
SHORT_MONTHS = ("Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic")
PERCENT = "0%"


@dataclass(frozen=True)
class DemoFile:
    """One file of the demo: its name, who keeps it, the indicators it measures, and its bytes."""

    name: str
    keeper: Person
    codes: tuple[str, ...]
    content: bytes

    @property
    def actor(self) -> str:
        return self.keeper.full


Values = dict[str, list[tuple[dt.date, float, "str | None"]]]


def file_for(frequency: str, group: str, file_groups: dict[str, tuple[str, ...]]) -> str:
    """The file that carries an indicator's measurements: by frequency, then by group, else the monthly board."""
    if frequency == "weekly":
        return WEEKLY
    if frequency == "daily":
        return DAILY
    for name in (COMMERCIAL, QUALITY):
        if group in file_groups.get(name, ()):
            return name
    return MONTHLY


def series(content: DemoContent, cal: DemoCalendar) -> Values:
    """Every indicator's (period, value, comment), oldest first, from its story."""
    noise = noise_table(len(content.indicators), content.noise_seed)
    return {spec.code: series_values(spec.series, spec.frequency, spec.decimals, cal, noise[n])
            for n, spec in enumerate(content.indicators)}


def demo_files(content: DemoContent, cal: DemoCalendar, values: Values | None = None) -> list[DemoFile]:
    """The demo's files for `cal`'s anchor month, in import order."""
    values = series(content, cal) if values is None else values
    stamp = dt.datetime.combine(cal.end, dt.time(18, 0))
    specs: dict[str, list[IndicatorSpec]] = {name: [] for name in FILE_NAMES}
    for spec in content.indicators:
        specs[file_for(spec.frequency, spec.group, content.file_groups)].append(spec)
    legal_name = content.organization["legal_name"]
    names = ({row["code"]: row["name"] for row in content.perspectives},
             {row["code"]: row["name"] for row in content.processes})
    writers: dict[str, Callable[[], bytes]] = {
        DEFINITIONS: lambda: _definitions(cal, content.indicators, names, legal_name, stamp),
        MONTHLY: lambda: _monthly(cal, specs[MONTHLY], values, legal_name, stamp),
        COMMERCIAL: lambda: _commercial(cal, specs[COMMERCIAL], values, legal_name, stamp),
        QUALITY: lambda: _quality(specs[QUALITY], values, legal_name, stamp),
        WEEKLY: lambda: _weekly(specs[WEEKLY], values),
        DAILY: lambda: _daily(cal, specs[DAILY], values, legal_name, stamp),
    }
    codes = {name: tuple(s.code for s in found) for name, found in specs.items()}
    codes[DEFINITIONS] = tuple(s.code for s in content.indicators)
    return [DemoFile(name, content.keepers[name], codes[name], writers[name]()) for name in FILE_NAMES]


# --- the definitions ---------------------------------------------------------------------------------------
# (header, value of a spec given the perspective and process names by code, number format, width)
DEFINITION_COLUMNS: tuple[tuple[str, Callable[[IndicatorSpec, tuple[dict, dict]], CellValue], str | None, int], ...] = (
    ("Código", lambda s, n: s.code, None, 10),
    ("Nombre", lambda s, n: s.name, None, 48),
    ("Unidad", lambda s, n: s.unit, None, 10),
    ("Sentido", lambda s, n: t(f"direction.{s.direction}", "es"), None, 16),
    ("Frecuencia", lambda s, n: t(f"frequency.{s.frequency}", "es"), None, 12),
    ("Agregación", lambda s, n: t(f"aggregation.{s.aggregation}", "es"), None, 12),
    ("Meta", lambda s, n: s.target, "#,##0.##", 14),
    ("Meta mínima", lambda s, n: s.target_range[0] if s.target_range else None, "#,##0.##", 12),
    ("Meta máxima", lambda s, n: s.target_range[1] if s.target_range else None, "#,##0.##", 12),
    ("Umbral verde", lambda s, n: s.green, PERCENT, 12),
    ("Umbral amarillo", lambda s, n: s.yellow, PERCENT, 12),
    ("Línea base", lambda s, n: s.baseline, "#,##0.##", 12),
    ("Peso", lambda s, n: s.weight, "0.0", 6),
    ("Perspectiva", lambda s, n: n[0][s.perspective], None, 24),
    ("Objetivo", lambda s, n: s.objective, None, 10),
    ("Proceso", lambda s, n: n[1][s.process], None, 34),
    ("Responsable", lambda s, n: s.owner.owner, None, 44),
    ("Grupo", lambda s, n: s.group, None, 14),
    ("Fuente de datos", lambda s, n: s.data_source, None, 48),
    ("Descripción", lambda s, n: s.description or None, None, 60),
)


def _definitions(cal: DemoCalendar, specs: list[IndicatorSpec], names: tuple[dict, dict], legal_name: str,
                 stamp: dt.datetime) -> bytes:
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = "Indicadores"
    _header(ws, 1, [header for header, *_ in DEFINITION_COLUMNS])
    for row, spec in enumerate(specs, 2):
        for col, (_header_text, value, number_format, _width) in enumerate(DEFINITION_COLUMNS, 1):
            cell = ws.cell(row, col, value(spec, names))
            if number_format:
                cell.number_format = number_format
    for col, (*_rest, width) in enumerate(DEFINITION_COLUMNS, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "C2"
    return _xlsx(wb, stamp, f"Indicadores del tablero — {spanish_month(cal.anchor)}", legal_name)


# --- the monthly board (wide) ------------------------------------------------------------------------------
def _monthly(cal: DemoCalendar, specs: list[IndicatorSpec], values: Values, legal_name: str,
             stamp: dt.datetime) -> bytes:
    months = cal.monthly()
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = "Mensual"
    ws.cell(1, 1, legal_name).font = TITLE
    ws.cell(2, 1, f"Tablero mensual de indicadores, {spanish_month(months[0])} a {spanish_month(months[-1])}")
    ws.cell(3, 1, f"Cifras al cierre de {spanish_month(cal.anchor)}; n/d: cifra aún no cerrada.")
    band, header, first_col = 5, 6, 3
    for year in sorted({m.year for m in months}):
        cols = [first_col + n for n, m in enumerate(months) if m.year == year]
        ws.cell(band, cols[0], year).font = BOLD
        if len(cols) > 1:
            ws.merge_cells(start_row=band, start_column=cols[0], end_row=band, end_column=cols[-1])
    _header(ws, header, ["Indicador", "Unidad", *(SHORT_MONTHS[m.month - 1] for m in months), "Promedio"])
    row = header + 1
    for group in dict.fromkeys(spec.group for spec in specs):
        ws.cell(row, 1, group).font = BOLD  # a section title: no values, skipped by the importer
        row += 1
        for spec in (s for s in specs if s.group == group):
            if spec.frequency != "monthly":
                raise ValueError(f"{spec.code}: the monthly board holds monthly indicators only")
            by_month = {period: value for period, value, comment in values[spec.code] if _no_comment(spec, comment)}
            ws.cell(row, 1, spec.name)
            ws.cell(row, 2, spec.unit)
            for n, month in enumerate(months):
                cell = ws.cell(row, first_col + n)
                if month in by_month:
                    cell.value = by_month[month]
                    cell.number_format = _number_format(spec.decimals)
                elif month == cal.anchor and 0 in spec.series.gaps:
                    cell.value = NO_VALUE  # the newest month, not closed yet
            if by_month:
                average = ws.cell(row, first_col + len(months), round(sum(by_month.values()) / len(by_month),
                                                                      spec.decimals))
                average.number_format = _number_format(spec.decimals)
            row += 1
    ws.column_dimensions["A"].width = 52
    for col in range(first_col, first_col + len(months) + 1):
        ws.column_dimensions[get_column_letter(col)].width = 12
    ws.freeze_panes = ws.cell(header + 1, first_col).coordinate
    return _xlsx(wb, stamp, "Tablero mensual de indicadores", legal_name)


def _no_comment(spec: IndicatorSpec, comment: str | None) -> bool:
    if comment is not None:  # a wide sheet has no place for a comment: such an indicator belongs in a long file
        raise ValueError(f"{spec.code}: a commented value cannot go to the monthly board")
    return True


# --- the commercial file (long, with the budget as per-period targets) ------------------------------------
def _commercial(cal: DemoCalendar, specs: list[IndicatorSpec], values: Values, legal_name: str,
                stamp: dt.datetime) -> bytes:
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = "Ventas y clientes"
    _header(ws, 1, ["Código", "Indicador", "Periodo", "Valor", "Meta", "Comentario"])
    row = 2
    for spec in specs:
        budget = dict(budget_targets(spec.series.budget, spec.frequency, cal)) if spec.series.budget else {}
        measured = {period: (value, comment) for period, value, comment in values[spec.code]}
        for period in sorted(set(measured) | set(budget)):
            value, comment = measured.get(period, (None, None))
            ws.cell(row, 1, spec.code)
            ws.cell(row, 2, spec.name)
            period_cell = ws.cell(row, 3, _period_text(period, spec.frequency))
            if spec.frequency == "monthly":
                period_cell.number_format = "mmm-yy"
            ws.cell(row, 4, value).number_format = _number_format(spec.decimals)
            if period in budget:
                ws.cell(row, 5, budget[period]).number_format = _number_format(0)
            ws.cell(row, 6, comment)
            row += 1
    _widths(ws, (10, 44, 10, 16, 16, 40))
    ws.freeze_panes = "A2"
    return _xlsx(wb, stamp, "Ventas, presupuesto y clientes", legal_name)


def _period_text(period: dt.date, frequency: str):
    """A period as the commercial area writes it: an Excel date for a month, "T3 2025", "2025"."""
    if frequency == "quarterly":
        return f"T{(period.month - 1) // 3 + 1} {period.year}"
    if frequency == "yearly":
        return str(period.year)
    return dt.datetime.combine(period, dt.time())


# --- the quality log (long, year and month columns, comments) ---------------------------------------------
def _quality(specs: list[IndicatorSpec], values: Values, legal_name: str, stamp: dt.datetime) -> bytes:
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = "Bitácora"
    _header(ws, 1, ["Año", "Mes", "Código", "Indicador", "Valor", "Unidad", "Comentario"])
    rows = []
    for spec in specs:
        for period, value, comment in values[spec.code]:
            # A quarterly evaluation is logged in the quarter's last month.
            month = add_months(period, 2) if spec.frequency == "quarterly" else period
            if spec.frequency not in ("monthly", "quarterly"):
                raise ValueError(f"{spec.code}: the quality log holds monthly and quarterly indicators only")
            rows.append((month, spec, value, comment))
    rows.sort(key=lambda r: (r[0], r[1].code))
    for row, (month, spec, value, comment) in enumerate(rows, 2):
        ws.cell(row, 1, month.year)
        ws.cell(row, 2, MONTH_NAMES[month.month - 1].capitalize())
        ws.cell(row, 3, spec.code)
        ws.cell(row, 4, spec.name)
        ws.cell(row, 5, value).number_format = _number_format(spec.decimals)
        ws.cell(row, 6, spec.unit)
        ws.cell(row, 7, comment)
    _widths(ws, (7, 12, 10, 48, 12, 10, 70))
    ws.freeze_panes = "A2"
    return _xlsx(wb, stamp, "Bitácora de indicadores de calidad y proveedores", legal_name)


# --- the weekly CSV (Excel, Spanish locale) ---------------------------------------------------------------
def _weekly(specs: list[IndicatorSpec], values: Values) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Código", "Indicador", "Fecha", "Valor"])
    for spec in specs:
        for period, value, _comment in values[spec.code]:
            writer.writerow([spec.code, spec.name, period.strftime("%d/%m/%Y"),
                             f"{value:.{spec.decimals}f}".replace(".", ",")])
    return buffer.getvalue().encode("cp1252")


# --- the daily OEE export ---------------------------------------------------------------------------------
def _daily(cal: DemoCalendar, specs: list[IndicatorSpec], values: Values, legal_name: str,
           stamp: dt.datetime) -> bytes:
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = "OEE"
    ws.cell(1, 1, "Captura de producción (MES) — OEE por día de operación").font = TITLE
    _header(ws, 3, ["Fecha", "Código", "Valor"])
    row = 4
    for spec in specs:
        for period, value, _comment in values[spec.code]:
            ws.cell(row, 1, dt.datetime.combine(period, dt.time())).number_format = "dd/mm/yyyy"
            ws.cell(row, 2, spec.code)
            ws.cell(row, 3, value).number_format = _number_format(spec.decimals)
            row += 1
    _widths(ws, (12, 10, 10))
    return _xlsx(wb, stamp, f"OEE de la corrugadora hasta {spanish_month(cal.anchor)}", legal_name)


# --- helpers -----------------------------------------------------------------------------------------------
def _header(ws: Worksheet, row: int, labels: Iterable[str]) -> None:
    for col, label in enumerate(labels, 1):
        ws.cell(row, col, label).font = BOLD


def _widths(ws: Worksheet, widths: Iterable[int]) -> None:
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width


def _number_format(decimals: int) -> str:
    return "#,##0" if decimals <= 0 else "#,##0." + "0" * decimals


class _StampedZip(zipfile.ZipFile):
    """A zip whose entries all carry one timestamp, so the same workbook gives the same bytes."""

    def __init__(self, file, stamp: dt.datetime):
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self.stamp = stamp.timetuple()[:6]

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.stamp)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        with open(filename, "rb") as handle:  # openpyxl writes each sheet to a temporary file first
            self.writestr(arcname or str(filename), handle.read(), compress_type, compresslevel)


def _xlsx(wb: Workbook, stamp: dt.datetime, title: str, legal_name: str) -> bytes:
    """The workbook's bytes, with document dates and zip timestamps fixed to `stamp`."""
    wb.properties.title = title
    wb.properties.creator = wb.properties.lastModifiedBy = legal_name
    wb.properties.created = wb.properties.modified = stamp
    buffer = io.BytesIO()
    with _StampedZip(buffer, stamp) as archive:
        ExcelWriter(wb, archive).write_data()
    return buffer.getvalue()
