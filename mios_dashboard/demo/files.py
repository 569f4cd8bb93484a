"""The six data files of the demo, read against their fields and checked against each other.

Every section's fields are listed here (the tables below are the files' reference, with data/demo/README.md).
Besides each value's type, the checks a consultant's edit could break are made here, each naming the entry: a
code used twice, a reference to a code, person or season that does not exist, an indicator whose frequency its
workbook cannot hold.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from mios_dashboard.demo.content import DemoContent, IndicatorSpec, Person
from mios_dashboard.demo.schema import (
    REQUIRED,
    Context,
    DemoDataError,
    Field,
    Loc,
    Located,
    Problem,
    boolean,
    choice,
    code,
    date,
    fields_of,
    integer,
    list_of,
    number,
    optional_code,
    optional_date,
    optional_number,
    optional_person,
    optional_text,
    person,
    read_fields,
    read_names,
    read_section,
    read_yaml,
    text,
    whole_at_least,
)
from mios_dashboard.demo.series import Budget, Series
from mios_dashboard.demo.workbooks import COMMERCIAL, FILE_NAMES, MONTHLY, QUALITY, file_for
from mios_dashboard.models import enums

FILES = ("people", "organization", "strategy", "context", "indicators", "governance")


def _f(convert, default=REQUIRED) -> Field:
    return Field(convert, default)


OPTIONAL_TEXT = _f(optional_text, None)
EMPTY_TEXT = _f(lambda value, ctx: optional_text(value, ctx) or "", "")

PERSON = {"title": _f(text), "name": _f(text), "position": _f(text), "username": _f(code)}
ORGANIZATION = {"name": _f(text), "legal_name": _f(text), "industry": _f(text), "vision": _f(text),
                "mission": _f(text), "scope": _f(text), "products_services": _f(text),
                "management_review_interval_months": _f(whole_at_least(1))}
VALUE = {"name": _f(text), "motto": _f(text), "description": _f(text)}
EXCLUSION = {"clause": _f(text), "requirement": _f(text), "justification": _f(text)}
POLICY = {"version": _f(whole_at_least(1)), "statement": _f(text), "approved_by": _f(person("owner")),
          "approved_on": _f(date), "in_force": _f(boolean), "communicated_to": _f(text),
          "communicated_on": _f(date)}
COMMUNICATION = {"scope": _f(choice(*enums.COMMUNICATION_SCOPES)), "what": _f(text), "timing": _f(text),
                 "to_whom": _f(text), "how": _f(text), "who": _f(person("owner"))}
ROLE = {"name": OPTIONAL_TEXT, "person": _f(person()), "responsibilities": _f(text), "authorities": _f(text),
        "competence_required": _f(text), "competence_evidence": _f(text), "awareness_on": _f(date),
        "is_management_representative": _f(boolean, False)}
USER = {"person": _f(optional_person(), None), "username": _f(optional_code, None), "full_name": OPTIONAL_TEXT,
        "email": OPTIONAL_TEXT, "role": _f(choice(*enums.USER_ROLES))}

PERSPECTIVE = {"code": _f(code), "name": _f(text), "weight": _f(number), "description": _f(text)}
SIPOC = {kind: _f(list_of(text)) for kind in enums.SIPOC_KINDS}
PROCESS = {"code": _f(code), "name": _f(text), "type": _f(choice(*enums.PROCESS_TYPES)), "owner": _f(person("owner")),
           "purpose": _f(text), "sipoc": _f(fields_of(SIPOC))}
OBJECTIVE = {"code": _f(code), "title": _f(text), "perspective": _f(code), "process": _f(code),
             "policy_commitment": _f(text), "plan_what": _f(text), "plan_resources": _f(text),
             "plan_owner": _f(person("owner")), "plan_due": _f(date), "plan_evaluation": _f(text),
             "weight": _f(number, 1.0)}
LINK = {"cause": _f(code), "effect": _f(code), "note": _f(text)}

ISSUE = {"swot": _f(choice(*enums.SWOT_QUADRANTS)), "description": _f(text), "effect": _f(text),
         "monitoring": _f(text), "last_reviewed_on": _f(date)}
REQUIREMENT = {"kind": _f(choice(*enums.REQUIREMENT_KINDS)), "description": _f(text)}
PARTY = {"type": _f(choice(*enums.PARTY_TYPES)), "name": _f(text), "satisfaction_indicator": _f(optional_code, None),
         "monitoring": _f(text), "last_reviewed_on": _f(date), "requirements": _f(list_of(fields_of(REQUIREMENT)))}
RISK = {"code": _f(code), "kind": _f(choice(*enums.RISK_KINDS)), "title": _f(text),
        "category": _f(choice(*enums.RISK_CATEGORIES)), "likelihood": _f(whole_at_least(1)),
        "impact": _f(whole_at_least(1)), "owner": _f(person("owner")), "treatment": _f(text),
        "objective": _f(optional_code, None), "process": _f(optional_code, None),
        "effectiveness": _f(choice(*enums.EFFECTIVENESS)), "description": EMPTY_TEXT, "assessed_on": _f(date),
        "review_on": _f(date),
        # After the treatment (docs/risks.md#rating); absent until the treatment has been reassessed.
        "residual_likelihood": _f(lambda value, ctx: None if value is None else whole_at_least(1)(value, ctx), None),
        "residual_impact": _f(lambda value, ctx: None if value is None else whole_at_least(1)(value, ctx), None)}

KEEPING = {"keeper": _f(person()), "groups": _f(list_of(text), None)}
SHIFT = {"last_months": _f(whole_at_least(1)), "delta": _f(number)}
BUDGET = {"monthly_mean": _f(number), "growth": _f(number), "season": _f(code), "round_to": _f(whole_at_least(1))}
COMMENT = {"months_ago": _f(whole_at_least(0)), "text": _f(text)}
STORY = {"start": _f(number), "end": _f(number), "noise": _f(number), "shift": _f(fields_of(SHIFT), None),
         "season": _f(optional_code, None), "budget": _f(fields_of(BUDGET), None),
         "unreported_months_ago": _f(list_of(whole_at_least(0), empty=True), []),
         "unreported_last_months": _f(whole_at_least(0), 0), "low": _f(optional_number, 0.0),
         "high": _f(optional_number, None), "skip_sundays": _f(boolean, False),
         "comments": _f(list_of(fields_of(COMMENT), empty=True), [])}
INDICATOR = {"code": _f(code), "name": _f(text), "unit": _f(text), "direction": _f(choice(*enums.DIRECTIONS)),
             "frequency": _f(choice(*enums.FREQUENCIES)), "aggregation": _f(choice(*enums.AGGREGATIONS)),
             "perspective": _f(code), "objective": _f(optional_code, None), "process": _f(code), "group": _f(text),
             "owner": _f(person()), "data_source": _f(text), "target": _f(optional_number, None),
             "target_range": _f(list_of(number), None), "baseline": _f(optional_number, None),
             "decimals": _f(integer, 1), "green": _f(number, 1.0), "yellow": _f(number, 0.9),
             "weight": _f(number, 1.0), "xmr_baseline_start": _f(optional_date, None),
             "xmr_baseline_end": _f(optional_date, None), "description": EMPTY_TEXT, "story": _f(fields_of(STORY))}

AGENDA_ITEM = {"kind": _f(code), "ref": _f(text), "text": _f(text)}
MEETING = {"kind": _f(choice(*enums.MEETING_KINDS)), "title": _f(text), "held_on": _f(date),
           "hour": _f(whole_at_least(0)), "chaired_by": _f(person("owner")), "attendees": _f(list_of(person("full"))),
           "board_period": _f(date), "agenda": _f(list_of(fields_of(AGENDA_ITEM))), "minutes": _f(text)}
REVIEW_TEXTS = ("previous_actions_status", "context_changes", "customer_satisfaction", "objectives_achievement",
                "process_performance", "nonconformities", "monitoring_results", "audit_results",
                "provider_performance", "resources_adequacy", "risk_actions_effectiveness", "improvement_inputs",
                "improvement_outputs", "qms_changes", "resource_needs")
REVIEW = {"held_on": _f(date), "period_start": _f(date), "period_end": _f(date),
          "status": _f(choice(*enums.REVIEW_STATUSES)), "next_review_due": _f(date), "board_period": _f(date),
          **{name: _f(text) for name in REVIEW_TEXTS}}
ACTION = {"code": _f(code), "title": _f(text), "kind": _f(choice(*enums.ACTION_KINDS)),
          "origin": _f(choice(*enums.ACTION_ORIGINS)), "owner": _f(person("owner")),
          "status": _f(choice(*enums.ACTION_STATUSES)), "pdca_stage": _f(choice(*enums.PDCA_STAGES)),
          "opened_on": _f(date), "due_on": _f(date), "closed_on": _f(optional_date, None),
          "verified_on": _f(optional_date, None), "verified_by": _f(optional_person("owner"), None),
          "verification_notes": OPTIONAL_TEXT, "objective": _f(optional_code, None),
          "indicator": _f(optional_code, None), "risk": _f(optional_code, None), "meeting": _f(optional_code, None),
          "review": _f(boolean, False), "description": EMPTY_TEXT}


def _rows(entries: Iterable[tuple[dict, Loc]]) -> list[dict]:
    return [row for row, _loc in entries]


def _check(entries: Iterable[tuple[dict, Loc]], name: str, known: set, what: str, *, optional: bool = False) -> None:
    """Every entry's `name` is one of `known` (codes of another section)."""
    for row, loc in entries:
        value = row[name]
        if (value is None and optional) or value in known:
            continue
        raise loc.error(f"{name}: {value!r} is not {what} ({', '.join(sorted(map(str, known)))})", name)


