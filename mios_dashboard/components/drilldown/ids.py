"""Ids of the drill-down pages' parts (their page package re-exports them as `pages.drilldown.Ids`)."""
from __future__ import annotations

from enum import StrEnum


class Ids(StrEnum):
    """The objective and indicator pages' addressable parts; the values are stable (tests and CSS use them)."""

    OBJECTIVE = "mios-objective-page"
    INDICATOR = "mios-indicator-page"
    BACK = "mios-drill-back"
    NOT_FOUND = "mios-drill-not-found"
    EMPTY = "mios-drill-empty"
    PLAN = "mios-drill-plan"
    DEFINITION = "mios-drill-definition"
    RISKS = "mios-drill-risks"
    ACTIONS = "mios-drill-actions"
    MEASUREMENTS = "mios-drill-measurements"
    HISTORY = "mios-drill-history"
    CHART = "mios-drill-chart"
