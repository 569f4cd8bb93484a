"""Integration-test conftest.

# ---- Browser tests (dash_duo) — owned by the UI engineer; logic in tests/integration/browser.py ----
Every test that uses dash_duo/dash_br gets headless Chromium options and is skipped (or, under CI=true,
failed) before the browser starts when chromium or chromedriver is missing.
"""
from __future__ import annotations

import pytest

from tests.integration.browser import BROWSER_FIXTURES, chrome_options, require_browser


def pytest_setup_options():
    """dash[testing] hook: the Chrome options dash_duo starts the browser with."""
    return chrome_options()


@pytest.fixture(autouse=True)
def _browser_or_skip(request):
    """Runs before dash_duo is built (autouse fixtures come first), so a missing browser skips cleanly."""
    if BROWSER_FIXTURES.intersection(request.fixturenames):
        require_browser()
# ---- end of browser tests section ----
