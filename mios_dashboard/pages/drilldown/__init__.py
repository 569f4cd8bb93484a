"""The drill-down pages `/objetivo/<code>` (objective.py) and `/indicador/<code>` (indicator.py):
`init_app(app)` registers both on `app` (they have no callbacks: every link is a plain navigation)."""
from __future__ import annotations

import dash

from mios_dashboard.components.drilldown.ids import Ids
from mios_dashboard.components.shell import document_title
from mios_dashboard.pages.drilldown import indicator, objective

__all__ = ["Ids", "init_app"]


def init_app(app: dash.Dash) -> None:
    """Register both pages; `<code>` reaches each layout as its `code` argument."""
    dash.register_page(objective.__name__, path_template="/objetivo/<code>", name="objective",
                       title=document_title("drill.objective_document_title"), order=10, layout=objective.layout)
    dash.register_page(indicator.__name__, path_template="/indicador/<code>", name="indicator",
                       title=document_title("drill.indicator_document_title"), order=11, layout=indicator.layout)
