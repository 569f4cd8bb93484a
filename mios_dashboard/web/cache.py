"""Page data cached by the database's data version, so repeated views cost one tiny query.

Every write bumps `audit.data_version` (ORM flushes through the audit hook, bulk imports explicitly), so a
result stored under (database, data version, what was asked) can never be stale: after any import or edit
the version moves on and the next view recomputes. Each gunicorn worker keeps its own small LRU in memory,
and all workers read the same version from the same database, so they agree without sharing anything and
without another service to run. Entries of an older version of the same database are dropped as soon as a
newer one is stored, so memory holds one generation of results.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy.orm import Session

from mios_dashboard.audit import data_version
from mios_dashboard.memory import cycle_collector_paused

DEFAULT_MAXSIZE = 48


def database_key(session: Session) -> str:
    """Which database a session reads (tests and tools may serve several from one process); no password."""
    return session.get_bind().engine.url.render_as_string(hide_password=True)


class VersionedCache:
    """A thread-safe LRU whose keys start with (database, data version)."""

    def __init__(self, maxsize: int = DEFAULT_MAXSIZE) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[tuple, Any] = OrderedDict()
        self._newest: dict[str, int] = {}
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get_or_compute(self, key: tuple[str, int, *tuple[Hashable, ...]], compute: Callable[[], Any]) -> Any:
        """The value stored under `key`, or `compute()`'s (stored unless a newer version is already known).

        Computing happens outside the lock: two threads may compute the same value once each, never block.
        The cycle collector is paused while computing (see memory.py): a first view builds hundreds of
        thousands of short-lived objects, and full collections over the heap cost more than the view.
        """
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
            self.misses += 1
        with cycle_collector_paused():
            value = compute()
        database, version = key[0], key[1]
        with self._lock:
            newest = self._newest.get(database, -1)
            if version < newest:
                return value  # a slow reader of an old version: answer it, keep nothing
            if version > newest:
                self._newest[database] = version
                for old in [k for k in self._items if k[0] == database and k[1] < version]:
                    del self._items[old]
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._newest.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)


CACHE = VersionedCache()
# Pages' rendered component trees (one per month, filters, language and day): bigger items, fewer of them.
RENDERED = VersionedCache(maxsize=12)


class VersionedReader:
    """One request's view of the cache: the data version is read once, on first use, then every lookup
    of the request uses it (a write landing mid-request cannot mix two versions in one page)."""

    def __init__(self, session: Session, cache: VersionedCache = CACHE) -> None:
        self.session = session
        self.cache = cache
        self._prefix: tuple[str, int] | None = None

    @property
    def prefix(self) -> tuple[str, int]:
        if self._prefix is None:
            self._prefix = (database_key(self.session), int(data_version(self.session)))
        return self._prefix

    def key(self, namespace: str, *parts: Hashable) -> tuple:
        """(database, data version, namespace, *parts): what a result is stored under."""
        return (*self.prefix, namespace, *parts)

    def get(self, namespace: str, parts: tuple, compute: Callable[[], Any]) -> Any:
        return self.cache.get_or_compute(self.key(namespace, *parts), compute)
