"""Strategy of the demo: the four perspectives, the process map with SIPOCs, quality objectives and the strategy map.

The process DIR carries exactly the SIPOC of slide 26 (Responsabilidad de la Dirección).
"""
from __future__ import annotations

import datetime as dt

from mios_dashboard.demo.content import people as p
from mios_dashboard.demo.content.dates import DemoCalendar

PERSPECTIVES = [
    {"code": "FIN", "name": "Financiera", "sort_order": 1, "weight": 0.30,
     "description": "¿Cómo nos ven los accionistas? Crecimiento rentable, margen y liquidez."},
    {"code": "CLI", "name": "Clientes", "sort_order": 2, "weight": 0.30,
     "description": "¿Cómo nos ven los clientes? Satisfacción, entregas completas y a tiempo, cero quejas."},
    {"code": "PRO", "name": "Procesos internos", "sort_order": 3, "weight": 0.25,
     "description": "¿En qué procesos debemos sobresalir? Eficiencia de planta, calidad y proveedores."},
    {"code": "APR", "name": "Aprendizaje y crecimiento", "sort_order": 4, "weight": 0.15,
     "description": "¿Cómo seguimos mejorando? Competencia, permanencia y seguridad del personal."},
]

# Slide 26, column by column, in the order of the slide.
DIR_PARTIES = [
    "Accionistas", "Aliados estratégicos", "Clientes", "Proveedores", "Instituciones financieras", "Gobierno",
    "Organismos regulatorios", "Procesos internos", "Procesos externos",
]
DIR_SIPOC = {
    "supplier": DIR_PARTIES,
    "input": [
        "Lineamientos de negocio", "Lineamientos de alianzas", "Recursos por alianzas", "Requisitos del cliente",
        "Pago productos/servicios", "Materias primas", "Recursos financieros", "Requisitos legales",
        "Requisitos regulatorios", "Recursos procesos internos", "Recursos procesos externos",
    ],
    "activity": [
        "Compromiso con el sistema de gestión", "Liderar el sistema de gestión", "Compromiso con enfoque al cliente",
        "Liderar el enfoque al cliente", "Definir el contexto de la organización",
        "Asegurar disponibilidad de recursos",
        "Establecer la política de la calidad", "Gestionar la política de la calidad",
        "Establecer los objetivos de la calidad", "Gestionar los objetivos de la calidad",
        "Asignar responsabilidades/autoridades", "Planificar el sistema de gestión",
        "Planificar la operación de la organización", "Realizar planificación estratégica",
        "Realizar revisiones por la dirección", "Nombrar un representante ante el SGC",
        "Asegurar la comunicación interna", "Asegurar la satisfacción del cliente",
        "Cumplir requisitos de partes interesadas",
    ],
    "output": [
        "Alcance del sistema de gestión", "Proceso de negocios", "Procesos operativos", "Organigrama",
        "Contexto de la organización", "Política de la calidad", "Objetivos de la calidad",
        "Tablero de control directivo", "Procedimientos de gestión", "Procedimientos operativos",
        "Provisión de recursos", "Revisiones por la dirección", "Revisiones operativas",
        "Acciones preventivas de PE", "Reportes de la eficacia SGC", "Satisfacción del cliente",
        "Satisfacción partes interesadas",
    ],
    "customer": DIR_PARTIES,
    "control": ["Tablero de control directivo", "Procedimientos del SGC"],
}


def _sipoc(supplier, inputs, activities, outputs, customers, controls) -> dict[str, list[str]]:
    return {"supplier": supplier, "input": inputs, "activity": activities, "output": outputs,
            "customer": customers, "control": controls}


