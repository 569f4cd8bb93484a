"""What the command line says, in Spanish (default) and English; kept apart from the UI catalogues in i18n/.

Also translates argparse's own messages for Spanish users (argparse looks its texts up through
`argparse._` at call time, so installing a lookup before the parsers are built is enough).
"""
from __future__ import annotations

import argparse

MESSAGES: dict[str, dict[str, str]] = {
    "es": {
        "description": "MI-OS Tablero de Control Directivo: comandos para administrar la base de datos y los datos.",
        "epilog": "La base de datos se toma de MIOS_DATABASE_URL (o --database-url); el idioma, de MIOS_LANG (es/en).",
        "commands": "comandos",
        "help_database_url": "URL de la base de datos (sustituye a MIOS_DATABASE_URL)",
        "help_init_db": "crea o actualiza el esquema de la base de datos",
        "help_demo": "carga (o actualiza) la organización de demostración en una base de datos vacía o de demostración",
        "help_import": "importa indicadores y mediciones desde un libro de Excel",
        "help_import_file": "libro .xlsx/.xlsm con hojas Indicadores y/o Mediciones",
        "help_dry_run": "solo muestra lo que se insertaría, actualizaría o quedaría igual; no escribe nada",
        "help_json": "escribe el resultado como JSON en la salida estándar",
        "help_measurements": "exporta las mediciones (indicator_code,period,value)",
        "help_format": "formato de salida (solo csv)",
        "help_output": "archivo de salida (por omisión, la salida estándar)",
        "help_board": "calcula el tablero de un mes",
        "help_period": "mes del tablero, AAAA-MM (por omisión, el más reciente con datos)",
        "help_export": (
            "escribe el tablero en un libro de Excel (una hoja por perspectiva, con semáforos); con --meeting o "
            "--review, la minuta de una junta o el registro de una revisión por la dirección"
        ),
        "help_meeting": "la minuta de la junta ID, o de la última (latest)",
        "help_review": "el registro de la revisión por la dirección ID, o de la más reciente (latest)",
        "help_export_file": "libro .xlsx que se va a escribir (se reemplaza si ya existe)",
        "help_template": "escribe la plantilla para capturar mediciones (hojas Mediciones e Indicadores)",
        "help_template_file": "libro .xlsx que se va a escribir (se reemplaza si ya existe)",
        "help_workbook_lang": "idioma del libro: es o en (por omisión, el de MIOS_LANG)",
        "help_users": "administra usuarios",
        "help_users_add": "da de alta un usuario",
        "help_username": "nombre de usuario",
        "help_role": "rol: admin, director, representante, responsable o lector",
        "help_full_name": "nombre completo",
        "help_email": "correo electrónico",
        "usage_hint": "use --help para ver la ayuda",
        "init_db_done": "Esquema de la base de datos en la revisión {revision} ({url})",
        "demo_done": "Organización de demostración cargada en {url} (al mes {month}: {inserted} filas insertadas, {updated} actualizadas)",
        "import_accepted": (
            "Importado «{file}» (lote {batch}): indicadores {created} creados, {updated} actualizados, "
            "{unchanged} sin cambios; mediciones {inserted} insertadas, {m_updated} actualizadas, {m_unchanged} sin cambios"
        ),
        "import_preview": (
            "Vista previa de «{file}», no se escribió nada: indicadores {created} por crear, {updated} por actualizar, "
            "{unchanged} sin cambios; mediciones {inserted} por insertar, {m_updated} por actualizar, {m_unchanged} sin cambios"
        ),
        "import_refused": "Importación de «{file}» rechazada por {count} error(es); no se escribió nada",
        "import_refused_dry": "Vista previa de «{file}»: se rechazaría por {count} error(es)",
        "measurements_written": "{count} mediciones escritas en {path}",
        "export_done": "Tablero de {period} escrito en {path} ({sheets} hojas, {indicators} indicadores)",
        "export_empty": "El tablero no tiene datos todavía; se escribió {path} sin indicadores",
        "template_done": "Plantilla escrita en {path} ({indicators} indicadores activos)",
        "export_minutes_done": "Minuta de «{title}» escrita en {path} ({sheets} hojas, {actions} acuerdos)",
        "export_review_done": "Revisión por la dirección del periodo {title} escrita en {path} ({sheets} hojas, {actions} acciones)",
        "user_added": "Usuario «{name}» creado con el rol {role}",
        "board_header": "Tablero de {period}: puntuación {score} ({status})",
        "board_empty": "El tablero no tiene datos todavía; importe mediciones o cargue la demostración",
        # errors
        "settings_error": "configuración no válida: {detail}",
        "bad_database_url": "URL de base de datos no válida «{url}»: use sqlite:///RUTA/mios.db o postgresql://USUARIO@SERVIDOR/BASE",
        "db_unreachable": "no se puede conectar a la base de datos {url}: {detail}",
        "db_error": "error de la base de datos {url}: {detail}",
        "db_not_initialised": "la base de datos {url} no está inicializada; ejecute «python -m mios_dashboard init-db»",
        "db_outdated": (
            "el esquema de la base de datos está en la revisión {current} y esta versión necesita la {head}; "
            "ejecute «python -m mios_dashboard init-db»"
        ),
        "file_not_found": "no existe el archivo «{path}»",
        "not_a_file": "«{path}» no es un archivo",
        "export_not_xlsx": "«{path}» debe terminar en .xlsx",
        "export_no_folder": "no existe la carpeta «{folder}» para escribir «{path}»",
        "export_no_record": "{detail}; no se escribió ningún archivo",
        "bad_record_id": "«{value}» no es un número de registro (use un número, por ejemplo 12, o latest)",
        "os_error": "no se puede usar «{path}»: {detail}",
        "import_write_failed": "la importación de «{file}» falló al escribir y no se guardó nada: {detail}",
        "user_exists": "el usuario «{name}» ya existe",
        "bad_role": "rol no válido «{value}» (use admin, director, representante, responsable o lector)",
        "bad_period": "periodo no válido «{value}» (use AAAA-MM, por ejemplo 2025-12)",
        "bad_email": "correo electrónico no válido «{value}»",
        "bad_text": "«{value}» debe tener entre 1 y {limit} caracteres",
        "demo_conflict": "no se cargó la demostración: {detail}",
        "feature_unavailable": "el comando «{command}» no está disponible en esta instalación ({detail})",
        "interrupted": "interrumpido",
        "unexpected": "error inesperado ({kind}): {detail}",
    },
    "en": {
        "description": "MI-OS Directive Control Board: commands to manage the database and the data.",
        "epilog": "The database comes from MIOS_DATABASE_URL (or --database-url); the language from MIOS_LANG (es/en).",
        "commands": "commands",
        "help_database_url": "database URL (overrides MIOS_DATABASE_URL)",
        "help_init_db": "create or upgrade the database schema",
        "help_demo": "load (or refresh) the demo organization into an empty or demo database",
        "help_import": "import indicators and measurements from an Excel workbook",
        "help_import_file": ".xlsx/.xlsm workbook with Indicators and/or Measurements sheets",
        "help_dry_run": "only show what would be inserted, updated or left unchanged; write nothing",
        "help_json": "write the result as JSON on standard output",
        "help_measurements": "export the measurements (indicator_code,period,value)",
        "help_format": "output format (csv only)",
        "help_output": "output file (default: standard output)",
        "help_board": "compute the board of a month",
        "help_period": "month of the board, YYYY-MM (default: the newest with data)",
        "help_export": (
            "write the board to an Excel workbook (one sheet per perspective, with traffic lights); with --meeting "
            "or --review, the minutes of a meeting or the record of a management review"
        ),
        "help_meeting": "the minutes of meeting ID, or of the latest one (latest)",
        "help_review": "the record of management review ID, or of the most recent one (latest)",
        "help_export_file": ".xlsx workbook to write (replaced if it exists)",
        "help_template": "write the template to enter measurements (Measurements and Indicators sheets)",
        "help_template_file": ".xlsx workbook to write (replaced if it exists)",
        "help_workbook_lang": "language of the workbook: es or en (default: that of MIOS_LANG)",
        "help_users": "manage users",
        "help_users_add": "add a user",
        "help_username": "user name",
        "help_role": "role: admin, director, representative, owner or viewer",
        "help_full_name": "full name",
        "help_email": "e-mail address",
        "usage_hint": "use --help for help",
        "init_db_done": "Database schema at revision {revision} ({url})",
        "demo_done": "Demo organization loaded into {url} (as of {month}: {inserted} rows inserted, {updated} updated)",
        "import_accepted": (
            "Imported “{file}” (batch {batch}): indicators {created} created, {updated} updated, {unchanged} unchanged; "
            "measurements {inserted} inserted, {m_updated} updated, {m_unchanged} unchanged"
        ),
        "import_preview": (
            "Preview of “{file}”, nothing written: indicators {created} to create, {updated} to update, "
            "{unchanged} unchanged; measurements {inserted} to insert, {m_updated} to update, {m_unchanged} unchanged"
        ),
        "import_refused": "Import of “{file}” refused with {count} error(s); nothing was written",
        "import_refused_dry": "Preview of “{file}”: it would be refused with {count} error(s)",
        "measurements_written": "{count} measurements written to {path}",
        "export_done": "Board of {period} written to {path} ({sheets} sheets, {indicators} indicators)",
        "export_empty": "The board has no data yet; {path} was written without indicators",
        "template_done": "Template written to {path} ({indicators} active indicators)",
        "export_minutes_done": "Minutes of “{title}” written to {path} ({sheets} sheets, {actions} decisions)",
        "export_review_done": "Management review of the period {title} written to {path} ({sheets} sheets, {actions} actions)",
        "user_added": "User “{name}” created with role {role}",
        "board_header": "Board of {period}: score {score} ({status})",
        "board_empty": "The board has no data yet; import measurements or load the demo",
        "settings_error": "invalid configuration: {detail}",
        "bad_database_url": "invalid database URL “{url}”: use sqlite:///PATH/mios.db or postgresql://USER@HOST/DATABASE",
        "db_unreachable": "cannot connect to the database {url}: {detail}",
        "db_error": "database error on {url}: {detail}",
        "db_not_initialised": "the database {url} is not initialised; run “python -m mios_dashboard init-db”",
        "db_outdated": (
            "the database schema is at revision {current} and this version needs {head}; "
            "run “python -m mios_dashboard init-db”"
        ),
        "file_not_found": "the file “{path}” does not exist",
        "not_a_file": "“{path}” is not a file",
        "export_not_xlsx": "“{path}” must end in .xlsx",
        "export_no_folder": "the folder “{folder}” does not exist, so “{path}” cannot be written",
        "export_no_record": "{detail}; no file was written",
        "bad_record_id": "“{value}” is not a record number (use a number such as 12, or latest)",
        "os_error": "cannot use “{path}”: {detail}",
        "import_write_failed": "importing “{file}” failed while writing and nothing was saved: {detail}",
        "user_exists": "the user “{name}” already exists",
        "bad_role": "invalid role “{value}” (use admin, director, representative, owner or viewer)",
        "bad_period": "invalid period “{value}” (use YYYY-MM, e.g. 2025-12)",
        "bad_email": "invalid e-mail address “{value}”",
        "bad_text": "“{value}” must have between 1 and {limit} characters",
        "demo_conflict": "the demo was not loaded: {detail}",
        "feature_unavailable": "the command “{command}” is not available in this installation ({detail})",
        "interrupted": "interrupted",
        "unexpected": "unexpected error ({kind}): {detail}",
    },
}

