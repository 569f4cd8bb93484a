"""Pausing Python's cycle collector around bursts of short-lived objects.

Reading 120,000 measurements, computing a board and building a page of ten thousand components each make
hundreds of thousands of objects that hold no reference cycles (reference counting frees them). Their sheer
number sets off full collections over the whole heap — pandas, plotly and Dash included — that cost 80–200 ms
apiece on a 1,000-indicator board, for nothing to collect. The pause is counted, so nested and concurrent
pauses (threads of one worker) end together; whatever cycles were made meanwhile are collected afterwards.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """The cycle collector off inside the block (unless someone turned it off for good before)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
