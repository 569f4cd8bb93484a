"""The command line, `python -m mios_dashboard <command>` (docs/command-line.md); the commands live in `cli/`.

Every failure ends as one line on stderr in the user's language (MIOS_LANG) and a non-zero exit, never a
traceback: 1 for a refused import or any other failure, 2 for bad arguments (argparse), 130 if interrupted.
MIOS_DEBUG=1 lets unexpected errors raise, for developers.
"""
from __future__ import annotations

import logging
import os
import sys

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from mios_dashboard.cli.context import EXIT_FAILURE, EXIT_INTERRUPTED, Context, one_line
from mios_dashboard.cli.language import install_argparse_language, lang_of, msg
from mios_dashboard.cli.parser import build_parser
from mios_dashboard.config import Settings, SettingsError
from mios_dashboard.db import DatabaseUrlError
from mios_dashboard.errors import DomainError

_log = logging.getLogger("mios_dashboard.cli")


# --- entry point -------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (see the module docstring)."""
    lang = lang_of(os.environ.get("MIOS_LANG"))
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        return _fail(exc.message(lang))
    lang = settings.language
    install_argparse_language(lang)
    args = build_parser(lang).parse_args(argv)  # usage errors exit 2 from here
    ctx = Context(settings=settings, lang=lang, url=getattr(args, "database_url", None) or settings.database_url)
    try:
        return args.handler(ctx, args)
    except DomainError as exc:  # what a command refuses, in the user's language
        return _fail(exc.message(lang))
    except DatabaseUrlError as exc:
        return _fail(msg("bad_database_url", lang, url=ctx.shown_url, detail=str(exc)))
    except OperationalError as exc:
        return _fail(msg("db_unreachable", lang, url=ctx.shown_url, detail=one_line(exc)))
    except SQLAlchemyError as exc:
        return _fail(msg("db_error", lang, url=ctx.shown_url, detail=one_line(exc)))
    except BrokenPipeError:
        # A reader such as `head` went away: stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURE
    except OSError as exc:
        return _fail(msg("os_error", lang, path=exc.filename or "", detail=exc.strerror or one_line(exc)))
    except KeyboardInterrupt:
        return _fail(msg("interrupted", lang), EXIT_INTERRUPTED)
    except Exception as exc:  # the command line's outermost boundary: one line for the user, never a traceback
        if settings.debug:
            raise
        _log.debug("command %s failed unexpectedly", getattr(args, "command", "?"), exc_info=True)
        return _fail(msg("unexpected", lang, kind=type(exc).__name__, detail=one_line(exc)))
    finally:
        ctx.close()


def _fail(text: str, status: int = EXIT_FAILURE) -> int:
    print(f"mios: {text}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
