"""Context of the demo organization (4.1–4.2) and its risks and opportunities (6.1, slide 16's taxonomy).

Strengths and weaknesses are internal, opportunities and threats external (the database enforces it).
"""
from __future__ import annotations

from mios_dashboard.demo.content import people as p
from mios_dashboard.demo.content.dates import DemoCalendar, add_months


def _issue(swot, description, effect, monitoring, months_ago):
    scope = "internal" if swot in ("strength", "weakness") else "external"
    return {"scope": scope, "swot": swot, "description": description, "effect": effect,
            "monitoring": monitoring, "months_ago": months_ago}


ISSUES = [
    _issue("strength", "Planta con corrugadora de alta velocidad y control automático de tensión y humedad.",
           "Capacidad para tirajes largos con bajo desperdicio y precio competitivo.",
           "OEE diaria y desperdicio mensual en el tablero (OPE-01, CAL-01).", 4),
    _issue("strength", "Flotilla propia y centro de distribución a 20 minutos de los principales clientes.",
           "Entregas justo a tiempo y servicio de inventario en consignación que la competencia no ofrece.",
           "OTIF semanal (OPE-06) y encuesta de satisfacción.", 4),
    _issue("strength", "Relación de más de 15 años con las 20 cuentas principales de alimentos y bebidas.",
           "Ventas recurrentes y conocimiento profundo de los requisitos de cada cliente.",
           "Retención de clientes (COM-03) y revisión de cuentas clave en la junta de ventas.", 4),
    _issue("weakness", "Dependencia de un solo proveedor de papel liner para el 70 % del consumo.",
           "Cualquier falla del proveedor detiene la corrugadora o afecta la calidad del cartón.",
           "Entregas a tiempo y evaluación de proveedores (PRV-01, PRV-02); riesgo RO-02.", 1),
    _issue("weakness", "Rotación alta de operadores de conversión, que compiten con plantas automotrices.",
           "Curvas de aprendizaje, más desperdicio y riesgo de accidentes en los arranques.",
           "Rotación y ausentismo mensuales (PER-01, PER-03).", 4),
    _issue("weakness", "Información de planta capturada en papel y Excel en varias áreas.",
           "Datos tardíos y decisiones reactivas; indicadores que se dejan de actualizar.",
           "Indicadores desactualizados en el tablero; revisión en la junta de operación.", 4),
    _issue("opportunity", "Llegada de empresas manufactureras a Nuevo León y el Bajío por el nearshoring.",
           "Demanda nueva de empaque industrial y de exportación.",
           "Clientes nuevos (VEN-03) y estudio anual de mercado (MER-01).", 4),
    _issue("opportunity", "Sustitución de empaques de plástico por cartón reciclable en el comercio minorista.",
           "Nuevos productos de plegadizo y charolas con mayor margen.",
           "Cotizaciones de nuevos productos y tasa de conversión (VEN-04).", 10),
    _issue("threat", "Volatilidad del tipo de cambio y del precio internacional del papel.",
           "El papel es 60 % del costo; un alza no trasladada reduce el margen bruto.",
           "Margen bruto mensual (FIN-01) y coberturas cambiarias; riesgo RO-01.", 1),
    _issue("threat", "Competidores importadores con precios bajos en cajas estándar.",
           "Presión sobre precios y pérdida de pedidos de cajas regulares.",
           "Participación de mercado (MER-01) y pedidos perdidos por precio en la junta de ventas.", 4),
    _issue("threat", "Revisión del T-MEC y posibles aranceles a exportaciones de nuestros clientes.",
           "Menor volumen de clientes exportadores.",
           "Seguimiento trimestral con cámaras industriales; riesgo RO-10.", 10),
]


def issues(cal: DemoCalendar) -> list[dict]:
    """SWOT issues reviewed within the last 12 months (months_ago is counted back from today)."""
    rows = []
    for issue in ISSUES:
        row = {k: v for k, v in issue.items() if k != "months_ago"}
        row["last_reviewed_on"] = add_months(cal.today, -issue["months_ago"])
        rows.append(row)
    return rows


