"""The warmer (web/warmup.py): warms once per new data version, at once when poked, survives failures."""
from __future__ import annotations

import threading
import time

from mios_dashboard.web.warmup import Warmer


class Versions:
    def __init__(self):
        self.version, self.warmed, self.fail = 1, [], False
        self.done = threading.Event()

    def read(self) -> int:
        return self.version

    def warm(self) -> None:
        if self.fail:
            self.fail = False
            raise RuntimeError("database away")
        self.warmed.append(self.version)
        self.done.set()


def test_check_warms_once_per_version():
    versions = Versions()
    warmer = Warmer(versions.read, versions.warm)
    assert warmer.check() and not warmer.check()
    versions.version = 2
    assert warmer.check() and not warmer.check()
    assert versions.warmed == [1, 2] and warmer.warmed_version == 2 and warmer.warm_ups == 2


def test_a_poke_warms_at_once_and_a_failure_is_retried_at_the_next_change():
    versions = Versions()
    warmer = Warmer(versions.read, versions.warm, interval=60)  # only pokes wake it within this test
    warmer.start()
    warmer.start()  # idempotent: one thread
    try:
        assert [t.name for t in threading.enumerate()].count("mios-warmer") >= 1
        started = time.perf_counter()
        warmer.poke()
        assert versions.done.wait(5) and time.perf_counter() - started < 5
        assert versions.warmed == [1]
        versions.done.clear()
        versions.version, versions.fail = 2, True
        warmer.poke()
        deadline = time.monotonic() + 5
        while warmer.warmed_version != 1 or versions.fail:  # the failing warm-up ran and kept the old version
            assert time.monotonic() < deadline
            time.sleep(0.01)
        warmer.poke()
        assert versions.done.wait(5) and versions.warmed == [1, 2]
    finally:
        warmer.stop(timeout=5)
