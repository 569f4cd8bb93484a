"""The one guard around every page's layout and every callback that reads the database.

An `errors.DomainError` is something a person is told: its sentence (`message(lang)`) goes into the
page's error state. Anything else is a bug or an outage: logged with its traceback, and the reader sees
the page's generic error state in their language — never a traceback, never a blank page. Dash's
`PreventUpdate` passes through: it means "nothing to change", not a failure.
"""
from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from dash.exceptions import PreventUpdate

from mios_dashboard.errors import DomainError
from mios_dashboard.i18n import normalize_lang

_log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Failure:
    """What an error state is built from: the reader's language, the refusal (None for an unexpected
    error, already logged) and the guarded call's arguments by name."""

    lang: str
    error: DomainError | None
    arguments: Mapping[str, Any]

    @property
    def message(self) -> str | None:
        """The refusal's sentence in the reader's language; None when the error was unexpected."""
        return self.error.message(self.lang) if self.error is not None else None


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _failure(function: Callable, args: tuple, kwargs: dict, error: DomainError | None) -> Failure:
    try:
        arguments = dict(inspect.signature(function).bind(*args, **kwargs).arguments)
    except TypeError:  # called with arguments the function does not take: it failed before it ran
        arguments = dict(kwargs)
    return Failure(normalize_lang(arguments.get("lang")), error, arguments)


def guarded(error_state: Callable[[Failure], T], what: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorate `function` (a layout, a callback, or a read of one) so that any failure returns
    `error_state(failure)`. `what` says in the log what could not be done; `{name}` is filled from the
    call's argument of that name. The language is the call's `lang` argument (Spanish without one)."""
    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(function)
        def guarded_call(*args, **kwargs) -> T:
            try:
                return function(*args, **kwargs)
            except PreventUpdate:
                raise
            except DomainError as error:
                return error_state(_failure(function, args, kwargs, error))
            except Exception:  # noqa: BLE001 - the outermost guard: the log keeps the traceback, the reader gets a sentence
                failure = _failure(function, args, kwargs, None)
                _log.exception("could not %s", what.format_map(_Blank(failure.arguments)))
                return error_state(failure)
        return guarded_call
    return decorate
