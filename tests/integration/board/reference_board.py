"""A deliberately plain implementation of docs/formulas.md, one indicator at a time, for checking the vectorised engine.

Written apart from mios_dashboard.analytics (it imports nothing from it): dates are datetime.date, series
are dicts, every formula is a loop over a list. Slow on purpose: clarity over speed. The benchmark runs it
too, to measure what vectorising buys.
"""
from __future__ import annotations

import calendar
import datetime as dt

AVERAGE_DAYS = {"daily": 1.0, "weekly": 7.0, "monthly": 30.436875, "quarterly": 91.310625, "yearly": 365.2425}


# --- calendar --------------------------------------------------------------------------------------------------
def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def step_key(day: dt.date, frequency: str) -> int:
    """Position of the series period holding `day`: months, quarters or years counted from year 0."""
    if frequency == "quarterly":
        return day.year * 4 + (day.month - 1) // 3
    if frequency == "yearly":
        return day.year
    return day.year * 12 + day.month - 1  # monthly, and weekly/daily rolled up to months


def key_start(key: int, frequency: str) -> dt.date:
    if frequency == "quarterly":
        return dt.date(key // 4, (key % 4) * 3 + 1, 1)
    if frequency == "yearly":
        return dt.date(key, 1, 1)
    return dt.date(key // 12, key % 12 + 1, 1)


def reporting_key(frequency: str, month: dt.date) -> int:
    if frequency == "quarterly":
        key = step_key(month, "quarterly")
        return key if month.month in (3, 6, 9, 12) else key - 1
    if frequency == "yearly":
        return month.year if month.month == 12 else month.year - 1
    return step_key(month, "monthly")


def period_end(start: dt.date, frequency: str) -> dt.date:
    if frequency == "daily":
        return start
    if frequency == "weekly":
        return start + dt.timedelta(days=6)
    if frequency == "monthly":
        return last_day(start.year, start.month)
    if frequency == "quarterly":
        return last_day(start.year, start.month + 2)
    return dt.date(start.year, 12, 31)


def own_periods(key: int, frequency: str) -> list[dt.date]:
    """The periods at the indicator's own frequency inside a series period (weeks by their Monday)."""
    start = key_start(key, frequency)
    if frequency not in ("weekly", "daily"):
        return [start]
    month_days = [dt.date(start.year, start.month, d) for d in range(1, calendar.monthrange(start.year, start.month)[1] + 1)]
    return [d for d in month_days if frequency == "daily" or d.weekday() == 0]


# --- formulas --------------------------------------------------------------------------------------------------
def aggregate(values: list, how: str):
    """Values in date order; None values skipped; None when nothing is left."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    if how == "sum":
        return sum(values)
    if how == "mean":
        return sum(values) / len(values)
    if how == "last":
        return values[-1]
    return min(values) if how == "min" else max(values)


def achievement(direction, actual, target, lo, hi):
    if actual is None:
        return None
    if direction == "higher":
        return None if target is None or target <= 0 else max(0.0, actual / target)
    if direction == "lower":
        if target is None or target < 0:
            return None
        return 2.0 if actual <= 0 else min(2.0, target / actual)
    if lo is None or hi is None or hi <= lo:
        return None
    if lo <= actual <= hi:
        return 1.0
    distance = lo - actual if actual < lo else actual - hi
    return max(0.0, 1 - distance / (hi - lo))


def light(a, green, yellow, has_value, stale):
    if not has_value:
        return "stale" if stale else "no_data"
    if a is None:
        return "no_data"
    return "green" if a >= green else "yellow" if a >= yellow else "red"


def period_target(ind: dict, overrides: dict, day: dt.date) -> tuple:
    own = overrides.get(day, (None, None, None))
    return tuple(o if o is not None else d for o, d in zip(own, (ind["target"], ind["target_min"], ind["target_max"])))


def rolled_target(ind: dict, overrides: dict, keys: list[int]) -> tuple:
    days = [d for key in keys for d in own_periods(key, ind["frequency"])]
    rows = [period_target(ind, overrides, d) for d in days]
    return tuple(aggregate([row[i] for row in rows], ind["aggregation"]) for i in range(3))


def line(points: list[tuple[int, float]]):
    """Least squares through (x, y) points → (slope, x mean, y mean)."""
    n = len(points)
    x_mean = sum(x for x, _ in points) / n
    y_mean = sum(y for _, y in points) / n
    sxy = sum((x - x_mean) * (y - y_mean) for x, y in points)
    sxx = sum((x - x_mean) ** 2 for x, _ in points)
    return sxy / sxx, x_mean, y_mean


def trend_word(ind, slope, target, lo, hi, points):
    if ind["direction"] == "range":
        middle = (lo + hi) / 2
        last = points[-1][1]
        sign = 1 if last < middle else -1 if last > middle else (-1 if slope > 0 else 1 if slope < 0 else 0)
        scale = abs(middle) if middle != 0 else hi - lo
    else:
        sign = 1 if ind["direction"] == "higher" else -1
        scale = abs(target) if target is not None else None
    if not scale:
        scale = sum(abs(y) for _, y in points) / len(points)
    band = 0.01 * scale
    if slope * sign > band:
        return "improving"
    return "worsening" if slope * sign < -band else "stable"


def xmr(ind: dict, series: list[tuple[int, float]]):
    """Limits and signals, or None below 6 baseline values."""
    freq = ind["frequency"]
    start, end = ind.get("xmr_baseline_start"), ind.get("xmr_baseline_end")
    inside = [(k, v) for k, v in series
              if (start is None or k >= step_key(start, freq)) and (end is None or k <= step_key(end, freq))]
    baseline = [v for _, v in (inside if end is not None else inside[:20])]
    if len(baseline) < 6:
        return None
    center = sum(baseline) / len(baseline)
    if min(baseline) == max(baseline):
        center = baseline[0]
    ranges = [abs(baseline[i] - baseline[i - 1]) for i in range(1, len(baseline))]
    mr_bar = sum(ranges) / len(ranges)
    lower, upper = center - 2.66 * mr_bar, center + 2.66 * mr_bar
    signals = []
    run_side, run = 0, 0
    for i, (key, value) in enumerate(series):
        found = []
        if value > upper or value < lower:
            found.append(1)
        recent = [v for _, v in series[max(0, i - 3):i + 1]]
        if value > center + 1.33 * mr_bar and sum(v > center + 1.33 * mr_bar for v in recent) >= 3:
            found.append(2)
        if value < center - 1.33 * mr_bar and sum(v < center - 1.33 * mr_bar for v in recent) >= 3:
            found.append(2)
        side = 1 if value > center else -1 if value < center else 0
        run = run + 1 if side != 0 and side == run_side else (1 if side != 0 else 0)
        run_side = side
        if run >= 8:
            found.append(3)
        signals += [{"period": key_start(key, freq).isoformat(), "rule": rule} for rule in sorted(set(found))]
    return {"center": center, "lower": lower, "upper": upper, "signals": signals}


# --- one indicator ---------------------------------------------------------------------------------------------
def reading(ind: dict, values: dict[dt.date, float], overrides: dict, month: dt.date) -> dict:
    """Every `board --json` field of one indicator for the board month (values by period start)."""
    freq, how = ind["frequency"], ind["aggregation"]
    month_last = last_day(month.year, month.month)
    known = sorted((d, v) for d, v in values.items() if d <= month_last)
    report = reporting_key(freq, month)
    by_key: dict[int, list[float]] = {}
    for day, value in known:
        if step_key(day, freq) <= report:
            by_key.setdefault(step_key(day, freq), []).append(value)
    series = [(key, aggregate(vals, how)) for key, vals in sorted(by_key.items())]

    actual = dict(series).get(report)
    target, lo, hi = rolled_target(ind, overrides, [report])
    a = achievement(ind["direction"], actual, target, lo, hi)
    stale = bool(known) and (month_last - period_end(known[-1][0], freq)).days > 1.5 * AVERAGE_DAYS[freq]
    per_year = {"quarterly": 4, "yearly": 1}.get(freq, 12)
    first_key = report - report % per_year
    ytd_actual = aggregate([v for d, v in known if first_key <= step_key(d, freq) <= report], how)
    ytd_target, ytd_lo, ytd_hi = rolled_target(ind, overrides, list(range(first_key, report + 1)))

    slope = trend = forecast = None
    last_points = series[-6:]
    if len(last_points) >= 3:
        slope, x_mean, y_mean = line(last_points)
        trend = trend_word(ind, slope, target, lo, hi, last_points)
        due = ind.get("due")
        if due is not None:
            due_key = step_key(due, freq)
            value = y_mean + slope * (due_key - x_mean)
            due_target = rolled_target(ind, overrides, [due_key])
            forecast = {"due": due.isoformat(), "value": value,
                        "achievement": achievement(ind["direction"], value, *due_target)}
    return {
        "code": ind["code"], "period": key_start(report, freq).isoformat(), "actual": actual, "target": target,
        "achievement": a, "status": light(a, ind["green"], ind["yellow"], actual is not None, stale),
        "trend": trend, "slope": slope, "ytd_actual": ytd_actual, "ytd_target": ytd_target,
        "ytd_achievement": achievement(ind["direction"], ytd_actual, ytd_target, ytd_lo, ytd_hi),
        "forecast": forecast, "xmr": xmr(ind, series),
    }


def weighted(pairs: list[tuple[float | None, float]]):
    pairs = [(v, w) for v, w in pairs if v is not None]
    total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total if pairs and total else None


def board(indicators: list[dict], values: dict, overrides: dict, objectives: list[dict], month: dt.date) -> dict:
    """Readings of every indicator and the objective and board scores (perspective weights as given)."""
    readings = {i["code"]: reading(i, values.get(i["code"], {}), overrides.get(i["code"], {}), month) for i in indicators}
    scores = {}
    for objective in objectives:
        members = [i for i in indicators if i.get("objective") == objective["code"]]
        scores[objective["code"]] = weighted(
            [(None if readings[i["code"]]["achievement"] is None else min(1.2, readings[i["code"]]["achievement"]),
              i["weight"]) for i in members])
    return {"indicators": readings, "objectives": scores}
