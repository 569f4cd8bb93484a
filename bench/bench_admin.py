"""Benchmark of the administration page on the demo database (SQLite, temporary copy).

    PYTHONPATH=. .venv/bin/python bench/bench_admin.py [--runs 60]

Measures (figures go in bench/README.md; nothing here asserts a time):
1. server-side time of a save, the service in its own audited transaction as the page runs it: `save_objective`
   (an edit of a demo objective, the whole plan re-validated) and `save_indicator` (an edit of a demo indicator,
   every definition field) — median and 95th percentile of --runs (target ≤ 50 ms);
2. the section read a form's save redraws (`section_data` + the section's table), per section, warm;
3. the page's section callback as a client calls it (`/_dash-update-component` through Flask's test client:
   the router rendering /admin?seccion=…), warm, per section.
"""
from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select

from mios_dashboard import create_app
from mios_dashboard.audit import Actor
from mios_dashboard.components.admin import SECTION_VIEWS
from mios_dashboard.config import Settings
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.models import Indicator, Objective
from mios_dashboard.schema import upgrade_to_head
from mios_dashboard.services.system import indicators, strategy, strategy_views
from tests.integration.dash_client import DashClient

DEMO_TODAY = dt.date(2026, 1, 15)  # the demo is anchored on it (as in the tests)
ACTOR = Actor("bench")
SECTIONS = {"perspectives": "perspectivas", "processes": "procesos", "objectives": "objetivos",
            "indicators": "indicadores"}


def _stats(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(times) * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms   (n={len(times)})"


def _timed(function, runs: int) -> list[float]:
    function()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def demo_database(folder: str) -> str:
    from mios_dashboard.demo.loader import load_demo

    url = f"sqlite:///{folder}/demo.db"
    engine = make_engine(url)
    upgrade_to_head(engine)
    with session_scope(make_session_factory(engine)) as session:
        load_demo(session, today=DEMO_TODAY, folder=Path(folder) / "demo")
    engine.dispose()
    return url


def objective_saver(factory):
    """An edit of the demo's first objective, alternating its weight so every run really writes."""
    with session_scope(factory) as session:
        code = session.scalars(select(Objective.code).order_by(Objective.code)).first()
    flip = [0]

    def save() -> None:
        flip[0] += 1
        with session_scope(factory, actor=ACTOR.username) as session:
            stored = session.scalars(select(Objective).where(Objective.code == code)).one()
            values = {"id": stored.id, "row_version": stored.row_version, "code": stored.code,
                      "title": stored.title, "description": stored.description, "perspective": stored.perspective_id,
                      "process": stored.process_id or "", "parent": stored.parent_id or "",
                      "weight": str(1 + flip[0] % 2), "active": True, "policy_commitment": stored.policy_commitment,
                      "plan_what": stored.plan_what, "plan_resources": stored.plan_resources,
                      "plan_owner": stored.plan_owner, "plan_due": stored.plan_due, "plan_evaluation":
                      stored.plan_evaluation}
            strategy.save_objective(session, ACTOR, values)
    return save


def indicator_saver(factory):
    """An edit of the demo's first indicator: every definition field, the target alternating."""
    with session_scope(factory) as session:
        code = session.scalars(select(Indicator.code).where(Indicator.direction == "higher")
                               .order_by(Indicator.code)).first()
    flip = [0]

    def save() -> None:
        flip[0] += 1
        with session_scope(factory, actor=ACTOR.username) as session:
            i = session.scalars(select(Indicator).where(Indicator.code == code)).one()
            values = {"id": i.id, "row_version": i.row_version, "code": i.code, "name": i.name, "unit": i.unit,
                      "description": i.description, "objective": i.objective_id or "",
                      "perspective": i.perspective_id or "", "process": i.process_id or "",
                      "direction": i.direction, "frequency": i.frequency, "aggregation": i.aggregation,
                      "target": str((i.target or 1) * (1.01 if flip[0] % 2 else 1 / 1.01)),
                      "green_threshold": i.green_threshold, "yellow_threshold": i.yellow_threshold,
                      "weight": i.weight, "decimals": i.decimals, "owner": i.owner, "data_source": i.data_source,
                      "group": i.group, "active": True}
            indicators.save_indicator(session, ACTOR, values)
    return save


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    print(f"python {platform.python_version()} · {platform.machine()} · runs {args.runs}")
    with tempfile.TemporaryDirectory() as folder:
        url = demo_database(folder)
        engine = make_engine(url)
        factory = make_session_factory(engine)
        with session_scope(factory) as session:
            counts = {s: len(strategy_views.section_data(session, s).rows) for s in SECTIONS}
        print("demo rows: " + ", ".join(f"{s} {n}" for s, n in counts.items()))
        print("\n1. server-side save (service + audited commit)")
        print(f"   save_objective   {_stats(_timed(objective_saver(factory), args.runs))}")
        print(f"   save_indicator   {_stats(_timed(indicator_saver(factory), args.runs))}")
        with session_scope(factory) as session:  # every run wrote: each save bumped the version
            versions = (session.scalars(select(Objective.row_version).order_by(Objective.code)).first(),
                        session.scalars(select(Indicator.row_version).where(Indicator.direction == "higher")
                                        .order_by(Indicator.code)).first())
        print(f"   row versions after the runs: objective {versions[0]}, indicator {versions[1]}")

        print("\n2. section read + table (what a save redraws), warm")
        for section in SECTIONS:
            def redraw(section=section) -> None:
                with session_scope(factory) as session:
                    data = strategy_views.section_data(session, section)
                SECTION_VIEWS[section].table(data, "es")
            print(f"   {section:<13}    {_stats(_timed(redraw, args.runs))}")
        engine.dispose()

        print("\n3. page callback /admin?seccion=… over HTTP (Flask test client), warm")
        app = create_app(Settings(database_url=url, data_dir=Path(folder), load_demo_when_empty=False))
        client = DashClient(app)
        for section, param in SECTIONS.items():
            def render(param=param) -> None:
                client.page_answer("/admin", f"?seccion={param}")
            print(f"   {section:<13}    {_stats(_timed(render, max(10, args.runs // 3)))}")


if __name__ == "__main__":
    main()
