"""The command line: argparse help, results and one-line errors (`python -m mios_dashboard …`).

Spanish and English side by side, one entry a key; words follow docs/glossary.md."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.description": {
        "es": "MI-OS Tablero de Control Directivo: comandos para administrar la base de datos y los datos.",
        "en": "MI-OS Directive Control Board: commands to manage the database and the data.",
    },
    "cli.epilog": {
        "es": "La base de datos se toma de MIOS_DATABASE_URL (o --database-url); el idioma, de MIOS_LANG (es/en).",
        "en": "The database comes from MIOS_DATABASE_URL (or --database-url); the language from MIOS_LANG (es/en).",
    },
    "cli.commands": {"es": "comandos", "en": "commands"},
    "cli.help_database_url": {
        "es": "URL de la base de datos (sustituye a MIOS_DATABASE_URL)",
        "en": "database URL (overrides MIOS_DATABASE_URL)",
    },
    "cli.help_init_db": {
        "es": "crea o actualiza el esquema de la base de datos",
        "en": "create or upgrade the database schema",
    },
    "cli.help_demo": {
        "es": "carga (o actualiza) la organización de demostración en una base de datos vacía o de demostración",
        "en": "load (or refresh) the demo organization into an empty or demo database",
    },
    "cli.help_import": {
        "es": "importa indicadores y mediciones desde un libro de Excel",
        "en": "import indicators and measurements from an Excel workbook",
    },
    "cli.help_import_file": {
        "es": "libro .xlsx/.xlsm con hojas Indicadores y/o Mediciones",
        "en": ".xlsx/.xlsm workbook with Indicators and/or Measurements sheets",
    },
    "cli.help_dry_run": {
        "es": "solo muestra lo que se insertaría, actualizaría o quedaría igual; no escribe nada",
        "en": "only show what would be inserted, updated or left unchanged; write nothing",
    },
    "cli.help_json": {
        "es": "escribe el resultado como JSON en la salida estándar",
        "en": "write the result as JSON on standard output",
    },
    "cli.help_measurements": {
        "es": "exporta las mediciones (indicator_code,period,value)",
        "en": "export the measurements (indicator_code,period,value)",
    },
    "cli.help_format": {"es": "formato de salida (solo csv)", "en": "output format (csv only)"},
    "cli.help_output": {
        "es": "archivo de salida (por omisión, la salida estándar)",
        "en": "output file (default: standard output)",
    },
    "cli.help_board": {"es": "calcula el tablero de un mes", "en": "compute the board of a month"},
    "cli.help_period": {
        "es": "mes del tablero, AAAA-MM (por omisión, el más reciente con datos)",
        "en": "month of the board, YYYY-MM (default: the newest with data)",
    },
    "cli.help_export": {
        "es": "escribe el tablero en un libro de Excel (una hoja por perspectiva, con semáforos); con --meeting o --review, la minuta de una junta o el registro de una revisión por la dirección",
        "en": "write the board to an Excel workbook (one sheet per perspective, with traffic lights); with --meeting or --review, the minutes of a meeting or the record of a management review",
    },
    "cli.help_meeting": {
        "es": "la minuta de la junta ID, o de la última (latest)",
        "en": "the minutes of meeting ID, or of the latest one (latest)",
    },
    "cli.help_review": {
        "es": "el registro de la revisión por la dirección ID, o de la más reciente (latest)",
        "en": "the record of management review ID, or of the most recent one (latest)",
    },
    "cli.help_export_file": {
        "es": "libro .xlsx que se va a escribir (se reemplaza si ya existe)",
        "en": ".xlsx workbook to write (replaced if it exists)",
    },
    "cli.help_template": {
        "es": "escribe la plantilla para capturar mediciones (hojas Mediciones e Indicadores)",
        "en": "write the template to enter measurements (Measurements and Indicators sheets)",
    },
    "cli.help_template_file": {
        "es": "libro .xlsx que se va a escribir (se reemplaza si ya existe)",
        "en": ".xlsx workbook to write (replaced if it exists)",
    },
    "cli.help_workbook_lang": {
        "es": "idioma del libro: es o en (por omisión, el de MIOS_LANG)",
        "en": "language of the workbook: es or en (default: that of MIOS_LANG)",
    },
    "cli.help_users": {"es": "administra usuarios", "en": "manage users"},
    "cli.help_users_add": {"es": "da de alta un usuario", "en": "add a user"},
    "cli.help_username": {"es": "nombre de usuario", "en": "user name"},
    "cli.help_role": {
        "es": "rol: admin, director, representante, responsable o lector",
        "en": "role: admin, director, representative, owner or viewer",
    },
    "cli.help_full_name": {"es": "nombre completo", "en": "full name"},
    "cli.help_email": {"es": "correo electrónico", "en": "e-mail address"},
    "cli.usage_hint": {"es": "use --help para ver la ayuda", "en": "use --help for help"},
    "cli.init_db_done": {
        "es": "Esquema de la base de datos en la revisión {revision} ({url})",
        "en": "Database schema at revision {revision} ({url})",
    },
    "cli.demo_done": {
        "es": "Organización de demostración cargada en {url} (al mes {month}: {inserted} filas insertadas, {updated} actualizadas)",
        "en": "Demo organization loaded into {url} (as of {month}: {inserted} rows inserted, {updated} updated)",
    },
    "cli.import_accepted": {
        "es": "Importado «{file}» (lote {batch}): indicadores {created} creados, {updated} actualizados, {unchanged} sin cambios; mediciones {inserted} insertadas, {m_updated} actualizadas, {m_unchanged} sin cambios",
        "en": "Imported “{file}” (batch {batch}): indicators {created} created, {updated} updated, {unchanged} unchanged; measurements {inserted} inserted, {m_updated} updated, {m_unchanged} unchanged",
    },
    "cli.import_preview": {
        "es": "Vista previa de «{file}», no se escribió nada: indicadores {created} por crear, {updated} por actualizar, {unchanged} sin cambios; mediciones {inserted} por insertar, {m_updated} por actualizar, {m_unchanged} sin cambios",
        "en": "Preview of “{file}”, nothing written: indicators {created} to create, {updated} to update, {unchanged} unchanged; measurements {inserted} to insert, {m_updated} to update, {m_unchanged} unchanged",
    },
    "cli.import_refused": {
        "es": "Importación de «{file}» rechazada por {count} error(es); no se escribió nada",
        "en": "Import of “{file}” refused with {count} error(s); nothing was written",
    },
    "cli.import_refused_dry": {
        "es": "Vista previa de «{file}»: se rechazaría por {count} error(es)",
        "en": "Preview of “{file}”: it would be refused with {count} error(s)",
    },
    "cli.measurements_written": {
        "es": "{count} mediciones escritas en {path}",
        "en": "{count} measurements written to {path}",
    },
    "cli.export_done": {
        "es": "Tablero de {period} escrito en {path} ({sheets} hojas, {indicators} indicadores)",
        "en": "Board of {period} written to {path} ({sheets} sheets, {indicators} indicators)",
    },
    "cli.export_empty": {
        "es": "El tablero no tiene datos todavía; se escribió {path} sin indicadores",
        "en": "The board has no data yet; {path} was written without indicators",
    },
    "cli.template_done": {
        "es": "Plantilla escrita en {path} ({indicators} indicadores activos)",
        "en": "Template written to {path} ({indicators} active indicators)",
    },
    "cli.export_minutes_done": {
        "es": "Minuta de «{title}» escrita en {path} ({sheets} hojas, {actions} acuerdos)",
        "en": "Minutes of “{title}” written to {path} ({sheets} sheets, {actions} decisions)",
    },
    "cli.export_review_done": {
        "es": "Revisión por la dirección del periodo {title} escrita en {path} ({sheets} hojas, {actions} acciones)",
        "en": "Management review of the period {title} written to {path} ({sheets} sheets, {actions} actions)",
    },
    "cli.user_added": {
        "es": "Usuario «{name}» creado con el rol {role}",
        "en": "User “{name}” created with role {role}",
    },
    "cli.board_header": {
        "es": "Tablero de {period}: puntuación {score} ({status})",
        "en": "Board of {period}: score {score} ({status})",
    },
    "cli.board_empty": {
        "es": "El tablero no tiene datos todavía; importe mediciones o cargue la demostración",
        "en": "The board has no data yet; import measurements or load the demo",
    },
    "cli.settings_error": {"es": "configuración no válida: {detail}", "en": "invalid configuration: {detail}"},
    "cli.bad_database_url": {
        "es": "URL de base de datos no válida «{url}»: use sqlite:///RUTA/mios.db o postgresql://USUARIO@SERVIDOR/BASE",
        "en": "invalid database URL “{url}”: use sqlite:///PATH/mios.db or postgresql://USER@HOST/DATABASE",
    },
    "cli.db_unreachable": {
        "es": "no se puede conectar a la base de datos {url}: {detail}",
        "en": "cannot connect to the database {url}: {detail}",
    },
    "cli.db_error": {"es": "error de la base de datos {url}: {detail}", "en": "database error on {url}: {detail}"},
    "cli.db_not_initialised": {
        "es": "la base de datos {url} no está inicializada; ejecute «python -m mios_dashboard init-db»",
        "en": "the database {url} is not initialised; run “python -m mios_dashboard init-db”",
    },
    "cli.db_outdated": {
        "es": "el esquema de la base de datos está en la revisión {current} y esta versión necesita la {head}; ejecute «python -m mios_dashboard init-db»",
        "en": "the database schema is at revision {current} and this version needs {head}; run “python -m mios_dashboard init-db”",
    },
    "cli.file_not_found": {"es": "no existe el archivo «{path}»", "en": "the file “{path}” does not exist"},
    "cli.not_a_file": {"es": "«{path}» no es un archivo", "en": "“{path}” is not a file"},
    "cli.export_not_xlsx": {"es": "«{path}» debe terminar en .xlsx", "en": "“{path}” must end in .xlsx"},
    "cli.export_no_folder": {
        "es": "no existe la carpeta «{folder}» para escribir «{path}»",
        "en": "the folder “{folder}” does not exist, so “{path}” cannot be written",
    },
    "cli.export_no_record": {"es": "{detail}; no se escribió ningún archivo", "en": "{detail}; no file was written"},
    "cli.bad_record_id": {
        "es": "«{value}» no es un número de registro (use un número, por ejemplo 12, o latest)",
        "en": "“{value}” is not a record number (use a number such as 12, or latest)",
    },
    "cli.os_error": {"es": "no se puede usar «{path}»: {detail}", "en": "cannot use “{path}”: {detail}"},
    "cli.import_write_failed": {
        "es": "la importación de «{file}» falló al escribir y no se guardó nada: {detail}",
        "en": "importing “{file}” failed while writing and nothing was saved: {detail}",
    },
    "cli.user_exists": {"es": "el usuario «{name}» ya existe", "en": "the user “{name}” already exists"},
    "cli.bad_role": {
        "es": "rol no válido «{value}» (use admin, director, representante, responsable o lector)",
        "en": "invalid role “{value}” (use admin, director, representative, owner or viewer)",
    },
    "cli.bad_period": {
        "es": "periodo no válido «{value}» (use AAAA-MM, por ejemplo 2025-12)",
        "en": "invalid period “{value}” (use YYYY-MM, e.g. 2025-12)",
    },
    "cli.bad_email": {"es": "correo electrónico no válido «{value}»", "en": "invalid e-mail address “{value}”"},
    "cli.bad_text": {
        "es": "«{value}» debe tener entre 1 y {limit} caracteres",
        "en": "“{value}” must have between 1 and {limit} characters",
    },
    "cli.demo_conflict": {"es": "no se cargó la demostración: {detail}", "en": "the demo was not loaded: {detail}"},
    "cli.feature_unavailable": {
        "es": "el comando «{command}» no está disponible en esta instalación ({detail})",
        "en": "the command “{command}” is not available in this installation ({detail})",
    },
    "cli.interrupted": {"es": "interrumpido", "en": "interrupted"},
    "cli.unexpected": {"es": "error inesperado ({kind}): {detail}", "en": "unexpected error ({kind}): {detail}"},
    "cli.status.green": {"es": "en meta", "en": "on target"},
    "cli.status.yellow": {"es": "en riesgo", "en": "at risk"},
    "cli.status.red": {"es": "fuera de meta", "en": "off target"},
    "cli.status.no_data": {"es": "sin dato", "en": "no data"},
    "cli.status.stale": {"es": "desactualizado", "en": "stale"},
    "cli.role.admin": {"es": "administrador", "en": "administrator"},
    "cli.role.director": {"es": "director", "en": "director"},
    "cli.role.representative": {"es": "representante de la dirección", "en": "management representative"},
    "cli.role.owner": {"es": "responsable de proceso", "en": "process owner"},
    "cli.role.viewer": {"es": "lector", "en": "viewer"},
}

# argparse's own English texts, in Spanish (argparse looks them up through `argparse._`).
ARGPARSE_ES: dict[str, str] = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opciones",
    "show this help message and exit": "muestra esta ayuda y termina",
    "the following arguments are required: %s": "faltan los argumentos obligatorios: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "opción no válida: %(value)r (elija entre %(choices)s)",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s",
    "expected one argument": "se esperaba un valor",
    "expected at most one argument": "se esperaba a lo sumo un valor",
    "expected at least one argument": "se esperaba al menos un valor",
    "invalid %(type)s value: %(value)r": "valor no válido para %(type)s: %(value)r",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "opción ambigua: %(option)s puede ser %(matches)s",
    "one of the arguments %s is required": "se requiere uno de los argumentos %s",
    "not allowed with argument %s": "no se permite junto con el argumento %s",
    "ignored explicit argument %r": "se ignoró el argumento explícito %r",
}
