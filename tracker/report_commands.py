"""``tracker-cli report``: print a report to a PDF or Word file (format by suffix).

Wire-up: ``tracker.cli.build_parser`` calls ``report_commands.register(sub, _date)``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tracker.reports import KINDS, ReportRequest, ReportService, check_target, save_report
from tracker.services import opened_services


def report(args: argparse.Namespace) -> int:
    out = Path(args.out)
    check_target(out)
    with opened_services(args) as services:
        document = ReportService(services.store).build(
            ReportRequest(
                kind=args.kind,
                round_name=args.round,
                unit=args.unit,
                document=args.doc,
                note=args.note or "",
                reply_by=args.reply_by,
                current=args.current,
            )
        )
    pages = save_report(document, out)
    print(f"{out}" + (f"  ({pages} pages)" if pages else ""))
    return 0


def register(sub: Any, parse_date: Any) -> None:
    p = sub.add_parser(
        "report",
        help="print a report (bulletin, unit task list, chaser, ledger) to .pdf or .docx",
    )
    p.add_argument("--kind", choices=KINDS, required=True)
    p.add_argument("--round", help="round for the bulletin or the ledger (default: the latest)")
    p.add_argument("--unit", help="the unit (required for unit and chaser; optional for ledger)")
    p.add_argument("--doc", help="only this document (number or short title)")
    p.add_argument("--note", help="a paragraph of your own for the bulletin")
    p.add_argument(
        "--reply-by", type=parse_date, help="chaser: reply by this day (default: today + 5 days)"
    )
    p.add_argument(
        "--current",
        action="store_true",
        help="ledger: today's values rather than those reported for the round",
    )
    p.add_argument("--out", required=True, help="FILE.pdf or FILE.docx")
    p.set_defaults(handler=report)
