"""Editing indicators by hand: per-period targets and manual measurements (the write path of services/edits.py).

Every function takes the caller's session (`runtime.write_session(actor)` on a page), the acting user and the
form's plain values; it validates every field through `Fields` and writes nothing when anything is wrong.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mios_dashboard.errors import NotFound
from mios_dashboard.importers.periods import period_start
from mios_dashboard.models import Indicator, Measurement, Objective, Perspective, Process, Target
from mios_dashboard.models.enums import AGGREGATIONS, DIRECTIONS, FREQUENCIES
from mios_dashboard.repositories.organization import time_zone
from mios_dashboard.services.edits import Actor, Fields, apply, for_update, unique

LABELS = "admin.field"


def _indicator(session: Session, code: str) -> Indicator:
    indicator = session.scalar(select(Indicator).where(Indicator.code == str(code).strip().upper()))
    if indicator is None:
        raise NotFound("form.not_found")
    return indicator


def save_measurement(session: Session, actor: Actor, code: str, values: Mapping[str, Any]) -> Measurement:
    """Enter or correct one value by hand: source "manual", entered by the actor, now; a correction of a
    stored value needs the version the form loaded and a comment saying why."""
    indicator = _indicator(session, code)
    fields = Fields(values, labels=LABELS)
    day = fields.date("period", required=True)
    value = fields.number("value", required=True)
    comment = fields.optional_text("comment", max_length=2000)
    period = period_start(day, indicator.frequency) if day else None
    stored = None
    if period is not None:
        stored = session.scalar(
            select(Measurement).where(Measurement.indicator_id == indicator.id, Measurement.period == period)
        )
    if stored is not None and not comment:
        fields.add("comment", "admin.problem.comment_on_correction")
    fields.check()
    assert period is not None and value is not None
    if stored is not None:
        stored = for_update(session, Measurement, stored.id, values.get("row_version"),
                            time_zone=time_zone(session))
        record = stored
    else:
        record = Measurement(indicator_id=indicator.id, period=period)
        session.add(record)
    record.value = value
    record.comment = comment
    record.source = "manual"
    record.import_batch_id = None
    record.entered_by = actor.username
    record.entered_at = dt.datetime.now(dt.UTC)
    session.flush()
    return record


def save_year_targets(session: Session, actor: Actor, code: str, year: int,
                      monthly: Sequence[object]) -> list[Target]:
    """Store a monthly indicator's targets for `year`: twelve values, January first; an empty value removes
    that month's override (the indicator's own target applies). Another frequency is refused: its periods
    are not months."""
    indicator = _indicator(session, code)
    values = {f"month_{number}": monthly[number - 1] if number <= len(monthly) else None for number in range(1, 13)}
    fields = Fields(values, labels=LABELS)
    numbers = [fields.number(f"month_{number}") for number in range(1, 13)]
    if indicator.direction == "range" and any(number is not None for number in numbers):
        fields.add("month_1", "admin.problem.range_targets")
    elif indicator.frequency != "monthly" and any(number is not None for number in numbers):
        fields.add("month_1", "admin.problem.monthly_targets_only")
    fields.check()
    stored = {
        target.period: target
        for target in session.scalars(
            select(Target).where(Target.indicator_id == indicator.id,
                                 Target.period >= dt.date(year, 1, 1), Target.period <= dt.date(year, 12, 31))
        )
    }
    kept: list[Target] = []
    for month, number in enumerate(numbers, start=1):
        period = dt.date(year, month, 1)
        target = stored.get(period)
        if number is None:
            if target is not None:
                session.delete(target)
            continue
        if target is None:
            target = Target(indicator_id=indicator.id, period=period)
            session.add(target)
        target.target = number
        kept.append(target)
    session.flush()
    return kept


_LINKS: tuple[tuple[str, type[Objective | Perspective | Process]], ...] = (
    ("objective", Objective), ("perspective", Perspective), ("process", Process))


def _links(fields: Fields, session: Session, values: Mapping[str, Any]) -> dict[str, int | None]:
    """The objective, perspective and process the form names (by id or code); only those it sends, so a caller
    that edits the definition alone leaves the links as they are."""
    links: dict[str, int | None] = {}
    for name, model in _LINKS:
        if name in values:
            linked = fields.reference(name, session, model)
            links[f"{name}_id"] = linked.id if linked is not None else None
    return links


def save_indicator(session: Session, actor: Actor, values: Mapping[str, Any]) -> Indicator:
    """Create (no `id`) or update an indicator's definition, every field checked, with the cross-field rules
    of docs/formulas.md#achievement: a range needs min < max, yellow ≤ green, decimals 0–6, an XmR window
    whose start is not after its end (both normalised to period starts). The objective, perspective and
    process links are set when the form sends them (an indicator without its own perspective takes its
    objective's on the board)."""
    record_id = values.get("id")
    fields = Fields(values, labels=LABELS)
    code = fields.code("code")
    name = fields.text("name", required=True, max_length=200)
    direction = fields.choice("direction", DIRECTIONS)
    frequency = fields.choice("frequency", FREQUENCIES)
    aggregation = fields.choice("aggregation", AGGREGATIONS)
    target = fields.number("target")
    target_min = fields.number("target_min")
    target_max = fields.number("target_max")
    green = fields.number("green_threshold", required=True, minimum=0)
    yellow = fields.number("yellow_threshold", required=True, minimum=0)
    weight = fields.number("weight", required=True, positive=True)
    decimals = fields.whole("decimals", required=True, minimum=0, maximum=6)
    xmr_start = fields.date("xmr_baseline_start")
    xmr_end = fields.date("xmr_baseline_end")
    description = fields.text("description")
    unit = fields.text("unit", max_length=30)
    owner = fields.optional_text("owner", max_length=120)
    data_source = fields.optional_text("data_source", max_length=200)
    group = fields.optional_text("group", max_length=60)
    active = fields.flag("active") if "active" in values else True
    links = _links(fields, session, values)
    if direction == "range":
        if target_min is None:
            fields.add("target_min", "form.required")
        if target_max is None:
            fields.add("target_max", "form.required")
        if target_min is not None and target_max is not None and target_min >= target_max:
            fields.add("target_max", "admin.problem.range_order")
    elif direction in ("higher", "lower"):
        if target is None:
            fields.add("target", "form.required")
        elif direction == "higher" and target <= 0:
            fields.add("target", "form.positive")
    if green is not None and yellow is not None and yellow > green:
        fields.add("yellow_threshold", "admin.problem.yellow_above_green")
    if frequency and xmr_start:
        xmr_start = period_start(xmr_start, frequency)
    if frequency and xmr_end:
        xmr_end = period_start(xmr_end, frequency)
    if xmr_start and xmr_end and xmr_start > xmr_end:
        fields.add("xmr_baseline_end", "admin.problem.window_order")
    known_id = int(str(record_id)) if str(record_id or "").isdigit() else None  # a made-up id: for_update says NotFound
    unique(fields, session, Indicator, "code", "code", code, known_id)
    fields.check()
    if record_id:
        record = for_update(session, Indicator, record_id, values.get("row_version"), time_zone=time_zone(session))
    else:
        record = Indicator()
        session.add(record)
    apply(record, {
        "code": code, "name": name, "direction": direction, "frequency": frequency, "aggregation": aggregation,
        "target": target if direction != "range" else None,
        "target_min": target_min if direction == "range" else None,
        "target_max": target_max if direction == "range" else None,
        "green_threshold": green, "yellow_threshold": yellow, "weight": weight, "decimals": decimals,
        "xmr_baseline_start": xmr_start, "xmr_baseline_end": xmr_end,
        "description": description, "unit": unit, "owner": owner, "data_source": data_source, "group": group,
        "active": active, **links,
    })
    session.flush()
    return record
