"""``tracker-cli smoke``: check an installation (above all the frozen build) end to end.

Runs :func:`tracker.cli.smoke.run_smoke` in a temporary folder, which it removes afterwards
unless ``--keep DIR`` names a folder to keep the files in.  Exit status 0 when every
step worked, 1 with one line naming the failed step otherwise — what CI and an IT person
installing on many PCs look at.  ``--db`` is not used: the smoke test never touches a real
database.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any

from tracker.cli.smoke import SmokeFailure, run_smoke

EXIT_SMOKE_FAILED = 1


def smoke(args: argparse.Namespace) -> int:
    document = Path(args.document) if args.document else None
    try:
        if args.keep:
            result = run_smoke(Path(args.keep), document, today=args.today)
        else:
            with tempfile.TemporaryDirectory(
                prefix="tracker-smoke-", ignore_cleanup_errors=True
            ) as folder:
                result = run_smoke(Path(folder), document, today=args.today)
    except SmokeFailure as exc:
        _print_cause(exc.__cause__)
        print(f"tracker-cli: smoke test failed: {exc}", file=sys.stderr)
        return EXIT_SMOKE_FAILED
    for line in result.lines():
        print(line)
    print("smoke test passed")
    return 0


def _print_cause(cause: BaseException | None) -> None:
    """The traceback of what failed, with the error a user message stood in for.

    What a broken build lacks (a module, a data file) is named there, not in the user
    message (``raise UserError(...) from None`` hides it from a plain traceback).
    """
    if cause is None:
        return
    hidden = cause.__context__ if cause.__suppress_context__ else None
    if hidden is not None:
        traceback.print_exception(hidden, file=sys.stderr)
    traceback.print_exception(cause, file=sys.stderr)


def register(sub: Any, parse_date: Any) -> None:
    p = sub.add_parser(
        "smoke",
        help="check this installation: import a document, export a ledger, print a bulletin "
        "in a temporary database",
    )
    p.add_argument("--document", help="policy document to import (default: a built-in sample)")
    p.add_argument("--keep", help="make the files in this empty folder and keep them")
    p.set_defaults(handler=smoke)
