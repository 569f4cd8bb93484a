"""The one-way import rule between the package's layers (docs/architecture.md), checked on every module.

A layer may import itself and the layers listed for it, nothing else; the entry points (`create_app` in
mios_dashboard/__init__.py and the command line) wire everything together and are free.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3] / "mios_dashboard"
FOUNDATION = {"config", "memory", "errors", "i18n"}
ALLOWED: dict[str, set[str]] = {
    "analytics": set(),
    "i18n": set(),
    "config": {"errors"},  # SettingsError is an errors.Invalid
    "memory": set(),
    "models": set(),
    "errors": {"i18n"},
    "audit": {"models"},
    "db": {"audit"},
    "schema": {"config"},
    "repositories": {"models", "audit", "memory"},
    "importers": {"analytics", "models", "i18n", "errors"},
    "exporters": {"analytics", "i18n", "errors"},
    "figures": {"analytics", "i18n"},
    "components": {"figures", "i18n", "errors"},
    "web": {"audit", "db", "memory", "config", "errors"},
    "services": {"repositories", "importers", "exporters", "analytics", "models", "db", "audit", "schema", "web",
                 *FOUNDATION},
    "demo": {"services", "importers", "exporters", "models", "db", "analytics", *FOUNDATION},
    "pages": {"services", "components", "figures", "web", *FOUNDATION},
    "cli": {"services", "repositories", "importers", "models", "db", "schema", "demo", *FOUNDATION},
}
FREE = {"__init__", "__main__"}
# services may use the web layer's cache only: the request-bound runtime (Flask's current_app) is the pages'.
SERVICES_FROM_WEB = {"mios_dashboard.web.cache"}


def _layer(path: Path) -> str:
    first = path.relative_to(PACKAGE).parts[0]
    return first.removesuffix(".py")


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "mios_dashboard":
                found += [f"mios_dashboard.{alias.name}" for alias in node.names]
            elif node.module.startswith("mios_dashboard."):
                found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.startswith("mios_dashboard.")]
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append("<relative import>")
    return found


def _violations() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        layer = _layer(path)
        if layer in FREE:
            continue
        allowed = ALLOWED[layer] | {layer}
        for module in _imports(path):
            target = module.split(".")[1] if module.startswith("mios_dashboard.") else module
            ok = target in allowed
            if ok and layer == "services" and target == "web":
                ok = module in SERVICES_FROM_WEB
            if not ok:
                wrong.append(f"{path.relative_to(PACKAGE)} → {module}")
    return wrong


def test_every_layer_is_listed():
    layers = {_layer(path) for path in PACKAGE.rglob("*.py")} - FREE
    assert layers - set(ALLOWED) == set()


def test_imports_run_one_way():
    assert _violations() == []


def test_the_rule_is_not_symmetric():
    """Guard against a table that allows everything: no layer may import one that imports it."""
    cycles = [(a, b) for a, targets in ALLOWED.items() for b in targets if a in ALLOWED.get(b, set())]
    assert cycles == []
