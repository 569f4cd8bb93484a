"""Keeping a page's first view warm: recompute it in the background when the data changes.

The page caches (web/cache.py) are keyed by the data version, so the first view after an import or an
edit pays the whole computation (about 0.4 s for a 1,000-indicator board). A `Warmer` pays it instead, in a
daemon thread of each process: every `interval` seconds — or at once when this process commits a write
(`poke`) — it reads the data version (one primary-key query) and, when it has moved since the last warm-up,
calls `warm()`, which computes and caches the view under that version exactly as a request would. Writes from
other processes (the command line, the import page's background job, other gunicorn workers) are seen at
the next tick. Each gunicorn worker keeps its own cache and so runs its own warmer, started by its first
request (never before a fork). A warm-up that fails is logged and retried at the next change.
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

import flask
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from mios_dashboard.audit import data_version
from mios_dashboard.web.runtime import read_session

_log = logging.getLogger(__name__)
DEFAULT_INTERVAL = 2.0


class Warmer:
    """Calls `warm()` after `read_version()` moves; see the module docstring."""

    def __init__(self, read_version: Callable[[], int], warm: Callable[[], None],
                 interval: float = DEFAULT_INTERVAL) -> None:
        self.read_version, self.warm, self.interval = read_version, warm, interval
        self.warmed_version: int | None = None
        self.warm_ups = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid: int | None = None

    def start(self) -> None:
        """Start the thread in this process (once; again in a forked child, where threads do not survive).
        Nothing after `stop`."""
        with self._lock:
            if self._stop.is_set() or (self._thread is not None and self._pid == os.getpid() and self._thread.is_alive()):
                return
            self._pid = os.getpid()
            self._thread = threading.Thread(target=self._run, name="mios-warmer", daemon=True)
            self._thread.start()

    def poke(self) -> None:
        """Look at the data version now rather than at the next tick (this process just committed a write)."""
        self._wake.set()

    def poke_on_commit(self, factory: sessionmaker[Session]) -> None:
        """Poke after every commit of a session from `factory` (a read costs the warmer one query)."""
        event.listen(factory, "after_commit", lambda _session: self.poke())

    def stop(self, timeout: float | None = None) -> None:
        """End the thread for good (tests, benchmarks)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def check(self) -> bool:
        """One look: warm up if the version moved since the last warm-up. True when it warmed."""
        version = self.read_version()
        if version == self.warmed_version:
            return False
        self.warm()
        self.warmed_version = version
        self.warm_ups += 1
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.interval)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.check()
            except Exception:  # noqa: BLE001 - the warm-up thread's top: nothing above it; a database away must not end it
                _log.warning("warm-up failed; retrying at the next change", exc_info=True)


def app_data_version(server: flask.Flask) -> int:
    """The data version of the database the Flask app `server` serves (a warmer's `read_version`)."""
    with server.app_context(), read_session() as session:
        return int(data_version(session))
