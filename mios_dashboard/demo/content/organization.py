"""Who the demo organization is: identity, values, scope, quality policy, communication matrix, roles and users.

Slides 6–10 (values, vision, mission), 20–21 (scope), 30 (communication), 35–41 (policy), 44–49 (roles).
Rows are plain dicts of model attributes; the loader resolves references and upserts them.
"""
from __future__ import annotations

import datetime as dt

from mios_dashboard.demo.content import people as p
from mios_dashboard.demo.content.dates import DemoCalendar, add_months

ORGANIZATION_NAME = "Industrias Sierra Madre"

ORGANIZATION = {
    "name": ORGANIZATION_NAME,
    "legal_name": "Industrias Sierra Madre, S.A. de C.V.",
    "industry": "Manufactura y distribución de empaques de cartón corrugado y plegadizo",
    "vision": (
        "Ser, en los próximos diez años, la empresa mexicana de empaque preferida por la industria del noreste "
        "y del Bajío: reconocida por proteger los productos de nuestros clientes con calidad constante, por "
        "entregar siempre completo y a tiempo, y por liderar la economía circular del cartón en México."
    ),
    "mission": (
        "Fabricamos y distribuimos empaques de cartón corrugado y plegadizo que protegen y promueven los "
        "productos de nuestros clientes, entregándolos completos y a tiempo. Generamos valor para nuestros "
        "accionistas, desarrollo para nuestro personal, relaciones justas y duraderas con proveedores y aliados, "
        "y bienestar para nuestra comunidad, cuidando el medio ambiente. Nos guían la Responsabilidad, el "
        "Respeto y la Confianza."
    ),
    "scope": (
        "Fabricación de cajas de cartón corrugado y empaques plegadizos impresos conforme a las especificaciones "
        "y planos del cliente, y distribución de insumos de empaque a clientes industriales, realizadas en la "
        "planta y el centro de distribución de Santa Catarina, Nuevo León. Incluye los procesos de dirección, "
        "comercialización, producción, almacén y distribución, compras, capital humano y administración."
    ),
    "products_services": (
        "Productos: cajas regulares ranuradas (RSC) de corrugado sencillo y doble, cajas troqueladas, charolas y "
        "separadores, empaques plegadizos impresos en offset, y la reventa de insumos de empaque (película "
        "estirable, cinta adhesiva, esquineros y fleje). Servicios: entrega en planta del cliente con flotilla "
        "propia, inventario en consignación y programación de entregas justo a tiempo."
    ),
    "management_review_interval_months": 6,
}

# Slide 6, exactly: the three fundamental values and their mottos.
VALUES = [
    {
        "name": "Responsabilidad", "motto": "Respondo por mis Actos", "sort_order": 1,
        "description": "Cumplimos lo que prometemos a clientes y compañeros, y asumimos las consecuencias de "
                       "nuestras decisiones sin buscar culpables.",
    },
    {
        "name": "Respeto", "motto": "Valoro tus Necesidades", "sort_order": 2,
        "description": "Escuchamos y atendemos las necesidades de clientes, compañeros, proveedores y comunidad, "
                       "y tratamos a todos con dignidad.",
    },
    {
        "name": "Confianza", "motto": "Tu Verdad es mi Realidad", "sort_order": 3,
        "description": "Decimos la verdad con datos, reconocemos los errores a tiempo y creemos en la palabra "
                       "de los demás.",
    },
]

# 4.3: requirements declared not applicable, each with why it does not affect conformity.
EXCLUSIONS = [
    {
        "clause": "8.3",
        "requirement": "Diseño y desarrollo de los productos y servicios",
        "justification": (
            "La organización fabrica exclusivamente conforme a las especificaciones, planos y artes aprobados "
            "por el cliente; no define la estructura, resistencia ni gráficos del empaque. La verificación de "
            "que el producto cumple la especificación se realiza en la revisión de requisitos (8.2) y en la "
            "liberación del producto (8.6), por lo que la exclusión no afecta la conformidad ni la satisfacción "
            "del cliente."
        ),
    },
    {
        "clause": "8.5.1 f)",
        "requirement": "Validación y revalidación periódica de los procesos cuyas salidas no pueden verificarse",
        "justification": (
            "Todas las salidas de corrugado, impresión, troquelado y pegado se verifican mediante inspección y "
            "ensayos posteriores (resistencia a la compresión de canto ECT, prueba Mullen, dimensiones, "
            "registro de impresión), antes de liberar cada lote; no existen procesos especiales."
        ),
    },
]