def read_content(folder: Path) -> DemoContent:
    """Read and check the six data files of `folder`."""
    documents, contexts = {}, {}
    for stem in FILES:
        path = folder / f"{stem}.yaml"
        documents[stem] = read_yaml(path)
        contexts[stem] = Context(path)
    people_ctx = contexts["people"]
    people_doc = documents["people"]
    if not isinstance(people_doc.get("people"), dict) or not people_doc["people"]:
        raise DemoDataError(people_ctx.path, None, "", "expected a section 'people' of keys, each with its fields")
    people = {}
    for key, raw in people_doc["people"].items():
        try:
            people[code(key, people_ctx)] = Person(**read_fields(raw, PERSON, people_ctx))
        except Problem as exc:
            line = getattr(raw, "line", None)
            raise DemoDataError(people_ctx.path, line, f"people ({key})", str(exc)) from None
    for stem in FILES[1:]:
        contexts[stem].people = people
        read_names(documents[stem], contexts[stem])

    def section(stem: str, name: str, fields: dict, key: str | None = None, single: bool = False):
        return read_section(documents[stem], name, fields, contexts[stem], key=key, single=single)

    # organization.yaml
    (organization, _), = section("organization", "organization", ORGANIZATION, single=True)
    values = [{**row, "sort_order": n} for n, row in enumerate(_rows(section("organization", "values", VALUE)), 1)]
    exclusions = _rows(section("organization", "exclusions", EXCLUSION, key="clause"))
    policies = _rows(section("organization", "policies", POLICY, key="version"))
    communication = _rows(section("organization", "communication", COMMUNICATION, key="what"))
    roles = [_role(row) for row, _loc in section("organization", "roles", ROLE)]
    located_users = [(_user(row, loc), loc) for row, loc in section("organization", "users", USER)]
    _unique(located_users, "username")
    users = _rows(located_users)
    if sum(role["is_management_representative"] for role in roles) != 1:
        raise DemoDataError(contexts["organization"].path, None, "roles",
                            "exactly one role must have is_management_representative: true")

    # strategy.yaml
    perspectives = [{**row, "sort_order": n}
                    for n, row in enumerate(_rows(section("strategy", "perspectives", PERSPECTIVE, key="code")), 1)]
    processes = _rows(section("strategy", "processes", PROCESS, key="code"))
    objective_entries = section("strategy", "objectives", OBJECTIVE, key="code")
    perspective_codes = {row["code"] for row in perspectives}
    process_codes = {row["code"] for row in processes}
    _check(objective_entries, "perspective", perspective_codes, "a perspective of strategy.yaml")
    _check(objective_entries, "process", process_codes, "a process of strategy.yaml")
    objectives = _rows(objective_entries)
    objective_codes = {row["code"] for row in objectives}
    link_entries = section("strategy", "links", LINK)
    _check(link_entries, "cause", objective_codes, "an objective of strategy.yaml")
    _check(link_entries, "effect", objective_codes, "an objective of strategy.yaml")
    links = [(row["cause"], row["effect"], row["note"]) for row in _rows(link_entries)]

    # indicators.yaml
    indicators_doc, indicators_ctx = documents["indicators"], contexts["indicators"]
    seed = indicators_doc.get("noise_seed")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise DemoDataError(indicators_ctx.path, indicators_doc.key_lines.get("noise_seed"), "noise_seed",
                            f"expected a whole number (the seed of the noise), got {seed!r}")
    seasons = _seasons(indicators_doc, indicators_ctx)
    keepers, file_groups = _files(indicators_doc, indicators_ctx)
    indicator_entries = section("indicators", "indicators", INDICATOR, key="code")
    _check(indicator_entries, "perspective", perspective_codes, "a perspective of strategy.yaml")
    _check(indicator_entries, "process", process_codes, "a process of strategy.yaml")
    _check(indicator_entries, "objective", objective_codes, "an objective of strategy.yaml", optional=True)
    indicators = [_indicator(row, loc, seasons, file_groups) for row, loc in indicator_entries]
    indicator_codes = {spec.code for spec in indicators}

    # context.yaml
    issues = [{"scope": "internal" if row["swot"] in ("strength", "weakness") else "external", **row}
              for row in _rows(section("context", "issues", ISSUE, key="description"))]
    party_entries = section("context", "parties", PARTY, key="name")
    _check(party_entries, "satisfaction_indicator", indicator_codes, "an indicator of indicators.yaml", optional=True)
    parties = [{**row, "requirements": [(item["kind"], item["description"]) for item in row["requirements"]]}
               for row in _rows(party_entries)]
    risk_entries = section("context", "risks", RISK, key="code")
    _check(risk_entries, "objective", objective_codes, "an objective of strategy.yaml", optional=True)
    _check(risk_entries, "process", process_codes, "a process of strategy.yaml", optional=True)
    risks = _rows(risk_entries)

    # governance.yaml
    governance_doc, governance_ctx = documents["governance"], contexts["governance"]
    offset = governance_doc.get("utc_offset_hours")
    if isinstance(offset, bool) or not isinstance(offset, (int, float)) or not -14 <= offset <= 14:
        raise DemoDataError(governance_ctx.path, governance_doc.key_lines.get("utc_offset_hours"), "utc_offset_hours",
                            f"expected the hours from UTC of the meetings' local time (e.g. -6), got {offset!r}")
    meeting_entries = section("governance", "meetings", MEETING, key="kind")
    for row, loc in meeting_entries:
        if row["hour"] > 23:
            raise loc.error(f"hour: expected an hour of the day (0–23), got {row['hour']}", "hour")
    meetings = _rows(meeting_entries)
    meeting_kinds = {row["kind"] for row in meetings}
    (review, review_loc), = section("governance", "review", REVIEW, single=True)
    if "management_review" not in meeting_kinds:
        raise review_loc.error("the review needs its session among the meetings (a meeting of kind management_review)")
    action_entries = section("governance", "actions", ACTION, key="code")
    _check(action_entries, "objective", objective_codes, "an objective of strategy.yaml", optional=True)
    _check(action_entries, "indicator", indicator_codes, "an indicator of indicators.yaml", optional=True)
    _check(action_entries, "risk", {row["code"] for row in risks}, "a risk of context.yaml", optional=True)
    _check(action_entries, "meeting", meeting_kinds, "the kind of a meeting above", optional=True)
    actions = _rows(action_entries)

    return DemoContent(
        folder=folder, people=people, organization=organization, values=values, exclusions=exclusions,
        policies=policies, communication=communication, roles=roles, users=users, perspectives=perspectives,
        processes=processes, objectives=objectives, links=links, issues=issues, parties=parties, risks=risks,
        noise_seed=seed, indicators=indicators, keepers=keepers, file_groups=file_groups, meetings=meetings,
        review=review, actions=actions, utc_offset_hours=offset,
        names={stem: ctx.names for stem, ctx in contexts.items() if ctx.names},
    )


