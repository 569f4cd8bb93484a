"""The page cache (web/cache.py): keyed by database and data version, one generation kept, LRU bounded."""
from __future__ import annotations

import gc
import threading

import pytest

from mios_dashboard.memory import cycle_collector_paused
from mios_dashboard.web.cache import VersionedCache, VersionedReader


class FakeSession:
    """What VersionedReader touches: get_bind().engine.url and scalar() for the data version."""

    def __init__(self, url: str, version: int):
        self.version, self.reads = version, 0
        url_object = type("Url", (), {"render_as_string": lambda _self, hide_password=True: url})()
        engine = type("Engine", (), {"url": url_object})()
        self._bind = type("Bind", (), {"engine": engine})()

    def get_bind(self):
        return self._bind

    def scalar(self, _statement):
        self.reads += 1
        return self.version


def counter():
    calls = []

    def compute(value):
        calls.append(value)
        return value
    return calls, compute


def test_key_is_database_version_namespace_and_parameters():
    reader = VersionedReader(FakeSession("sqlite:///a.db", 7), VersionedCache())
    assert reader.key("board", "2025-12-01", None) == ("sqlite:///a.db", 7, "board", "2025-12-01", None)


def test_the_version_is_read_once_per_request():
    session = FakeSession("sqlite:///a.db", 3)
    reader = VersionedReader(session, VersionedCache())
    reader.key("a")
    reader.key("b")
    assert session.reads == 1


def test_a_second_view_is_a_hit_and_a_write_makes_a_miss():
    cache = VersionedCache()
    calls, compute = counter()
    session = FakeSession("sqlite:///a.db", 1)
    assert VersionedReader(session, cache).get("board", ("2025-12",), lambda: compute("v1")) == "v1"
    assert VersionedReader(session, cache).get("board", ("2025-12",), lambda: compute("again")) == "v1"
    session.version = 2  # an import or an edit anywhere
    assert VersionedReader(session, cache).get("board", ("2025-12",), lambda: compute("v2")) == "v2"
    assert calls == ["v1", "v2"] and (cache.hits, cache.misses) == (1, 2)


def test_a_newer_version_drops_the_older_generation_of_the_same_database_only():
    cache = VersionedCache()
    cache.get_or_compute(("db-a", 1, "board", 1), lambda: "a1")
    cache.get_or_compute(("db-a", 1, "board", 2), lambda: "a1'")
    cache.get_or_compute(("db-b", 1, "board", 1), lambda: "b1")
    cache.get_or_compute(("db-a", 2, "board", 1), lambda: "a2")
    assert sorted(cache._items) == [("db-a", 2, "board", 1), ("db-b", 1, "board", 1)]


def test_a_slow_reader_of_an_old_version_is_answered_but_not_stored():
    cache = VersionedCache()
    cache.get_or_compute(("db", 5, "x"), lambda: "new")
    assert cache.get_or_compute(("db", 4, "x"), lambda: "old") == "old"
    assert ("db", 4, "x") not in cache._items and len(cache) == 1


def test_least_recently_used_entries_go_first():
    cache = VersionedCache(maxsize=2)
    for key in ("a", "b"):
        cache.get_or_compute(("db", 1, key), lambda key=key: key)
    cache.get_or_compute(("db", 1, "a"), lambda: "unused")  # touch a
    cache.get_or_compute(("db", 1, "c"), lambda: "c")
    assert sorted(k[2] for k in cache._items) == ["a", "c"]


def test_threads_share_one_cache_safely():
    cache = VersionedCache(maxsize=8)
    errors = []

    def work(n):
        try:
            for i in range(200):
                assert cache.get_or_compute(("db", 1 + i // 50, i % 10), lambda i=i: i % 10) == i % 10
        except Exception as exc:  # noqa: BLE001 - a thread's failure, collected and asserted below
            errors.append(exc)
    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(cache) <= 8


def test_computing_pauses_the_cycle_collector_and_restores_it():
    seen = []
    cache = VersionedCache()
    assert gc.isenabled()
    cache.get_or_compute(("db", 1, "outer"), lambda: seen.append(gc.isenabled()) or cache.get_or_compute(
        ("db", 1, "inner"), lambda: seen.append(gc.isenabled())))
    assert seen == [False, False] and gc.isenabled()
    with pytest.raises(ZeroDivisionError):
        cache.get_or_compute(("db", 1, "broken"), lambda: 1 / 0)
    assert gc.isenabled()


def test_overlapping_pauses_end_together_and_never_turn_a_disabled_collector_on():
    started, release = threading.Barrier(3), threading.Event()

    def pause():
        with cycle_collector_paused():
            started.wait()
            release.wait()
    threads = [threading.Thread(target=pause) for _ in range(2)]
    for thread in threads:
        thread.start()
    started.wait()
    assert not gc.isenabled()
    release.set()
    for thread in threads:
        thread.join()
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()  # someone turned it off for good: left off
    finally:
        gc.enable()
