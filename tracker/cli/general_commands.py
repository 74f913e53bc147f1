"""The sub-commands of ``tracker-cli``, one small handler each."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importers.messages import QT_TRANSLATE_NOOP
from tracker.cli.cli_services import opened_services
from tracker.cli.counts import count
from tracker.errors import InvalidInputError
from tracker.statuses import Status, parse_status

if TYPE_CHECKING:
    from tracker.progress.assignment_filter import AssignmentFilter
    from tracker.records import AssignmentRow


def print_json(data: Any) -> None:
    """JSON for scripts: Chinese kept readable, dates as ISO text."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _status(text: str) -> Status:
    try:
        return parse_status(text)
    except ValueError:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "unknown status {status!r}; allowed: {allowed}"),
            status=text,
            allowed="、".join(s.value for s in Status),
        ) from None


# -- handlers ------------------------------------------------------------------------------
def parse_doc(args: argparse.Namespace) -> int:
    from tracker.documents.policy_files import parse_policy_file

    parsed, _source = parse_policy_file(Path(args.file))
    if args.json:
        print_json(parsed.to_json())
        return 0
    print(f"{parsed.doc_number or '-'}  {parsed.title or '-'}")
    print(f"issuer: {parsed.issuer or '-'}  issued: {parsed.issued_on or '-'}")
    print(
        f"{count(len(parsed.parts), 'part')}, {count(len(parsed.sections), 'section')}, "
        f"{count(len(parsed.measures), 'measure')}"
    )
    for m in parsed.measures:
        units = "、".join(m.units) or "(no unit)"
        print(f"{m.code:>6}  {m.title}  [{units}]  {m.deadline_text or ''}")
    for w in parsed.warnings:
        print(f"warning: line {w.line}: {w.message}", file=sys.stderr)
    return 0


