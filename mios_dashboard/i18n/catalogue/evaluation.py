"""The strategic evaluation page `/evaluacion` (slide 13's metrics, see docs/slides.md).

Spanish and English side by side, one entry a key; words follow docs/glossary.md."""

MESSAGES: dict[str, dict[str, str]] = {
    "evaluation.document_title": {"es": "Evaluación estratégica · MI-OS", "en": "Strategic evaluation · MI-OS"},
    "evaluation.title": {"es": "Evaluación estratégica", "en": "Strategic evaluation"},
    "evaluation.subtitle": {
        "es": "Métricas de evaluación estratégica por grupo, mes a mes",
        "en": "Strategic evaluation metrics by group, month by month",
    },
    "evaluation.range": {"es": "{first} a {last}", "en": "{first} to {last}"},
    "evaluation.metric": {"es": "Métrica", "en": "Metric"},
    "evaluation.trend": {"es": "Tendencia", "en": "Trend"},
    "evaluation.legend": {
        "es": "Cada celda: el valor del mes y su semáforo.",
        "en": "Each cell: the month's value and its light.",
    },
    "evaluation.table": {"es": "Métricas por grupo y mes", "en": "Metrics by group and month"},
    "evaluation.cell_title": {
        "es": "{metric} · {month}: {value} — {status} ({achievement})",
        "en": "{metric} · {month}: {value} — {status} ({achievement})",
    },
    "evaluation.millions": {"es": "{value} M", "en": "{value}M"},
    "evaluation.thousands": {"es": "{value} mil", "en": "{value}K"},
    "evaluation.group_none": {"es": "Sin grupo", "en": "No group"},
    "evaluation.group_empty": {
        "es": "Ningún indicador mide este grupo todavía.",
        "en": "No indicator measures this group yet.",
    },
    "evaluation.ungrouped_hint": {
        "es": "Asigne el grupo de evaluación en la columna «Grupo» de la hoja Indicadores de la plantilla.",
        "en": "Set the evaluation group in the “Group” column of the template's Indicators sheet.",
    },
    "evaluation.group_contexto": {"es": "Contexto", "en": "Context"},
    "evaluation.group_estrategia": {"es": "Estrategia", "en": "Strategy"},
    "evaluation.group_comercial": {"es": "Comercial", "en": "Commercial"},
    "evaluation.group_mercado": {"es": "Mercado", "en": "Market"},
    "evaluation.group_ventas": {"es": "Ventas", "en": "Sales"},
    "evaluation.group_operacion": {"es": "Operación", "en": "Operations"},
    "evaluation.group_calidad": {"es": "Calidad", "en": "Quality"},
    "evaluation.group_proveedores": {"es": "Proveedores", "en": "Suppliers"},
    "evaluation.group_finanzas": {"es": "Finanzas", "en": "Finance"},
    "evaluation.group_personal": {"es": "Personal", "en": "People"},
    "evaluation.group_organizacion": {"es": "Organización", "en": "Organization"},
    "evaluation.hint_contexto": {"es": "Contexto de la organización", "en": "Context of the organization"},
    "evaluation.hint_estrategia": {
        "es": "Estrategia de negocios · eficiencia de la estrategia empresarial",
        "en": "Business strategy · efficiency of the business strategy",
    },
    "evaluation.hint_comercial": {
        "es": "Evaluación comercial · portafolio, competitividad y productos estratégicos",
        "en": "Commercial evaluation · product portfolio, competitiveness and strategic products",
    },
    "evaluation.hint_mercado": {
        "es": "Eficiencia de mercadotecnia · análisis y participación de mercado · mercado objetivo · competencia",
        "en": "Marketing efficiency · market analysis and share · target market · competition",
    },
    "evaluation.hint_ventas": {
        "es": "Proceso, fuerza y volumen de ventas · ingresos y utilidad bruta · nuevas cuentas · retención de clientes",
        "en": "Sales process, force and volume · revenue and gross profit · new accounts · customer retention",
    },
    "evaluation.hint_operacion": {
        "es": "Eficacia y eficiencia operativa · productividad de planta",
        "en": "Operational effectiveness and efficiency · plant productivity",
    },
    "evaluation.hint_calidad": {
        "es": "Calidad del producto · calidad en el servicio",
        "en": "Product quality · service quality",
    },
    "evaluation.hint_proveedores": {
        "es": "Eficiencia de compras · proveedores estratégicos",
        "en": "Purchasing efficiency · strategic suppliers",
    },
    "evaluation.hint_finanzas": {
        "es": "Resultados financieros · tendencia de la utilidad",
        "en": "Financial results · profit trend",
    },
    "evaluation.hint_personal": {
        "es": "Rotación, capacitación, ausentismo y seguridad del personal",
        "en": "Staff turnover, training, absenteeism and safety",
    },
    "evaluation.hint_organizacion": {"es": "Estructura organizacional", "en": "Organizational structure"},
    "evaluation.empty_title": {
        "es": "Todavía no hay métricas que evaluar",
        "en": "There are no metrics to evaluate yet",
    },
    "evaluation.load_error_title": {
        "es": "No se pudo leer la evaluación estratégica",
        "en": "The strategic evaluation could not be read",
    },
}
