"""What the administration page reads: each section's rows and drop-downs, and a form's stored values with the
version it loads (so its save can be refused when someone saved after it). The writes are strategy.py's and
indicators.py's; this module only reads."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from mios_dashboard.errors import NotFound
from mios_dashboard.importers.periods import period_start
from mios_dashboard.models import Indicator
from mios_dashboard.repositories import strategy as queries
from mios_dashboard.repositories.organization import time_zone
from mios_dashboard.repositories.strategy import Choice, IndicatorRow, ObjectiveRow, PerspectiveRow, ProcessRow

SECTIONS = ("perspectives", "processes", "objectives", "indicators")
SIPOC_FORM_KINDS = ("supplier", "input", "activity", "output", "customer", "control")

__all__ = ["SECTIONS", "Choice", "FormState", "SectionData", "form_state", "plain_number", "section_data"]


@dataclass(frozen=True)
class SectionData:
    """The rows of one section and the drop-downs its forms offer."""

    section: str
    rows: list[Any]
    choices: dict[str, list[Choice]]
    time_zone: str


@dataclass(frozen=True)
class FormState:
    """A form as loaded: its values by field name (plain strings, as the inputs hold them), the record's id
    and version (None for a new record), what the form's title names, and facts shown beside the fields."""

    values: dict[str, Any]
    record_id: int | None = None
    row_version: int | None = None
    subject: str = ""
    facts: dict[str, Any] = field(default_factory=dict)


def section_data(session: Session, section: str) -> SectionData:
    """`section` is one of SECTIONS; anything else is NotFound (a made-up URL is told, not crashed on)."""
    readers: dict[str, Callable[[Session], Sequence[Any]]] = {"perspectives": queries.perspective_rows, "processes": queries.process_rows,
               "objectives": queries.objective_rows, "indicators": queries.indicator_rows}
    if section not in readers:
        raise NotFound("admin.unknown_section", section=section)
    return SectionData(section, list(readers[section](session)), queries.choices(session), time_zone(session))


def plain_number(value: float | None) -> str:
    """A stored number as a form shows it for editing: "1234.5", "0.9", "100" (no grouping: typing it back
    must read the same number)."""
    if value is None:
        return ""
    text = f"{float(value):.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _row(rows: list[Any], record_id: int) -> Any:
    found = next((row for row in rows if row.id == record_id), None)
    if found is None:
        raise NotFound("form.not_found")
    return found


def _perspective(session: Session, record_id: int | None, _current: Mapping[str, Any]) -> FormState:
    if record_id is None:
        return FormState({"code": "", "name": "", "sort_order": str(len(queries.perspective_rows(session)) + 1),
                          "weight": "1", "description": ""})
    p: PerspectiveRow = _row(queries.perspective_rows(session), record_id)
    return FormState({"code": p.code, "name": p.name, "sort_order": str(p.sort_order),
                      "weight": plain_number(p.weight), "description": p.description}, p.id, p.row_version, p.name)


def _process(session: Session, record_id: int | None, _current: Mapping[str, Any]) -> FormState:
    if record_id is None:
        return FormState({"code": "", "name": "", "type": "operational", "owner": "", "purpose": "",
                          **{f"sipoc_{kind}": "" for kind in SIPOC_FORM_KINDS}})
    p: ProcessRow = _row(queries.process_rows(session), record_id)
    return FormState({"code": p.code, "name": p.name, "type": p.type, "owner": p.owner or "", "purpose": p.purpose,
                      **{f"sipoc_{kind}": "\n".join(p.sipoc.get(kind, [])) for kind in SIPOC_FORM_KINDS}},
                     p.id, p.row_version, f"{p.code} · {p.name}")


