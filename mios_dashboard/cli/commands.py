"""The data commands: init-db, demo, import, measurements, board and users add (one thin function each)."""
from __future__ import annotations

import csv
import datetime as dt
import json
import math
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from mios_dashboard.cli.context import EXIT_FAILURE, EXIT_OK, Context, lazy, one_line
from mios_dashboard.cli.language import msg, role_word, status_word
from mios_dashboard.db import session_scope
from mios_dashboard.errors import Conflict, DomainError, Invalid, NotFound


def cmd_init_db(ctx: Context, _args) -> int:
    from mios_dashboard.schema import current_revision, upgrade_to_head

    engine = ctx.engine()
    upgrade_to_head(engine)
    ctx.say("init_db_done", revision=current_revision(engine), url=ctx.shown_url)
    return EXIT_OK


def cmd_demo(ctx: Context, _args) -> int:
    """Load (or refresh) the demo; the demo service itself refuses a database of another organization."""
    factory = ctx.sessions()
    load_demo = lazy("mios_dashboard.demo.loader", "load_demo", "demo")
    conflict = lazy("mios_dashboard.demo.loader", "DemoConflictError", "demo")
    try:
        with session_scope(factory, ctx.settings.actor) as session:
            summary = load_demo(session)
    except conflict as exc:
        raise Conflict("cli.demo_conflict", detail=one_line(exc)) from exc
    inserted = sum(getattr(summary, "inserted", {}).values())
    updated = sum(getattr(summary, "updated", {}).values())
    ctx.say("demo_done", url=ctx.shown_url, month=getattr(summary, "anchor", ""), inserted=inserted, updated=updated)
    return EXIT_OK


def cmd_import(ctx: Context, args) -> int:
    from mios_dashboard.importers import ImportProblem, SafetyError, verify_defusedxml
    from mios_dashboard.services.imports.import_file import ImportResult, file_facts, import_file, record_refusal

    try:
        verify_defusedxml()  # never read an uploaded file without the XML protections
    except SafetyError as exc:
        raise DomainError("cli.feature_unavailable", command="import", detail=str(exc)) from exc
    path = Path(args.file)
    if not path.exists():
        raise NotFound("cli.file_not_found", path=args.file)
    if not path.is_file():
        raise Invalid("cli.not_a_file", path=args.file)
    factory = ctx.sessions()
    actor = ctx.settings.actor
    try:
        with session_scope(factory, actor) as session:
            result = import_file(session, path, actor=actor, dry_run=args.dry_run, lang=ctx.lang)
    except SQLAlchemyError as exc:
        if not args.dry_run:  # keep a record of the attempt, in a transaction of its own
            sha256, size = file_facts(path)
            failed = ImportResult(file_name=path.name[:255], sha256=sha256, size_bytes=size, lang=ctx.lang)
            problem = ImportProblem("write_failed", params={"detail": one_line(exc)})
            with session_scope(factory, actor) as session:
                record_refusal(session, failed, [problem], actor=actor)
        raise DomainError("cli.import_write_failed", file=path.name, detail=one_line(exc)) from exc
    if args.json:
        print(json.dumps(result.to_dict(ctx.lang), ensure_ascii=False, indent=2))
    counts = dict(
        file=result.file_name, batch=result.batch_id, created=result.indicators_created,
        updated=result.indicators_updated, unchanged=result.indicators_unchanged,
        inserted=result.measurements_inserted, m_updated=result.measurements_updated,
        m_unchanged=result.measurements_unchanged,
    )
    if not result.accepted:
        for line in result.messages():
            print(line, file=sys.stderr)
        key = "import_refused_dry" if args.dry_run else "import_refused"
        print(msg(key, ctx.lang, file=result.file_name, count=len(result.errors)), file=sys.stderr)
        return EXIT_FAILURE
    if not args.json:
        ctx.say("import_preview" if args.dry_run else "import_accepted", **counts)
        print(f"  {msg('import_per_sheet', ctx.lang, summary=result.summary(ctx.lang))}")
        for line in result.notice_messages():
            print(f"  {line}")
    return EXIT_OK


def cmd_measurements(ctx: Context, args) -> int:
    from mios_dashboard.repositories.measurements import code_period_values

    factory = ctx.sessions()
    with session_scope(factory, ctx.settings.actor) as session:
        rows = code_period_values(session)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            _write_csv(handle, rows)
        print(msg("measurements_written", ctx.lang, count=len(rows), path=args.output), file=sys.stderr)
    else:
        _write_csv(sys.stdout, rows)
    return EXIT_OK


def _write_csv(handle, rows) -> None:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(("indicator_code", "period", "value"))
    writer.writerows((code, period.isoformat(), _number_text(value)) for code, period, value in rows)


def _number_text(value: float) -> str:
    """Whole numbers without ".0"; others with every digit Python needs to read them back exactly."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def cmd_board(ctx: Context, args) -> int:
    factory = ctx.sessions()
    build_board = lazy("mios_dashboard.services.board.compute", "build_board", "board")
    to_cli_json = lazy("mios_dashboard.services.board.compute", "to_cli_json", "board")
    with session_scope(factory, ctx.settings.actor) as session:
        board = _json_safe(to_cli_json(build_board(session, args.period)))
    if args.json:
        print(json.dumps(board, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not board.get("period"):
        ctx.say("board_empty")
        return EXIT_OK
    score = board.get("score")
    ctx.say("board_header", period=board["period"], score="—" if score is None else f"{score:.0%}",
            status=status_word(board.get("status"), ctx.lang))
    for ind in board.get("indicators", []):
        achievement = ind.get("achievement")
        print(f"  {ind.get('code', ''):<12} {status_word(ind.get('status'), ctx.lang):<16} "
              f"{'—' if achievement is None else f'{achievement:.0%}':>6}  {ind.get('name', '')}")
    return EXIT_OK


def _json_safe(value):
    """NaN and infinities become null, so scripts get valid JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def cmd_users_add(ctx: Context, args) -> int:
    from sqlalchemy import select

    from mios_dashboard.models import User

    factory = ctx.sessions()
    with session_scope(factory, ctx.settings.actor) as session:
        if session.scalar(select(User.id).where(User.username == args.name)) is not None:
            raise Conflict("cli.user_exists", name=args.name)
        session.add(User(username=args.name, role=args.role, full_name=args.full_name or "", email=args.email))
    ctx.say("user_added", name=args.name, role=role_word(args.role, ctx.lang))
    return EXIT_OK

