"""The date notation of the demo's data files: dates written relative to the day the demo is loaded.

The demo must look current whenever it is loaded, so its data files never hold a calendar date; they hold an
expression that this module resolves on a `DemoCalendar`. An expression is a starting point followed by steps,
applied left to right and separated by spaces:

    starting point   today              the day the demo is loaded
                     last_month         the first day of the month before today's month (the newest month
                                        with data)
                     next MM-DD         the first such day after the end of last_month (a plan's due date
                                        that always lies ahead of the data), e.g. ``next 12-31``
                     a name             a date named in the file's ``dates:`` section (defined above its use)
                     YYYY-MM-DD         a fixed date (also written unquoted, as a YAML date)
    steps            +3d -2w -4m +1y    days, weeks, months (31 Jan −1m → 31 Dec; 31 Mar −1m → 28/29 Feb)
                                        or years
                     monday … sunday    back to that weekday, unless the date already is one
                     month_start        the first day of the date's month

    today -14d monday                   the Monday on or before two weeks ago
    management_review month_start -1d   the last day of the month before the review's month

Text may name dates too: ``{operation_meeting}`` reads "29 de diciembre de 2025" and ``{review_board | month}``
"agosto de 2025".
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from mios_dashboard.demo.calendar import DemoCalendar, add_months, spanish_date, spanish_month

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
BASES = ("today", "last_month")
_OFFSET = re.compile(r"([+-])(\d{1,4})([dwmy])")
_MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
FORMATS = {"": spanish_date, "month": spanish_month}


class NotationError(ValueError):
    """An expression that does not follow the notation; the message says what is wrong, in one line."""


@dataclass(frozen=True)
class DateExpression:
    """A parsed expression: a starting point and its steps, resolved by `resolve` for a given calendar."""

    text: str
    base: str | dt.date  # "today", "last_month", "next" (with `next_month_day`), a named date or a fixed date
    steps: tuple[tuple[str, int], ...] = ()
    next_month_day: tuple[int, int] | None = None

    def resolve(self, cal: DemoCalendar, names: Mapping[str, dt.date]) -> dt.date:
        if self.next_month_day:
            month, day = self.next_month_day
            day = min(day, 28) if (month, day) == (2, 29) else day
            date = dt.date(cal.end.year, month, day)
            date = date if date > cal.end else date.replace(year=date.year + 1)
        elif isinstance(self.base, dt.date):
            date = self.base
        elif self.base == "today":
            date = cal.today
        elif self.base == "last_month":
            date = cal.anchor
        else:
            date = names[self.base]
        for step in self.steps:
            date = _apply(date, step)
        return date


def _apply(date: dt.date, step: tuple) -> dt.date:
    kind, amount = step
    if kind == "d":
        return date + dt.timedelta(days=amount)
    if kind == "w":
        return date + dt.timedelta(weeks=amount)
    if kind == "m":
        return add_months(date, amount)
    if kind == "y":
        return add_months(date, 12 * amount)
    if kind == "weekday":
        return date - dt.timedelta(days=(date.weekday() - amount) % 7)
    return date.replace(day=1)  # month_start


def parse_date(value: object, names: Collection[str] = ()) -> DateExpression:
    """Parse an expression (a string, or a date YAML already read as one); `names` are the dates it may use."""
    if isinstance(value, dt.datetime):
        raise NotationError(f"expected a date, got a date and time ({value})")
    if isinstance(value, dt.date):
        return DateExpression(value.isoformat(), value)
    if not isinstance(value, str) or not value.strip():
        raise NotationError(f"expected a date such as 'today -4m', got {value!r}")
    tokens = value.split()
    first, rest = tokens[0], tokens[1:]
    next_month_day = None
    if first == "next":
        match = _MONTH_DAY.fullmatch(rest[0]) if rest else None
        if not match or not _valid_month_day(int(match[1]), int(match[2])):
            raise NotationError(f"'next' wants a month and day as MM-DD, e.g. 'next 12-31', in {value!r}")
        base: str | dt.date = "next"
        next_month_day = (int(match[1]), int(match[2]))
        rest = rest[1:]
    elif first in BASES or first in names:
        base = first
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", first):
        try:
            base = dt.date.fromisoformat(first)
        except ValueError:
            raise NotationError(f"{first!r} is not a calendar date, in {value!r}") from None
    else:
        known = ", ".join([*BASES, "next MM-DD", *names])
        raise NotationError(f"{value!r} does not start with a known date ({known}) or a date YYYY-MM-DD")
    steps = []
    for token in rest:
        match = _OFFSET.fullmatch(token)
        if match:
            steps.append((match[3], int(match[2]) * (-1 if match[1] == "-" else 1)))
        elif token in WEEKDAYS:
            steps.append(("weekday", WEEKDAYS.index(token)))
        elif token == "month_start":
            steps.append(("month_start", 0))
        else:
            raise NotationError(
                f"{token!r} in {value!r} is not a step: write +3d, -2w, -4m, +1y, a weekday (monday…) or month_start")
    return DateExpression(value, base, tuple(steps), next_month_day)


def _valid_month_day(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year: 02-29 is allowed (it falls on 28 February in other years)
    except ValueError:
        return False
    return True


def parse_names(section: object) -> dict[str, DateExpression]:
    """A file's ``dates:`` section, name → expression; each may use the names defined above it."""
    if section is None:
        return {}
    if not isinstance(section, dict):
        raise NotationError("'dates' should list names, each with its date: 'name: today -4m'")
    names: dict[str, DateExpression] = {}
    for name, value in section.items():
        if not isinstance(name, str) or not _NAME.fullmatch(name) or name in BASES or name in WEEKDAYS:
            raise NotationError(f"{name!r} cannot name a date: use lowercase letters, digits and _ (not today, …)")
        try:
            names[name] = parse_date(value, names)
        except NotationError as exc:
            raise NotationError(f"{name}: {exc}") from None
    return names


def resolve_names(names: Mapping[str, DateExpression], cal: DemoCalendar) -> dict[str, dt.date]:
    """The named dates on `cal`, in their order of definition."""
    dates: dict[str, dt.date] = {}
    for name, expression in names.items():
        dates[name] = expression.resolve(cal, dates)
    return dates


@dataclass(frozen=True)
class Template:
    """A text with date placeholders, rendered in Spanish on a calendar."""

    text: str
    placeholders: tuple[tuple[str, DateExpression, str], ...]  # (the placeholder as written, its date, format)

    def render(self, cal: DemoCalendar, names: Mapping[str, dt.date]) -> str:
        text = self.text
        for written, expression, form in self.placeholders:
            text = text.replace(written, FORMATS[form](expression.resolve(cal, names)))
        return text


def parse_text(value: str, names: Collection[str]) -> str | Template:
    """A text as is, or a `Template` when it holds ``{date}`` or ``{date | month}`` placeholders."""
    if "{" not in value and "}" not in value:
        return value
    placeholders = []
    for match in _PLACEHOLDER.finditer(value):
        expression, _bar, form = match[1].partition("|")
        form = form.strip()
        if form not in FORMATS:
            raise NotationError(f"{match[0]!r}: the only format after '|' is 'month'")
        try:
            placeholders.append((match[0], parse_date(expression.strip(), names), form))
        except NotationError as exc:
            raise NotationError(f"{match[0]!r}: {exc}") from None
    if _PLACEHOLDER.sub("", value).count("{") or _PLACEHOLDER.sub("", value).count("}"):
        raise NotationError("a '{' or '}' without its pair: braces only enclose a date, e.g. {operation_meeting}")
    return Template(value, tuple(placeholders))
