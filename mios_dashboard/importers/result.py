"""What an import did, or for a dry run would do: plain data for the command line, the upload page and tests."""
from __future__ import annotations

from dataclasses import dataclass, field

from mios_dashboard.importers.problems import ImportProblem

PREVIEW_LIMIT = 200  # changes listed for a preview; the counts cover all of them


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
            "changes": [dict(c) for c in self.changes],
            "errors": [{**p.to_dict(), "message": p.render(lang)} for p in self.errors],
            "notices": [{**p.to_dict(), "message": p.render(lang)} for p in self.notices],
        }
