"""What changed between two board months (analytics/changes.py): new reds, recoveries, new XmR signals."""
from __future__ import annotations

import pytest

from mios_dashboard.analytics.changes import board_changes, latest_signal, signal_side


def row(code="K-1", status="green", period="2025-12-01", actual=10.0, signals=(), center=8.0, direction="higher",
        **extra):
    xmr = None if center is None else {"center": center, "signals": [{"period": p, "rule": r} for p, r in signals]}
    return {"code": code, "name": f"Indicador {code}", "owner": "Dirección", "objective": "OBJ-1", "perspective": "FIN",
            "status": status, "period": period, "actual": actual, "direction": direction, "xmr": xmr, **extra}


def codes(entries):
    return [e["code"] for e in entries]


# ---------- the signal of the newest value ----------

def test_a_signal_counts_only_at_the_newest_value():
    assert latest_signal(row(signals=[("2025-10-01", 1), ("2025-11-01", 3)])) is None
    signal = latest_signal(row(signals=[("2025-11-01", 1), ("2025-12-01", 3), ("2025-12-01", 1)]))
    assert signal == {"rules": [1, 3], "favourable": True}


@pytest.mark.parametrize("overrides", [{"actual": None}, {"period": None}, {"center": None}])
def test_no_value_or_no_limits_means_no_signal(overrides):
    assert latest_signal(row(signals=[("2025-12-01", 1)], **overrides)) is None


@pytest.mark.parametrize(("direction", "actual", "center", "extra", "expected"), [
    ("higher", 12.0, 8.0, {}, True),
    ("higher", 5.0, 8.0, {}, False),
    ("lower", 5.0, 8.0, {}, True),
    ("lower", 12.0, 8.0, {}, False),
    ("higher", 8.0, 8.0, {}, None),  # on the centre line
    ("range", 15.0, 20.0, {"target_min": 12, "target_max": 18}, True),  # moved towards the range's middle
    ("range", 24.0, 20.0, {"target_min": 12, "target_max": 18}, False),
    ("range", 18.0, 15.0, {"target_min": 12, "target_max": 18}, None),  # centre at the middle: both sides fine
    ("range", 18.0, 15.0, {}, None),  # no range to judge by
])
def test_signal_side_follows_the_direction(direction, actual, center, extra, expected):
    assert signal_side(row(direction=direction, actual=actual, center=center, **extra)) is expected


# ---------- the comparison ----------

def test_new_reds_recoveries_and_new_signals():
    previous = [
        row("A", "green"), row("B", "red"), row("C", "red"), row("D", "yellow"), row("E", "red"),
        row("F", "green", period="2025-11-01"), row("G", "green", period="2025-11-01", signals=[("2025-11-01", 3)]),
    ]
    current = [
        row("A", "red"),  # new red
        row("B", "green"),  # recovered
        row("C", "yellow"),  # recovered into tolerance
        row("D", "red"),  # new red from yellow
        row("E", "no_data", actual=None),  # lost its value: not a recovery
        row("F", "green", signals=[("2025-12-01", 1)]),  # new signal
        row("G", "green", signals=[("2025-11-01", 3), ("2025-12-01", 3)]),  # the same run goes on: not new
        row("H", "red", signals=[("2025-12-01", 1)], actual=5.0),  # new indicator: new red and new signal
    ]
    changes = board_changes(current, previous)
    assert codes(changes["new_reds"]) == ["A", "D", "H"]
    assert codes(changes["recoveries"]) == ["B", "C"]
    assert codes(changes["new_signals"]) == ["F", "H"]
    assert changes["new_reds"][1]["previous_status"] == "yellow"
    assert changes["new_reds"][2]["previous_status"] is None
    h = changes["new_signals"][1]
    assert (h["rules"], h["favourable"], h["owner"], h["name"]) == ([1], False, "Dirección", "Indicador H")


def test_a_red_that_stays_red_is_not_news():
    changes = board_changes([row("A", "red")], [row("A", "red")])
    assert changes == {"new_reds": [], "recoveries": [], "new_signals": []}


def test_nothing_before_nothing_changed():
    assert board_changes([], []) == {"new_reds": [], "recoveries": [], "new_signals": []}
