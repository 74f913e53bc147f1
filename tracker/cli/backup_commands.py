"""``tracker-cli backup`` / ``backups`` / ``restore``: the backups without a window.

``backup`` copies the database now (into its ``备份`` folder, or ``--out FILE``);
``backups`` lists this database's backups, newest first; ``restore FILE`` checks
the file, backs the current database up first and then replaces it — and says
both.  The CLI makes no daily backup of its own (scripts run it many times a
day): schedule ``tracker-cli backup`` for that.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from db.backup_files import BackupInfo
from db.revisions import HEAD
from tracker.cli.cli_services import opened_services
from tracker.cli.general_commands import print_json

SUMMARY_TABLES = (
    ("documents", "documents"),
    ("measures", "measures"),
    ("assignments", "assignments"),
    ("progress_history", "history entries"),
)


def format_size(size: int) -> str:
    """A size as a clerk reads it: KB below a megabyte, MB with one decimal above."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _as_json(info: BackupInfo) -> dict[str, object]:
    return {
        "created": info.created.isoformat(timespec="seconds"),
        "size": info.size,
        "reason": info.reason,
        "revision": info.revision,
        "path": str(info.path),
    }


def backup(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        info = services.backups.backup("manual", Path(args.out) if args.out else None)
    if args.json:
        print_json(_as_json(info))
    else:
        print(f"Backed up to {info.path} ({format_size(info.size)})")
    return 0


def backups(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        found = services.backups.list_backups()
    if args.json:
        print_json([_as_json(b) for b in found])
        return 0
    if not found:
        print("No backups yet.")
    for b in found:
        print(
            f"{b.created:%Y-%m-%d %H:%M:%S}  {format_size(b.size):>9}  {b.reason:<17}  "
            f"{b.revision or '-':<5}  {b.path}"
        )
    return 0


def restore(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        outcome = services.backups.restore(Path(args.file))
    print(f"Backed up the current database first: {outcome.safety_copy.path}")
    schema = outcome.revision
    if schema != HEAD:
        schema = f"{schema}, upgraded to {HEAD}"
    counts = ", ".join(f"{outcome.counts.get(t, 0)} {label}" for t, label in SUMMARY_TABLES)
    print(f"Restored {outcome.restored} (schema {schema}): {counts}")
    return 0


def register(sub: Any, parse_date: Callable[[str], date]) -> None:
    del parse_date
    p: argparse.ArgumentParser = sub.add_parser(
        "backup", help="back the database up now (into its 备份 folder, or --out FILE)"
    )
    p.set_defaults(handler=backup)
    p.add_argument("--out", metavar="FILE", help="write the backup to this file instead")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = sub.add_parser("backups", help="list the database's backups, newest first")
    p.set_defaults(handler=backups)
    p.add_argument("--json", action="store_true", help="print JSON")
    p = sub.add_parser(
        "restore", help="replace the database with a backup (the current state is backed up first)"
    )
    p.set_defaults(handler=restore)
    p.add_argument("file")
