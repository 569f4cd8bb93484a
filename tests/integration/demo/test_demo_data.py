"""The demo's data files: shipped with the package, their dates placed as the demo always placed them, and every
mistake a consultant could make while editing them told in one line that names the file, the line and the entry."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from mios_dashboard.demo.calendar import DemoCalendar
from mios_dashboard.demo.content import data_folder, load_content
from mios_dashboard.demo.dates import NotationError, parse_date, parse_text, resolve_names
from mios_dashboard.demo.files import FILES
from mios_dashboard.demo.schema import DemoDataError
from tests.integration.demo.helpers import CONTENT, TODAY

UTC = dt.UTC


def test_the_data_files_ship_inside_the_package():
    assert sorted(path.name for path in data_folder().iterdir() if path.suffix == ".yaml") == sorted(
        f"{stem}.yaml" for stem in FILES)
    assert load_content() is load_content(), "the packaged files are read once per process"
    assert load_content(data_folder()) == CONTENT


def test_the_dates_fall_where_the_demo_always_put_them():
    """For the tests' today (Thursday 15 January 2026) the dates the Python content used to compute."""
    rows = CONTENT.rows(DemoCalendar(TODAY))
    operation, review_meeting = rows.meetings
    assert operation["held_at"] == dt.datetime(2025, 12, 29, 15, tzinfo=UTC)  # Monday, 9:00 in Mexico City
    assert operation["title"] == "Junta de operación semanal — 29 de diciembre de 2025"
    assert operation["board_period"] == dt.date(2025, 11, 1)
    assert operation["minutes"].startswith("Se revisó el tablero de noviembre de 2025. ")
    assert review_meeting["held_at"] == dt.datetime(2025, 9, 11, 16, tzinfo=UTC)  # Thursday, 10:00
    review = rows.review
    assert (review["held_on"], review["period_start"], review["period_end"], review["next_review_due"],
            review["board_period"]) == (dt.date(2025, 9, 11), dt.date(2025, 3, 1), dt.date(2025, 8, 31),
                                        dt.date(2026, 3, 11), dt.date(2025, 8, 1))
    assert [(p["approved_on"], p["communicated_on"]) for p in rows.policies] == [
        (dt.date(2022, 3, 15), dt.date(2022, 4, 5)), (dt.date(2025, 2, 15), dt.date(2025, 3, 1))]
    assert {o["plan_due"] for o in rows.objectives} == {dt.date(2026, 12, 31), dt.date(2026, 6, 30),
                                                        dt.date(2026, 9, 30)}
    actions = {a["code"]: a for a in rows.actions}
    assert (actions["AC-01"]["opened_on"], actions["AC-01"]["due_on"], actions["AC-01"]["closed_on"],
            actions["AC-01"]["verified_on"]) == (dt.date(2025, 2, 1), dt.date(2025, 3, 27), dt.date(2025, 3, 29),
                                                 dt.date(2025, 7, 1))
    assert actions["AC-03"]["due_on"] == dt.date(2025, 11, 25)  # 75 days after the review
    scrap = next(row for row in CONTENT.indicator_rows(DemoCalendar(TODAY)) if row["code"] == "CAL-01")
    assert (scrap["xmr_baseline_start"], scrap["xmr_baseline_end"]) == (dt.date(2025, 4, 1), dt.date(2025, 9, 1))
    assert [r["assessed_on"] for r in rows.risks][:5] == [dt.date(2025, 8, 15), dt.date(2025, 7, 15),
                                                          dt.date(2025, 6, 15), dt.date(2025, 5, 15),
                                                          dt.date(2025, 8, 15)]


def test_a_month_end_today_clamps_months():
    rows = CONTENT.rows(DemoCalendar(dt.date(2026, 3, 31)))
    actions = {a["code"]: a for a in rows.actions}
    assert actions["AC-10"]["closed_on"] == dt.date(2026, 3, 3)  # 31 March −1 month = 28 February, +3 days
    assert rows.meetings[0]["held_at"].date() == dt.date(2026, 3, 16)  # the Monday on or before 17 March


