"""The demo organization: complete, coherent with the slides, deterministic, current, and idempotent to reload."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, select

from mios_dashboard.db import make_engine, make_session_factory, session_scope
from mios_dashboard.models import (
    Action, AuditEvent, Base, ContextIssue, ImportBatch, Indicator, InterestedParty, ManagementReview, Measurement,
    Meeting, Objective, Organization, Perspective, Process, QualityPolicy, Risk, Role, SipocItem, Target,
)
from mios_dashboard.models.enums import PARTY_TYPES, RISK_CATEGORIES
from mios_dashboard.schema import upgrade_to_head
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.demo.loader import DemoConflictError, demo_folder, load_demo
from mios_dashboard.demo.content import workbooks
from mios_dashboard.demo.content.dates import DemoCalendar, add_months
from mios_dashboard.demo.content.indicators import INDICATORS, NO_DATA_CODE, STALE_CODE
from mios_dashboard.services.imports.import_file import import_file

TODAY = dt.date(2026, 1, 15)
ANCHOR = dt.date(2025, 12, 1)
REQUIRED_GROUPS = {"Ventas", "Operación", "Calidad", "Proveedores", "Finanzas", "Comercial"}
PLAN_FIELDS = ("plan_what", "plan_resources", "plan_owner", "plan_due", "plan_evaluation")


def _load(factory, today=TODAY, folder=None):
    with session_scope(factory, actor="demo") as session:
        return load_demo(session, today=today, folder=folder)


def _fresh_sqlite_factory(path):
    engine = make_engine(f"sqlite:///{path}")
    upgrade_to_head(engine)
    return make_session_factory(engine)


def _table_counts(session) -> dict[str, int]:
    return {
        table.name: session.scalar(select(func.count()).select_from(table))
        for table in Base.metadata.sorted_tables if table.name != "app_state"
    }


def _values(factory) -> list[tuple]:
    with session_scope(factory) as session:
        return session.execute(
            select(Indicator.code, Measurement.period, Measurement.value, Measurement.comment, Measurement.entered_by)
            .join(Indicator, Measurement.indicator_id == Indicator.id)
            .order_by(Indicator.code, Measurement.period)
        ).all()


def _targets(factory) -> list[tuple]:
    with session_scope(factory) as session:
        return session.execute(
            select(Indicator.code, Target.period, Target.target).join(Indicator, Target.indicator_id == Indicator.id)
            .order_by(Indicator.code, Target.period)
        ).all()


# The board of TODAY as the demo showed it before it went through the importer (`board --json`, 2026-01-15):
# loading through the workbooks must give the same board, number for number.
BOARD_BEFORE_IMPORTER = {
    "score": 0.9786052880527863, "status": "yellow",
    "perspectives": {"Financiera": 0.9985444747121102, "Clientes": 0.9015337942957503,
                     "Procesos internos": 0.9977320483033661, "Aprendizaje y crecimiento": 1.0609919684972449},
    "actuals": {"CAL-01": 2.71, "COM-01": 84.3, "FIN-04": 1.99, "MER-01": 12.0, "OPE-01": 73.5962962962963,
                "OPE-02": 9869793.0, "VEN-01": 61295868.0},
    "statuses": {
        "CAL-01": "green", "CAL-02": "yellow", "CAL-03": "yellow", "CAL-04": "green", "CAL-05": "red",
        "CAL-06": "green", "COM-01": "yellow", "COM-02": "red", "COM-03": "green", "EST-01": "yellow",
        "FIN-01": "yellow", "FIN-02": "no_data", "FIN-03": "red", "FIN-04": "green", "FIN-05": "green",
        "FIN-06": "green", "MER-01": "yellow", "OPE-01": "yellow", "OPE-02": "green", "OPE-03": "green",
        "OPE-04": "green", "OPE-05": "green", "OPE-06": "red", "OPE-07": "green", "OPE-08": "green",
        "ORG-01": "yellow", "PER-01": "yellow", "PER-02": "stale", "PER-03": "green", "PER-04": "green",
        "PER-05": "green", "PRV-01": "red", "PRV-02": "yellow", "PRV-03": "green", "PRV-04": "green",
        "VEN-01": "yellow", "VEN-02": "green", "VEN-03": "red", "VEN-04": "green",
    },
}


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


def test_measurements_cover_24_periods_with_planted_gaps_and_a_stale_indicator(demo_factory):
    with session_scope(demo_factory) as session:
        rows = session.execute(
            select(Indicator.code, Indicator.frequency, Measurement.period, Measurement.source)
            .join(Indicator, Measurement.indicator_id == Indicator.id)
        ).all()
    periods: dict[str, list[dt.date]] = {}
    for code, frequency, period, source in rows:
        assert source == "import"  # every value came in through the importer, from the demo's workbooks
        periods.setdefault(code, []).append(period)
        if frequency == "monthly":
            assert period.day == 1
        elif frequency == "weekly":
            assert period.weekday() == 0
        elif frequency == "quarterly":
            assert period.day == 1 and period.month in (1, 4, 7, 10)
        elif frequency == "yearly":
            assert (period.month, period.day) == (1, 1)
        assert period <= dt.date(2025, 12, 31)
    for spec in INDICATORS:
        if spec.frequency == "monthly":
            expected = 24 - len(spec.series.gaps) - spec.series.stop
            assert len(periods[spec.code]) == expected, spec.code
            assert min(periods[spec.code]) >= dt.date(2024, 1, 1)
    assert sum(1 for s in INDICATORS if s.series.gaps) >= 2
    assert max(periods[STALE_CODE]) <= add_months(ANCHOR, -5)
    assert max(periods[NO_DATA_CODE]) == add_months(ANCHOR, -1)
    assert len(periods["OPE-02"]) in (104, 105)  # weekly: the Mondays of 24 months


def test_the_current_board_shows_greens_yellows_and_reds(demo_factory):
    with session_scope(demo_factory) as session:
        board = build_board(session)
    assert board["period"] == ANCHOR.isoformat()
    counts = board["counts"]
    assert counts["green"] > counts["yellow"] > counts["red"] > 0
    statuses = {i["code"]: i["status"] for i in board["indicators"]}
    assert statuses[STALE_CODE] == "stale" and statuses[NO_DATA_CODE] == "no_data"


def test_the_board_is_the_one_the_demo_showed_before_the_importer(demo_factory):
    with session_scope(demo_factory) as session:
        board = build_board(session)
    expected = BOARD_BEFORE_IMPORTER
    assert board["score"] == pytest.approx(expected["score"], rel=1e-12) and board["status"] == expected["status"]
    assert {p["name"]: p["score"] for p in board["perspectives"]} == pytest.approx(expected["perspectives"], rel=1e-12)
    assert {i["code"]: i["status"] for i in board["indicators"]} == expected["statuses"]
    actuals = {i["code"]: i["actual"] for i in board["indicators"] if i["code"] in expected["actuals"]}
    assert actuals == pytest.approx(expected["actuals"], rel=1e-12)


def test_the_demo_walks_the_importer_from_its_workbooks(demo_factory, tmp_path):
    assert sorted(path.name for path in (tmp_path / "demo").iterdir()) == sorted(workbooks.FILE_NAMES)
    keepers = {name: person.full for name, person in workbooks.KEEPERS.items()}
    with session_scope(demo_factory) as session:
        batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id)).all()
        assert [b.file_name for b in batches] == list(workbooks.FILE_NAMES)
        assert all(b.status == "accepted" and not b.errors and b.sheets for b in batches)
        assert {b.file_name: b.imported_by for b in batches} == keepers
        definitions, *measured = batches
        assert definitions.indicators_created == len(INDICATORS) and definitions.rows_inserted == 0
        assert all(b.rows_inserted > 0 and b.rows_updated == b.rows_unchanged == 0 for b in measured)
        # Every value belongs to the batch of its file and was entered by the file's keeper.
        rows = session.execute(
            select(Indicator.code, ImportBatch.file_name, Measurement.entered_by)
            .join(Indicator, Measurement.indicator_id == Indicator.id)
            .join(ImportBatch, Measurement.import_batch_id == ImportBatch.id)
        ).all()
        files = {spec.code: workbooks.file_for(spec) for spec in INDICATORS}
        assert len(rows) == session.scalar(select(func.count()).select_from(Measurement))
        assert all(name == files[code] and by == keepers[name] for code, name, by in rows)
        assert {b.file_name: b.rows_inserted for b in measured} == {
            name: sum(1 for _code, file_name, _by in rows if file_name == name) for name in workbooks.FILE_NAMES[1:]}
        # The audit trail: one event per value and per budget target, in the keeper's name.
        events = dict(session.execute(
            select(AuditEvent.entity, func.count()).where(AuditEvent.operation == "insert")
            .where(AuditEvent.entity.in_(["measurement", "target"])).group_by(AuditEvent.entity)).all())
        assert events == {"measurement": len(rows), "target": session.scalar(select(func.count()).select_from(Target))}
        sales = session.scalars(select(AuditEvent.actor).where(AuditEvent.entity == "target")).all()
        assert set(sales) == {keepers[workbooks.COMMERCIAL]}


def test_every_value_arrives_as_the_story_tells_it(demo_factory):
    """Each layout (wide by name with "n/d", long with dates, quarters and years, year and month columns, the
    Spanish CSV with decimal commas, the daily export) reads back exactly the values of the story."""
    story = workbooks.series(DemoCalendar(TODAY))
    expected = sorted((code, period, value, comment) for code, rows in story.items() for period, value, comment in rows)
    assert [(code, period, value, comment) for code, period, value, comment, _by in _values(demo_factory)] == expected


def test_a_user_can_reimport_the_demo_workbooks_and_edit_them(demo_factory, tmp_path):
    folder = tmp_path / "demo"
    before_values, before_targets = _values(demo_factory), _targets(demo_factory)
    with session_scope(demo_factory, actor="ana") as session:
        for name in workbooks.FILE_NAMES:
            result = import_file(session, folder / name, actor="ana")
            assert result.accepted, result.messages()
            assert (result.indicators_created, result.indicators_updated, result.measurements_inserted,
                    result.measurements_updated, result.targets_inserted, result.targets_updated) == (0,) * 6, name
    assert _values(demo_factory) == before_values and _targets(demo_factory) == before_targets

    # Opened in Excel, one figure corrected, imported again: exactly that value changes.
    import openpyxl

    path = folder / workbooks.MONTHLY
    book = openpyxl.load_workbook(path)
    sheet = book["Mensual"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "Margen bruto")
    row[-2].value = 30.5  # the newest month (the last column is the Promedio)
    book.save(path)
    with session_scope(demo_factory, actor="ana") as session:
        result = import_file(session, path, actor="ana")
    assert result.accepted and result.measurements_updated == 1 and result.measurements_inserted == 0
    changed = set(_values(demo_factory)) - set(before_values)
    assert [(code, period, value, by) for code, period, value, _comment, by in changed] == [
        ("FIN-01", ANCHOR, 30.5, "ana")]


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
            "board_period", "board_snapshot", "created_at", "updated_at")]
        assert len(texts) == 15 and all(len(t) > 80 for t in texts)
        assert session.scalar(select(func.count()).select_from(Action).where(Action.review_id == review.id)) >= 2


def test_loading_twice_changes_nothing(session_factory, tmp_path):
    first = _load(session_factory, folder=tmp_path / "demo")
    assert first.inserted["measurement"] == first.counts["measurement"] > 1000
    assert list(first.batches) == list(workbooks.FILE_NAMES) and first.folder == tmp_path / "demo"
    files = {path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in (tmp_path / "demo").iterdir()}
    with session_scope(session_factory) as session:
        before = _table_counts(session)
    second = _load(session_factory, folder=tmp_path / "demo")
    assert not second.changed and second.counts == first.counts and second.batches == {}
    assert files == {path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in (tmp_path / "demo").iterdir()}
    with session_scope(session_factory) as session:
        assert _table_counts(session) == before
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == before["audit_event"]


def test_loading_reads_each_table_once_not_each_row(engine, session_factory, tmp_path):
    statements = []
    event.listen(engine, "before_cursor_execute", lambda _c, _k, sql, *_: statements.append(sql.lstrip()[:6]))
    summary = _load(session_factory, folder=tmp_path / "demo")
    assert sum(summary.counts.values()) > 2000
    # Existing keys are fetched once per table (about 40 queries), and each imported file costs a fixed number
    # (the importer's reference data, fingerprint and comparison: 8), however many rows it holds.
    assert statements.count("SELECT") < 50 + 8 * len(workbooks.FILE_NAMES)
    if engine.dialect.name == "postgresql":  # SQLite has no ordered RETURNING: the ORM inserts row by row there
        assert len(statements) < 200


def test_two_fresh_databases_hold_identical_values(session_factory, tmp_path):
    _load(session_factory, folder=tmp_path / "demo")
    other = _fresh_sqlite_factory(tmp_path / "other" / "other.db")
    _load(other)
    assert _values(session_factory) == _values(other)
    # The workbooks depend only on the anchor month: the same bytes in both folders.
    for name in workbooks.FILE_NAMES:
        assert (tmp_path / "demo" / name).read_bytes() == (tmp_path / "other" / "demo" / name).read_bytes()


def test_the_folder_is_beside_an_sqlite_database(session_factory, tmp_path, monkeypatch):
    with session_scope(session_factory) as session:
        if session.get_bind().dialect.name == "sqlite":
            assert demo_folder(session) == tmp_path / "demo"
        else:
            monkeypatch.setenv("MIOS_DATA_DIR", str(tmp_path / "datos"))
            assert demo_folder(session) == tmp_path / "datos" / "demo"


def test_another_today_shifts_every_period(session_factory, tmp_path):
    _load(session_factory, folder=tmp_path / "demo")
    later = _fresh_sqlite_factory(tmp_path / "later" / "later.db")
    summary = _load(later, today=dt.date(2026, 4, 10))
    assert summary.anchor == dt.date(2026, 3, 1)
    old, new = _values(session_factory), _values(later)
    shift = {code: [] for code in ("VEN-01", "CAL-01")}
    for rows, key in ((old, 0), (new, 1)):
        for code, period, value, *_ in rows:
            if code in shift:
                shift[code].append((key, period, value))
    newest = {key: max(p for k, p, _ in shift["VEN-01"] if k == key) for key in (0, 1)}
    assert newest == {0: ANCHOR, 1: dt.date(2026, 3, 1)}
    # A story without seasonality gives the same values at the same offset from the anchor.
    scrap = [[v for k, _, v in shift["CAL-01"] if k == key] for key in (0, 1)]
    assert scrap[0] == scrap[1]


def test_reloading_for_a_later_month_keeps_the_stale_indicator_stale(session_factory, tmp_path):
    _load(session_factory, folder=tmp_path / "demo")
    summary = _load(session_factory, today=dt.date(2026, 4, 10), folder=tmp_path / "demo")
    assert summary.deleted.get("measurement", 0) > 0
    # The definitions did not change (no batch); every measurement file did, and was imported again.
    assert list(summary.batches) == list(workbooks.FILE_NAMES[1:])
    with session_scope(session_factory) as session:
        last = session.scalar(
            select(func.max(Measurement.period)).join(Indicator).where(Indicator.code == STALE_CODE)
        )
        assert last <= add_months(dt.date(2026, 3, 1), -5)
        assert session.scalar(select(func.count()).select_from(Organization)) == 1


def test_a_reanchored_demo_holds_what_a_fresh_load_for_that_month_holds(session_factory, tmp_path):
    later = dt.date(2026, 4, 10)
    _load(session_factory, folder=tmp_path / "demo")
    _load(session_factory, today=later, folder=tmp_path / "demo")
    fresh = _fresh_sqlite_factory(tmp_path / "fresh" / "fresh.db")
    _load(fresh, today=later)
    # Same values, comments (moved with their months) and keepers; old budget months stay, as they always did.
    assert _values(session_factory) == _values(fresh)
    assert set(_targets(fresh)) <= set(_targets(session_factory))
    with session_scope(session_factory) as session, session_scope(fresh) as other:
        reanchored, expected = build_board(session), build_board(other)
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 2 * len(workbooks.FILE_NAMES) - 1
    assert reanchored["period"] == expected["period"] == "2026-03-01"
    assert {i["code"]: (i["actual"], i["status"]) for i in reanchored["indicators"]} == {
        i["code"]: (i["actual"], i["status"]) for i in expected["indicators"]}


def test_the_demo_refuses_to_mix_into_another_organization(session_factory):
    with session_scope(session_factory) as session:
        session.add(Organization(name="Otra Empresa"))
    with pytest.raises(DemoConflictError), session_scope(session_factory) as session:
        load_demo(session, today=TODAY)
