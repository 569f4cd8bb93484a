"""Benchmark of the pages `/` (board) and `/evaluacion`: server-side callbacks and, in Chromium, paint and payload.

    .venv/bin/python bench/bench_pages.py [--runs 21] [--loads 7] [--skip-browser] [--skip-synthetic]

Measures (figures go in bench/README.md, section "Pages"; nothing here asserts a time):
1. server side, through Flask's test client exactly as the browser calls it: the router callback that builds
   a page (`POST /_dash-update-component` for `_pages_content`, layout + serialisation + Dash's dispatch) and
   the selectors' URL callback; warm (the data version unchanged: served from the page cache) and cold
   (cache emptied before each call: everything recomputed); on the demo and on the synthetic organization of
   bench/synthetic.py (1,120 indicators, 120k values);
   after a write, with the board's warmer running (pages/board/page.keep_warm, as app.py runs it): the time from
   the commit until the default view is warm again, and the first view then — for a commit of this process
   (the warmer is poked) and for one of another process (seen at the warmer's next tick, every 2 s);
2. in headless Chromium on the demo, each load with the browser cache disabled: first contentful paint and
   largest contentful paint from the browser's own performance timeline, the moment the board's summary
   strip is in the DOM (a MutationObserver installed before the page's scripts), and the bytes transferred,
   split into Dash's own bundles (`/_dash-component-suites/…`) and the page's own payload (HTML, layout,
   dependencies, callback responses, stylesheets, fonts, our scripts).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import logging
import os
import platform
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mios_dashboard import create_app
from mios_dashboard.config import Settings
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.schema import upgrade_to_head
from mios_dashboard.web.cache import CACHE, RENDERED

DEMO_TODAY = dt.date(2026, 1, 15)  # the demo is anchored on it (as in the tests)
READY_SCRIPT = """
window.__mios = {ready: null, lcp: null};
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__mios.lcp = e.startTime; })
  .observe({type: 'largest-contentful-paint', buffered: true});
