"""Components built from hand-made board dicts: lights readable without colour, cards and rows, the shell's
links, and the rules of assets/ (offline, vendor first, no inline styles)."""
from __future__ import annotations

import re
from pathlib import Path

import dash
import pytest
from dash import html

from mios_dashboard.components import shell
from mios_dashboard.components.board.cards import format_measure, format_target, indicator_row, objective_card
from mios_dashboard.components.board.perspective import perspective_name, perspective_section, perspective_tile
from mios_dashboard.components.status import STATUS_ICONS, STATUSES, normalize_status, status_badge, status_counts
from tests.component_tree import text_of, walk

REPO = Path(__file__).resolve().parents[3]
ASSETS = REPO / "assets"
UI_DIRS = [REPO / "mios_dashboard" / d for d in ("components", "pages", "figures")]


def classes(component) -> set[str]:
    return {c for node in walk(component) for c in (getattr(node, "className", None) or "").split()}


def indicator(code="VEN-01", **overrides):
    row = {
        "code": code, "name": "Ventas netas", "unit": "$", "direction": "higher", "frequency": "monthly",
        "period": "2025-12-01", "actual": 4_812_300.0, "target": 4_500_000.0, "target_min": None,
        "target_max": None, "achievement": 1.0694, "status": "green", "trend": "improving", "decimals": 0,
        "last_period": "2025-12-01", "objective": "FIN-O1", "perspective": "FIN",
    }
    return {**row, **overrides}


OBJECTIVE = {"code": "FIN-O1", "title": "Incrementar la rentabilidad", "score": 0.983, "status": "yellow",
             "owner": "Director general", "due": "2025-12-31", "process": None, "indicators": ["VEN-01", "FIN-02"]}
PERSPECTIVE = {"code": "FIN", "name": "Financiera", "score": 0.968, "status": "yellow",
               "objectives": [OBJECTIVE], "loose_indicators": ["FIN-04"]}
INDICATORS = {
    "VEN-01": indicator(),
    "FIN-02": indicator("FIN-02", name="Margen bruto", unit="%", actual=31.4, target=35.0, achievement=0.897,
                        status="red", trend="worsening", decimals=1),
    "FIN-04": indicator("FIN-04", name="Liquidez corriente", unit="veces", direction="range", actual=1.6,
                        target=None, target_min=1.2, target_max=2.0, achievement=1.0, decimals=2, objective=None),
}


# ---------- traffic lights ----------

@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize(("lang", "words"), [
    ("es", {"green": "En meta", "yellow": "En riesgo", "red": "Fuera de meta", "no_data": "Sin dato",
            "stale": "Desactualizado"}),
    ("en", {"green": "On target", "yellow": "At risk", "red": "Off target", "no_data": "No data", "stale": "Stale"}),
])
def test_status_badge_has_colour_icon_and_word(status, lang, words):
    badge = status_badge(status, lang)
    assert f"mios-status--{status}" in badge.className  # the colour
    icons = [n for n in walk(badge) if isinstance(n, html.I)]
    assert len(icons) == 1 and STATUS_ICONS[status] in icons[0].className  # the shape
    assert getattr(icons[0], "aria-hidden") == "true"
    assert text_of(badge) == words[status]  # the word


def test_every_status_has_its_own_icon_shape():
    assert len(set(STATUS_ICONS.values())) == len(STATUSES)


@pytest.mark.parametrize("odd", [None, "", "purple", 3])
def test_unknown_status_reads_as_no_data(odd):
    assert normalize_status(odd) == "no_data"
    assert text_of(status_badge(odd, "en")) == "No data"


def test_status_counts_in_fixed_order_with_zeros():
    counts = status_counts({"green": 5, "red": 2}, "es")
    items = [n for n in walk(counts) if isinstance(n, html.Li)]
    assert [getattr(i, "data-status") for i in items] == list(STATUSES)
    assert [text_of(i) for i in items] == ["5 En meta", "0 En riesgo", "2 Fuera de meta", "0 Sin dato",
                                          "0 Desactualizado"]


# ---------- values ----------

@pytest.mark.parametrize(("value", "unit", "decimals", "expected"), [
    (95.25, "%", 1, "95.2%"),  # Babel rounds half to even
    (95.3, "%", None, "95.3%"),
    (4_812_300.0, "$", 0, "$4,812,300"),
    (12, "días", None, "12 días"),
    (1.5, "", None, "1.5"),
    (None, "%", 1, "—"),
])
def test_format_measure(value, unit, decimals, expected):
    assert format_measure(value, unit, "es", decimals) == expected


