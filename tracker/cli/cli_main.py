"""``tracker-cli``: the services without a window, for scripting, tests and batch work.

A user error (missing file, unknown unit, ambiguous code…) prints one line on
stderr and exits with status 2; a bug still gets its traceback.  So does the
database's own trouble (locked, read-only, full, damaged, unreachable: see
``tracker.db_errors``).  Only ``init`` creates a database; every other command
refuses a missing file instead of starting an empty one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date

from tracker.cli.console import prepare_console
from tracker.errors import UserError

Handler = Callable[[argparse.Namespace], int]
EXIT_USER_ERROR = 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    from tracker.cli import (
        backup_commands,
        extension_commands,
        group_commands,
        inspection_commands,
        ledger_commands,
        report_commands,
        round_commands,
        score_commands,
        smoke_command,
    )
    from tracker.cli import general_commands as commands

    parser = argparse.ArgumentParser(
        prog="tracker-cli", description="督办台账 — measures, units and progress, headless."
    )
    parser.add_argument(
        "--db",
        help="database file or SQLAlchemy URL (default: TRACKER_DB, "
        "else a file in your user data folder)",
    )
    parser.add_argument("--today", type=_date, help="treat this day as today (YYYY-MM-DD)")
    parser.add_argument("--user", help="name recorded in the history (default: login name)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    init = sub.add_parser("init", help="create a new, empty database (--db, TRACKER_DB or default)")
    init.set_defaults(handler=init_database)
    commands.register(sub, _date)
    ledger_commands.register(sub, _date)
    round_commands.register(sub, _date)
    extension_commands.register(sub, _date)
    group_commands.register(sub, _date)
    report_commands.register(sub, _date)
    backup_commands.register(sub, _date)
    inspection_commands.register(sub, _date)
    score_commands.register(sub, _date)
    smoke_command.register(sub, _date)
    return parser


def init_database(args: argparse.Namespace) -> int:
    """``tracker-cli init``: create the database (and its folder) and say where it is.

    An existing database is left as it is (only brought to the current schema).
    """
    from tracker.db_errors import DatabaseMissingError, DatabaseNotInitialisedError
    from tracker.store import Store

    try:
        store = Store.open(args.db, user=args.user)
    except (DatabaseMissingError, DatabaseNotInitialisedError):
        store = Store.open(args.db, user=args.user, create=True)
        print(f"Created a new database: {store.where}")
    else:
        print(f"The database {store.where} already exists; nothing was changed.")
    store.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    prepare_console(json_output=bool(getattr(args, "json", False)))
    handler: Handler = args.handler
    try:
        return handler(args)
    except UserError as exc:
        print(f"tracker-cli: error: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        return 0


__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
