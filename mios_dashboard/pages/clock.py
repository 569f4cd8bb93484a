"""The day the pages judge "overdue" and the PHVA evidence on: one function, called through this module
(`clock.today()`), so a test pins every page at once with `monkeypatch.setattr(clock, "today", …)`."""
from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    return dt.date.today()
