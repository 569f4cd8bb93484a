"""The one error type of the product: what a use case raises when a person has to be told something.

A `DomainError` carries a catalogue key and its parameters, never a finished sentence, so the same error
reads in Spanish on a page and in English on another user's command line. Four kinds cover every case a
service refuses: the record is not there (`NotFound`), what was given is wrong — with every problem, not
just the first (`Invalid`) —, the actor may not do it (`Forbidden`), or someone else changed it first
(`Conflict`). Pages and the command line render any of them with `message(lang)`; anything else that
escapes a use case is a bug, logged by the page's outermost guard.

A `Notice` is the same idea without the refusal: the use case went ahead but has something to say (a month
or a filter it ignored), as a key and parameters the page renders in its language.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from mios_dashboard.i18n import t


class Problem(Protocol):
    """One thing wrong, able to say itself in a language (e.g. an importer problem with its sheet and cell)."""

    def render(self, lang: str = "es") -> str: ...


class DomainError(Exception):
    """Base of every error a person reads; `key` names its sentence in the catalogues."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "es") -> str:
        """The sentence in `lang`, its placeholders filled from the parameters; a placeholder the parameters
        lack leaves the sentence as written rather than turning one error into another."""
        return _sentence(self.key, self.params, lang)

    def __str__(self) -> str:
        """The English sentence, for logs and tracebacks (people read `message(lang)`)."""
        return self.message("en")


def _sentence(key: str, params: Mapping[str, object], lang: str) -> str:
    template = t(key, lang)
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


@dataclass(frozen=True)
class Notice:
    """Something a page tells without refusing (e.g. "no data for March 2019; showing the latest month")."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def message(self, lang: str = "es") -> str:
        """The sentence in `lang`; pages that show a parameter their own way (a month in words) format it first
        and call `t(notice.key, …)` themselves."""
        return _sentence(self.key, self.params, lang)


class NotFound(DomainError):
    """The record asked for does not exist (or is not visible to the actor)."""


class Invalid(DomainError):
    """The input is wrong; `problems` lists every problem found, each naming where (field, sheet, cell)."""

    def __init__(self, key: str, /, problems: Sequence[Problem] = (), **params: object) -> None:
        super().__init__(key, **params)
        self.problems = tuple(problems)

    def details(self, lang: str = "es") -> list[str]:
        """Each problem in `lang`, in the order found."""
        return [problem.render(lang) for problem in self.problems]


class Forbidden(DomainError):
    """The actor may not do this; the server decides, whatever the page showed."""


class Conflict(DomainError):
    """The record changed since it was read (a newer version, by someone else); nothing was written."""
