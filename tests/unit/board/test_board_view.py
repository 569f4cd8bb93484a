"""The board page's pieces without a browser: trimming and filtering the board (services/board/view.py), the URL
state of the selectors, sparklines, news-or-noise marks, the summary strip and the changes panel."""
from __future__ import annotations

import pytest
from dash import dcc, html

from mios_dashboard.components.board.cards import indicator_row, objective_card
from mios_dashboard.components.board.controls import board_controls
from mios_dashboard.components.board.marks import forecast_mark, signal_mark
from mios_dashboard.components.board.summary import changes_panel, off_target_panel, summary_strip
from mios_dashboard.components.query import merged_search, month_param, parse_period
from mios_dashboard.components.sparkline import sparkline, sparkline_svg
from mios_dashboard.services.board.view import filter_board, filter_options, forecast_off, slim_board
from tests.component_tree import text_of, walk


def series(n=14, start=90.0):
    return [{"period": f"{2024 + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}-01", "value": start + m, "target": 100.0,
             "target_min": None, "target_max": None} for m in range(1, n + 1)]


def ind(code, status="green", process=None, owner=None, objective=None, perspective="FIN", **extra):
    return {"code": code, "name": f"Indicador {code}", "unit": "%", "direction": "higher", "frequency": "monthly",
            "period": "2025-12-01", "actual": 97.0, "target": 100.0, "target_min": None, "target_max": None,
            "achievement": 0.97, "status": status, "trend": "improving", "decimals": 1, "last_period": "2025-12-01",
            "owner": owner, "objective": objective, "perspective": perspective, "process": process, "group": None,
            "forecast": None, "xmr": None, "series": series()} | extra


def board():
    """Two objectives of FIN (one by Ana in COM, one by Pat in FIN) and a loose indicator."""
    indicators = [
        ind("A-1", "red", objective="O-1"),  # inherits COM / Ana from its objective
        ind("A-2", "green", process="PRD", owner="Luis", objective="O-1"),
        ind("B-1", "yellow", objective="O-2", process="COM"),
        ind("L-1", "stale", process="PRD", owner="Luis"),
    ]
    objectives = [
        {"code": "O-1", "title": "Uno", "score": 0.9, "status": "yellow", "owner": "Ana", "due": "2026-12-31",
         "process": "COM", "indicators": ["A-1", "A-2"]},
        {"code": "O-2", "title": "Dos", "score": 1.0, "status": "green", "owner": "Pat", "due": None,
         "process": "FIN", "indicators": ["B-1"]},
    ]
    return {"period": "2025-12-01", "available_periods": ["2025-11-01", "2025-12-01"], "score": 0.95, "status": "yellow",
            "counts": {"green": 1, "yellow": 1, "red": 1, "no_data": 0, "stale": 1},
            "perspectives": [{"code": "FIN", "name": "Financiera", "score": 0.95, "status": "yellow",
                              "objectives": objectives, "loose_indicators": ["L-1"]}],
            "indicators": indicators}


def shown(view):
    return {o["code"]: o["indicators"] for p in view["perspectives"] for o in p["objectives"]}, \
        [c for p in view["perspectives"] for c in p["loose_indicators"]]


# ---------- trimming ----------

def test_slim_board_keeps_twelve_points_and_the_newest_signals_only():
    row = ind("X", xmr={"center": 95.0, "lower": 90.0, "upper": 100.0, "mr_bar": 2.0,
                        "signals": [{"period": "2025-10-01", "rule": 1}, {"period": "2025-12-01", "rule": 3}]})
    slim = slim_board({**board(), "indicators": [row]})["indicators"][0]
    assert len(slim["spark"]) == 12 and slim["spark"][-1]["period"] == "2025-02-01"
    assert slim["xmr"]["signals"] == [{"period": "2025-12-01", "rule": 3}]
    assert slim["signal"] == {"rules": [3], "favourable": True}
    assert "series" not in slim and slim["forecast_off"] is False


@pytest.mark.parametrize(("forecast", "expected"), [
    ({"due": "2026-12-31", "achievement": 0.93}, True),
    ({"due": "2026-12-31", "achievement": 1.02}, False),
    ({"due": "2025-06-30", "achievement": 0.5}, False),  # a due date already past is no forecast
    ({"due": "2026-12-31", "achievement": None}, False),
    (None, False),
])
def test_forecast_warning_when_the_projection_misses_the_target(forecast, expected):
    assert forecast_off(ind("X", forecast=forecast)) is expected


@pytest.mark.parametrize(("green", "achievement", "expected"), [
    (0.95, 0.96, False),  # would be green at the due date: no warning (the old 100 % rule warned)
    (0.95, 0.95, False),  # green is "at least the threshold", as the light
    (0.95, 0.94, True),
    (1.05, 1.02, True),  # a demanding threshold: above target is not yet green
    (None, 0.99, True),  # no threshold on the row: the default of 100 % (docs/formulas.md#status)
])
def test_forecast_warning_follows_the_indicators_green_threshold(green, achievement, expected):
    row = ind("X", forecast={"due": "2026-12-31", "achievement": achievement}, green_threshold=green)
    assert forecast_off(row) is expected