POLICY_V1 = (
    "En Industrias Sierra Madre nos comprometemos a fabricar cajas de cartón corrugado que satisfagan los "
    "requisitos de nuestros clientes, mediante la mejora continua de nuestros procesos y la capacitación de "
    "nuestro personal."
)
POLICY_V2 = (
    "En Industrias Sierra Madre fabricamos y distribuimos empaques de cartón corrugado y plegadizo que "
    "cumplen los requisitos de nuestros clientes y los legales y reglamentarios aplicables. Nos comprometemos "
    "a: entregar completo y a tiempo; reducir el desperdicio y el costo de la no calidad; desarrollar "
    "proveedores confiables; contar con personal competente, seguro y comprometido; y mejorar continuamente "
    "la eficacia de nuestro sistema de gestión de la calidad, viviendo nuestros valores de Responsabilidad, "
    "Respeto y Confianza."
)


def policies(cal: DemoCalendar) -> list[dict]:
    """v1 (superseded, kept as a record) and v2, in force since the last strategic planning."""
    v1_approved = add_months(cal.today, -46)
    v2_approved = add_months(cal.today, -11)
    return [
        {
            "version": 1, "statement": POLICY_V1, "approved_by": p.DIRECTOR.owner, "approved_on": v1_approved,
            "in_force": False, "communicated_to": "Todo el personal (pizarrones de planta e inducción)",
            "communicated_on": v1_approved + dt.timedelta(days=21),
        },
        {
            "version": 2, "statement": POLICY_V2, "approved_by": p.DIRECTOR.owner, "approved_on": v2_approved,
            "in_force": True,
            "communicated_to": (
                "Todo el personal (juntas de arranque de turno, pizarrones y recibo de nómina), clientes y "
                "proveedores estratégicos (portal web y correo)"
            ),
            "communicated_on": v2_approved + dt.timedelta(days=14),
        },
    ]


# Slide 30: what, when, to whom, how, who.
COMMUNICATION = [
    {
        "scope": "internal", "what": "Resultados del tablero de control directivo y acuerdos",
        "timing": "Semanal (lunes 9:00)", "to_whom": "Director General y dueños de proceso",
        "how": "Junta de operación con el tablero proyectado; minuta en el sistema", "who": p.QUALITY.owner,
    },
    {
        "scope": "internal", "what": "Política de la calidad y objetivos de la calidad del área",
        "timing": "En la inducción y cada vez que cambian", "to_whom": "Todo el personal",
        "how": "Inducción, pizarrones de planta y juntas de arranque de turno", "who": p.PEOPLE.owner,
    },
    {
        "scope": "internal", "what": "Indicadores de producción, desperdicio y seguridad del turno",
        "timing": "Diario, al inicio de cada turno", "to_whom": "Supervisores y operadores",
        "how": "Junta de arranque de turno frente al pizarrón de la línea", "who": p.PLANT.owner,
    },
    {
        "scope": "internal", "what": "Resultados y acuerdos de la revisión por la dirección",
        "timing": "Dentro de los 10 días siguientes a cada revisión", "to_whom": "Gerentes y jefes de área",
        "how": "Minuta firmada y correo electrónico", "who": p.DIRECTOR.owner,
    },
    {
        "scope": "external", "what": "Confirmación de pedidos, fechas de entrega y desviaciones",
        "timing": "Al recibir cada pedido y ante cualquier retraso", "to_whom": "Clientes",
        "how": "Correo electrónico y portal de clientes", "who": p.COMMERCIAL.owner,
    },
    {
        "scope": "external", "what": "Evaluación de desempeño y requisitos de calidad de los proveedores",
        "timing": "Trimestral", "to_whom": "Proveedores estratégicos",
        "how": "Reporte de evaluación y reunión de seguimiento", "who": p.PURCHASING.owner,
    },
    {
        "scope": "external", "what": "Respuesta a quejas y reclamaciones",
        "timing": "Acuse en 24 horas; respuesta 8D en 10 días hábiles", "to_whom": "Cliente que presentó la queja",
        "how": "Reporte 8D por correo y visita cuando se requiera", "who": p.QUALITY.owner,
    },
]


