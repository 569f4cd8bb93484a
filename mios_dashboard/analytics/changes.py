"""What changed on the board between two months: new reds, recoveries and new XmR signals.

The weekly meeting starts from news, not from the whole board. A light turning red is news; so is a red
that recovered, and so is a value that breaks the process's pattern (an XmR signal, docs/formulas.md#xmr) even when
its light did not move. Pure functions over the indicator dicts of `services.board.compute.build_board` (keys
used: code, name, owner, objective, perspective, period, actual, status, direction, target_min, target_max,
xmr {center, signals [{period, rule}]}), so the rules are tested with hand-made rows.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

Indicator = Mapping[str, Any]
OFF_TARGET = "red"
RECOVERED = frozenset({"green", "yellow"})
CHANGE_KINDS = ("new_reds", "recoveries", "new_signals")


def signal_side(indicator: Indicator) -> bool | None:
    """Whether the newest value lies on the good side of the centre line: True (favourable), False
    (unfavourable), None when it cannot be said (no limits, on the centre, or a range indicator whose
    centre sits inside the range, where both sides can be fine)."""
    xmr, actual = indicator.get("xmr") or {}, indicator.get("actual")
    center = xmr.get("center")
    if actual is None or center is None or actual == center:
        return None
    direction = indicator.get("direction")
    if direction == "higher":
        return actual > center
    if direction == "lower":
        return actual < center
    low, high = indicator.get("target_min"), indicator.get("target_max")
    if direction == "range" and low is not None and high is not None:
        middle = (low + high) / 2
        if center == middle:
            return None
        return abs(actual - middle) < abs(center - middle)
    return None


def latest_signal(indicator: Indicator) -> dict | None:
    """The XmR signal the newest value carries (the reporting period's value), or None.

    Output: {"rules": [1, 3], "favourable": True|False|None}. A signal on an older value is history, not
    news: it shows on the indicator's chart, not as a badge.
    """
    period = indicator.get("period")
    if not period or indicator.get("actual") is None:
        return None
    signals = (indicator.get("xmr") or {}).get("signals") or []
    rules = sorted({int(s["rule"]) for s in signals if s.get("period") == period})
    if not rules:
        return None
    return {"rules": rules, "favourable": signal_side(indicator)}


def _entry(indicator: Indicator, previous: Indicator | None, signal: dict | None = None) -> dict:
    entry = {key: indicator.get(key) for key in ("code", "name", "owner", "objective", "perspective", "status")}
    entry["previous_status"] = previous.get("status") if previous else None
    if signal is not None:
        entry |= signal
    return entry


def board_changes(current: Iterable[Indicator], previous: Iterable[Indicator]) -> dict[str, list[dict]]:
    """Compare the indicators of month M (`current`) with those of the month before (`previous`).

    - new_reds: red now, not red before (an indicator new to the board counts as not red before);
    - recoveries: red before, green or yellow now (back within tolerance; no data now is not a recovery);
    - new_signals: the newest value carries a signal and the previous month's newest value did not.
    Each entry: code, name, owner, objective, perspective, status, previous_status (+ rules and
    favourable for signals), in the order of `current`.
    """
    before = {row.get("code"): row for row in previous}
    changes: dict[str, list[dict]] = {kind: [] for kind in CHANGE_KINDS}
    for row in current:
        old = before.get(row.get("code"))
        status, old_status = row.get("status"), old.get("status") if old else None
        if status == OFF_TARGET and old_status != OFF_TARGET:
            changes["new_reds"].append(_entry(row, old))
        elif old_status == OFF_TARGET and status in RECOVERED:
            changes["recoveries"].append(_entry(row, old))
        signal = latest_signal(row)
        if signal is not None and (old is None or latest_signal(old) is None):
            changes["new_signals"].append(_entry(row, old, signal))
    return changes
