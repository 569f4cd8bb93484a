"""How the demo's leadership acts on the board: actions, last fortnight's junta de operación, the last review.

Dates hang off `today`: the weekly operation meeting was held on the Monday two weeks ago; the management
review about four months ago (within the 6-month interval, so the next one is due in about two months).
"""
from __future__ import annotations

import datetime as dt

from mios_dashboard.demo.content import people as p
from mios_dashboard.demo.content.dates import MEXICO_CITY, DemoCalendar, add_months, spanish_date, spanish_month
from mios_dashboard.demo.content.indicators import PROCESS_CHANGE

LEADERS = [p.DIRECTOR, p.COMMERCIAL, p.OPERATIONS, p.FINANCE, p.QUALITY, p.PURCHASING, p.PEOPLE, p.LOGISTICS,
           p.PLANT]


def _at(day: dt.date, hour: int) -> dt.datetime:
    """A local meeting time stored in UTC, so SQLite and PostgreSQL give back the same instant."""
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=MEXICO_CITY).astimezone(dt.timezone.utc)


def operation_day(cal: DemoCalendar) -> dt.date:
    return cal.weekday_on_or_before(cal.days_ago(14), weekday=0)


def review_day(cal: DemoCalendar) -> dt.date:
    return cal.weekday_on_or_before(add_months(cal.today, -4), weekday=3)


def _previous_month(day: dt.date) -> dt.date:
    return add_months(day.replace(day=1), -1)


def meetings(cal: DemoCalendar) -> list[dict]:
    """The junta de operación of two weeks ago and the session of the last management review."""
    op_day, rev_day = operation_day(cal), review_day(cal)
    op_month = _previous_month(op_day)
    return [
        {
            "kind": "operation", "held_at": _at(op_day, 9), "chaired_by": p.DIRECTOR.owner,
            "title": f"Junta de operación semanal — {spanish_date(op_day)}",
            "attendees": [person.full for person in LEADERS],
            "board_period": op_month,
            "agenda": [
                {"kind": "red", "ref": "PRV-01", "text": "Entregas a tiempo de proveedores fuera de meta"},
                {"kind": "red", "ref": "OPE-06", "text": "OTIF semanal por debajo de 90 %"},
                {"kind": "red", "ref": "CAL-05", "text": "Humedad del papel liner fuera de rango"},
                {"kind": "red", "ref": "FIN-03", "text": "Días de cartera arriba de 50"},
                {"kind": "signal", "ref": "CAL-01",
                 "text": "Desperdicio bajo la línea central desde el cambio de proceso (regla 3)"},
                {"kind": "stale", "ref": "PER-02", "text": "Cumplimiento del plan de capacitación sin actualizar"},
                {"kind": "overdue_action", "ref": "AC-03", "text": "Calificación del segundo proveedor de liner"},
                {"kind": "forecast", "ref": "OBJ-05",
                 "text": "El OTIF no alcanza 95 % al cierre si sigue la tendencia"},
            ],
            "minutes": (
                f"Se revisó el tablero de {spanish_month(op_month)}. El Ing. Jorge Castañeda informó que el nuevo "
                "proveedor de papel liner sigue entregando con retraso y con humedad arriba de 8.5 %; el reclamo "
                "formal (AC-13) no resolvió el problema. El Ing. Héctor Ramírez explicó que el OTIF cayó porque "
                "la corrugadora se detuvo por falta de papel en tres ocasiones y hubo que reprogramar embarques. "
                "La Ing. Mariana Fuentes presentó la señal del desperdicio: se sostiene por debajo de 3 % desde el "
                "cambio del control de tensión, por lo que la acción AC-01 se considera eficaz. La C.P. Patricia "
                "Ochoa reportó cartera vencida en cinco clientes del Bajío. El plan de capacitación no se ha "
                "capturado en el tablero desde hace cinco meses. El Director General pidió no esperar a la "
                "calificación del segundo proveedor para proteger las entregas a los clientes."
            ),
        },
        {
            "kind": "management_review", "held_at": _at(rev_day, 10), "chaired_by": p.DIRECTOR.owner,
            "title": f"Revisión por la dirección — {spanish_date(rev_day)}",
            "attendees": [person.full for person in LEADERS],
            "board_period": _previous_month(rev_day),
            "agenda": [
                {"kind": "review_input", "ref": "9.3.2 a", "text": "Estado de las acciones de revisiones previas"},
                {"kind": "review_input", "ref": "9.3.2 b", "text": "Cambios en las cuestiones externas e internas"},
                {"kind": "review_input", "ref": "9.3.2 c", "text": "Desempeño y eficacia del SGC"},
                {"kind": "review_input", "ref": "9.3.2 d", "text": "Adecuación de los recursos"},
                {"kind": "review_input", "ref": "9.3.2 e",
                 "text": "Eficacia de las acciones sobre riesgos y oportunidades"},
                {"kind": "review_input", "ref": "9.3.2 f", "text": "Oportunidades de mejora"},
                {"kind": "review_output", "ref": "9.3.3", "text": "Decisiones y acciones"},
            ],
            "minutes": (
                "La revisión se realizó con el tablero de control directivo proyectado y el informe del "
                "representante de la dirección. Se concluye que el SGC es adecuado y eficaz; la política de la "
                "calidad sigue vigente. Se aprueban las acciones AC-03, AC-07 y AC-08 y el cambio a un proveedor "
                "de liner de menor costo, condicionado a una corrida de prueba y a calificar un segundo proveedor."
            ),
        },
    ]


