"""Ids of the /contexto page (its page package re-exports them as `pages.context.Ids`)."""
from __future__ import annotations

from enum import StrEnum

SECTIONS = ("organizacion", "politica", "foda", "partes", "comunicacion", "roles", "sipoc")


class Ids(StrEnum):
    PAGE = "mios-context-page"
    LANG = "mios-context-lang"
    SECTION_NAME = "mios-context-section-name"
    SECTION = "mios-context-section"
    TABS = "mios-context-tabs"
    EMPTY = "mios-context-empty"
    STATUS = "mios-context-status"
    REFRESH = "mios-context-refresh"
    MODAL = "mios-context-modal"
    MODAL_TITLE = "mios-context-modal-title"
    MODAL_BODY = "mios-context-modal-body"
    FORM = "mios-context-form"  # dcc.Store: {"form": kind, "id": record id or None, "row_version": loaded}
    MESSAGE = "mios-context-message"
    SAVE = "mios-context-save"
    CANCEL = "mios-context-cancel"


class Pattern(StrEnum):
    """`type` of the pattern-matching ids: a button that opens a form, a form field, a field's problem."""

    OPEN = "mios-context-open"  # {"type", "form", "id", "at"}
    FIELD = "mios-context-field"  # {"type", "name"}
    PROBLEM = "mios-context-problem"  # {"type", "name"}


def open_id(form: str, record_id: int | None = None, at: str = "main") -> dict:
    """The id of a button opening `form` for `record_id` ("new" without one); `at` tells apart two buttons
    of the same form and record on one page (the policy in force and its line in the history)."""
    return {"type": Pattern.OPEN, "form": form, "id": record_id if record_id is not None else "new", "at": at}


def field_id(name: str) -> dict:
    return {"type": Pattern.FIELD, "name": name}


def problem_id(name: str) -> dict:
    return {"type": Pattern.PROBLEM, "name": name}
