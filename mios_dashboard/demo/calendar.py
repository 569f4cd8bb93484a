"""The demo's clock: every date in the demo is placed relative to the anchor month, so the demo always looks current.

The anchor is the month before `today`'s month (the newest complete month); the demo covers the 24 months
that end with it. Periods are named by their first day, as everywhere in the product (see README.md, "How the
board computes"). The data files place their dates on this calendar with the notation of `demo/dates.py`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MONTHS = 24


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clamped to the end of shorter months (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return day.replace(year=year, month=month, day=min(day.day, (following - dt.timedelta(days=1)).day))


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


@dataclass(frozen=True)
class DemoCalendar:
    today: dt.date

    @property
    def anchor(self) -> dt.date:
        """First day of the month before today's month: the newest month the demo has data for."""
        return add_months(self.today.replace(day=1), -1)

    @property
    def start(self) -> dt.date:
        """First day of the oldest of the 24 demo months."""
        return self.month(MONTHS - 1)

    @property
    def end(self) -> dt.date:
        """Last day of the anchor month."""
        return add_months(self.anchor, 1) - dt.timedelta(days=1)

    def month(self, back: int) -> dt.date:
        """First day of the month `back` months before the anchor (0 = the anchor itself)."""
        return add_months(self.anchor, -back)

    def months_back(self, day: dt.date) -> int:
        """How many months before the anchor the month of `day` lies (0 = anchor month)."""
        return months_between(day, self.anchor)

    def days_ago(self, days: int) -> dt.date:
        return self.today - dt.timedelta(days=days)

    def days_ahead(self, days: int) -> dt.date:
        return self.today + dt.timedelta(days=days)

    def weekday_on_or_before(self, day: dt.date, weekday: int = 0) -> dt.date:
        """The given weekday (Monday = 0) on or before `day`: meetings fall on working days."""
        return day - dt.timedelta(days=(day.weekday() - weekday) % 7)

    # Periods of each frequency inside the 24-month window, oldest first.
    def monthly(self) -> list[dt.date]:
        return [self.month(back) for back in range(MONTHS - 1, -1, -1)]

    def weekly(self) -> list[dt.date]:
        """Mondays inside the window (a week belongs to the month of its Monday)."""
        first = self.start + dt.timedelta(days=(7 - self.start.weekday()) % 7)
        return [first + dt.timedelta(weeks=n) for n in range((self.end - first).days // 7 + 1)]

    def daily(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def quarterly(self) -> list[dt.date]:
        """Quarter starts of the quarters that end inside the window (a quarter is measured once it closes)."""
        return [add_months(m, -2) for m in self.monthly() if m.month % 3 == 0]

    def yearly(self) -> list[dt.date]:
        """1 January of the years that end inside the window."""
        return [dt.date(m.year, 1, 1) for m in self.monthly() if m.month == 12]

    def periods(self, frequency: str) -> list[dt.date]:
        return getattr(self, frequency)()


MONTH_NAMES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
    "diciembre",
)


def spanish_date(day: dt.date) -> str:
    """'29 de diciembre de 2025', as minutes are dated."""
    return f"{day.day} de {MONTH_NAMES[day.month - 1]} de {day.year}"


def spanish_month(day: dt.date) -> str:
    """'diciembre de 2025'."""
    return f"{MONTH_NAMES[day.month - 1]} de {day.year}"
