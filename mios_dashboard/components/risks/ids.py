"""Ids of the risks page's components (its page package re-exports them as `pages.risks.Ids`)."""
from __future__ import annotations

from enum import StrEnum


class Ids(StrEnum):
    """The page's addressable parts; the values are stable (tests and CSS use them). Members ending in `_TYPE`
    are the `type` of pattern-matching ids: {"type": Ids.OPEN_TYPE, "id": 12} is the edit button of risk 12."""

    PAGE = "mios-risks"
    LOCATION = "mios-risks-location"
    LANG = "mios-risks-lang"
    HEADER = "mios-risks-header"
    CONTENT = "mios-risks-content"
    EMPTY = "mios-risks-empty"
    SUMMARY = "mios-risks-summary"
    FILTERS = "mios-risks-filters"
    KIND = "mios-risks-kind"
    FAMILY = "mios-risks-family"
    OWNER = "mios-risks-owner"
    OVERDUE = "mios-risks-overdue"
    VIEW = "mios-risks-view"
    HEATMAP = "mios-risks-heatmap"
    REGISTER = "mios-risks-register"
    NOTICE = "mios-risks-notice"
    SAVED = "mios-risks-saved"  # a counter every successful save bumps: the content redraws
    # The risk form
    MODAL = "mios-risks-modal"
    MODAL_TITLE = "mios-risks-modal-title"
    FORM_STORE = "mios-risks-form-store"  # {"id", "row_version"} of the record the form loaded
    FORM_MESSAGE = "mios-risks-form-message"
    SAVE = "mios-risks-save"
    CANCEL = "mios-risks-cancel"
    DELETE = "mios-risks-delete"
    # The review form and the closing form
    REVIEW_MODAL = "mios-risks-review-modal"
    REVIEW_TITLE = "mios-risks-review-title"
    REVIEW_STORE = "mios-risks-review-store"
    REVIEW_MESSAGE = "mios-risks-review-message"
    REVIEW_SAVE = "mios-risks-review-save"
    REVIEW_CANCEL = "mios-risks-review-cancel"
    CLOSE_MODAL = "mios-risks-close-modal"
    CLOSE_TITLE = "mios-risks-close-title"
    CLOSE_STORE = "mios-risks-close-store"
    CLOSE_MESSAGE = "mios-risks-close-message"
    CLOSE_SAVE = "mios-risks-close-save"
    CLOSE_CANCEL = "mios-risks-close-cancel"
    # Pattern-matching id types
    OPEN_TYPE = "mios-risks-open"  # {"type", "id": "new" | risk id}
    REVIEW_OPEN_TYPE = "mios-risks-review-open"  # {"type", "id": risk id}
    CLOSE_OPEN_TYPE = "mios-risks-close-open"  # {"type", "id": risk id}
    FIELD_TYPE = "mios-risks-field"  # {"type", "form": "risk" | "review" | "close", "name": field}
    PROBLEM_TYPE = "mios-risks-problem"  # the same keys: the problem shown under that field


FORMS = ("risk", "review", "close")


def field_id(form: str, name: str) -> dict[str, str]:
    return {"type": Ids.FIELD_TYPE, "form": form, "name": name}


def problem_id(form: str, name: str) -> dict[str, str]:
    return {"type": Ids.PROBLEM_TYPE, "form": form, "name": name}
