"""Use cases: the minutes of a meeting and the record of a management review as Excel workbooks.

Both only read: the caller's session is left as it was. A record is picked by id or as "latest"; when
there is none, `errors.NotFound` (keys `records.*`) says so in the reader's language, and nothing is written.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypedDict

from sqlalchemy.orm import Session

from mios_dashboard.errors import NotFound
from mios_dashboard.exporters.records import minutes_workbook, review_workbook
from mios_dashboard.i18n import normalize_lang, parse_iso_date, t
from mios_dashboard.repositories import exports as exports_repo
from mios_dashboard.services.exports.board import Destination, save

LATEST = "latest"
Which = int | str  # a record id, or LATEST
FILE_KEYS = {"minutes": "records.minutes_file", "review": "records.review_file"}
# Per kind: the latest id, the record by id, the workbook writer, and the keys of "none yet" and "no such id".
KINDS = {
    "minutes": (exports_repo.latest_meeting_id, exports_repo.meeting_record, minutes_workbook,
                "records.no_meetings", "records.meeting_not_found"),
    "review": (exports_repo.latest_review_id, exports_repo.review_record, review_workbook, "records.no_reviews",
               "records.review_not_found"),
}


class LatestRecords(TypedDict):
    """What the download buttons offer; None when there is no such record yet."""

    meeting: dict[str, Any] | None  # id, title, kind, held_at (repositories/exports.py meeting_heading)
    review: dict[str, Any] | None  # id, period_start, period_end, held_on


@dataclass
class RecordSummary:
    """What was written, for the command line's message and the download's file name."""

    record_id: int
    title: str
    sheets: list[str] = field(default_factory=list)
    actions: int = 0
    file_name: str = ""


def _written(session: Session, destination: Destination, which: Which, lang: str,
             generated_at: dt.datetime | None, kind: str) -> tuple[int, dict, list[str]]:
    """Find the record of `kind` ("minutes" or "review"), write its workbook; its id, record and sheets."""
    latest, read, make, none_key, missing_key = KINDS[kind]
    record_id = latest(session) if which == LATEST else which
    if record_id is None:
        raise NotFound(none_key)
    if not isinstance(record_id, int) or isinstance(record_id, bool) or (record := read(session, record_id)) is None:
        raise NotFound(missing_key, id=record_id)
    workbook = make(record, normalize_lang(lang), generated_at)
    save(workbook, destination)
    return record_id, record, list(workbook.sheetnames)


def export_minutes(session: Session, destination: Destination, meeting: Which = LATEST, lang: str = "es", *,
                   generated_at: dt.datetime | None = None) -> RecordSummary:
    """Write the minutes of `meeting` (an id or "latest") to a path or a binary buffer, in `lang`."""
    record_id, record, sheets = _written(session, destination, meeting, lang, generated_at, "minutes")
    return RecordSummary(record_id=record_id, title=record["title"], sheets=sheets, actions=len(record["decisions"]),
                         file_name=record_file_name("minutes", record["held_at"], normalize_lang(lang)))


def export_review(session: Session, destination: Destination, review: Which = LATEST, lang: str = "es", *,
                  generated_at: dt.datetime | None = None) -> RecordSummary:
    """Write the management review `review` (an id or "latest") to a path or a binary buffer, in `lang`."""
    record_id, record, sheets = _written(session, destination, review, lang, generated_at, "review")
    title = f"{record['period_start'].isoformat()} – {record['period_end'].isoformat()}"
    return RecordSummary(record_id=record_id, title=title, sheets=sheets, actions=len(record["actions"]),
                         file_name=record_file_name("review", record["held_on"] or record["period_end"],
                                                    normalize_lang(lang)))


def record_file_name(kind: str, day: object, lang: str = "es") -> str:
    """"minuta-2026-01-05.xlsx" / "minutes-2026-01-05.xlsx", "revision-direccion-2025-07-10.xlsx"."""
    date = parse_iso_date(day)
    name = t(FILE_KEYS[kind], lang, date=date.isoformat() if date else "")
    return name.replace("-.xlsx", ".xlsx")


def latest_records(session: Session) -> LatestRecords:
    """The newest meeting and management review, each None when there is none."""
    meeting_id, review_id = exports_repo.latest_meeting_id(session), exports_repo.latest_review_id(session)
    return {
        "meeting": None if meeting_id is None else exports_repo.meeting_heading(session, meeting_id),
        "review": None if review_id is None else exports_repo.review_heading(session, review_id),
    }
