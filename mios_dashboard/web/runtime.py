"""The database handles of the running app, kept on the Flask app so pages never reach for globals."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import flask
from sqlalchemy.orm import Session, sessionmaker

from mios_dashboard.audit import Actor
from mios_dashboard.config import Settings
from mios_dashboard.db import session_scope

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


def current_actor() -> Actor:
    """Who is acting in this request: the configured `MIOS_USER` until sign-in exists."""
    return Actor(current_settings().actor)


@contextmanager
def write_session(actor: Actor) -> Iterator[Session]:
    """One transaction for a form's save: committed when the block ends, rolled back on any error, and every
    change recorded in the audit trail under `actor`."""
    factory: sessionmaker[Session] = flask.current_app.extensions[EXTENSION_KEY]["session_factory"]
    with session_scope(factory, actor=actor.username) as session:
        yield session
