"""Split one measure into its sub-tasks (分工), one per responsibility bracket.

Provincial documents often close every sentence or two of a measure with its
own bracket: ``…体系（A、B牵头，C配合）。加强…（B牵头，D配合）。``.  Each bracket
with the text since the previous bracket is one task with its own units, lead
and deadline.  Neighbouring brackets that name the same units in the same roles
restate one task and stay one; a measure with a single bracket (or none) is one
task.  Text after the last bracket belongs to the last task.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from importers.policy.clauses import Clause
from importers.policy.dates import DatedPhrase, read_deadline
from importers.policy.model import ParsedMilestone, ParsedTask

_EDGE = " 。，,；;、"


@dataclass(frozen=True)
class DateFacts:
    """The deadline and milestones read from one stretch of text."""

    deadline_text: str | None
    milestones: tuple[ParsedMilestone, ...]
    deadline: DatedPhrase | None
    """The latest "before" date when no clause states a deadline."""


def read_dates(phrases: Sequence[DatedPhrase], clauses: Sequence[Clause]) -> DateFacts:
    """Deadline wording (from a clause) or the latest 前 date, and the dated milestones."""
    outside = [d for d in phrases if not any(c.start <= d.start < c.end for c in clauses)]
    milestones = [d for d in outside if d.precise or d.before]
    stated = [c.deadline_text for c in clauses if c.deadline_text]
    due = [d for d in outside if d.before]
    latest = max(due, key=lambda d: d.date) if due and not stated else None
    found = (ParsedMilestone(phrase.date, phrase.context) for phrase in milestones)
    return DateFacts(stated[-1] if stated else None, tuple(dict.fromkeys(found)), latest)


def apply_dates(task: ParsedTask, facts: DateFacts, year: int | None = None) -> None:
    task.milestones = list(facts.milestones)
    if facts.deadline_text:
        deadline = read_deadline(facts.deadline_text, year)
        task.deadline_text, task.deadline = facts.deadline_text, deadline.date
        task.standing = deadline.standing
    elif facts.deadline is not None:
        task.deadline, task.deadline_text = facts.deadline.date, facts.deadline.wording


def split_tasks(
    text: str,
    title: str,
    clauses: Sequence[Clause],
    roles: Sequence[tuple[list[str], list[str]]],
    phrases: Sequence[DatedPhrase],
    line: int,
    year: int | None = None,
) -> list[ParsedTask]:
    """The tasks of a measure whose ``clauses`` were read into ``roles`` (units, leads) each.

    A measure left as one task gets no dates here: they are the measure's own.
    """
    spans = [c for c in clauses if c.end > c.start]
    if len(spans) < 2:
        units, leads = _union(roles)
        return [ParsedTask(_without(text, spans), leads, units, line=line)]
    groups: list[tuple[int, int, list[int]]] = []  # (text start, end, clause indexes)
    previous_end = 0
    for index, clause in enumerate(spans):
        if groups and roles[index] == roles[groups[-1][2][-1]]:
            start, _, members = groups[-1]
            groups[-1] = (start, clause.end, [*members, index])
        else:
            groups.append((previous_end, clause.end, [index]))
        previous_end = clause.end
    if len(groups) == 1:
        units, leads = roles[0]
        return [ParsedTask(_without(text, spans), list(leads), list(units), line=line)]
    tasks: list[ParsedTask] = []
    for number, (start, end, members) in enumerate(groups):
        if number == len(groups) - 1:
            end = len(text)
        own = [spans[i] for i in members]
        segment = _without(text[start:end], [_shift(c, -start) for c in own])
        if number == 0 and segment.startswith(title) and len(segment) > len(title) + 1:
            segment = segment[len(title) :].strip(_EDGE)
        units, leads = roles[members[0]]
        task = ParsedTask(segment, list(leads), list(units), line=line)
        inside = [p for p in phrases if start <= p.start < end]
        apply_dates(task, read_dates(inside, own), year)
        tasks.append(task)
    return tasks


def _union(roles: Sequence[tuple[list[str], list[str]]]) -> tuple[list[str], list[str]]:
    units = [u for unit_list, _ in roles for u in unit_list]
    leads = [u for _, lead_list in roles for u in lead_list]
    leads = list(dict.fromkeys(leads))
    return list(dict.fromkeys([*leads, *units])), leads


def _shift(clause: Clause, offset: int) -> Clause:
    return Clause(
        clause.start + offset,
        clause.end + offset,
        clause.units,
        clause.leads,
        clause.deadline_text,
        clause.first_listed,
        clause.each,
    )


def _without(text: str, clauses: Sequence[Clause]) -> str:
    """``text`` with the clauses cut out, trimmed of the punctuation left at its ends."""
    for clause in sorted(clauses, key=lambda c: c.start, reverse=True):
        if clause.end > clause.start:
            text = text[: clause.start] + text[clause.end :]
    return text.strip(_EDGE)
