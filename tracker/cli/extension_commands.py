"""``tracker-cli extensions``: the units' requests for a later deadline (申请延期), decided.

Without an option it lists the pending requests; ``--all`` every request with its
decision; ``--request CODE --unit UNIT --until YYYY-MM-DD --reason TEXT`` records a
request a unit made by phone or letter (source 命令行; ``--doc`` when the number is in
several documents, ``--round`` the round it came in); ``--approve ID`` gives the unit
the requested deadline (the measure's stays the original), ``--refuse ID --reason TEXT``
refuses with the office's reason, ``--undo ID`` takes a decision back.  ``--json``
prints the same as JSON.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from importers.messages import QT_TRANSLATE_NOOP
from tracker.cli.cli_services import opened_services
from tracker.cli.general_commands import print_json
from tracker.errors import InvalidInputError

if TYPE_CHECKING:
    from tracker.extensions.extension_records import ExtensionInfo
    from tracker.extensions.extension_service import ExtensionService

COMMAND_LINE = "命令行"
"""The source of a request typed on the command line (as ``tracker-cli progress``'s)."""


def extensions(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        service = services.extensions
        decided: ExtensionInfo | None = None
        if args.request is not None:
            made = _request(service, args)
            if args.json:
                print_json(made.to_json())
            else:
                print(_requested(made))
            return 0
        if args.approve is not None:
            decided = service.approve(args.approve, args.reason or "")
        elif args.refuse is not None:
            decided = service.refuse(args.refuse, args.reason or "")
        elif args.undo is not None:
            decided = service.undo_decision(args.undo)
        if decided is not None:
            if args.json:
                print_json(decided.to_json())
            else:
                print(_decision(decided))
            return 0
        found = service.list(pending_only=not args.all)
        pending = service.pending_count()
    if args.json:
        print_json({"requests": [e.to_json() for e in found], "pending": pending})
        return 0
    for e in found:
        print(_line(e))
        if e.decided_at is not None:
            note = f"：{e.decision_note}" if e.decision_note else ""
            print(f"      {e.state.value} {e.decided_at:%Y-%m-%d %H:%M} {e.decided_by}{note}")
    print(f"{pending} pending" + (f", {len(found)} in all" if args.all else ""))
    return 0


def _request(service: ExtensionService, args: argparse.Namespace) -> ExtensionInfo:
    """A request the office types in: the unit's task by its number, the date, the reason."""
    if not args.unit or args.until is None:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages", "a request needs the unit (--unit) and the new date (--until)"
            )
        )
    return service.request_by_code(
        args.request,
        args.unit,
        args.until,
        args.reason or "",
        source=COMMAND_LINE,
        doc=args.doc,
        round_name=args.round,
    )


def _line(e: ExtensionInfo) -> str:
    was = e.previous_deadline if e.previous_deadline else e.unit_deadline
    reason = f"  {e.reason}" if e.reason else ""
    return (
        f"#{e.id}  {e.state.value}  {e.code}  {e.unit}  {_day(was)} → "
        f"{e.requested_deadline}{reason}  [{e.source}]"
    )


def _requested(e: ExtensionInfo) -> str:
    within = f" ({e.round})" if e.round else ""
    return (
        f"#{e.id} requested{within}: {e.code} {e.unit} deadline {_day(e.unit_deadline)} → "
        f"{e.requested_deadline}, waits for a decision"
    )


def _decision(e: ExtensionInfo) -> str:
    task = f"#{e.id} {{}}: {e.code} {e.unit}"
    if e.state.value == "已批准":
        return f"{task.format('approved')} deadline {_day(e.previous_deadline)} → {e.unit_deadline}"
    if e.state.value == "已驳回":
        refused = task.format("refused")
        return f"{refused} ({e.decision_note}); deadline stays {_day(e.unit_deadline)}"
    return f"{task.format('pending again')} deadline {_day(e.unit_deadline)}"


def _day(day: object) -> str:
    return str(day) if day else "-"


def register(sub: Any, parse_date: Any) -> None:
    p = sub.add_parser(
        "extensions", help="申请延期: list the units' requests for a later deadline, decide them"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--all", action="store_true", help="every request, decided ones too")
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--request", metavar="CODE", help="record a unit's request for measure CODE (typed in)"
    )
    group.add_argument("--approve", type=int, metavar="ID", help="give the unit that deadline")
    group.add_argument("--refuse", type=int, metavar="ID", help="refuse (with --reason)")
    group.add_argument("--undo", type=int, metavar="ID", help="take a decision back")
    p.add_argument(
        "--reason",
        help="the unit's reason for a request; why one is refused (required); or a note",
    )
    p.add_argument("--unit", help="with --request: the unit asking")
    p.add_argument(
        "--until", type=parse_date, metavar="YYYY-MM-DD", help="with --request: the new deadline"
    )
    p.add_argument("--doc", help="with --request: the document (its number), if CODE is in several")
    p.add_argument("--round", help="with --request: the round it came in (default: none)")
    p.set_defaults(handler=extensions)