def roles(cal: DemoCalendar) -> list[dict]:
    """5.3 roles with 7.2 competence and 7.3 awareness; exactly one management representative."""
    def role(person, responsibilities, authorities, competence, evidence, awareness_months_ago, rep=False,
             name=None):
        return {
            "name": name or person.position, "person": person.full, "responsibilities": responsibilities,
            "authorities": authorities, "competence_required": competence, "competence_evidence": evidence,
            "awareness_on": add_months(cal.today, -awareness_months_ago), "is_management_representative": rep,
        }

    return [
        role(p.DIRECTOR,
             "Rendir cuentas de la eficacia del SGC; establecer la política y los objetivos de la calidad; "
             "asegurar los recursos; presidir la revisión por la dirección y la junta de operación.",
             "Aprobar la política, los objetivos, el presupuesto y las inversiones; nombrar al representante "
             "de la dirección.",
             "Licenciatura en ingeniería o administración; 10 años en dirección de empresas manufactureras.",
             "Expediente de personal; diplomado en alta dirección (IPADE).", 5),
        role(p.QUALITY,
             "Asegurar que el SGC es conforme con ISO 9001:2015; informar a la alta dirección sobre su "
             "desempeño y las oportunidades de mejora; promover el enfoque al cliente; mantener la "
             "integridad del SGC cuando se planifican cambios (5.3 a–e).",
             "Detener embarques de producto no conforme; convocar auditorías internas; solicitar acciones "
             "correctivas a cualquier área.",
             "Ingeniería industrial o química; auditor interno ISO 9001:2015; 5 años en gestión de calidad.",
             "Certificado de auditor líder ISO 9001:2015; constancia de curso de herramientas estadísticas.",
             3, rep=True, name="Representante de la Dirección (Gerente de Calidad)"),
        role(p.COMMERCIAL,
             "Determinar y cumplir los requisitos del cliente; gestionar la cartera de clientes y la satisfacción.",
             "Aprobar cotizaciones y condiciones comerciales dentro de la política de precios.",
             "Licenciatura en mercadotecnia o negocios; 7 años en ventas industriales B2B.",
             "Expediente de personal; evaluación de desempeño anual.", 4),
        role(p.OPERATIONS,
             "Asegurar que producción, mantenimiento y logística generan las salidas previstas.",
             "Programar la producción; autorizar tiempo extra y paros de línea.",
             "Ingeniería industrial o mecánica; 8 años en plantas de manufactura; Lean Manufacturing.",
             "Certificación Green Belt; expediente de personal.", 4),
        role(p.FINANCE,
             "Controlar los resultados financieros, el flujo y la cartera; asegurar los recursos económicos.",
             "Autorizar pagos, crédito a clientes y coberturas cambiarias dentro de los límites del consejo.",
             "Contador público; 8 años en finanzas corporativas.",
             "Cédula profesional; expediente de personal.", 6),
        role(p.PURCHASING,
             "Seleccionar, evaluar y desarrollar a los proveedores externos (8.4).",
             "Emitir órdenes de compra y dar de alta o baja proveedores.",
             "Licenciatura en negocios o ingeniería; 5 años en compras industriales.",
             "Expediente de personal; curso de evaluación de proveedores.", 4),
        role(p.PEOPLE,
             "Asegurar la competencia y la toma de conciencia del personal; clima laboral y seguridad.",
             "Contratar y dar de baja personal; aprobar el plan anual de capacitación.",
             "Licenciatura en psicología organizacional o administración; 5 años en recursos humanos.",
             "Expediente de personal.", 14),
        role(p.LOGISTICS,
             "Asegurar entregas completas y a tiempo; inventarios de producto terminado.",
             "Programar rutas y transportistas; liberar embarques.",
             "Ingeniería industrial o logística; 5 años en distribución.",
             "Expediente de personal; licencia federal de conductor vigente (supervisión de flotilla).", 4),
    ]


USERS = [
    {"username": p.IT.username, "full_name": p.IT.full, "email": "raul.cantu@sierramadre.com.mx", "role": "admin"},
    {"username": p.DIRECTOR.username, "full_name": p.DIRECTOR.full, "email": "roberto.garza@sierramadre.com.mx",
     "role": "director"},
    {"username": p.QUALITY.username, "full_name": p.QUALITY.full, "email": "mariana.fuentes@sierramadre.com.mx",
     "role": "representative"},
    {"username": p.COMMERCIAL.username, "full_name": p.COMMERCIAL.full, "email": "ana.torres@sierramadre.com.mx",
     "role": "owner"},
    {"username": p.OPERATIONS.username, "full_name": p.OPERATIONS.full, "email": "luis.mendez@sierramadre.com.mx",
     "role": "owner"},
    {"username": p.FINANCE.username, "full_name": p.FINANCE.full, "email": "patricia.ochoa@sierramadre.com.mx",
     "role": "owner"},
    {"username": "consejo", "full_name": "Consejo de Administración", "email": None, "role": "viewer"},
]