# Slide 11's interested parties, one or more of each type, with their pertinent requirements.
PARTIES = [
    {"type": "customers", "name": "Clientes de alimentos y bebidas", "satisfaction_indicator": "COM-01",
     "monitoring": "Encuesta trimestral de satisfacción, quejas y visitas de servicio a cuentas clave.",
     "requirements": [
         ("customer", "Cajas conformes a especificación (ECT, dimensiones, impresión) y lote trazable."),
         ("customer", "Entrega completa en la ventana de recepción acordada."),
         ("regulatory", "Empaque apto para contacto indirecto con alimentos y certificado de calidad por lote."),
     ]},
    {"type": "customers", "name": "Clientes de manufactura y autopartes", "satisfaction_indicator": "COM-01",
     "monitoring": "Encuesta trimestral, calificación de proveedor que emite el cliente (scorecard) y auditorías.",
     "requirements": [
         ("contractual", "Calificación de proveedor del cliente mayor a 90 puntos."),
         ("customer", "Empaque retornable y separadores a la medida de cada pieza."),
     ]},
    {"type": "shareholders", "name": "Accionistas (familia Garza y socios)", "satisfaction_indicator": "FIN-06",
     "monitoring": "Informe mensual de resultados y sesión trimestral del consejo de administración.",
     "requirements": [("other", "Rentabilidad y crecimiento sostenidos; dividendos conforme a la política aprobada.")]},
    {"type": "strategic_allies", "name": "Distribuidor de insumos de empaque (alianza comercial)",
     "monitoring": "Revisión semestral del convenio de alianza y de las ventas conjuntas.",
     "requirements": [("contractual", "Exclusividad territorial y cumplimiento de volúmenes mínimos de compra.")]},
    {"type": "staff", "name": "Personal sindicalizado y de confianza", "satisfaction_indicator": "PER-01",
     "monitoring": "Rotación, ausentismo, encuesta anual de clima y comisión mixta de seguridad e higiene.",
     "requirements": [
         ("legal", "Condiciones de seguridad e higiene conforme a las NOM de la STPS (NOM-004, NOM-035)."),
         ("contractual", "Cumplimiento del contrato colectivo de trabajo."),
     ]},
    {"type": "suppliers", "name": "Proveedores de papel, almidón y tintas",
     "monitoring": "Evaluación trimestral de proveedores y reuniones de seguimiento.",
     "requirements": [("contractual", "Pronósticos de consumo confiables y pago a 60 días.")]},
    {"type": "community", "name": "Vecinos del parque industrial de Santa Catarina",
     "monitoring": "Buzón de quejas vecinales y reunión anual con la asociación del parque industrial.",
     "requirements": [("legal", "Ruido y tránsito de tractocamiones dentro de lo permitido por el municipio.")]},
    {"type": "financial_institutions", "name": "Banca comercial (crédito revolvente y factoraje)",
     "monitoring": "Reporte trimestral de razones financieras a la banca.",
     "requirements": [("contractual", "Covenants: razón circulante mayor a 1.5 y deuda neta/EBITDA menor a 2.5.")]},
    {"type": "government", "name": "SAT, IMSS, INFONAVIT y municipio de Santa Catarina",
     "monitoring": "Calendario de obligaciones fiscales y laborales revisado cada mes por Finanzas.",
     "requirements": [
         ("legal", "Facturación electrónica CFDI 4.0 y complemento Carta Porte en los traslados."),
         ("legal", "Pago puntual de cuotas obrero-patronales."),
     ]},
    {"type": "regulators", "name": "SEMARNAT, Secretaría de Medio Ambiente de N.L. y STPS",
     "monitoring": "Programa anual de cumplimiento legal y visitas de verificación.",
     "requirements": [
         ("regulatory", "Plan de manejo de residuos y cédula de operación anual (COA)."),
         ("regulatory", "Licencia ambiental y dictamen de protección civil vigentes."),
     ]},
]


def parties(cal: DemoCalendar) -> list[dict]:
    return [{**party, "last_reviewed_on": add_months(cal.today, -4)} for party in PARTIES]


def _risk(code, kind, title, category, likelihood, impact, owner, treatment, objective, process, effectiveness,
          description=""):
    return {"code": code, "kind": kind, "title": title, "category": category, "likelihood": likelihood,
            "impact": impact, "owner": owner.owner, "treatment": treatment, "objective": objective,
            "process": process, "effectiveness": effectiveness, "description": description}


