"""``tracker-cli score-rules``, ``score`` and ``score-remark``: 考核 from the command line.

``score-rules`` shows the rules in force (``--set EVENT=POINTS[:CAP]`` saves a new
version from ``--from``); ``score`` shows a round's scores, every line of every unit,
``--publish`` freezes them and ``--recalculate --reason`` publishes a new version;
``score-remark`` records a 通报表扬/批评 with its note.  Wire-up:
``tracker.cli.cli_main.build_parser`` calls ``score_commands.register``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importers.messages import QT_TRANSLATE_NOOP
from tracker.cli.cli_services import opened_services
from tracker.cli.general_commands import print_json
from tracker.errors import InvalidInputError

if TYPE_CHECKING:
    from tracker.assessment.score_rules import RuleSet
    from tracker.assessment.scoring import RoundScores


def score_rules(args: argparse.Namespace) -> int:
    with opened_services(args) as services:
        service = services.assessment
        if args.set:
            start = args.effective_from or services.today()
            rules = service.change_rules(args.set, start, args.reason or "")
            print(f"Saved the scoring rules as version {rules.version}, in force from {start}.")
        elif args.history:
            versions = service.rule_versions()
            if args.json:
                print_json([r.to_json() for r in versions])
                return 0
            for found in versions:
                print(f"version {found.version}  from {found.effective_from}  {found.reason}")
            if not versions:
                print("No saved version: the default rules (version 0) are in force.")
            return 0
        else:
            rules = service.rules_in_force(args.effective_from)
        if args.json:
            print_json(rules.to_json())
        else:
            _print_rules(rules)
    return 0


def _print_rules(rules: RuleSet) -> None:
    from tracker.assessment.score_rules import BASE_LABEL, show

    since = rules.effective_from or "always (defaults)"
    print(f"Scoring rules version {rules.version}, in force from {since}  {rules.reason}")
    print(f"  {'base':<22} {show(rules.base):>6}  {BASE_LABEL}")
    for kind, rule in rules.rules.items():
        cap = f"cap {show(rule.cap)}" if rule.cap is not None else ""
        print(f"  {kind.value:<22} {show(rule.points, True):>6}  {kind.label}  {cap}".rstrip())


def score(args: argparse.Namespace) -> int:
    if args.recalculate and not args.publish and not (args.reason or "").strip():
        raise InvalidInputError(QT_TRANSLATE_NOOP("messages", "a recalculation needs its reason"))
    with opened_services(args) as services:
        service = services.assessment
        if args.publish:
            scores = service.publish(args.round)
        elif args.recalculate:
            scores = service.recalculate(args.round, args.reason)
        else:
            scores = service.scores(args.round, fresh=args.fresh)
        if args.export:
            service.export(scores, Path(args.export))
    if args.unit:
        scores = _only(scores, args.unit)
    if args.json:
        print_json(scores.to_json())
        return 0
    _print_scores(scores)
    if args.export:
        print(f"Written: {args.export}")
    return 0


def _only(scores: RoundScores, unit: str) -> RoundScores:
    from dataclasses import replace

    kept = tuple(u for u in scores.units if u.unit == unit.strip())
    if not kept:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "{unit!r} has no score in {round}"),
            unit=unit,
            round=scores.round,
        )
    return replace(scores, units=kept)


def _print_scores(scores: RoundScores) -> None:
    from tracker.assessment.score_rules import show

    print(f"{scores.round} (as of {scores.as_of}), rules version {scores.rules_version}")
    if scores.published:
        reason = f", reason: {scores.reason}" if scores.reason else ""
        print(
            f"Published version {scores.version} on {scores.published_at:%Y-%m-%d %H:%M} "
            f"by {scores.published_by}{reason}"
        )
    else:
        print("Not published: computed now, may still change.")
    for unit in scores.units:
        rank = str(unit.rank) if unit.rank is not None else "-"
        note = f"  ({unit.not_ranked})" if unit.not_ranked else ""
        print(f"{rank:>3}  {unit.unit}  {show(unit.total)}{note}")
        for line in unit.lines:
            where = f"  {line.measure}" if line.measure else ""
            detail = f"  {line.detail}" if line.detail else ""
            points = show(line.points, signed=line.event != "base")
            print(f"       {points:>6}  {line.label}{where}{detail}")


def score_remark(args: argparse.Namespace) -> int:
    from tracker.assessment.score_rules import EventKind

    with opened_services(args) as services:
        service = services.assessment
        if args.delete is not None:
            service.delete_remark(args.delete)
            print(f"Remark {args.delete} deleted.")
            return 0
        if args.unit:
            if not (args.commend or args.criticise):
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "say --commend or --criticise")
                )
            kind = EventKind.COMMENDATION if args.commend else EventKind.CRITICISM
            made = service.add_remark(args.round, args.unit, kind, args.note or "")
            print(f"Recorded {made.kind.label} of {made.unit} in {made.round} (remark {made.id}).")
            return 0
        remarks = service.remarks(args.round)
    if args.json:
        print_json([{**r.__dict__, "kind": r.kind.value} for r in remarks])
        return 0
    for r in remarks:
        print(f"{r.id:>4}  {r.round}  {r.unit}  {r.kind.label}  {r.note}  ({r.recorded_by})")
    return 0


def register(sub: Any, parse_date: Callable[[str], date]) -> None:
    p = sub.add_parser("score-rules", help="考核 rules: show them, or --set a new version")
    p.set_defaults(handler=score_rules)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--set",
        action="append",
        metavar="EVENT=POINTS[:CAP]",
        help="change one rule (repeatable), e.g. overdue_lead=-5:10, base=80; saved as a "
        "new version",
    )
    p.add_argument(
        "--from",
        dest="effective_from",
        type=parse_date,
        help="the day the new version is in force from (default today); without --set, "
        "show the rules in force that day",
    )
    p.add_argument("--reason", help="why the rules changed (kept with the version)")
    p.add_argument("--history", action="store_true", help="list the saved versions")

    p = sub.add_parser("score", help="a round's 考核 scores per unit, line by line")
    p.set_defaults(handler=score)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--round", help="the round (default: the latest)")
    p.add_argument("--unit", help="only this unit's score")
    p.add_argument("--publish", action="store_true", help="freeze the round's scores")
    p.add_argument(
        "--recalculate",
        action="store_true",
        help="publish a new version computed now (needs --reason)",
    )
    p.add_argument("--reason", help="why the published scores are recalculated")
    p.add_argument(
        "--fresh", action="store_true", help="compute now even if published (not stored)"
    )
    p.add_argument("--export", metavar="FILE.xlsx", help="also write the scores to Excel")

    p = sub.add_parser("score-remark", help="record a 通报表扬/批评 for a unit, or list them")
    p.set_defaults(handler=score_remark)
    p.add_argument("unit", nargs="?", help="the unit (without it: list the round's remarks)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--round", help="the round (default: the latest)")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--commend", action="store_true", help="通报表扬")
    kind.add_argument("--criticise", action="store_true", help="通报批评")
    p.add_argument("--note", help="what it is for (required)")
    p.add_argument("--delete", type=int, metavar="ID", help="take back remark ID")