def _unique(entries: Iterable[tuple[dict, Loc]], name: str) -> None:
    seen = set()
    for row, loc in entries:
        if row[name] in seen:
            raise loc.error(f"{name} {row[name]!r} is used twice")
        seen.add(row[name])


def _role(row: dict) -> dict:
    """A role is held by one person; its name is the person's position unless it says otherwise."""
    who: Person = row["person"]
    return {"name": row["name"] or who.position, "person": who.full, **{
        key: row[key] for key in ("responsibilities", "authorities", "competence_required", "competence_evidence",
                                  "awareness_on", "is_management_representative")}}


def _user(row: dict, loc: Loc) -> dict:
    """A user is one of the people (username and name from people.yaml) or says its own username and name."""
    who: Person | None = row["person"]
    if who is None:
        if not (row["username"] and row["full_name"]):
            raise loc.error("a user names a person of people.yaml, or gives its own username and full_name")
        username, full_name = row["username"], row["full_name"]
    else:
        username, full_name = row["username"] or who.username, row["full_name"] or who.full
    return {"username": username, "full_name": full_name,
            "email": row["email"], "role": row["role"]}


def _seasons(document, ctx: Context) -> dict[str, tuple[float, ...]]:
    raw = document.get("seasons") or Located()
    line = getattr(raw, "line", None)
    if not isinstance(raw, Located):
        raise DemoDataError(ctx.path, line, "seasons", "expected names, each with its 12 monthly factors")
    seasons = {}
    for name, factors in raw.items():
        if (not isinstance(factors, list) or len(factors) != 12
                or not all(isinstance(f, (int, float)) and not isinstance(f, bool) for f in factors)):
            raise DemoDataError(ctx.path, raw.key_lines.get(name), f"seasons ({name})",
                                "expected 12 numbers, January to December, e.g. [0.9, 0.95, …]")
        seasons[name] = tuple(factors)
    return seasons


