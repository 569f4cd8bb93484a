"""The catalogues and the locale formats: same keys in both languages, every key the code uses exists,
numbers and dates read the way Mexican (es_MX) and US (en_US) readers write them."""
from __future__ import annotations

import ast
import datetime as dt
import json
import re
import string
import sys
from pathlib import Path

import pytest

from mios_dashboard import i18n
from mios_dashboard.i18n import (
    CATALOGUES,
    SUPPORTED,
    fmt_date,
    fmt_month,
    fmt_number,
    fmt_percent,
    has_key,
    normalize_lang,
    t,
    t_count,
    t_or,
)
from mios_dashboard.i18n.catalogue import CAPABILITIES, messages

PACKAGE = Path(i18n.__file__).resolve().parent.parent
I18N_DIR = Path(i18n.__file__).resolve().parent
# t("key"…), t('key'…), t_count("key", …): literal keys only (f-strings are data-driven families below).
T_CALL = re.compile(r"""\bt\(\s*(['"])([A-Za-z0-9_.]+)\1""")
T_COUNT_CALL = re.compile(r"""\bt_count\(\s*(['"])([A-Za-z0-9_.]+)\1""")
# Only modules that take `t` from our i18n package (the command line has its own `t` and catalogue).
I18N_IMPORT = re.compile(r"from\s+(?:mios_dashboard\.|\.+)?i18n\s+import\s+(\([^)]*\)|[^\n]*)")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _source_files() -> list[Path]:
    """Package modules (outside i18n/) that import `t` or `t_count` from mios_dashboard.i18n."""
    return [
        p for p in PACKAGE.rglob("*.py")
        if I18N_DIR not in p.parents and any(
            re.search(r"\bt(?:_count)?\b", names) for names in I18N_IMPORT.findall(p.read_text(encoding="utf-8"))
        )
    ]


# ---------- catalogues ----------

def test_supported_languages():
    assert SUPPORTED == ("es", "en")
    assert set(CATALOGUES) == set(SUPPORTED)


def test_every_entry_has_spanish_and_english_side_by_side():
    lopsided = [f"{capability}: {key}" for capability in CAPABILITIES
                for key, texts in messages(capability).items() if set(texts) != set(SUPPORTED)]
    assert lopsided == []


def test_no_key_is_defined_twice():
    owners: dict[str, list[str]] = {}
    for capability in CAPABILITIES:
        path = I18N_DIR / "catalogue" / f"{capability}.json"
        # object_pairs_hook sees a key repeated inside one file, which json.loads would silently collapse
        pairs = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=lambda items: items)
        for key, _ in pairs:
            owners.setdefault(key, []).append(capability)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_every_catalogue_file_is_merged():
    files = {path.stem for path in (I18N_DIR / "catalogue").glob("*.json")} - {"argparse_es"}
    assert files == set(CAPABILITIES)
    assert sum(len(messages(c)) for c in CAPABILITIES) == len(CATALOGUES["es"]) == len(CATALOGUES["en"])


@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_empty_values(lang):
    empty = [key for key, text in CATALOGUES[lang].items() if not isinstance(text, str) or not text.strip()]
    assert empty == []


def test_placeholders_match_between_languages():
    different = {
        key: (_placeholders(CATALOGUES["es"][key]), _placeholders(CATALOGUES["en"][key]))
        for key in CATALOGUES["es"]
        if _placeholders(CATALOGUES["es"][key]) != _placeholders(CATALOGUES["en"][key])
    }
    assert different == {}


def test_every_literal_key_used_in_the_package_exists():
    missing = []
    for path in _source_files():
        source = path.read_text(encoding="utf-8")
        for match in T_CALL.finditer(source):
            if not has_key(match.group(2)):
                missing.append(f"{path.relative_to(PACKAGE)}: {match.group(2)}")
        for match in T_COUNT_CALL.finditer(source):
            for form in ("one", "other"):
                if not has_key(f"{match.group(2)}.{form}"):
                    missing.append(f"{path.relative_to(PACKAGE)}: {match.group(2)}.{form}")
    assert missing == []


def test_every_key_like_string_in_ui_modules_exists():
    """Keys also travel through helpers (`_fact("field.owner", …)`): any string constant in a module that
    uses `t`, shaped like `<catalogue family>.<name>`, must be a key (or a counted `key.one/other` pair)."""
    families = {key.split(".", 1)[0] for key in CATALOGUES["es"]}
    shaped = re.compile(rf"^(?:{'|'.join(sorted(families))})\.[A-Za-z0-9_]+$")
    missing = []
    for path in _source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        f_string_parts = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
        for node in ast.walk(tree):
            if id(node) in f_string_parts:
                continue
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and shaped.match(node.value)
                    and not (has_key(node.value) or has_key(f"{node.value}.one"))):
                missing.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value}")
    assert missing == []


def test_the_scan_finds_the_board_keys():
    """Guard against a regex that silently matches nothing."""
    used = {m.group(2) for p in _source_files() for m in T_CALL.finditer(p.read_text(encoding="utf-8"))}
    assert {"board.title", "board.other_indicators", "board.empty_title", "nav.language"} <= used


@pytest.mark.parametrize(
    ("family", "members"),
    [
        ("status", ["green", "yellow", "red", "no_data", "stale"]),
        ("perspective", ["FIN", "CLI", "PRO", "APR"]),
        ("direction", ["higher", "lower", "range"]),
        ("frequency", ["daily", "weekly", "monthly", "quarterly", "yearly"]),
        ("aggregation", ["sum", "mean", "last", "min", "max"]),
        ("trend", ["improving", "stable", "worsening"]),
    ],
)
def test_data_driven_families_are_complete(family, members):
    assert [m for m in members if not has_key(f"{family}.{m}")] == []


