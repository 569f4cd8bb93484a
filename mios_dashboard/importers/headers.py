"""Header names people use, in Spanish and English, for each field of the definitions and measurement sheets.

Matching ignores case, accents, spacing and a trailing colon (`text.normalize`).
"""
from __future__ import annotations

from mios_dashboard.importers.text import normalize

DEFINITION_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("código", "codigo del indicador", "código del indicador", "clave", "code", "indicator code", "kpi code",
             "id"),
    "name": ("nombre", "nombre del indicador", "indicador", "name", "indicator", "indicator name", "kpi"),
    "unit": ("unidad", "unidad de medida", "unit", "unit of measure", "units"),
    "direction": ("sentido", "polaridad", "tendencia deseada", "direction", "polarity"),
    "frequency": ("frecuencia", "periodicidad", "frecuencia de medición", "frequency"),
    "aggregation": ("agregación", "acumulación", "aggregation"),
    "target": ("meta", "objetivo numérico", "target"),
    "target_min": ("meta mínima", "meta min", "target min", "minimum target", "target minimum"),
    "target_max": ("meta máxima", "meta max", "target max", "maximum target", "target maximum"),
    "perspective": ("perspectiva", "perspective"),
    "objective": ("objetivo", "objetivo de la calidad", "objective", "quality objective"),
    "process": ("proceso", "process"),
    "owner": ("responsable", "dueño", "owner"),
    "group": ("grupo", "group"),
    "green_threshold": ("umbral verde", "verde", "green threshold", "green"),
    "yellow_threshold": ("umbral amarillo", "amarillo", "yellow threshold", "yellow"),
    "baseline": ("línea base", "linea de base", "baseline"),
    "data_source": ("fuente", "fuente de datos", "data source", "source"),
    "description": ("descripción", "description"),
    "weight": ("peso", "ponderación", "weight"),
    "decimals": ("decimales", "decimals", "decimal places"),
    "xmr_window": ("ventana xmr", "xmr window", "ventana de la línea base xmr", "xmr baseline window"),
    "xmr_baseline_start": ("ventana xmr desde", "inicio ventana xmr", "ventana xmr inicio", "xmr window from",
                           "xmr window start", "xmr baseline start"),
    "xmr_baseline_end": ("ventana xmr hasta", "fin ventana xmr", "ventana xmr fin", "xmr window to",
                         "xmr window end", "xmr baseline end"),
    "active": ("activo", "activa", "active"),
}

# The Procesos/Processes sheet (4.4): one row per process of the management system.
PROCESS_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("código", "código del proceso", "clave", "code", "process code", "id"),
    "name": ("nombre", "proceso", "nombre del proceso", "name", "process", "process name"),
    "type": ("tipo", "tipo de proceso", "type", "process type"),
    "owner": ("responsable", "dueño", "dueño del proceso", "owner", "process owner"),
    "purpose": ("propósito", "objeto", "objetivo del proceso", "purpose"),
}

# The Objetivos/Objectives sheet (6.2): the quality objectives and their 6.2.2 plans.
OBJECTIVE_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("código", "código del objetivo", "clave", "code", "objective code", "id"),
    "title": ("objetivo", "objetivo de la calidad", "título", "objective", "quality objective", "title"),
    "perspective": ("perspectiva", "perspective"),
    "process": ("proceso", "process"),
    "plan_what": ("qué se hará", "que se hara", "qué", "acciones", "what", "what will be done", "actions"),
    "plan_resources": ("recursos", "recursos requeridos", "resources", "resources required"),
    "plan_owner": ("responsable", "owner", "who", "quién", "responsible"),
    "plan_due": ("fecha de cierre", "cuándo", "fecha límite", "fecha compromiso", "due date", "when", "due"),
    "plan_evaluation": ("cómo se evaluará", "cómo se evaluarán los resultados", "evaluación", "how evaluated",
                        "how it will be evaluated", "how results are evaluated", "evaluation"),
    "weight": ("peso", "ponderación", "weight"),
    "parent": ("objetivo padre", "padre", "parent objective", "parent"),
    "description": ("descripción", "description"),
    "active": ("activo", "activa", "active"),
}
# Columns only a process or an objective sheet has (a definitions sheet never does).
PROCESS_ONLY = frozenset({"type", "purpose"})
OBJECTIVE_ONLY = frozenset({"plan_what", "plan_resources", "plan_due", "plan_evaluation", "parent"})
# Columns only the definitions sheet has: a header with one of these is indicators, whatever else it names.
INDICATOR_ONLY = frozenset({
    "unit", "direction", "frequency", "aggregation", "target", "target_min", "target_max", "green_threshold",
    "yellow_threshold", "baseline", "data_source", "group", "decimals", "xmr_window", "xmr_baseline_start",
    "xmr_baseline_end",
})
# Sheet names that settle a header naming only the columns every sheet shares (Código, Nombre, Responsable).
SHEET_NAMES = {"procesos": "processes", "processes": "processes", "objetivos": "objectives",
               "objectives": "objectives", "objetivos de la calidad": "objectives", "quality objectives": "objectives"}

MEASUREMENT_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("código", "codigo del indicador", "código del indicador", "clave", "code", "indicator code", "kpi code"),
    "indicator": ("indicador", "nombre", "nombre del indicador", "indicator", "name", "indicator name", "kpi",
                  "métrica", "metric", "concepto"),
    "period": ("periodo", "período", "fecha", "fecha de corte", "period", "date"),
    "month": ("mes", "month"),
    "year": ("año", "ejercicio", "year"),
    "value": ("valor", "real", "resultado", "valor real", "value", "actual", "result"),
    "target": ("meta", "meta del periodo", "target"),
    "comment": ("comentario", "comentarios", "observaciones", "observación", "nota", "notas", "comment", "comments",
                "note", "notes"),
}
REPEATABLE = frozenset({"comment"})  # "Comentario" and "Notas" side by side: the first one is read


def alias_table(headers: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalize(alias): key for key, aliases in headers.items() for alias in aliases}
