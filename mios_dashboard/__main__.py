"""The command line, `python -m mios_dashboard <command>` (DESIGN §5): one thin function per command.

Every failure ends as one line on stderr in the user's language (MIOS_LANG) and a non-zero exit, never a
traceback: 1 for a refused import or any other failure, 2 for bad arguments (argparse), 130 if interrupted.
MIOS_DEBUG=1 lets unexpected errors raise, for developers.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from .cli_messages import ROLE_WORDS, STATUS_WORDS, install_argparse_language, lang_of, msg
from .config import Settings, SettingsError
from .db import DatabaseUrlError, make_engine, make_session_factory, session_scope

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
POSTGRES_CONNECT_TIMEOUT_S = 10
ROLE_ALIASES = {
    "admin": "admin", "administrador": "admin", "administrator": "admin",
    "director": "director", "directora": "director", "direccion": "director",
    "representative": "representative", "representante": "representative",
    "owner": "owner", "responsable": "owner", "dueno": "owner",
    "viewer": "viewer", "lector": "viewer", "consulta": "viewer",
}


class CliError(Exception):
    """A failure the user can act on; `key` names its text in cli_messages."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class Context:
    """What every command needs: settings, language, the database URL and (lazily) an engine."""

    settings: Settings
    lang: str
    url: str
    _engine: object = field(default=None, repr=False)

    @property
    def shown_url(self) -> str:
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except Exception:
            return self.url

    def say(self, key: str, **params) -> None:
        print(msg(key, self.lang, **params))

    def engine(self):
        if self._engine is None:
            kwargs = {}
            if _backend(self.url) == "postgresql":
                kwargs["connect_args"] = {"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S}
            self._engine = make_engine(self.url, **kwargs)
        return self._engine

    def sessions(self):
        """A session factory on a database whose schema is at head, or a CliError telling to run init-db."""
        from .schema import current_revision, head_revision

        if _backend(self.url) == "sqlite" and not _sqlite_file_exists(self.url):
            raise CliError("db_not_initialised", url=self.shown_url)  # don't leave an empty file behind
        engine = self.engine()
        current, head = current_revision(engine), head_revision()
        if current is None:
            raise CliError("db_not_initialised", url=self.shown_url)
        if current != head:
            raise CliError("db_outdated", current=current, head=head)
        return make_session_factory(engine)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def _backend(url: str) -> str | None:
    try:
        return make_url(url).get_backend_name()
    except Exception:
        return None  # make_engine reports it


def _sqlite_file_exists(url: str) -> bool:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return True
    return Path(database).expanduser().exists()


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    return (lines[0] if lines else type(exc).__name__)[:300]


# --- commands ----------------------------------------------------------------------------------------------
def cmd_init_db(ctx: Context, _args) -> int:
    from .schema import current_revision, upgrade_to_head

    engine = ctx.engine()
    upgrade_to_head(engine)
    ctx.say("init_db_done", revision=current_revision(engine), url=ctx.shown_url)
    return EXIT_OK


def cmd_demo(ctx: Context, _args) -> int:
    """Load (or refresh) the demo; the demo service itself refuses a database of another organization."""
    factory = ctx.sessions()
    load_demo = _lazy("mios_dashboard.services.demo", "load_demo", "demo")
    conflict = _lazy("mios_dashboard.services.demo", "DemoConflictError", "demo")
    try:
        with session_scope(factory, ctx.settings.actor) as session:
            summary = load_demo(session)
    except conflict as exc:
        raise CliError("demo_conflict", detail=_one_line(exc)) from exc
    inserted = sum(getattr(summary, "inserted", {}).values())
    updated = sum(getattr(summary, "updated", {}).values())
    ctx.say("demo_done", url=ctx.shown_url, month=getattr(summary, "anchor", ""), inserted=inserted, updated=updated)
    return EXIT_OK


def cmd_import(ctx: Context, args) -> int:
    from .importers import ImportProblem, SafetyError, verify_defusedxml
    from .services.import_file import ImportResult, file_facts, import_file, record_refusal

    try:
        verify_defusedxml()  # never read an uploaded file without the XML protections
    except SafetyError as exc:
        raise CliError("feature_unavailable", command="import", detail=str(exc)) from exc
    path = Path(args.file)
    if not path.exists():
        raise CliError("file_not_found", path=args.file)
    if not path.is_file():
        raise CliError("not_a_file", path=args.file)
    factory = ctx.sessions()
    actor = ctx.settings.actor
    try:
        with session_scope(factory, actor) as session:
            result = import_file(session, path, actor=actor, dry_run=args.dry_run, lang=ctx.lang)
    except SQLAlchemyError as exc:
        if not args.dry_run:  # keep a record of the attempt, in a transaction of its own
            sha256, size = file_facts(path)
            failed = ImportResult(file_name=path.name[:255], sha256=sha256, size_bytes=size, lang=ctx.lang)
            problem = ImportProblem("write_failed", params={"detail": _one_line(exc)})
            with session_scope(factory, actor) as session:
                record_refusal(session, failed, [problem], actor=actor)
        raise CliError("import_write_failed", file=path.name, detail=_one_line(exc)) from exc
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
        for line in result.notice_messages():
            print(f"  {line}")
    return EXIT_OK


def cmd_measurements(ctx: Context, args) -> int:
    from .repositories.measurements import code_period_values

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
    build_board = _lazy("mios_dashboard.services.board", "build_board", "board")
    to_cli_json = _lazy("mios_dashboard.services.board", "to_cli_json", "board")
    with session_scope(factory, ctx.settings.actor) as session:
        board = _json_safe(to_cli_json(build_board(session, args.period)))
    if args.json:
        print(json.dumps(board, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not board.get("period"):
        ctx.say("board_empty")
        return EXIT_OK
    status_words = STATUS_WORDS[ctx.lang]
    score = board.get("score")
    ctx.say("board_header", period=board["period"], score="—" if score is None else f"{score:.0%}",
            status=status_words.get(board.get("status"), board.get("status")))
    for ind in board.get("indicators", []):
        achievement = ind.get("achievement")
        print(f"  {ind.get('code', ''):<12} {status_words.get(ind.get('status'), ind.get('status')):<16} "
              f"{'—' if achievement is None else f'{achievement:.0%}':>6}  {ind.get('name', '')}")
    return EXIT_OK


def cmd_export(ctx: Context, args) -> int:
    """The board workbook; --lang picks the workbook's language (default: the messages' language)."""
    factory = ctx.sessions()
    export_board = _lazy("mios_dashboard.services.export", "export_board", "export")
    lang = args.lang or ctx.lang
    with session_scope(factory, ctx.settings.actor) as session:
        summary = export_board(session, _xlsx_path(args.file), args.period, lang)
    if not summary.period:
        ctx.say("export_empty", path=args.file)
    else:
        ctx.say("export_done", path=args.file, period=summary.period[:7], sheets=len(summary.sheets),
                indicators=summary.indicators)
    return EXIT_OK


def cmd_template(ctx: Context, args) -> int:
    factory = ctx.sessions()
    export_template = _lazy("mios_dashboard.services.export", "export_template", "template")
    with session_scope(factory, ctx.settings.actor) as session:
        summary = export_template(session, _xlsx_path(args.file), args.lang or ctx.lang)
    ctx.say("template_done", path=args.file, indicators=summary.indicators)
    return EXIT_OK


def _xlsx_path(name: str) -> Path:
    """Where to write a workbook: a file name ending in .xlsx in a folder that exists."""
    path = Path(name)
    if path.suffix.lower() != ".xlsx":
        raise CliError("export_not_xlsx", path=name)
    if path.is_dir():
        raise CliError("not_a_file", path=name)
    if not path.parent.is_dir():
        raise CliError("export_no_folder", path=name, folder=str(path.parent))
    return path


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

    from .models import User

    factory = ctx.sessions()
    with session_scope(factory, ctx.settings.actor) as session:
        if session.scalar(select(User.id).where(User.username == args.name)) is not None:
            raise CliError("user_exists", name=args.name)
        session.add(User(username=args.name, role=args.role, full_name=args.full_name or "", email=args.email))
    ctx.say("user_added", name=args.name, role=ROLE_WORDS[ctx.lang].get(args.role, args.role))
    return EXIT_OK


def _lazy(module: str, name: str, command: str):
    """Import a service only when its command runs (and say so plainly if it is not installed)."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise CliError("feature_unavailable", command=command, detail=f"{module} missing") from exc
        raise
    except AttributeError as exc:
        raise CliError("feature_unavailable", command=command, detail=f"{module}.{name} missing") from exc


# --- arguments ---------------------------------------------------------------------------------------------
class _Parser(argparse.ArgumentParser):
    """argparse whose errors are one line (plus a hint), exit status 2."""

    hint = "use --help"

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} ({self.hint})\n")


def _checked_text(lang: str, limit: int, email: bool = False):
    def check(value: str) -> str:
        value = value.strip()
        if not 1 <= len(value) <= limit:
            raise argparse.ArgumentTypeError(msg("bad_text", lang, value=value, limit=limit))
        if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            raise argparse.ArgumentTypeError(msg("bad_email", lang, value=value))
        return value
    return check


def _role(lang: str):
    from .importers.values import normalize

    def check(value: str) -> str:
        role = ROLE_ALIASES.get(normalize(value))
        if role is None:
            raise argparse.ArgumentTypeError(msg("bad_role", lang, value=value))
        return role
    return check


def _month(lang: str):
    def check(value: str) -> dt.date:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
        if not match or not 1 <= int(match[2]) <= 12:
            raise argparse.ArgumentTypeError(msg("bad_period", lang, value=value))
        return dt.date(int(match[1]), int(match[2]), 1)
    return check


def build_parser(lang: str = "es", prog: str | None = None) -> argparse.ArgumentParser:
    t = lambda key: msg(key, lang)  # noqa: E731
    _Parser.hint = t("usage_hint")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS, help=t("help_database_url"))
    parser = _Parser(prog=prog or _prog_name(), description=t("description"), epilog=t("epilog"), parents=[common])
    commands = parser.add_subparsers(dest="command", metavar="COMANDO" if lang == "es" else "COMMAND",
                                     title=t("commands"), required=True)

    def command(name: str, help_key: str, handler, parent=commands):
        sub = parent.add_parser(name, help=t(help_key), description=t(help_key), parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    command("init-db", "help_init_db", cmd_init_db)
    command("demo", "help_demo", cmd_demo)
    sub = command("import", "help_import", cmd_import)
    sub.add_argument("file", metavar="FILE", help=t("help_import_file"))
    sub.add_argument("--dry-run", action="store_true", help=t("help_dry_run"))
    sub.add_argument("--json", action="store_true", help=t("help_json"))
    sub = command("measurements", "help_measurements", cmd_measurements)
    sub.add_argument("--format", choices=["csv"], default="csv", help=t("help_format"))
    sub.add_argument("--output", metavar="FILE", help=t("help_output"))
    sub = command("board", "help_board", cmd_board)
    sub.add_argument("--json", action="store_true", help=t("help_json"))
    sub.add_argument("--period", metavar="YYYY-MM", type=_month(lang), help=t("help_period"))
    sub = command("export", "help_export", cmd_export)
    sub.add_argument("file", metavar="FILE.xlsx", help=t("help_export_file"))
    sub.add_argument("--period", metavar="YYYY-MM", type=_month(lang), help=t("help_period"))
    sub.add_argument("--lang", choices=["es", "en"], help=t("help_workbook_lang"))
    sub = command("template", "help_template", cmd_template)
    sub.add_argument("file", metavar="FILE.xlsx", help=t("help_template_file"))
    sub.add_argument("--lang", choices=["es", "en"], help=t("help_workbook_lang"))
    users = commands.add_parser("users", help=t("help_users"), description=t("help_users"), parents=[common])
    user_commands = users.add_subparsers(dest="users_command", metavar="add", required=True)
    sub = command("add", "help_users_add", cmd_users_add, parent=user_commands)
    sub.add_argument("name", metavar="NAME", type=_checked_text(lang, 80), help=t("help_username"))
    sub.add_argument("--role", required=True, type=_role(lang), help=t("help_role"))
    sub.add_argument("--full-name", type=_checked_text(lang, 200), help=t("help_full_name"))
    sub.add_argument("--email", type=_checked_text(lang, 200, email=True), help=t("help_email"))
    return parser


def _prog_name() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "python -m mios_dashboard" if name in ("", "__main__.py", "-c") else name


# --- entry point -------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (see the module docstring)."""
    lang = lang_of(os.environ.get("MIOS_LANG"))
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        return _fail(msg("settings_error", lang, detail=str(exc)))
    lang = settings.language
    install_argparse_language(lang)
    args = build_parser(lang).parse_args(argv)  # usage errors exit 2 from here
    ctx = Context(settings=settings, lang=lang, url=getattr(args, "database_url", None) or settings.database_url)
    try:
        return args.handler(ctx, args)
    except CliError as exc:
        return _fail(msg(exc.key, lang, **exc.params))
    except DatabaseUrlError as exc:
        return _fail(msg("bad_database_url", lang, url=ctx.shown_url, detail=str(exc)))
    except OperationalError as exc:
        return _fail(msg("db_unreachable", lang, url=ctx.shown_url, detail=_one_line(exc)))
    except SQLAlchemyError as exc:
        return _fail(msg("db_error", lang, url=ctx.shown_url, detail=_one_line(exc)))
    except BrokenPipeError:
        # A reader such as `head` went away: stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURE
    except OSError as exc:
        return _fail(msg("os_error", lang, path=exc.filename or "", detail=exc.strerror or _one_line(exc)))
    except KeyboardInterrupt:
        return _fail(msg("interrupted", lang), EXIT_INTERRUPTED)
    except Exception as exc:
        if settings.debug:
            raise
        return _fail(msg("unexpected", lang, kind=type(exc).__name__, detail=_one_line(exc)))
    finally:
        ctx.close()


def _fail(text: str, status: int = EXIT_FAILURE) -> int:
    print(f"mios: {text}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
