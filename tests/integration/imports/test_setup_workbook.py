"""A company sets up its management system from one workbook, into an empty database (SQLite and PostgreSQL):
Procesos → Objetivos → Indicadores → Mediciones in one transaction, references to rows of the same file, every
error by sheet and cell with nothing written, and a second import of the same file changing nothing."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from mios_dashboard.db import session_scope
from mios_dashboard.models import AuditEvent, Indicator, Measurement, Objective, Process
from mios_dashboard.services.board.compute import build_board
from mios_dashboard.services.imports.import_file import ImportResult, import_file
from tests.integration.imports.setup_books import (
    INDICATOR_HEADER,
    MEASUREMENT_HEADER,
    OBJECTIVE_HEADER,
    PROCESS_HEADER,
    company_workbook,
    write_sheets,
)
from tests.seeded import perspective as seeded_perspective


def run(factory, path, **kwargs) -> ImportResult:
    with session_scope(factory, actor="ana") as session:
        return import_file(session, path, actor="ana", **kwargs)


def counts(factory) -> dict[str, int]:
    with session_scope(factory) as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (Process, Objective, Indicator, Measurement, AuditEvent)}


def small_company(tmp_path, **overrides):
    """Two processes, three objectives (one the child of another, written before its parent), three
    indicators and their values; `overrides` replaces whole sheets."""
    sheets = {
        "Procesos": [PROCESS_HEADER,
                     ["VEN", "Ventas", "Operativo", "Laura", "Vender y cobrar"],
                     ["DIR", "Dirección", "estratégico", "Carlos", "Fijar el rumbo"]],
        "Objetivos": [OBJECTIVE_HEADER,
                      ["OB-2", "Subir la satisfacción", "Clientes", "ventas", "Encuestas", "Personal", "Laura",
                       dt.date(2026, 6, 30), "Encuesta trimestral", 2, "OB-1"],
                      ["OB-1", "Crecer con rentabilidad", "FIN", "DIR", "Plan comercial", "Presupuesto", "Carlos",
                       "dic 2026", "Estado de resultados", None, None],
                      ["OB-3", "Aprender", "Learning and growth", None, None, None, None, None, None, None, None]],
        "Indicadores": [INDICATOR_HEADER,
                        ["VEN-01", "Ventas netas", "MXN", "mayor es mejor", "mensual", "suma", 1000, None, "OB-1",
                         "VEN", "Laura", 0, None, "sí"],
                        ["SAT-01", "Satisfacción", "%", "mayor es mejor", "mensual", "promedio", 90, None,
                         "subir la satisfaccion", "Ventas", None, 1, "2025-01 a 2025-06", "si"],
                        ["CAP-01", "Horas de capacitación", "h", "mayor es mejor", "mensual", "suma", 10, None,
                         "OB-3", None, None, None, None, "no"]],
        "Mediciones": [MEASUREMENT_HEADER,
                       ["VEN-01", "2025-01", 950], ["VEN-01", "2025-02", 1100],
                       ["SAT-01", "2025-01", 88], ["SAT-01", "2025-02", 91.5],
                       ["CAP-01", "2025-02", 12]],
    }
    sheets.update(overrides)
    return write_sheets(tmp_path / "sistema.xlsx", sheets)


def test_a_whole_company_sets_up_from_one_workbook(session_factory, tmp_path):
    path = company_workbook(tmp_path / "empresa.xlsx", processes=20, objectives=40, indicators=200, months=24)
    result = run(session_factory, path)
    assert result.accepted, result.messages()
    assert (result.processes_created, result.objectives_created, result.indicators_created) == (20, 40, 200)
    assert result.measurements_inserted == 200 * 24
    assert result.sheets == ["Procesos", "Objetivos", "Indicadores", "Mediciones"]
    with session_scope(session_factory) as session:
        objectives = session.scalars(select(Objective)).all()
        assert {o.perspective.code for o in objectives} == {"FIN", "CLI", "PRO", "APR"}
        assert all(o.process is not None and o.plan_due == dt.date(2026, 12, 31) for o in objectives)
        child = session.scalar(select(Objective).where(Objective.code == "O01"))
        assert child.parent.code == "O02" and child.plan_what == "Plan de acción 1" and child.weight == 2
        assert session.scalar(select(Process).where(Process.code == "P03")).type == "strategic"
        board = build_board(session)
    assert board["period"] == "2026-12-01"
    assert all(p["score"] is not None for p in board["perspectives"]), board["perspectives"]
    assert board["score"] is not None


def test_references_to_rows_of_the_same_file_and_the_plan_fields(session_factory, tmp_path):
    result = run(session_factory, small_company(tmp_path))
    assert result.accepted, result.messages()
    assert result.to_dict()["processes"] == {"created": 2, "updated": 0, "unchanged": 0}
    assert result.to_dict()["objectives"] == {"created": 3, "updated": 0, "unchanged": 0}
    with session_scope(session_factory) as session:
        ob2 = session.scalar(select(Objective).where(Objective.code == "OB-2"))
        assert (ob2.parent.code, ob2.process.code, ob2.perspective.code) == ("OB-1", "VEN", "CLI")
        assert (ob2.plan_what, ob2.plan_resources, ob2.plan_owner, ob2.plan_evaluation) == (
            "Encuestas", "Personal", "Laura", "Encuesta trimestral")
        assert ob2.plan_due == dt.date(2026, 6, 30) and ob2.weight == 2
        ob1 = session.scalar(select(Objective).where(Objective.code == "OB-1"))
        assert ob1.plan_due == dt.date(2026, 12, 31) and ob1.weight == 1 and ob1.parent is None
        assert session.scalar(select(Objective).where(Objective.code == "OB-3")).perspective.code == "APR"
        sat = session.scalar(select(Indicator).where(Indicator.code == "SAT-01"))
        assert (sat.objective.code, sat.process.code, sat.decimals) == ("OB-2", "VEN", 1)
        assert (sat.xmr_baseline_start, sat.xmr_baseline_end) == (dt.date(2025, 1, 1), dt.date(2025, 6, 1))
        cap = session.scalar(select(Indicator).where(Indicator.code == "CAP-01"))
        assert cap.active is False and cap.objective.code == "OB-3"
        assert {p.code: p.type for p in session.scalars(select(Process))} == {"VEN": "operational", "DIR": "strategic"}
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == "objective",
                                                          AuditEvent.operation == "insert")).all()
        assert len(events) == 3 and all(e.actor == "ana" for e in events)


def test_the_same_file_twice_changes_nothing_the_second_time(session_factory, tmp_path):
    path = small_company(tmp_path)
    assert run(session_factory, path).accepted
    before = counts(session_factory)
    again = run(session_factory, path, dry_run=True)
    assert again.accepted and again.indicators_created == again.processes_created == again.objectives_created == 0
    # the same content saved again (other bytes): read and compared, still nothing to change
    (tmp_path / "again").mkdir()
    resaved = small_company(tmp_path / "again", Notas=[])
    second = run(session_factory, resaved)
    assert second.accepted, second.messages()
    assert (second.processes_created, second.processes_updated, second.processes_unchanged) == (0, 0, 2)
    assert (second.objectives_created, second.objectives_updated, second.objectives_unchanged) == (0, 0, 3)
    assert (second.indicators_created, second.indicators_updated, second.indicators_unchanged) == (0, 0, 3)
    assert second.measurements_inserted == second.measurements_updated == 0
    after = counts(session_factory)
    assert after == {**before, "audit_event": before["audit_event"] + 1}  # only the second batch's own record
    with session_scope(session_factory) as session:
        newest = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        assert newest.entity == "import_batch"


def test_a_second_file_updates_processes_and_objectives_with_old_and_new_audited(session_factory, tmp_path):
    assert run(session_factory, small_company(tmp_path)).accepted
    changed = small_company(tmp_path, Procesos=[PROCESS_HEADER, ["VEN", "Ventas y cobranza", None, "Marta", None]],
                            Objetivos=[OBJECTIVE_HEADER, ["OB-3", None, "PRO", "VEN", None, None, None, None, None,
                                                          None, "OB-1"]])
    result = run(session_factory, changed)
    assert result.accepted, result.messages()
    assert (result.processes_updated, result.objectives_updated) == (1, 1)
    with session_scope(session_factory) as session:
        ven = session.scalar(select(Process).where(Process.code == "VEN"))
        assert (ven.name, ven.owner, ven.purpose, ven.type) == ("Ventas y cobranza", "Marta", "Vender y cobrar",
                                                                "operational")
        ob3 = session.scalar(select(Objective).where(Objective.code == "OB-3"))
        assert (ob3.perspective.code, ob3.process.code, ob3.parent.code, ob3.title) == ("PRO", "VEN", "OB-1", "Aprender")
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity == "process",
                                                         AuditEvent.operation == "update")).one()
        assert event.changes["name"] == ["Ventas", "Ventas y cobranza"] and event.changes["owner"] == ["Laura", "Marta"]


def refused(factory, path, lang="es") -> list[str]:
    before = counts(factory)
    result = run(factory, path, lang=lang)
    assert not result.accepted
    after = counts(factory)
    assert {k: v for k, v in after.items() if k != "audit_event"} == {k: v for k, v in before.items()
                                                                       if k != "audit_event"}
    return result.messages()


def test_each_error_names_its_sheet_and_cell_and_nothing_is_written(session_factory, tmp_path):
    path = small_company(
        tmp_path,
        Procesos=[PROCESS_HEADER,
                  ["VEN", "Ventas", "comercial", None, None],  # row 2: unknown type
                  ["DIR", None, "apoyo", None, None],  # row 3: a new process without a name
                  ["CAL", "ventas", "apoyo", None, None]],  # row 4: VEN's name
        Objetivos=[OBJECTIVE_HEADER,
                   ["OB-1", "Uno", "Marte", "VEN", None, None, None, None, None, None, None],  # row 2
                   ["OB-2", "Dos", "CLI", "Compras", None, None, None, "mañana", None, 0, "OB-9"],  # row 3
                   ["OB-3", "Tres", None, None, None, None, None, None, None, None, None]],  # row 4
        Indicadores=[INDICATOR_HEADER,
                     ["VEN-01", "Ventas", "MXN", "mayor es mejor", "mensual", "suma", 10, None, "OB-7", "Logística",
                      None, 9, "2025-06 a 2025-01", "quizá"]])
    assert refused(session_factory, path) == [
        "Procesos!C2: «comercial» no es un tipo de proceso (use estratégico, operativo o apoyo)",
        "Procesos!A3: «DIR» es nuevo y necesita «Nombre»",
        "Procesos!B4: el nombre «ventas» ya lo tiene el proceso VEN; cada proceso necesita un nombre propio",
        "Objetivos!C2: perspectiva desconocida «Marte» (use FIN, CLI, PRO o APR, o su nombre)",
        "Objetivos!D3: proceso desconocido «Compras»: no está en la base de datos ni en la hoja de procesos",
        "Objetivos!H3: «mañana» no es una fecha (use una fecha de Excel, AAAA-MM-DD o DD/MM/AAAA)",
        "Objetivos!J3: «Peso» debe ser mayor que cero",
        "Objetivos!K3: objetivo padre desconocido «OB-9»: no está en la base de datos ni en la hoja de objetivos",
        "Objetivos!A4: el objetivo nuevo «OB-3» necesita una perspectiva (FIN, CLI, PRO o APR, o su nombre)",
        "Indicadores!I2: objetivo desconocido «OB-7»: no está en la base de datos ni en la hoja de objetivos",
        "Indicadores!J2: proceso desconocido «Logística»: no está en la base de datos ni en la hoja de procesos",
        "Indicadores!L2: «9» no es un número de decimales (un entero de 0 a 6)",
        "Indicadores!M2: la ventana XmR empieza (2025-06-01) después de terminar (2025-01-01)",
        "Indicadores!N2: «quizá» no es sí ni no (use sí/no, verdadero/falso o 1/0)",
        "Mediciones!A4: indicador desconocido «SAT-01»",
        "Mediciones!A5: indicador desconocido «SAT-01»",
        "Mediciones!A6: indicador desconocido «CAP-01»",
    ]


def test_errors_in_english(session_factory, tmp_path):
    path = small_company(tmp_path, Objetivos=[
        OBJECTIVE_HEADER, ["OB-1", "Uno", "Mars", "VEN", None, None, None, None, None, None, "OB-1"]])
    assert refused(session_factory, path, lang="en") == [
        "Objetivos!C2: unknown perspective “Mars” (use FIN, CLI, PRO or APR, or its name)",
        "Objetivos!K2: the parent objective of “OB-1” makes a cycle: OB-1 → OB-1",
        "Indicadores!I3: unknown objective “subir la satisfaccion”: it is neither in the database nor in the "
        "objectives sheet",
        "Indicadores!I4: unknown objective “OB-3”: it is neither in the database nor in the objectives sheet",
    ]


def test_parent_cycles_in_the_file_and_through_the_database(session_factory, tmp_path):
    cycle = [OBJECTIVE_HEADER,
             ["OB-1", "Uno", "FIN", None, None, None, None, None, None, None, "OB-2"],
             ["OB-2", "Dos", "FIN", None, None, None, None, None, None, None, "ob-1"],
             ["OB-3", "Tres", "APR", None, None, None, None, None, None, None, "OB-3"]]
    path = small_company(tmp_path, Objetivos=cycle, Indicadores=[INDICATOR_HEADER], Mediciones=[MEASUREMENT_HEADER])
    assert refused(session_factory, path) == [
        "Objetivos!K2: el objetivo padre de «OB-1» forma un ciclo: OB-1 → OB-2 → OB-1",
        "Objetivos!K3: el objetivo padre de «OB-2» forma un ciclo: OB-1 → OB-2 → OB-1",
        "Objetivos!K4: el objetivo padre de «OB-3» forma un ciclo: OB-3 → OB-3",
    ]
    with session_scope(session_factory, actor="setup") as session:  # OB-1 → OB-2 already stored
        fin = seeded_perspective(session, "FIN")
        parent = Objective(code="OB-2", title="Dos", perspective_id=fin.id)
        session.add(parent)
        session.flush()
        session.add(Objective(code="OB-1", title="Uno", perspective_id=fin.id, parent_id=parent.id))
    closing = small_company(tmp_path, Objetivos=[OBJECTIVE_HEADER, ["OB-2", None, None, None, None, None, None,
                                                                    None, None, None, "Uno"]],
                            Indicadores=[INDICATOR_HEADER], Mediciones=[MEASUREMENT_HEADER])
    assert refused(session_factory, closing) == [
        "Objetivos!K2: el objetivo padre de «OB-2» forma un ciclo: OB-2 → OB-1 → OB-2"]


def test_setup_sheets_alone_are_a_valid_file(session_factory, tmp_path):
    path = write_sheets(tmp_path / "procesos.xlsx", {"Procesos": [
        PROCESS_HEADER, ["VEN", "Ventas", "operational", None, None], ["RH", "Recursos humanos", "support", None, None]]})
    result = run(session_factory, path)
    assert result.accepted, result.messages()
    assert result.processes_created == 2 and result.sheets == ["Procesos"]
