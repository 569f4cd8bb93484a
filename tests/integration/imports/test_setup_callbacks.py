"""The upload page's outcome callback over HTTP (tests/integration/dash_client.py), fed what the preview and
the confirmation of a setup workbook return: each sheet's counts, in Spanish and English, no browser."""
from __future__ import annotations

import base64

import pytest

from mios_dashboard.components.imports import Ids
from mios_dashboard.services.imports.uploads import confirm_upload, preview_upload
from tests.integration.dash_client import DashClient
from tests.integration.imports.setup_books import company_workbook

OUTPUTS = [{"id": Ids.RESULT, "property": "children"}, {"id": Ids.CONFIRM_BAR, "property": "hidden"},
           {"id": Ids.CONFIRM, "property": "disabled"}, {"id": Ids.ERRORS_PAGES, "property": "max_value"},
           {"id": Ids.ERRORS_PAGES, "property": "active_page"}, {"id": Ids.ERRORS_PAGES, "property": "className"}]


@pytest.fixture
def setup_app(empty_settings):
    from mios_dashboard import create_app

    return create_app(empty_settings), empty_settings


def texts(node) -> list[str]:
    """The text a user reads in a rendered component tree: every string child, in order."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [text for child in node for text in texts(child)]
    if isinstance(node, dict):
        return texts(node.get("props", {}).get("children"))
    return []


def shown(client: DashClient, outcome: dict, lang: str) -> tuple[str, dict]:
    answer = client.answer(f"{Ids.RESULT}.children", OUTPUTS,
                           [{"id": Ids.OUTCOME, "property": "data", "value": outcome},
                            {"id": Ids.ERRORS_PAGES, "property": "active_page", "value": 1}],
                           [{"id": Ids.LANG, "property": "data", "value": lang}])
    return " ".join(texts(answer["response"][Ids.RESULT]["children"])), answer["response"]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_preview_and_the_confirmation_of_a_setup_workbook(setup_app, tmp_path, lang):
    app, settings = setup_app
    path = company_workbook(tmp_path / "empresa.xlsx", processes=4, objectives=6, indicators=8, months=2)
    contents = "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," + \
        base64.b64encode(path.read_bytes()).decode()
    client = DashClient(app)
    preview = preview_upload(contents, "empresa.xlsx", lang, settings)
    assert preview["status"] == "accepted" and preview["processes"]["created"] == 4
    text, response = shown(client, preview, lang)
    assert response[Ids.CONFIRM_BAR]["hidden"] is False
    if lang == "es":
        assert "Vista previa de «empresa.xlsx»" in text
        assert "Procesos 4 por crear 0 por actualizar 0 sin cambios Objetivos 6 por crear" in text
    else:
        assert "Processes 4 to create 0 to update 0 unchanged Objectives 6 to create" in text
    done = confirm_upload(preview["token"], lang, settings)
    text, _ = shown(client, done, lang)
    expected = {"es": "Procesos: 4 nuevos, 0 actualizados, 0 sin cambios Objetivos: 6 nuevos, 0 actualizados, "
                      "0 sin cambios Indicadores: 8 nuevos",
                "en": "Processes: 4 new, 0 updated, 0 unchanged Objectives: 6 new, 0 updated, 0 unchanged "
                      "Indicators: 8 new"}[lang]
    assert expected in text, text
