"""What an import did, or for a dry run would do: plain data for the command line, the upload page and tests."""
from __future__ import annotations

from dataclasses import dataclass, field

from mios_dashboard.i18n import t
from mios_dashboard.i18n.formatting import fmt_number
from mios_dashboard.importers.problems import ImportProblem

PREVIEW_LIMIT = 200  # changes listed for a preview; the counts cover all of them
# What each kind of sheet writes, in the order sheets are applied; a sheet's layout → its kind.
KINDS = ("processes", "objectives", "indicators", "measurements")
LAYOUT_KINDS = {"processes": "processes", "objectives": "objectives", "definitions": "indicators",
                "long": "measurements", "wide": "measurements"}
FEMININE = frozenset({"measurements"})  # "Mediciones: 5 nuevas", "Procesos: 2 nuevos"


@dataclass
class ImportResult:
    """Counts, a sample of the changes (old → new), notices and, when refused, every error."""

    file_name: str
    sha256: str
    size_bytes: int
    dry_run: bool = False
    lang: str = "es"
    status: str = "accepted"
    batch_id: int | None = None
    sheets: list[str] = field(default_factory=list)
    layouts: dict[str, str] = field(default_factory=dict)  # sheet → processes / objectives / definitions / long / wide
    processes_created: int = 0
    processes_updated: int = 0
    processes_unchanged: int = 0
    objectives_created: int = 0
    objectives_updated: int = 0
    objectives_unchanged: int = 0
    indicators_created: int = 0
    indicators_updated: int = 0
    indicators_unchanged: int = 0
    measurements_inserted: int = 0
    measurements_updated: int = 0
    measurements_unchanged: int = 0
    targets_inserted: int = 0
    targets_updated: int = 0
    targets_unchanged: int = 0
    changes: list[dict] = field(default_factory=list)  # {"kind", "code", "period", "old", "new", "cell"}
    errors: list[ImportProblem] = field(default_factory=list)
    notices: list[ImportProblem] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.status == "accepted"

    def messages(self, lang: str | None = None) -> list[str]:
        """Every error as one line, e.g. "Mediciones!C7: «pendiente» no es un número"."""
        return [problem.render(lang or self.lang) for problem in self.errors]

    def notice_messages(self, lang: str | None = None) -> list[str]:
        return [problem.render(lang or self.lang) for problem in self.notices]

    def counts(self, kind: str) -> tuple[int, int, int]:
        """(created or inserted, updated, unchanged) of one kind of row."""
        if kind == "measurements":
            return self.measurements_inserted, self.measurements_updated, self.measurements_unchanged
        prefix = {"processes": "processes", "objectives": "objectives", "indicators": "indicators"}[kind]
        return (getattr(self, f"{prefix}_created"), getattr(self, f"{prefix}_updated"),
                getattr(self, f"{prefix}_unchanged"))

    def per_sheet(self) -> list[dict]:
        """Per kind of sheet the file holds, in the order applied: its sheets and what it creates and updates."""
        rows = []
        for kind in KINDS:
            sheets = [name for name, layout in self.layouts.items() if LAYOUT_KINDS.get(layout) == kind]
            created, updated, unchanged = self.counts(kind)
            if sheets or created or updated or unchanged:
                rows.append({"kind": kind, "sheets": sheets, "created": created, "updated": updated,
                             "unchanged": unchanged})
        return rows

    def summary(self, lang: str | None = None) -> str:
        """"Procesos: 20 nuevos, 0 actualizados, 0 sin cambios · Objetivos: 40 nuevos, …" in the reader's words."""
        return summary_line(self.per_sheet(), lang or self.lang)

    def to_dict(self, lang: str | None = None) -> dict:
        """Plain data for `import --json` and the upload page."""
        lang = lang or self.lang
        return {
            "file": self.file_name, "sha256": self.sha256, "size_bytes": self.size_bytes, "status": self.status,
            "dry_run": self.dry_run, "batch_id": self.batch_id, "sheets": list(self.sheets),
            "processes": {
                "created": self.processes_created, "updated": self.processes_updated,
                "unchanged": self.processes_unchanged,
            },
            "objectives": {
                "created": self.objectives_created, "updated": self.objectives_updated,
                "unchanged": self.objectives_unchanged,
            },
            "indicators": {
                "created": self.indicators_created, "updated": self.indicators_updated,
                "unchanged": self.indicators_unchanged,
            },
            "measurements": {
                "inserted": self.measurements_inserted, "updated": self.measurements_updated,
                "unchanged": self.measurements_unchanged,
            },
            "targets": {
                "inserted": self.targets_inserted, "updated": self.targets_updated, "unchanged": self.targets_unchanged,
            },
            "per_sheet": self.per_sheet(), "summary": self.summary(lang),
            "summary_lines": summary_lines(self.per_sheet(), lang),
            "changes": [dict(c) for c in self.changes],
            "errors": [{**p.to_dict(), "message": p.render(lang)} for p in self.errors],
            "notices": [{**p.to_dict(), "message": p.render(lang)} for p in self.notices],
        }


def count_phrase(kind: str, word: str, count: int, lang: str) -> str:
    """"20 nuevos", "1 nueva", "0 sin cambios" — the number in the locale's format, the word agreeing with it."""
    gender = "f" if kind in FEMININE and word != "unchanged" else "m"
    form = "one" if count == 1 else "other"
    return t(f"import.count.{word}_{gender}.{form}", lang, count=fmt_number(count, lang))


def summary_lines(per_sheet: list[dict], lang: str) -> list[str]:
    """One line per kind: "Procesos: 20 nuevos, 0 actualizados, 0 sin cambios"."""
    return [t("import.summary.line", lang, kind=t(f"import.kind.{row['kind']}", lang),
              created=count_phrase(row["kind"], "new", row["created"], lang),
              updated=count_phrase(row["kind"], "updated", row["updated"], lang),
              unchanged=count_phrase(row["kind"], "unchanged", row["unchanged"], lang))
            for row in per_sheet]


def summary_line(per_sheet: list[dict], lang: str) -> str:
    """The per-sheet counts as one line, kinds joined by " · "."""
    return " · ".join(summary_lines(per_sheet, lang))