STATUS_WORDS = {
    "es": {"green": "en meta", "yellow": "en riesgo", "red": "fuera de meta", "no_data": "sin dato", "stale": "desactualizado"},
    "en": {"green": "on target", "yellow": "at risk", "red": "off target", "no_data": "no data", "stale": "stale"},
}

ROLE_WORDS = {
    "es": {"admin": "administrador", "director": "director", "representative": "representante de la dirección",
           "owner": "responsable de proceso", "viewer": "lector"},
    "en": {"admin": "administrator", "director": "director", "representative": "management representative",
           "owner": "process owner", "viewer": "viewer"},
}

# argparse (Python 3.11) message ids → Spanish.
ARGPARSE_ES = {
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


def lang_of(value: str | None) -> str:
    """"en", "EN", "en_US.UTF-8" → "en"; anything else → "es"."""
    return "en" if (value or "").strip().lower().startswith("en") else "es"


def msg(key: str, lang: str = "es", **params) -> str:
    catalogue = MESSAGES.get(lang, MESSAGES["es"])
    template = catalogue.get(key) or MESSAGES["es"].get(key, key)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def install_argparse_language(lang: str) -> None:
    """Make argparse speak `lang` (it speaks English by itself)."""
    import gettext

    if lang == "es":
        argparse._ = lambda text: ARGPARSE_ES.get(text, text)  # type: ignore[attr-defined]
    else:
        argparse._ = gettext.gettext  # type: ignore[attr-defined]
