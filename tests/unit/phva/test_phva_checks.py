"""The PHVA evidence checks (analytics/phva.py) on hand-built facts: met and missing, and the boundaries
(exactly 12 months, due today, exactly 10 days) that decide between them."""
from __future__ import annotations

import datetime as dt

import pytest

from mios_dashboard.analytics import phva, phva_facts

TODAY = dt.date(2026, 1, 15)
DAY = dt.timedelta(days=1)
A_YEAR_AGO = dt.date(2025, 1, 15)


def facts(**fields) -> phva_facts.PhvaFacts:
    return phva_facts.PhvaFacts(**fields)


def gap_refs(check: dict) -> list:
    return [g["ref"] if g["ref"] is not None else g["label"] for g in check["gap"]]


def reasons(check: dict) -> list[list[str]]:
    return [g["reasons"] for g in check["gap"]]


def objective(code="OBJ-01", **overrides) -> phva_facts.ObjectiveFact:
    row = dict(code=code, title="Ventas", plan_what="Plan", plan_resources="Vendedores", plan_owner="Director",
               plan_due=dt.date(2026, 12, 31), plan_evaluation="VEN-01 mensual", indicators=1)
    return phva_facts.ObjectiveFact(**{**row, **overrides})


def action(code="AC-01", kind="corrective", status="open", opened=dt.date(2025, 10, 1), due=None, closed=None,
           verified=None) -> phva_facts.ActionFact:
    return phva_facts.ActionFact(code, f"Acción {code}", kind, status, opened, due, closed, verified)


# ---------- calendar ----------

@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2025, 3, 31), 1, dt.date(2025, 2, 28)),
    (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),
    (dt.date(2026, 1, 15), 12, dt.date(2025, 1, 15)),
    (dt.date(2026, 1, 15), -2, dt.date(2026, 3, 15)),
])
def test_months_before_clamps_to_shorter_months(day, months, expected):
    assert phva.months_before(day, months) == expected


def test_the_month_due_is_the_newest_complete_month():
    assert phva.due_month(TODAY) == dt.date(2025, 12, 1)
    assert phva.due_month(dt.date(2026, 3, 1)) == dt.date(2026, 2, 1)


# ---------- Planificar ----------

def test_context_reviewed_exactly_twelve_months_ago_is_met():
    check = phva.context_reviewed(facts(context_issues=(phva_facts.ContextIssueFact("Proveedor único", A_YEAR_AGO),
                                                        phva_facts.ContextIssueFact("Nearshoring", TODAY - 30 * DAY))), TODAY)
    assert check["met"] and check["gap"] == []
    assert check["evidence"] == {"message": "context_reviewed",
                                 "params": {"reviewed": 2, "total": 2, "oldest_on": A_YEAR_AGO}}


def test_context_reviewed_a_day_older_or_never_is_missing_oldest_first():
    check = phva.context_reviewed(facts(context_issues=(phva_facts.ContextIssueFact("Viejo", A_YEAR_AGO - DAY),
                                                        phva_facts.ContextIssueFact("Nunca", None),
                                                        phva_facts.ContextIssueFact("Al día", TODAY))), TODAY)
    assert not check["met"]
    assert gap_refs(check) == ["Nunca", "Viejo"] and reasons(check) == [["never_reviewed"], ["reviewed_on"]]
    assert check["gap"][1]["params"] == {"date": A_YEAR_AGO - DAY}
    assert check["evidence"]["params"]["reviewed"] == 1 and check["fix_href"] == "/contexto?seccion=foda"


def test_no_context_issues_is_missing():
    check = phva.context_reviewed(facts(), TODAY)
    assert not check["met"] and check["evidence"]["message"] == "context_none"


