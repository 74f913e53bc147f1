"""``tracker-cli report``: print a report to a PDF or Word file (format by suffix);
``tracker-cli report-settings``: the bulletin's name, 主送, and the contact on chasers.

A bulletin written to a file is issued: it takes this year's next 第X期 and is
stored whole (``tracker.reports.bulletins``); ``--reprint N`` prints an issued one again,
identically.  Wire-up: ``tracker.cli.cli_main.build_parser`` calls ``report_commands.register``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importers.messages import QT_TRANSLATE_NOOP
from tracker.cli.cli_services import opened_services
from tracker.cli.counts import count
from tracker.database_settings import (
    BULLETIN_NAME,
    BULLETIN_RECIPIENTS,
    REPORT_CONTACT,
    REPORT_PHONE,
    DatabaseSetting,
)
from tracker.errors import InvalidInputError, UserError
from tracker.reports.report_kinds import KINDS

if TYPE_CHECKING:
    from tracker.reports.report_bulletin_facts import AchievementChoice

SETTINGS: tuple[tuple[str, DatabaseSetting[str]], ...] = (
    ("name", BULLETIN_NAME),
    ("recipients", BULLETIN_RECIPIENTS),
    ("contact", REPORT_CONTACT),
    ("phone", REPORT_PHONE),
)
"""``report-settings``' options and the database settings they set."""


def _help(setting: DatabaseSetting[str]) -> str:
    return f"{setting.label} (default {setting.default})" if setting.default else setting.label


def _paragraphs(path: str | None) -> list[str] | None:
    """A UTF-8 text file as paragraphs (one per non-empty line); None without a file."""
    if not path:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "cannot read {file}: {reason}"),
            file=Path(path).name,
            reason=getattr(exc, "strerror", None) or exc,
        ) from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def report(args: argparse.Namespace) -> int:
    from tracker.reports.report_service import (
        ReportRequest,
        check_target,
        save_report,
    )

    if args.list_achievements or args.pick is not None:
        _bulletin_only(args.kind)
    if args.list_achievements:
        return list_achievements(args)
    units = args.unit or []
    to_folder = Path(args.out or "").suffix.lower() not in (".pdf", ".docx")
    if args.kind == "chaser" and (args.not_reported or args.overdue or len(units) > 1 or to_folder):
        return chasers(args)
    if len(units) > 1:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "only a chaser is for several units: name one unit")
        )
    if args.not_reported or args.overdue:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "--not-reported and --overdue choose units to chase")
        )
    unit = units[0] if units else None
    out = Path(args.out)
    check_target(out)
    achievements = _paragraphs(args.achievements)
    with opened_services(args) as services:
        service = services.reports
        bulletins = services.bulletins
        issued = None
        if args.kind == "bulletin" and args.reprint:
            year = args.year or services.today().year
            document = bulletins.reprint(year, args.reprint)
        elif args.kind == "bulletin":
            text = service.bulletin_text(bulletins.next_number())
            if args.pick is not None:
                choices = service.achievement_choices(args.round, args.doc)
                achievements = _picked(choices, args.pick) + (achievements or [])
            text.achievements = achievements
            if args.scores:
                text.scores = service.published_scores(args.round)
            document = service.bulletin(args.round, args.note or "", args.doc, text)
        else:
            document = service.build(
                ReportRequest(
                    kind=args.kind,
                    round_name=args.round,
                    unit=unit,
                    document=args.doc,
                    note=args.note or "",
                    reply_by=args.reply_by,
                    current=args.current,
                )
            )
        if args.kind == "chaser":
            document = services.chasers.take_for(document).report
        pages = save_report(document, out)
        if args.kind == "bulletin" and not args.reprint:
            issued = bulletins.issue(document, services.rounds.chosen(args.round).name)
    print(f"{out}" + (f"  ({count(pages, 'page')})" if pages else ""))
    if issued is not None:
        print(f"issued: {issued.year} No. {issued.number}")
    return 0


def _bulletin_only(kind: str) -> None:
    if kind != "bulletin":
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages", "only a bulletin has achievements to pick (--kind bulletin)"
            )
        )


def list_achievements(args: argparse.Namespace) -> int:
    """The bulletin's 主要成效 to pick from, numbered for ``--pick``; [x]: printed by default."""

    with opened_services(args) as services:
        choices = services.reports.achievement_choices(args.round, args.doc)
    for n, choice in enumerate(choices, start=1):
        print(f"{n:>3} [{'x' if choice.ticked else ' '}] {choice.text}")
    return 0


