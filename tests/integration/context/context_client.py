"""Calling /contexto's modal callbacks over HTTP as dash-renderer does, pattern-matching ids included."""
from __future__ import annotations

import json

from mios_dashboard.components.context.ids import Ids, Pattern, field_id, open_id, problem_id
from tests.integration.dash_client import DashClient, strings


def _prop_id(element_id: object, prop: str) -> str:
    text = json.dumps(element_id, sort_keys=True, separators=(",", ":")) if isinstance(element_id, dict) else element_id
    return f"{text}.{prop}"


class ContextClient(DashClient):
    """The page's two form callbacks, called by name."""

    def _post(self, key: str, outputs: list, inputs: list, state: list, changed: str) -> dict:
        body = {"output": key, "outputs": outputs, "inputs": inputs, "state": state, "changedPropIds": [changed]}
        response = self.client.post("/_dash-update-component", json=body)
        assert response.status_code == 200, response.data[:500]
        return response.get_json()

    def _key(self, first: str, contains: str) -> str:
        return next(k for k in self.app.callback_map if k.startswith(f"..{first}") and contains in k)

    def open(self, form: str, record_id: int | str | None = None, lang: str = "es") -> dict:
        """Click the button that opens `form` for `record_id` (any id, also one the page never drew)."""
        button = open_id(form, record_id if isinstance(record_id, int) else None)
        if isinstance(record_id, str):
            button["id"] = record_id
        key = self._key(f"{Ids.MODAL}.is_open...", "mios-context-modal-title")
        outputs = [{"id": Ids.MODAL, "property": "is_open"}, {"id": Ids.MODAL_TITLE, "property": "children"},
                   {"id": Ids.MODAL_BODY, "property": "children"}, {"id": Ids.FORM, "property": "data"},
                   {"id": Ids.SAVE, "property": "children"}, {"id": Ids.SAVE, "property": "hidden"},
                   {"id": Ids.MESSAGE, "property": "children"}, {"id": Ids.CANCEL, "property": "children"}]
        inputs = [[{"id": button, "property": "n_clicks", "value": 1}]]
        state = [{"id": Ids.LANG, "property": "data", "value": lang}]
        return self._post(key, outputs, inputs, state, _prop_id(button, "n_clicks"))["response"]

    def save(self, store: dict, values: dict, lang: str = "es") -> dict:
        """Press Save with the form's `values` and the modal's `store` ({"form", "id", "row_version"})."""
        key = self._key(f"{Ids.MODAL}.is_open@", "mios-context-problem")
        suffix = key.split("...")[0].split("@", 1)[1]
        names = list(values)
        outputs = [{"id": Ids.MODAL, "property": f"is_open@{suffix}"},
                   {"id": Ids.MESSAGE, "property": f"children@{suffix}"},
                   [{"id": problem_id(name), "property": "children"} for name in names],
                   {"id": Ids.REFRESH, "property": "data"}, {"id": Ids.STATUS, "property": "children"}]
        inputs = [{"id": Ids.SAVE, "property": "n_clicks", "value": 1}]
        state = [[{"id": field_id(name), "property": "value", "value": value} for name, value in values.items()],
                 [{"id": field_id(name), "property": "id", "value": field_id(name)} for name in names],
                 {"id": Ids.FORM, "property": "data", "value": store},
                 {"id": Ids.REFRESH, "property": "data", "value": 0},
                 {"id": Ids.LANG, "property": "data", "value": lang}]
        return self._post(key, outputs, inputs, state, f"{Ids.SAVE}.n_clicks")["response"]


def problems_of(answer: dict) -> dict[str, str]:
    """Field name → its problem line (empty when none), from a save's answer."""
    found = {}
    for key, props in answer.items():
        if key.startswith("{"):
            element = json.loads(key)
            if element.get("type") == Pattern.PROBLEM:
                found[element["name"]] = props.get("children") or ""
    return found


def text_of(answer: dict) -> str:
    return strings(answer)