@pytest.mark.parametrize(
    ("key", "es", "en"),
    [
        ("board.title", "Tablero de control directivo", "Directive control board"),
        ("status.green", "En meta", "On target"),
        ("status.yellow", "En riesgo", "At risk"),
        ("status.red", "Fuera de meta", "Off target"),
        ("status.no_data", "Sin dato", "No data"),
        ("status.stale", "Desactualizado", "Stale"),
        ("perspective.FIN", "Financiera", "Financial"),
        ("perspective.CLI", "Clientes", "Customer"),
        ("perspective.PRO", "Procesos internos", "Internal processes"),
        ("perspective.APR", "Aprendizaje y crecimiento", "Learning and growth"),
        ("field.target", "Meta", "Target"),
        ("field.actual", "Real", "Actual"),
        ("field.achievement", "Cumplimiento", "Achievement"),
        ("field.owner", "Responsable", "Owner"),
        ("field.due", "Fecha de cierre", "Due date"),
        ("trend.improving", "mejora", "improving"),
        ("trend.worsening", "empeora", "worsening"),
        ("direction.lower", "Menor es mejor", "Lower is better"),
        ("aggregation.mean", "Promedio", "Mean"),
        ("frequency.quarterly", "Trimestral", "Quarterly"),
    ],
)
def test_glossary_words(key, es, en):
    assert (t(key, "es"), t(key, "en")) == (es, en)


# ---------- t() and languages ----------

@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, "es"), ("", "es"), ("es", "es"), ("en", "en"), ("EN", "en"), (" en-US ", "en"), ("en_US", "en"),
     ("fr", "es"), (["en", "es"], "en"), ([], "es"), (42, "es")],
)
def test_normalize_lang(value, expected):
    assert normalize_lang(value) == expected


def test_t_fills_placeholders_and_defaults_to_spanish():
    assert t("board.period", period="dic 2025") == "Periodo: dic 2025"
    assert t("board.period", "en", period="Dec 2025") == "Period: Dec 2025"
    assert t("status.red", "de") == "Fuera de meta"


def test_t_never_raises_on_a_missing_key(caplog):
    assert t("no.such.key", "en") == "no.such.key"
    assert "no.such.key" in caplog.text


def test_t_or_and_t_count():
    assert t_or("perspective.FIN", "Finanzas", "en") == "Financial"
    assert t_or("perspective.SOS", "Sostenibilidad", "en") == "Sostenibilidad"
    assert t_count("board.objectives", 1, "es") == "1 objetivo"
    assert t_count("board.objectives", 3, "es") == "3 objetivos"
    assert t_count("board.indicators", 0, "en") == "0 indicators"


# ---------- formats ----------

@pytest.mark.parametrize("lang", ["es", "en"])
def test_numbers_use_comma_thousands_and_point_decimals(lang):
    # es_MX writes numbers like en_US: 1,234.5 (not Spain's 1.234,5).
    assert fmt_number(1234.5, lang) == "1,234.5"
    assert fmt_number(1234567.891, lang) == "1,234,568"
    assert fmt_number(0.853, lang) == "0.85"
    assert fmt_number(95.0, lang) == "95"
    assert fmt_number(3, lang, decimals=2) == "3.00"
    assert fmt_number(1234.5, lang, decimals=0) == "1,234"
    assert fmt_number(-0.001, lang) == "0"


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_missing_values_are_a_dash_never_zero(missing):
    assert fmt_number(missing, "es") == "—"
    assert fmt_percent(missing, "en") == "—"


def test_percentages():
    assert fmt_percent(0.953, "es") == "95.3%"
    assert fmt_percent(0.953, "en") == "95.3%"
    assert fmt_percent(1.2, "en", decimals=0) == "120%"
    assert fmt_percent(12.345, "es", decimals=2) == "1,234.50%"


def test_dates_and_months():
    day = dt.date(2025, 12, 1)
    assert fmt_date(day, "es") == "1 dic 2025"
    assert fmt_date(day, "en") == "Dec 1, 2025"
    assert fmt_date("2025-03-31", "es") == "31 mar 2025"
    assert fmt_date(dt.datetime(2025, 3, 31, 18, 5), "en") == "Mar 31, 2025"
    assert fmt_month(day, "es") == "dic 2025"
    assert fmt_month(day, "en") == "Dec 2025"
    assert fmt_month("2025-12-01", "es", long=True) == "diciembre 2025"
    assert fmt_month("2025-12-01", "en", long=True) == "December 2025"
    assert fmt_date(None, "es") == "—"
    assert fmt_month("not a date", "en") == "—"


def test_i18n_imports_stdlib_and_babel_only():
    allowed = set(sys.stdlib_module_names) | {"babel", "__future__"}
    foreign = []
    for path in I18N_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            foreign += [f"{path.name}: {n}" for n in names
                        if n.split(".")[0] not in allowed and not n.startswith("mios_dashboard.i18n")]
    assert foreign == []


def test_a_seeded_perspective_reads_in_the_readers_language_until_leadership_renames_it():
    assert i18n.perspective_name("CLI", "Clientes", "en") == "Customer"
    assert i18n.perspective_name("CLI", None, "en") == "Customer"
    assert i18n.perspective_name("CLI", "Clientes y mercado", "en") == "Clientes y mercado"  # renamed in /admin
    assert i18n.perspective_name("CLI", "Clientes y mercado", "es") == "Clientes y mercado"
    assert i18n.perspective_name("SOS", "Sostenibilidad", "en") == "Sostenibilidad"  # created in /admin
    assert i18n.perspective_name(None, None, "es") == i18n.MISSING
