"""Helpers for the board's and the evaluation's browser tests: the module of a registered page, Dash 4 dropdowns,
waiting for the URL, and the tree walkers of the layout tests."""
from __future__ import annotations

import sys
import time
from urllib.parse import parse_qs, urlparse

import dash

from tests.component_tree import text_of, walk  # noqa: F401 - text_of re-exported for the page tests

TIMEOUT = 20


def page_module(path: str):
    """The module that holds the layout of the page registered at `path` (pages/<capability>/)."""
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    return sys.modules[page["module"]]


def by_id(component, element_id):
    return next(n for n in walk(component) if getattr(n, "id", None) == element_id)


def until(condition, timeout: float = TIMEOUT, message: str = "condition"):
    """Poll `condition()` until it is truthy; its last value is returned. An element replaced between
    finding and reading it (the router re-rendering the page) counts as "not yet"."""
    from selenium.common.exceptions import StaleElementReferenceException

    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except StaleElementReferenceException:
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {message}")
        time.sleep(0.1)


def url_query(driver) -> dict[str, str]:
    """The browser's current query string as a dict (first value of each key)."""
    return {k: v[0] for k, v in parse_qs(urlparse(driver.current_url).query).items()}


def wait_for_query(driver, **expected: str | None) -> dict[str, str]:
    """Wait until the URL's query has each `expected` key at its value (None: absent)."""
    def matches():
        query = url_query(driver)
        return query if all(query.get(k) == v for k, v in expected.items()) else None
    return until(matches, message=f"URL query {expected} (now {driver.current_url})")


def choose(dash_duo, dropdown_id: str, value: str) -> None:
    """Open a Dash 4 dropdown and pick the option whose value is `value`."""
    dash_duo.wait_for_element(f"#{dropdown_id}", timeout=TIMEOUT).click()
    option = dash_duo.wait_for_element(f".dash-dropdown-content input[value='{value}']", timeout=TIMEOUT)
    dash_duo.driver.execute_script("arguments[0].closest('label').click()", option)


def hrefs(dash_duo, selector: str) -> list[str]:
    return [e.get_attribute("href") for e in dash_duo.find_elements(selector)]
