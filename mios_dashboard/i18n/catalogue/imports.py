"""Importing: the upload page `/importar`, and the importer's problems with the field, frequency and
granularity words they are shown with (problems are stored as codes and rendered in the reader's language).

Spanish and English side by side, one entry a key; words follow docs/glossary.md."""

MESSAGES: dict[str, dict[str, str]] = {
    "upload.document_title": {"es": "Importar · MI-OS", "en": "Import · MI-OS"},
    "upload.title": {"es": "Importar indicadores y mediciones", "en": "Import indicators and measurements"},
    "upload.subtitle": {
        "es": "Suba un libro de Excel o un CSV: verá qué cambiaría antes de guardar nada. Si hay un error, no se guarda nada.",
        "en": "Upload an Excel workbook or a CSV file: you will see what would change before anything is saved. If there is an error, nothing is saved.",
    },
    "upload.drop": {"es": "Arrastre aquí su archivo", "en": "Drag your file here"},
    "upload.or": {"es": "o", "en": "or"},
    "upload.browse": {"es": "elija un archivo", "en": "choose a file"},
    "upload.limits": {
        "es": "Excel .xlsx o .xlsm, o CSV · hasta {size}",
        "en": "Excel .xlsx or .xlsm, or CSV · up to {size}",
    },
    "upload.downloads": {"es": "Descargas", "en": "Downloads"},
    "upload.download_template": {"es": "Plantilla para llenar", "en": "Template to fill in"},
    "upload.download_template_hint": {
        "es": "Mediciones e Indicadores, con listas de los códigos actuales",
        "en": "Measurements and Indicators, with lists of the current codes",
    },
    "upload.download_board": {"es": "Tablero en Excel", "en": "Board as Excel"},
    "upload.download_board_hint": {
        "es": "Una hoja por perspectiva, con semáforos, metas y tendencias",
        "en": "One sheet per perspective, with traffic lights, targets and trends",
    },
    "upload.download_failed": {
        "es": "No se pudo generar la descarga; vuelva a intentarlo.",
        "en": "The download could not be prepared; please try again.",
    },
    "upload.progress_saving": {"es": "Recibiendo el archivo…", "en": "Receiving the file…"},
    "upload.progress_reading": {"es": "Leyendo y validando cada celda…", "en": "Reading and checking every cell…"},
    "upload.progress_comparing": {
        "es": "Preparando la vista previa de los cambios…",
        "en": "Preparing the preview of the changes…",
    },
    "upload.progress_importing": {"es": "Guardando los cambios…", "en": "Saving the changes…"},
    "upload.cancel": {"es": "Cancelar", "en": "Cancel"},
    "upload.preview_title": {"es": "Vista previa de «{file}»", "en": "Preview of “{file}”"},
    "upload.preview_note": {
        "es": "Todavía no se ha guardado nada. Revise los cambios y confirme.",
        "en": "Nothing has been saved yet. Review the changes and confirm.",
    },
    "upload.file_facts": {"es": "{size} · hojas leídas: {sheets}", "en": "{size} · sheets read: {sheets}"},
    "upload.no_changes": {
        "es": "El archivo no cambia nada: todos sus datos ya están guardados. Puede confirmar para dejar constancia de la importación.",
        "en": "The file changes nothing: all its data is already saved. You can confirm to keep a record of the import.",
    },
    "upload.measurements": {"es": "Mediciones", "en": "Measurements"},
    "upload.indicators": {"es": "Indicadores", "en": "Indicators"},
    "upload.to_insert": {"es": "por insertar", "en": "to insert"},
    "upload.to_update": {"es": "por actualizar", "en": "to update"},
    "upload.to_create": {"es": "por crear", "en": "to create"},
    "upload.unchanged": {"es": "sin cambios", "en": "unchanged"},
    "upload.changes_title": {"es": "Primeros cambios", "en": "First changes"},
    "upload.changes_more": {
        "es": "Se muestran los primeros {shown} de {total} cambios.",
        "en": "Showing the first {shown} of {total} changes.",
    },
    "upload.kind_insert": {"es": "Nueva", "en": "New"},
    "upload.kind_update": {"es": "Cambia", "en": "Changes"},
    "upload.kind_indicator": {"es": "Indicador nuevo", "en": "New indicator"},
    "upload.col_kind": {"es": "Cambio", "en": "Change"},
    "upload.col_current": {"es": "Valor actual", "en": "Current value"},
    "upload.col_new": {"es": "Valor nuevo", "en": "New value"},
    "upload.confirm": {"es": "Confirmar e importar", "en": "Confirm and import"},
    "upload.refused_title": {"es": "No se puede importar «{file}»", "en": "“{file}” cannot be imported"},
    "upload.refused_body.one": {
        "es": "Se encontró {count} error. Corríjalo en el archivo y vuelva a subirlo; no se guardó nada.",
        "en": "{count} error was found. Fix it in the file and upload it again; nothing was saved.",
    },
    "upload.refused_body.other": {
        "es": "Se encontraron {count} errores. Corríjalos en el archivo y vuelva a subirlo; no se guardó nada.",
        "en": "{count} errors were found. Fix them in the file and upload it again; nothing was saved.",
    },
    "upload.col_location": {"es": "Hoja y celda", "en": "Sheet and cell"},
    "upload.col_error": {"es": "Qué está mal", "en": "What is wrong"},
    "upload.errors_shown": {"es": "Errores {first}–{last} de {total}", "en": "Errors {first}–{last} of {total}"},
    "upload.too_big": {
        "es": "«{file}» pesa {size} y el máximo es {limit}. Divida el archivo o quite las hojas que no se importan.",
        "en": "“{file}” is {size} and the limit is {limit}. Split the file or remove the sheets that are not imported.",
    },
    "upload.bad_type": {
        "es": "«{file}» no es un libro de Excel (.xlsx o .xlsm) ni un CSV.",
        "en": "“{file}” is neither an Excel workbook (.xlsx or .xlsm) nor a CSV file.",
    },
    "upload.empty_file": {"es": "«{file}» está vacío.", "en": "“{file}” is empty."},
    "upload.unreadable": {
        "es": "No se pudo recibir «{file}»; vuelva a subirlo.",
        "en": "“{file}” could not be received; please upload it again.",
    },
    "upload.expired": {
        "es": "El archivo de la vista previa ya no está disponible; vuelva a subirlo.",
        "en": "The file of this preview is no longer available; please upload it again.",
    },
    "upload.failed": {
        "es": "Algo falló al procesar «{file}» y no se guardó nada. Vuelva a intentarlo; si se repite, avise al administrador.",
        "en": "Something failed while processing “{file}” and nothing was saved. Try again; if it happens again, tell your administrator.",
    },
    "upload.done_title": {
        "es": "Importación de «{file}» terminada (lote {batch})",
        "en": "Import of “{file}” finished (batch {batch})",
    },
    "upload.done_body": {
        "es": "Mediciones: {inserted} insertadas, {updated} actualizadas y {unchanged} sin cambios. Indicadores: {created} creados y {ind_updated} actualizados.",
        "en": "Measurements: {inserted} inserted, {updated} updated and {unchanged} unchanged. Indicators: {created} created and {ind_updated} updated.",
    },
    "upload.see_board": {"es": "Ver el tablero", "en": "See the board"},
    "upload.history_title": {"es": "Historial de importaciones", "en": "Import history"},
    "upload.history_empty": {
        "es": "Todavía no se ha importado ningún archivo.",
        "en": "No file has been imported yet.",
    },
    "upload.history_error": {
        "es": "No se pudo leer el historial de importaciones.",
        "en": "The import history could not be read.",
    },
    "upload.col_when": {"es": "Fecha", "en": "When"},
    "upload.col_who": {"es": "Usuario", "en": "By"},
    "upload.col_file": {"es": "Archivo", "en": "File"},
    "upload.col_inserted": {"es": "Insertadas", "en": "Inserted"},
    "upload.col_updated": {"es": "Actualizadas", "en": "Updated"},
    "upload.col_unchanged": {"es": "Sin cambios", "en": "Unchanged"},
    "upload.col_indicators": {"es": "Indicadores creados / actualizados", "en": "Indicators created / updated"},
    "upload.col_errors": {"es": "Errores", "en": "Errors"},
    "upload.status_accepted": {"es": "Aceptado", "en": "Accepted"},
    "upload.status_refused": {"es": "Rechazado", "en": "Refused"},
    "upload.show_errors.one": {"es": "Ver {count} error", "en": "Show {count} error"},
    "upload.show_errors.other": {"es": "Ver {count} errores", "en": "Show {count} errors"},
    "upload.size_kb": {"es": "{value} KB", "en": "{value} KB"},
    "upload.size_mb": {"es": "{value} MB", "en": "{value} MB"},
    "upload.download_minutes": {"es": "Minuta de la última junta", "en": "Minutes of the latest meeting"},
    "upload.download_minutes_hint": {
        "es": "{meeting}: orden del día, minuta, acuerdos y el tablero mostrado",
        "en": "{meeting}: agenda, minutes, decisions and the board shown",
    },
    "upload.download_review": {"es": "Revisión por la dirección más reciente", "en": "Latest management review"},
    "upload.download_review_hint": {
        "es": "{period}: entradas 9.3.2, salidas 9.3.3, acciones y el tablero revisado",
        "en": "{period}: 9.3.2 inputs, 9.3.3 outputs, actions and the board reviewed",
    },
    "import.problem.not_a_workbook": {
        "es": "«{file}» no es un libro de Excel .xlsx/.xlsm; guárdelo como «Libro de Excel» e inténtelo de nuevo",
        "en": "“{file}” is not an .xlsx/.xlsm Excel workbook; save it as “Excel Workbook” and try again",
    },
    "import.problem.unreadable_workbook": {
        "es": "no se pudo leer el libro «{file}»: {detail}",
        "en": "the workbook “{file}” could not be read: {detail}",
    },
    "import.problem.workbook_too_large": {
        "es": "el libro descomprimido ocupa más de {limit_mb} MB; divídalo en archivos más pequeños",
        "en": "the workbook takes more than {limit_mb} MB uncompressed; split it into smaller files",
    },
    "import.problem.compression_ratio": {
        "es": "el archivo interno «{entry}» está comprimido más de {limit} veces; se rechaza por seguridad",
        "en": "the inner file “{entry}” is compressed more than {limit} times; refused for safety",
    },
    "import.problem.too_many_cells": {
        "es": "el libro tiene más de {limit} celdas; divídalo en archivos más pequeños",
        "en": "the workbook has more than {limit} cells; split it into smaller files",
    },
    "import.problem.no_known_sheet": {
        "es": "ninguna hoja tiene indicadores ni mediciones: falta una fila de encabezado con Código/Indicador, Periodo y Valor, o una fila de periodos (hojas del libro: {sheets})",
        "en": "no sheet holds indicators or measurements: a header row with Code/Indicator, Period and Value, or a row of periods, is missing (sheets in the workbook: {sheets})",
    },
    "import.problem.file_too_large": {
        "es": "el archivo ocupa más de {limit_mb} MB; divídalo en archivos más pequeños",
        "en": "the file is larger than {limit_mb} MB; split it into smaller files",
    },
    "import.problem.old_excel_format": {
        "es": "«{file}» es un libro de Excel 97-2003 (.xls) o un libro protegido con contraseña; ábralo en Excel, quite la contraseña si la tiene y guárdelo como «Libro de Excel (.xlsx)»",
        "en": "“{file}” is an Excel 97-2003 workbook (.xls) or a password-protected workbook; open it in Excel, remove any password and save it as “Excel Workbook (.xlsx)”",
    },
    "import.problem.not_a_text_file": {
        "es": "«{file}» no es un archivo de texto CSV",
        "en": "“{file}” is not a CSV text file",
    },
    "import.problem.unknown_encoding": {
        "es": "«{file}» no está en UTF-8 ni en Windows-1252; guárdelo como «CSV UTF-8»",
        "en": "“{file}” is neither UTF-8 nor Windows-1252; save it as “CSV UTF-8”",
    },
    "import.problem.encrypted_workbook": {
        "es": "«{file}» está cifrado; quite la contraseña y guárdelo de nuevo",
        "en": "“{file}” is encrypted; remove the password and save it again",
    },
    "import.problem.opendocument": {
        "es": "«{file}» es una hoja de cálculo OpenDocument (.ods); guárdela como «Libro de Excel (.xlsx)»",
        "en": "“{file}” is an OpenDocument spreadsheet (.ods); save it as “Excel Workbook (.xlsx)”",
    },
    "import.problem.binary_workbook": {
        "es": "«{file}» es un libro binario (.xlsb); guárdelo como «Libro de Excel (.xlsx)»",
        "en": "“{file}” is a binary workbook (.xlsb); save it as “Excel Workbook (.xlsx)”",
    },
    "import.problem.too_many_entries": {
        "es": "el libro contiene más de {limit} partes internas; se rechaza por seguridad",
        "en": "the workbook holds more than {limit} inner parts; refused for safety",
    },
    "import.problem.damaged_part": {
        "es": "el archivo interno «{entry}» del libro está dañado ({detail}); ábralo en Excel y guárdelo de nuevo",
        "en": "the inner file “{entry}” of the workbook is damaged ({detail}); open it in Excel and save it again",
    },
    "import.problem.lying_zip_entry": {
        "es": "el archivo interno «{entry}» no coincide con el tamaño que declara; se rechaza por seguridad",
        "en": "the inner file “{entry}” does not match the size it declares; refused for safety",
    },
    "import.problem.xml_dtd": {
        "es": "el archivo interno «{entry}» declara una DTD o entidades XML, que un libro de Excel nunca lleva; se rechaza por seguridad",
        "en": "the inner file “{entry}” declares a DTD or XML entities, which an Excel workbook never has; refused for safety",
    },
    "import.problem.ambiguous_number": {
        "es": "«{value}» es ambiguo: puede ser {thousands} o {decimal}; escríbalo sin separador de miles (o use la coma decimal en todo el archivo)",
        "en": "“{value}” is ambiguous: it may be {thousands} or {decimal}; write it without a thousands separator (or use one decimal mark throughout the file)",
    },
    "import.problem.month_without_year": {
        "es": "«{value}» es un mes sin año; escriba el año (ene-25, enero 2025) o póngalo en una fila encima de los meses",
        "en": "“{value}” is a month without a year; write the year (Jan-25, January 2025) or put it in a row above the months",
    },
    "import.problem.duplicate_target": {
        "es": "la meta de {code} del periodo {period} aparece dos veces con valores distintos: {first} y {value}",
        "en": "the target of {code} for period {period} appears twice with different values: {first} and {value}",
    },
    "import.problem.hidden_sheets_skipped": {
        "es": "hojas ocultas no leídas: {sheets}",
        "en": "hidden sheets not read: {sheets}",
    },
    "import.problem.external_links_ignored": {
        "es": "el libro tiene {count} vínculo(s) a otros libros; se leyeron los valores guardados, sin abrir los vínculos",
        "en": "the workbook has {count} link(s) to other workbooks; their saved values were read, the links were not opened",
    },
    "import.problem.macros_ignored": {
        "es": "el libro contiene macros; no se ejecutaron",
        "en": "the workbook contains macros; they were not run",
    },
    "import.problem.sheet_skipped": {
        "es": "hoja no leída: no tiene encabezado de indicadores, de mediciones ni una fila de periodos",
        "en": "sheet not read: it has no indicators or measurements header, nor a row of periods",
    },
    "import.problem.identical_import": {
        "es": "el archivo es idéntico al del lote {batch} ({by}, {at}) y nada ha cambiado desde entonces: no hay nada que importar",
        "en": "the file is identical to the one of batch {batch} ({by}, {at}) and nothing has changed since: there is nothing to import",
    },
    "import.problem.file_changed": {
        "es": "«{file}» no es el archivo de la vista previa; súbalo de nuevo",
        "en": "“{file}” is not the file of the preview; upload it again",
    },
    "import.problem.internal_error": {
        "es": "no se pudo leer el archivo por un error interno ({detail}); avise al administrador",
        "en": "the file could not be read because of an internal error ({detail}); tell the administrator",
    },
    "import.problem.missing_header": {"es": "falta la columna «{field}»", "en": "the column “{field}” is missing"},
    "import.problem.missing_header_any": {
        "es": "falta una columna de indicador («Código» o «Indicador»)",
        "en": "an indicator column (“Code” or “Indicator”) is missing",
    },
    "import.problem.duplicate_header": {
        "es": "la columna «{field}» aparece dos veces (también en {other})",
        "en": "the column “{field}” appears twice (also at {other})",
    },
    "import.problem.missing_cell": {"es": "falta el dato de «{field}»", "en": "the “{field}” is missing"},
    "import.problem.unknown_indicator": {"es": "indicador desconocido «{code}»", "en": "unknown indicator “{code}”"},
    "import.problem.ambiguous_indicator": {
        "es": "«{code}» coincide con varios indicadores ({matches}); use el código",
        "en": "“{code}” matches several indicators ({matches}); use the code",
    },
    "import.problem.not_a_number": {"es": "«{value}» no es un número", "en": "“{value}” is not a number"},
    "import.problem.not_a_period": {
        "es": "«{value}» no es un periodo (use una fecha de Excel, AAAA-MM-DD, AAAA-MM, ene-25, T1 2025, 2025-W05 o AAAA)",
        "en": "“{value}” is not a period (use an Excel date, YYYY-MM-DD, YYYY-MM, Jan-25, Q1 2025, 2025-W05 or YYYY)",
    },
    "import.problem.period_too_coarse": {
        "es": "«{value}» es {granularity}, pero {code} es de frecuencia {frequency}",
        "en": "“{value}” is {granularity}, but {code} is measured {frequency}",
    },
    "import.problem.duplicate_measurement": {
        "es": "{code} del periodo {period} aparece dos veces con valores distintos: {first} en {first_cell} y {value} aquí",
        "en": "{code} for period {period} appears twice with different values: {first} at {first_cell} and {value} here",
    },
    "import.problem.unknown_direction": {
        "es": "«{value}» no es un sentido (use mayor es mejor, menor es mejor o rango)",
        "en": "“{value}” is not a direction (use higher, lower or range)",
    },
    "import.problem.unknown_frequency": {
        "es": "«{value}» no es una frecuencia (use diaria, semanal, mensual, trimestral o anual)",
        "en": "“{value}” is not a frequency (use daily, weekly, monthly, quarterly or yearly)",
    },
    "import.problem.unknown_aggregation": {
        "es": "«{value}» no es una agregación (use suma, promedio, último, mínimo o máximo)",
        "en": "“{value}” is not an aggregation (use sum, mean, last, min or max)",
    },
    "import.problem.unknown_perspective": {
        "es": "perspectiva desconocida «{value}»",
        "en": "unknown perspective “{value}”",
    },
    "import.problem.unknown_objective": {"es": "objetivo desconocido «{value}»", "en": "unknown objective “{value}”"},
    "import.problem.unknown_process": {"es": "proceso desconocido «{value}»", "en": "unknown process “{value}”"},
    "import.problem.too_long": {
        "es": "«{field}» admite a lo sumo {limit} caracteres (tiene {length})",
        "en": "“{field}” takes at most {limit} characters (it has {length})",
    },
    "import.problem.name_required": {
        "es": "el indicador nuevo «{code}» necesita un nombre",
        "en": "the new indicator “{code}” needs a name",
    },
    "import.problem.duplicate_definition": {
        "es": "el indicador «{code}» ya está definido en {first_cell} con otros datos",
        "en": "the indicator “{code}” is already defined at {first_cell} with other data",
    },
    "import.problem.range_needs_bounds": {
        "es": "el indicador de rango «{code}» necesita «Meta mínima» y «Meta máxima»",
        "en": "the range indicator “{code}” needs a “Minimum target” and a “Maximum target”",
    },
    "import.problem.range_unordered": {
        "es": "la meta mínima ({low}) debe ser menor que la meta máxima ({high})",
        "en": "the minimum target ({low}) must be less than the maximum target ({high})",
    },
    "import.problem.thresholds_unordered": {
        "es": "el umbral amarillo ({yellow}) debe estar entre 0 y el umbral verde ({green})",
        "en": "the yellow threshold ({yellow}) must lie between 0 and the green threshold ({green})",
    },
    "import.problem.not_positive": {
        "es": "«{field}» debe ser mayor que cero",
        "en": "“{field}” must be greater than zero",
    },
    "import.problem.frequency_change": {
        "es": "no se puede cambiar la frecuencia de «{code}» de {old} a {new}: ya tiene mediciones",
        "en": "the frequency of “{code}” cannot change from {old} to {new}: it already has measurements",
    },
    "import.problem.write_failed": {
        "es": "la base de datos rechazó la escritura: {detail}",
        "en": "the database refused the write: {detail}",
    },
    "import.problem.more_errors": {"es": "… y {count} errores más", "en": "… and {count} more errors"},
    "import.field.code": {"es": "Código", "en": "Code"},
    "import.field.indicator": {"es": "Indicador", "en": "Indicator"},
    "import.field.name": {"es": "Nombre", "en": "Name"},
    "import.field.unit": {"es": "Unidad", "en": "Unit"},
    "import.field.direction": {"es": "Sentido", "en": "Direction"},
    "import.field.frequency": {"es": "Frecuencia", "en": "Frequency"},
    "import.field.aggregation": {"es": "Agregación", "en": "Aggregation"},
    "import.field.target": {"es": "Meta", "en": "Target"},
    "import.field.target_min": {"es": "Meta mínima", "en": "Minimum target"},
    "import.field.target_max": {"es": "Meta máxima", "en": "Maximum target"},
    "import.field.perspective": {"es": "Perspectiva", "en": "Perspective"},
    "import.field.objective": {"es": "Objetivo", "en": "Objective"},
    "import.field.process": {"es": "Proceso", "en": "Process"},
    "import.field.owner": {"es": "Responsable", "en": "Owner"},
    "import.field.group": {"es": "Grupo", "en": "Group"},
    "import.field.green_threshold": {"es": "Umbral verde", "en": "Green threshold"},
    "import.field.yellow_threshold": {"es": "Umbral amarillo", "en": "Yellow threshold"},
    "import.field.baseline": {"es": "Línea base", "en": "Baseline"},
    "import.field.data_source": {"es": "Fuente de datos", "en": "Data source"},
    "import.field.description": {"es": "Descripción", "en": "Description"},
    "import.field.weight": {"es": "Peso", "en": "Weight"},
    "import.field.period": {"es": "Periodo", "en": "Period"},
    "import.field.value": {"es": "Valor", "en": "Value"},
    "import.field.comment": {"es": "Comentario", "en": "Comment"},
    "import.field.month": {"es": "Mes", "en": "Month"},
    "import.field.year": {"es": "Año", "en": "Year"},
    "import.frequency.daily": {"es": "diaria", "en": "daily"},
    "import.frequency.weekly": {"es": "semanal", "en": "weekly"},
    "import.frequency.monthly": {"es": "mensual", "en": "monthly"},
    "import.frequency.quarterly": {"es": "trimestral", "en": "quarterly"},
    "import.frequency.yearly": {"es": "anual", "en": "yearly"},
    "import.granularity.day": {"es": "un día", "en": "a day"},
    "import.granularity.week": {"es": "una semana", "en": "a week"},
    "import.granularity.month": {"es": "un mes", "en": "a month"},
    "import.granularity.quarter": {"es": "un trimestre", "en": "a quarter"},
    "import.granularity.year": {"es": "un año", "en": "a year"},
}