def test_parties_need_at_least_one_requirement_each():
    good = phva.parties_recorded(facts(parties=(phva_facts.PartyFact("Clientes", 3), phva_facts.PartyFact("Banca", 1))), TODAY)
    assert good["met"] and good["evidence"]["params"] == {"with_requirements": 2, "total": 2, "requirements": 4}
    bad = phva.parties_recorded(facts(parties=(phva_facts.PartyFact("Clientes", 3), phva_facts.PartyFact("Gobierno", 0))), TODAY)
    assert not bad["met"] and gap_refs(bad) == ["Gobierno"] and reasons(bad) == [["no_requirements"]]
    assert phva.parties_recorded(facts(), TODAY)["evidence"]["message"] == "parties_none"


@pytest.mark.parametrize(("policy", "met", "why"), [
    (phva_facts.PolicyFact(2, dt.date(2025, 2, 15), dt.date(2025, 3, 1)), True, []),
    (phva_facts.PolicyFact(2, dt.date(2025, 2, 15), dt.date(2025, 2, 15)), True, []),
    (phva_facts.PolicyFact(2, dt.date(2025, 2, 15), None), False, [["not_communicated"]]),
    (phva_facts.PolicyFact(2, dt.date(2025, 2, 15), dt.date(2025, 2, 1)), False, [["communicated_before"]]),
    (phva_facts.PolicyFact(1, None, None), False, [["not_approved", "not_communicated"]]),
])
def test_policy_in_force_approved_and_communicated(policy, met, why):
    check = phva.policy_communicated(facts(policy=policy), TODAY)
    assert (check["met"], reasons(check)) == (met, why)


def test_no_policy_in_force_is_missing():
    assert phva.policy_communicated(facts(), TODAY)["evidence"]["message"] == "policy_none"


def test_risk_review_due_today_is_on_time_yesterday_is_overdue():
    risks = (phva_facts.RiskFact("RO-01", "Tipo de cambio", 4, 4, dt.date(2025, 8, 1), TODAY),
             phva_facts.RiskFact("RO-02", "Proveedor único", 3, 5, dt.date(2025, 8, 1), TODAY - DAY),
             phva_facts.RiskFact("RO-03", "Sismo", 1, 5, dt.date(2025, 8, 1), dt.date(2026, 4, 1)))
    check = phva.risks_assessed(facts(risks=risks), TODAY)
    assert not check["met"] and gap_refs(check) == ["RO-02"] and reasons(check) == [["review_overdue"]]
    assert check["gap"][0]["params"]["date"] == TODAY - DAY
    assert check["evidence"]["params"] == {"ok": 2, "total": 3, "next_on": TODAY}
    assert check["fix_href"] == "/riesgos?vencidas=1"  # the register filtered to overdue reviews


def test_risk_without_review_date_is_due_a_year_after_its_assessment():
    on_time = phva_facts.RiskFact("RO-01", "Tipo de cambio", 4, 4, A_YEAR_AGO, None)
    late = phva_facts.RiskFact("RO-02", "Proveedor", 4, 4, A_YEAR_AGO - DAY, None)
    assert phva.risks_assessed(facts(risks=(on_time,)), TODAY)["met"]
    assert reasons(phva.risks_assessed(facts(risks=(late,)), TODAY)) == [["review_overdue"]]


def test_unscored_or_unassessed_risks_are_missing():
    check = phva.risks_assessed(facts(risks=(phva_facts.RiskFact("RO-01", "Sin evaluar", None, 3, None, None),)), TODAY)
    assert reasons(check) == [["not_scored", "not_assessed"]]
    assert phva.risks_assessed(facts(), TODAY)["evidence"]["message"] == "risks_none"


def test_objectives_need_five_plan_fields_and_an_indicator():
    complete = phva.objectives_planned(facts(objectives=(objective(),)), TODAY)
    assert complete["met"] and complete["fix_href"] == "/admin?seccion=objetivos"
    check = phva.objectives_planned(facts(objectives=(
        objective(), objective("OBJ-02", plan_resources="  ", indicators=0), objective("OBJ-03", plan_due=None),
    )), TODAY)
    assert not check["met"] and gap_refs(check) == ["OBJ-02", "OBJ-03"]
    assert reasons(check) == [["plan_resources", "no_indicator"], ["plan_due"]]
    assert check["fix_href"] == "/objetivo/OBJ-02" and check["gap"][1]["href"] == "/objetivo/OBJ-03"
    assert check["evidence"]["params"] == {"complete": 1, "total": 3}
    assert phva.objectives_planned(facts(), TODAY)["evidence"]["message"] == "objectives_none"