def _files(document, ctx: Context) -> tuple[dict[str, Person], dict[str, tuple[str, ...]]]:
    """Who keeps each workbook, and the groups whose indicators go into the two long workbooks."""
    raw = document.get("files")
    line = getattr(raw, "line", None)
    if not isinstance(raw, Located) or set(raw) != set(FILE_NAMES):
        raise DemoDataError(ctx.path, line, "files", f"expected exactly these files: {', '.join(FILE_NAMES)}")
    keepers, groups = {}, {}
    for name in FILE_NAMES:
        where = f"files ({name})"
        try:
            row = read_fields(raw[name], KEEPING, ctx)
        except Problem as exc:
            raise DemoDataError(ctx.path, raw.key_lines.get(name), where, str(exc)) from None
        if row["groups"] is not None and name not in (COMMERCIAL, QUALITY):
            raise DemoDataError(ctx.path, raw.key_lines.get(name), where,
                                f"only {COMMERCIAL} and {QUALITY} take groups; the other files take by frequency")
        keepers[name] = row["keeper"]
        if row["groups"] is not None:
            groups[name] = tuple(row["groups"])
    return keepers, groups


HOLDS = {MONTHLY: ("monthly",), QUALITY: ("monthly", "quarterly"), COMMERCIAL: ("monthly", "quarterly", "yearly")}


