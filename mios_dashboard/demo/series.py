"""How the demo's measurements are made up: a level path, seasonality, real level shifts, noise, gaps.

Each indicator's story (`Series`, its `Budget`) is data, written in indicators.yaml; this is the arithmetic.
Deterministic: one generator seeded with the file's noise_seed draws a fixed block of noise per indicator (in
the order of the indicator list), and each value takes the draw of its period offset counted back from the
newest period. So a value depends only on its offset from the anchor (and on the calendar month for
seasonality), never on the wall clock, and two loads for the same `today` give identical numbers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from mios_dashboard.demo.calendar import MONTHS, DemoCalendar

MAX_PERIODS = MONTHS * 31 + 1  # enough draws for the daily indicators


@dataclass(frozen=True)
class Budget:
    """A seasonal budget, stored as per-period Target overrides; the indicator's own target is its mean."""

    monthly_mean: float  # average month at the anchor's run rate
    growth: float  # yearly growth built into the budget
    profile: tuple[float, ...]  # multiplicative, by calendar month (Jan…Dec)
    rounding: int  # budgets are round numbers: round(value, rounding), -4 for tens of thousands

    def target(self, cal: DemoCalendar, period: dt.date) -> float:
        back = cal.months_back(period)
        value = self.monthly_mean * self.profile[period.month - 1] * (1 + self.growth) ** (-back / 12)
        return float(round(value, self.rounding))


@dataclass(frozen=True)
class Series:
    """The story of one indicator over the 24 months (levels before noise; months counted back from the anchor)."""

    start: float  # level 23 months before the anchor
    end: float  # level at the anchor, before shifts (linear in between)
    noise: float  # standard deviation of the noise, in the indicator's unit (a ratio when `budget` is set)
    shift: tuple[int, float] | None = None  # (months ago, delta): a real change of level from that month on
    season: tuple[float, ...] | None = None  # multiplicative profile by calendar month
    budget: Budget | None = None  # values = budget target × level (the level is then a ratio)
    gaps: tuple[int, ...] = ()  # months back that have no value (nobody reported them)
    stop: int = 0  # the newest `stop` months have no value: an indicator nobody updated
    low: float | None = 0.0
    high: float | None = None
    skip_sundays: bool = False  # daily indicators of a plant that rests on Sundays
    comments: dict[int, str] = field(default_factory=dict)  # months back → comment on that month's value


def reference_month(period: dt.date, frequency: str) -> dt.date:
    """The month whose level a period takes: its own month, or the last month of a quarter or year."""
    if frequency == "quarterly":
        return period.replace(month=period.month + 2)
    if frequency == "yearly":
        return period.replace(month=12)
    return period


def noise_table(count: int, seed: int) -> np.ndarray:
    """`count` rows of standard normal draws, one row per indicator in list order."""
    return np.random.default_rng(seed).standard_normal((count, MAX_PERIODS))


def series_values(
    series: Series, frequency: str, decimals: int, cal: DemoCalendar, noise: np.ndarray
) -> list[tuple[dt.date, float, str | None]]:
    """(period, value, comment) of one indicator, oldest first, from its story and its row of noise."""
    periods = cal.periods(frequency)
    span = MONTHS - 1
    out = []
    for offset, period in enumerate(reversed(periods)):
        back = cal.months_back(reference_month(period, frequency))
        if back < series.stop or (frequency == "monthly" and back in series.gaps):
            continue
        if series.skip_sundays and period.weekday() == 6:
            continue
        level = series.end + (series.start - series.end) * max(back, 0) / span
        if series.shift and back < series.shift[0]:
            level += series.shift[1]
        if series.season:
            level *= series.season[reference_month(period, frequency).month - 1]
        value = level + series.noise * float(noise[offset])
        if series.budget:
            value *= series.budget.target(cal, period)
        if series.low is not None:
            value = max(series.low, value)
        if series.high is not None:
            value = min(series.high, value)
        comment = series.comments.get(back) if frequency == "monthly" else None
        out.append((period, float(round(value, decimals)), comment))
    out.reverse()
    return out


def budget_targets(budget: Budget, frequency: str, cal: DemoCalendar) -> list[tuple[dt.date, float]]:
    """The per-period targets of a budgeted indicator over the window."""
    return [(period, budget.target(cal, period)) for period in cal.periods(frequency)]
