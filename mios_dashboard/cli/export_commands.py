"""The workbook commands: `export FILE.xlsx` (the board, or with --meeting/--review a meeting's minutes or a
management review record) and `template FILE.xlsx`."""
from __future__ import annotations

from pathlib import Path

from mios_dashboard.cli.context import EXIT_OK, Context, lazy
from mios_dashboard.db import session_scope
from mios_dashboard.errors import Invalid, NotFound


def cmd_export(ctx: Context, args) -> int:
    """The board workbook, or with --meeting/--review a record; --lang picks the workbook's language
    (default: the messages' language)."""
    if args.meeting is not None or args.review is not None:
        return _export_record(ctx, args)
    factory = ctx.sessions()
    export_board = lazy("mios_dashboard.services.exports.board", "export_board", "export")
    lang = args.lang or ctx.lang
    with session_scope(factory, ctx.settings.actor) as session:
        summary = export_board(session, xlsx_path(args.file), args.period, lang)
    if not summary.period:
        ctx.say("export_empty", path=args.file)
    else:
        ctx.say("export_done", path=args.file, period=summary.period[:7], sheets=len(summary.sheets),
                indicators=summary.indicators)
    return EXIT_OK


def _export_record(ctx: Context, args) -> int:
    """A meeting's minutes (--meeting) or a management review (--review), by id or "latest"."""
    factory = ctx.sessions()
    minutes = args.meeting is not None
    module = "mios_dashboard.services.exports.records"
    export = lazy(module, "export_minutes" if minutes else "export_review", "export")
    path = xlsx_path(args.file)
    try:
        with session_scope(factory, ctx.settings.actor) as session:
            summary = export(session, path, args.meeting if minutes else args.review, args.lang or ctx.lang)
    except NotFound as exc:
        detail = exc.message(ctx.lang)
        raise NotFound("cli.export_no_record", detail=detail[:1].lower() + detail[1:]) from exc
    ctx.say("export_minutes_done" if minutes else "export_review_done", title=summary.title, path=args.file,
            sheets=len(summary.sheets), actions=summary.actions)
    return EXIT_OK


def cmd_template(ctx: Context, args) -> int:
    factory = ctx.sessions()
    export_template = lazy("mios_dashboard.services.exports.board", "export_template", "template")
    with session_scope(factory, ctx.settings.actor) as session:
        summary = export_template(session, xlsx_path(args.file), args.lang or ctx.lang)
    ctx.say("template_done", path=args.file, indicators=summary.indicators)
    return EXIT_OK


def xlsx_path(name: str) -> Path:
    """Where to write a workbook: a file name ending in .xlsx in a folder that exists."""
    path = Path(name)
    if path.suffix.lower() != ".xlsx":
        raise Invalid("cli.export_not_xlsx", path=name)
    if path.is_dir():
        raise Invalid("cli.not_a_file", path=name)
    if not path.parent.is_dir():
        raise NotFound("cli.export_no_folder", path=name, folder=str(path.parent))
    return path

