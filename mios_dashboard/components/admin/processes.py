"""Section "Procesos": the processes of the QMS (slide 22) with type, owner and how full their SIPOC is (slide 26)."""
from __future__ import annotations

from typing import Any

from dash import html

from mios_dashboard.components.admin import common, ids
from mios_dashboard.components.admin.forms import SIPOC, modal
from mios_dashboard.i18n import fmt_number, t


def _sipoc_summary(sipoc: dict[str, list[str]], lang: str) -> Any:
    """"Fuentes 3 · Entradas 2 · …" for the kinds that have lines; a dash when there is none."""
    parts = [f"{t(f'admin.sipoc_short.{kind}', lang)} {fmt_number(len(sipoc[kind]), lang)}"
             for kind in SIPOC if sipoc.get(kind)]
    return html.Span(" · ".join(parts) if parts else t("admin.sipoc_none", lang), className="mios-admin__muted")


def table(data: Any, lang: str) -> Any:
    rows = [[p.code, html.Strong(p.name), t(f"admin.process_type.{p.type}", lang), common.text_or_dash(p.owner),
             _sipoc_summary(p.sipoc, lang), fmt_number(p.objectives, lang), fmt_number(p.indicators, lang),
             common.edit_button("process", p.id, lang, subject=p.name)] for p in data.rows]
    return common.records_table(
        ["admin.field.code", "admin.field.name", "admin.field.type", "admin.field.owner", "admin.field.sipoc",
         "admin.column.objectives", "admin.column.indicators"], rows, lang, "admin.empty.processes", numeric=(5, 6),
        wide=(1,))


def section(data: Any, lang: str) -> list:
    return [common.section_head("processes", lang, "process"),
            html.Div(table(data, lang), id=ids.table("processes")), modal("process", lang)]