# ---------- Hacer ----------

def test_roles_need_a_person_each_and_a_representative():
    rep = phva_facts.RoleFact("Gerente de Calidad", "Ing. Mariana Fuentes", True)
    good = phva.roles_assigned(facts(roles=(rep, phva_facts.RoleFact("Director", "Lic. Ruiz", False))), TODAY)
    assert good["met"] and good["evidence"]["params"]["representative"] == "Ing. Mariana Fuentes"
    check = phva.roles_assigned(facts(roles=(phva_facts.RoleFact("Director", "Lic. Ruiz", False), phva_facts.RoleFact("Compras", "", False))),
                                TODAY)
    assert not check["met"] and reasons(check) == [["no_representative"], ["no_person"]]
    assert gap_refs(check) == [None, "Compras"]
    vacant_rep = phva.roles_assigned(facts(roles=(phva_facts.RoleFact("Gerente de Calidad", None, True),)), TODAY)
    assert not vacant_rep["met"] and ["no_representative"] in reasons(vacant_rep)
    assert phva.roles_assigned(facts(), TODAY)["evidence"]["message"] == "roles_none"


def test_resources_in_objectives_and_in_the_last_review():
    review = phva_facts.ReviewFact(dt.date(2025, 9, 11), "Falta un técnico de mantenimiento.")
    assert phva.resources_recorded(facts(objectives=(objective(),), last_review=review), TODAY)["met"]
    no_review = phva.resources_recorded(facts(objectives=(objective(),)), TODAY)
    assert reasons(no_review) == [["no_review"]] and no_review["fix_href"] == "/revision"
    silent = phva.resources_recorded(facts(objectives=(objective(),), last_review=review._replace(resources_adequacy="")),
                                     TODAY)
    assert reasons(silent) == [["review_no_resources"]] and silent["gap"][0]["params"]["date"] == review.held_on
    bare = phva.resources_recorded(facts(objectives=(objective("OBJ-09", plan_resources=None),), last_review=review),
                                   TODAY)
    assert gap_refs(bare) == ["OBJ-09"] and bare["fix_href"] == "/objetivo/OBJ-09"
    assert reasons(phva.resources_recorded(facts(last_review=review), TODAY)) == [["no_objectives"]]


def test_an_action_due_today_is_on_time_one_due_yesterday_is_overdue():
    on_time = phva.actions_on_time(facts(actions=(action(due=TODAY), action("AC-02", status="in_progress",
                                                                            due=TODAY + DAY))), TODAY)
    assert on_time["met"] and on_time["evidence"] == {"message": "actions_on_time", "params": {"open": 2}}
    late = phva.actions_on_time(facts(actions=(
        action("AC-01", due=TODAY - DAY), action("AC-02", status="in_progress", due=TODAY - 30 * DAY),
        action("AC-03", status="closed", due=TODAY - 60 * DAY, closed=TODAY - 70 * DAY), action("AC-04", due=TODAY),
    )), TODAY)
    assert not late["met"] and gap_refs(late) == ["AC-02", "AC-01"]
    assert late["evidence"] == {"message": "actions_overdue",
                                "params": {"overdue": 2, "open": 3, "oldest_on": TODAY - 30 * DAY}}
    assert late["fix_href"] == "/acciones"


def test_open_actions_without_a_due_date_are_a_gap_and_none_open_is_met():
    undated = phva.actions_on_time(facts(actions=(action(due=None),)), TODAY)
    assert not undated["met"] and reasons(undated) == [["no_due_date"]]
    none_open = phva.actions_on_time(facts(actions=(action(status="effective", due=TODAY - DAY,
                                                           closed=TODAY - DAY, verified=TODAY),)), TODAY)
    assert none_open["met"] and none_open["evidence"]["message"] == "actions_none"


