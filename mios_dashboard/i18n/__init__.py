"""Every word the product says — pages, command line, importer problems — in Spanish (default) and English,
plus locale-aware number and date formats.

`t("status.green", "en")` → "On target". The texts live by capability in `catalogue/<capability>.json`,
Spanish and English side by side; `CATALOGUES` merges them into one dictionary per language. The language
of a page lives in its URL (`?lang=en`), so callers pass it explicitly; nothing here reads global state.
Imports the standard library and Babel only.
"""
from __future__ import annotations

import logging

from mios_dashboard.i18n.catalogue import CAPABILITIES, messages
from mios_dashboard.i18n.formatting import (
    LOCALES,
    MISSING,
    fmt_date,
    fmt_datetime,
    fmt_month,
    fmt_number,
    fmt_percent,
    parse_iso_date,
)

__all__ = [
    "CATALOGUES",
    "DEFAULT_LANG",
    "LOCALES",
    "MISSING",
    "SUPPORTED",
    "fmt_date",
    "fmt_datetime",
    "fmt_month",
    "fmt_number",
    "fmt_percent",
    "has_key",
    "normalize_lang",
    "parse_iso_date",
    "perspective_name",
    "t",
    "t_count",
    "t_or",
]

SUPPORTED: tuple[str, ...] = ("es", "en")
DEFAULT_LANG = "es"


def _merged() -> dict[str, dict[str, str]]:
    """One flat catalogue per language from the capability files (a unit test keeps their keys disjoint)."""
    merged: dict[str, dict[str, str]] = {lang: {} for lang in SUPPORTED}
    for capability in CAPABILITIES:
        for key, texts in messages(capability).items():
            for lang in SUPPORTED:
                merged[lang][key] = texts.get(lang, "")
    return merged


CATALOGUES: dict[str, dict[str, str]] = _merged()

_log = logging.getLogger(__name__)


def normalize_lang(value: object) -> str:
    """Map whatever came from a URL or a setting ("EN", "en-US", ["en"], None, "fr") to "es" or "en".

    A query parameter given twice arrives as a list; the first value wins. Unknown → the default.
    """
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if not isinstance(value, str):
        return DEFAULT_LANG
    code = value.strip().lower().replace("_", "-").split("-", 1)[0]
    return code if code in SUPPORTED else DEFAULT_LANG


def has_key(key: str) -> bool:
    """True when the key exists in the catalogues (both hold the same keys; a unit test checks it)."""
    return key in CATALOGUES[DEFAULT_LANG]


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled from `fmt`.

    A missing key never breaks a page: it falls back to Spanish, then to the key itself (and logs it);
    tests/unit/app/test_i18n.py makes sure no literal key used in the code is missing.
    """
    catalogue = CATALOGUES[normalize_lang(lang)]
    text = catalogue.get(key)
    if text is None:
        text = CATALOGUES[DEFAULT_LANG].get(key)
        if text is None:
            _log.warning("missing i18n key %r", key)
            return key
    return text.format(**fmt) if fmt else text


def t_or(key: str, fallback: str, lang: str = DEFAULT_LANG) -> str:
    """The text for `key` if the catalogue has it, else `fallback` — for data-driven keys such as
    `perspective.<code>` where a user-created code has no translation and its stored name is shown."""
    return t(key, lang) if has_key(key) else fallback


def perspective_name(code: str | None, name: str | None, lang: str = DEFAULT_LANG) -> str:
    """A seeded perspective (FIN, CLI, PRO, APR) in the reader's language while it keeps its seeded name;
    one leadership renamed, or created, reads as stored (the words are theirs, in whatever language)."""
    key = f"perspective.{code}"
    if code and has_key(key) and (not name or name == t(key, "es")):
        return t(key, lang)
    return name or code or MISSING


def t_count(key: str, count: int, lang: str = DEFAULT_LANG) -> str:
    """A counted phrase: `key.one` for exactly one, `key.other` otherwise ("1 objetivo", "3 objetivos").
    Spanish and English share these two plural forms; `{count}` is filled in."""
    return t(f"{key}.{'one' if count == 1 else 'other'}", lang, count=count)
