"""The command line of `python -m mios_dashboard` (docs/command-line.md), split by concern: `context` (exit codes,
errors, the shared Context), `commands` (the data commands), `export_commands` (the workbooks), `parser`
(arguments). The entry point, `main`, stays in `mios_dashboard/__main__.py` (the `mios` script).
"""