def test_gaps_list_the_first_five_and_count_the_rest():
    many = tuple(action(f"AC-{n:02}", due=TODAY - n * DAY) for n in range(1, 8))
    check = phva.actions_on_time(facts(actions=many), TODAY)
    assert len(check["gap"]) == phva.GAP_LIMIT == 5 and check["gap_total"] == 7
    assert gap_refs(check)[0] == "AC-07"


# ---------- Verificar ----------

def test_indicators_measured_for_the_month_due():
    month = dt.date(2025, 12, 1)
    measured = (phva_facts.IndicatorFact("VEN-01", "Ventas", True, month), phva_facts.IndicatorFact("FIN-01", "Margen", True, month))
    check = phva.indicators_measured(facts(indicators=measured, month=month), TODAY)
    assert check["met"] and check["evidence"]["params"] == {"measured": 2, "total": 2, "month": month, "share": 1.0}
    check = phva.indicators_measured(facts(month=month, indicators=measured + (
        phva_facts.IndicatorFact("PER-02", "Capacitación", False, dt.date(2025, 7, 1)), phva_facts.IndicatorFact("NEW-01", "Nuevo", False, None),
    )), TODAY)
    assert not check["met"] and gap_refs(check) == ["NEW-01", "PER-02"]
    assert reasons(check) == [["never_measured"], ["last_value"]]
    assert check["gap"][1]["params"] == {"month": dt.date(2025, 7, 1)} and check["gap"][1]["href"] == "/indicador/PER-02"
    assert check["evidence"]["params"]["share"] == 0.5 and check["fix_href"] == "/importar"
    assert phva.indicators_measured(facts(), TODAY)["evidence"]["message"] == "indicators_none"


@pytest.mark.parametrize(("days_ago", "met"), [(0, True), (7, True), (10, True), (11, False), (17, False)])
def test_weekly_meeting_within_ten_days(days_ago, met):
    check = phva.weekly_meetings(facts(operation_meetings=(TODAY - 40 * DAY, TODAY - days_ago * DAY)), TODAY)
    assert check["met"] is met
    assert check["evidence"]["params"]["last_on"] == TODAY - days_ago * DAY
    assert reasons(check) == ([] if met else [["meeting_overdue"]])


def test_future_meetings_are_not_held_and_recent_ones_are_counted():
    check = phva.weekly_meetings(facts(operation_meetings=(TODAY - 20 * DAY, TODAY - 13 * DAY, TODAY - 6 * DAY,
                                                           TODAY + 5 * DAY)), TODAY)
    assert check["met"] and check["evidence"]["params"] == {"last_on": TODAY - 6 * DAY, "recent": 3}
    assert phva.weekly_meetings(facts(operation_meetings=(TODAY + DAY,)), TODAY)["evidence"]["message"] == "meetings_none"


def test_management_review_due_today_is_within_its_interval():
    due_today = phva.review_in_interval(facts(last_review=phva_facts.ReviewFact(dt.date(2025, 7, 15), "ok")), TODAY)
    assert due_today["met"] and due_today["evidence"]["params"] == {
        "held_on": dt.date(2025, 7, 15), "due_on": TODAY, "months": 6}
    late = phva.review_in_interval(facts(last_review=phva_facts.ReviewFact(dt.date(2025, 7, 14), "ok")), TODAY)
    assert not late["met"] and reasons(late) == [["review_overdue"]] and late["fix_href"] == "/revision"
    yearly = phva.review_in_interval(facts(last_review=phva_facts.ReviewFact(dt.date(2025, 7, 14), "ok"),
                                           review_interval_months=12), TODAY)
    assert yearly["met"]
    assert phva.review_in_interval(facts(), TODAY)["evidence"]["message"] == "review_none"


# ---------- Actuar ----------

