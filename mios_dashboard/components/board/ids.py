"""Ids of the board page's components (its page package re-exports them as `pages.board.Ids`)."""
from __future__ import annotations

from enum import StrEnum


class Ids(StrEnum):
    """The board's addressable parts; the values are stable (tests and CSS use them)."""

    PAGE = "mios-board"
    HEADER = "mios-board-header"
    EMPTY = "mios-board-empty"
    LOCATION = "mios-board-location"
    CONTROLS = "mios-board-controls"
    PERIOD = "mios-board-period"
    PROCESS = "mios-board-process"
    OWNER = "mios-board-owner"
    SUMMARY = "mios-board-summary"
    CHANGES = "mios-board-changes"
    OFF_TARGET = "mios-board-off-target"
    CLEAR_FILTERS = "mios-board-clear-filters"
    SECTIONS = "mios-board-sections"