@pytest.mark.parametrize(("overrides", "expected"), [
    ({"direction": "higher", "target": 95.0, "unit": "%", "decimals": 1}, "≥ 95.0%"),
    ({"direction": "lower", "target": 3, "unit": "días", "decimals": None}, "≤ 3 días"),
    ({"direction": "range", "target_min": 80, "target_max": 90, "unit": "%", "decimals": 0}, "80 – 90%"),
    ({"direction": "range", "target_min": 1000, "target_max": 2000, "unit": "$", "decimals": 0}, "$1,000 – $2,000"),
    ({"direction": "higher", "target": None}, "—"),
])
def test_format_target_shows_the_direction(overrides, expected):
    assert format_target(indicator(**overrides), "en") == expected


def test_indicator_row_reads_code_name_actual_target_achievement_trend_light():
    row = indicator_row(INDICATORS["FIN-02"], "es")
    assert text_of(row) == "FIN-02 Margen bruto 31.4% ≥ 35.0% 89.7% empeora Fuera de meta"
    assert {"mios-status--red", "mios-trend--worsening", "bi-arrow-down-right"} <= classes(row)


def test_trend_is_an_arrow_with_its_word_for_readers_and_tooltips():
    from mios_dashboard.components.status import trend_mark

    compact = trend_mark("improving", "en", compact=True)
    assert compact.title == "Trend: improving" and "visually-hidden" in classes(compact)
    assert "visually-hidden" not in classes(trend_mark("stable", "es"))
    assert trend_mark(None, "es") is None and trend_mark("sideways", "es") is None


def test_stale_indicator_says_when_its_last_value_was():
    row = indicator_row(indicator(status="stale", actual=None, achievement=None, last_period="2025-09-01"), "en")
    assert "last value: Sep 2025" in text_of(row)
    assert "Stale" in text_of(row)


# ---------- cards and sections ----------

def test_objective_card_shows_code_title_light_score_owner_due_and_indicators():
    card = objective_card(OBJECTIVE, [INDICATORS["VEN-01"], INDICATORS["FIN-02"]], "es")
    text = text_of(card)
    for piece in ("FIN-O1", "Incrementar la rentabilidad", "98.3%", "En riesgo", "Responsable", "Director general",
                  "Fecha de cierre", "31 dic 2025", "VEN-01", "$4,812,300", "FIN-02"):
        assert piece in text
    assert "mios-objective--yellow" in card.className


def test_objective_without_indicators_says_so():
    assert "This objective has no indicators yet." in text_of(objective_card({**OBJECTIVE, "due": None}, [], "en"))


def test_perspective_section_lists_objectives_then_other_indicators():
    section = perspective_section(PERSPECTIVE, INDICATORS, "en")
    text = text_of(section)
    assert text.startswith("Financial 1 objective 3 indicators 96.8% At risk")
    assert text.index("FIN-O1") < text.index("Other indicators") < text.index("FIN-04")
    assert "1.20 – 2.00 veces" in text
    assert section.id == "perspective-FIN"


def test_perspective_section_skips_unknown_codes_and_handles_an_empty_perspective():
    lonely = {**PERSPECTIVE, "objectives": [{**OBJECTIVE, "indicators": ["GONE-1"]}], "loose_indicators": ["GONE-2"]}
    assert "GONE" not in text_of(perspective_section(lonely, INDICATORS, "es"))
    empty = {"code": "APR", "name": "Aprendizaje y crecimiento", "score": None, "status": "no_data",
             "objectives": [], "loose_indicators": []}
    assert "Esta perspectiva todavía no tiene objetivos ni indicadores." in text_of(perspective_section(empty, {}, "es"))


def test_perspective_names_translate_by_code_and_keep_user_names():
    assert perspective_name(PERSPECTIVE, "en") == "Financial"
    assert perspective_name({"code": "SOS", "name": "Sostenibilidad"}, "en") == "Sostenibilidad"
    tile = perspective_tile(PERSPECTIVE, "es")
    assert tile.href == "#perspective-FIN" and text_of(tile) == "Financiera 96.8% En riesgo"


# ---------- shell ----------

def test_component_ids_are_unique_strings_across_capabilities():
    from mios_dashboard.pages import board, drilldown, evaluation, imports, phva

    values = [member.value for ids in (shell.Ids, board.Ids, drilldown.Ids, evaluation.Ids, imports.Ids, phva.Ids)
              for member in ids]
    assert len(values) == len(set(values)) and all(v.startswith("mios-") for v in values)


@pytest.mark.parametrize(("path", "lang", "params", "expected"), [
    ("/", "es", None, "/"),
    ("/", "en", None, "/?lang=en"),
    ("/", "en", {"period": "2025-12", "lang": "es"}, "/?lang=en&period=2025-12"),
    ("/", "es", {"lang": "en", "period": "2025-12"}, "/?period=2025-12"),
    ("/objetivo/FIN-O1", "en", {"period": ""}, "/objetivo/FIN-O1?lang=en"),
])
def test_localized_href_keeps_the_language_and_other_parameters(path, lang, params, expected):
    assert shell.localized_href(path, lang, params) == expected


@pytest.mark.parametrize(("search", "lang"), [("", "es"), (None, "es"), ("?lang=en", "en"), ("?lang=EN&x=1", "en"),
                                              ("?lang=fr", "es"), ("?lang=en&lang=es", "en")])
