"""``tracker-cli merge-units`` and ``delete-doc``: the two commands that fold or remove data,
each saying exactly what it kept or what goes."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tracker.cli.cli_services import opened_services
from tracker.cli.counts import count

if TYPE_CHECKING:
    from tracker.units.unit_merge import MergePlan, Progress


def values(progress: Progress) -> str:
    """One assignment's values on one line: status, percent, and the texts that are set."""
    parts = [progress.status, "-" if progress.percent is None else f"{progress.percent}%"]
    for label, text in (
        ("进展", progress.note),
        ("问题", progress.problems),
        ("计划", progress.next_steps),
    ):
        if text:
            parts.append(f"{label}「{' / '.join(text.splitlines())}」")
    return " ".join(parts)


def merge_lines(plan: MergePlan) -> list[str]:
    """What a merge did: the assignments moved, then each collision with both values and
    what was kept."""
    lines = [
        f"merged {plan.source} into {plan.target}: {count(plan.moved, 'assignment')} moved, "
        f"{count(len(plan.collisions), 'measure')} assigned to both"
    ]
    for c in plan.collisions:
        lines.append(f"  {c.doc_label} {c.code} {c.title}")
        lines.append(f"    {plan.source}: {values(c.source)}")
        lines.append(f"    {plan.target}: {values(c.target)}")
        lines.append(f"    kept ({c.choice}): {values(c.kept)}")
    return lines


def merge_units(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        plan = services.units.merge(args.source, args.target)
    print("\n".join(merge_lines(plan)))
    return 0


def delete_doc(args: argparse.Namespace) -> int:
    """Without ``--yes``: what would go, and nothing deleted (exit 0)."""
    with opened_services(args) as services:
        document = services.documents.deletion(args.doc)
        print(f"{document.label}  {document.title}")
        print(
            f"  {count(document.measures, 'measure')}, "
            f"{count(document.assignments, 'assignment')}, "
            f"{count(document.history, 'history entry', 'history entries')}, "
            f"{count(document.ledger_exports, 'ledger export')}"
        )
        if not args.yes:
            print("Nothing was deleted. Run again with --yes to delete the document.")
            return 0
        services.documents.delete(document.id)
    print("deleted (a backup was made first)")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("merge-units", help="fold one unit into another")
    p.set_defaults(handler=merge_units)
    p.add_argument("source")
    p.add_argument("target")
    p = sub.add_parser(
        "delete-doc", help="delete a document, its measures, assignments and their history"
    )
    p.set_defaults(handler=delete_doc)
    p.add_argument("doc", help="the document's id, number or a piece of its title")
    p.add_argument("--yes", action="store_true", help="delete without asking (else: a dry run)")