def test_corrective_actions_closed_on_time_and_verified_effective():
    good = action(status="effective", due=TODAY - 40 * DAY, closed=TODAY - 40 * DAY, verified=TODAY - 10 * DAY)
    check = phva.corrective_effective(facts(actions=(good,)), TODAY)
    assert check["met"] and check["evidence"] == {"message": "corrective_effective",
                                                  "params": {"ok": 1, "total": 1, "in_progress": 0}}
    check = phva.corrective_effective(facts(actions=(
        good,
        action("AC-02", status="effective", due=TODAY - 40 * DAY, closed=TODAY - 38 * DAY, verified=TODAY),
        action("AC-03", status="not_effective", due=TODAY - 40 * DAY, closed=TODAY - 41 * DAY, verified=TODAY),
        action("AC-04", status="closed", due=TODAY - 40 * DAY, closed=TODAY - 41 * DAY),
        action("AC-05", status="in_progress", due=TODAY - DAY),
        action("AC-06", status="open", due=TODAY),
        action("AC-07", kind="improvement", status="not_effective", due=TODAY, closed=TODAY, verified=TODAY),
    )), TODAY)
    assert not check["met"]
    assert dict(zip(gap_refs(check), reasons(check))) == {
        "AC-02": ["closed_late"], "AC-03": ["not_effective"], "AC-04": ["not_verified"], "AC-05": ["overdue"]}
    assert check["evidence"] == {"message": "corrective_in_progress",
                                 "params": {"ok": 1, "total": 6, "in_progress": 1}}


def test_corrective_actions_look_back_twelve_months_and_none_is_met():
    edge = action(status="not_effective", due=A_YEAR_AGO, closed=A_YEAR_AGO, verified=TODAY - 90 * DAY)
    assert not phva.corrective_effective(facts(actions=(edge,)), TODAY)["met"]
    older = edge._replace(closed_on=A_YEAR_AGO - DAY, due_on=A_YEAR_AGO - DAY)
    check = phva.corrective_effective(facts(actions=(older,)), TODAY)
    assert check["met"] and check["evidence"]["message"] == "corrective_none"


def test_improvement_actions_in_the_last_twelve_months():
    check = phva.improvement_recorded(facts(actions=(
        action("AC-07", kind="improvement", opened=A_YEAR_AGO), action("AC-08", kind="improvement", opened=TODAY),
        action("AC-09", kind="preventive", opened=TODAY),
    )), TODAY)
    assert check["met"] and check["evidence"]["params"] == {"count": 2, "latest": "AC-08", "latest_on": TODAY}
    old = phva.improvement_recorded(facts(actions=(action(kind="improvement", opened=A_YEAR_AGO - DAY),)), TODAY)
    assert not old["met"] and old["evidence"]["message"] == "improvement_none"


# ---------- the cycle ----------

@pytest.mark.parametrize(("met", "total", "status"), [
    (0, 0, "no_data"), (5, 5, "green"), (3, 5, "yellow"), (1, 2, "yellow"), (2, 5, "red"), (1, 3, "red"), (0, 2, "red"),
])
def test_stage_status(met, total, status):
    assert phva.stage_status(met, total) == status


def test_evaluate_rolls_checks_up_per_stage_in_cycle_order():
    status = phva.evaluate(facts(), TODAY)
    assert status["empty"] is True and status["today"] == TODAY
    assert [s["key"] for s in status["stages"]] == ["plan", "do", "check", "act"]
    assert [s["clauses"] for s in status["stages"]] == [[4, 5, 6], [7, 8], [9], [10]]
    assert [s["total"] for s in status["stages"]] == [5, 3, 3, 2] and status["total"] == 13
    # On nothing at all only the vacuous checks hold: no action is late, no corrective action was needed.
    met = [c["key"] for s in status["stages"] for c in s["checks"] if c["met"]]
    assert met == ["actions_on_time", "corrective_effective"]
    assert status["met"] == 2 and status["score"] == pytest.approx(2 / 13) and status["status"] == "red"
    for stage in status["stages"]:
        for check in stage["checks"]:
            assert check["stage"] == stage["key"] and check["clauses"] and check["fix_href"].startswith("/")


def test_a_single_record_makes_the_facts_non_empty():
    assert not facts(roles=(phva_facts.RoleFact("Director", None, False),)).empty
    assert not facts(operation_meetings=(TODAY,)).empty
