"""The PHVA components (components/phva.py) from hand-built statuses: every message and reason the checks can
produce has its words in both languages, checks read without colour, links keep the language, and the strip."""
from __future__ import annotations

import datetime as dt

import pytest

from mios_dashboard.analytics import phva, phva_facts
from mios_dashboard.components import phva as ui
from mios_dashboard.i18n import has_key
from tests.component_tree import text_of, walk

TODAY = dt.date(2026, 1, 15)
DAY = dt.timedelta(days=1)


def classes(component) -> set[str]:
    return {c for node in walk(component) for c in (getattr(node, "className", None) or "").split()}


def _action(code, kind, status, due, closed=None, verified=None, opened=dt.date(2025, 6, 1)):
    return phva_facts.ActionFact(code, f"Acción {code}", kind, status, opened, due, closed, verified)


# Facts that break every check in every way it can break (plus the all-good and the empty cases below).
BROKEN = phva_facts.PhvaFacts(
    context_issues=(phva_facts.ContextIssueFact("Viejo", dt.date(2024, 1, 1)), phva_facts.ContextIssueFact("Nunca", None)),
    parties=(phva_facts.PartyFact("Gobierno", 0),),
    policy=phva_facts.PolicyFact(1, None, None),
    objectives=(phva_facts.ObjectiveFact("OBJ-01", "Ventas", None, None, None, None, None, 0),),
    risks=(phva_facts.RiskFact("RO-01", "Riesgo", None, None, None, None), phva_facts.RiskFact("RO-02", "Otro", 3, 3, dt.date(2025, 1, 1),
                                                                         dt.date(2025, 6, 1))),
    roles=(phva_facts.RoleFact("Compras", None, False),),
    last_review=phva_facts.ReviewFact(dt.date(2025, 1, 10), ""),
    actions=(_action("AC-01", "corrective", "open", TODAY - DAY), _action("AC-02", "meeting_decision", "open", None),
             _action("AC-03", "corrective", "not_effective", TODAY - 50 * DAY, TODAY - 40 * DAY, TODAY - 5 * DAY),
             _action("AC-04", "corrective", "closed", TODAY - 50 * DAY, TODAY - 60 * DAY)),
    operation_meetings=(TODAY - 30 * DAY,),
    indicators=(phva_facts.IndicatorFact("PER-02", "Capacitación", False, dt.date(2025, 7, 1)),
                phva_facts.IndicatorFact("NEW-01", "Nuevo", False, None)),
    month=dt.date(2025, 12, 1),
)
POLICY_BEFORE = phva_facts.PhvaFacts(policy=phva_facts.PolicyFact(2, dt.date(2025, 2, 1), dt.date(2025, 1, 1)),
                          actions=(_action("AC-09", "corrective", "in_progress", TODAY + DAY),))
GOOD = phva_facts.PhvaFacts(
    context_issues=(phva_facts.ContextIssueFact("Al día", TODAY),), parties=(phva_facts.PartyFact("Clientes", 2),),
    policy=phva_facts.PolicyFact(2, dt.date(2025, 2, 1), dt.date(2025, 2, 15)),
    objectives=(phva_facts.ObjectiveFact("OBJ-01", "Ventas", "a", "b", "c", TODAY, "e", 1),),
    risks=(phva_facts.RiskFact("RO-01", "Riesgo", 3, 3, TODAY, TODAY + DAY),), roles=(phva_facts.RoleFact("Calidad", "Mariana", True),),
    last_review=phva_facts.ReviewFact(TODAY - 30 * DAY, "Suficientes"),
    actions=(_action("AC-05", "improvement", "open", TODAY + DAY, opened=TODAY - DAY),
             _action("AC-06", "corrective", "effective", TODAY - DAY, TODAY - DAY, TODAY)),
    operation_meetings=(TODAY,), indicators=(phva_facts.IndicatorFact("VEN-01", "Ventas", True, dt.date(2025, 12, 1)),),
    month=dt.date(2025, 12, 1),
)
SCENARIOS = {"broken": BROKEN, "policy_before": POLICY_BEFORE, "good": GOOD, "empty": phva_facts.PhvaFacts()}


