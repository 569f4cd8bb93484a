"""Headless Chromium for the dash_duo browser tests: options, the skip-or-fail rule, screenshots.

Wired in by tests/integration/conftest.py. Browser tests are skipped, with the reason shown, when Debian's
chromium or chromedriver is missing — except under CI=true, where a missing browser is a failure (a CI run
that silently skips every page test proves nothing).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("MIOS_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER_NAME = "chromedriver"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
VIEWPORT = (1920, 1080)  # the meeting-room projector
BROWSER_FIXTURES = frozenset({"dash_duo", "dash_br"})


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install chromium chromium-driver)"
    if shutil.which(CHROMEDRIVER_NAME) is None:
        return f"{CHROMEDRIVER_NAME} not on PATH (apt-get install chromium-driver)"
    return None


def require_browser() -> None:
    """Skip (locally) or fail (CI=true) the current test when Chromium cannot be driven."""
    reason = missing_browser()
    if reason is None:
        return
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"CI=true and the browser tests cannot run: {reason}")
    pytest.skip(f"browser test skipped: {reason}")


def chrome_options():
    """Chrome options for dash_duo: headless, quiet (no background network, sync or updates), 1920×1080."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}",
    ):
        options.add_argument(argument)
    return options


def _wait_for_paint(driver, frames: int = 3) -> None:
    """Let the browser lay out and paint after a viewport change (else the bottom of the page is blank)."""
    driver.set_script_timeout(10)
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; let n = arguments[0];"
        "const step = () => (--n <= 0 ? done() : requestAnimationFrame(step)); requestAnimationFrame(step);",
        frames,
    )


def save_screenshot(driver, name: str, full_page: bool = False) -> Path:
    """Save `tests/screenshots/<name>.png` with a viewport of exactly 1920×1080 (or the whole page's height
    with `full_page`); the window size alone would leave the browser's own bars out of the 1080."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width, height = VIEWPORT
    metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    if full_page:
        metrics["height"] = max(height, int(driver.execute_script("return document.documentElement.scrollHeight")))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    _wait_for_paint(driver)
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return path
