"""The write path every form takes: plain values in, every field checked, one audited transaction, no silent overwrite.

A page's callback hands a service the acting user (`Actor`) and the form's values as plain Python — strings,
numbers, ISO dates, lists — and stays thin. The service reads the values through `Fields`, which collects every
problem with the field it belongs to; `Fields.check()` then raises one `errors.Invalid` naming them all, so
nothing is written when anything is wrong. A record is opened for a save with `for_update(…, version)`: when
the stored record is newer than the version the form loaded, `StaleVersion` (an `errors.Conflict`) says who
saved it and when, and nothing is overwritten. `touch(record)` makes every save bump the record's version, also
when only its children (a process's SIPOC lines, a party's requirements) changed. The transaction is the
caller's `db.session_scope(factory, actor=…)`, whose audit hook records every change old → new.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from mios_dashboard.audit import Actor
from mios_dashboard.errors import Conflict, Invalid, NotFound
from mios_dashboard.i18n import fmt_datetime, t
from mios_dashboard.importers.text import ValueProblem
from mios_dashboard.importers.values import parse_number
from mios_dashboard.models import AuditEvent

__all__ = ["Actor", "FieldProblem", "Fields", "StaleVersion", "apply", "for_update", "stale", "touch", "unique"]

M = TypeVar("M")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class FieldProblem:
    """One field that is wrong: "Probabilidad: debe estar entre 1 y 5" (its label and what is wrong, in the
    reader's language). `field` is the form's own name for it, so a page can mark the input."""

    field: str
    label: str  # catalogue key of the field's label
    key: str  # catalogue key of what is wrong
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def render(self, lang: str = "es") -> str:
        return t("form.problem", lang, field=t(self.label, lang), problem=t(self.key, lang, **self.params))


class StaleVersion(Conflict):
    """Someone saved the record after the form loaded it; says who and when, in the reader's language and
    the organization's time zone."""

    def __init__(self, *, who: str, when: dt.datetime | None, time_zone: str | None) -> None:
        super().__init__("form.stale", who=who)
        self.when = when
        self.time_zone = time_zone

    def message(self, lang: str = "es") -> str:
        return t("form.stale", lang, who=self.params["who"], when=fmt_datetime(self.when, lang, self.time_zone))


class Fields:
    """The values of one form, read field by field; every problem is kept, none stops the reading.

    `labels` is the catalogue prefix of the form's field labels: with "risk.field", the field `impact` is
    labelled by `risk.field.impact`. Each reader returns a usable value (None or "" when the field is wrong or
    empty), so a service can read every field first and decide afterwards.
    """

    def __init__(self, values: Mapping[str, Any], labels: str) -> None:
        self.values = values
        self.labels = labels
        self.problems: list[FieldProblem] = []

    def add(self, name: str, key: str, **params: object) -> None:
        """Record a problem of field `name` (also for checks across fields, e.g. "residual above inherent")."""
        self.problems.append(FieldProblem(name, f"{self.labels}.{name}", key, params))

    def has_problem(self, name: str) -> bool:
        return any(problem.field == name for problem in self.problems)

    def check(self) -> None:
        """Raise `Invalid` with every problem found, if any."""
        if self.problems:
            raise Invalid("form.invalid", self.problems, count=len(self.problems))

    def _raw(self, name: str) -> Any:
        value = self.values.get(name)
        return value.strip() if isinstance(value, str) else value

    def text(self, name: str, *, required: bool = False, max_length: int | None = None) -> str:
        """Text with surrounding spaces removed; "" when empty."""
        raw = self._raw(name)
        value = "" if raw is None else str(raw)
        if required and not value:
            self.add(name, "form.required")
        elif max_length is not None and len(value) > max_length:
            self.add(name, "form.too_long", limit=max_length)
        return value

    def optional_text(self, name: str, *, max_length: int | None = None) -> str | None:
        """Text, or None when empty (for columns where "not given" and "" differ)."""
        return self.text(name, max_length=max_length) or None

    def code(self, name: str, *, max_length: int = 20) -> str:
        """A record code such as `VEN-01`: letters, digits, `.`, `_`, `-`, no spaces; stored upper-case."""
        value = self.text(name, required=True, max_length=max_length)
        if value and not self.has_problem(name) and not _CODE.match(value):
            self.add(name, "form.bad_code")
        return value.upper()

    def number(self, name: str, *, required: bool = False, minimum: float | None = None,
               maximum: float | None = None, positive: bool = False) -> float | None:
        """A number typed as people type them ("1,234.5", "95,3", "12%" → 12); None when empty."""
        raw = self._raw(name)
        if raw is None or raw == "":
            if required:
                self.add(name, "form.required")
            return None
        try:
            value = raw if isinstance(raw, (int, float)) and not isinstance(raw, bool) else parse_number(raw)
        except (ValueProblem, ValueError):
            self.add(name, "form.not_a_number", value=str(raw))
            return None
        value = float(value)
        if math.isnan(value) or math.isinf(value):
            self.add(name, "form.not_a_number", value=str(raw))
            return None
        if positive and value <= 0:
            self.add(name, "form.positive")
        elif minimum is not None and maximum is not None and not minimum <= value <= maximum:
            self.add(name, "form.between", low=_plain(minimum), high=_plain(maximum))
        elif minimum is not None and value < minimum:
            self.add(name, "form.at_least", low=_plain(minimum))
        elif maximum is not None and value > maximum:
            self.add(name, "form.at_most", high=_plain(maximum))
        return value

    def whole(self, name: str, *, required: bool = False, minimum: int | None = None,
              maximum: int | None = None) -> int | None:
        """A whole number (a rating, an order, a count of decimals); None when empty or wrong."""
        value = self.number(name, required=required, minimum=minimum, maximum=maximum)
        if value is None:
            return None
        if value != int(value):
            self.add(name, "form.whole")
            return None
        return int(value)

    def date(self, name: str, *, required: bool = False) -> dt.date | None:
        """A day from a date picker (ISO "YYYY-MM-DD", also with a time) or a `date`; None when empty."""
        raw = self._raw(name)
        if raw is None or raw == "":
            if required:
                self.add(name, "form.required")
            return None
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        try:
            return dt.date.fromisoformat(str(raw)[:10])
        except ValueError:
            self.add(name, "form.not_a_date", value=str(raw))
            return None

    def choice(self, name: str, options: Sequence[str], *, required: bool = True) -> str | None:
        """One of `options` (stored codes); None when empty and not required."""
        raw = self._raw(name)
        if raw is None or raw == "":
            if required:
                self.add(name, "form.required")
            return None
        if raw not in options:
            self.add(name, "form.not_an_option", value=str(raw))
            return None
        return str(raw)

    def flag(self, name: str) -> bool:
        """A checkbox or switch: true for True, "on", "true", "1", ["on"] (dcc.Checklist)."""
        raw = self._raw(name)
        if isinstance(raw, (list, tuple)):
            return bool(raw)
        if isinstance(raw, str):
            return raw.lower() in ("1", "true", "on", "yes", "si", "sí")
        return bool(raw)

    def lines(self, name: str, *, max_length: int | None = None) -> list[str]:
        """A list of short texts from a list, or one per line of a text area; empty lines dropped."""
        raw = self.values.get(name)
        items = raw if isinstance(raw, (list, tuple)) else str(raw or "").splitlines()
        found = [str(item).strip() for item in items if str(item or "").strip()]
        if max_length is not None and any(len(item) > max_length for item in found):
            self.add(name, "form.too_long", limit=max_length)
        return found

    def reference(self, name: str, session: Session, model: type[M], *, required: bool = False,
                  by: str = "code") -> M | None:
        """The record of `model` the field names, by id (a drop-down's value) or by `by` (a typed code)."""
        raw = self._raw(name)
        if raw is None or raw == "":
            if required:
                self.add(name, "form.required")
            return None
        record: M | None = None
        if isinstance(raw, int) and not isinstance(raw, bool):
            record = session.get(model, raw)
        else:
            column = getattr(model, by)
            record = session.scalar(select(model).where(column == str(raw)))
            if record is None and str(raw).isdigit():
                record = session.get(model, int(str(raw)))
        if record is None:
            self.add(name, "form.unknown_reference", value=str(raw))
        return record


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def for_update(session: Session, model: type[M], record_id: object, version: object, *,
               time_zone: str | None = None) -> M:
    """The record to save, checked against the version the form loaded.

    `NotFound` when it is not there (deleted meanwhile, or an id a client made up); `StaleVersion` when
    its stored version is newer than `version`, naming who saved last and when. A missing or unreadable
    `version` counts as stale: a form that does not say what it loaded may not overwrite anything.
    """
    try:
        key = int(record_id)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise NotFound("form.not_found") from None
    record = session.get(model, key)
    if record is None:
        raise NotFound("form.not_found")
    try:
        loaded = int(version)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        loaded = -1
    if loaded != record.row_version:  # type: ignore[attr-defined]
        raise stale(session, record, time_zone)
    return record


def stale(session: Session, record: object, time_zone: str | None) -> StaleVersion:
    """The refusal for a save over `record`'s newer version, with the last audited change of it."""
    table = record.__table__.name  # type: ignore[attr-defined]
    entity_id = str(record.id)  # type: ignore[attr-defined]
    last = session.execute(
        select(AuditEvent.actor, AuditEvent.at)
        .where(AuditEvent.entity == table, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    who, when = (last.actor, last.at) if last else ("—", getattr(record, "updated_at", None))
    return StaleVersion(who=who, when=when, time_zone=time_zone)


def touch(record: object) -> None:
    """Mark `record` changed so this save bumps its version even when only its children changed."""
    record.updated_at = dt.datetime.now(dt.UTC)  # type: ignore[attr-defined]


def unique(fields: Fields, session: Session, model: type, name: str, column: str, value: object,
           record_id: int | None) -> None:
    """Record `form.taken` on field `name` when another record of `model` already has `value` in `column`."""
    if value in (None, ""):
        return
    statement = select(model.id).where(getattr(model, column) == value)  # type: ignore[attr-defined]
    if record_id is not None:
        statement = statement.where(model.id != record_id)  # type: ignore[attr-defined]
    if session.scalar(statement.limit(1)) is not None:
        fields.add(name, "form.taken", value=str(value))


def apply(record: M, values: Mapping[str, object]) -> M:
    """Set each attribute of `record` to its value (the audit hook records those that changed)."""
    for name, value in values.items():
        setattr(record, name, value)
    return record