def import_doc(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        outcome = services.documents.import_file(
            Path(args.file), accept_revision=args.accept_revision
        )
    if args.json:
        print_json(asdict(outcome))
        return 0
    if outcome.state == "unchanged":
        print("This file was imported before; nothing changed.")
    elif outcome.state == "revision_pending":
        print("This is a revised version of a stored document. Changes:")
        for change in outcome.changes:
            print(f"  {change.kind:8} {change.code}  {'; '.join(change.details)}")
        print("Nothing was written. Run again with --accept-revision to apply them.")
        return 1
    else:
        print(
            f"{outcome.state}: {count(outcome.measures, 'measure')}, "
            f"{count(outcome.assignments, 'assignment')}"
        )
        if outcome.unassigned_codes:
            print(f"measures naming no unit: {', '.join(outcome.unassigned_codes)}")
        if outcome.new_units:
            print(
                f"{count(len(outcome.new_units), 'new unit')} added; review them with "
                "`tracker-cli units` (merge-units folds a duplicate into the right one)"
            )
        for unit in outcome.new_units:
            if unit.suggestions:
                print(f"  {unit.name} may be the same as: {'、'.join(unit.suggestions)}")
    return 0


def documents(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        docs = services.documents.list()
    if args.json:
        print_json([asdict(d) for d in docs])
    else:
        for d in docs:
            print(
                f"{d.id:>3}  {d.doc_number or '-'}  {d.short_title}  "
                f"({count(d.measures, 'measure')})"
            )
    return 0


def units(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        found = services.units.list()
    if args.json:
        print_json([asdict(u) for u in found])
    else:
        for u in found:
            flag = "  [review]" if u.needs_review else ""
            print(
                f"{u.name}  {u.kind}  assigned {u.assigned}, open {u.open}, "
                f"overdue {u.overdue}{flag}"
            )
    return 0


def measures(args: argparse.Namespace) -> int:
    from tracker.progress.assignment_filter import AssignmentFilter

    wanted = AssignmentFilter(
        document=args.doc,
        unit=args.unit,
        status=_status(args.status) if args.status else None,
        overdue=args.overdue,
        due_within_days=args.due_within,
        search=args.search or "",
        round=args.round,
    )
    rows = _quick_rows(args, wanted)
    if rows is None:
        with opened_services(args) as services:
            rows = services.overview.assignments(wanted)
    if args.by_measure:
        return _by_measure(rows, as_json=args.json)
    if args.json:
        print_json(
            [
                {
                    "doc": r.doc_label,
                    "code": r.code,
                    "title": r.title,
                    "unit": r.unit,
                    "role": r.role,
                    "status": r.status.value,
                    "state": r.state.value,
                    "percent": r.percent,
                    "note": r.note,
                    "deadline": r.deadline.isoformat() if r.deadline else None,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(
                f"{r.code:>6}  {r.unit}  {r.role}  {r.state.value}  "
                f"{r.deadline or r.deadline_text or '-'}  {r.title}"
            )
        print(count(len(rows), "assignment"))
    return 0


def _by_measure(rows: list[AssignmentRow], *, as_json: bool) -> int:
    """One line per measure, its state rolled up from its sub-tasks (``task_rollup``)."""
    from tracker.progress.task_rollup import measure_rollups

    first = {r.measure_id: r for r in reversed(rows)}
    lines = []
    for measure_id, rolled in measure_rollups(rows).items():
        row = first[measure_id]
        state = "逾期" if rolled.overdue else rolled.status.value
        lines.append((row.doc_label, row.measure_code, row.title, state, rolled))
    if as_json:
        print_json(
            [
                {"doc": doc, "code": code, "title": title, "state": state}
                | {"tasks": r.tasks, "tasks_finished": r.tasks_finished}
                for doc, code, title, state, r in lines
            ]
        )
        return 0
    for doc, code, title, state, r in lines:
        print(f"{doc}  {code:>6}  {state}  {r.tasks_finished}/{r.tasks} 分工完成  {title}")
    print(count(len(lines), "measure"))
    return 0


def _quick_rows(args: argparse.Namespace, wanted: AssignmentFilter) -> list[AssignmentRow] | None:
    """The rows ``wanted`` selects, read with ``sqlite3`` alone (``quick_look``), or None.

    Importing SQLAlchemy, the models and the services costs ≈ 0.3 s, twice what
    the whole answer takes this way (bench/results.md, tracker-cli start-up).  The
    rows are ``OverviewService.assignments``' own, filtered by the index the window
    uses (``RowIndex``, the same criteria); a document, unit or round named in words,
    or a search, needs the services to resolve it, as does a server database.
    """
    if wanted.document or wanted.unit or wanted.round or wanted.search.strip():
        return None
    from tracker.progress.quick_look import quick_assignments
    from tracker.progress.row_index import RowIndex

    rows = quick_assignments(args.db, args.today)
    if rows is None:
        return None
    index = RowIndex(rows, args.today or date.today())
    return index.pick(index.select(wanted))


def progress(args: argparse.Namespace) -> int:
    from tracker.progress.progress_service import Change

    change = Change(
        status=_status(args.status) if args.status else None,
        percent=args.percent,
        note=args.note,
    )
    if change == Change():
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "nothing to record: give --status, --percent or --note")
        )
    with opened_services(args) as services:
        services.progress.record_by_code(
            args.code, args.unit, change, doc=args.doc, source="命令行"
        )
    return 0


def tick_off(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        with services.store.reading() as session:
            assignment = services.progress.find_assignment(session, args.code, args.unit, args.doc)
            assignment_id = assignment.id
        if args.undo:
            services.progress.undo_tick_off(assignment_id)
        else:
            services.progress.tick_off(assignment_id)
    return 0


def history(args: argparse.Namespace) -> int:
    from tracker.extensions.extension_history import DECISION

    with opened_services(args) as services:
        with services.store.reading() as session:
            assignment_id = services.progress.find_assignment(
                session, args.code, args.unit, args.doc, kept=True
            ).id
        rows = services.progress.history(assignment_id)
    if args.json:
        print_json([asdict(r) for r in rows])
    else:
        for r in rows:
            what = f"{r.old_status or '-'} → {r.new_status}  {r.new_note}"
            if r.new_deadline is not None:  # an approved extension
                what = f"deadline {r.old_deadline or '-'} → {r.new_deadline}"
            elif r.source.startswith(DECISION):
                what = "deadline unchanged"  # a refused extension: its source says why
            print(f"{r.changed_at:%Y-%m-%d %H:%M}  {r.changed_by}  {r.source}  {what}")
    return 0


def status(args: argparse.Namespace) -> int:
    from tracker.progress.quick_look import quick_summary

    summary = None if args.doc or args.round is not None else quick_summary(args.db, args.today)
    if summary is None:
        with opened_services(args) as services:
            if args.round is not None:
                summary = services.round_status.figures(args.round or None, args.doc)
            else:
                summary = services.overview.summary(args.doc)
    if args.json:
        print_json(
            {
                "measures": summary.measures,
                "assignments": summary.assignments,
                "by_status": summary.by_status,
                "overdue": summary.overdue,
                "due_soon": summary.due_soon,
                "units": [
                    {
                        "unit": u.unit,
                        "group": u.group,
                        "assigned": u.assigned,
                        "by_status": u.by_status,
                        "overdue": u.overdue,
                    }
                    for u in summary.units
                ],
                "groups": [asdict(g) for g in summary.groups],
            }
        )
        return 0
    print(
        f"{count(summary.measures, 'measure')}, {count(summary.assignments, 'assignment')}, "
        f"{summary.overdue} overdue, {summary.due_soon} due soon"
    )
    for name, n in summary.by_status.items():
        print(f"  {name}: {n}")
    return 0


def assign(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        if args.remove:
            services.progress.unassign(args.code, args.unit, doc=args.doc)
        else:
            services.progress.assign(args.code, args.unit, doc=args.doc)
    return 0


# -- wiring --------------------------------------------------------------------------------
def register(sub: Any, parse_date: Callable[[str], date]) -> None:
    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_: str, json_flag: bool = True
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_)
        p.set_defaults(handler=handler)
        if json_flag:
            p.add_argument("--json", action="store_true", help="print JSON")
        return p

    p = add("parse-doc", parse_doc, "read a policy document and print what was found")
    p.add_argument("file")
    p = add("import-doc", import_doc, "import a policy document into the database")
    p.add_argument("file")
    p.add_argument(
        "--accept-revision",
        action="store_true",
        help="apply the changes of a revised version of a stored document",
    )
    add("documents", documents, "list the imported documents")
    add("units", units, "list the units")
    p = add("measures", measures, "list assignments (a unit's part in a measure)")
    p.add_argument("--doc")
    p.add_argument("--unit")
    p.add_argument("--status")
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--due-within", type=int, metavar="DAYS")
    p.add_argument("--search")
    p.add_argument("--round", help="only what changed in this reporting round")
    p.add_argument(
        "--by-measure",
        action="store_true",
        help="one line per measure, its state rolled up from its sub-tasks",
    )
    for name, handler, help_ in (
        ("progress", progress, "record a unit's progress on a measure"),
        ("tick-off", tick_off, "销号: confirm a unit's part is done"),
        ("history", history, "the history of a unit's part in a measure"),
        ("assign", assign, "assign a measure to a unit (or --remove)"),
    ):
        p = add(name, handler, help_, json_flag=name == "history")
        p.add_argument("code")
        p.add_argument("unit")
        p.add_argument("--doc")
        if name == "progress":
            p.add_argument("--status")
            p.add_argument("--note")
            p.add_argument("--percent", type=int)
        if name == "tick-off":
            p.add_argument("--undo", action="store_true")
        if name == "assign":
            p.add_argument("--remove", action="store_true")
    p = add("status", status, "totals by status, overdue and due soon, per unit")
    p.add_argument("--doc")
    p.add_argument(
        "--round",
        nargs="?",
        const="",
        help="as of this reporting round (alone: the latest), as the bulletin counts",
    )
    from tracker.cli import document_commands  # merge-units, delete-doc

    document_commands.register(sub)
    del parse_date