PROCESSES = [
    {
        "code": "DIR", "name": "Responsabilidad de la Dirección", "type": "strategic", "owner": p.DIRECTOR.owner,
        "purpose": "Dirigir la organización y su sistema de gestión hacia la visión, con base en el tablero de "
                   "control directivo, la revisión por la dirección y la planeación estratégica.",
        "sipoc": DIR_SIPOC,
    },
    {
        "code": "SGC", "name": "Gestión de la calidad y mejora", "type": "strategic", "owner": p.QUALITY.owner,
        "purpose": "Mantener el SGC conforme y eficaz: documentos, auditorías internas, quejas, producto no "
                   "conforme y acciones correctivas.",
        "sipoc": _sipoc(
            ["Todos los procesos", "Clientes", "Organismo certificador"],
            ["Quejas y reclamaciones", "Resultados de inspección", "Hallazgos de auditoría"],
            ["Controlar la información documentada", "Realizar auditorías internas", "Atender quejas (8D)",
             "Controlar el producto no conforme", "Dar seguimiento a acciones correctivas"],
            ["Reportes 8D", "Informe de auditoría", "Acciones correctivas verificadas", "Reportes de la eficacia SGC"],
            ["Dirección", "Clientes", "Dueños de proceso"],
            ["Procedimientos del SGC", "Programa anual de auditorías"],
        ),
    },
    {
        "code": "COM", "name": "Comercialización y servicio al cliente", "type": "operational",
        "owner": p.COMMERCIAL.owner,
        "purpose": "Conseguir y conservar clientes rentables: determinar sus requisitos, cotizar, tomar pedidos "
                   "y medir su satisfacción.",
        "sipoc": _sipoc(
            ["Clientes", "Dirección", "Mercado"],
            ["Solicitudes de cotización", "Especificaciones y planos del cliente", "Lista de precios autorizada"],
            ["Prospectar y visitar clientes", "Revisar requisitos del cliente (8.2)", "Cotizar y negociar",
             "Capturar pedidos", "Evaluar la satisfacción del cliente"],
            ["Cotizaciones", "Pedidos confirmados", "Encuesta de satisfacción"],
            ["Clientes", "Producción", "Almacén y distribución"],
            ["Tablero de control directivo", "Política comercial y de crédito"],
        ),
    },
    {
        "code": "PRD", "name": "Producción y mantenimiento", "type": "operational", "owner": p.PLANT.owner,
        "purpose": "Convertir papel en cajas y plegadizos conformes, con la eficiencia y la seguridad planeadas.",
        "sipoc": _sipoc(
            ["Compras", "Comercialización", "Mantenimiento"],
            ["Papel liner y médium", "Almidón y tintas", "Programa de producción", "Especificación del cliente"],
            ["Corrugar", "Imprimir", "Troquelar y pegar", "Inspeccionar y liberar", "Mantener equipos"],
            ["Cajas y empaques liberados", "Reporte de desperdicio", "Registro de OEE"],
            ["Almacén y distribución", "Gestión de la calidad"],
            ["Plan de control de calidad", "Programa de mantenimiento preventivo"],
        ),
    },
    {
        "code": "LOG", "name": "Almacén y distribución", "type": "operational", "owner": p.LOGISTICS.owner,
        "purpose": "Entregar al cliente lo que pidió, completo, a tiempo y en buen estado.",
        "sipoc": _sipoc(
            ["Producción", "Comercialización", "Transportistas"],
            ["Producto terminado liberado", "Pedidos y fechas compromiso"],
            ["Almacenar producto terminado", "Surtir y embarcar", "Entregar con flotilla propia o terceros",
             "Confirmar la entrega"],
            ["Entregas con evidencia de recepción", "Reporte OTIF"],
            ["Clientes", "Comercialización", "Administración y finanzas"],
            ["Tablero de control directivo", "Procedimiento de embarques"],
        ),
    },
    {
        "code": "CMP", "name": "Compras y desarrollo de proveedores", "type": "support", "owner": p.PURCHASING.owner,
        "purpose": "Asegurar materias primas y servicios conformes, a tiempo y al costo adecuado (8.4).",
        "sipoc": _sipoc(
            ["Proveedores de papel", "Proveedores de insumos", "Producción"],
            ["Requisiciones", "Pronóstico de consumo", "Certificados de calidad del proveedor"],
            ["Seleccionar y aprobar proveedores", "Emitir órdenes de compra", "Recibir e inspeccionar materia prima",
             "Evaluar proveedores"],
            ["Materia prima liberada", "Evaluación de proveedores"],
            ["Producción", "Proveedores"],
            ["Lista de proveedores aprobados", "Tablero de control directivo"],
        ),
    },
    {
        "code": "RH", "name": "Capital humano", "type": "support", "owner": p.PEOPLE.owner,
        "purpose": "Contar con personal competente, consciente de la política y seguro en su trabajo "
                   "(7.1.2, 7.2, 7.3).",
        "sipoc": _sipoc(
            ["Dirección", "Dueños de proceso", "Bolsas de trabajo"],
            ["Plantilla autorizada", "Perfiles de puesto", "Necesidades de capacitación"],
            ["Reclutar y seleccionar", "Inducir y capacitar", "Evaluar la competencia",
             "Gestionar seguridad e higiene"],
            ["Personal contratado y capacitado", "Registros de competencia", "Indicadores de rotación"],
            ["Todos los procesos"],
            ["Plan anual de capacitación", "Reglamento interior de trabajo"],
        ),
    },
    {
        "code": "FIN", "name": "Administración y finanzas", "type": "support", "owner": p.FINANCE.owner,
        "purpose": "Administrar los recursos económicos, el crédito y la información financiera de la empresa.",
        "sipoc": _sipoc(
            ["Clientes", "Instituciones financieras", "Todos los procesos"],
            ["Facturas y cobranza", "Líneas de crédito", "Presupuesto anual"],
            ["Facturar y cobrar", "Pagar a proveedores", "Cerrar la contabilidad mensual", "Gestionar la tesorería"],
            ["Estados financieros", "Flujo de efectivo", "Reporte de cartera"],
            ["Dirección", "Accionistas", "Gobierno (SAT)"],
            ["Presupuesto anual", "Tablero de control directivo"],
        ),
    },
]


