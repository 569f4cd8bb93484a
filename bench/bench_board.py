"""Benchmark of the KPI engine: the board for 1,000 monthly × 60 months + 100 weekly + 20 daily indicators.

    .venv/bin/python bench/bench_board.py [--runs 15] [--skip-loop]

Measures (figures go in bench/README.md; nothing here asserts a time):
1. compute: `board_analytics` from DataFrames (median of --runs, after one warm-up);
2. loop: the plain per-indicator implementation of the check test (tests/integration/board/reference_board.py),
   same data, same process — the ratio is what vectorising buys;
3. end to end from SQLite: query + compute + `to_cli_json` + `json.dumps` (what `board --json` does after
   start-up), on a temporary database holding the same organization;
4. peak memory of 1 and 3 (tracemalloc; numpy buffers are traced too);
5. for information, `python -m mios_dashboard board --json` as a whole process.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np
import pandas as pd
from sqlalchemy import insert, select

from bench import synthetic
from mios_dashboard.analytics.board import board_analytics
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.models import Indicator, Measurement, Objective, Perspective, Target
from mios_dashboard.schema import upgrade_to_head
from mios_dashboard.services.board.compute import build_board, to_cli_json


def _reference():
    spec = importlib.util.spec_from_file_location("reference_board", ROOT / "tests/integration/board/reference_board.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timed(function, runs: int) -> tuple[float, list[float]]:
    function()  # warm-up (imports, caches)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def _peak(function) -> int:
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def _plain(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def _loop_inputs(indicators: pd.DataFrame, measurements: pd.DataFrame, targets: pd.DataFrame):
    """The same organization as plain Python objects (not timed)."""
    rows = []
    for r in indicators.itertuples(index=False):
        due = None if pd.isna(r.due) else pd.Timestamp(r.due).date()
        start = None if pd.isna(r.xmr_baseline_start) else pd.Timestamp(r.xmr_baseline_start).date()
        rows.append({
            "code": r.code, "frequency": r.frequency, "aggregation": r.aggregation, "direction": r.direction,
            "target": _plain(r.target), "target_min": _plain(r.target_min), "target_max": _plain(r.target_max),
            "green": r.green_threshold, "yellow": r.yellow_threshold, "due": due, "xmr_baseline_start": start,
            "xmr_baseline_end": None, "objective": r.objective, "weight": r.weight,
        })
    codes = dict(zip(indicators["id"], indicators["code"]))
    values: dict[str, dict] = {}
    for i, p, v in zip(measurements["indicator_id"], measurements["period"].dt.date, measurements["value"]):
        values.setdefault(codes[i], {})[p] = float(v)
    overrides: dict[str, dict] = {}
    for i, p, t in zip(targets["indicator_id"], targets["period"].dt.date, targets["target"]):
        overrides.setdefault(codes[i], {})[p] = (float(t), None, None)
    return rows, values, overrides


def _fill_sqlite(url: str, indicators: pd.DataFrame, measurements: pd.DataFrame, targets: pd.DataFrame) -> None:
    engine = make_engine(url)
    upgrade_to_head(engine)
    with engine.begin() as connection:  # the migrations seed the four perspectives FIN, CLI, PRO, APR
        perspective_ids = dict(connection.execute(select(Perspective.code, Perspective.id)).all())
        objective_rows = indicators.drop_duplicates("objective")
        connection.execute(insert(Objective), [
            {"code": r.objective, "title": f"Objetivo {r.objective}", "perspective_id": perspective_ids[r.perspective],
             "plan_due": dt.date(2026, 6, 30)} for r in objective_rows.itertuples()])
        objective_ids = dict(connection.execute(select(Objective.code, Objective.id)).all())
        connection.execute(insert(Indicator), [
            {"id": int(r.id), "code": r.code, "name": r.name, "unit": r.unit, "direction": r.direction,
             "frequency": r.frequency, "aggregation": r.aggregation, "target": _plain(r.target),
             "target_min": _plain(r.target_min), "target_max": _plain(r.target_max),
             "objective_id": objective_ids[r.objective] if not pd.isna(r.due) else None,
             "perspective_id": perspective_ids[r.perspective],
             "xmr_baseline_start": None if pd.isna(r.xmr_baseline_start) else pd.Timestamp(r.xmr_baseline_start).date()}
            for r in indicators.itertuples()])
        connection.execute(insert(Measurement).execution_options(render_nulls=True), [
            {"indicator_id": int(i), "period": p, "value": float(v), "source": "manual", "entered_by": "bench"}
            for i, p, v in zip(measurements["indicator_id"], measurements["period"].dt.date, measurements["value"])])
        connection.execute(insert(Target), [
            {"indicator_id": int(i), "period": p, "target": float(t)}
            for i, p, t in zip(targets["indicator_id"], targets["period"].dt.date, targets["target"])])
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--skip-loop", action="store_true")
    parser.add_argument("--scale", type=int, default=1, help="multiply the number of indicators")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()

    indicators = synthetic.indicators(1000 * args.scale, 100 * args.scale, 20 * args.scale)
    measurements = synthetic.measurements(indicators)
    targets = synthetic.targets(indicators)
    month = synthetic.MONTH
    print(f"python {platform.python_version()}, pandas {pd.__version__}, numpy {np.__version__}, {os.cpu_count()} CPUs")
    print(f"{len(indicators)} indicators, {len(measurements)} values, {len(targets)} per-period targets, board {month}")

    compute = lambda: board_analytics(indicators, measurements, targets, month)
    median, times = _timed(compute, args.runs)
    print(f"compute from DataFrames: median {median * 1000:.1f} ms "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")
    print(f"  peak traced memory: {_peak(compute) / 2**20:.1f} MiB")

    if not args.skip_loop:
        reference = _reference()
        rows, values, overrides = _loop_inputs(indicators, measurements, targets)
        def loop():
            return [reference.reading(r, values.get(r["code"], {}), overrides.get(r["code"], {}), month) for r in rows]

        loop_median, _ = _timed(loop, 3)
        print(f"per-indicator loop on values already grouped by indicator: median {loop_median * 1000:.0f} ms "
              f"→ vectorised is {loop_median / median:.1f}× faster")
        grouped = lambda: _loop_inputs(indicators, measurements, targets)
        group_median, _ = _timed(grouped, 3)
        total = loop_median + group_median
        print(f"  plus grouping the DataFrames into per-indicator dicts ({group_median * 1000:.0f} ms): "
              f"{total * 1000:.0f} ms → {total / median:.1f}×")

    if args.skip_sqlite:
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        started = time.perf_counter()
        _fill_sqlite(url, indicators, measurements, targets)
        print(f"(SQLite filled in {time.perf_counter() - started:.1f} s)")
        engine = make_engine(url)
        factory = make_session_factory(engine)

        def end_to_end():
            with session_scope(factory) as session:
                return json.dumps(to_cli_json(build_board(session, month)))

        def page_data():
            with session_scope(factory) as session:
                return build_board(session, month)

        e2e_median, e2e_times = _timed(end_to_end, max(5, args.runs // 2))
        print(f"end to end from SQLite (query + compute + JSON): median {e2e_median * 1000:.1f} ms "
              f"(min {min(e2e_times) * 1000:.1f}, max {max(e2e_times) * 1000:.1f})")
        print(f"  peak traced memory: {_peak(end_to_end) / 2**20:.1f} MiB")
        board_median, _ = _timed(page_data, max(5, args.runs // 2))
        print(f"build_board alone (the page's data, with series): median {board_median * 1000:.1f} ms")
        engine.dispose()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MIOS_")} | {
            "MIOS_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "mios_dashboard", "board", "--json", "--period", month.strftime("%Y-%m")]
        walls = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)
            walls.append(time.perf_counter() - started)
        print(f"`board --json` as a process (Python start-up and imports included): median "
              f"{statistics.median(walls) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
