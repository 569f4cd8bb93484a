"""The downloads the import page offers: the board and the template workbooks, the latest meeting's minutes and
the latest management review's record, each written on the app's database into memory for dcc.Download."""
from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from mios_dashboard.services.exports.board import export_board, export_template
from mios_dashboard.services.exports.records import LatestRecords, export_minutes, export_review, latest_records
from mios_dashboard.web import runtime


def _workbook_download(export: Callable[..., Any], lang: str) -> tuple[bytes, str]:
    """A workbook written by `export(session, buffer, lang=…)` and its file name, for dcc.Download."""
    buffer = io.BytesIO()
    with runtime.read_session() as session:
        summary = export(session, buffer, lang=lang)
    return buffer.getvalue(), summary.file_name


def board_download(lang: str) -> tuple[bytes, str]:
    """The board workbook of the newest month."""
    return _workbook_download(export_board, lang)


def template_download(lang: str) -> tuple[bytes, str]:
    """The measurements template."""
    return _workbook_download(export_template, lang)


def minutes_download(lang: str) -> tuple[bytes, str]:
    """The minutes of the latest meeting (errors.NotFound when there is none)."""
    return _workbook_download(export_minutes, lang)


def review_download(lang: str) -> tuple[bytes, str]:
    """The record of the most recent management review (errors.NotFound when there is none)."""
    return _workbook_download(export_review, lang)


def records_on_offer() -> LatestRecords:
    """`latest_records` on the app's database: which record downloads the page can offer."""
    with runtime.read_session() as session:
        return latest_records(session)
