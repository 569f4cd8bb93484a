"""Benchmark of the risks page `/riesgos`: its callbacks, warm, on the demo and on a 500-risk register, and a save.

    PYTHONPATH=. .venv/bin/python bench/bench_risks.py [--runs 21] [--big 500]

Measures (medians of --runs after one warm-up call; "warm" = the data version unchanged, served from
the page's rendered-view cache; figures go in bench/README.md; nothing here asserts a time),
all through Flask's test client exactly as the browser calls them (`POST /_dash-update-component`):
1. the router callback that builds the page (register + heat map + the three forms, serialised): default view,
   a heat-map cell (`?celda=P4-I4`), the residual view in English, overdue only;
2. the filters' URL callback, the risk form's open callback (loading one risk with its version), the redraw
   warm and right after a save (the rendered-view cache emptied: the data version moved), the page cold;
3. a save: the service alone in its audited transaction (`save_risk` on an existing risk, commit included) and
   the whole save callback over HTTP (form values → service → commit → answer);
4. the same page and save on a register of --big risks (spread over the 27 categories and the 25 cells).
Targets from the issue: page callbacks ≤ 100 ms warm on the demo, a save ≤ 50 ms.
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
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
from mios_dashboard.analytics.risks import LEAVES
from mios_dashboard.audit import Actor
from mios_dashboard.components.risks.ids import Ids
from mios_dashboard.config import Settings
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.demo.loader import load_demo
from mios_dashboard.models import Risk
from mios_dashboard.pages.risks.page import RENDERED
from mios_dashboard.schema import upgrade_to_head
from mios_dashboard.services.system import risks as service
from mios_dashboard.services.system.risk_register import form_values
from tests.integration.dash_client import DashClient
from tests.integration.risks import callbacks


def _median_ms(call, runs: int) -> float:
    call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _database(folder: Path, big: int) -> tuple[str, object]:
    url = f"sqlite:///{folder / 'bench.db'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    factory = make_session_factory(engine)
    with session_scope(factory) as session:
        load_demo(session, today=dt.date.today(), folder=folder / "demo")
    if big:
        with session_scope(factory, actor="bench") as session:
            for number in range(big):
                likelihood, impact = number % 5 + 1, number // 5 % 5 + 1
                session.add(Risk(code=f"BR-{number:04d}", kind="risk" if number % 4 else "opportunity",
                                 title=f"Riesgo sintético {number}", category=LEAVES[number % len(LEAVES)],
                                 likelihood=likelihood, impact=impact,
                                 residual_likelihood=max(1, likelihood - 1) if number % 3 else None,
                                 residual_impact=impact if number % 3 else None,
                                 owner=f"Responsable {number % 12}", treatment="Tratamiento " * 8,
                                 assessed_on=dt.date.today() - dt.timedelta(days=number % 300),
                                 review_on=dt.date.today() + dt.timedelta(days=number % 200 - 20)))
    return url, factory


def _page_values(factory, code: str) -> dict:
    with session_scope(factory) as session:
        record_id = session.scalar(select(Risk.id).where(Risk.code == code))
        return form_values(session, record_id)


def measure(label: str, folder: Path, runs: int, big: int) -> None:
    url, factory = _database(folder, big)
    app = create_app(Settings(database_url=url, data_dir=folder / "data", load_demo_when_empty=False))
    client = DashClient(app)
    print(f"\n## {label}")
    for name, search in (("default view", ""), ("a cell (?celda=P4-I4)", "?celda=P4-I4"),
                         ("residual, English", "?vista=residual&lang=en"), ("overdue only", "?vencidas=1")):
        size = len(str(client.page_answer("/riesgos", search)))
        print(f"page {name:<28} {_median_ms(lambda s=search: client.page_answer('/riesgos', s), runs):7.1f} ms"
              f"   ({size / 1024:,.0f} KiB JSON)")
    filters = [{"id": Ids.KIND, "property": "value", "value": "risk"},
               {"id": Ids.FAMILY, "property": "value", "value": "organization"},
               {"id": Ids.OWNER, "property": "value", "value": None},
               {"id": Ids.OVERDUE, "property": "value", "value": False}]
    state = [{"id": "mios-url", "property": "search", "value": "?celda=P3-I4"}]
    print(f"filters → URL                     {_median_ms(lambda: client.answer(f'{Ids.LOCATION}.search', {'id': Ids.LOCATION, 'property': 'search'}, filters, state), runs):7.1f} ms")
    values = _page_values(factory, "RO-03")
    print(f"open the risk form (one risk)     {_median_ms(lambda: callbacks.open_form(client, 'risk', values['id']), runs):7.1f} ms")
    redraw = [{"id": Ids.SAVED, "property": "data", "value": 1}]
    redraw_state = [{"id": "mios-url", "property": "search", "value": ""}, {"id": Ids.LANG, "property": "data", "value": "es"}]
    def redraw_call() -> None:
        client.answer(f"{Ids.CONTENT}.children", [{"id": Ids.CONTENT, "property": "children"},
                                                  {"id": Ids.SUMMARY, "property": "children"}], redraw, redraw_state)

    def cold(call):
        def run() -> None:
            RENDERED.clear()  # what the first view after a save pays: the data version moved
            call()
        return run

    print(f"redraw (warm)                     {_median_ms(redraw_call, runs):7.1f} ms")
    print(f"redraw right after a save (cold)  {_median_ms(cold(redraw_call), runs):7.1f} ms")
    print(f"page default view, cold           {_median_ms(cold(lambda: client.page_answer('/riesgos')), runs):7.1f} ms")

    owners = iter(f"Responsable {n}" for n in range(10_000))

    def save_service() -> None:
        stored = _page_values(factory, "RO-03")
        start = time.perf_counter()
        with session_scope(factory, actor="bench") as session:
            service.save_risk(session, Actor("bench"), {**stored, "owner": next(owners)})
        save_times.append(time.perf_counter() - start)

    save_times: list[float] = []
    for _ in range(runs + 1):
        save_service()
    print(f"save_risk + commit (service)      {statistics.median(save_times[1:]) * 1000:7.1f} ms")

    http_times = []
    for _ in range(runs + 1):
        stored = _page_values(factory, "RO-03")  # the version the form loaded (not timed)
        start = time.perf_counter()
        answer = callbacks.save_form(client, "risk", {**stored, "owner": next(owners)},
                                     {"id": stored["id"], "row_version": stored["row_version"]})
        http_times.append(time.perf_counter() - start)
        assert answer[Ids.MODAL]["is_open"] is False, answer
    print(f"save callback over HTTP           {statistics.median(http_times[1:]) * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--big", type=int, default=500)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    print(f"# bench_risks — Python {platform.python_version()}, {platform.machine()}, runs={args.runs}")
    with tempfile.TemporaryDirectory() as folder:
        measure("demo (13 risks)", Path(folder) / "demo", args.runs, 0)
    with tempfile.TemporaryDirectory() as folder:
        measure(f"demo + {args.big} risks", Path(folder) / "big", args.runs, args.big)


if __name__ == "__main__":
    main()