RISKS = [
    _risk("RO-01", "risk", "Alza del papel importado por el tipo de cambio", "country.economic", 4, 4, p.FINANCE,
          "Coberturas cambiarias a 90 días para el 50 % de las compras en dólares; cláusula de ajuste de precio "
          "en contratos anuales.", "OBJ-02", "FIN", "effective"),
    _risk("RO-02", "risk", "Incumplimiento de entregas del proveedor único de papel liner",
          "organization.operational", 4, 5, p.PURCHASING,
          "Calificar un segundo proveedor de liner e inventario de seguridad de 10 días.", "OBJ-07", "CMP",
          "not_effective",
          "El cambio a un proveedor más barato hace cuatro meses redujo el costo pero no la dependencia."),
    _risk("RO-03", "risk", "Competidores importadores con precios por debajo del costo", "environment.competition",
          3, 4, p.COMMERCIAL, "Diferenciar por servicio (JIT, consignación) y contratos anuales con cuentas clave.",
          "OBJ-01", "COM", "pending"),
    _risk("RO-04", "risk", "Inundación de la planta por lluvias extremas o huracán", "nature.natural_disasters", 2, 4,
          p.OPERATIONS, "Drenaje pluvial ampliado, seguro de daños e inventario de papel en tarimas elevadas.",
          None, "PRD", "effective"),
    _risk("RO-05", "risk", "Ataque de ransomware al ERP y a la facturación", "environment.it", 3, 5, p.IT,
          "Respaldos diarios fuera de sitio, segundo factor de autenticación y simulacro de recuperación.",
          None, "FIN", "pending"),
    _risk("RO-06", "risk", "Rotación de operadores por la demanda de mano de obra del nearshoring",
          "organization.labour", 4, 3, p.PEOPLE, "Revisión de tabulador, bono de permanencia y plan de carrera.",
          "OBJ-12", "RH", "pending"),
    _risk("RO-07", "risk", "Cartera vencida de clientes medianos del Bajío", "organization.financial.credit", 3, 3,
          p.FINANCE, "Límites de crédito por cliente y factoraje sin recurso para clientes nuevos.", "OBJ-03",
          "FIN", "pending"),
    _risk("RO-08", "risk", "Atrapamiento en máquinas de conversión", "environment.personal_injury", 2, 5,
          p.OPERATIONS, "Guardas de seguridad, bloqueo y etiquetado (LOTO) y recorridos semanales.", "OBJ-13", "PRD",
          "effective"),
    _risk("RO-09", "risk", "Multa por incumplir el plan de manejo de residuos", "organization.legal", 2, 3,
          p.QUALITY, "Programa de cumplimiento legal ambiental con revisión trimestral.", None, "SGC", "effective"),
    _risk("RO-10", "risk", "Aranceles a las exportaciones de clientes por la revisión del T-MEC",
          "country.political", 3, 4, p.DIRECTOR, "Diversificar hacia clientes de mercado nacional.", "OBJ-06",
          "DIR", "pending"),
    _risk("RO-11", "opportunity", "Clientes manufactureros nuevos por el nearshoring en el Bajío",
          "organization.strategic", 4, 4, p.COMMERCIAL,
          "Oficina comercial en Querétaro y paquete de muestras sin costo.", "OBJ-06", "COM", "pending"),
    _risk("RO-12", "opportunity", "Demanda de empaques reciclables que sustituyen al plástico",
          "nature.environmental_impact", 3, 4, p.COMMERCIAL,
          "Línea de charolas y plegadizos 100 % reciclables para cadenas minoristas.", "OBJ-01", "COM", "pending"),
    _risk("RO-13", "opportunity", "Captura digital de producción para decidir con datos del día",
          "organization.technological", 4, 3, p.OPERATIONS,
          "Tabletas en línea y tablero de control directivo alimentado sin Excel intermedio.", "OBJ-09", "PRD",
          "effective"),
]


def risks(cal: DemoCalendar) -> list[dict]:
    """Risks assessed at the last planning and reviewed on a rolling schedule."""
    rows = []
    for n, risk in enumerate(RISKS):
        rows.append({**risk, "assessed_on": add_months(cal.today, -(5 + n % 4)),
                     "review_on": add_months(cal.today, 1 + n % 3)})
    return rows
