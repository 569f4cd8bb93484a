"""Import problems as structured objects (sheet, cell, code, params), rendered in the reader's language.

Problems are stored as data (in ImportBatch.errors, in JSON output) and rendered late, so the upload page
can show a refused file in either language; their sentences are `import.problem.<code>` in
mios_dashboard/i18n/catalogue/imports.json. Params hold only JSON-friendly scalars.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from mios_dashboard.i18n import normalize_lang, t_or

_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def column_letter(col: int) -> str:
    """0-based column index → Excel letters (0 → A, 27 → AB)."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """0-based (row, col) → "C7"."""
    return f"{column_letter(col)}{row + 1}"


def sheet_ref(sheet: str) -> str:
    """A sheet name as Excel writes it in a reference: quoted when it has spaces or symbols."""
    if _PLAIN_SHEET.match(sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


# Parameters stored as codes and shown in the reader's words: parameter name → catalogue family.
_WORD_FAMILIES = {"field": "import.field", "frequency": "import.frequency", "old": "import.frequency",
                  "new": "import.frequency", "granularity": "import.granularity"}


def _localise_param(key: str, value: object, lang: str) -> object:
    family = _WORD_FAMILIES.get(key)
    if family is None or not isinstance(value, str):
        return value
    return t_or(f"{family}.{value}", value, lang)


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with an offered file; `cell` is like "C7" (None for whole-file or whole-sheet problems)."""

    code: str
    sheet: str | None = None
    cell: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def location(self) -> str:
        """"Mediciones!C7", "Mediciones" or "" — what the user looks for in Excel."""
        if self.sheet and self.cell:
            return f"{sheet_ref(self.sheet)}!{self.cell}"
        return self.sheet or ""

    def message(self, lang: str = "es") -> str:
        """The text without its location."""
        lang = normalize_lang(lang)
        template = t_or(f"import.problem.{self.code}", self.code, lang)
        params = {k: _localise_param(k, v, lang) for k, v in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return f"{template} {self.params}"

    def render(self, lang: str = "es") -> str:
        """One line: "Mediciones!C7: «pendiente» no es un número"."""
        location = self.location
        return f"{location}: {self.message(lang)}" if location else self.message(lang)

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "cell": self.cell, "code": self.code, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: dict) -> ImportProblem:
        return cls(code=data["code"], sheet=data.get("sheet"), cell=data.get("cell"), params=dict(data.get("params") or {}))


_CELL = re.compile(r"^([A-Z]+)(\d+)$")


def reading_order(problems: list[ImportProblem], sheets: list[str]) -> list[ImportProblem]:
    """Problems sorted as a person reads the file: whole-file ones first, then sheet by sheet, row by row."""
    def key(problem: ImportProblem) -> tuple[int, int, int]:
        sheet = sheets.index(problem.sheet) if problem.sheet in sheets else -1
        match = _CELL.match(problem.cell or "")
        if not match:
            return (sheet, -1, -1)
        col = 0
        for letter in match[1]:
            col = col * 26 + ord(letter) - 64
        return (sheet, int(match[2]), col)
    return sorted(problems, key=key)


def render_all(problems: Iterable[ImportProblem], lang: str = "es") -> list[str]:
    return [p.render(lang) for p in problems]
