"""Process behaviour charts (XmR, after Donald Wheeler): natural process limits and signals (docs/formulas.md#xmr).

Baseline: the first 20 values of the series (all when fewer), or the values inside the indicator's own
baseline window (xmr_baseline_start … xmr_baseline_end, for after a deliberate change; a window without an
end takes its first 20 values). Below 6 baseline values there are no limits. centre = mean of the baseline;
mR̄ = mean of the moving ranges |xᵢ − xᵢ₋₁| between successive baseline values (a gap in the series is
skipped, not filled); limits = centre ± 2.66·mR̄ (not clipped at 0).

Signals are looked for over the whole series (baseline included), each at the value completing its pattern:
rule 1, a value outside the limits; rule 2, a value beyond centre ± 1.33·mR̄ when at least 3 of the last 4
values (itself included; fewer at the start) lie beyond that line on the same side; rule 3, the 8th or later
value of a run strictly on one side of the centre (a value on the centre ends the run). With mR̄ = 0 (a
baseline of equal values) the limits close on the centre and any different value is a signal.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from mios_dashboard.analytics.rollup import segment_lasts, segment_sizes, segment_starts

BASELINE_POINTS = 20
MIN_POINTS = 6
LIMIT_FACTOR = 2.66  # 3 / d2, d2 = 1.128 for moving ranges of two values
ZONE_FACTOR = 1.33  # half way to a limit
RUN_LENGTH = 8


def xmr_limits(series: pd.DataFrame, windows: pd.DataFrame) -> pd.DataFrame:
    """Centre, mR̄ and natural process limits of every series.

    Input: series (position, ordinal, value — grouped by position in ordinal order); windows, one row per
    position: first, last (baseline bounds as series ordinals, NaN = open) and capped (take only the first
    BASELINE_POINTS values inside the window). Output: one row per position with points (baseline size),
    center, mr_bar, lower, upper, first and last (ordinals of the baseline's first and last values); all
    NaN below MIN_POINTS.
    """
    size = len(windows)
    out = {name: np.full(size, np.nan) for name in ("center", "mr_bar", "lower", "upper", "first", "last")}
    out["points"] = np.zeros(size, dtype="int64")
    position = series["position"].to_numpy()
    if len(position):
        ordinal = series["ordinal"].to_numpy(dtype="float64")
        value = series["value"].to_numpy(dtype="float64")
        first = windows["first"].to_numpy(dtype="float64")[position]
        last = windows["last"].to_numpy(dtype="float64")[position]
        inside = ~(ordinal < first) & ~(ordinal > last)  # NaN bounds leave the window open
        running = np.cumsum(inside)
        starts = segment_starts(position)
        before = np.repeat(running[starts] - inside[starts], segment_sizes(starts, len(position)))
        rank = running - before  # 1 for the first value inside the window
        capped = windows["capped"].to_numpy(dtype=bool)[position]
        base = inside & (~capped | (rank <= BASELINE_POINTS))
        position, ordinal, value = position[base], ordinal[base], value[base]
        starts = segment_starts(position)
    if len(position):
        owner = position[starts]
        n = segment_sizes(starts, len(position))
        low, high = np.minimum.reduceat(value, starts), np.maximum.reduceat(value, starts)
        center = np.where(low == high, low, np.add.reduceat(value, starts) / n)  # equal values: exactly that value
        same = position[1:] == position[:-1]
        ranges = np.bincount(position[1:][same], weights=np.abs(np.diff(value))[same], minlength=size)[owner]
        with np.errstate(invalid="ignore", divide="ignore"):
            mr_bar = ranges / (n - 1)
        ok = n >= MIN_POINTS
        out["points"][owner] = n
        out["center"][owner] = np.where(ok, center, np.nan)
        out["mr_bar"][owner] = np.where(ok, mr_bar, np.nan)
        out["lower"][owner] = np.where(ok, center - LIMIT_FACTOR * mr_bar, np.nan)
        out["upper"][owner] = np.where(ok, center + LIMIT_FACTOR * mr_bar, np.nan)
        out["first"][owner] = np.where(ok, ordinal[starts], np.nan)
        out["last"][owner] = np.where(ok, ordinal[segment_lasts(starts, len(ordinal))], np.nan)
    return pd.DataFrame(out)


def _window_count(flags: np.ndarray, seg_start: np.ndarray, width: int) -> np.ndarray:
    """How many of the last `width` rows (this one included, same segment only) are flagged."""
    total = np.r_[0, np.cumsum(flags)]
    index = np.arange(len(flags))
    begin = np.maximum(index - width + 1, seg_start)
    return total[index + 1] - total[begin]


def xmr_signals(series: pd.DataFrame, limits: pd.DataFrame) -> pd.DataFrame:
    """Every signal of rules 1–3 over each whole series, ordered by position, ordinal and rule.

    Input: series as for `xmr_limits`; limits, its output. Output columns: position, ordinal, rule (1, 2, 3);
    one row per value and rule at most.
    """
    position = series["position"].to_numpy()
    center = limits["center"].to_numpy(dtype="float64")[position]
    keep = ~np.isnan(center)
    position, center = position[keep], center[keep]
    ordinal = series["ordinal"].to_numpy()[keep]
    value = series["value"].to_numpy(dtype="float64")[keep]
    if not len(position):
        return pd.DataFrame({"position": position, "ordinal": ordinal, "rule": np.zeros(0, dtype="int64")})
    mr_bar = limits["mr_bar"].to_numpy(dtype="float64")[position]
    upper = limits["upper"].to_numpy(dtype="float64")[position]
    lower = limits["lower"].to_numpy(dtype="float64")[position]
    starts = segment_starts(position)
    seg_start = np.repeat(starts, segment_sizes(starts, len(position)))

    rule1 = (value > upper) | (value < lower)
    high, low = value > center + ZONE_FACTOR * mr_bar, value < center - ZONE_FACTOR * mr_bar
    rule2 = (high & (_window_count(high, seg_start, 4) >= 3)) | (low & (_window_count(low, seg_start, 4) >= 3))
    side = np.sign(value - center)
    index = np.arange(len(value))
    new_run = (index == seg_start) | (side != np.r_[0, side[:-1]]) | (side == 0)
    run_start = np.maximum.accumulate(np.where(new_run, index, 0))
    rule3 = (side != 0) & (index - run_start + 1 >= RUN_LENGTH)

    rows = np.concatenate([np.flatnonzero(rule1), np.flatnonzero(rule2), np.flatnonzero(rule3)])
    rules = np.repeat([1, 2, 3], [rule1.sum(), rule2.sum(), rule3.sum()])
    order = np.lexsort((rules, rows))
    rows, rules = rows[order], rules[order]
    return pd.DataFrame({"position": position[rows], "ordinal": ordinal[rows], "rule": rules})
