"""Ids of the administration page: fixed ones as `Ids` members, and the pattern-matching dict ids of each
form's pieces, built by the functions below (a form's key is one of `FORMS`, a section's one of `SECTIONS`)."""
from __future__ import annotations

from enum import StrEnum

SECTIONS = ("perspectives", "processes", "objectives", "indicators")
# Which section each form belongs to (whose table a save redraws).
FORMS = {"perspective": "perspectives", "process": "processes", "objective": "objectives", "links": "objectives",
         "indicator": "indicators", "targets": "indicators", "measurement": "indicators"}


# Forms whose record can be deleted from the page (a process nothing refers to; services/system/strategy.py).
DELETABLE = ("process",)


class Ids(StrEnum):
    PAGE = "mios-admin-page"
    LANG = "mios-admin-lang"
    NAV = "mios-admin-nav"
    TOAST = "mios-admin-toast"


class Kind(StrEnum):
    """The `type` of a pattern-matching id."""

    EDIT = "mios-admin-edit"  # {"type", "form", "id"}: opens the form on record `id` (0: a new record)
    FIELD = "mios-admin-field"  # {"type", "form", "name"}: one input of a form
    MODAL = "mios-admin-modal"
    TITLE = "mios-admin-title"
    BODY = "mios-admin-body"
    STORE = "mios-admin-store"  # the loaded record: {"id", "row_version", "subject"}
    ALERT = "mios-admin-alert"
    SAVE = "mios-admin-save"
    CANCEL = "mios-admin-cancel"
    RELOAD = "mios-admin-reload"
    DELETE = "mios-admin-delete"  # only forms in DELETABLE
    CONFIRM = "mios-admin-confirm"  # the dcc.ConfirmDialog of a delete
    TABLE = "mios-admin-table"  # {"type", "section"}


def edit(form: str, record_id: int | str) -> dict:
    return {"type": Kind.EDIT.value, "form": form, "id": record_id}


def field(form: str, name: str) -> dict:
    return {"type": Kind.FIELD.value, "form": form, "name": name}


def part(kind: Kind, form: str) -> dict:
    """The modal, title, body, store, alert or a button of `form`."""
    return {"type": kind.value, "form": form}


def table(section: str) -> dict:
    return {"type": Kind.TABLE.value, "section": section}
