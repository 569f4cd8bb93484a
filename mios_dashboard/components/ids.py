"""Ids of the Dash components that callbacks and tests address. Use the members, never glued strings."""
from __future__ import annotations

from enum import StrEnum


class ComponentId(StrEnum):
    """One member per addressable component; the values are stable (tests and CSS may use them)."""

    # Application shell (components/shell.py)
    URL = "mios-url"
    NAVBAR = "mios-navbar"
    NAVBAR_COLLAPSE = "mios-navbar-collapse"
    NAVBAR_TOGGLER = "mios-navbar-toggler"
    LANG_SWITCH = "mios-lang-switch"
    LANG_ES = "mios-lang-es"
    LANG_EN = "mios-lang-en"
    DOCUMENT_LANG_SINK = "mios-document-lang-sink"
    # Board page (pages/board.py)
    BOARD = "mios-board"
    BOARD_HEADER = "mios-board-header"
    BOARD_EMPTY = "mios-board-empty"
    # Import page (pages/importar.py, components/imports.py)
    UPLOAD_PAGE = "mios-upload-page"
    UPLOAD = "mios-upload"
    UPLOAD_LANG = "mios-upload-lang"
    UPLOAD_PAYLOAD = "mios-upload-payload"
    UPLOAD_OUTCOME = "mios-upload-outcome"
    UPLOAD_PROGRESS = "mios-upload-progress"
    UPLOAD_PROGRESS_TEXT = "mios-upload-progress-text"
    UPLOAD_PROGRESS_BAR = "mios-upload-progress-bar"
    UPLOAD_CANCEL = "mios-upload-cancel"
    UPLOAD_WORK = "mios-upload-work"
    UPLOAD_RESULT = "mios-upload-result"
    UPLOAD_ERRORS_PAGES = "mios-upload-errors-pages"
    UPLOAD_CONFIRM_BAR = "mios-upload-confirm-bar"
    UPLOAD_CONFIRM = "mios-upload-confirm"
    UPLOAD_HISTORY = "mios-upload-history"
    UPLOAD_HISTORY_PAGES = "mios-upload-history-pages"
    UPLOAD_DOWNLOAD = "mios-upload-download"
    UPLOAD_DOWNLOAD_BOARD_FILE = "mios-upload-download-board-file"
    UPLOAD_DOWNLOAD_TEMPLATE = "mios-upload-download-template"
    UPLOAD_DOWNLOAD_BOARD = "mios-upload-download-board"
    UPLOAD_DOWNLOAD_MESSAGE = "mios-upload-download-message"
    UPLOAD_DOWNLOAD_MINUTES = "mios-upload-download-minutes"
    UPLOAD_DOWNLOAD_MINUTES_FILE = "mios-upload-download-minutes-file"
    UPLOAD_DOWNLOAD_REVIEW = "mios-upload-download-review"
    UPLOAD_DOWNLOAD_REVIEW_FILE = "mios-upload-download-review-file"
