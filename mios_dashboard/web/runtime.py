"""The database handles of the running app, kept on the Flask app so pages never reach for globals."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import flask
from sqlalchemy.orm import Session, sessionmaker

from mios_dashboard.config import Settings

EXTENSION_KEY = "mios"


def attach(server: flask.Flask, factory: sessionmaker[Session], settings: Settings) -> None:
    server.extensions[EXTENSION_KEY] = {"session_factory": factory, "settings": settings}


def current_settings() -> Settings:
    settings: Settings = flask.current_app.extensions[EXTENSION_KEY]["settings"]
    return settings


@contextmanager
def read_session() -> Iterator[Session]:
    """A session for reading inside a page layout or callback; rolled back and closed afterwards."""
    factory: sessionmaker[Session] = flask.current_app.extensions[EXTENSION_KEY]["session_factory"]
    session = factory()
    try:
        yield session
    finally:
        session.rollback()
        session.close()
