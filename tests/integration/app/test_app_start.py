"""`python app.py` on a new database creates the schema, loads the demo and serves the board."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sqlalchemy import func, select

from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.models import Indicator, Objective

REPO = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def test_app_py_prepares_a_new_database_and_serves_the_board(tmp_path):
    port = _free_port()
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    env = {**os.environ, "MIOS_PORT": str(port), "MIOS_DATABASE_URL": url}
    process = subprocess.Popen(
        [sys.executable, "app.py"], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"app.py did not serve: {process.stdout.read() if process.poll() is not None else 'timeout'}")
                time.sleep(0.5)
        assert status == 200
        assert b"_dash-renderer" in body or b"dash-renderer" in body
        status, layout = _get(f"http://127.0.0.1:{port}/_dash-layout")
        assert status == 200 and json.loads(layout)
    finally:
        process.terminate()
        process.wait(timeout=20)

    with session_scope(make_session_factory(make_engine(url))) as session:
        assert session.scalar(select(func.count()).select_from(Indicator)) >= 20
        assert session.scalar(select(func.count()).select_from(Objective)) >= 8