def _objective(code, title, perspective, process, owner, commitment, what, resources, due, evaluation, weight=1.0):
    return {
        "code": code, "title": title, "perspective": perspective, "process": process, "policy_commitment": commitment,
        "plan_what": what, "plan_resources": resources, "plan_owner": owner.owner, "plan_due": due,
        "plan_evaluation": evaluation, "weight": weight,
    }


def _next(cal: DemoCalendar, month: int, day: int) -> dt.date:
    """The first `month`/`day` after the end of the anchor month: plans always end ahead of the data."""
    candidate = dt.date(cal.end.year, month, day)
    return candidate if candidate > cal.end else candidate.replace(year=candidate.year + 1)


def objectives(cal: DemoCalendar) -> list[dict]:
    """Quality objectives (6.2) with their 6.2.2 plans; due dates fall on period ends ahead of the anchor."""
    year_end = _next(cal, 12, 31)
    mid_year = _next(cal, 6, 30)
    q = _next(cal, 9, 30)
    return [
        _objective("OBJ-01", "Crecer las ventas netas 8 % contra el año anterior", "FIN", "COM", p.COMMERCIAL,
                   "Generar valor para los accionistas conservando clientes satisfechos.",
                   "Plan comercial por segmento: ampliar cuentas de alimentos y bebidas y abrir el Bajío.",
                   "Dos ejecutivos de venta adicionales; CRM; presupuesto de viáticos de $1.2 millones.",
                   year_end, "Ventas netas facturadas contra presupuesto mensual (VEN-01, VEN-02).", 2.0),
        _objective("OBJ-02", "Llevar el margen bruto a 24 % o más", "FIN", "FIN", p.FINANCE,
                   "Reducir el costo de la no calidad y el desperdicio (mejora continua).",
                   "Revisión trimestral de precios por cliente, ahorro en compras y reducción del costo de no calidad.",
                   "Analista de costos; reporte de rentabilidad por cliente en el ERP.",
                   year_end, "Margen bruto y EBITDA mensuales del estado de resultados (FIN-01, FIN-02, CAL-03).", 1.5),
        _objective("OBJ-03", "Sostener la liquidez: cartera en 45 días o menos", "FIN", "FIN", p.FINANCE,
                   "Relaciones justas y duraderas con clientes y proveedores.",
                   "Política de crédito por segmento; cobranza semanal de cartera vencida; factoraje con la banca.",
                   "Ejecutivo de cobranza; línea de factoraje de $15 millones.",
                   mid_year, "Días de cartera y razón circulante al cierre de cada mes (FIN-03, FIN-04)."),
        _objective("OBJ-04", "Elevar la satisfacción del cliente a 85 puntos", "CLI", "COM", p.COMMERCIAL,
                   "Cumplir los requisitos de nuestros clientes.",
                   "Encuesta trimestral, visitas de servicio a las 20 cuentas principales y plan por cada cliente "
                   "con calificación menor a 75.",
                   "Encuesta en línea; tiempo de los ejecutivos de cuenta.",
                   year_end, "Índice trimestral de satisfacción (COM-01) y retención de clientes."),
        _objective("OBJ-05", "Entregar completo y a tiempo (OTIF 95 %) y bajar las quejas 30 %", "CLI", "LOG",
                   p.LOGISTICS, "Entregar completo y a tiempo.",
                   "Programación de rutas, confirmación de entrega en línea, análisis 8D de cada queja procedente.",
                   "Sistema de embarques (WMS); dos unidades de reparto adicionales en temporada alta.",
                   year_end, "OTIF semanal, quejas procedentes y devoluciones (OPE-06, COM-02, CAL-04).", 1.5),
        _objective("OBJ-06", "Ganar 36 cuentas nuevas al año, con foco en el Bajío", "CLI", "COM", p.COMMERCIAL,
                   "Crecer con clientes que valoran la calidad y el servicio.",
                   "Prospección de empresas de manufactura llegadas por nearshoring; muestras sin costo.",
                   "Ejecutivo comercial en Querétaro; presupuesto de muestras de $300 mil.",
                   year_end,
                   "Clientes nuevos con primera compra y tasa de conversión de cotizaciones (VEN-03, VEN-04)."),
        _objective("OBJ-07", "Asegurar el desempeño de los proveedores estratégicos", "PRO", "CMP", p.PURCHASING,
                   "Desarrollar proveedores confiables.",
                   "Evaluación trimestral, auditorías a proveedores de papel y calificación de un segundo "
                   "proveedor de liner.",
                   "Inspector de recepción; medidor de humedad calibrado; viáticos de auditoría.",
                   q,
                   "Entregas a tiempo, evaluación y rechazos de proveedores; humedad del liner (PRV-01–03, CAL-05)."),
        _objective("OBJ-08", "Reducir el desperdicio en planta a 3 % o menos", "PRO", "PRD", p.PLANT,
                   "Reducir el desperdicio y el costo de la no calidad.",
                   "Control de tensión y humedad en corrugadora, cambio rápido de formato y análisis de causas "
                   "por turno.",
                   "Proyecto Green Belt; sensores de humedad en la corrugadora ($850 mil).",
                   year_end, "Desperdicio mensual y lotes rechazados en inspección final (CAL-01, CAL-02)."),
        _objective("OBJ-09", "Elevar la eficiencia global de equipo (OEE) de la corrugadora a 75 %", "PRO", "PRD",
                   p.OPERATIONS, "Mejorar continuamente la eficacia de los procesos.",
                   "SMED en troqueladora, captura de paros en tableta y juntas diarias de arranque de turno.",
                   "Tabletas en línea; consultor SMED (80 horas).",
                   year_end, "OEE diaria y cumplimiento del programa de producción (OPE-01, OPE-02, OPE-03)."),
        _objective("OBJ-10", "Cumplir 95 % del mantenimiento preventivo y bajar los paros no programados",
                   "PRO", "PRD", p.MAINTENANCE, "Mejorar continuamente la eficacia de los procesos.",
                   "Programa anual de mantenimiento preventivo con refacciones críticas en inventario.",
                   "Dos técnicos de mantenimiento; inventario de refacciones críticas de $1.5 millones.",
                   mid_year, "Cumplimiento del programa y horas de paro no programado (OPE-05, OPE-04)."),
        _objective("OBJ-11", "Cumplir el programa anual de capacitación y de competencias", "APR", "RH", p.PEOPLE,
                   "Contar con personal competente.",
                   "Matriz de habilidades por puesto, formación de operadores multihabilidad y actualización "
                   "de descripciones de puesto.",
                   "Instructores internos; presupuesto de capacitación de $650 mil.",
                   year_end,
                   "Cumplimiento mensual del plan de capacitación y descripciones de puesto al día (PER-02, ORG-01)."),
        _objective("OBJ-12", "Reducir la rotación del personal operativo a 3 % mensual", "APR", "RH", p.PEOPLE,
                   "Personal comprometido que vive nuestros valores.",
                   "Revisión de tabulador, programa de reconocimiento y entrevistas de salida.",
                   "Estudio de sueldos de la región; presupuesto de reconocimiento.",
                   year_end, "Rotación y ausentismo mensuales (PER-01, PER-03)."),
        _objective("OBJ-13", "Cero accidentes incapacitantes", "APR", "RH", p.OPERATIONS,
                   "Personal seguro; cumplimiento de requisitos legales (NOM-004-STPS).",
                   "Guardas en máquinas de conversión, bloqueo y etiquetado (LOTO) y recorridos de seguridad "
                   "semanales.",
                   "Comisión de seguridad e higiene; guardas y candados ($400 mil).",
                   year_end, "Índice de frecuencia de accidentes (PER-05)."),
    ]


# Strategy map (cause → effect), by objective code.
LINKS = [
    ("OBJ-11", "OBJ-09", "Personal competente opera los equipos con mayor eficiencia"),
    ("OBJ-12", "OBJ-09", "Menos rotación, menos arranques con operadores nuevos"),
    ("OBJ-10", "OBJ-09", "Menos paros no programados elevan la OEE"),
    ("OBJ-08", "OBJ-02", "Menos desperdicio, menor costo de la no calidad"),
    ("OBJ-07", "OBJ-05", "Materia prima a tiempo permite entregar a tiempo"),
    ("OBJ-09", "OBJ-05", "Una planta eficiente cumple el programa de embarques"),
    ("OBJ-05", "OBJ-04", "Entregas completas y a tiempo elevan la satisfacción"),
    ("OBJ-04", "OBJ-01", "Clientes satisfechos compran más"),
    ("OBJ-06", "OBJ-01", "Cuentas nuevas amplían la base de ventas"),
]
