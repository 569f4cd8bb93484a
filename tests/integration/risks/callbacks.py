"""Calling the risks page's pattern-matching callbacks over HTTP, as dash-renderer does (tests/integration/dash_client.py
covers plain ids; these take wildcard outputs and inputs)."""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from dash._utils import stringify_id

from mios_dashboard.components.risks.forms import CLOSE_FIELDS, REVIEW_FIELDS, RISK_FIELDS
from mios_dashboard.components.risks.ids import Ids, field_id, problem_id
from tests.integration.dash_client import DashClient

FIELDS = {"risk": RISK_FIELDS, "review": REVIEW_FIELDS, "close": CLOSE_FIELDS}


def _key(client: DashClient, modal: str, *, duplicate: bool) -> str:
    """The open callback writes the modal's `is_open` first; the save callback writes it again (`is_open@<hash>`)."""
    wanted = f"{modal}.is_open@" if duplicate else f"..{modal}.is_open..."
    return next(k for k in client.app.callback_map if wanted in k)


def _spec(part: str, fields: Sequence[str]) -> Any:
    """One output of a callback key ("id.prop" or '{"form":…,"name":["ALL"],…}.prop') as the renderer lists it."""
    if part.startswith("{"):
        ident, prop = part.rsplit("}.", 1)
        pattern = json.loads(ident + "}")
        return [{"id": {**pattern, "name": name}, "property": prop} for name in fields]
    ident, prop = part.split(".", 1)
    return {"id": ident, "property": prop}


def _outputs(key: str, fields: Sequence[str]) -> list:
    return [_spec(part, fields) for part in key.strip(".").split("...")]


def call(client: DashClient, key: str, outputs: list, inputs: list, state: list, changed: str) -> dict:
    body = {"output": key, "outputs": outputs, "inputs": inputs, "state": state, "changedPropIds": [changed]}
    response = client.client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:500]
    return response.get_json()["response"]


def open_form(client: DashClient, form: str, risk_id: object, lang: str = "es") -> dict:
    """Click the button that opens `form` for `risk_id` ("new" for a new risk)."""
    modal = {"risk": Ids.MODAL, "review": Ids.REVIEW_MODAL, "close": Ids.CLOSE_MODAL}[form]
    open_type = {"risk": Ids.OPEN_TYPE, "review": Ids.REVIEW_OPEN_TYPE, "close": Ids.CLOSE_OPEN_TYPE}[form]
    cancel = {"risk": Ids.CANCEL, "review": Ids.REVIEW_CANCEL, "close": Ids.CLOSE_CANCEL}[form]
    key = _key(client, modal, duplicate=False)
    button = {"type": open_type, "id": risk_id}
    inputs = [[{"id": button, "property": "n_clicks", "value": 1}],
              {"id": cancel, "property": "n_clicks", "value": None}]
    return call(client, key, _outputs(key, FIELDS[form]), inputs, [{"id": Ids.LANG, "property": "data", "value": lang}],
                f"{stringify_id(button)}.n_clicks")


def save_form(client: DashClient, form: str, values: Mapping[str, Any], store: Mapping[str, Any] | None,
              lang: str = "es", *, delete: bool = False) -> dict:
    """Fill `form` with `values` and press save (or the risk form's delete button)."""
    modal = {"risk": Ids.MODAL, "review": Ids.REVIEW_MODAL, "close": Ids.CLOSE_MODAL}[form]
    save = {"risk": Ids.SAVE, "review": Ids.REVIEW_SAVE, "close": Ids.CLOSE_SAVE}[form]
    store_id = {"risk": Ids.FORM_STORE, "review": Ids.REVIEW_STORE, "close": Ids.CLOSE_STORE}[form]
    key = _key(client, modal, duplicate=True)
    inputs: list = [{"id": save, "property": "n_clicks", "value": None if delete else 1}]
    if form == "risk":
        inputs.append({"id": Ids.DELETE, "property": "n_clicks", "value": 1 if delete else None})
    state = [[{"id": field_id(form, name), "property": "value", "value": values.get(name)} for name in FIELDS[form]],
             {"id": store_id, "property": "data", "value": store},
             {"id": Ids.SAVED, "property": "data", "value": 0},
             {"id": Ids.LANG, "property": "data", "value": lang}]
    changed = f"{Ids.DELETE if delete else save}.n_clicks"
    return call(client, key, _outputs(key, FIELDS[form]), inputs, state, changed)


def problems(answer: dict, form: str) -> dict[str, str]:
    """The problems shown under the fields, by field name (empty ones left out)."""
    shown: dict[str, str] = {}
    for ident, props in answer.items():
        if ident.startswith("{") and problem_id(form, "x")["type"] in ident:
            name = json.loads(ident)["name"]
            text = next(iter(props.values()))
            if text:
                shown[name] = text
    return shown


def prop(answer: dict, element_id: str) -> Any:
    """The single property the callback sent for `element_id`."""
    return next(iter(answer[element_id].values()))


def values_of(answer: dict, form: str) -> dict[str, Any]:
    """The field values an open callback put in the form, by field name."""
    out = {}
    for ident, props in answer.items():
        if ident.startswith("{") and field_id(form, "x")["type"] in ident:
            out[json.loads(ident)["name"]] = next(iter(props.values()))
    return out
