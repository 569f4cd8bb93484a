"""The message catalogues, one module per capability, each a `MESSAGES` dict of key → {"es": …, "en": …}.

A key starts with its family (`board.`, `drill.`, `upload.`, `import.problem.`, `cli.` …); a new capability adds
its module here.
"""
from mios_dashboard.i18n.catalogue import board, cli, common, drilldown, evaluation, exports, imports, phva

CAPABILITIES = (common, board, drilldown, evaluation, phva, imports, exports, cli)