def all_checks():
    for name, facts in SCENARIOS.items():
        for stage in phva.evaluate(facts, TODAY)["stages"]:
            for check in stage["checks"]:
                yield name, check


def test_the_scenarios_cover_every_check_met_and_missing():
    seen = {(check["key"], check["met"]) for _, check in all_checks()}
    keys = {check.__name__ for _, _, check in phva.CHECKS}
    assert seen == {(key, met) for key in keys for met in (True, False)}


def test_every_message_reason_stage_and_link_target_has_its_words():
    missing = set()
    for _, check in all_checks():
        names = [f"phva.check_{check['key']}", f"phva.ev_{check['evidence']['message']}",
                 f"phva.stage_{check['stage']}", f"phva.letter_{check['stage']}"]
        names += [f"phva.reason_{r}" for g in check["gap"] for r in g["reasons"]]
        names += [f"phva.where_{(g['href'] or '/x/').split('/')[1]}" for g in check["gap"] if g["href"]]
        path = check["fix_href"].partition("?")[0].split("/")[1]
        names.append(f"phva.where_{path or 'board'}")
        missing |= {name for name in names if not has_key(name)}
    missing |= {f"iso.clause_{n}" for clauses in phva.STAGE_CLAUSES.values() for n in clauses
                if not has_key(f"iso.clause_{n}")}
    assert missing == set()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_check_renders_without_a_raw_key_or_placeholder(lang):
    for name, check in all_checks():
        text = text_of(ui.check_item(check, lang))
        assert "phva." not in text and "{" not in text, (name, check["key"], text)


def test_format_params_in_the_readers_locale():
    params = {"on": dt.date(2025, 3, 3), "month": dt.date(2025, 12, 1), "share": 0.9487, "count": 1234,
              "nothing": None, "code": "AC-05"}
    assert ui.format_params(params, "es") == {"on": "3 mar 2025", "month": "diciembre 2025", "share": "95%",
                                              "count": "1,234", "nothing": "—", "code": "AC-05"}
    assert ui.format_params(params, "en")["on"] == "Mar 3, 2025"
    assert ui.format_params(params, "en")["month"] == "December 2025"


@pytest.mark.parametrize(("path", "lang", "expected"), [
    ("/acciones", "es", "Acciones"), ("/revision", "en", "Management review"), ("/", "es", "Tablero"),
    ("/objetivo/OBJ-03", "es", "Objetivo OBJ-03"), ("/indicador/PER-02", "en", "Indicator PER-02"),
])
def test_where_names_the_page_a_link_leads_to(path, lang, expected):
    assert ui.where(path, lang) == expected


@pytest.fixture(autouse=True)
def registered_pages(monkeypatch):
    """The pages this release serves, as an app registers them (links are drawn only to registered pages)."""
    import dash

    for path in ("/", "/evaluacion", "/phva", "/importar"):
        monkeypatch.setitem(dash.page_registry, f"test{path}", {"path": path, "path_template": None})
    for template in ("/objetivo/<code>", "/indicador/<code>"):
        monkeypatch.setitem(dash.page_registry, f"test{template}", {"path": template, "path_template": template})


def _check(key: str, facts: phva_facts.PhvaFacts) -> dict:
    return next(c for s in phva.evaluate(facts, TODAY)["stages"] for c in s["checks"] if c["key"] == key)


def test_a_met_check_reads_met_in_black_and_white_and_links_to_its_records():
    check = _check("actions_on_time", GOOD)
    item = ui.check_item(check, "es")
    assert getattr(item, "data-met") == "true" and "mios-phva-check--met" in classes(item)
    assert "Cumple" in text_of(item) and "bi-check-circle-fill" in classes(item)
    # /acciones is not a page yet: no link is drawn to it (it would land on the not-found page).
    assert not [n for n in walk(item) if "mios-phva-fix" in (getattr(n, "className", None) or "")]


