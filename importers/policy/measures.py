"""Turn one measure's text into a ``ParsedMeasure``: title, units, leads, deadline.

Who leads, when the clause does not say it outright, follows the document's
own conventions in this order: the clause (牵头单位 / 会同 / 牵头), a
document-wide ``排在第一位的部门为牵头部门``, the heading's 牵头 units that
the measure names, and finally the first unit named.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from importers.messages import QT_TRANSLATE_NOOP, Message
from importers.policy.clauses import Clause, find_clauses, named_first
from importers.policy.dates import DatedPhrase, find_dates, read_deadline
from importers.policy.model import ParsedMeasure, ParsedMilestone, ParseWarning
from importers.policy.tasks import split_tasks


@dataclass(frozen=True)
class Placement:
    """Where a measure stands in the document and what its headings say."""

    part: str | None = None
    part_number: int | None = None
    section: str | None = None
    section_number: int | None = None
    heading_leads: tuple[str, ...] = ()
    """The 牵头 units of the nearest heading that names any."""


@dataclass
class Assignment:
    """Units and deadline stated outside the text, e.g. in the columns of a task table."""

    leads: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    deadline_text: str | None = None


def build_measure(
    code: str,
    text: str,
    line: int,
    placement: Placement,
    *,
    first_listed_leads: bool = False,
    leads_named: bool = False,
    assignment: Assignment | None = None,
    aliases: Mapping[str, str] | None = None,
    year: int | None = None,
) -> tuple[ParsedMeasure, list[ParseWarning]]:
    """The measure, with a warning for each thing that could not be read.

    ``year`` is the document's year of issue: a bare ``年底前`` ends that year.
    ``leads_named``: the document names leads in its clauses (``names_a_lead``), so
    where it writes ``A、B、C分工负责`` without one, each of them leads its part.
    """
    warnings: list[ParseWarning] = []
    clauses = find_clauses(text, aliases)
    if assignment is not None:
        clauses.append(_stated(assignment))
    spans = [clause for clause in clauses if clause.end > clause.start]
    title = measure_title(text, clauses)
    rule = _LeadRule(first_listed_leads, leads_named)
    phrases = find_dates(text, year)
    if assignment is None and len(spans) > 1:
        roles = [_units_and_leads([c], placement, rule) for c in spans]
        tasks = split_tasks(text, title, spans, roles, phrases, line, year)
    else:
        whole = _units_and_leads(clauses, placement, rule)
        tasks = split_tasks(text, title, clauses, [whole], phrases, line, year)
    leads = list(tasks[0].lead_units)
    units = list(dict.fromkeys([*leads, *(u for task in tasks for u in task.units)]))
    measure = ParsedMeasure(
        code=code,
        title=title,
        text=text,
        part=placement.part,
        part_number=placement.part_number,
        section=placement.section,
        section_number=placement.section_number,
        lead_units=leads,
        units=units,
        line=line,
        tasks=tasks,
    )
    if not units:
        no_unit = QT_TRANSLATE_NOOP("messages", "measure {code} names no responsible unit")
        warnings.append(ParseWarning(line, Message(no_unit, {"code": code})))
    _set_dates(measure, phrases, clauses, warnings, year)
    if len(tasks) == 1:
        # One task: its dates are the measure's (read once, not twice).
        only = tasks[0]
        only.deadline, only.deadline_text = measure.deadline, measure.deadline_text
        only.standing, only.milestones = measure.standing, list(measure.milestones)
    return measure, warnings


def measure_title(text: str, clauses: Sequence[Clause] = ()) -> str:
    """The first sentence, up to the first 。 and never into a responsibility clause."""
    end = text.find("。")
    end = len(text) if end == -1 else end
    for clause in clauses:
        if clause.end > clause.start:
            end = min(end, clause.start)
    return text[:end].strip(" ，,；;：:")


def _stated(assignment: Assignment) -> Clause:
    leads = tuple(dict.fromkeys(assignment.leads))
    units = tuple(dict.fromkeys([*assignment.leads, *assignment.others]))
    return Clause(0, 0, units, leads, assignment.deadline_text, first_listed=False)


@dataclass(frozen=True)
class _LeadRule:
    """What the document says about leads where a clause does not."""

    first_listed: bool
    """排在第一位的部门为牵头部门 was said before this measure."""
    named: bool
    """The document names leads elsewhere (牵头, 牵头单位：…)."""


def _units_and_leads(
    clauses: Sequence[Clause], placement: Placement, rule: _LeadRule
) -> tuple[list[str], list[str]]:
    """The units and the leads: as the clause states them; else the first listed if
    the document says so; else the heading's 牵头 units named here; else, for
    ``A、B、C分工负责`` in a document that names leads where it means one, each of A, B, C
    (every unit answers for its own part: none of them leads the others; a collective
    beside them, ``等有关部门``, helps); else the first unit named (seed 003 names no
    lead anywhere: its first listed is the 牵头部门 its closing paragraph speaks of)."""
    named = list(dict.fromkeys(unit for clause in clauses for unit in clause.units))
    stated = list(dict.fromkeys(unit for clause in clauses for unit in clause.leads))
    if not named:
        # No clause of its own: the measure belongs to its heading's lead units.
        leads = list(placement.heading_leads)
        return leads, leads
    if stated:
        leads = stated
    elif rule.first_listed or any(clause.first_listed for clause in clauses):
        leads = named[:1]
    elif heading := [unit for unit in named if unit in placement.heading_leads]:
        leads = heading
    elif rule.named and any(clause.each for clause in clauses):
        leads = named_first(named)
    else:
        leads = named[:1]
    units = list(dict.fromkeys([*leads, *named]))
    return units, leads


def _set_dates(
    measure: ParsedMeasure,
    phrases: Sequence[DatedPhrase],
    clauses: Sequence[Clause],
    warnings: list[ParseWarning],
    year: int | None,
) -> None:
    outside = [d for d in phrases if not _inside_clause(d, clauses)]
    milestones = [d for d in outside if d.precise or d.before]
    stated = [c.deadline_text for c in clauses if c.deadline_text]
    if stated:
        wording = stated[-1]
        deadline = read_deadline(wording, year)
        measure.deadline_text = wording
        measure.deadline = deadline.date
        measure.standing = deadline.standing
        if not deadline.readable:
            message = Message(
                QT_TRANSLATE_NOOP("messages", "measure {code}: cannot read deadline {wording!r}"),
                {"code": measure.code, "wording": wording},
            )
            warnings.append(ParseWarning(measure.line, message))
        in_wording = find_dates(wording, year, stated=True)
        if len(in_wording) > 1:
            milestones.extend(in_wording)
    else:
        due = [d for d in outside if d.before]
        if due:
            latest = max(due, key=lambda d: d.date)
            measure.deadline, measure.deadline_text = latest.date, latest.wording
    found = (ParsedMilestone(phrase.date, phrase.context) for phrase in milestones)
    measure.milestones = list(dict.fromkeys(found))


def _inside_clause(phrase: DatedPhrase, clauses: Sequence[Clause]) -> bool:
    return any(c.start <= phrase.start < c.end for c in clauses)
