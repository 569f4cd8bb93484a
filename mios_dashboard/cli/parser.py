"""The argument parser: commands, options, and value checks whose errors speak the user's language."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from mios_dashboard.cli.commands import cmd_board, cmd_demo, cmd_import, cmd_init_db, cmd_measurements, cmd_users_add
from mios_dashboard.cli.context import EXIT_USAGE
from mios_dashboard.cli.export_commands import cmd_export, cmd_template
from mios_dashboard.cli.language import msg

ROLE_ALIASES = {
    "admin": "admin", "administrador": "admin", "administrator": "admin",
    "director": "director", "directora": "director", "direccion": "director",
    "representative": "representative", "representante": "representative",
    "owner": "owner", "responsable": "owner", "dueno": "owner",
    "viewer": "viewer", "lector": "viewer", "consulta": "viewer",
}
LATEST_WORDS = ("latest", "last", "última", "ultima", "último", "ultimo")



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
    from mios_dashboard.importers.values import normalize

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


def _record(lang: str):
    """A record's id (a positive whole number) or "latest" (also in Spanish: "última", "ultima")."""
    def check(value: str) -> int | str:
        text = value.strip().lower()
        if text in LATEST_WORDS:
            return "latest"
        if text.isdigit() and int(text) > 0:
            return int(text)
        raise argparse.ArgumentTypeError(msg("bad_record_id", lang, value=value))
    return check


def build_parser(lang: str = "es", prog: str | None = None) -> argparse.ArgumentParser:
    t = lambda key: msg(key, lang)
    _Parser.hint = t("usage_hint")
    common = _Parser(add_help=False)  # only lends its options to every command
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
    what = sub.add_mutually_exclusive_group()  # the board of a month, or one record
    what.add_argument("--period", metavar="YYYY-MM", type=_month(lang), help=t("help_period"))
    what.add_argument("--meeting", metavar="ID|latest", type=_record(lang), help=t("help_meeting"))
    what.add_argument("--review", metavar="ID|latest", type=_record(lang), help=t("help_review"))
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

