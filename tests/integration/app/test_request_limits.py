"""A client that skips the page's own size check still cannot post an oversized body to the server."""
from __future__ import annotations

from mios_dashboard import MAX_REQUEST_BYTES


def test_oversized_callback_request_is_refused_with_413(empty_app):
    client = empty_app.server.test_client()
    body = b"{" + b" " * (MAX_REQUEST_BYTES + 1) + b"}"
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 413


def test_normal_pages_are_served(empty_app):
    assert empty_app.server.test_client().get("/").status_code == 200
