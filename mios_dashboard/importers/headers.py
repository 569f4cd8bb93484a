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
}

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
