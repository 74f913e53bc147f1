"""``tracker-cli group GROUP --add U... | --remove U... | --set U... | --list [--json]``.

``--lead UNIT --measure CODE`` marks one member as 牵头 for a measure (``--inherit``
gives every member the group's role again).

A group's members answer its tasks one by one (``tracker.units.fan_out``);
``--list`` shows the members, the nested setting and how many of the group's
tasks are done (a task is done only when every member's share is).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from importers.messages import QT_TRANSLATE_NOOP
from tracker.cli.cli_services import opened_services
from tracker.cli.counts import count
from tracker.cli.general_commands import print_json
from tracker.errors import InvalidInputError
from tracker.statuses import FINISHED


def group(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        groups = services.groups
        if args.set is not None:
            groups.set_members(args.group, args.set, create=args.create)
        if args.add:
            groups.add_members(args.group, args.add, create=args.create)
        if args.remove:
            groups.remove_members(args.group, args.remove)
        if args.lead is not None or args.inherit:
            if not args.measure:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "name the measure (--measure CODE)")
                )
            groups.set_lead(args.group, args.measure, args.lead, doc=args.doc)
        if args.direct is not None:
            groups.set_members_report_directly(args.group, args.direct == "yes")
        info = groups.group(args.group)
        tasks = groups.tasks(args.group)
        late = groups.without_ledger(args.group)
    done = sum(1 for t in tasks if t.state.status in FINISHED)
    overdue = sum(1 for t in tasks if t.state.overdue)
    if args.json:
        print_json(
            {
                **asdict(info),
                "nested": {name: list(inner) for name, inner in info.nested},
                "tasks": len(tasks),
                "done": done,
                "overdue": overdue,
                "without_ledger": None if late is None else asdict(late),
            }
        )
        return 0
    print(f"{info.name}: {count(len(info.members), 'member')}")
    nested = dict(info.nested)
    for position, name in enumerate(info.members, 1):
        inner = nested.get(name, ())
        print(f"  {position}. {name}" + (f"  ({'、'.join(inner)})" if inner else ""))
    if nested:
        how = "directly" if info.members_report_directly else "through their member"
        print(f"  nested members report {how}")
    print(f"  {count(len(tasks), 'task')}, {done} done by every member, {overdue} overdue")
    if late is not None:
        units = "、".join(late.units)
        print(f"  no ledger of {late.round} yet: {units}")
        print(f"  (send it: tracker-cli export-ledger --round {late.round} --unit UNIT --out DIR)")
    return 0


def register(sub: Any, parse_date: Callable[[str], date]) -> None:
    del parse_date
    p: argparse.ArgumentParser = sub.add_parser(
        "group", help="a group's members, who answer its tasks one by one"
    )
    p.set_defaults(handler=group)
    p.add_argument("group", help="the group, e.g. 各市、县（区）")
    p.add_argument("--add", nargs="+", metavar="UNIT", help="add members (at the end)")
    p.add_argument("--remove", nargs="+", metavar="UNIT", help="take members out")
    p.add_argument("--set", nargs="*", metavar="UNIT", help="the members, in this order")
    p.add_argument(
        "--create", action="store_true", help="add a member the directory does not know yet"
    )
    p.add_argument(
        "--direct",
        choices=("yes", "no"),
        help="whether a member's own members (counties) answer the group's tasks themselves",
    )
    p.add_argument("--lead", metavar="UNIT", help="the member that leads (牵头) --measure")
    p.add_argument(
        "--inherit", action="store_true", help="every member takes the group's role for --measure"
    )
    p.add_argument("--measure", metavar="CODE")
    p.add_argument("--doc")
    p.add_argument("--list", action="store_true", help="show the members (the default)")
    p.add_argument("--json", action="store_true", help="print JSON")
