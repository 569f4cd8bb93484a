"""Finding a row the file names by code or by name: exact code, code ignoring case, then name ignoring case,
accents and spacing (`text.normalize`). Shared by indicators, perspectives, processes and objectives."""
from __future__ import annotations

from collections import defaultdict

from mios_dashboard.importers.text import normalize


class Lookup:
    """Match by exact code, then code ignoring case, then name ignoring case, accents and spacing."""

    def __init__(self) -> None:
        self.by_code: dict[str, str] = {}
        self.by_folded: dict[str, set[str]] = defaultdict(set)
        self.by_name: dict[str, set[str]] = defaultdict(set)

    def add(self, code: str, name: str | None) -> None:
        self.by_code[code] = code
        self.by_folded[code.casefold()].add(code)
        if name:
            self.by_name[normalize(name)].add(code)

    def find_code(self, text: str) -> str | None:
        """A code written with any case; names are not codes."""
        if text in self.by_code:
            return text
        candidates = self.by_folded.get(text.casefold())
        return next(iter(candidates)) if candidates and len(candidates) == 1 else None

    def find(self, text: str) -> tuple[str | None, list[str]]:
        """(code, []) when found; (None, candidates) when ambiguous; (None, []) when unknown."""
        if text in self.by_code:
            return text, []
        text = text.strip()
        if text in self.by_code:
            return text, []
        for candidates in (self.by_folded.get(text.casefold()), self.by_name.get(normalize(text))):
            if candidates and len(candidates) == 1:
                return next(iter(candidates)), []
            if candidates:
                return None, sorted(candidates)
        return None, []