def _indicator(row: dict, loc: Loc, seasons: dict, file_groups: dict) -> IndicatorSpec:
    story = row.pop("story")
    for where, name in (("story.season", story["season"]), ("story.budget.season", (story["budget"] or {}).get("season"))):
        if name is not None and name not in seasons:
            raise loc.error(f"{where}: {name!r} is not a season of this file ({', '.join(seasons) or 'none'})",
                            where)
    budget = None
    if story["budget"]:
        b = story["budget"]
        digits = math.log10(b["round_to"])
        if digits != int(digits):
            raise loc.error(f"story.budget.round_to: expected 1, 10, 100, 1000…, got {b['round_to']}",
                            "story.budget.round_to")
        budget = Budget(b["monthly_mean"], b["growth"], seasons[b["season"]], -int(digits))
    comments = {}
    for comment in story["comments"]:
        comments[comment["months_ago"]] = comment["text"]
    series = Series(
        story["start"], story["end"], story["noise"],
        shift=(story["shift"]["last_months"], story["shift"]["delta"]) if story["shift"] else None,
        season=seasons[story["season"]] if story["season"] else None, budget=budget,
        gaps=tuple(story["unreported_months_ago"]), stop=story["unreported_last_months"], low=story["low"],
        high=story["high"], skip_sundays=story["skip_sundays"], comments=comments)
    if row["direction"] == "range":
        lo_hi = row["target_range"]
        if not lo_hi or len(lo_hi) != 2 or lo_hi[0] >= lo_hi[1]:
            raise loc.error("target_range: a range indicator needs [lowest, highest], lowest first", "target_range")
        row["target_range"] = tuple(lo_hi)
    elif row["target_range"] is not None:
        raise loc.error("target_range: only an indicator with direction range has one (the others have a target)",
                        "target_range")
    elif row["target"] is None:
        raise loc.error(f"missing field 'target' (a {row['direction']}-is-better indicator needs one)")
    workbook = file_for(row["frequency"], row["group"], file_groups)
    if workbook in HOLDS and row["frequency"] not in HOLDS[workbook]:
        raise loc.error(f"group: a {row['frequency']} indicator of group {row['group']!r} goes to {workbook}, which "
                        f"holds only {', '.join(HOLDS[workbook])} ones; use a group of {COMMERCIAL} or {QUALITY} "
                        "(see files)", "group")
    if comments and (workbook == MONTHLY or row["frequency"] != "monthly"):
        raise loc.error(f"story.comments: only monthly indicators of {COMMERCIAL} or {QUALITY} carry comments",
                        "story.comments")
    return IndicatorSpec(series=series, **row)
