"""The administration page's pieces: ids (ids.py), the forms (forms.py), what sections share (common.py) and
one module per section; `SECTION_VIEWS` maps a section to its module."""
from __future__ import annotations

from mios_dashboard.components.admin import indicators, objectives, perspectives, processes

SECTION_VIEWS = {"perspectives": perspectives, "processes": processes, "objectives": objectives,
                 "indicators": indicators}
