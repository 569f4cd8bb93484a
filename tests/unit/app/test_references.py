"""Every reference in the repository resolves inside it (docs/architecture.md is the map).

- the design lives in docs/: no code, test, benchmark, migration or README points at a design file outside
  the repository;
- every `docs/….md` a comment, docstring or page cites exists, and so does every `#anchor` it names (a
  heading of that page, slugged as GitHub does); Markdown links between the pages resolve too;
- every slide number cited ("slide 13", "slides 18–19", "slides 31, 50 and 51") has its entry in
  docs/slides.md;
- every repository path a comment, docstring or page cites (`mios_dashboard/….py`, `services/…`,
  `tests/…`, `assets/…`, `bench/…`) exists — package-relative paths under mios_dashboard/, `module.name`
  naming something in that module; globs must match; `<placeholders>` and the folders the app and the tests
  write at run time (data/, tests/screenshots/) are not checked;
- every dotted module a comment or docstring names (`services.board.compute.build_board`) exists.

Each check is a function of the repository root, so the last test runs them on a made-up tree with one bad
reference of each kind.
"""
from __future__ import annotations

import ast
import functools
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
THIS = Path(__file__).resolve()
CODE_DIRS = ("mios_dashboard", "tests", "bench", "migrations")
MARKDOWN = ("README.md", "bench/README.md", "data/demo/README.md", "assets/licenses/README.md")
SUBPACKAGES = ("services", "components", "pages", "repositories", "analytics", "importers", "exporters", "figures",
               "web", "i18n", "models", "demo", "cli")
ROOT_DIRS = ("mios_dashboard", "tests", "assets", "bench", "docs", "migrations", "data")
GENERATED = ("data/", "tests/screenshots/")  # written by the app and the browser tests, ignored by git
SLIDES = "docs/slides.md"

DESIGN_WORD = re.compile(r"\bDESIGN\b")
DOC_CITATION = re.compile(r"(?<![\w./-])(docs/[\w.-]+\.md)(?:#([\w-]+))?")
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
SLIDE_CITATION = re.compile(
    r"\bslides?\s+(\d+(?:\s*[–-]\s*\d+)?(?:(?:\s*\([^)]*\))?(?:\s*,\s*|\s+and\s+|\s+y\s+)\d+(?:\s*[–-]\s*\d+)?)*)",
    re.IGNORECASE)
NUMBER_OR_RANGE = re.compile(r"(\d+)(?:\s*[–-]\s*(\d+))?")
SLIDE_HEADING = re.compile(r"^#{2,3}\s+(\d+)(?:\s*[–-]\s*(\d+))?\s")
PATH_CITATION = re.compile(r"(?<![\w./<>-])((?:" + "|".join(ROOT_DIRS + SUBPACKAGES) + r")/[\w./<>*{}…-]*)")
MODULE_CITATION = re.compile(r"(?<![\w./-])(?:mios_dashboard\.)?(?:" + "|".join(SUBPACKAGES) + r")(?:\.[A-Za-z_]\w*)+")
TRAILING = ".,;:)'\"`"


# ---------- what is read ----------

def source_files(root: Path) -> list[Path]:
    files = [p for d in CODE_DIRS for p in sorted((root / d).rglob("*.py")) if "__pycache__" not in p.parts]
    return files + [p for p in (root / "app.py", root / "migrations/script.py.mako") if p.is_file()]


def markdown_files(root: Path) -> list[Path]:
    return [p for p in (root / name for name in MARKDOWN) if p.is_file()] + sorted((root / "docs").glob("*.md"))


