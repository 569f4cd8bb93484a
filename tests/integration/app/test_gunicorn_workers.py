"""`gunicorn --preload -w 4 app:server` on PostgreSQL, as the README runs it in production, under concurrent load.

With `--preload` the master prepares the database (schema upgrade, demo load) before it forks the workers;
a pool still holding the master's connection would hand that one socket to all four workers, whose
interleaved queries corrupt each other's replies ("No se pudo leer el tablero" in a 200 page, psycopg
protocol errors in the log). Every page the browser asks the router for must come back whole.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import select

from mios_dashboard.db import make_engine
from mios_dashboard.i18n import CATALOGUES, t
from mios_dashboard.models import Indicator, Objective

REPO = Path(__file__).resolve().parents[3]
WORKERS = 4
CLIENTS = 16
REQUESTS_PER_CLIENT = 25
LOAD_SECONDS = 20.0
REQUEST_TIMEOUT_S = 60.0
START_TIMEOUT_S = 180.0
# What a page shows when it could not read the database, in every language.
ERROR_TEXTS = sorted({text for catalogue in CATALOGUES.values() for key, text in catalogue.items()
                      if key.endswith(".load_error_title") or key == "upload.history_error"})
# psycopg's words for a connection whose protocol stream two processes interleaved, or that another closed.
PROTOCOL_ERRORS = ("psycopg.", "received 2 results", "do not agree with length", "lost synchronization",
                   "server closed the connection", "Traceback")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _router_request(path: str, search: str = "") -> bytes:
    """The body the browser posts when it navigates to `path?search`: the Dash pages router's callback
    (`_pages_location` → `_pages_content.children`, `_pages_store.data`; see /_dash-dependencies)."""
    return json.dumps({
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                   {"id": "_pages_location", "property": "search", "value": search}],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }).encode()


def _texts(node) -> list[str]:
    """Every string in a JSON component tree (children, titles, labels)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [text for value in node.values() for text in _texts(value)]
    if isinstance(node, list):
        return [text for value in node for text in _texts(value)]
    return []


def _page_problem(base: str, path: str, search: str, expected: str) -> str | None:
    """None when the page came back whole; else what a reader would have seen instead."""
    request = urllib.request.Request(f"{base}/_dash-update-component", data=_router_request(path, search),
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_S) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        return f"{path}{search}: HTTP {exc.code}"
    except OSError as exc:
        return f"{path}{search}: {exc!r}"
    if status != 200:
        return f"{path}{search}: HTTP {status}"
    try:
        content = json.loads(body)["response"]["_pages_content"]["children"]
    except (ValueError, KeyError, TypeError):
        return f"{path}{search}: not a page: {body[:200]!r}"
    texts = _texts(content)
    shown = [error for error in ERROR_TEXTS if any(error in text for text in texts)]
    if shown:
        return f"{path}{search}: shows {shown}"
    if not any(expected in text for text in texts):
        return f"{path}{search}: {expected!r} missing"
    return None


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture
def gunicorn_server(database_url, tmp_path):
    """The production command on a PostgreSQL schema of its own; the master loads the demo into it.
    Yields (base URL, log file); gunicorn is always stopped."""
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    env = {**os.environ, "MIOS_DATABASE_URL": database_url, "MIOS_DATA_DIR": str(tmp_path / "data"),
           "MIOS_LOAD_DEMO": "1", "PYTHONUNBUFFERED": "1"}
    env.pop("MIOS_DEBUG", None)
    command = [sys.executable, "-m", "gunicorn", "--preload", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}",
               "--no-control-socket", "--timeout", "120", "--graceful-timeout", "10", "app:server"]
    with log.open("w") as log_file:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:  # the index page is static HTML: asking for it touches no database connection
            try:
                with urllib.request.urlopen(f"{base}/", timeout=10) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None:
                raise AssertionError(f"gunicorn exited ({process.returncode}):\n{log.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"gunicorn did not answer within {START_TIMEOUT_S:.0f} s:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        yield base, log, process
    finally:
        _stop(process)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_preloaded_workers_serve_every_page_whole_under_concurrent_load(gunicorn_server, database_url):
    base, log, process = gunicorn_server
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            objective = connection.scalar(select(Objective.code).order_by(Objective.code).limit(1))
            indicator = connection.scalar(select(Indicator.code).order_by(Indicator.code).limit(1))
    finally:
        engine.dispose()
    assert objective and indicator, "the master did not load the demo organization"
    pages = [  # (path, query, a text the whole page shows)
        ("/", "", t("board.title", "es")),
        ("/", "?lang=en", t("board.title", "en")),
        ("/phva", "", t("phva.title", "es")),
        ("/evaluacion", "", t("evaluation.title", "es")),
        ("/importar", "", t("upload.history_title", "es")),
        (f"/objetivo/{objective}", "", t("drill.plan_title", "es")),
        (f"/indicador/{indicator}", "?lang=en", t("drill.definition_title", "en")),
    ]

    problems: list[str] = []
    served = [0]
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS, timeout=30)

    def client(number: int) -> None:
        start.wait()  # every worker's first requests at once: that is when an inherited connection is shared
        deadline = time.monotonic() + LOAD_SECONDS
        for i in range(REQUESTS_PER_CLIENT):
            if time.monotonic() > deadline:
                return
            path, search, expected = pages[(number + i) % len(pages)]
            problem = _page_problem(base, path, search, expected)
            with lock:
                served[0] += 1
                if problem:
                    problems.append(problem)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(LOAD_SECONDS + REQUEST_TIMEOUT_S + 30)
    assert not any(thread.is_alive() for thread in threads), "a client never finished"

    _stop(process)
    server_log = log.read_text()
    assert served[0] >= CLIENTS, f"only {served[0]} requests were answered"
    assert not problems, f"{len(problems)} of {served[0]} pages came back broken: {problems[:10]}"
    bad_lines = [line for line in server_log.splitlines() if any(word in line for word in PROTOCOL_ERRORS)]
    assert not bad_lines, "the server logged database errors:\n" + "\n".join(bad_lines[:20])