def _picked(choices: list[AchievementChoice], spec: str) -> list[str]:
    """The choices ``spec`` numbers ("1,3,4"; empty: none), in the order given."""
    numbers = [part.strip() for part in spec.replace("，", ",").split(",") if part.strip()]
    if not all(n.isdigit() and 1 <= int(n) <= len(choices) for n in numbers):
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages",
                "--pick {value}: choose numbers from 1 to {count} "
                "(as --list-achievements lists them)",
            ),
            value=spec,
            count=len(choices),
        )
    return [choices[int(n) - 1].text for n in numbers]


def chasers(args: argparse.Namespace) -> int:
    """Chasers for a set of units into the folder ``--out``: one file per unit and one
    combined file; prints each file and the numbers taken."""
    from tracker.reports.chasers import ChaserRequest

    folder = Path(args.out)
    suffix = folder.suffix.lower()
    if suffix in (".pdf", ".docx"):
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages",
                "chasers for several units go into a folder: give --out FOLDER "
                "(--format pdf or docx)",
            )
        )
    request = ChaserRequest(
        units=tuple(args.unit or ()),
        not_reported=args.not_reported,
        overdue=args.overdue,
        round_name=args.round,
        reply_by=args.reply_by,
        document=args.doc,
    )
    with opened_services(args) as services:
        service = services.chasers
        drafts = service.drafts(request)
        round_name = services.rounds.chosen(args.round).name if args.not_reported else None
        issued = service.take_numbers(drafts, round_name)
        written = service.save_all(issued, folder, f".{args.format}")
    for path in written:
        print(path)
    first, last = issued[0], issued[-1]
    print(f"{count(len(issued), 'chaser')}: {first.label}–{last.label}")
    return 0


def report_settings(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        for option, setting in SETTINGS:
            value = getattr(args, option)
            if value is not None:
                services.settings.set(setting, value.strip())
        for option, setting in SETTINGS:
            print(f"{option}: {services.settings.get(setting)}")
    if args.fonts:
        from importers.reports.fonts import ReportFontError, find_fonts

        try:
            print("\n".join(find_fonts().report()))
        except ReportFontError as exc:
            raise UserError.from_message(exc.as_message()) from None
    return 0


def register(sub: Any, parse_date: Any) -> None:
    p = sub.add_parser(
        "report",
        help="print a report (bulletin, unit task list, chaser, ledger) to .pdf or .docx",
    )
    p.add_argument("--kind", choices=KINDS, required=True)
    p.add_argument("--round", help="round for the bulletin or the ledger (default: the latest)")
    p.add_argument(
        "--unit",
        action="append",
        help="the unit (required for unit; optional for ledger); chaser: repeatable",
    )
    p.add_argument(
        "--not-reported",
        action="store_true",
        help="chaser: every unit that has not returned the round's ledger",
    )
    p.add_argument(
        "--overdue", action="store_true", help="chaser: every unit with an overdue task or finding"
    )
    p.add_argument(
        "--format",
        choices=("pdf", "docx"),
        default="pdf",
        help="chasers for several units: the files' format (default pdf)",
    )
    p.add_argument("--doc", help="only this document (number or short title)")
    p.add_argument("--note", help="bulletin: 下步工作, one paragraph per line (default text)")
    p.add_argument(
        "--achievements",
        metavar="FILE",
        help="bulletin: 主要成效 from a UTF-8 text file, one paragraph per line, after those "
        "chosen with --pick (default: the round's facts and notes marked [x] by "
        "--list-achievements)",
    )
    p.add_argument(
        "--pick",
        metavar="N,N",
        help="bulletin: 主要成效 as these of the round's facts and notes, numbered as "
        "--list-achievements lists them (e.g. 1,3,4)",
    )
    p.add_argument(
        "--scores",
        action="store_true",
        help="bulletin: print the round's published 考核得分 and ranking (section 四)",
    )
    p.add_argument("--reprint", type=int, metavar="N", help="bulletin: reprint issued No. N")
    p.add_argument("--year", type=int, help="with --reprint: the year (default: this year)")
    p.add_argument(
        "--reply-by", type=parse_date, help="chaser: reply by this day (default: today + 5 days)"
    )
    p.add_argument(
        "--current",
        action="store_true",
        help="ledger: today's values rather than those reported for the round",
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", help="FILE.pdf or FILE.docx; chasers for several units: a FOLDER")
    target.add_argument(
        "--list-achievements",
        action="store_true",
        help="bulletin: list the round's facts and notes to pick 主要成效 from, numbered "
        "for --pick ([x]: printed by default); writes no file",
    )
    p.set_defaults(handler=report)
    s = sub.add_parser("report-settings", help="show or set the bulletin's name, 主送, contact")
    for option, setting in SETTINGS:
        s.add_argument(f"--{option}", help=_help(setting))
    s.add_argument(
        "--fonts", action="store_true", help="also list the fonts reports use (the font report)"
    )
    s.set_defaults(handler=report_settings)