@functools.cache
def notes(path: Path) -> list[tuple[int, str]]:
    """(first line, text) of every comment and docstring of a Python file; of every line of any other file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return list(enumerate(text.splitlines(), 1))
    found = [(tok.start[0], tok.string) for tok in tokenize.generate_tokens(io.StringIO(text).readline)
             if tok.type == tokenize.COMMENT]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            value = first.value if isinstance(first, ast.Expr) else None
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.append((first.lineno, value.value))
    return found


def matches(path: Path, pattern: re.Pattern, whole_text: bool = False) -> Iterator[tuple[int, re.Match]]:
    """Each match of `pattern` with its line: in comments and docstrings, or anywhere with `whole_text`."""
    chunks = [(1, path.read_text(encoding="utf-8"))] if whole_text else notes(path)
    for line, text in chunks:
        for match in pattern.finditer(text):
            yield line + text.count("\n", 0, match.start()), match


def where(root: Path, path: Path, line: int) -> str:
    return f"{path.relative_to(root)}:{line}"


# ---------- markdown headings ----------

def headings(path: Path) -> list[str]:
    lines, fenced = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"^#{1,6}\s", line):
            lines.append(line.lstrip("#").strip())
    return lines


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces → hyphens."""
    seen: dict[str, int] = {}
    found = set()
    for heading in headings(path):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


# ---------- the checks ----------

def design_mentions(root: Path) -> list[str]:
    files = [p for p in source_files(root) + markdown_files(root) if p.resolve() != THIS]
    return [f"{where(root, p, line)}: cites the design outside the repository ({m.group(0)!r})"
            for p in files for line, m in matches(p, DESIGN_WORD, whole_text=True)]


def _target_problem(target: Path, anchor: str | None) -> str | None:
    if not target.exists():
        return "does not exist"
    if anchor and target.suffix == ".md" and anchor not in anchors(target):
        return f"has no heading for #{anchor}"
    return None


def doc_citations(root: Path) -> list[str]:
    problems = []
    for path in source_files(root) + markdown_files(root):
        for line, m in matches(path, DOC_CITATION, whole_text=path.suffix == ".md"):
            if (problem := _target_problem(root / m.group(1), m.group(2))) is not None:
                problems.append(f"{where(root, path, line)}: {m.group(0)} {problem}")
    for path in markdown_files(root):
        for line, m in matches(path, MARKDOWN_LINK):
            link = m.group(1)
            if re.match(r"^[a-z]+:", link):
                continue  # http:, https:, mailto:
            file_part, _, anchor = link.partition("#")
            target = (path.parent / file_part) if file_part else path
            if (problem := _target_problem(target, anchor or None)) is not None:
                problems.append(f"{where(root, path, line)}: link {link} {problem}")
    return problems


def slide_numbers(text: str) -> set[int]:
    numbers = set()
    for first, last in NUMBER_OR_RANGE.findall(re.sub(r"\([^)]*\)", "", text)):
        numbers.update(range(int(first), int(last or first) + 1))
    return numbers


def covered_slides(root: Path) -> set[int]:
    covered = set()
    path = root / SLIDES
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
        if (m := SLIDE_HEADING.match(line)):
            covered.update(range(int(m[1]), int(m[2] or m[1]) + 1))
    return covered


def slide_citations(root: Path) -> list[str]:
    covered = covered_slides(root)
    problems = []
    for path in source_files(root) + markdown_files(root):
        if path == root / SLIDES or path.resolve() == THIS:  # this file's made-up citations are meant to fail
            continue
        for line, m in matches(path, SLIDE_CITATION, whole_text=True):
            missing = sorted(slide_numbers(m.group(1)) - covered)
            if missing:
                problems.append(f"{where(root, path, line)}: {m.group(0)!r} — no entry in {SLIDES} for {missing}")
    return problems


def _names(module: Path, name: str) -> bool:
    """The module's text mentions `name` as a word (a def, a class, an assignment or a re-export)."""
    return re.search(rf"\b{re.escape(name)}\b", module.read_text(encoding="utf-8")) is not None


def _path_exists(root: Path, ref: str) -> bool:
    if any(c in ref for c in "<{…") or ref.startswith(GENERATED):
        return True
    base = root if ref.split("/")[0] in ROOT_DIRS else root / "mios_dashboard"
    if "*" in ref:
        return any(base.glob(ref))
    if (base / ref).exists():
        return True
    stem, dot, name = ref.rpartition(".")  # web/warmup.Warmer: a name in web/warmup.py
    module = base / f"{stem}.py"
    return bool(dot) and module.is_file() and _names(module, name)