def test_a_missing_check_shows_its_gap_its_cross_and_a_fix_link_in_english():
    check = _check("actions_on_time", BROKEN)
    item = ui.check_item(check, "en")
    text = text_of(item)
    assert getattr(item, "data-met") == "false" and "bi-x-circle-fill" in classes(item)
    assert "Missing" in text and "AC-01" in text and "overdue since Jan 14, 2026" in text and "no due date" in text
    assert not [n for n in walk(item) if "mios-phva-fix" in (getattr(n, "className", None) or "")]  # no page yet


def test_gap_items_link_to_their_page_and_count_what_is_not_listed():
    check = {**_check("indicators_measured", BROKEN), "gap_total": 4}
    gap = ui.gap_list(check, "en")
    links = [n.href for n in walk(gap) if getattr(n, "href", None)]
    assert links == ["/indicador/NEW-01?lang=en", "/indicador/PER-02?lang=en"]
    assert "and 2 more" in text_of(gap)
    assert ui.gap_list({"gap": []}, "es") is None


def test_stage_card_names_the_stage_its_clauses_and_its_share():
    status = phva.evaluate(BROKEN, TODAY)
    plan = ui.stage_card(status["stages"][0], "es")
    text = text_of(plan)
    for words in ("P", "Planificar", "Contexto de la organización", "Liderazgo", "Planificación", "0%", "0 de 5"):
        assert words in text
    assert getattr(plan, "data-stage") == "plan" and "mios-phva-stage--red" in classes(plan)
    assert len([n for n in walk(plan) if "mios-phva-check" in (getattr(n, "className", None) or "").split()]) == 5


def test_page_view_has_header_and_four_stages():
    status = phva.evaluate(GOOD, TODAY)
    view = ui.phva_view(status, "en")
    text = " ".join(text_of(part) for part in view)
    assert "PDCA cycle" in text and "13 of 13 checks met" in text and "100%" in text and "Jan 15, 2026" in text
    assert [getattr(s, "data-stage") for part in view for s in walk(part) if hasattr(s, "data-stage")
            and "mios-phva-stage" in s.className.split()] == ["plan", "do", "check", "act"]


@pytest.mark.parametrize(("lang", "letters", "href"), [("es", "PHVA", "/phva"), ("en", "PDCA", "/phva?lang=en")])
def test_strip_has_four_segments_with_letter_icon_and_percentage(lang, letters, href):
    strip = ui.phva_strip(phva.evaluate(BROKEN, TODAY), lang)
    assert strip.id == ui.Ids.STRIP and strip.href == href
    segments = [n for n in walk(strip) if "mios-phva-strip__seg" in (getattr(n, "className", None) or "").split()]
    assert [getattr(s, "data-stage") for s in segments] == ["plan", "do", "check", "act"]
    assert "".join(text_of(s)[0] for s in segments) == letters
    assert all(any(c.startswith("bi-") for c in classes(s)) and "%" in text_of(s) for s in segments)
    assert {c for s in segments for c in s.className.split()} >= {"mios-phva-strip__seg--red"}
    spoken = next(n for n in walk(strip) if getattr(n, "className", None) == "visually-hidden")
    assert spoken.children.startswith("Ciclo PHVA:" if lang == "es" else "PDCA cycle:")


def test_strip_of_a_status_without_stages_is_still_a_link():
    strip = ui.phva_strip({}, "es")
    assert strip.href == "/phva" and "Ciclo PHVA" in text_of(strip)


def test_phva_ids_are_unique():
    values = [member.value for member in ui.Ids]
    assert len(values) == len(set(values)) and all(v.startswith("mios-phva") for v in values)


def test_a_fix_link_opens_the_section_of_its_page_in_the_readers_language(monkeypatch):
    import dash

    monkeypatch.setitem(dash.page_registry, "test/contexto", {"path": "/contexto", "path_template": None})
    check = {"key": "context_reviewed", "met": False, "fix_href": "/contexto?seccion=foda"}
    spanish, english = ui.fix_link(check, "es"), ui.fix_link(check, "en")
    assert spanish is not None and english is not None
    assert spanish.href == "/contexto?seccion=foda" and "Contexto" in text_of(spanish)
    assert english.href == "/contexto?lang=en&seccion=foda" and "Context" in text_of(english)
    assert ui.fix_link({**check, "fix_href": "/acciones?vencidas=1"}, "es") is None  # no such page yet
