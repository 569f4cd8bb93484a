"""The message catalogues: one JSON file per capability, each key → {"es": "…", "en": "…"} side by side.

JSON, so a translator edits texts without touching code and the files load in a few milliseconds. A key
starts with its family (`board.`, `drill.`, `upload.`, `import.problem.`, `cli.` …); a new capability adds
its file and a line below. Words follow docs/glossary.md.
"""
from __future__ import annotations

import json
from pathlib import Path

_DIR = Path(__file__).resolve().parent

CAPABILITIES: dict[str, str] = {
    "common": "the shell and navigation, statuses, trends, directions, frequencies, aggregations, perspectives, "
              "ISO clause names, field and chart labels: the words every page shares",
    "board": "the board page `/`",
    "drilldown": "the drill-down pages `/objetivo/<code>` and `/indicador/<code>`",
    "evaluation": "the strategic evaluation page `/evaluacion`",
    "phva": "the PHVA page `/phva` and the board's PHVA strip",
    "imports": "the upload page `/importar` and the importer's problems with the words they name",
    "exports": "the board workbook, the template, meeting minutes and management-review records",
    "admin": "the administration page `/admin`: strategy and indicator forms",
    "context": "the context page `/contexto`: organization, quality policy, SWOT, interested parties, "
               "communication matrix, roles and SIPOC",
    "risks": "the risks page `/riesgos`: the register, the slide-16 taxonomy and the heat map",
    "cli": "the command line's help, results and one-line errors",
}


def messages(capability: str) -> dict[str, dict[str, str]]:
    """The entries of one capability's file, in file order."""
    return json.loads((_DIR / f"{capability}.json").read_text(encoding="utf-8"))


def argparse_spanish() -> dict[str, str]:
    """argparse's own English texts and their Spanish (argparse looks them up through `argparse._`)."""
    return json.loads((_DIR / "argparse_es.json").read_text(encoding="utf-8"))
