"""Calendar arithmetic of reporting periods (docs/formulas.md#reporting-period): which period an indicator shows for a board month.

A period is named by its first day: month → day 1, quarter → first day of the quarter, ISO week → Monday,
year → 1 January. Functions work on pandas Series of datetime64 so they run over all indicators at once.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

# Average period lengths in days, used to measure "one and a half periods" for staleness.
PERIOD_DAYS = {"daily": 1.0, "weekly": 7.0, "monthly": 30.436875, "quarterly": 91.310625, "yearly": 365.2425}
SUB_MONTHLY = ("daily", "weekly")


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    return (pd.Timestamp(day) + pd.offsets.MonthEnd(0)).date()


def period_start(dates: pd.Series, frequency: str) -> pd.Series:
    """The first day of the `frequency` period that contains each date (datetime64 in, datetime64 out)."""
    dates = pd.to_datetime(dates)
    if frequency == "daily":
        return dates.dt.normalize()
    if frequency == "weekly":
        return (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.normalize()
    if frequency == "monthly":
        return dates.dt.to_period("M").dt.start_time
    if frequency == "quarterly":
        return dates.dt.to_period("Q").dt.start_time
    if frequency == "yearly":
        return dates.dt.to_period("Y").dt.start_time
    raise ValueError(f"unknown frequency {frequency!r}")


def period_end(starts: pd.Series, frequencies: pd.Series) -> pd.Series:
    """The last day of each period, given its first day and its indicator's frequency."""
    starts = pd.to_datetime(starts)
    frequencies = pd.Series(frequencies, index=starts.index)
    end = pd.Series(pd.NaT, index=starts.index, dtype="datetime64[ns]")
    for frequency, offset in (
        ("daily", pd.DateOffset(days=0)),
        ("weekly", pd.DateOffset(days=6)),
        ("monthly", pd.offsets.MonthEnd(0)),
        ("quarterly", pd.offsets.QuarterEnd(0)),
        ("yearly", pd.offsets.YearEnd(0)),
    ):
        mask = frequencies == frequency
        if mask.any():
            end[mask] = (starts[mask] + offset).astype("datetime64[ns]")
    return end


def reporting_period(month: dt.date, frequencies: pd.Series) -> pd.Series:
    """The period each indicator shows on the board for `month` (docs/formulas.md#reporting-period).

    Monthly, weekly and daily indicators show the month itself (weeks and days rolled up into it);
    quarterly and yearly ones show the last period that ends on or before the end of the month:
    in October a quarterly indicator shows Q3, in November a yearly one shows the previous year.
    Input: frequency codes. Output: period starts as datetime64, same index.
    """
    month = pd.Timestamp(month_start(month))
    end = pd.Timestamp(month_end(month.date()))
    quarter_start = end.to_period("Q").start_time
    closed_quarter = quarter_start if end == end.to_period("Q").end_time.normalize() else quarter_start - pd.DateOffset(months=3)
    year_start = pd.Timestamp(year=end.year, month=1, day=1)
    closed_year = year_start if end.month == 12 else year_start - pd.DateOffset(years=1)
    choices = {"quarterly": closed_quarter, "yearly": closed_year}
    frequencies = pd.Series(frequencies)
    values = np.full(len(frequencies), month, dtype=object)
    for frequency, start in choices.items():
        values[(frequencies == frequency).to_numpy()] = start
    return pd.Series(pd.to_datetime(values), index=frequencies.index)


def month_periods(month: dt.date, frequency: str) -> list[dt.date]:
    """Every `frequency` period (weekly or daily) that rolls up into `month`; a week belongs to its Monday's month."""
    first = pd.Timestamp(month_start(month))
    last = pd.Timestamp(month_end(month))
    if frequency == "daily":
        return [d.date() for d in pd.date_range(first, last, freq="D")]
    if frequency == "weekly":
        return [d.date() for d in pd.date_range(first, last, freq="W-MON")]
    return [first.date()]


# --- series ordinals ------------------------------------------------------------------------------------------
# An indicator's series steps by month (monthly, and weekly/daily rolled up), by quarter or by year. Periods
# are numbered by integer ordinals (months, quarters or years since 1970) so that slopes are "per period"
# and gaps keep their place on the time axis; codes below index these arrays.
FREQUENCY_CODES = {"daily": 0, "weekly": 1, "monthly": 2, "quarterly": 3, "yearly": 4}
MONTHS_PER_STEP = np.array([1, 1, 1, 3, 12], dtype="int64")
DAILY, WEEKLY = FREQUENCY_CODES["daily"], FREQUENCY_CODES["weekly"]


def frequency_codes(frequencies: ArrayLike | pd.Series) -> np.ndarray:
    """Frequency names → integer codes of FREQUENCY_CODES (an unknown name raises KeyError)."""
    return pd.Series(frequencies, dtype="object").map(FREQUENCY_CODES).to_numpy(dtype="int64")


def series_ordinal(dates: ArrayLike | pd.Series | Sequence[dt.date], codes: ArrayLike) -> np.ndarray:
    """The series period holding each date, as an ordinal in its indicator's series step (int64)."""
    months = np.asarray(dates, dtype="datetime64[ns]").astype("datetime64[M]").astype("int64")
    return months // MONTHS_PER_STEP[np.asarray(codes, dtype="int64")]


def ordinal_start(ordinals: ArrayLike, codes: ArrayLike) -> np.ndarray:
    """First day of each series period (datetime64[ns]), the inverse of `series_ordinal`."""
    months = np.asarray(ordinals, dtype="int64") * MONTHS_PER_STEP[np.asarray(codes, dtype="int64")]
    return months.astype("datetime64[M]").astype("datetime64[ns]")
