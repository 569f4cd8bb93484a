"""Engine and session handling: one place that knows about SQLite pragmas and transactions."""
from __future__ import annotations

import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from mios_dashboard import audit

SQLITE_BUSY_TIMEOUT_MS = 5000


class DatabaseUrlError(ValueError):
    """The database URL cannot be used; the message says why in one line."""


# Every engine make_engine built in this process, so a forked child can drop their inherited pools.
_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def _drop_inherited_pools() -> None:
    """In a forked child, give every engine a fresh pool without touching the parent's connections.

    A pooled connection is one server session; a child reusing its parent's interleaves its queries with the
    parent's and its siblings' on that socket, and replies land in the wrong process (psycopg: "received 2
    results from command 'BEGIN'"). `gunicorn --preload` did exactly that: the master prepares the database
    (create_app(prepare=True)), then forks the workers. As SQLAlchemy's "Using Connection Pools with
    Multiprocessing or os.fork()" advises, create_app disposes of its pool after the preparation, before
    any fork, and this hook — run by os.fork in every child (gunicorn workers, Dash's background jobs) —
    calls `dispose(close=False)`, which only forgets the inherited pool: closing it would end the parent's
    sessions. Threads that use an engine (web/warmup.py's warmer) start after the fork, in the child.
    """
    for engine in list(_engines):
        engine.dispose(close=False)


if hasattr(os, "register_at_fork"):  # POSIX; where there is no fork there is nothing to inherit
    os.register_at_fork(after_in_child=_drop_inherited_pools)


def _set_sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # WAL lets readers (page callbacks) run while an import writes; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str, **kwargs: object) -> Engine:
    """Create the engine for `url`; SQLite files get their folder created and the pragmas set."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError(f"invalid database URL {url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            Path(parsed.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, **kwargs)
        event.listen(engine, "connect", _set_sqlite_pragmas)
    elif backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(parsed, pool_pre_ping=True, **kwargs)
    else:
        raise DatabaseUrlError(f"unsupported database {backend!r} in URL: use sqlite:/// or postgresql://")
    _engines.add(engine)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for `engine`, with the audit trail hooked in (every flush of domain rows is recorded)."""
    return audit.install(sessionmaker(bind=engine, expire_on_commit=False))


@contextmanager
def session_scope(factory: sessionmaker[Session], actor: str = "sistema") -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error. `actor` is who the audit trail names."""
    session = factory()
    session.info["actor"] = actor
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
