"""The minutes and management-review records on the demo organization (SQLite and PostgreSQL): the latest
or a chosen record, what the workbooks hold against the database, the error when there is none, and the
downloads of the upload page answering with an xlsx through Dash's callback endpoint."""
from __future__ import annotations

import base64
import io

import openpyxl
import pytest
from sqlalchemy import select

from mios_dashboard.db import session_scope
from mios_dashboard.errors import NotFound
from mios_dashboard.models import Action, ManagementReview, Meeting
from mios_dashboard.pages.imports import Ids
from mios_dashboard.services.exports.records import export_minutes, export_review, latest_records
from tests.component_tree import text_of, walk


def book_of(buffer: io.BytesIO) -> openpyxl.Workbook:
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


def test_minutes_of_the_latest_meeting(demo_factory):
    with session_scope(demo_factory) as session:
        latest = session.scalars(select(Meeting).order_by(Meeting.held_at.desc())).first()
        decisions = [a.code for a in latest.decisions]
        shown = len(latest.board_snapshot["indicators"])
        buffer = io.BytesIO()
        summary = export_minutes(session, buffer)
    assert summary.record_id == latest.id and summary.actions == len(decisions) > 0
    assert summary.file_name == f"minuta-{latest.held_at.date().isoformat()}.xlsx"
    book = book_of(buffer)
    assert book.sheetnames == ["Minuta", "Acuerdos", "Tablero mostrado"]
    assert book["Minuta"]["A2"].value.endswith(latest.title)
    assert [book["Acuerdos"].cell(row=r, column=1).value for r in range(5, 5 + len(decisions))] == decisions
    board = book["Tablero mostrado"]
    assert board.max_row == 4 + shown and board["B5"].value  # every indicator shown, named


def test_review_by_id_in_english(demo_factory):
    with session_scope(demo_factory) as session:
        review = session.scalars(select(ManagementReview)).one()
        actions = list(session.scalars(select(Action.code).where(Action.review_id == review.id).order_by(Action.code)))
        buffer = io.BytesIO()
        summary = export_review(session, buffer, review.id, "en")
    assert summary.file_name == f"management-review-{review.held_on.isoformat()}.xlsx"
    assert summary.title == f"{review.period_start.isoformat()} – {review.period_end.isoformat()}"
    book = book_of(buffer)
    assert book.sheetnames == ["Review", "Actions", "Board reviewed"]
    main = book["Review"]
    row = next(c.row for c in main["A"] if c.value == "9.3.2 c) 6) Audit results")
    assert main.cell(row=row, column=2).value == review.audit_results.splitlines()[0]
    assert [book["Actions"].cell(row=r, column=1).value for r in range(5, 5 + len(actions))] == actions


def test_an_unknown_id_and_an_empty_database(demo_factory, session_factory):
    with session_scope(demo_factory) as session, pytest.raises(NotFound) as missing:
        export_minutes(session, io.BytesIO(), 9999)
    assert missing.value.message("es") == "No existe la junta 9999"
    with session_scope(demo_factory) as session:
        offered = latest_records(session)
        session.execute(Action.__table__.delete())
        session.execute(ManagementReview.__table__.delete())
        session.execute(Meeting.__table__.delete())
        assert latest_records(session) == {"meeting": None, "review": None}
        with pytest.raises(NotFound) as none:
            export_minutes(session, io.BytesIO())
        assert none.value.message("en") == "No meetings have been recorded yet"
        with pytest.raises(NotFound) as none:
            export_review(session, io.BytesIO(), lang="en")
        assert none.value.message("es") == "No hay revisiones por la dirección registradas todavía"
        session.rollback()
    assert offered["meeting"]["title"] and offered["review"]["period_start"]


# ---------- the upload page's downloads, through Flask's test client ----------

def click(app, button: str, lang: str = "es"):
    """POST what the browser sends when `button` is clicked; returns the JSON answer."""
    key = next(k for k in app.callback_map if f"..{_download_of(button)}.data..." in k)
    outputs = [dict(zip(("id", "property"), part.split(".", 1))) for part in key.strip(".").split("...")]
    body = {"output": key, "outputs": outputs, "inputs": [{"id": button, "property": "n_clicks", "value": 1}],
            "state": [{"id": Ids.LANG, "property": "data", "value": lang}],
            "changedPropIds": [f"{button}.n_clicks"]}
    response = app.server.test_client().post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    return response.get_json()["response"]


def _download_of(button: str) -> str:
    return {Ids.DOWNLOAD_MINUTES: Ids.DOWNLOAD_MINUTES_FILE,
            Ids.DOWNLOAD_REVIEW: Ids.DOWNLOAD_REVIEW_FILE}[button]


@pytest.mark.parametrize(("button", "lang", "prefix", "first_sheet"), [
    (Ids.DOWNLOAD_MINUTES, "es", "minuta-", "Minuta"),
    (Ids.DOWNLOAD_REVIEW, "en", "management-review-", "Review"),
])
def test_record_downloads_serve_an_xlsx(demo_app, button, lang, prefix, first_sheet):
    answer = click(demo_app, button, lang)
    sent = answer[_download_of(button)]["data"]
    assert sent["filename"].startswith(prefix) and sent["filename"].endswith(".xlsx") and sent["base64"]
    content = base64.b64decode(sent["content"])
    assert content[:2] == b"PK"
    assert openpyxl.load_workbook(io.BytesIO(content)).sheetnames[0] == first_sheet


def record_buttons(app, lang: str) -> dict:
    """The two record buttons of /importar: id → (disabled, hint)."""
    import sys

    import dash

    page = sys.modules[next(p for p in dash.page_registry.values() if p["path"] == "/importar")["module"]]
    with app.server.app_context():
        layout = page.layout(lang=lang)
    return {node.id: (bool(node.disabled), text_of(node.children[1].children[1])) for node in walk(layout)
            if getattr(node, "id", None) in (Ids.DOWNLOAD_MINUTES, Ids.DOWNLOAD_REVIEW)}


def test_record_buttons_name_what_they_download(demo_app):
    offered = record_buttons(demo_app, "es")
    assert offered[Ids.DOWNLOAD_MINUTES][0] is False
    assert offered[Ids.DOWNLOAD_MINUTES][1].startswith("Junta de operación semanal — ")
    assert offered[Ids.DOWNLOAD_REVIEW][0] is False and " al " in offered[Ids.DOWNLOAD_REVIEW][1]


def test_record_buttons_are_disabled_with_the_reason_when_there_is_none(empty_app):
    assert record_buttons(empty_app, "en") == {
        Ids.DOWNLOAD_MINUTES: (True, "No meetings have been recorded yet"),
        Ids.DOWNLOAD_REVIEW: (True, "No management reviews have been recorded yet"),
    }
