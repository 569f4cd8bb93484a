"""PHVA (Plan-Do-Check-Act) evidence checks of docs/formulas.md#phva-status: is each ISO 9001 stage backed by records today?

Pure functions over facts the service gathers once (repositories/phva.py and the board's readings).
Every check takes the facts and `today` and returns a plain dict: met or not, the evidence as an i18n
message with its parameters, the gap (the first few items missing, by code or name) and the path where it
is fixed. No database, no Dash, no language here: texts are catalogue keys (`phva.ev_<message>`,
`phva.reason_<reason>`) and dates stay `datetime.date` for the page to format.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from mios_dashboard.analytics.phva_facts import PhvaFacts, RiskFact

STAGES = ("plan", "do", "check", "act")
# The ISO 9001:2015 clauses each stage covers (slides 18–19).
STAGE_CLAUSES = {"plan": (4, 5, 6), "do": (7, 8), "check": (9,), "act": (10,)}
GAP_LIMIT = 5  # items listed per check; the rest are counted
REVIEW_MONTHS = 12  # context issues reviewed, improvements recorded, corrective actions looked back on
OBJECTIVES_ADMIN = "/admin?seccion=objetivos"  # where objectives and their 6.2.2 plans are written
MEETING_DAYS = 10  # a weekly meeting, plus a long weekend of slack
RECENT_MEETING_DAYS = 28
OPEN_STATUSES = ("open", "in_progress")
PLAN_FIELDS = ("plan_what", "plan_resources", "plan_owner", "plan_due", "plan_evaluation")
TEXT_LIMIT = 70


# ---------- helpers ----------

def months_before(day: dt.date, months: int) -> dt.date:
    """`day` moved back by whole months, clamped to the end of shorter months (31 Mar − 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return day.replace(year=year, month=month, day=min(day.day, (following - dt.timedelta(days=1)).day))


def months_after(day: dt.date, months: int) -> dt.date:
    return months_before(day, -months)


def due_month(today: dt.date) -> dt.date:
    """The board month whose measurements are due: the newest complete month (the one before today's)."""
    return months_before(today.replace(day=1), 1)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _short(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1].rstrip(" ,.;") + "…"


def gap_item(ref: str | None, reasons: Iterable[str], label: str | None = None, href: str | None = None,
             **params: object) -> dict:
    """One missing item: its code (None for things named only by text), what is missing (reason keys), its
    name or description (`label`), the page of the item, and the values the reasons quote."""
    return {"ref": ref, "label": label, "reasons": list(reasons), "params": params, "href": href}


def result(key: str, met: bool, message: str, params: dict, gap: list[dict], fix_href: str) -> dict:
    """A check's outcome; stage and clauses are added by `evaluate` from CHECKS."""
    return {"key": key, "met": bool(met), "evidence": {"message": message, "params": params},
            "gap": gap[:GAP_LIMIT], "gap_total": len(gap), "fix_href": fix_href}


# ---------- Planificar (4–6) ----------

def context_reviewed(facts: PhvaFacts, today: dt.date) -> dict:
    """4.1: every internal and external issue reviewed within the last 12 months (exactly 12 counts)."""
    issues = facts.context_issues
    if not issues:
        return result("context_reviewed", False, "context_none", {}, [], "/contexto?seccion=foda")
    cutoff = months_before(today, REVIEW_MONTHS)
    late = sorted((i for i in issues if i.last_reviewed_on is None or i.last_reviewed_on < cutoff),
                  key=lambda i: i.last_reviewed_on or dt.date.min)
    dates = [i.last_reviewed_on for i in issues if i.last_reviewed_on]
    gap = [gap_item(None, ["reviewed_on" if i.last_reviewed_on else "never_reviewed"], label=_short(i.description),
                    date=i.last_reviewed_on) for i in late]
    params = {"reviewed": len(issues) - len(late), "total": len(issues), "oldest_on": min(dates, default=None)}
    return result("context_reviewed", not late, "context_reviewed", params, gap, "/contexto?seccion=foda")


def parties_recorded(facts: PhvaFacts, today: dt.date) -> dict:
    """4.2: interested parties recorded, each with at least one pertinent requirement."""
    parties = facts.parties
    if not parties:
        return result("parties_recorded", False, "parties_none", {}, [], "/contexto?seccion=partes")
    gap = [gap_item(None, ["no_requirements"], label=p.name) for p in parties if not p.requirements]
    params = {"with_requirements": len(parties) - len(gap), "total": len(parties),
              "requirements": sum(p.requirements for p in parties)}
    return result("parties_recorded", not gap, "parties_recorded", params, gap, "/contexto?seccion=partes")


def policy_communicated(facts: PhvaFacts, today: dt.date) -> dict:
    """5.2: a policy version in force, approved, and communicated on or after its approval."""
    policy = facts.policy
    if policy is None:
        return result("policy_communicated", False, "policy_none", {}, [], "/contexto?seccion=politica")
    reasons = []
    if policy.approved_on is None:
        reasons.append("not_approved")
    if policy.communicated_on is None:
        reasons.append("not_communicated")
    elif policy.approved_on and policy.communicated_on < policy.approved_on:
        reasons.append("communicated_before")
    gap = [gap_item(f"v{policy.version}", reasons)] if reasons else []
    params = {"version": policy.version, "approved_on": policy.approved_on, "communicated_on": policy.communicated_on}
    return result("policy_communicated", not gap, "policy_communicated", params, gap, "/contexto?seccion=politica")


def _risk_review_due(risk: RiskFact) -> dt.date | None:
    """A risk's next review: its review date, else a year after its assessment."""
    if risk.review_on:
        return risk.review_on
    return months_after(risk.assessed_on, REVIEW_MONTHS) if risk.assessed_on else None


def risks_assessed(facts: PhvaFacts, today: dt.date) -> dict:
    """6.1: every risk and opportunity scored (likelihood × impact), assessed, and its review not overdue."""
    risks = facts.risks
    if not risks:
        return result("risks_assessed", False, "risks_none", {}, [], "/riesgos")
    gap, upcoming = [], []
    for risk in risks:
        reasons, due = [], _risk_review_due(risk)
        if risk.likelihood is None or risk.impact is None:
            reasons.append("not_scored")
        if risk.assessed_on is None:
            reasons.append("not_assessed")
        if due is not None and due < today:
            reasons.append("review_overdue")
        elif due is not None:
            upcoming.append(due)
        if reasons:
            gap.append(gap_item(risk.code, reasons, label=_short(risk.title), date=due))
    params = {"ok": len(risks) - len(gap), "total": len(risks), "next_on": min(upcoming, default=None)}
    overdue = any("review_overdue" in item["reasons"] for item in gap)
    return result("risks_assessed", not gap, "risks_assessed", params, gap, "/riesgos?vencidas=1" if overdue else "/riesgos")


def objectives_planned(facts: PhvaFacts, today: dt.date) -> dict:
    """6.2: every active objective has its 6.2.2 plan (what, resources, who, when, how evaluated) and an indicator."""
    objectives = facts.objectives
    if not objectives:
        return result("objectives_planned", False, "objectives_none", {}, [], OBJECTIVES_ADMIN)
    gap = []
    for o in objectives:
        reasons = [name for name in PLAN_FIELDS if _blank(getattr(o, name))]
        reasons += [] if o.indicators else ["no_indicator"]
        if reasons:
            gap.append(gap_item(o.code, reasons, label=_short(o.title), href=f"/objetivo/{o.code}"))
    params = {"complete": len(objectives) - len(gap), "total": len(objectives)}
    href = gap[0]["href"] if gap else OBJECTIVES_ADMIN
    return result("objectives_planned", not gap, "objectives_planned", params, gap, href)


# ---------- Hacer (7–8) ----------

def roles_assigned(facts: PhvaFacts, today: dt.date) -> dict:
    """5.3 / 7.1.2: every role has a person, and a management representative is appointed."""
    roles = facts.roles
    if not roles:
        return result("roles_assigned", False, "roles_none", {}, [], "/contexto?seccion=roles")
    gap = [gap_item(None, ["no_person"], label=r.name) for r in roles if _blank(r.person)]
    representative = next((r.person for r in roles if r.is_management_representative and not _blank(r.person)), None)
    if representative is None:
        gap.insert(0, gap_item(None, ["no_representative"]))
    params = {"assigned": sum(not _blank(r.person) for r in roles), "total": len(roles),
              "representative": representative}
    return result("roles_assigned", not gap, "roles_assigned", params, gap, "/contexto?seccion=roles")


def resources_recorded(facts: PhvaFacts, today: dt.date) -> dict:
    """7.1: each objective names its resources (6.2.2 b) and the last management review judged their adequacy."""
    objectives, review = facts.objectives, facts.last_review
    gap = []
    if review is None:
        gap.append(gap_item(None, ["no_review"]))
    elif _blank(review.resources_adequacy):
        gap.append(gap_item(None, ["review_no_resources"], date=review.held_on))
    review_gap = bool(gap)
    gap += [gap_item(o.code, ["plan_resources"], label=_short(o.title), href=f"/objetivo/{o.code}")
            for o in objectives if _blank(o.plan_resources)]
    if not objectives:
        gap.append(gap_item(None, ["no_objectives"]))
    params = {"with_resources": sum(not _blank(o.plan_resources) for o in objectives), "total": len(objectives),
              "review_on": review.held_on if review else None}
    href = "/revision" if review_gap or not gap or not objectives else gap[0]["href"]
    return result("resources_recorded", not gap, "resources_recorded", params, gap, href)


def actions_on_time(facts: PhvaFacts, today: dt.date) -> dict:
    """8.1 / 10.2: no open or in-process action past its due date (due today is still on time) or without one."""
    open_actions = [a for a in facts.actions if a.status in OPEN_STATUSES]
    if not open_actions:
        return result("actions_on_time", True, "actions_none", {}, [], "/acciones")
    overdue = [(a.due_on, a) for a in open_actions if a.due_on is not None and a.due_on < today]
    late = [a for _, a in sorted(overdue, key=lambda pair: pair[0])]
    undated = [a for a in open_actions if a.due_on is None]
    gap = [gap_item(a.code, ["overdue"], label=_short(a.title), date=a.due_on) for a in late]
    gap += [gap_item(a.code, ["no_due_date"], label=_short(a.title)) for a in undated]
    if not late:
        return result("actions_on_time", not gap, "actions_on_time", {"open": len(open_actions)}, gap, "/acciones")
    params = {"overdue": len(late), "open": len(open_actions), "oldest_on": late[0].due_on}
    return result("actions_on_time", False, "actions_overdue", params, gap, "/acciones")


# ---------- Verificar (9) ----------

def indicators_measured(facts: PhvaFacts, today: dt.date) -> dict:
    """9.1.1: every active indicator has a value for the month due (the newest complete month)."""
    indicators = facts.indicators
    if not indicators:
        return result("indicators_measured", False, "indicators_none", {}, [], "/importar")
    missing = sorted((i for i in indicators if not i.measured), key=lambda i: (i.last_period or dt.date.min, i.code))
    gap = [gap_item(i.code, ["last_value" if i.last_period else "never_measured"], label=_short(i.name),
                    href=f"/indicador/{i.code}", month=i.last_period) for i in missing]
    measured = len(indicators) - len(missing)
    params = {"measured": measured, "total": len(indicators), "month": facts.month, "share": measured / len(indicators)}
    return result("indicators_measured", not gap, "indicators_measured", params, gap, "/importar")


def weekly_meetings(facts: PhvaFacts, today: dt.date) -> dict:
    """9.1.3: the weekly operation meeting (junta de operación) held within the last MEETING_DAYS days."""
    held = [d for d in facts.operation_meetings if d <= today]
    if not held:
        return result("weekly_meetings", False, "meetings_none", {}, [], "/juntas")
    last = max(held)
    recent = sum((today - d).days < RECENT_MEETING_DAYS for d in held)
    met = (today - last).days <= MEETING_DAYS
    gap = [] if met else [gap_item(None, ["meeting_overdue"], days=MEETING_DAYS)]
    return result("weekly_meetings", met, "meetings_last", {"last_on": last, "recent": recent}, gap, "/juntas")


def review_in_interval(facts: PhvaFacts, today: dt.date) -> dict:
    """9.3: the last management review plus the organization's interval has not passed (due today is on time)."""
    review = facts.last_review
    if review is None:
        return result("review_in_interval", False, "review_none", {}, [], "/revision")
    due = months_after(review.held_on, facts.review_interval_months)
    met = due >= today
    gap = [] if met else [gap_item(None, ["review_overdue"], date=due)]
    params = {"held_on": review.held_on, "due_on": due, "months": facts.review_interval_months}
    return result("review_in_interval", met, "review_in_interval", params, gap, "/revision")


# ---------- Actuar (10) ----------

def corrective_effective(facts: PhvaFacts, today: dt.date) -> dict:
    """10.2: corrective actions still open, or closed in the last 12 months, were closed by their due date and
    verified effective. None at all is met: no nonconformity asked for one."""
    cutoff = months_before(today, REVIEW_MONTHS)
    scope = [a for a in facts.actions if a.kind == "corrective"
             and (a.status in OPEN_STATUSES or (a.closed_on is not None and a.closed_on >= cutoff))]
    if not scope:
        return result("corrective_effective", True, "corrective_none", {}, [], "/acciones")
    gap, ok, in_progress = [], 0, 0
    for a in scope:
        reasons = []
        if a.status in OPEN_STATUSES:
            late = a.due_on is not None and a.due_on < today
            reasons += ["overdue"] if late else []
            in_progress += not late
        else:
            # in scope and not open, so closed_on is set (see `scope`)
            late = a.due_on is not None and a.closed_on is not None and a.closed_on > a.due_on
            reasons += ["closed_late"] if late else []
            reasons += {"closed": ["not_verified"], "not_effective": ["not_effective"]}.get(a.status, [])
            ok += not reasons
        if reasons:
            gap.append(gap_item(a.code, reasons, label=_short(a.title), date=a.due_on, closed=a.closed_on,
                                verified=a.verified_on))
    params = {"ok": ok, "total": len(scope), "in_progress": in_progress}
    message = "corrective_in_progress" if in_progress else "corrective_effective"
    return result("corrective_effective", not gap, message, params, gap, "/acciones")


def improvement_recorded(facts: PhvaFacts, today: dt.date) -> dict:
    """10.1 / 10.3: at least one improvement action opened in the last 12 months."""
    cutoff = months_before(today, REVIEW_MONTHS)
    recent = sorted((a for a in facts.actions if a.kind == "improvement" and cutoff <= a.opened_on <= today),
                    key=lambda a: (a.opened_on, a.code))
    if not recent:
        return result("improvement_recorded", False, "improvement_none", {}, [], "/acciones")
    latest = recent[-1]
    params = {"count": len(recent), "latest": latest.code, "latest_on": latest.opened_on}
    return result("improvement_recorded", True, "improvement_recorded", params, [], "/acciones")


# ---------- the cycle ----------

Check = Callable[[PhvaFacts, dt.date], dict]
# (stage, ISO clauses, check) in the order the page lists them.
CHECKS: tuple[tuple[str, tuple[str, ...], Check], ...] = (
    ("plan", ("4.1",), context_reviewed),
    ("plan", ("4.2",), parties_recorded),
    ("plan", ("5.2",), policy_communicated),
    ("plan", ("6.1",), risks_assessed),
    ("plan", ("6.2",), objectives_planned),
    ("do", ("5.3", "7.1.2"), roles_assigned),
    ("do", ("7.1",), resources_recorded),
    ("do", ("8.1",), actions_on_time),
    ("check", ("9.1.1",), indicators_measured),
    ("check", ("9.1.3",), weekly_meetings),
    ("check", ("9.3",), review_in_interval),
    ("act", ("10.2",), corrective_effective),
    ("act", ("10.1", "10.3"), improvement_recorded),
)


def stage_status(met: int, total: int) -> str:
    """Every check met → green; at least half → yellow; fewer → red; no checks → no_data."""
    if not total:
        return "no_data"
    return "green" if met == total else "yellow" if 2 * met >= total else "red"


def evaluate(facts: PhvaFacts, today: dt.date) -> dict:
    """Run every check and roll them up per stage and overall (share of checks met)."""
    stages: dict[str, list[dict]] = {key: [] for key in STAGES}
    for stage, clauses, check in CHECKS:
        stages[stage].append({**check(facts, today), "stage": stage, "clauses": list(clauses)})
    rolled = []
    for key in STAGES:
        checks = stages[key]
        met = sum(c["met"] for c in checks)
        rolled.append({"key": key, "clauses": list(STAGE_CLAUSES[key]), "met": met, "total": len(checks),
                       "score": met / len(checks) if checks else None, "status": stage_status(met, len(checks)),
                       "checks": checks})
    met, total = sum(s["met"] for s in rolled), sum(s["total"] for s in rolled)
    return {"today": today, "month": facts.month, "empty": facts.empty, "met": met, "total": total,
            "score": met / total if total else None, "status": stage_status(met, total), "stages": rolled}