# ---------- filters ----------

def test_options_list_processes_with_names_and_owners():
    options = filter_options(board(), {"COM": "Comercial", "PRD": "Producción"})
    assert options == {"processes": [{"value": "COM", "name": "Comercial"}, {"value": "FIN", "name": "FIN"},
                                     {"value": "PRD", "name": "Producción"}], "owners": ["Ana", "Luis", "Pat"]}


def test_no_filter_keeps_everything():
    view = filter_board(board())
    assert (view["filtered"], view["shown"], view["total"]) == (False, 4, 4)


def test_an_objective_that_matches_keeps_all_its_indicators():
    view = filter_board(board(), owner="Ana")
    assert shown(view) == ({"O-1": ["A-1", "A-2"]}, [])
    assert view["counts"] == {"green": 1, "yellow": 0, "red": 1, "no_data": 0, "stale": 0}
    assert (view["shown"], view["total"], view["score"]) == (2, 4, 0.95)  # scores stay the board's


def test_indicators_match_by_their_own_process_or_their_objectives():
    assert shown(filter_board(board(), process="PRD")) == ({"O-1": ["A-2"]}, ["L-1"])
    assert shown(filter_board(board(), process="COM")) == ({"O-1": ["A-1", "A-2"], "O-2": ["B-1"]}, [])
    assert shown(filter_board(board(), process="PRD", owner="Luis")) == ({"O-1": ["A-2"]}, ["L-1"])
    nothing = filter_board(board(), process="PRD", owner="Pat")
    assert shown(nothing) == ({}, []) and nothing["indicators"] == []


# ---------- URL state ----------

@pytest.mark.parametrize(("search", "changes", "expected"), [
    ("", {"period": "2025-11"}, "?period=2025-11"),
    ("?lang=en", {"period": "2025-11", "process": None}, "?lang=en&period=2025-11"),
    ("?owner=Ana&lang=en&x=1", {"process": "PRD"}, "?lang=en&process=PRD&owner=Ana&x=1"),
    ("?period=2025-11&process=PRD", {"process": ""}, "?period=2025-11"),
    ("?owner=Ing.+Luis+M%C3%A9ndez", {}, "?owner=Ing.+Luis+M%C3%A9ndez"),
])
def test_merged_search_changes_one_key_and_keeps_the_rest(search, changes, expected):
    assert merged_search(search, **changes) == expected


def test_month_param_and_period_parsing():
    assert month_param("2025-12-01") == "2025-12" and month_param(None) is None
    assert parse_period("2025-12")[0].isoformat() == "2025-12-01" and parse_period("2025-13") == (None, False)


def test_controls_show_the_url_state_newest_month_first():
    controls = board_controls(filter_options(board(), {}), {"period": "2025-11-01", "process": "PRD", "owner": None},
                              ["2025-11-01", "2025-12-01"], "en")
    dropdowns = [n for n in walk(controls) if isinstance(n, dcc.Dropdown)]
    month, process, owner = dropdowns
    assert [o["value"] for o in month.options] == ["2025-12", "2025-11"] and month.value == "2025-11"
    assert month.options[0]["label"] == "December 2025"
    assert (process.value, owner.value, owner.placeholder) == ("PRD", None, "All owners")


# ---------- sparkline ----------

def test_sparkline_draws_values_target_and_the_newest_point_in_its_light():
    svg = sparkline_svg(series(12), "red")
    assert svg.count("<path") == 2 and "stroke-dasharray" in svg and "#c23a22" in svg


def test_sparkline_band_for_ranges_gaps_in_targets_and_too_few_points():
    points = [p | {"target": None, "target_min": 95.0, "target_max": 99.0} for p in series(6)]
    assert "fill='rgba(10, 125, 85, 0.10)'" in sparkline_svg(points, "green")
    assert sparkline_svg(series(1), "green") is None
    blank = sparkline(series(1), "green", "")
    assert isinstance(blank, html.Span) and "mios-spark--empty" in blank.className
    image = sparkline(series(3), "green", "Últimos 3 valores")
    assert image.src.startswith("data:image/svg+xml;charset=utf-8,") and "#" not in image.src
    assert image.alt == "Últimos 3 valores" and len(image.src) < 1500


# ---------- news or noise ----------

