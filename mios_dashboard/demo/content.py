"""The demo's content, read from its data files (`demo/data/*.yaml`), and the rows it gives for a calendar.

`load_content()` reads and checks the six files once per process (`demo/files.py` holds the reading and the
checks); `DemoContent.rows(cal)` places every date on the calendar and gives the rows the loader upserts,
plain dicts of model attributes whose references are natural keys (codes, names). Nothing here touches the
database.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from mios_dashboard.demo.calendar import DemoCalendar
from mios_dashboard.demo.dates import DateExpression, Template, resolve_names
from mios_dashboard.demo.series import Series

DATA_PACKAGE = "mios_dashboard.demo"
DATA_FOLDER = "data"


@dataclass(frozen=True)
class Person:
    """One of the demo's people (people.yaml), named the same way everywhere they appear."""

    title: str
    name: str
    position: str
    username: str

    @property
    def owner(self) -> str:
        """How the person appears as the responsible of a process, objective, indicator or action; owners read
        "Lic. Ana Torres (Directora Comercial)" so the board's owner filter groups them cleanly."""
        return f"{self.title} {self.name} ({self.position})"

    @property
    def full(self) -> str:
        return f"{self.title} {self.name}"


@dataclass(frozen=True)
class IndicatorSpec:
    """An indicator's definition (as the definitions workbook carries it) and its story."""

    code: str
    name: str
    unit: str
    direction: str
    frequency: str
    aggregation: str
    perspective: str
    objective: str | None
    process: str
    group: str
    owner: Person
    data_source: str
    series: Series
    target: float | None = None
    target_range: tuple[float, float] | None = None
    baseline: float | None = None
    decimals: int = 1
    green: float = 1.0
    yellow: float = 0.9
    weight: float = 1.0
    description: str = ""
    xmr_baseline_start: DateExpression | None = None
    xmr_baseline_end: DateExpression | None = None

    def extra_row(self, cal: DemoCalendar, names: Mapping[str, dt.date] | None = None) -> dict:
        """What the definitions sheet has no column for (set through the ORM after the import): decimals shown,
        the XmR baseline window, and the indicator being active. `names`: indicators.yaml's named dates."""
        start, end = (expression.resolve(cal, names or {}) if expression else None
                      for expression in (self.xmr_baseline_start, self.xmr_baseline_end))
        return {"code": self.code, "decimals": self.decimals, "xmr_baseline_start": start, "xmr_baseline_end": end,
                "active": True}


@dataclass(frozen=True)
class DemoRows:
    """Every row the loader writes through the ORM, for one calendar (see `DemoContent.rows`)."""

    organization: dict
    values: list[dict]
    exclusions: list[dict]
    policies: list[dict]
    communication: list[dict]
    roles: list[dict]
    users: list[dict]
    issues: list[dict]
    perspectives: list[dict]
    processes: list[dict]  # with "sipoc": {kind: [texts]}
    objectives: list[dict]
    links: list[tuple[str, str, str]]
    parties: list[dict]  # with "satisfaction_indicator" (a code or None) and "requirements": [(kind, text)]
    risks: list[dict]
    meetings: list[dict]
    review: dict
    actions: list[dict]


@dataclass(frozen=True)
class DemoContent:
    """The parsed data files; dates and texts with dates stay expressions until `rows` places them."""

    folder: Path
    people: dict[str, Person]
    organization: dict
    values: list[dict]
    exclusions: list[dict]
    policies: list[dict]
    communication: list[dict]
    roles: list[dict]
    users: list[dict]
    perspectives: list[dict]
    processes: list[dict]
    objectives: list[dict]
    links: list[tuple[str, str, str]]
    issues: list[dict]
    parties: list[dict]
    risks: list[dict]
    noise_seed: int
    indicators: list[IndicatorSpec]
    keepers: dict[str, Person]  # workbook file name → who keeps (and imports) it
    file_groups: dict[str, tuple[str, ...]]  # long workbook file name → the indicator groups it carries
    meetings: list[dict]
    review: dict
    actions: list[dict]
    utc_offset_hours: float
    names: dict[str, dict[str, DateExpression]] = field(default_factory=dict)  # file stem → its named dates

    @property
    def organization_name(self) -> str:
        return self.organization["name"]

    def indicator_rows(self, cal: DemoCalendar) -> list[dict]:
        """Each indicator's `extra_row` on `cal`."""
        names = resolve_names(self.names.get("indicators", {}), cal)
        return [spec.extra_row(cal, names) for spec in self.indicators]

    def rows(self, cal: DemoCalendar) -> DemoRows:
        """Every row with its dates placed on `cal` and its date placeholders written out."""
        named = {stem: resolve_names(names, cal) for stem, names in self.names.items()}

        def place(rows: Any, stem: str) -> Any:
            return _place(rows, cal, named.get(stem, {}))

        zone = dt.timezone(dt.timedelta(hours=self.utc_offset_hours))
        meetings = []
        for row in place(self.meetings, "governance"):
            row = dict(row)
            # A local meeting time stored in UTC, so SQLite and PostgreSQL give back the same instant.
            held_on, hour = row.pop("held_on"), row.pop("hour")
            row["held_at"] = dt.datetime(held_on.year, held_on.month, held_on.day, hour, tzinfo=zone).astimezone(
                dt.UTC)
            meetings.append(row)
        return DemoRows(
            organization=place(self.organization, "organization"),
            values=place(self.values, "organization"),
            exclusions=place(self.exclusions, "organization"),
            policies=place(self.policies, "organization"),
            communication=place(self.communication, "organization"),
            roles=place(self.roles, "organization"),
            users=place(self.users, "organization"),
            issues=place(self.issues, "context"),
            perspectives=place(self.perspectives, "strategy"),
            processes=place(self.processes, "strategy"),
            objectives=place(self.objectives, "strategy"),
            links=list(self.links),
            parties=place(self.parties, "context"),
            risks=place(self.risks, "context"),
            meetings=meetings,
            review=place(self.review, "governance"),
            actions=place(self.actions, "governance"),
        )


def _place(value: Any, cal: DemoCalendar, names: Mapping[str, dt.date]) -> Any:
    """`value` with every date expression resolved and every template rendered (copies, never in place)."""
    if isinstance(value, DateExpression):
        return value.resolve(cal, names)
    if isinstance(value, Template):
        return value.render(cal, names)
    if isinstance(value, dict):
        return {key: _place(item, cal, names) for key, item in value.items()}
    if isinstance(value, list):
        return [_place(item, cal, names) for item in value]
    if isinstance(value, tuple):
        return tuple(_place(item, cal, names) for item in value)
    return value


def data_folder() -> Path:
    """Where the packaged data files are (inside the installed package)."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(DATA_FOLDER)))


@functools.cache
def _packaged() -> DemoContent:
    from mios_dashboard.demo.files import read_content

    return read_content(data_folder())


def load_content(folder: Path | str | None = None) -> DemoContent:
    """The demo's content: the packaged data files (read once per process), or those of `folder` (read now).

    Raises `DemoDataError` (one line: file, line, entry, field) when a file is malformed."""
    if folder is None:
        return _packaged()
    from mios_dashboard.demo.files import read_content

    return read_content(Path(folder))
