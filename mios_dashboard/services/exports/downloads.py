"""The downloads the import page offers: the board and the template workbooks, the latest meeting's minutes and
the latest management review's record, each written into memory for dcc.Download from the session the page
hands in."""
from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from mios_dashboard.services.exports.board import export_board, export_template
from mios_dashboard.services.exports.records import export_minutes, export_review


def _workbook_download(export: Callable[..., Any], session: Session, lang: str) -> tuple[bytes, str]:
    """A workbook written by `export(session, buffer, lang=…)` and its file name, for dcc.Download."""
    buffer = io.BytesIO()
    summary = export(session, buffer, lang=lang)
    return buffer.getvalue(), summary.file_name


def board_download(session: Session, lang: str) -> tuple[bytes, str]:
    """The board workbook of the newest month."""
    return _workbook_download(export_board, session, lang)


def template_download(session: Session, lang: str) -> tuple[bytes, str]:
    """The measurements template."""
    return _workbook_download(export_template, session, lang)


def minutes_download(session: Session, lang: str) -> tuple[bytes, str]:
    """The minutes of the latest meeting (errors.NotFound when there is none)."""
    return _workbook_download(export_minutes, session, lang)


def review_download(session: Session, lang: str) -> tuple[bytes, str]:
    """The record of the most recent management review (errors.NotFound when there is none)."""
    return _workbook_download(export_review, session, lang)