@pytest.mark.parametrize(("text", "today", "expected"), [
    ("today", dt.date(2026, 1, 15), dt.date(2026, 1, 15)),
    ("today -46m +21d", dt.date(2026, 1, 15), dt.date(2022, 4, 5)),
    ("last_month -8m", dt.date(2026, 1, 15), dt.date(2025, 4, 1)),
    ("today -14d monday", dt.date(2026, 1, 15), dt.date(2025, 12, 29)),
    ("today sunday", dt.date(2026, 1, 18), dt.date(2026, 1, 18)),  # already a Sunday: stays
    ("today +2w month_start -1d", dt.date(2026, 1, 20), dt.date(2026, 1, 31)),
    ("next 12-31", dt.date(2026, 1, 15), dt.date(2026, 12, 31)),
    ("next 12-31", dt.date(2027, 1, 2), dt.date(2027, 12, 31)),  # last_month is December 2026: the next one
    ("next 01-31", dt.date(2026, 1, 15), dt.date(2026, 1, 31)),  # after the end of last month (December)
    ("next 02-29", dt.date(2026, 1, 15), dt.date(2026, 2, 28)),
    ("2025-03-10 +1y", dt.date(2026, 1, 15), dt.date(2026, 3, 10)),
    (dt.date(2025, 3, 10), dt.date(2026, 1, 15), dt.date(2025, 3, 10)),  # written unquoted: YAML reads a date
])
def test_the_date_notation(text, today, expected):
    assert parse_date(text).resolve(DemoCalendar(today), {}) == expected


def test_named_dates_build_on_each_other_and_texts_name_them():
    names = {"meeting": parse_date("today -14d monday")}
    names["board"] = parse_date("meeting month_start -1m", names)
    cal = DemoCalendar(dt.date(2026, 1, 15))
    dates = resolve_names(names, cal)
    assert dates == {"meeting": dt.date(2025, 12, 29), "board": dt.date(2025, 11, 1)}
    template = parse_text("Junta del {meeting}, tablero de {board | month}, siguiente {meeting +7d}.", names)
    assert template.render(cal, dates) == (
        "Junta del 29 de diciembre de 2025, tablero de noviembre de 2025, siguiente 5 de enero de 2026.")
    assert parse_text("sin fechas", names) == "sin fechas"


@pytest.mark.parametrize(("text", "message"), [
    ("hoy -4m", "does not start with a known date"),
    ("today -4 months", "'-4' in 'today -4 months' is not a step"),
    ("today +3x", "is not a step"),
    ("next 31-12", "MM-DD"),
    ("2025-02-30", "is not a calendar date"),
    ("", "expected a date"),
    (4, "expected a date"),
])
def test_a_wrong_date_says_what_is_wrong(text, message):
    with pytest.raises(NotationError, match=message):
        parse_date(text)


@pytest.fixture
def data(tmp_path):
    """A copy of the packaged data files to break."""
    folder = tmp_path / "data"
    shutil.copytree(data_folder(), folder)
    return folder


