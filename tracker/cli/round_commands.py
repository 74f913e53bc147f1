"""``tracker-cli`` commands for a round's 报送情况 and the dates rounds count by.

``round-status``: which units were sent the round's ledger, which returned it (on
time, late) and which did not; ``round-deadline``: the round's 报送截止日期;
``doc-effective``: the day a document took effect (rounds count its tasks from then).
"""

from __future__ import annotations

import argparse
from typing import Any

from tracker.cli.cli_services import opened_services
from tracker.cli.counts import count
from tracker.cli.general_commands import print_json


def round_status(args: argparse.Namespace) -> int:
    from tracker.rounds.round_status import reporting_text

    with opened_services(args) as services:
        status = services.round_status.status(args.round)
    if args.json:
        print_json(status.to_json())
        return 0
    deadline = status.deadline.isoformat() if status.deadline else "-"
    print(f"{status.round}  as of {status.as_of}  deadline {deadline}")
    for u in status.units:
        sent = f"{u.sent_at:%Y-%m-%d %H:%M}" if u.sent_at else "-"
        back = f"{u.returned_at:%Y-%m-%d %H:%M}  {u.file}  {u.imported_by}" if u.returned_at else ""
        print(f"  {u.state}  {u.unit}  sent {sent}  {back}".rstrip())
    if not any(u.sent_at for u in status.units):
        print(reporting_text(status))  # as the bulletin and the 汇总 say it
    print(
        f"{count(len(status.units), 'unit')}: {len(status.on_time)} on time, "
        f"{len(status.late)} late, "
        f"{len(status.not_reported)} not reported"
    )
    return 0


def round_deadline(args: argparse.Namespace) -> int:
    day = None if args.clear else args.deadline
    with opened_services(args) as services:
        name = services.rounds.set_deadline(args.round, day)
    print(f"round {name}: reporting deadline {day or 'none'}")
    return 0


def doc_effective(args: argparse.Namespace) -> int:
    day = None if args.clear else args.day
    with opened_services(args) as services:
        info = services.documents.set_effective(args.doc, day)
    shown = info.effective_on or f"{info.issued_on or 'the import day'} (date of issue)"
    print(f"{info.doc_number or info.short_title}: rounds count its tasks from {shown}")
    return 0


def register(sub: Any, parse_date: Any) -> None:
    p = sub.add_parser("round-status", help="报送情况: who returned the round's ledger, on time")
    p.add_argument("round", nargs="?", help="round name (default: the latest)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=round_status)
    p = sub.add_parser("round-deadline", help="set a round's reporting deadline (报送截止日期)")
    p.add_argument("round")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("deadline", nargs="?", type=parse_date, help="YYYY-MM-DD")
    group.add_argument("--clear", action="store_true", help="remove the deadline")
    p.set_defaults(handler=round_deadline)
    p = sub.add_parser(
        "doc-effective", help="the day a document took effect: rounds count its tasks from then"
    )
    p.add_argument("doc", help="document id, number or short title")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("day", nargs="?", type=parse_date, help="YYYY-MM-DD")
    group.add_argument("--clear", action="store_true", help="count from its date of issue again")
    p.set_defaults(handler=doc_effective)