def test_signal_noise_and_forecast_marks():
    bad = signal_mark(ind("X", "red", signal={"rules": [1], "favourable": False}), "es")
    assert text_of(bad) == "Señal" and "mios-mark--bad" in bad.className
    assert "regla 1, un valor fuera de los límites naturales del proceso" in bad.title
    noise = signal_mark(ind("X", "red", xmr={"center": 1.0}), "en")
    assert text_of(noise) == "no signal" and "noise" in noise.title
    assert signal_mark(ind("X", "green", xmr={"center": 1.0}), "es") is None  # nothing to explain
    assert signal_mark(ind("X", "red"), "es") is None  # no limits yet: cannot tell
    forecast = forecast_mark(ind("X", forecast={"due": "2026-12-31", "achievement": 0.731}, forecast_off=True), "en")
    assert text_of(forecast) == "Forecast at due date: 73.1%" and "Dec 31, 2026" in forecast.title
    assert forecast_mark(ind("X", forecast={"due": "2026-12-31", "achievement": 0.731}), "en") is None


def test_cards_link_to_the_drill_downs_keeping_language_month_and_filters():
    query = {"period": "2025-11", "process": "PRD", "owner": None}
    row = indicator_row(ind("A-1", spark=series(12)), "en", query)
    links = [n.href for n in walk(row) if isinstance(n, dcc.Link)]
    assert links == ["/indicador/A-1?lang=en&period=2025-11&process=PRD"]
    assert any(isinstance(n, html.Img) for n in walk(row))
    card = objective_card(board()["perspectives"][0]["objectives"][0], [], "es", query)
    assert [n.href for n in walk(card) if isinstance(n, dcc.Link)] == ["/objetivo/O-1?period=2025-11&process=PRD"]


# ---------- summary and changes ----------

def test_summary_strip_counts_the_filtered_view_and_offers_to_clear_it():
    data = {"board": filter_board(board(), owner="Ana"), "overdue_actions": 3, "phva": None,
            "filters": {"period": "2025-12-01", "process": None, "owner": "Ana"}}
    strip = summary_strip(data, "es")
    text = text_of(strip)
    assert "Indicadores por estado: 2 de 4 (filtro)" in text and "Acciones vencidas" in text and "3" in text
    clear = next(n for n in walk(strip) if isinstance(n, dcc.Link))
    assert clear.href == "/?period=2025-12"
    assert any("mios-overdue--some" in (getattr(n, "className", "") or "") for n in walk(strip))


def test_changes_panel_lists_news_with_links_and_owners():
    changes = {"period": "2025-12-01", "previous": "2025-11-01",
               "new_reds": [{"code": "A-1", "name": "Uno", "owner": "Ana", "status": "red", "previous_status": "green"}],
               "recoveries": [],
               "new_signals": [{"code": "B-1", "name": "Dos", "owner": "Pat", "status": "green", "previous_status": "green",
                                "rules": [3], "favourable": True}]}
    panel = changes_panel(changes, "es", {"period": "2025-12"})
    text = text_of(panel)
    assert "Qué cambió desde noviembre 2025" in text and "2 cambios" in text
    assert "Ningún indicador salió de fuera de meta." in text and "favorable" in text and "Ana" in text
    assert [n.href for n in walk(panel) if isinstance(n, dcc.Link)] == ["/indicador/A-1?period=2025-12",
                                                                         "/indicador/B-1?period=2025-12"]


def test_changes_panel_for_the_first_month_and_a_quiet_month():
    first = changes_panel({"period": "2024-01-01", "previous": None, "new_reds": [], "recoveries": [],
                           "new_signals": []}, "en")
    assert "there is no earlier month to compare with yet" in text_of(first)
    quiet = changes_panel({"period": "2025-12-01", "previous": "2025-11-01", "new_reds": [], "recoveries": [],
                           "new_signals": []}, "en")
    assert "No changes" in text_of(quiet) and "0 changes" in text_of(quiet)
    assert changes_panel(None, "es") is None


def test_off_target_panel_puts_real_problems_first_with_their_owner():
    view = {"period": "2025-12-01", "indicators": [
        ind("N-1", "red", owner="Ana", achievement=0.5, xmr={"center": 1.0}),  # no signal: may be noise
        ind("S-1", "red", owner="Pat", achievement=0.8, xmr={"center": 1.0}, signal={"rules": [1], "favourable": False}),
        ind("G-1", "green", owner="Luis"),
    ]}
    panel = off_target_panel(view, "en", {"period": "2025-12"})
    items = [n for n in walk(panel) if getattr(n, "data-code", None)]
    assert [getattr(i, "data-code") for i in items] == ["S-1", "N-1"]
    assert "Off target in December 2025" in text_of(panel)
    assert "Signal" in text_of(items[0]) and "Pat" in text_of(items[0]) and "80.0%" in text_of(items[0])
    assert "no signal" in text_of(items[1]) and "Ana" in text_of(items[1])
    quiet = off_target_panel({"period": "2025-12-01", "indicators": [ind("G-1")]}, "es")
    assert "Ningún indicador fuera de meta en diciembre 2025." in text_of(quiet)
