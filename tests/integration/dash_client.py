"""Calling an app's callbacks the way dash-renderer does, through Flask's test client (no browser)."""
from __future__ import annotations

import dash


def strings(value) -> str:
    """Every string in a JSON answer, joined: the text a callback sent to the browser."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(strings(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(strings(v) for v in value)
    return ""


class DashClient:
    """Calls an app's callbacks the way dash-renderer does, through Flask's test client."""

    def __init__(self, app: dash.Dash):
        self.app = app
        self.client = app.server.test_client()
        assert self.client.get("/").status_code == 200  # Dash registers the router on the first request

    def call(self, output: str, outputs, inputs: list, state: list | None = None) -> str:
        """Every string the callback sent back, joined."""
        return strings(self.answer(output, outputs, inputs, state))

    def answer(self, output: str, outputs, inputs: list, state: list | None = None) -> dict:
        """The callback's JSON answer as the browser receives it."""
        key = next(k for k in self.app.callback_map if output in k)
        body = {"output": key, "outputs": outputs, "inputs": inputs, "state": state or [],
                "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}
        response = self.client.post("/_dash-update-component", json=body)
        assert response.status_code == 200, response.data[:500]
        return response.get_json()

    def page(self, path: str, search: str = "") -> str:
        return strings(self.page_answer(path, search))

    def page_answer(self, path: str, search: str = "") -> dict:
        """What Dash's router sends for `path`: the page's rendered layout."""
        return self.answer("_pages_content", [{"id": "_pages_content", "property": "children"},
                                            {"id": "_pages_store", "property": "data"}],
                         [{"id": "_pages_location", "property": "pathname", "value": path},
                          {"id": "_pages_location", "property": "search", "value": search}])
