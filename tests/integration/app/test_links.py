"""No link the app draws leads nowhere: a crawl from the board through every page, on the demo and on an empty
database, and an unknown address answered in the reader's language with a way back."""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from mios_dashboard import create_app
from mios_dashboard.config import Settings
from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.schema import upgrade_to_head
from tests.conftest import DEMO_TODAY
from tests.integration.dash_client import DashClient, strings

NOT_FOUND_ID = "mios-not-found"
# Same-path links that differ only by their query (periods, filters, sort) are one page: one visit each per
# path and language keeps the crawl to a few hundred requests on the demo.


def props(node: object, name: str) -> Iterator[object]:
    """Every value of the prop `name` in a callback's JSON answer (an `href`, an `id`), depth first."""
    if isinstance(node, dict):
        found = node.get("props")
        if isinstance(found, dict) and name in found:
            yield found[name]
        for value in node.values():
            yield from props(value, name)
    elif isinstance(node, list):
        for value in node:
            yield from props(value, name)


def hrefs(node: object) -> Iterator[str]:
    """Every link target in a callback's JSON answer (links, anchors, buttons rendered as links)."""
    return (href for href in props(node, "href") if isinstance(href, str))


def internal(href: str) -> tuple[str, str] | None:
    """(path, query) of an internal page link; None for downloads, assets, anchors and other sites."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(("/assets/", "/_dash", "/descargas/", "/download")):
        return None
    return parts.path, parts.query


def crawl(client: DashClient) -> dict[str, str]:
    """Visit every internal link reachable from the board and the navbar (both languages); {path: where it
    was linked from} for each path that rendered the not-found page."""
    start = [("/", ""), ("/", "lang=en")]
    navbar = client.answer("mios-navbar.children", {"id": "mios-navbar", "property": "children"},
                           [{"id": "mios-url", "property": "pathname", "value": "/"},
                            {"id": "mios-url", "property": "search", "value": ""}])
    start += [link for href in hrefs(navbar) if (link := internal(href))]
    seen: set[tuple[str, str]] = set()
    queue = [(path, query, "navbar") for path, query in start]
    broken: dict[str, str] = {}
    while queue:
        path, query, source = queue.pop(0)
        lang = "en" if "lang=en" in query else "es"
        if (path, lang) in seen:
            continue
        seen.add((path, lang))
        answer = client.page_answer(path, f"?{query}" if query else "")
        if NOT_FOUND_ID in set(map(str, props(answer, "id"))):
            broken[path] = source
            continue
        queue += [(p, q, path) for href in hrefs(answer) if (link := internal(href)) for p, q in [link]]
    assert len(seen) > 4, f"the crawl visited only {sorted(seen)}"
    return broken


def _app(tmp_path, demo: bool):
    url = f"sqlite:///{tmp_path / 'crawl.db'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    if demo:
        from mios_dashboard.demo.loader import load_demo

        with session_scope(make_session_factory(engine)) as session:
            load_demo(session, today=DEMO_TODAY, folder=tmp_path / "demo")
    engine.dispose()
    return create_app(Settings(database_url=url, data_dir=tmp_path, load_demo_when_empty=False))


@pytest.mark.parametrize("demo", [True, False], ids=["demo", "empty"])
def test_every_link_on_every_page_leads_to_a_page(tmp_path, demo):
    client = DashClient(_app(tmp_path, demo))
    assert crawl(client) == {}


@pytest.mark.parametrize(("lang", "expected"), [("es", "no lleva a ninguna página"), ("en", "does not lead to a page")])
def test_an_unknown_address_says_so_in_the_readers_language_with_a_way_back(tmp_path, lang, expected):
    client = DashClient(_app(tmp_path, demo=False))
    answer = client.page_answer("/juntas-de-2019", "?lang=en" if lang == "en" else "")
    text = strings(answer)
    assert expected in text and "404 - Page not found" not in text
    links = {internal(href) for href in hrefs(answer)}
    assert ("/", "lang=en" if lang == "en" else "") in links  # the way back to the board, in the same language
