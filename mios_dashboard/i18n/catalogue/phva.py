"""The PHVA page `/phva` and the board's PHVA strip: each stage's checks and where to fix them.

Spanish and English side by side, one entry a key; words follow docs/glossary.md."""

MESSAGES: dict[str, dict[str, str]] = {
    "phva.document_title": {"es": "Ciclo PHVA · MI-OS", "en": "PDCA cycle · MI-OS"},
    "phva.title": {"es": "Ciclo PHVA", "en": "PDCA cycle"},
    "phva.subtitle": {
        "es": "Sistema de gestión de la calidad · ISO 9001:2015",
        "en": "Quality management system · ISO 9001:2015",
    },
    "phva.as_of": {"es": "Evidencia al {date}", "en": "Evidence as of {date}"},
    "phva.overall": {"es": "Cumplimiento del ciclo", "en": "Cycle completion"},
    "phva.checks_met": {"es": "{met} de {total} comprobaciones cumplidas", "en": "{met} of {total} checks met"},
    "phva.inputs": {"es": "Entradas", "en": "Inputs"},
    "phva.inputs_text": {
        "es": "Requisitos del cliente · necesidades y expectativas de las partes interesadas pertinentes",
        "en": "Customer requirements · needs and expectations of relevant interested parties",
    },
    "phva.outputs": {"es": "Resultados", "en": "Results"},
    "phva.outputs_text": {
        "es": "Resultados del SGC · satisfacción del cliente · productos y servicios",
        "en": "Results of the QMS · customer satisfaction · products and services",
    },
    "phva.stages": {"es": "Etapas del ciclo PHVA", "en": "Stages of the PDCA cycle"},
    "phva.stage_plan": {"es": "Planificar", "en": "Plan"},
    "phva.stage_do": {"es": "Hacer", "en": "Do"},
    "phva.stage_check": {"es": "Verificar", "en": "Check"},
    "phva.stage_act": {"es": "Actuar", "en": "Act"},
    "phva.letter_plan": {"es": "P", "en": "P"},
    "phva.letter_do": {"es": "H", "en": "D"},
    "phva.letter_check": {"es": "V", "en": "C"},
    "phva.letter_act": {"es": "A", "en": "A"},
    "phva.stage_count": {"es": "{met} de {total}", "en": "{met} of {total}"},
    "phva.met": {"es": "Cumple", "en": "Met"},
    "phva.missing": {"es": "Falta", "en": "Missing"},
    "phva.clause_title": {"es": "Cláusula de ISO 9001:2015", "en": "ISO 9001:2015 clause"},
    "phva.gap_more": {"es": "y {count} más", "en": "and {count} more"},
    "phva.fix": {"es": "Resolver en {page}", "en": "Fix in {page}"},
    "phva.view": {"es": "Ver en {page}", "en": "See {page}"},
    "phva.strip_label": {"es": "Ciclo PHVA", "en": "PDCA cycle"},
    "phva.strip_title": {
        "es": "Ver el ciclo PHVA: evidencia de cada etapa",
        "en": "See the PDCA cycle: the evidence of each stage",
    },
    "phva.empty_title": {
        "es": "Todavía no hay registros del sistema de gestión",
        "en": "No management-system records yet",
    },
    "phva.empty_body": {
        "es": "El ciclo PHVA se evalúa con el contexto, la política, los objetivos, los riesgos, las acciones, las juntas y las revisiones registradas. Para ver un ejemplo completo, cargue la organización de demostración:",
        "en": "The PDCA cycle is assessed from the recorded context, policy, objectives, risks, actions, meetings and reviews. To see a complete example, load the demo organization:",
    },
    "phva.empty_import": {
        "es": "O importe sus indicadores y mediciones desde Excel o CSV:",
        "en": "Or import your indicators and measurements from Excel or CSV:",
    },
    "phva.load_error_title": {
        "es": "No se pudo leer el estado del ciclo PHVA",
        "en": "The PDCA status could not be read",
    },
    "phva.load_error_body": {
        "es": "Revise que la base de datos exista y esté actualizada:",
        "en": "Check that the database exists and is up to date:",
    },
    "phva.where_board": {"es": "Tablero", "en": "Board"},
    "phva.where_contexto": {"es": "Contexto", "en": "Context"},
    "phva.where_riesgos": {"es": "Riesgos", "en": "Risks"},
    "phva.where_acciones": {"es": "Acciones", "en": "Actions"},
    "phva.where_juntas": {"es": "Juntas", "en": "Meetings"},
    "phva.where_revision": {"es": "Revisión por la dirección", "en": "Management review"},
    "phva.where_importar": {"es": "Importar", "en": "Import"},
    "phva.where_objetivo": {"es": "Objetivo {code}", "en": "Objective {code}"},
    "phva.where_indicador": {"es": "Indicador {code}", "en": "Indicator {code}"},
    "phva.check_context_reviewed": {
        "es": "Cuestiones del contexto revisadas en 12 meses",
        "en": "Context issues reviewed within 12 months",
    },
    "phva.check_parties_recorded": {
        "es": "Partes interesadas y sus requisitos",
        "en": "Interested parties and their requirements",
    },
    "phva.check_policy_communicated": {
        "es": "Política de la calidad aprobada y comunicada",
        "en": "Quality policy approved and communicated",
    },
    "phva.check_risks_assessed": {
        "es": "Riesgos evaluados y revisados a tiempo",
        "en": "Risks assessed and reviewed on time",
    },
    "phva.check_objectives_planned": {
        "es": "Objetivos con plan completo e indicador",
        "en": "Objectives with a full plan and an indicator",
    },
    "phva.check_roles_assigned": {
        "es": "Roles asignados y representante de la dirección",
        "en": "Roles assigned and management representative",
    },
    "phva.check_resources_recorded": {
        "es": "Recursos registrados y valorados",
        "en": "Resources recorded and assessed",
    },
    "phva.check_actions_on_time": {"es": "Acciones abiertas a tiempo", "en": "Open actions on time"},
    "phva.check_indicators_measured": {"es": "Indicadores medidos a tiempo", "en": "Indicators measured on schedule"},
    "phva.check_weekly_meetings": {"es": "Junta de operación semanal realizada", "en": "Weekly operation meeting held"},
    "phva.check_review_in_interval": {
        "es": "Revisión por la dirección dentro de su intervalo",
        "en": "Management review within its interval",
    },
    "phva.check_corrective_effective": {
        "es": "Acciones correctivas a tiempo y eficaces",
        "en": "Corrective actions on time and effective",
    },
    "phva.check_improvement_recorded": {
        "es": "Acciones de mejora en 12 meses",
        "en": "Improvement actions within 12 months",
    },
    "phva.ev_context_reviewed": {
        "es": "{reviewed} de {total} cuestiones revisadas; la revisión más antigua es del {oldest_on}.",
        "en": "{reviewed} of {total} issues reviewed; the oldest review is from {oldest_on}.",
    },
    "phva.ev_context_none": {
        "es": "No hay cuestiones internas ni externas registradas (análisis FODA).",
        "en": "No internal or external issues recorded (SWOT analysis).",
    },
    "phva.ev_parties_recorded": {
        "es": "{with_requirements} de {total} partes interesadas con requisitos; {requirements} requisitos en total.",
        "en": "{with_requirements} of {total} interested parties with requirements; {requirements} requirements in all.",
    },
    "phva.ev_parties_none": {"es": "No hay partes interesadas registradas.", "en": "No interested parties recorded."},
    "phva.ev_policy_communicated": {
        "es": "Versión {version} en vigor: aprobada el {approved_on}, comunicada el {communicated_on}.",
        "en": "Version {version} in force: approved on {approved_on}, communicated on {communicated_on}.",
    },
    "phva.ev_policy_none": {"es": "No hay una política de la calidad en vigor.", "en": "No quality policy in force."},
    "phva.ev_risks_assessed": {
        "es": "{ok} de {total} riesgos y oportunidades evaluados y al día; próxima revisión: {next_on}.",
        "en": "{ok} of {total} risks and opportunities assessed and up to date; next review: {next_on}.",
    },
    "phva.ev_risks_none": {
        "es": "No hay riesgos ni oportunidades registrados.",
        "en": "No risks or opportunities recorded.",
    },
    "phva.ev_objectives_planned": {
        "es": "{complete} de {total} objetivos con qué, recursos, responsable, fecha de cierre, cómo se evaluará e indicador.",
        "en": "{complete} of {total} objectives with what, resources, owner, due date, how it will be evaluated and an indicator.",
    },
    "phva.ev_objectives_none": {"es": "No hay objetivos de la calidad activos.", "en": "No active quality objectives."},
    "phva.ev_roles_assigned": {
        "es": "{assigned} de {total} roles con persona asignada; representante de la dirección: {representative}.",
        "en": "{assigned} of {total} roles with a person assigned; management representative: {representative}.",
    },
    "phva.ev_roles_none": {"es": "No hay roles registrados.", "en": "No roles recorded."},
    "phva.ev_resources_recorded": {
        "es": "{with_resources} de {total} objetivos con recursos; última revisión por la dirección: {review_on}.",
        "en": "{with_resources} of {total} objectives with resources; last management review: {review_on}.",
    },
    "phva.ev_actions_on_time": {
        "es": "{open} acciones abiertas, todas dentro de su fecha compromiso.",
        "en": "{open} open actions, all within their due date.",
    },
    "phva.ev_actions_overdue": {
        "es": "{overdue} de {open} acciones abiertas están vencidas; la más atrasada desde el {oldest_on}.",
        "en": "{overdue} of {open} open actions are overdue; the oldest since {oldest_on}.",
    },
    "phva.ev_actions_none": {"es": "No hay acciones abiertas.", "en": "No open actions."},
    "phva.ev_indicators_measured": {
        "es": "{measured} de {total} indicadores con dato de {month} ({share}).",
        "en": "{measured} of {total} indicators with a value for {month} ({share}).",
    },
    "phva.ev_indicators_none": {"es": "No hay indicadores activos.", "en": "No active indicators."},
    "phva.ev_meetings_last": {
        "es": "Última junta de operación: {last_on}; juntas en las últimas 4 semanas: {recent}.",
        "en": "Last operation meeting: {last_on}; meetings in the last 4 weeks: {recent}.",
    },
    "phva.ev_meetings_none": {"es": "No hay juntas de operación registradas.", "en": "No operation meetings recorded."},
    "phva.ev_review_in_interval": {
        "es": "Última revisión: {held_on}; la siguiente vence el {due_on} (cada {months} meses).",
        "en": "Last review: {held_on}; the next one is due on {due_on} (every {months} months).",
    },
    "phva.ev_review_none": {"es": "No hay revisiones por la dirección realizadas.", "en": "No management review held."},
    "phva.ev_corrective_effective": {
        "es": "{ok} de {total} acciones correctivas de los últimos 12 meses cerradas a tiempo y verificadas eficaces.",
        "en": "{ok} of {total} corrective actions of the last 12 months closed on time and verified effective.",
    },
    "phva.ev_corrective_in_progress": {
        "es": "{ok} de {total} acciones correctivas de los últimos 12 meses cerradas a tiempo y verificadas eficaces; {in_progress} en curso.",
        "en": "{ok} of {total} corrective actions of the last 12 months closed on time and verified effective; {in_progress} in progress.",
    },
    "phva.ev_corrective_none": {
        "es": "Sin acciones correctivas en los últimos 12 meses.",
        "en": "No corrective actions in the last 12 months.",
    },
    "phva.ev_improvement_recorded": {
        "es": "{count} acciones de mejora en los últimos 12 meses; la más reciente, {latest}, del {latest_on}.",
        "en": "{count} improvement actions in the last 12 months; the latest, {latest}, from {latest_on}.",
    },
    "phva.ev_improvement_none": {
        "es": "Ninguna acción de mejora registrada en los últimos 12 meses.",
        "en": "No improvement action recorded in the last 12 months.",
    },
    "phva.reason_never_reviewed": {"es": "nunca revisada", "en": "never reviewed"},
    "phva.reason_reviewed_on": {"es": "revisada el {date}", "en": "reviewed on {date}"},
    "phva.reason_no_requirements": {"es": "sin requisitos", "en": "no requirements"},
    "phva.reason_not_approved": {"es": "sin fecha de aprobación", "en": "no approval date"},
    "phva.reason_not_communicated": {"es": "sin comunicar", "en": "not communicated"},
    "phva.reason_communicated_before": {"es": "comunicada antes de aprobarse", "en": "communicated before approval"},
    "phva.reason_not_scored": {"es": "sin probabilidad o impacto", "en": "no likelihood or impact"},
    "phva.reason_not_assessed": {"es": "sin fecha de evaluación", "en": "no assessment date"},
    "phva.reason_review_overdue": {"es": "revisión vencida el {date}", "en": "review overdue since {date}"},
    "phva.reason_plan_what": {"es": "sin qué se hará", "en": "no what will be done"},
    "phva.reason_plan_resources": {"es": "sin recursos", "en": "no resources"},
    "phva.reason_plan_owner": {"es": "sin responsable", "en": "no owner"},
    "phva.reason_plan_due": {"es": "sin fecha de cierre", "en": "no due date"},
    "phva.reason_plan_evaluation": {"es": "sin cómo se evaluará", "en": "no how it will be evaluated"},
    "phva.reason_no_indicator": {"es": "sin indicador", "en": "no indicator"},
    "phva.reason_no_person": {"es": "sin persona asignada", "en": "no person assigned"},
    "phva.reason_no_representative": {
        "es": "Falta designar al representante de la dirección",
        "en": "No management representative appointed",
    },
    "phva.reason_no_review": {"es": "No hay revisión por la dirección realizada", "en": "No management review held"},
    "phva.reason_review_no_resources": {
        "es": "La revisión del {date} no valora la adecuación de los recursos",
        "en": "The review of {date} does not assess the adequacy of resources",
    },
    "phva.reason_no_objectives": {"es": "No hay objetivos de la calidad activos", "en": "No active quality objectives"},
    "phva.reason_overdue": {"es": "vencida desde el {date}", "en": "overdue since {date}"},
    "phva.reason_no_due_date": {"es": "sin fecha compromiso", "en": "no due date"},
    "phva.reason_last_value": {"es": "último dato: {month}", "en": "last value: {month}"},
    "phva.reason_never_measured": {"es": "sin mediciones", "en": "never measured"},
    "phva.reason_meeting_overdue": {
        "es": "Ninguna junta de operación en los últimos {days} días",
        "en": "No operation meeting in the last {days} days",
    },
    "phva.reason_closed_late": {
        "es": "cerrada tarde: {closed} (compromiso {date})",
        "en": "closed late: {closed} (due {date})",
    },
    "phva.reason_not_verified": {
        "es": "cerrada sin verificar su eficacia",
        "en": "closed without verifying its effectiveness",
    },
    "phva.reason_not_effective": {
        "es": "verificada no eficaz el {verified}",
        "en": "verified not effective on {verified}",
    },
}
