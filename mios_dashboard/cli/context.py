"""What every command shares: exit codes and the Context (settings, language, database URL and a lazily made
engine). A failure the user can act on is an `errors.DomainError` whose key is a command-line sentence
(`cli.<key>` in i18n/catalogue/cli.json); `__main__.main` prints it as the one-line error."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from mios_dashboard.cli.language import msg
from mios_dashboard.config import Settings
from mios_dashboard.db import make_engine, make_session_factory
from mios_dashboard.errors import DomainError, NotFound

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
POSTGRES_CONNECT_TIMEOUT_S = 10


@dataclass
class Context:
    """What every command needs: settings, language, the database URL and (lazily) an engine."""

    settings: Settings
    lang: str
    url: str
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def shown_url(self) -> str:
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except (ArgumentError, ValueError):  # not a URL (a bad port is a ValueError): show it as given
            return self.url

    def say(self, key: str, **params) -> None:
        print(msg(key, self.lang, **params))

    def engine(self):
        if self._engine is None:
            kwargs = {}
            if _backend(self.url) == "postgresql":
                kwargs["connect_args"] = {"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S}
            self._engine = make_engine(self.url, **kwargs)
        return self._engine

    def sessions(self):
        """A session factory on a database whose schema is at head, or a DomainError telling to run init-db."""
        from mios_dashboard.schema import current_revision, head_revision

        if _backend(self.url) == "sqlite" and not _sqlite_file_exists(self.url):
            raise NotFound("cli.db_not_initialised", url=self.shown_url)  # don't leave an empty file behind
        engine = self.engine()
        current, head = current_revision(engine), head_revision()
        if current is None:
            raise NotFound("cli.db_not_initialised", url=self.shown_url)
        if current != head:
            raise DomainError("cli.db_outdated", current=current, head=head)
        return make_session_factory(engine)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def _backend(url: str) -> str | None:
    try:
        return make_url(url).get_backend_name()
    except (ArgumentError, ValueError):
        return None  # make_engine reports it


def _sqlite_file_exists(url: str) -> bool:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return True
    return Path(database).expanduser().exists()


def one_line(exc: BaseException) -> str:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    return (lines[0] if lines else type(exc).__name__)[:300]



def lazy(module: str, name: str, command: str):
    """Import a service only when its command runs (and say so plainly if it is not installed)."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise DomainError("cli.feature_unavailable", command=command, detail=f"{module} missing") from exc
        raise
    except AttributeError as exc:
        raise DomainError("cli.feature_unavailable", command=command, detail=f"{module}.{name} missing") from exc