def review(cal: DemoCalendar) -> dict:
    """The last management review (9.3), closed, with every 9.3.2 input and 9.3.3 output written out."""
    held = review_day(cal)
    month = held.replace(day=1)
    return {
        "period_start": add_months(month, -6), "period_end": month - dt.timedelta(days=1), "held_on": held,
        "status": "closed", "next_review_due": add_months(held, 6), "board_period": _previous_month(held),
        "previous_actions_status": (
            "De las 9 acciones de la revisión anterior, 7 están cerradas y 5 verificadas como eficaces. Destaca el "
            "control de tensión y humedad de la corrugadora (AC-01), que redujo el desperdicio de 4.9 % a 2.8 %. "
            "Siguen abiertas la digitalización de la captura en conversión y la actualización de descripciones de "
            "puesto."
        ),
        "context_changes": (
            "El precio del papel importado subió 9 % en el semestre por el tipo de cambio; aumentan las consultas "
            "de empresas llegadas por nearshoring al Bajío; un competidor importador bajó precios en cajas "
            "regulares. Internamente, la rotación de operadores sigue arriba de la meta por la competencia de "
            "plantas automotrices. Se actualizó el análisis FODA."
        ),
        "customer_satisfaction": (
            "La encuesta trimestral dio 86 puntos (meta 85) y la retención de clientes 93 %. Las quejas "
            "procedentes bajaron a 3–4 por mes; la principal sigue siendo el colapso de cajas en estiba en "
            "temporada de lluvias. Los accionistas piden recuperar el margen; la banca confirmó el cumplimiento "
            "de los covenants."
        ),
        "objectives_achievement": (
            "De 13 objetivos, 8 están en meta, 3 en riesgo (ventas, margen bruto y rotación) y 2 fuera de meta "
            "(cartera y capacitación). El margen bruto quedó en 22.8 % contra 24 % por el costo del papel."
        ),
        "process_performance": (
            "OEE de la corrugadora en 71 % (meta 75 %), cumplimiento del programa de producción 94 %, "
            "desperdicio 2.8 % (meta 3 %). Lotes rechazados en inspección final 1.7 %, a la baja."
        ),
        "nonconformities": (
            "Se registraron 21 quejas procedentes en el semestre y 6 acciones correctivas; 4 cerradas a tiempo. "
            "La acción por cajas colapsadas (AC-02) se verificó como no eficaz: la causa raíz apunta a la humedad "
            "del papel y se reabrió el análisis."
        ),
        "monitoring_results": (
            "38 indicadores en el tablero; 31 se actualizan a tiempo. Las señales de proceso confirman el cambio "
            "real del desperdicio; el resto de los rojos del semestre fueron variación natural."
        ),
        "audit_results": (
            "Auditoría interna al 100 % de los procesos: 0 no conformidades mayores, 3 menores (documentos "
            "obsoletos en piso, calibración vencida del medidor de humedad, registros de competencia incompletos) "
            "y 5 observaciones. La auditoría de vigilancia del organismo certificador no reportó hallazgos mayores."
        ),
        "provider_performance": (
            "Entregas a tiempo de proveedores 96 % y evaluación promedio de 87 puntos. El proveedor único de "
            "liner concentra el 70 % del consumo; su precio es 6 % mayor que una alternativa nacional."
        ),
        "resources_adequacy": (
            "La plantilla de mantenimiento es insuficiente para el programa preventivo del segundo turno. "
            "La inversión en sensores de humedad se recuperó en cinco meses. Falta un ejecutivo comercial en "
            "Querétaro para atender la demanda del Bajío."
        ),
        "risk_actions_effectiveness": (
            "Las coberturas cambiarias (RO-01) fueron eficaces: limitaron el alza del papel a la mitad. Las "
            "guardas y el LOTO (RO-08) sostienen 0 accidentes incapacitantes en el trimestre. El tratamiento de la "
            "dependencia del proveedor de liner (RO-02) no ha iniciado."
        ),
        "improvement_inputs": (
            "SMED en la troqueladora para recuperar OEE; operadores multihabilidad para cubrir la rotación; "
            "cambio a un proveedor nacional de liner de menor costo; captura digital en conversión."
        ),
        "improvement_outputs": (
            "1) Implementar SMED en la troqueladora (AC-07). 2) Programa de operadores multihabilidad (AC-08). "
            "3) Cambiar al proveedor nacional de liner tras una corrida de prueba, y calificar un segundo "
            "proveedor antes de 75 días (AC-03)."
        ),
        "qms_changes": (
            "Actualizar el procedimiento de evaluación de proveedores para incluir la humedad del papel como "
            "requisito de compra; incorporar el indicador de humedad en recepción (CAL-05) al tablero; revisar "
            "el FODA y la matriz de riesgos con el nuevo contexto de precios."
        ),
        "resource_needs": (
            "Un técnico de mantenimiento para el segundo turno; un ejecutivo comercial en Querétaro; consultor "
            "SMED (80 horas); presupuesto de capacitación adicional de $150 mil."
        ),
    }


