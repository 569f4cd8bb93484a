"""Helpers for the plain data services hand to pages, caches and `board --json`.

Database rows, pandas frames and audit events give a day in several shapes (date, datetime, Timestamp,
datetime64, ISO text, None, NaT or NaN for a missing one); a result holds "YYYY-MM-DD" or None.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd


def iso_day(value: object) -> str | None:
    """"2025-12-31" for any shape of that day (a moment keeps only its date); None when there is no day."""
    if value is None or value is pd.NaT:  # NaT passes for a datetime but has no date
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value[:10] or None
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else pd.Timestamp(value).date().isoformat()
    return None


def frame_rows(frame: pd.DataFrame) -> Iterator[Any]:
    """The frame's rows as named tuples (`row.code`), the fast way to read a frame row by row. Typed Any: the
    columns are known by name to the caller, not to pandas' stubs, which type every field as any scalar."""
    return frame.itertuples(index=False)
