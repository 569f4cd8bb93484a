"""Held-out check of the KPI engine (issue 3): a planted dataset goes in through `python -m mios_dashboard import`
of an Indicadores + Mediciones workbook, and every field of `board --json --period …` must equal the plain
per-indicator implementation of docs/formulas.md in reference_board.py, fed from this file's own data, not the database.

Planted: a level shift (VEN-01), an outlier (CAL-01), a late run near a limit (PRO-01, with its own XmR
baseline window), a missing last month (PRO-02), half a year without updates (PER-01), quarterly (CLI-01),
weekly with a week across the new year (OPE-01), a range (OPE-02), yearly (FIN-01), a zero target for a
lower-is-better count (SEG-01), a short daily series (OPE-03), a per-period target and weights.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import subprocess
import sys

import openpyxl
import pytest
from sqlalchemy import select

from mios_dashboard.config import REPO_ROOT
from mios_dashboard.db import session_scope
from mios_dashboard.models import Indicator, Objective, Target
from tests.integration.board import reference_board as ref
from tests.seeded import perspective as seeded_perspective

PERSPECTIVES = [("FIN", "Financiera"), ("CLI", "Clientes"), ("PRO", "Procesos internos"), ("APR", "Aprendizaje y crecimiento")]
OBJECTIVES = [("OBJ-A", "FIN", dt.date(2026, 6, 30)), ("OBJ-B", "PRO", dt.date(2026, 3, 31)), ("OBJ-C", "CLI", None)]
# code, direction, frequency, aggregation, target, min, max, objective, perspective (loose ones), weight
DEFINITIONS = [
    ("VEN-01", "higher", "monthly", "sum", 1000.0, None, None, "OBJ-A", None, 2.0),
    ("CAL-01", "lower", "monthly", "sum", 5.0, None, None, "OBJ-A", None, 1.0),
    ("OPE-01", "higher", "weekly", "sum", 250.0, None, None, "OBJ-A", None, 1.0),
    ("OPE-02", "range", "monthly", "mean", None, 18.0, 22.0, "OBJ-A", None, 1.0),
    ("PRO-01", "higher", "monthly", "mean", 90.0, None, None, "OBJ-B", None, 1.0),
    ("PRO-02", "higher", "monthly", "mean", 95.0, None, None, "OBJ-B", None, 1.0),
    ("OPE-03", "higher", "daily", "mean", 95.0, None, None, "OBJ-B", None, 1.0),
    ("CLI-01", "higher", "quarterly", "mean", 85.0, None, None, "OBJ-C", None, 1.0),
    ("PER-01", "higher", "monthly", "sum", 20.0, None, None, None, "APR", 1.0),
    ("FIN-01", "higher", "yearly", "last", 12.0, None, None, None, "FIN", 1.0),
    ("SEG-01", "lower", "monthly", "sum", 0.0, None, None, None, "PRO", 1.0),
]
OVERRIDES = {"VEN-01": {dt.date(2025, 12, 1): (1200.0, None, None), dt.date(2026, 6, 1): (1300.0, None, None)}}
BASELINES = {"PRO-01": (dt.date(2024, 1, 1), dt.date(2025, 6, 30))}
WORDS = {"higher": "mayor es mejor", "lower": "menor es mejor", "range": "rango", "monthly": "mensual",
         "weekly": "semanal", "daily": "diaria", "quarterly": "trimestral", "yearly": "anual", "sum": "suma",
         "mean": "promedio", "last": "último"}


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months, day = [], first
    while day <= last:
        months.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def planted_values() -> dict[str, dict[dt.date, float]]:
    rng = random.Random(20251231)
    noise = lambda spread: round(rng.uniform(-spread, spread), 2)
    months = _months(dt.date(2023, 1, 1), dt.date(2025, 12, 1))
    values = {
        "VEN-01": {m: round((950 if m.year < 2025 else 1100) + noise(30), 2) for m in months},  # level shift
        "CAL-01": {m: round(4 + noise(1), 2) for m in months} | {dt.date(2025, 5, 1): 15.0},  # outlier
        "PRO-01": {m: round(88 + noise(1.5), 2) for m in months[:-4]}
        | dict(zip(months[-4:], [91.9, 92.2, 91.6, 92.4])),  # late run near the upper limit
        "PRO-02": {m: round(94 + noise(2), 2) for m in months[:-1]},  # last month missing
        "PER-01": {m: round(18 + noise(4), 2) for m in months if m <= dt.date(2025, 6, 1)},  # stale
        "OPE-02": {m: round(20 + (m.year - 2023) * 1.2 + noise(0.8), 2) for m in months},
        "SEG-01": {m: float(rng.choice([0, 0, 0, 1, 2])) for m in months},
        "CLI-01": {dt.date(y, q, 1): round(84 + noise(2), 2) for y in (2023, 2024, 2025) for q in (1, 4, 7, 10)},
        "FIN-01": {dt.date(y, 1, 1): round(11 + (y - 2019) * 0.3 + noise(0.4), 2) for y in range(2019, 2026)},
    }
    monday = dt.date(2024, 1, 1)
    values["OPE-01"] = {}
    while monday <= dt.date(2025, 12, 29):  # the last week runs into January 2026
        values["OPE-01"][monday] = round(250 + noise(25), 2)
        monday += dt.timedelta(days=7)
    day = dt.date(2025, 10, 1)
    values["OPE-03"] = {}
    while day <= dt.date(2025, 12, 31):
        if day.weekday() < 5:  # gaps on weekends
            values["OPE-03"][day] = round(95 + noise(3), 2)
        day += dt.timedelta(days=1)
    return values


def write_workbook(path, values) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Indicadores"
    sheet.append(["Código", "Nombre", "Sentido", "Frecuencia", "Agregación", "Meta", "Meta mínima", "Meta máxima",
                  "Objetivo", "Perspectiva", "Peso"])
    for code, direction, frequency, how, target, lo, hi, objective, perspective, weight in DEFINITIONS:
        sheet.append([code, f"Indicador {code}", WORDS[direction], WORDS[frequency], WORDS[how], target, lo, hi,
                      objective, perspective, weight])
    sheet = book.create_sheet("Mediciones")
    sheet.append(["Código", "Periodo", "Valor"])
    for code, by_period in values.items():
        for period, value in by_period.items():
            sheet.append([code, period, value])
    book.save(path)


def mios(cwd, url: str, *args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIOS_")}
    env.update(MIOS_DATABASE_URL=url, MIOS_USER="verificador", PYTHONPATH=str(REPO_ROOT))
    result = subprocess.run([sys.executable, "-m", "mios_dashboard", *args], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def imported(tmp_path, database_url, session_factory):
    """The planted organization: perspectives and objectives (not importable), then the workbook, then the
    per-period targets and an XmR baseline window (not importable either)."""
    with session_scope(session_factory) as session:
        ids = {}
        for order, (code, name) in enumerate(PERSPECTIVES):
            perspective = seeded_perspective(session, code)
            perspective.name, perspective.sort_order = name, order
            ids[code] = perspective.id
        for code, perspective, due in OBJECTIVES:
            session.add(Objective(code=code, title=f"Objetivo {code}", perspective_id=ids[perspective], plan_due=due))
    values = planted_values()
    write_workbook(tmp_path / "planted.xlsx", values)
    mios(tmp_path, database_url, "import", str(tmp_path / "planted.xlsx"))
    with session_scope(session_factory) as session:
        for code, by_period in OVERRIDES.items():
            indicator_id = session.scalar(select(Indicator.id).where(Indicator.code == code))
            for period, (target, lo, hi) in by_period.items():
                session.add(Target(indicator_id=indicator_id, period=period, target=target, target_min=lo, target_max=hi))
        for code, (start, end) in BASELINES.items():
            indicator = session.scalar(select(Indicator).where(Indicator.code == code))
            indicator.xmr_baseline_start, indicator.xmr_baseline_end = start, end
    return tmp_path, database_url, values


def expected_board(values, month: dt.date) -> dict:
    dues = {code: due for code, _, due in OBJECTIVES}
    indicators = [
        {"code": code, "direction": d, "frequency": f, "aggregation": a, "target": t, "target_min": lo,
         "target_max": hi, "green": 1.0, "yellow": 0.9, "objective": o, "weight": w, "due": dues.get(o),
         "xmr_baseline_start": BASELINES.get(code, (None, None))[0], "xmr_baseline_end": BASELINES.get(code, (None, None))[1]}
        for code, d, f, a, t, lo, hi, o, _, w in DEFINITIONS
    ]
    return ref.board(indicators, values, OVERRIDES, [{"code": c} for c, _, _ in OBJECTIVES], month)


def assert_same(got, want, where: str) -> None:
    if isinstance(want, float) and isinstance(got, (int, float)):
        assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9), f"{where}: {got} != {want}"
    elif isinstance(want, dict):
        assert got is not None and set(got) == set(want), f"{where}: {got} != {want}"
        for key in want:
            assert_same(got[key], want[key], f"{where}.{key}")
    elif isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), f"{where}: {got} != {want}"
        for k, (g, w) in enumerate(zip(got, want)):
            assert_same(g, w, f"{where}[{k}]")
    else:
        assert got == want, f"{where}: {got!r} != {want!r}"


@pytest.mark.parametrize("period", ["2025-12", "2025-11"])
def test_board_json_equals_the_reference_implementation(imported, period):
    folder, url, values = imported
    board = json.loads(mios(folder, url, "board", "--json", "--period", period).stdout)
    month = dt.date.fromisoformat(f"{period}-01")
    expected = expected_board(values, month)
    assert board["period"] == month.isoformat()
    got = {i["code"]: i for i in board["indicators"]}
    assert set(got) == {d[0] for d in DEFINITIONS}
    for code, want in expected["indicators"].items():
        assert_same(got[code], {"name": f"Indicador {code}", "unit": "", **want, **_kinds(code)}, code)

    # Scores: objectives (capped, weighted), perspectives (their objectives), the board (the perspectives).
    objectives = {o["code"]: o for p in board["perspectives"] for o in p["objectives"]}
    perspective_scores = {}
    for code, perspective, _ in OBJECTIVES:
        assert_same(objectives[code]["score"], expected["objectives"][code], f"score {code}")
        assert objectives[code]["indicators"] == sorted(d[0] for d in DEFINITIONS if d[7] == code)
        perspective_scores.setdefault(perspective, []).append((expected["objectives"][code], 1.0))
    for p in board["perspectives"]:
        code = next(c for c, name in PERSPECTIVES if name == p["name"])
        assert_same(p["score"], ref.weighted(perspective_scores.get(code, [])), f"perspective {code}")
    assert_same(board["score"], ref.weighted([(ref.weighted(v), 1.0) for v in perspective_scores.values()]), "board")


def _kinds(code: str) -> dict:
    definition = next(d for d in DEFINITIONS if d[0] == code)
    return {"direction": definition[1], "frequency": definition[2]}


def test_the_planted_patterns_show(imported):
    """The dataset plants what it says (so the comparison above is not between two empty boards)."""
    folder, url, _ = imported
    board = {i["code"]: i for i in json.loads(mios(folder, url, "board", "--json", "--period", "2025-12").stdout)["indicators"]}
    rules = lambda code: {(s["period"], s["rule"]) for s in board[code]["xmr"]["signals"]}
    assert {("2025-01-01", 1), ("2025-08-01", 3)} <= rules("VEN-01")  # the shift: outside at once, a run later
    assert ("2025-05-01", 1) in rules("CAL-01")  # the outlier
    assert ("2025-11-01", 2) in rules("PRO-01") and ("2025-12-01", 2) in rules("PRO-01")  # the late run
    assert not any(p < "2025-10-01" for p, _ in rules("PRO-01") if _ == 2)
    assert (board["PRO-02"]["status"], board["PER-01"]["status"]) == ("no_data", "stale")
    assert board["PRO-02"]["trend"] is not None and board["CLI-01"]["period"] == "2025-10-01"
    assert board["VEN-01"]["target"] == 1200.0 and board["VEN-01"]["forecast"]["due"] == "2026-06-30"
    assert board["CLI-01"]["forecast"] is None  # its objective has no due date
    assert board["OPE-03"]["xmr"] is None and board["OPE-03"]["slope"] is not None  # three months only
    assert board["SEG-01"]["ytd_target"] == 0.0 and board["FIN-01"]["xmr"] is not None
