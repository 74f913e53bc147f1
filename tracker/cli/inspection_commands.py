"""``tracker-cli inspection`` / ``finding`` / ``findings``: inspections and findings headless.

``inspection new NAME --date D [--team T]`` records an inspection (督查), ``inspection
list`` lists them; ``finding add`` records a problem it found for a unit, ``finding
progress ID`` its rectification's progress, ``finding close ID --evidence E`` closes it
(整改销号; ``--undo`` reopens it), ``finding history ID`` every change; ``findings``
lists them (``--unit``, ``--open``, ``--inspection``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from importers.messages import QT_TRANSLATE_NOOP
from tracker.cli.cli_services import opened_services
from tracker.cli.counts import count
from tracker.cli.general_commands import print_json
from tracker.errors import InvalidInputError

if TYPE_CHECKING:
    from tracker.inspections.finding_records import FindingRow


def inspection_new(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        made = services.inspections.create_inspection(args.name, args.date, args.team or "")
    print(f"Inspection {made.name} of {made.held_on.isoformat()} recorded.")
    return 0


def inspection_list(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        found = services.inspections.inspections()
    if args.json:
        print_json([asdict(i) for i in found])
        return 0
    for i in found:
        team = f"  {i.team}" if i.team else ""
        print(f"{i.held_on.isoformat()}  {i.name}{team}  findings {i.findings}, open {i.open}")
    return 0


def finding_add(args: argparse.Namespace) -> int:
    from tracker.inspections.finding_records import NewFinding

    new = NewFinding(
        inspection=args.inspection,
        unit=args.unit,
        problem=args.problem,
        requirement=args.require,
        deadline=args.deadline,
        measure=args.measure,
        doc=args.doc,
    )
    with opened_services(args) as services:
        row = services.inspections.add_finding(new, source="命令行")
    print(f"Finding {row.id} recorded for {row.unit}, due {row.deadline.isoformat()}.")
    return 0


def finding_progress(args: argparse.Namespace) -> int:
    from tracker.cli.general_commands import _status
    from tracker.inspections.finding_records import FindingChange

    change = FindingChange(
        status=_status(args.status) if args.status else None,
        percent=args.percent,
        note=args.note,
    )
    if change == FindingChange():
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "nothing to record: give --status, --percent or --note")
        )
    with opened_services(args) as services:
        services.inspections.record(args.id, change, source="命令行")
    return 0


def finding_close(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        if args.undo:
            services.inspections.reopen(args.id)
            print(f"Finding {args.id} reopened.")
            return 0
        if not args.evidence:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages", "closing a finding needs its evidence (what shows it rectified)"
                )
            )
        services.inspections.close(args.id, args.evidence)
    print(f"Finding {args.id} closed (整改销号).")
    return 0


def finding_history(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        rows = services.inspections.history(args.id)
    if args.json:
        print_json([asdict(r) for r in rows])
        return 0
    sent = ""
    for r in rows:
        evidence = f"  evidence: {r.evidence}" if r.evidence else ""
        if r.unit_evidence != sent:  # the unit's 佐证材料, where it changed
            evidence += f"  unit's evidence: {r.unit_evidence or '-'}"
            sent = r.unit_evidence
        print(
            f"{r.changed_at:%Y-%m-%d %H:%M}  {r.changed_by}  {r.source}  "
            f"{r.old_status or '-'} → {r.new_status}  {r.new_note}{evidence}"
        )
    return 0


def findings(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        rows = services.inspections.findings(
            unit=args.unit, open_only=args.open, inspection=args.inspection
        )
    if args.json:
        print_json([finding_json(r) for r in rows])
        return 0
    for r in rows:
        print(
            f"{r.id:>4}  {r.unit}  {r.state.value}  {r.deadline.isoformat()}  "
            f"{r.percent if r.percent is not None else '-'}%  {r.problem}"
        )
    print(count(len(rows), "finding"))
    return 0


def finding_json(row: FindingRow) -> dict[str, object]:
    return {
        "id": row.id,
        "inspection": row.inspection,
        "held_on": row.held_on.isoformat(),
        "unit": row.unit,
        "measure": row.measure_code,
        "problem": row.problem,
        "requirement": row.requirement,
        "deadline": row.deadline.isoformat(),
        "status": row.status.value,
        "state": row.state.value,
        "percent": row.percent,
        "note": row.note,
        "evidence": row.evidence,
        "unit_evidence": row.unit_evidence,
        "closed_at": row.closed_at.isoformat(timespec="seconds") if row.closed_at else None,
    }


def import_findings(args: argparse.Namespace) -> int:
    """A 问题清单: every line checked first; written only when none is wrong (else exit 2)."""
    from pathlib import Path

    with opened_services(args) as services:
        preview = services.inspections.preview_list(Path(args.file), args.inspection)
        if args.json:
            print_json(
                {
                    "file": preview.file_name,
                    "findings": [
                        {"sheet": p.sheet, "row": p.row, **asdict(p.finding)}
                        for p in preview.findings
                    ],
                    "new_inspections": [asdict(i) for i in preview.inspections],
                    "errors": [str(e) for e in preview.errors],
                }
            )
        else:
            for planned in preview.inspections:
                print(f"new inspection: {planned.name} ({planned.held_on.isoformat()})")
            for p in preview.findings:
                f = p.finding
                print(f"{p.sheet}!{p.row}  {f.unit}  {f.deadline.isoformat()}  {f.problem}")
        if preview.errors:
            for error in preview.errors:
                print(f"{preview.file_name}: {error}", file=sys.stderr)
            print(f"{count(len(preview.errors), 'error')}; nothing was imported.", file=sys.stderr)
            return 2
        if args.dry_run:
            print(
                f"{count(len(preview.findings), 'finding')} to import (dry run: nothing written)."
            )
            return 0
        written = services.inspections.apply_list(preview)
    print(f"{count(written, 'finding')} imported from {preview.file_name}.")
    return 0


# -- wiring --------------------------------------------------------------------------------
def register(sub: Any, parse_date: Callable[[str], date]) -> None:
    p = sub.add_parser("inspection", help="inspections (督查): new, list")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = actions.add_parser("new", help="record an inspection")
    q.add_argument("name")
    q.add_argument("--date", type=parse_date, required=True, help="YYYY-MM-DD")
    q.add_argument("--team", help="the inspection team (督查组)")
    q.set_defaults(handler=inspection_new)
    q = actions.add_parser("list", help="list the inspections")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=inspection_list)

    p = sub.add_parser("finding", help="findings (督查问题): add, progress, close, history")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = actions.add_parser("add", help="record a problem an inspection found")
    q.add_argument("--inspection", required=True)
    q.add_argument("--unit", required=True)
    q.add_argument("--measure", help="the measure's code, if the problem concerns one")
    q.add_argument("--doc", help="the measure's document, where codes repeat")
    q.add_argument("--problem", required=True)
    q.add_argument("--require", required=True, help="the required rectification (整改要求)")
    q.add_argument("--deadline", type=parse_date, required=True, help="整改时限, YYYY-MM-DD")
    q.set_defaults(handler=finding_add)
    q = actions.add_parser("progress", help="record a finding's rectification progress")
    q.add_argument("id", type=int)
    q.add_argument("--status")
    q.add_argument("--percent", type=int)
    q.add_argument("--note")
    q.set_defaults(handler=finding_progress)
    q = actions.add_parser("close", help="整改销号: close a finding, noting the evidence")
    q.add_argument("id", type=int)
    q.add_argument("--evidence", help="what shows it rectified")
    q.add_argument("--undo", action="store_true", help="reopen a closed finding")
    q.set_defaults(handler=finding_close)
    q = actions.add_parser("history", help="every change of a finding")
    q.add_argument("id", type=int)
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=finding_history)

    p = sub.add_parser("findings", help="list findings")
    p.add_argument("--unit")
    p.add_argument("--inspection")
    p.add_argument("--open", action="store_true", help="only those not closed")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=findings)

    p = sub.add_parser("import-findings", help="import an Excel list of findings (问题清单)")
    p.add_argument("file")
    p.add_argument("--inspection", help="the inspection of lines that name none")
    p.add_argument("--dry-run", action="store_true", help="check and list only")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=import_findings)
