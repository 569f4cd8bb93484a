"""Walking a Dash component tree in tests: every node, and the visible text under a node."""
from __future__ import annotations


def walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int, float)):
            yield from walk(child)


def text_of(component) -> str:
    parts = []
    for node in walk(component):
        children = getattr(node, "children", None)
        parts += [str(c) for c in (children if isinstance(children, (list, tuple)) else [children])
                  if isinstance(c, (str, int, float))]
    return " ".join(parts)
