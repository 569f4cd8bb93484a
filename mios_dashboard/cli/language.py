"""The command line's language: which one the user asked for, its sentences (`cli.*` in
mios_dashboard/i18n/catalogue/cli.json) and argparse's own messages in Spanish (argparse looks its texts up
through `argparse._` at call time, so installing a lookup before the parsers are built is enough).
"""
from __future__ import annotations

import argparse

from mios_dashboard.i18n import t_or
from mios_dashboard.i18n.catalogue import argparse_spanish


def lang_of(value: str | None) -> str:
    """"en", "EN", "en_US.UTF-8" → "en"; anything else → "es"."""
    return "en" if (value or "").strip().lower().startswith("en") else "es"


def msg(key: str, lang: str = "es", **params) -> str:
    """The command line's sentence `cli.<key>`; a placeholder it lacks leaves the template as written."""
    template = t_or(f"cli.{key}", key, lang)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def status_word(status: str | None, lang: str) -> str:
    """A board status as the command line prints it ("en meta", "on target")."""
    return t_or(f"cli.status.{status}", str(status), lang)


def role_word(role: str, lang: str) -> str:
    """A user role in words ("representante de la dirección")."""
    return t_or(f"cli.role.{role}", role, lang)


def install_argparse_language(lang: str) -> None:
    """Make argparse speak `lang` (it speaks English by itself)."""
    import gettext

    if lang == "es":
        spanish = argparse_spanish()
        argparse._ = lambda text: spanish.get(text, text)  # type: ignore[attr-defined]
    else:
        argparse._ = gettext.gettext  # type: ignore[attr-defined]
