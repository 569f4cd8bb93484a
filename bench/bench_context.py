"""Benchmark of the page `/contexto`: each section drawn and a form saved, on the demo organization.

    .venv/bin/python bench/bench_context.py [--runs 21]

Measures (figures go in bench/README.md, section "Context"; nothing here asserts a time), through Flask's test
client exactly as the browser calls them, medians of --runs after one warm-up call:
1. per section, the router callback that builds the page (`_pages_content`: layout, the section's queries,
   serialisation and Dash's dispatch) and the section's own render callback (the one a save triggers);
2. opening a form (the modal's open callback, the record read again) and saving it (the save callback: every
   field checked, one audited transaction committed) — a communication row edited, its version read each
   time as the form would; also the service call alone inside its transaction.
Targets: a section's render ≤ 100 ms, a save ≤ 50 ms.
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
from mios_dashboard.components.context.ids import SECTIONS, Ids
from mios_dashboard.config import Settings
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.demo.loader import load_demo
from mios_dashboard.models import CommunicationItem
from mios_dashboard.schema import upgrade_to_head
from mios_dashboard.services.system.context import save_communication
from tests.integration.context.context_client import ContextClient

DEMO_TODAY = dt.date(2026, 1, 15)


def _median_ms(function, runs: int) -> float:
    function()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _render(client: ContextClient, section: str) -> None:
    key = next(k for k in client.app.callback_map if k == f"{Ids.SECTION}.children")
    client._post(key, {"id": Ids.SECTION, "property": "children"},
                 [{"id": Ids.REFRESH, "property": "data", "value": 1}],
                 [{"id": Ids.SECTION_NAME, "property": "data", "value": section},
                  {"id": Ids.LANG, "property": "data", "value": "es"}], f"{Ids.REFRESH}.data")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench-context.db'}"
        engine = make_engine(url)
        upgrade_to_head(engine)
        factory = make_session_factory(engine)
        with session_scope(factory) as session:
            load_demo(session, today=DEMO_TODAY, folder=Path(folder) / "demo")
        client = ContextClient(create_app(Settings(database_url=url, data_dir=Path(folder),
                                                   load_demo_when_empty=False)))
        print(f"/contexto on the demo — {platform.python_implementation()} {platform.python_version()}, "
              f"{platform.machine()}, medians of {runs} runs (ms)")
        print(f"{'section':<14}{'page (router)':>15}{'render callback':>18}")
        for section in SECTIONS:
            page = _median_ms(lambda s=section: client.page_answer("/contexto", f"?seccion={s}"), runs)
            render = _median_ms(lambda s=section: _render(client, s), runs)
            print(f"{section:<14}{page:>15.1f}{render:>18.1f}")

        with session_scope(factory) as session:
            row_id = session.scalars(select(CommunicationItem.id).order_by(CommunicationItem.id)).first()
        values = {"scope": "internal", "what": "Resultados del tablero", "timing": "Semanal", "to_whom": "Dueños",
                  "how": "Junta de operación", "who": "Representante"}
        counter = iter(range(10**6))

        def version() -> int:
            with session_scope(factory) as session:
                return session.get(CommunicationItem, row_id).row_version

        def save_http() -> None:
            store = {"form": "communication", "id": row_id, "row_version": version()}
            answer = client.save(store, {**values, "timing": f"Semanal {next(counter)}"})
            assert answer["mios-context-modal"]["is_open"] is False, answer

        def save_service() -> None:
            with session_scope(factory, actor="bench") as session:
                save_communication(session, Actor("bench"), {**values, "id": row_id, "row_version": version(),
                                                              "timing": f"Semanal {next(counter)}"})

        def read_version() -> None:
            version()

        opened = _median_ms(lambda: client.open("communication", row_id), runs)
        overhead = _median_ms(read_version, runs)
        saved = _median_ms(save_http, runs) - overhead
        service = _median_ms(save_service, runs) - overhead
        print(f"{'open a form (modal callback)':<40}{opened:>8.1f}")
        print(f"{'save a form (save callback, commit)':<40}{saved:>8.1f}")
        print(f"{'  of which the service + commit':<40}{service:>8.1f}")
        print("targets: a section's render ≤ 100 ms, a save ≤ 50 ms")
        engine.dispose()


if __name__ == "__main__":
    main()
