"""The audit trail (ISO 7.5.3): every insert, update and delete of a domain row becomes an AuditEvent.

Hooked on the session factory (`install(factory)`), so services never write audit rows by hand. Each flush
that changes domain rows also bumps the data version, which page caches key on so that several app
processes stay consistent. Bulk Core writes (the importer) call `write_events` and `bump_data_version`.
"""
from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, event, insert, inspect, select, text
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from mios_dashboard.models import AppState, AuditEvent

NOT_AUDITED = frozenset({"audit_event", "app_state"})
NOT_COMPARED = frozenset({"created_at", "updated_at", "entered_at"})
DATA_VERSION_KEY = "data_version"
_BUMP_SQL = text(
    "INSERT INTO app_state (key, value) VALUES (:key, 1) "
    "ON CONFLICT (key) DO UPDATE SET value = app_state.value + 1"
)


@dataclass(frozen=True)
class Actor:
    """Who acts: the name every audit event of the change records. Until sign-in exists it is the configured
    `MIOS_USER`; the write path (services/edits.py) takes it from the page or the command line."""

    username: str


def _jsonable(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _label(obj: object) -> str:
    for attr in ("code", "username", "name", "title", "file_name"):
        value = getattr(obj, attr, None) if attr in inspect(obj).dict else None
        if value:
            return str(value)[:300]
    return ""


def _event_for(obj: object, operation: str, actor: str) -> dict | None:
    state = inspect(obj)
    table = state.mapper.local_table.name
    if table in NOT_AUDITED:
        return None
    changes: dict[str, list] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in NOT_COMPARED:
            continue
        if operation == "insert":
            value = state.dict.get(key)
            if value is not None:
                changes[key] = [None, _jsonable(value)]
        elif operation == "delete":
            if key in state.dict and state.dict[key] is not None:
                changes[key] = [_jsonable(state.dict[key]), None]
        else:
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[key] = [_jsonable(old), _jsonable(new)]
    if operation == "update" and not changes:
        return None
    # New rows have no identity key yet during after_flush; their primary key values are already set.
    identity = state.identity or tuple(
        state.dict.get(state.mapper.get_property_by_column(column).key) for column in state.mapper.primary_key
    )
    return {
        "actor": actor,
        "operation": operation,
        "entity": table,
        "entity_id": "/".join(str(part) for part in identity),
        "summary": _label(obj),
        "changes": changes,
    }


def write_events(connection: Connection, events: Iterable[dict]) -> int:
    """Insert audit rows (dicts with actor, operation, entity, entity_id, summary, changes); returns how many."""
    rows = list(events)
    if rows:
        connection.execute(insert(AuditEvent.__table__), rows)
    return len(rows)


def bump_data_version(connection: Connection) -> None:
    connection.execute(_BUMP_SQL, {"key": DATA_VERSION_KEY})


def data_version(session: Session) -> int:
    """The number of committed write flushes so far; a cache keyed on it is never stale."""
    return session.scalar(select(AppState.value).where(AppState.key == DATA_VERSION_KEY)) or 0


def _after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    actor = session.info.get("actor") or "sistema"
    events = [
        e
        for operation, objects in (("insert", session.new), ("update", session.dirty), ("delete", session.deleted))
        for obj in objects
        if (e := _event_for(obj, operation, actor)) is not None
    ]
    if events:
        connection = session.connection()
        write_events(connection, events)
        bump_data_version(connection)


def install(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """Attach the audit hook to every session the factory makes (once per factory).

    A flag on the factory, not `event.contains`: the event registry keys on id(), and a new factory at
    a collected one's address would look hooked already.
    """
    if not getattr(factory, "_mios_audited", False):
        event.listen(factory, "after_flush", _after_flush)
        setattr(factory, "_mios_audited", True)  # noqa: B010 - an attribute sessionmaker does not declare (mypy)
    return factory