new MutationObserver((_, observer) => {
  if (document.querySelector(arguments_selector)) { window.__mios.ready = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def demo_database(folder: str) -> str:
    from mios_dashboard.demo.loader import load_demo

    url = f"sqlite:///{folder}/demo.db"
    engine = make_engine(url)
    upgrade_to_head(engine)
    with session_scope(make_session_factory(engine)) as session:
        load_demo(session, today=DEMO_TODAY)
    engine.dispose()
    return url


def synthetic_database(folder: str) -> str:
    from bench import synthetic
    from bench.bench_board import _fill_sqlite

    url = f"sqlite:///{folder}/synthetic.db"
    indicators = synthetic.indicators()
    _fill_sqlite(url, indicators, synthetic.measurements(indicators), synthetic.targets(indicators))
    return url


def make_app(url: str, folder: str):
    app = create_app(Settings(database_url=url, data_dir=Path(folder)))
    from mios_dashboard.pages import clock

    clock.today = lambda: DEMO_TODAY  # judge overdue actions and PHVA on the demo's day
    return app


class Client:
    """Calls the app's callbacks the way dash-renderer does, through Flask's test client."""

    def __init__(self, app):
        self.client = app.server.test_client()
        self.client.get("/")  # registers the router callback (Dash does it on the first request)
        self.app = app
        self.router = next(k for k in app.callback_map if "_pages_content" in k)

    def page(self, path: str, search: str = "") -> bytes:
        body = {
            "output": self.router,
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                       {"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["_pages_location.pathname"], "state": [],
        }
        response = self.client.post("/_dash-update-component", json=body)
        assert response.status_code == 200, response.data[:500]
        return response.data

    def controls(self, period: str, process: str | None, owner: str | None, search: str) -> bytes:
        key = next(k for k in self.app.callback_map if "mios-board-location.search" in k)
        body = {
            "output": key, "outputs": {"id": "mios-board-location", "property": "search"},
            "inputs": [{"id": "mios-board-period", "property": "value", "value": period},
                       {"id": "mios-board-process", "property": "value", "value": process},
                       {"id": "mios-board-owner", "property": "value", "value": owner}],
            "changedPropIds": ["mios-board-period.value"],
            "state": [{"id": "mios-url", "property": "search", "value": search}],
        }
        response = self.client.post("/_dash-update-component", json=body)
        assert response.status_code == 200, response.data[:500]
        return response.data


def _times(call, runs: int, cold: bool) -> list[float]:
    call()  # warm-up: imports, first request, and (when warm) the cache
    times = []
    for _ in range(runs):
        if cold:
            CACHE.clear()
            RENDERED.clear()
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _line(label: str, times: list[float], size: int | None = None) -> str:
    extra = f", response {size / 1024:.0f} KiB" if size is not None else ""
    return (f"  {label:<44} median {statistics.median(times):7.1f} ms  "
            f"(min {min(times):.1f}, max {max(times):.1f}){extra}")


def server_side(name: str, app, runs: int, scenarios: list[tuple[str, str, str]]) -> None:
    client = Client(app)
    print(f"{name}:")
    for label, path, search in scenarios:
        size = len(client.page(path, search))
        for cold in (False, True):
            times = _times(lambda path=path, search=search: client.page(path, search), runs if not cold else max(5, runs // 3), cold)
            print(_line(f"{label} ({'cold' if cold else 'warm'})", times, size if not cold else None))
    times = _times(lambda: client.controls("2025-11", "PRD", None, "?lang=en"), runs, cold=False)
    print(_line("selectors → URL callback", times))


def _edit(factory, value: float) -> None:
    """An audited edit, as a page's form saves it: one measurement of the newest month gets `value`."""
    from sqlalchemy import func, select

    from mios_dashboard.models import Measurement

    with session_scope(factory) as session:
        newest = session.scalar(select(func.max(Measurement.period)))
        row = session.scalars(select(Measurement).where(Measurement.period == newest).order_by(Measurement.id)).first()
        row.value = value


def after_writes(name: str, url: str, folder: str, runs: int) -> None:
    """Commit → default view warm again, and the first view after it (see the module docstring), on an app of
    its own whose warmer is set up before its first request, as create_app(prepare=True) does."""
    from mios_dashboard.audit import data_version
    from mios_dashboard.web.runtime import EXTENSION_KEY

    app = make_app(url, folder)
    board = sys.modules[next(p["module"] for p in __import__("dash").page_registry.values() if p["path"] == "/")]
    warmer = board.keep_warm(app)
    client = Client(app)  # the first request starts the warmer
    own = app.server.extensions[EXTENSION_KEY]["session_factory"]
    other = make_session_factory(make_engine(url))  # another process's writes: no poke, seen at a tick
    print(f"{name}, after a write, warmer running:")
    try:
        for label, factory, count in (("commit in this process", own, runs), ("commit in another process", other,
                                                                               max(3, runs // 3))):
            until_warm, first_view = [], []
            for i in range(count):
                time.sleep(0.3)
                started = time.perf_counter()
                _edit(factory, 1000.0 + i)
                with own() as session:  # closed without a commit: no poke
                    version = data_version(session)
                while warmer.warmed_version != version:
                    time.sleep(0.002)
                until_warm.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                client.page("/")
                first_view.append((time.perf_counter() - started) * 1000)
            print(_line(f"{label}: commit → view warm", until_warm))
            print(_line(f"{label}: first view after it", first_view))
    finally:
        warmer.stop(timeout=30)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser(app, loads: int) -> None:
    from werkzeug.serving import make_server

    browser_module = _load("mios_browser", ROOT / "tests" / "integration" / "browser.py")
    from selenium import webdriver

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # not a line per request in the report
    port = _free_port()
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = webdriver.Chrome(options=browser_module.chrome_options())
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        results = {}
        for label, path, selector in (("board", "/", "#mios-board-summary"),
                                      ("evaluation", "/evaluacion", "#mios-evaluation-table")):
            script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
                "source": READY_SCRIPT.replace("arguments_selector", json.dumps(selector))})
            rows = []
            for attempt in range(loads + 1):
                driver.get(f"http://127.0.0.1:{port}{path}")
                deadline = time.monotonic() + 30
                while not driver.execute_script("return window.__mios && window.__mios.ready"):
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"{path}: {selector} never appeared")
                    time.sleep(0.05)
                time.sleep(0.5)  # let LCP settle and late requests finish
                metrics = driver.execute_script("""
                    const paint = performance.getEntriesByName('first-contentful-paint')[0];
                    const entries = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')];
                    return {fcp: paint ? paint.startTime : null, lcp: window.__mios.lcp, ready: window.__mios.ready,
                            resources: entries.map(e => [e.name, e.transferSize, e.encodedBodySize])};""")
                if attempt:  # the first load warms the server (imports, page cache)
                    rows.append(metrics)
            driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
            results[label] = rows
        for label, rows in results.items():
            print(f"{label} in Chromium ({len(rows)} loads, browser cache disabled):")
            for key, name in (("fcp", "first contentful paint"), ("lcp", "largest contentful paint"),
                              ("ready", "content in the DOM")):
                values = [r[key] for r in rows if r[key] is not None]
                if values:
                    print(f"  {name:<44} median {statistics.median(values):7.0f} ms  (min {min(values):.0f}, "
                          f"max {max(values):.0f})")
            resources = rows[-1]["resources"]
            dash_bytes = sum(max(t, b) for n, t, b in resources if "/_dash-component-suites/" in n)
            own = [(n, max(t, b)) for n, t, b in resources if "/_dash-component-suites/" not in n]
            print(f"  Dash's bundles: {dash_bytes / 1024:.0f} KiB; the page's own payload: "
                  f"{sum(b for _, b in own) / 1024:.0f} KiB in {len(own)} requests, of which:")
            for name, size in sorted(own, key=lambda r: -r[1])[:6]:
                print(f"    {size / 1024:7.1f} KiB  {name.split('//', 1)[-1].split('/', 1)[-1][:70]}")
    finally:
        driver.quit()
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--loads", type=int, default=7)
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    args = parser.parse_args()
    import dash
    import pandas as pd

    print(f"python {platform.python_version()}, dash {dash.__version__}, pandas {pd.__version__}, "
          f"{os.cpu_count()} CPUs, SQLite")
    scenarios = [("board /", "/", ""), ("board, November, process PRD", "/", "?period=2025-11&process=PRD"),
                 ("board in English", "/", "?lang=en"), ("evaluation /evaluacion", "/evaluacion", "")]
    with tempfile.TemporaryDirectory() as folder:
        demo_app = make_app(demo_database(folder), folder)
        server_side("demo (39 indicators)", demo_app, args.runs, scenarios)
        if not args.skip_synthetic:
            started = time.perf_counter()
            url = synthetic_database(folder)
            print(f"(synthetic SQLite filled in {time.perf_counter() - started:.1f} s)")
            synthetic_scenarios = [("board /", "/", ""), ("board, filtered by owner", "/", "?owner=Direcci%C3%B3n"),
                                   ("evaluation /evaluacion", "/evaluacion", "")]
            server_side("synthetic (1,120 indicators, 120k values)", make_app(url, folder), args.runs,
                        synthetic_scenarios)
            after_writes("synthetic", url, folder, max(5, args.runs // 3))
        if not args.skip_browser:
            browser(demo_app, args.loads)


if __name__ == "__main__":
    main()