def test_language_comes_from_the_url(search, lang):
    assert shell.lang_from_search(search) == lang


def _by_id(tree, component_id):
    return next(n for n in walk(tree) if getattr(n, "id", None) == component_id)


@pytest.fixture
def nav_registered(monkeypatch):
    """The navbar's pages as if an app had registered them (the navbar draws only registered pages)."""
    import dash

    for path, _, _ in shell.NAV_PAGES:
        monkeypatch.setitem(dash.page_registry, f"test{path}", {"path": path, "path_template": None})


def test_navbar_in_english_links_back_to_spanish_keeping_the_period(nav_registered):
    bar = shell.navbar("/", "?lang=en&period=2025-12")
    text = text_of(bar)
    assert "Directive control board" in text and "Board" in text
    spanish, english = _by_id(bar, shell.Ids.LANG_ES), _by_id(bar, shell.Ids.LANG_EN)
    assert spanish.href == "/?period=2025-12"
    assert not hasattr(english, "href") and getattr(english, "aria-current") == "true"


def test_navbar_links_only_to_pages_that_exist():
    """Every navbar path is registered by a page package (`register_page(…, path="<path>", …)`)."""
    pages = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "mios_dashboard" / "pages").rglob("*.py"))
    paths = [path for path, _, _ in shell.NAV_PAGES]
    assert paths[0] == "/"
    assert [path for path in paths if f'path="{path}"' not in pages and f'PATH = "{path}"' not in pages] == []


def test_init_app_installs_layout_and_callbacks():
    app = dash.Dash(__name__)
    shell.init_app(app)
    assert app.layout is shell.layout
    navbar_outputs = [key for key in app.callback_map if shell.Ids.NAVBAR.value in key]
    assert len(navbar_outputs) == 1


# ---------- assets and style rules ----------

def test_vendor_stylesheets_load_before_ours():
    # Dash links the top of assets/ first, sorted by name, then sub-folders: vendor CSS must be top-level and
    # sort before mios.css, or Bootstrap would override our rules.
    top_level_css = sorted(p.name for p in ASSETS.glob("*.css"))
    assert top_level_css[:2] == ["00-bootstrap-5.3.9.min.css", "01-bootstrap-icons-1.13.2.min.css"]
    assert top_level_css.index("mios.css") > 1


def test_icon_font_is_served_locally():
    css = (ASSETS / "01-bootstrap-icons-1.13.2.min.css").read_text(encoding="utf-8")
    for font in re.findall(r'url\("?([^")?]+)', css):
        assert (ASSETS / font).is_file(), font


@pytest.mark.parametrize("css", sorted(p.name for p in ASSETS.rglob("*.css")))
def test_no_cdn_or_remote_resource_in_css(css):
    text = (ASSETS / css).read_text(encoding="utf-8")
    assert not re.search(r"""url\(\s*['"]?(?:https?:)?//""", text)
    assert "@import" not in text
    assert "sourceMappingURL" not in text  # the maps are not shipped: no 404 in the console


def test_our_stylesheet_has_the_status_palette_and_a_print_sheet():
    css = (ASSETS / "mios.css").read_text(encoding="utf-8")
    for status in STATUSES:
        assert f".mios-status--{status}" in css
    assert "@media print" in css and "A4 landscape" in css


def test_no_inline_style_dicts_in_ui_code():
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for folder in UI_DIRS
        for path in folder.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bstyle\s*=", line)
    ]
    assert offenders == []


def test_pages_import_only_services_components_figures_i18n_web_and_errors():
    allowed = ("mios_dashboard.services", "mios_dashboard.components", "mios_dashboard.figures", "mios_dashboard.i18n",
               "mios_dashboard.web", "mios_dashboard.errors", "mios_dashboard.pages")
    offenders = []
    for path in (REPO / "mios_dashboard" / "pages").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"\s*(?:from|import)\s+(mios_dashboard[\w.]*|\.+[\w.]*)", line)
            if match and not match.group(1).startswith(allowed):
                offenders.append(f"{path.name}: {line.strip()}")
    assert offenders == []


def test_navbar_links_carry_the_month_and_language_but_not_the_filters(nav_registered):
    from mios_dashboard.components.shell import navbar

    hrefs = []

    def walk(node):
        href = getattr(node, "href", None)
        if isinstance(href, str):
            hrefs.append(href)
        children = getattr(node, "children", None)
        for child in children if isinstance(children, (list, tuple)) else [children]:
            if child is not None and not isinstance(child, str):
                walk(child)

    walk(navbar("/", "?lang=en&period=2025-11&owner=Ana"))
    assert "/evaluacion?period=2025-11&lang=en" in hrefs or "/evaluacion?lang=en&period=2025-11" in hrefs
    assert not any("owner=" in h for h in hrefs if h.startswith(("/evaluacion", "/phva", "/importar")))