def path_citations(root: Path) -> list[str]:
    problems = []
    for path in source_files(root) + markdown_files(root):
        for line, m in matches(path, PATH_CITATION):
            ref = m.group(1).rstrip(TRAILING)
            if not _path_exists(root, ref):
                problems.append(f"{where(root, path, line)}: {ref} does not exist")
    return problems


def _module_exists(root: Path, ref: str) -> bool:
    parts = ref.split(".")[1:] if ref.startswith("mios_dashboard.") else ref.split(".")
    base = root / "mios_dashboard"
    for index, part in enumerate(parts):
        if (base / part).is_dir():
            base = base / part
            continue
        if (base / f"{part}.py").is_file():
            module, rest = base / f"{part}.py", parts[index + 1:]
        else:
            module, rest = base / "__init__.py", parts[index:]
        break
    else:
        return True
    if not rest:
        return True
    return module.is_file() and _names(module, rest[0])


def module_citations(root: Path) -> list[str]:
    problems = []
    for path in source_files(root):
        for line, m in matches(path, MODULE_CITATION):
            ref = m.group(0).rstrip(TRAILING)
            if not _module_exists(root, ref):
                problems.append(f"{where(root, path, line)}: {ref} names no module or nothing in it")
    return problems


CHECKS = (design_mentions, doc_citations, slide_citations, path_citations, module_citations)


# ---------- the repository ----------

def test_the_design_is_cited_inside_the_repository():
    assert design_mentions(ROOT) == []


def test_cited_docs_and_anchors_exist():
    assert doc_citations(ROOT) == []


def test_cited_slides_are_in_docs_slides():
    assert slide_citations(ROOT) == []


def test_cited_paths_exist():
    assert path_citations(ROOT) == []


def test_cited_modules_exist():
    assert module_citations(ROOT) == []


def test_the_scans_see_the_references_they_check():
    """Guard against a check that passes because it reads nothing."""
    assert {10, 13, 16, 18, 19, 26, 51} <= covered_slides(ROOT)
    cited = [m.group(0) for p in source_files(ROOT) for _, m in matches(p, SLIDE_CITATION, whole_text=True)]
    assert any("13" in c for c in cited) and any("18–19" in c for c in cited)
    assert "xmr" in anchors(ROOT / "docs/formulas.md")
    assert sum(1 for p in source_files(ROOT) for _ in matches(p, PATH_CITATION)) > 20


# ---------- the checks themselves ----------

def test_each_check_catches_a_made_up_bad_reference(tmp_path):
    def write(name: str, text: str) -> None:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    write("docs/formulas.md", "# Formulas\n\n## XmR\n\nSee [status](#status) and [xmr](#xmr).\n")
    write("docs/slides.md", "# Slides\n\n## 13 · Evaluación estratégica\n\n### 18–19 · PHVA\n")
    write("mios_dashboard/services/real.py", '"""Real."""\n\ndef thing():\n    pass\n')
    write("mios_dashboard/good.py", '"""docs/formulas.md#xmr, slide 13, slides 18–19, services/real.py,\n'
                                    '`services.real.thing`, tests/screenshots/x.png, pages/<name>/."""\n')
    write("mios_dashboard/bad.py", '"""Formulas of DESIGN §3."""\n'
                                   "# docs/formulas.md#nope and docs/missing.md\n"
                                   "# slides 13 and 14\n"
                                   "# services/gone.py\n"
                                   "# `services.real.missing`\n")
    found = {check.__name__: check(tmp_path) for check in CHECKS}
    assert found == {
        "design_mentions": ["mios_dashboard/bad.py:1: cites the design outside the repository ('DESIGN')"],
        "doc_citations": ["mios_dashboard/bad.py:2: docs/formulas.md#nope has no heading for #nope",
                          "mios_dashboard/bad.py:2: docs/missing.md does not exist",
                          "docs/formulas.md:5: link #status has no heading for #status"],
        "slide_citations": ["mios_dashboard/bad.py:3: 'slides 13 and 14' — no entry in docs/slides.md for [14]"],
        "path_citations": ["mios_dashboard/bad.py:2: docs/missing.md does not exist",
                           "mios_dashboard/bad.py:4: services/gone.py does not exist"],
        "module_citations": ["mios_dashboard/bad.py:5: services.real.missing names no module or nothing in it"],
    }
