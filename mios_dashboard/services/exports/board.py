"""Use cases: the board as an Excel workbook, and the template to fill in and import back.

Both only read: the caller's session is left as it was (no writes, no commit). The writers in exporters/
take plain data, so the same board dict serves the page, `board --json` and this workbook.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from sqlalchemy.orm import Session

from mios_dashboard.exporters import board_workbook, template_workbook
from mios_dashboard.i18n import normalize_lang, t
from mios_dashboard.repositories import exports as exports_repo
from mios_dashboard.services.board.compute import build_board

Destination = str | os.PathLike | IO[bytes]


@dataclass
class ExportSummary:
    """What was written, for the command line's message and the page's file name."""

    period: str | None
    sheets: list[str] = field(default_factory=list)
    indicators: int = 0
    file_name: str = ""


def export_board(session: Session, destination: Destination, period: dt.date | None = None, lang: str = "es",
                 *, generated_at: dt.datetime | None = None) -> ExportSummary:
    """Write the board of `period`'s month (default: the newest month with data) to a path or a binary
    buffer, in `lang`."""
    lang = normalize_lang(lang)
    board = build_board(session, period)
    workbook = board_workbook(board, lang, generated_at)
    save(workbook, destination)
    month = (board.get("period") or "")[:7]
    return ExportSummary(
        period=board.get("period"), sheets=list(workbook.sheetnames), indicators=len(board.get("indicators") or []),
        file_name=board_file_name(month, lang),
    )


def export_template(session: Session, destination: Destination, lang: str = "es") -> ExportSummary:
    """Write the template (Procesos, Objetivos, Indicadores, Mediciones, Instrucciones, hidden Listas) with the
    current processes, objectives and active indicators to a path or a binary buffer."""
    lang = normalize_lang(lang)
    indicators = exports_repo.active_indicator_definitions(session)
    processes, objectives = exports_repo.setup_rows(session)
    workbook = template_workbook(indicators, exports_repo.reference_lists(session), lang, processes=processes,
                                 objectives=objectives)
    save(workbook, destination)
    return ExportSummary(period=None, sheets=list(workbook.sheetnames), indicators=len(indicators),
                         file_name=t("export.template_file", lang))


def board_file_name(month: str | None, lang: str = "es") -> str:
    """"tablero-2025-12.xlsx" / "board-2025-12.xlsx"; without data, no period in the name."""
    name = t("export.board_file", lang, period=month or "")
    return name.replace("-.xlsx", ".xlsx")


def save(workbook: Workbook, destination: Destination) -> None:
    """Save to a buffer, or to a path through a temporary file in the same folder renamed at the end, so a
    failure (full disk, interrupted command) never leaves a half-written workbook under the real name."""
    if not isinstance(destination, (str, os.PathLike)):
        workbook.save(destination)
        return
    path = Path(destination)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx.part", dir=path.parent)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