def _objective(session: Session, record_id: int | None, _current: Mapping[str, Any]) -> FormState:
    if record_id is None:
        first = queries.choices(session)["perspective"]
        return FormState({"code": "", "title": "", "description": "", "perspective": first[0].id if first else "",
                          "process": "", "parent": "", "weight": "1", "active": True, "policy_commitment": "",
                          "plan_what": "", "plan_resources": "", "plan_owner": "", "plan_due": "",
                          "plan_evaluation": ""})
    o: ObjectiveRow = _row(queries.objective_rows(session), record_id)
    return FormState({"code": o.code, "title": o.title, "description": o.description, "perspective": o.perspective_id,
                      "process": o.process_id or "", "parent": o.parent_id or "", "weight": plain_number(o.weight),
                      "active": o.active, "policy_commitment": o.policy_commitment or "",
                      "plan_what": o.plan_what or "", "plan_resources": o.plan_resources or "",
                      "plan_owner": o.plan_owner or "", "plan_due": _iso(o.plan_due),
                      "plan_evaluation": o.plan_evaluation or ""}, o.id, o.row_version, f"{o.code} · {o.title}")


def _links(session: Session, record_id: int | None, _current: Mapping[str, Any]) -> FormState:
    if record_id is None:
        raise NotFound("form.not_found")
    o: ObjectiveRow = _row(queries.objective_rows(session), record_id)
    return FormState({"effects": list(o.effects)}, o.id, o.row_version, f"{o.code} · {o.title}")


def _indicator(session: Session, record_id: int | None, _current: Mapping[str, Any]) -> FormState:
    if record_id is None:
        return FormState({"code": "", "name": "", "unit": "", "description": "", "objective": "", "perspective": "",
                          "process": "", "direction": "higher", "frequency": "monthly", "aggregation": "sum",
                          "target": "", "target_min": "", "target_max": "", "green_threshold": "1",
                          "yellow_threshold": "0.9", "weight": "1", "decimals": "1", "xmr_baseline_start": "",
                          "xmr_baseline_end": "", "owner": "", "data_source": "", "group": "", "active": True})
    i: IndicatorRow = _row(queries.indicator_rows(session), record_id)
    return FormState({
        "code": i.code, "name": i.name, "unit": i.unit, "description": i.description, "objective": i.objective_id or "",
        "perspective": i.perspective_id or "", "process": i.process_id or "", "direction": i.direction,
        "frequency": i.frequency, "aggregation": i.aggregation, "target": plain_number(i.target),
        "target_min": plain_number(i.target_min), "target_max": plain_number(i.target_max),
        "green_threshold": plain_number(i.green_threshold), "yellow_threshold": plain_number(i.yellow_threshold),
        "weight": plain_number(i.weight), "decimals": str(i.decimals), "xmr_baseline_start": _iso(i.xmr_baseline_start),
        "xmr_baseline_end": _iso(i.xmr_baseline_end), "owner": i.owner or "", "data_source": i.data_source or "",
        "group": i.group or "", "active": i.active,
    }, i.id, i.row_version, f"{i.code} · {i.name}")


def _stored_indicator(session: Session, record_id: int | None) -> Indicator:
    indicator = session.get(Indicator, record_id) if record_id is not None else None
    if indicator is None:
        raise NotFound("form.not_found")
    return indicator


def _targets(session: Session, record_id: int | None, current: Mapping[str, Any]) -> FormState:
    """The twelve monthly targets of the year the form shows (this year when it shows none)."""
    indicator = _stored_indicator(session, record_id)
    raw = str(current.get("year") or "")
    year = int(raw) if raw.isdigit() and 1900 <= int(raw) <= 2200 else dt.date.today().year
    stored = queries.year_targets(session, indicator.id, year)
    return FormState({"year": str(year), **{f"month_{m}": plain_number(stored.get(m)) for m in range(1, 13)}},
                     indicator.id, indicator.row_version, f"{indicator.code} · {indicator.name}",
                     {"frequency": indicator.frequency, "target": indicator.target, "unit": indicator.unit,
                      "decimals": indicator.decimals})


RECENT_PERIODS = {"daily": 62, "weekly": 27, "monthly": 25, "quarterly": 12, "yearly": 8}


