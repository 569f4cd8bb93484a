"""The plain data the board engine hands out (services/board/compute.py): `Board` from `build_board`, `Light`
from `month_lights`, `CliBoard` from `to_cli_json`. Days are ISO text, numbers floats or None, so a result
goes as it is into a cache, a page or `json.dumps`.
"""
from __future__ import annotations

from typing import TypedDict


class SeriesPoint(TypedDict):
    period: str | None
    value: float | None
    target: float | None
    target_min: float | None
    target_max: float | None


class XmrSignal(TypedDict):
    period: str | None
    rule: int  # the Western Electric rule broken (1–4)


class Forecast(TypedDict):
    due: str | None
    value: float | None
    achievement: float | None
    target: float | None


class Xmr(TypedDict):
    center: float | None
    lower: float | None
    upper: float | None
    signals: list[XmrSignal]
    mr_bar: float | None
    baseline_points: int
    baseline_start: str | None
    baseline_end: str | None


class IndicatorCore(TypedDict):
    """What every shape of an indicator's reading carries, `board --json` included: who it is, its reporting
    period, actual against target, its light and trend."""

    code: str
    name: str | None
    unit: str | None
    direction: str | None
    frequency: str | None
    period: str | None
    actual: float | None
    target: float | None
    achievement: float | None
    status: str
    trend: str | None


class IndicatorFacts(IndicatorCore):
    """The core plus a range indicator's bounds: what the board's own shapes carry."""

    target_min: float | None
    target_max: float | None


class IndicatorReading(IndicatorFacts):
    """An indicator read for the board's month: its reporting period, values, light and analytics."""

    slope: float | None
    ytd_actual: float | None
    ytd_target: float | None
    ytd_target_min: float | None
    ytd_target_max: float | None
    ytd_achievement: float | None
    forecast: Forecast | None
    xmr: Xmr | None
    owner: str | None
    objective: str | None
    perspective: str | None
    process: str | None
    group: str | None
    green_threshold: float | None
    yellow_threshold: float | None
    decimals: int
    last_period: str | None
    series: list[SeriesPoint]  # the values up to the reporting period, with their targets (charts)


class ObjectiveScore(TypedDict):
    code: str
    title: str | None
    score: float | None
    status: str
    owner: str | None
    due: str | None
    process: str | None
    indicators: list[str]  # codes


class PerspectiveScore(TypedDict):
    code: str | None  # None: the page's pseudo-perspective of indicators no perspective lists (board/view.py)
    name: str | None
    score: float | None
    status: str
    objectives: list[ObjectiveScore]
    loose_indicators: list[str]  # codes of indicators without an objective


class Board(TypedDict):
    """`build_board`'s result: a superset of the `board --json` schema (`to_cli_json`)."""

    period: str | None  # the board's month, ISO (None: no value anywhere)
    available_periods: list[str]
    score: float | None
    status: str
    counts: dict[str, int]  # indicators per status
    perspectives: list[PerspectiveScore]
    indicators: list[IndicatorReading]


class LightXmr(TypedDict):
    center: float | None
    lower: float | None
    upper: float | None
    signals: list[XmrSignal]


class Light(TypedDict):
    """An indicator's light for a month, as "what changed" compares it (`month_lights`)."""

    code: str
    name: str | None
    owner: str | None
    objective: str | None
    perspective: str | None
    direction: str | None
    period: str | None
    actual: float | None
    target_min: float | None
    target_max: float | None
    status: str
    xmr: LightXmr | None


class CliObjective(TypedDict):
    code: str
    title: str | None
    score: float | None
    status: str
    indicators: list[str]


class CliPerspective(TypedDict):
    name: str | None
    score: float | None
    status: str
    objectives: list[CliObjective]


class CliForecast(TypedDict):
    due: str | None
    value: float | None
    achievement: float | None


class CliXmr(TypedDict):
    center: float | None
    lower: float | None
    upper: float | None
    signals: list[XmrSignal]


class CliIndicator(IndicatorCore):
    """An indicator in `board --json`."""

    slope: float | None
    ytd_actual: float | None
    ytd_target: float | None
    ytd_achievement: float | None
    forecast: CliForecast | None
    xmr: CliXmr | None


class CliBoard(TypedDict):
    """The `board --json` schema."""

    period: str | None
    score: float | None
    status: str
    perspectives: list[CliPerspective]
    indicators: list[CliIndicator]