def actions(cal: DemoCalendar) -> list[dict]:
    """Open and closed actions of every kind and origin, some overdue, some verified (effective or not)."""
    today, op, rev = cal.today, operation_day(cal), review_day(cal)
    days = dt.timedelta
    change = cal.month(PROCESS_CHANGE - 1)  # the month the corrugator change took effect

    def act(code, title, kind, origin, owner, opened, due, status, stage, *, closed=None, verified=None,
            verified_by=None, notes=None, objective=None, indicator=None, risk=None, meeting=None, review=False,
            description=""):
        return {
            "code": code, "title": title, "description": description, "kind": kind, "origin": origin,
            "owner": owner.owner, "opened_on": opened, "due_on": due, "closed_on": closed, "status": status,
            "pdca_stage": stage, "verified_on": verified, "verified_by": verified_by.owner if verified_by else None,
            "verification_notes": notes, "objective": objective, "indicator": indicator, "risk": risk,
            "meeting": meeting, "review": review,
        }

    return [
        act("AC-01", "Estandarizar el control de tensión y humedad en la corrugadora", "corrective", "kpi_signal",
            p.PLANT, add_months(change, -2), change - days(5), "effective", "act", closed=change - days(3),
            verified=add_months(change, 3), verified_by=p.QUALITY, objective="OBJ-08", indicator="CAL-01",
            notes="El desperdicio bajó de 4.9 % a menos de 3 % y se sostiene tres meses seguidos (CAL-01).",
            description="Desperdicio arriba de 4.5 % durante seis meses; causa raíz: variación de tensión del liner."),
        act("AC-02", "Queja de Cervecería del Norte: cajas colapsadas en estiba", "corrective", "complaint",
            p.QUALITY, add_months(today, -7), add_months(today, -6), "not_effective", "act",
            closed=add_months(today, -6), verified=add_months(today, -5), verified_by=p.QUALITY,
            notes="La queja se repitió al mes siguiente; la causa raíz apunta a la humedad del papel.",
            objective="OBJ-05", indicator="COM-02"),
        act("AC-03", "Calificar un segundo proveedor de papel liner", "risk_treatment", "management_review",
            p.PURCHASING, rev, rev + days(75), "in_progress", "do", objective="OBJ-07", indicator="PRV-01",
            risk="RO-02", meeting="management_review", review=True,
            description="Muestras y corrida de prueba con dos fabricantes nacionales."),
        act("AC-04", "Plan de recuperación de OTIF: inventario de seguridad de liner y entregas parciales",
            "meeting_decision", "meeting", p.LOGISTICS, op, op + days(21), "in_progress", "do", objective="OBJ-05",
            indicator="OPE-06", risk="RO-02", meeting="operation"),
        act("AC-05", "Capturar en el tablero el cumplimiento del plan de capacitación", "meeting_decision",
            "meeting", p.PEOPLE, op, op + days(7), "open", "check", objective="OBJ-11", indicator="PER-02",
            meeting="operation"),
        act("AC-06", "Visitar a los cinco clientes del Bajío con cartera vencida a más de 60 días",
            "meeting_decision", "meeting", p.FINANCE, op, op + days(28), "in_progress", "do", objective="OBJ-03",
            indicator="FIN-03", risk="RO-07", meeting="operation"),
        act("AC-07", "Implementar SMED en la troqueladora", "improvement", "management_review", p.PLANT, rev,
            add_months(rev, 5), "in_progress", "do", objective="OBJ-09", indicator="OPE-01",
            meeting="management_review", review=True),
        act("AC-08", "Programa de formación de operadores multihabilidad", "improvement", "management_review",
            p.PEOPLE, rev, rev + days(60), "open", "plan", objective="OBJ-11", risk="RO-06",
            meeting="management_review", review=True),
        act("AC-09", "Retirar documentos obsoletos de las estaciones de trabajo", "corrective", "audit",
            p.QUALITY, add_months(today, -8), add_months(today, -7), "effective", "act",
            closed=add_months(today, -7), verified=add_months(today, -5), verified_by=p.DIRECTOR,
            notes="Recorrido de verificación sin documentos obsoletos en las 12 estaciones."),
        act("AC-10", "Calibrar el medidor de humedad de recepción e incluirlo en el programa de calibración",
            "preventive", "audit", p.QUALITY, add_months(today, -2), add_months(today, -1), "closed", "check",
            closed=add_months(today, -1) + days(3), indicator="CAL-05"),
        act("AC-11", "Coberturas cambiarias para las compras de papel en dólares", "risk_treatment", "risk",
            p.FINANCE, add_months(today, -10), add_months(today, -9), "effective", "act",
            closed=add_months(today, -9), verified=add_months(today, -6), verified_by=p.DIRECTOR,
            notes="El costo del papel subió 4 % contra 9 % del mercado en el semestre.", objective="OBJ-02",
            risk="RO-01"),
        act("AC-12", "Respaldos fuera de sitio y simulacro de recuperación del ERP", "preventive", "risk", p.IT,
            add_months(today, -3), today - days(15), "in_progress", "do", risk="RO-05"),
        act("AC-13", "Reclamar al nuevo proveedor la humedad del liner fuera de especificación", "corrective",
            "kpi_signal", p.PURCHASING, add_months(today, -2), add_months(today, -1), "not_effective", "act",
            closed=today - days(20), verified=op, verified_by=p.QUALITY,
            notes="La humedad sigue arriba de 8.5 % en el mes siguiente al reclamo (CAL-05).", objective="OBJ-07",
            indicator="CAL-05", risk="RO-02"),
        act("AC-14", "Captura de OEE en tableta en las líneas de conversión", "improvement", "other",
            p.OPERATIONS, add_months(today, -14), add_months(today, -12), "effective", "act",
            closed=add_months(today, -12), verified=add_months(today, -10), verified_by=p.QUALITY,
            notes="La OEE se publica el mismo día; se eliminaron las hojas de Excel de planta.",
            objective="OBJ-09", indicator="OPE-01", risk="RO-13"),
    ]