def recent_periods(frequency: str, today: dt.date, also: dt.date | None = None) -> list[str]:
    """The periods a value is usually entered for, newest first, as ISO period starts: this one and the ones
    before it (about two years of months, half a year of weeks, two months of days), plus `also` (the one
    loaded) when it is older."""
    periods: list[dt.date] = []
    current = period_start(today, frequency)
    for _ in range(RECENT_PERIODS.get(frequency, 25)):
        periods.append(current)
        current = period_start(current - dt.timedelta(days=1), frequency)
    if also is not None and also not in periods:
        periods.append(also)
    return [day.isoformat() for day in sorted(periods, reverse=True)]


def _measurement(session: Session, record_id: int | None, current: Mapping[str, Any]) -> FormState:
    """The value stored for the period the form shows (the newest one when it shows none): a correction
    loads its version; an empty period is a new value. The periods on offer end at `today`'s."""
    today = current.get("_today") or dt.date.today()
    indicator = _stored_indicator(session, record_id)
    day = None
    try:
        day = dt.date.fromisoformat(str(current.get("period") or "")[:10]) if current.get("period") else None
    except ValueError:
        day = None
    stored = queries.measurement_at(session, indicator.id, period_start(day, indicator.frequency) if day else None)
    shown = stored.period if stored is not None else (period_start(day, indicator.frequency) if day else None)
    facts: dict[str, Any] = {"frequency": indicator.frequency, "unit": indicator.unit,
                             "decimals": indicator.decimals, "time_zone": time_zone(session),
                             "periods": recent_periods(indicator.frequency, today, shown)}
    if stored is None:  # a new value: for the period asked, else the last complete one (what is usually entered)
        shown = shown or dt.date.fromisoformat(facts["periods"][1])
        return FormState({"period": _iso(shown), "value": "", "comment": ""}, indicator.id, None,
                         f"{indicator.code} · {indicator.name}", facts)
    facts.update({"stored_value": stored.value, "entered_by": stored.entered_by, "entered_at": stored.entered_at,
                  "source": stored.source, "measurement_version": stored.row_version})
    return FormState({"period": _iso(stored.period), "value": plain_number(stored.value),
                      "comment": stored.comment or ""}, indicator.id, stored.row_version,
                     f"{indicator.code} · {indicator.name}", facts)


_LOADERS = {"perspective": _perspective, "process": _process, "objective": _objective, "links": _links,
            "indicator": _indicator, "targets": _targets, "measurement": _measurement}
FORMS = tuple(_LOADERS)


def form_state(session: Session, form: str, record_id: object, current: Mapping[str, Any] | None = None) -> FormState:
    """The stored values `form` edits for `record_id` (None or 0: a new record); NotFound for an id nobody
    stored, or a form that does not exist."""
    loader = _LOADERS.get(form)
    if loader is None:
        raise NotFound("form.not_found")
    known = None
    if record_id not in (None, "", 0, "0"):
        if not str(record_id).isdigit():
            raise NotFound("form.not_found")
        known = int(str(record_id))
    return loader(session, known, current or {})


def indicator_code(session: Session, indicator_id: object) -> str:
    """The code of the indicator a form names by id (the services of indicators.py take codes)."""
    known = int(str(indicator_id)) if str(indicator_id or "").isdigit() else None
    return _stored_indicator(session, known).code


def same_period(session: Session, indicator_id: object, typed: object, loaded: object) -> bool:
    """Whether the day typed and the day loaded fall in the same period of the indicator (so a correction
    submits the version it loaded, and a value for another period submits none)."""
    known = int(str(indicator_id)) if str(indicator_id or "").isdigit() else None
    indicator = _stored_indicator(session, known)
    try:
        first = dt.date.fromisoformat(str(typed or "")[:10])
        second = dt.date.fromisoformat(str(loaded or "")[:10])
    except ValueError:
        return False
    return period_start(first, indicator.frequency) == period_start(second, indicator.frequency)
