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
