"""The database handles of the running app, kept on the Flask app so pages never reach for globals."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import flask
from sqlalchemy.orm import Session, sessionmaker

EXTENSION_KEY = "mios"


def attach(server: flask.Flask, factory: sessionmaker[Session], settings) -> None:
    server.extensions[EXTENSION_KEY] = {"session_factory": factory, "settings": settings}


def current_settings():
    return flask.current_app.extensions[EXTENSION_KEY]["settings"]


@contextmanager
def read_session() -> Iterator[Session]:
    """A session for reading inside a page layout or callback; rolled back and closed afterwards."""
    session = flask.current_app.extensions[EXTENSION_KEY]["session_factory"]()
    try:
        yield session
    finally:
        session.rollback()
        session.close()
