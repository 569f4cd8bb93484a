"""The board page `/`: title, summary strip, what is off, what changed, perspective tiles, cards.

Spanish and English side by side, one entry a key; words follow docs/glossary.md."""

MESSAGES: dict[str, dict[str, str]] = {
    "board.title": {"es": "Tablero de control directivo", "en": "Directive control board"},
    "board.period": {"es": "Periodo: {period}", "en": "Period: {period}"},
    "board.no_period": {"es": "Sin periodo con datos", "en": "No period with data"},
    "board.score": {"es": "Cumplimiento global", "en": "Overall achievement"},
    "board.counts": {"es": "Indicadores por estado", "en": "Indicators by status"},
    "board.perspectives": {"es": "Perspectivas", "en": "Perspectives"},
    "board.objectives.one": {"es": "{count} objetivo", "en": "{count} objective"},
    "board.objectives.other": {"es": "{count} objetivos", "en": "{count} objectives"},
    "board.indicators.one": {"es": "{count} indicador", "en": "{count} indicator"},
    "board.indicators.other": {"es": "{count} indicadores", "en": "{count} indicators"},
    "board.last_value": {"es": "último dato: {month}", "en": "last value: {month}"},
    "board.other_indicators": {"es": "Otros indicadores", "en": "Other indicators"},
    "board.no_objectives": {
        "es": "Esta perspectiva todavía no tiene objetivos ni indicadores.",
        "en": "This perspective has no objectives or indicators yet.",
    },
    "board.no_indicators": {
        "es": "Este objetivo todavía no tiene indicadores.",
        "en": "This objective has no indicators yet.",
    },
    "board.empty_title": {"es": "Todavía no hay datos en el tablero", "en": "The board has no data yet"},
    "board.empty_body": {
        "es": "Para ver un tablero completo, cargue la organización de demostración:",
        "en": "To see a complete board, load the demo organization:",
    },
    "board.empty_import": {
        "es": "O importe sus indicadores y mediciones desde Excel o CSV:",
        "en": "Or import your indicators and measurements from Excel or CSV:",
    },
    "board.file_placeholder": {"es": "ARCHIVO.xlsx", "en": "FILE.xlsx"},
    "board.period_invalid": {
        "es": "El periodo «{value}» no es válido (use AAAA-MM); se muestra el más reciente.",
        "en": "The period “{value}” is not valid (use YYYY-MM); showing the latest one.",
    },
    "board.load_error_title": {"es": "No se pudo leer el tablero", "en": "The board could not be read"},
    "board.load_error_body": {
        "es": "Revise que la base de datos exista y esté actualizada:",
        "en": "Check that the database exists and is up to date:",
    },
    "board.month_label": {"es": "Mes", "en": "Month"},
    "board.process_label": {"es": "Proceso", "en": "Process"},
    "board.owner_label": {"es": "Responsable", "en": "Owner"},
    "board.all_processes": {"es": "Todos los procesos", "en": "All processes"},
    "board.all_owners": {"es": "Todos los responsables", "en": "All owners"},
    "board.dropdown_search": {"es": "Buscar", "en": "Search"},
    "board.dropdown_clear": {"es": "Quitar", "en": "Clear"},
    "board.dropdown_none": {"es": "Sin coincidencias", "en": "No matches"},
    "board.dropdown_all": {"es": "Seleccionar todo", "en": "Select all"},
    "board.dropdown_count": {"es": "{num_selected} seleccionados", "en": "{num_selected} selected"},
    "board.period_missing": {
        "es": "No hay datos de {month}; se muestra el mes más reciente.",
        "en": "There is no data for {month}; showing the latest month.",
    },
    "board.process_missing": {
        "es": "El proceso «{value}» no aparece en el tablero; se muestran todos los procesos.",
        "en": "The process “{value}” is not on the board; showing every process.",
    },
    "board.owner_missing": {
        "es": "«{value}» no es responsable de ningún objetivo ni indicador; se muestran todos.",
        "en": "“{value}” owns no objective or indicator; showing everyone's.",
    },
    "board.filter_shown": {
        "es": "Indicadores por estado: {shown} de {total} (filtro)",
        "en": "Indicators by status: {shown} of {total} (filtered)",
    },
    "board.filter_nothing": {
        "es": "Ningún objetivo ni indicador coincide con los filtros elegidos.",
        "en": "No objective or indicator matches the chosen filters.",
    },
    "board.summary": {"es": "Resumen del tablero", "en": "Board summary"},
    "board.overdue_actions": {"es": "Acciones vencidas", "en": "Overdue actions"},
    "board.overdue_title": {
        "es": "Acciones abiertas o en proceso cuya fecha compromiso ya pasó",
        "en": "Open or in-progress actions past their due date",
    },
    "board.actual_target": {"es": "Real / meta", "en": "Actual / target"},
    "board.clear_filters": {"es": "Quitar filtros", "en": "Clear filters"},
    "board.changes_none": {
        "es": "Sin cambios: ningún indicador pasó a fuera de meta ni se recuperó, y no hay señales nuevas.",
        "en": "No changes: no indicator went off target or recovered, and there are no new signals.",
    },
    "board.no_perspective": {"es": "Sin perspectiva", "en": "No perspective"},
    "board.more_indicators.one": {"es": "Y {count} indicador más", "en": "And {count} more indicator"},
    "board.more_indicators.other": {"es": "Y {count} indicadores más", "en": "And {count} more indicators"},
    "board.more_link": {"es": "Ver todos en el objetivo", "en": "See them all on the objective"},
    "board.more_hint": {
        "es": "Filtre por proceso o responsable para verlos.",
        "en": "Filter by process or owner to see them.",
    },
    "board.off_target_title": {"es": "Fuera de meta en {month}", "en": "Off target in {month}"},
    "board.off_target_none": {
        "es": "Ningún indicador fuera de meta en {month}.",
        "en": "No indicator off target in {month}.",
    },
    "board.history": {"es": "Últimos valores", "en": "Recent values"},
    "board.spark_alt": {
        "es": "Últimos {count} valores, de {first} a {last}; meta {target}",
        "en": "Last {count} values, from {first} to {last}; target {target}",
    },
    "board.view_objective": {
        "es": "Ver el objetivo {code}: gráficas, plan, riesgos y acciones",
        "en": "Open objective {code}: charts, plan, risks and actions",
    },
    "board.view_indicator": {
        "es": "Ver el indicador {code}: definición, gráfica e historial",
        "en": "Open indicator {code}: definition, chart and history",
    },
    "board.signal": {"es": "Señal", "en": "Signal"},
    "board.signal_good": {"es": "favorable", "en": "favourable"},
    "board.signal_bad": {"es": "desfavorable", "en": "unfavourable"},
    "board.signal_neutral": {"es": "por revisar", "en": "to review"},
    "board.signal_title_bad": {
        "es": "Señal desfavorable del proceso, un cambio real y no ruido: {rules}.",
        "en": "Unfavourable process signal, a real change and not noise: {rules}.",
    },
    "board.signal_title_good": {
        "es": "Señal favorable del proceso, un cambio real y no ruido: {rules}.",
        "en": "Favourable process signal, a real change and not noise: {rules}.",
    },
    "board.signal_title_neutral": {
        "es": "Señal del proceso, un cambio real y no ruido: {rules}.",
        "en": "Process signal, a real change and not noise: {rules}.",
    },
    "board.signal_rule_1": {
        "es": "regla 1, un valor fuera de los límites naturales del proceso",
        "en": "rule 1, a value outside the natural process limits",
    },
    "board.signal_rule_2": {
        "es": "regla 2, 3 de los últimos 4 valores más allá de la mitad del camino a un límite",
        "en": "rule 2, 3 of the last 4 values beyond halfway to a limit",
    },
    "board.signal_rule_3": {
        "es": "regla 3, 8 o más valores seguidos del mismo lado de la línea central",
        "en": "rule 3, 8 or more values in a row on one side of the central line",
    },
    "board.no_signal": {"es": "sin señal", "en": "no signal"},
    "board.no_signal_title": {
        "es": "Dentro de los límites naturales del proceso: el semáforo puede ser variación normal (ruido), no un cambio.",
        "en": "Inside the natural process limits: the light may be normal variation (noise), not a change.",
    },
    "board.forecast_off": {"es": "Pronóstico al cierre: {value}", "en": "Forecast at due date: {value}"},
    "board.forecast_title": {
        "es": "La tendencia, extendida al {due}, llega a {value} de la meta.",
        "en": "The trend, extended to {due}, reaches {value} of the target.",
    },
    "board.changes_title": {"es": "Qué cambió desde {month}", "en": "What changed since {month}"},
    "board.changes_title_first": {"es": "Qué cambió", "en": "What changed"},
    "board.changes_first": {
        "es": "Es el primer mes con datos: todavía no hay un mes anterior con qué comparar.",
        "en": "This is the first month with data: there is no earlier month to compare with yet.",
    },
    "board.changes_count.one": {"es": "{count} cambio", "en": "{count} change"},
    "board.changes_count.other": {"es": "{count} cambios", "en": "{count} changes"},
    "board.new_reds": {"es": "Nuevos fuera de meta", "en": "New off target"},
    "board.new_reds_none": {"es": "Ningún indicador pasó a fuera de meta.", "en": "No indicator went off target."},
    "board.recoveries": {"es": "Recuperados", "en": "Recovered"},
    "board.recoveries_none": {
        "es": "Ningún indicador salió de fuera de meta.",
        "en": "No indicator came back from off target.",
    },
    "board.new_signals": {"es": "Señales nuevas", "en": "New signals"},
    "board.new_signals_none": {"es": "Ninguna señal nueva del proceso.", "en": "No new process signal."},
    "board.empty_import_page": {"es": "Ir a la página Importar", "en": "Go to the Import page"},
    "board.no_values_title": {
        "es": "Los indicadores todavía no tienen mediciones",
        "en": "The indicators have no measurements yet",
    },
    "board.no_values_body.one": {
        "es": "Hay {count} indicador definido, pero ningún valor medido. Importe sus mediciones desde Excel o CSV:",
        "en": "There is {count} indicator defined, but no value measured. Import its measurements from Excel or CSV:",
    },
    "board.no_values_body.other": {
        "es": "Hay {count} indicadores definidos, pero ningún valor medido. Importe sus mediciones desde Excel o CSV:",
        "en": "There are {count} indicators defined, but no value measured. Import their measurements from Excel or CSV:",
    },
    "board.no_objectives_yet": {
        "es": "Todavía no hay objetivos de la calidad (ISO 6.2): los indicadores se muestran por perspectiva. Registre cada objetivo con su plan (qué, recursos, responsable, fecha de cierre y cómo se evaluará) para ver su cumplimiento.",
        "en": "There are no quality objectives yet (ISO 6.2): indicators are shown by perspective. Record each objective with its plan (what, resources, owner, due date and how it will be evaluated) to see its achievement.",
    },
}