def _break(folder, stem: str, old: str, new: str) -> None:
    path = folder / f"{stem}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(folder, stem: str, fragment: str, after: int = 0) -> int:
    """The first line past `after` that holds `fragment`."""
    lines = (folder / f"{stem}.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and fragment in line)


@pytest.mark.parametrize(("stem", "old", "new", "where", "problem"), [
    ("indicators", "  noise: 0.9\n", "  noise: mucho\n", "indicators, entry 3 (VEN-03)",
     "story.noise: expected a number (with a decimal point, not a comma), got 'mucho'"),
    ("indicators", "owner: commercial\n", "owner: nadie\n", "indicators, entry 1 (VEN-01)",
     "owner: 'nadie' is not a person of people.yaml"),
    ("indicators", "direction: lower\n", "direction: menor\n", "indicators, entry 7 (COM-02)",
     "direction: expected one of higher, lower, range; got 'menor'"),
    ("indicators", "  decimals: 0\n", "  decimales: 0\n", "indicators, entry 1 (VEN-01)", "unknown field 'decimales'"),
    ("indicators", "code: VEN-02\n", "code: VEN-01\n", "indicators, entry 2 (VEN-01)",
     "code 'VEN-01' is already used by entry 1"),
    ("indicators", "season: sales, round_to", "season: ventas, round_to", "indicators, entry 1 (VEN-01)",
     "story.budget.season: 'ventas' is not a season of this file"),
    ("indicators", "group: Comercial\n    owner: commercial\n    data_source: Encuesta trimestral",
     "group: Clientes\n    owner: commercial\n    data_source: Encuesta trimestral", "indicators, entry 6 (COM-01)",
     "group: a quarterly indicator of group 'Clientes' goes to tablero-mensual.xlsx, which holds only monthly ones"),
    ("governance", "opened_on: today -7m", "opened_on: hoy -7m", "actions, entry 2 (AC-02)",
     "opened_on: 'hoy -7m' does not start with a known date"),
    ("governance", "indicator: COM-02", "indicator: COM-99", "actions, entry 2 (AC-02)",
     "indicator: 'COM-99' is not an indicator of indicators.yaml"),
    ("governance", "{operation_board | month}", "{operation_board | mes}", "meetings, entry 1 (operation)",
     "minutes: '{operation_board | mes}': the only format after '|' is 'month'"),
    ("strategy", "perspective: FIN\n", "perspective: FINANZAS\n", "objectives, entry 1 (OBJ-01)",
     "perspective: 'FINANZAS' is not a perspective of strategy.yaml"),
    ("context", "likelihood: 4\n", "likelihood: cuatro\n", "risks, entry 1 (RO-01)",
     "likelihood: expected a whole number, got 'cuatro'"),
    ("context", "  - kind: customer\n", "  - kind: cliente\n", "parties, entry 1 (Clientes de alimentos y bebidas)",
     "requirements[1].kind: expected one of customer"),
    ("organization", "clause: '8.3'", "clause: 8.3", "exclusions, entry 1",
     "clause: expected a text, got 8.3 (put it in quotes)"),
])
def test_a_malformed_file_is_one_line_naming_file_line_and_entry(data, stem, old, new, where, problem):
    _break(data, stem, old, new)
    fragment = new.splitlines()[0].strip()
    if "minutes" in problem:  # a text's problems point at its field, where the text starts
        line = _line_of(data, stem, "minutes:")
    elif "already used" in problem:  # the second of the two
        line = _line_of(data, stem, fragment, after=_line_of(data, stem, fragment))
    else:
        line = _line_of(data, stem, fragment)
    with pytest.raises(DemoDataError) as caught:
        load_content(data)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{data / stem}.yaml:"), message
    assert f": {where}: " in message and problem in message, message
    assert caught.value.line == line, message


def test_broken_yaml_names_its_line(data):
    _break(data, "people", "  director:\n    title: Ing.\n", "  director:\n    title: Ing.\n   position: x\n")
    with pytest.raises(DemoDataError, match=r"people\.yaml:\d+: not valid YAML") as caught:
        load_content(data)
    assert caught.value.line == _line_of(data, "people", "   position: x")


def test_a_key_written_twice_is_refused(data):
    _break(data, "organization", "  industry:", "  name: Otra\n  industry:")
    first, second = _line_of(data, "organization", "  name: "), _line_of(data, "organization", "  name: Otra")
    with pytest.raises(DemoDataError, match=rf"organization\.yaml:{second}: not valid YAML: 'name' appears twice "
                                            rf"\(also on line {first}\)"):
        load_content(data)


def test_a_missing_file_or_section_is_named(data):
    (data / "context.yaml").unlink()
    with pytest.raises(DemoDataError, match=r"context\.yaml: cannot read the file"):
        load_content(data)
    shutil.copy(data_folder() / "context.yaml", data / "context.yaml")
    _break(data, "context", "risks:\n", "riesgos:\n")
    with pytest.raises(DemoDataError, match=r"context\.yaml: missing section 'risks'"):
        load_content(data)


def test_an_edited_copy_builds_another_demo(data):
    """What a consultant does: change a name and a story in a copy; the content follows, nothing else moves."""
    _break(data, "organization", "legal_name: Industrias Sierra Madre, S.A. de C.V.",
           "legal_name: Empaques del Norte, S.A. de C.V.")
    _break(data, "indicators", "  noise: 0.9\n", "  noise: 0.5\n")
    edited = load_content(data)
    assert edited.organization["legal_name"] == "Empaques del Norte, S.A. de C.V."
    assert edited.indicators[2].series.noise == 0.5 and CONTENT.indicators[2].series.noise == 0.9
    assert edited.indicators[3:] == CONTENT.indicators[3:] and edited.actions == CONTENT.actions
