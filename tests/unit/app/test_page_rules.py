"""The rules of pages/ and components/: importing a page registers nothing (create_app wires them), the
guard of pages/guard.py is the only catch-all, and what that guard does with each kind of failure."""
from __future__ import annotations

import ast
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from dash.exceptions import PreventUpdate

from mios_dashboard.errors import Invalid
from mios_dashboard.pages.guard import Failure, guarded

REPO = Path(__file__).resolve().parents[3]
PACKAGE = REPO / "mios_dashboard"
PAGE_PACKAGES = ("board", "drilldown", "evaluation", "imports", "phva")


def test_importing_the_pages_registers_nothing():
    """In a fresh interpreter: every page package imported, and Dash's page registry and its global
    callback lists (what `@dash.callback` and `dash.register_page` at import would fill) stay empty."""
    imports = "; ".join(f"import mios_dashboard.pages.{name}" for name in PAGE_PACKAGES)
    script = (f"{imports}; import dash; from dash import _callback; "
              "print(len(dash.page_registry), len(_callback.GLOBAL_CALLBACK_LIST), len(_callback.GLOBAL_CALLBACK_MAP))")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "0", "0"]


def _catch_alls(path: Path) -> list[int]:
    """Lines of `except:`, `except Exception` or `except BaseException` (alone or in a tuple)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ExceptHandler):
            continue
        caught = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
        if node.type is None or any(isinstance(c, ast.Name) and c.id in ("Exception", "BaseException") for c in caught):
            lines.append(node.lineno)
    return lines


def test_the_guard_is_the_only_catch_all_in_pages_and_components():
    offenders = [f"{path.relative_to(REPO)}:{line}"
                 for folder in (PACKAGE / "pages", PACKAGE / "components") for path in sorted(folder.rglob("*.py"))
                 for line in _catch_alls(path) if path != PACKAGE / "pages" / "guard.py"]
    assert offenders == []
    assert len(_catch_alls(PACKAGE / "pages" / "guard.py")) == 1


def test_the_pages_use_no_dash_get_app_and_no_install_flags():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "pages").rglob("*.py"))
    sources += "\n" + (PACKAGE / "components" / "shell.py").read_text(encoding="utf-8")
    assert "get_app(" not in sources and "_installed" not in sources
    assert re.search(r"^\s*@(?:dash\.)?callback\b", sources, re.MULTILINE) is None


def _state(failure: Failure) -> tuple:
    return failure.lang, failure.message, dict(failure.arguments)


def test_a_domain_error_becomes_its_sentence_in_the_callers_language(caplog):
    @guarded(_state, "check {name}")
    def check(name, lang=None):
        raise Invalid("upload.bad_type", file=name)

    lang, message, arguments = check("a.docx", lang="en")
    assert lang == "en" and "“a.docx” is neither an Excel workbook" in message
    assert arguments == {"name": "a.docx", "lang": "en"}
    assert caplog.records == []  # a refusal is not a fault: nothing to log


def test_anything_else_is_logged_with_its_traceback_and_has_no_sentence(caplog):
    @guarded(_state, "read {code!r}")
    def read(code, lang):
        raise KeyError("column")

    with caplog.at_level(logging.ERROR):
        assert read("OBJ-1", "xx") == ("es", None, {"code": "OBJ-1", "lang": "xx"})
    assert caplog.records[0].getMessage() == "could not read 'OBJ-1'" and caplog.records[0].exc_info[0] is KeyError


def test_prevent_update_and_results_pass_through():
    @guarded(_state, "pick")
    def pick(value):
        if value is None:
            raise PreventUpdate
        return value * 2

    assert pick(21) == 42
    with pytest.raises(PreventUpdate):
        pick(None)
