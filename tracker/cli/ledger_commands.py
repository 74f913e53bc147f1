"""``tracker-cli`` commands for reporting rounds and Excel work ledgers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importers.messages import QT_TRANSLATE_NOOP
from tracker.cli.cli_services import opened_services
from tracker.cli.counts import count
from tracker.cli.general_commands import print_json
from tracker.errors import InvalidInputError

if TYPE_CHECKING:
    from tracker.ledgers.ledger_records import FileReporting


def rounds(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        found = services.rounds.list()
    if args.json:
        print_json(
            [
                {
                    "name": r.name,
                    "as_of": r.as_of.isoformat(),
                    "deadline": r.deadline.isoformat() if r.deadline else None,
                    "exports": r.exports,
                    "imports": r.imports,
                    "units_sent": r.units_sent,
                    "units_reported": r.units_reported,
                    "units_not_reported": r.units_not_reported,
                }
                for r in found
            ]
        )
    else:
        for r in found:  # units, as round-status counts them; then the files
            due = f"  due {r.deadline}" if r.deadline else ""
            print(
                f"{r.name}  as of {r.as_of}{due}  {count(r.units_sent, 'unit')} sent, "
                f"{r.units_reported} reported, {r.units_not_reported} not reported  "
                f"({count(r.exports, 'file')} out, {r.imports} back)"
            )
    return 0


def new_round(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        created = services.rounds.create(args.name, args.as_of, args.deadline)
    due = f", due back by {created.deadline}" if created.deadline else ""
    print(f"round {created.name} (as of {created.as_of}{due}) created")
    return 0


def export_ledger(args: argparse.Namespace) -> int:
    """Prints each file written; each unit whose file could not be written goes to stderr,
    one line each, after the others were written — and the exit status is then 2."""
    from tracker.ledgers.ledger_export import UnitExports

    out = Path(args.out)
    with opened_services(args) as services:
        exporter = services.ledger_export
        if args.master:
            outcome = UnitExports(written=[exporter.export_master(args.round, out)])
        elif args.all:
            outcome = exporter.export_each_unit(args.round, out)
        elif args.unit:
            outcome = exporter.export_each_unit(args.round, out, units=args.unit)
        else:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "say which ledger: --unit U, --all or --master")
            )
    for path in outcome.written:
        print(path)
    if outcome.memberless:  # nobody to send them to (tracker.units.memberless)
        skipped = count(len(outcome.memberless), "collective")
        print(
            f"no ledger for {skipped} with no members yet "
            f"(give them members: tracker-cli group NAME --add UNIT): "
            + "、".join(outcome.memberless)
        )
    for failure in outcome.failed:
        print(f"tracker-cli: error: {failure.unit}: {failure.reason}", file=sys.stderr)
    return 2 if outcome.failed else 0


def import_ledger(args: argparse.Namespace) -> int:
    """Preview and apply returned ledgers; 2 when any file was refused or skipped.

    A file without its hidden sheet is taken as the ``--unit``'s; without ``--unit``
    it is skipped with a message saying so (the unit is never guessed).  A dry run
    exits 0 only if every file would apply.
    """
    from tracker.ledgers.ledger_import import ledger_paths
    from tracker.rounds.file_reporting import reporting_words

    paths = [Path(p) for p in args.paths]
    units = {p: args.unit for p in ledger_paths(paths)} if args.unit else None
    with opened_services(args) as services:
        importer = services.ledger_import
        previews = importer.preview(paths, args.round, units=units)
        if args.json:
            report: dict[str, Any] = {"files": [p.to_json() for p in previews]}
        else:
            _print_previews(previews)
        if args.return_notices:
            for p in previews:
                if p.rejected and p.error is None:
                    print(importer.return_notice(p, Path(args.return_notices)), file=sys.stderr)
        refused = [
            p.file
            for p in previews
            if p.blocking(apply_valid=args.apply_valid, settled=args.prefer is not None) is not None
        ]
        if not args.dry_run:
            result = importer.apply(
                paths,
                args.round,
                expected=previews,
                units=units,
                apply_valid=args.apply_valid,
                prefer=args.prefer,
            )
            refused = [name for name, _ in result.skipped]
            if args.json:
                report["applied"] = result.applied
                report["contacts_updated"] = result.contacts
                report["skipped"] = [{"file": f, "reason": str(r)} for f, r in result.skipped]
                report["reporting"] = {f: r.to_json() for f, r in result.reporting.items()}
            else:
                for name, reported in result.reporting.items():  # read back, as the window
                    print(f"reported {name}: {reporting_words(reported)}")
                waiting = ""
                if result.extensions:
                    asked = count(result.extensions, "extension request")
                    waiting = f"; {asked} to decide (tracker-cli extensions)"
                print(
                    f"applied {count(len(result.applied), 'file')}, "
                    f"{count(result.changes, 'change')}, "
                    f"{count(result.contacts, 'contact')} updated{waiting}"
                )
                for name, reason in result.skipped:  # one line each, as every refusal
                    print(f"tracker-cli: error: {_named(name, str(reason))}", file=sys.stderr)
                for p in previews:  # its unit is still to be told which cells to correct
                    if p.rejected and p.file in result.applied and not args.return_notices:
                        print(
                            f"{p.file}: {count(len(p.rejected), 'rejected cell')} not taken; "
                            "send its unit a 退回单 (--return-notices DIR)"
                        )
    if args.json:
        print_json(report)
    return 2 if refused else 0


def _named(file: str, reason: str) -> str:
    """``reason`` naming ``file`` first, once (a reader's message names it already)."""
    return reason if reason.startswith(f"{file}:") else f"{file}: not imported: {reason}"


def _reporting_line(reporting: FileReporting) -> str:
    """What the file would be in its round's 报送情况 if imported today, and why."""
    from tracker.rounds.file_reporting import reporting_words

    if reporting.correction:
        why = "supersedes the unit's earlier return; its first return decides on time or late"
    elif reporting.deadline is None:
        why = "the round has no reporting deadline"
    else:
        why = f"due back by {reporting.deadline.isoformat()}"
    return f"   reporting: {reporting_words(reporting)} ({why})"


def _print_previews(previews: list[Any]) -> None:
    for p in previews:
        print(f"== {p.file}  unit: {p.unit or '-'}  round: {p.round_name or '-'}")
        if p.error:
            print(f"   error: {p.error}")
            continue
        if p.master:
            print("   master ledger (总台账): not counted in reporting (不计入报送情况)")
        if p.reporting is not None:
            print(_reporting_line(p.reporting))
        if not p.keys_found:
            print("   the hidden keys are gone: rows matched by 措施编号 + 责任单位")
        if p.needs_unit:
            suggested = ", ".join(p.unit_suggestions) or "-"
            print(f"   needs a unit: name it with --unit NAME (suggested: {suggested})")
        for c in p.changed:
            print(f"   change  {c.code} {c.unit} {c.label}: {c.old!r} → {c.new!r}")
        for r in p.rejected:
            print(f"   reject  {r.sheet}!{r.cell}: {r.reason}")
        for c in p.conflicts:
            print(
                f"   conflict {c.code} {c.unit} {c.field}: exported {c.exported!r}, "
                f"office now {c.office!r}, unit returned {c.returned!r}"
            )
        for i in p.ignored:
            print(f"   ignored {i.sheet}!{i.cell}: {i.reason}")
        for k in p.kept:
            print(f"   emptied, kept {k.sheet}!{k.cell} {k.code} {k.unit}: {k.office!r}")
        for w in p.warnings:
            print(f"   warning {w.sheet}!{w.cell} {w.code} {w.unit}: {w.reason}")
        for c in p.contacts:
            print(f"   contact {c.unit} {c.label}: {c.old!r} → {c.new!r}")
        for e in p.finding_edits:
            print(f"   finding {e.sheet}!{e.cell} {e.problem} {e.label}: {e.old!r} → {e.new!r}")
        for x in p.requests:  # 申请延期: pending the office's decision once applied
            deadline = x.deadline.isoformat() if x.deadline else "-"
            print(
                f"   extension {x.sheet}!{x.cell} {x.code} {x.unit}: "
                f"{deadline} → {x.requested.isoformat()} ({x.reason})"
            )
        asked = f", {count(len(p.requests), 'extension request')}" if p.requests else ""
        print(
            f"   {count(len(p.changed), 'change')}, {count(p.unchanged, 'row')} unchanged, "
            f"{len(p.rejected)} rejected, {count(len(p.conflicts), 'conflict')}, "
            f"{len(p.ignored)} ignored, {len(p.kept)} emptied and kept, "
            f"{count(len(p.warnings), 'warning')}, "
            f"{count(len(p.finding_edits), 'finding change')}{asked}"
        )


def undo_import(args: argparse.Namespace) -> int:

    with opened_services(args) as services:
        files = services.ledger_import.undo_last()
    print(f"undone: {', '.join(files)}")
    return 0


def register(sub: Any, parse_date: Any) -> None:
    p = sub.add_parser("rounds", help="list the reporting rounds")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=rounds)
    p = sub.add_parser("new-round", help="open a reporting round (调度轮次)")
    p.add_argument("name")
    p.add_argument("--as-of", type=parse_date, required=True, help="YYYY-MM-DD")
    p.add_argument(
        "--deadline", type=parse_date, help="报送截止日期: ledgers due back by (YYYY-MM-DD)"
    )
    p.set_defaults(handler=new_round)
    p = sub.add_parser("export-ledger", help="write Excel work ledgers")
    p.add_argument("--round", help="round name (default: the latest)")
    p.add_argument("--unit", action="append", help="a unit (repeatable)")
    p.add_argument("--all", action="store_true", help="one ledger per unit")
    p.add_argument("--master", action="store_true", help="the master ledger")
    p.add_argument("--out", required=True, help="folder to write into")
    p.set_defaults(handler=export_ledger)
    p = sub.add_parser("import-ledger", help="take back filled-in ledgers (files or folders)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--round")
    p.add_argument("--dry-run", action="store_true", help="preview only")
    p.add_argument("--unit", help="the unit of files whose hidden sheet is gone (never guessed)")
    p.add_argument(
        "--apply-valid",
        action="store_true",
        help="apply the valid rows of files with rejected cells (the rejected rows are kept)",
    )
    p.add_argument(
        "--return-notices",
        metavar="DIR",
        help="write a 退回单 for each file with rejected cells into DIR (paths on stderr)",
    )
    p.add_argument(
        "--prefer",
        choices=("unit", "office"),
        help="settle every conflict with the unit's or the office's value",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=import_ledger)
    p = sub.add_parser("undo-import", help="undo the last ledger import")
    p.set_defaults(handler=undo_import)
