"""The demo organization's strategy, identity, context and governance: complete and coherent with the slides."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from mios_dashboard.db import session_scope
from mios_dashboard.demo.calendar import add_months
from mios_dashboard.models import (
    Action,
    ContextIssue,
    Indicator,
    InterestedParty,
    ManagementReview,
    Meeting,
    Objective,
    Organization,
    Perspective,
    Process,
    QualityPolicy,
    Risk,
    Role,
    SipocItem,
    Target,
)
from mios_dashboard.models.enums import PARTY_TYPES, RISK_CATEGORIES
from tests.integration.demo.helpers import ANCHOR, TODAY

REQUIRED_GROUPS = {"Ventas", "Operación", "Calidad", "Proveedores", "Finanzas", "Comercial"}
PLAN_FIELDS = ("plan_what", "plan_resources", "plan_owner", "plan_due", "plan_evaluation")


def test_the_strategy_is_complete(demo_factory):
    with session_scope(demo_factory) as session:
        perspectives = session.scalars(select(Perspective).order_by(Perspective.sort_order)).all()
        assert [p.code for p in perspectives] == ["FIN", "CLI", "PRO", "APR"]
        assert [p.name for p in perspectives] == [
            "Financiera", "Clientes", "Procesos internos", "Aprendizaje y crecimiento"
        ]

        objectives = session.scalars(select(Objective)).all()
        assert len(objectives) >= 12
        assert {o.perspective.code for o in objectives} == {"FIN", "CLI", "PRO", "APR"}
        for objective in objectives:
            assert all(getattr(objective, name) for name in PLAN_FIELDS), objective.code
            assert objective.policy_commitment and objective.process_id and objective.weight > 0
            assert objective.plan_due > add_months(ANCHOR, 1), "plans end ahead of the data"

        indicators = session.scalars(select(Indicator)).all()
        assert len(indicators) >= 30
        assert {i.perspective.code for i in indicators} == {"FIN", "CLI", "PRO", "APR"}
        assert REQUIRED_GROUPS <= {i.group for i in indicators}
        assert {i.direction for i in indicators} == {"higher", "lower", "range"}
        assert 2 <= sum(i.direction == "range" for i in indicators) <= 3
        frequencies = [i.frequency for i in indicators]
        assert frequencies.count("daily") == 1 and frequencies.count("yearly") == 1
        assert 2 <= frequencies.count("weekly") <= 3 and 2 <= frequencies.count("quarterly") <= 3
        assert any(i.objective_id is None for i in indicators), "some indicators belong to no objective"
        assert all(i.objective.perspective_id == i.perspective_id for i in indicators if i.objective)
        every_objective_measured = {i.objective_id for i in indicators if i.objective_id}
        assert every_objective_measured == {o.id for o in objectives}

        # The seasonal sales budget: per-period targets, December above the year's average.
        sales = session.scalar(select(Indicator).where(Indicator.code == "VEN-01"))
        budget = {row.period: row.target for row in session.execute(
            select(Target.period, Target.target).where(Target.indicator_id == sales.id)
        )}
        assert len(budget) == 24 and budget[ANCHOR] > sales.target > budget[dt.date(2025, 1, 1)]


def test_process_dir_carries_the_sipoc_of_slide_26(demo_factory):
    with session_scope(demo_factory) as session:
        process = session.scalar(select(Process).where(Process.code == "DIR"))
        assert process.name == "Responsabilidad de la Dirección" and process.type == "strategic"
        items = session.scalars(
            select(SipocItem).where(SipocItem.process_id == process.id).order_by(SipocItem.sort_order)
        ).all()
        by_kind = {kind: [i.text for i in items if i.kind == kind] for kind in {i.kind for i in items}}
        parties = ["Accionistas", "Aliados estratégicos", "Clientes", "Proveedores", "Instituciones financieras",
                   "Gobierno", "Organismos regulatorios", "Procesos internos", "Procesos externos"]
        assert by_kind["supplier"] == parties and by_kind["customer"] == parties
        assert by_kind["control"] == ["Tablero de control directivo", "Procedimientos del SGC"]
        assert len(by_kind["input"]) == 11 and by_kind["input"][0] == "Lineamientos de negocio"
        assert by_kind["input"][-1] == "Recursos procesos externos"
        assert len(by_kind["activity"]) == 19 and "Nombrar un representante ante el SGC" in by_kind["activity"]
        assert by_kind["activity"][0] == "Compromiso con el sistema de gestión"
        assert by_kind["activity"][-1] == "Cumplir requisitos de partes interesadas"
        assert len(by_kind["output"]) == 17 and by_kind["output"][0] == "Alcance del sistema de gestión"
        assert by_kind["output"][-1] == "Satisfacción partes interesadas"
        others = session.scalars(select(Process).where(Process.code != "DIR")).all()
        assert 5 <= len(others) <= 8 and all(p.owner and p.sipoc for p in others)
        assert {p.type for p in others} >= {"operational", "support"}


def test_identity_policy_roles_and_context(demo_factory):
    with session_scope(demo_factory) as session:
        org = session.scalar(select(Organization))
        assert [(v.name, v.motto) for v in org.values] == [
            ("Responsabilidad", "Respondo por mis Actos"), ("Respeto", "Valoro tus Necesidades"),
            ("Confianza", "Tu Verdad es mi Realidad"),
        ]
        assert org.legal_name.endswith("S.A. de C.V.") and org.management_review_interval_months == 6
        assert org.vision and org.mission and org.products_services
        assert org.exclusions and all(e.justification for e in org.exclusions)

        policies = session.scalars(select(QualityPolicy).order_by(QualityPolicy.version)).all()
        assert [(p.version, p.in_force) for p in policies] == [(1, False), (2, True)]
        assert policies[1].approved_by.startswith("Ing. Roberto Garza") and policies[1].communicated_on

        roles = session.scalars(select(Role)).all()
        assert sum(r.is_management_representative for r in roles) == 1
        assert all(r.person and r.competence_required and r.awareness_on for r in roles)

        parties = session.scalars(select(InterestedParty)).all()
        assert {p.type for p in parties} == set(PARTY_TYPES)
        assert all(p.requirements for p in parties)
        customers = [p for p in parties if p.type == "customers"]
        satisfaction = {session.get(Indicator, p.satisfaction_indicator_id).group for p in customers}
        assert satisfaction <= {"Comercial", "Calidad"}

        risks = session.scalars(select(Risk)).all()
        assert len(risks) >= 10 and {r.kind for r in risks} == {"risk", "opportunity"}
        assert all(r.category in RISK_CATEGORIES and r.owner and r.treatment and r.review_on for r in risks)
        assert {r.category.split(".")[0] for r in risks} >= {"country", "nature", "environment", "organization"}


def test_swot_and_scope_are_coherent(demo_factory):
    with session_scope(demo_factory) as session:
        issues = session.scalars(select(ContextIssue)).all()
        assert {i.swot for i in issues} == {"strength", "weakness", "opportunity", "threat"}
        for issue in issues:
            assert issue.scope == ("internal" if issue.swot in ("strength", "weakness") else "external")
            assert add_months(TODAY, -12) <= issue.last_reviewed_on <= TODAY
        org = session.scalar(select(Organization))
        excluded = {e.clause for e in org.exclusions}
        if "8.3" in excluded:  # no design: nothing in the scope, mission or processes may claim it
            texts = [org.scope, org.mission, org.products_services]
            texts += session.scalars(select(Process.name)).all()
            texts += session.scalars(select(SipocItem.text).where(SipocItem.kind == "activity")).all()
            assert not [t for t in texts if "diseñ" in t.lower()]


def test_actions_meetings_and_the_management_review(demo_factory):
    with session_scope(demo_factory) as session:
        actions = session.scalars(select(Action)).all()
        assert len(actions) >= 12
        assert {a.status for a in actions} == {"open", "in_progress", "closed", "effective", "not_effective"}
        assert any(a.due_on < TODAY for a in actions if a.status in ("open", "in_progress")), "some are overdue"
        assert len({a.kind for a in actions}) == 5 and len({a.origin for a in actions}) >= 5

        operation = session.scalar(select(Meeting).where(Meeting.kind == "operation"))
        held = operation.held_at.date()
        assert 14 <= (TODAY - held).days <= 20 and operation.attendees and operation.agenda and operation.minutes
        assert operation.decisions and all(a.kind == "meeting_decision" for a in operation.decisions)
        assert operation.board_snapshot["period"] == operation.board_period.isoformat()

        review = session.scalar(select(ManagementReview))
        assert review.status == "closed" and review.meeting.kind == "management_review"
        assert 100 <= (TODAY - review.held_on).days <= 140 < (review.next_review_due - review.held_on).days
        texts = [getattr(review, c.key) for c in ManagementReview.__mapper__.column_attrs if c.key not in (
            "id", "period_start", "period_end", "held_on", "meeting_id", "status", "next_review_due",
            "board_period", "board_snapshot", "created_at", "updated_at", "row_version")]
        assert len(texts) == 15 and all(len(t) > 80 for t in texts)
        assert session.scalar(select(func.count()).select_from(Action).where(Action.review_id == review.id)) >= 2
