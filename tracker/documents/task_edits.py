"""A clerk's corrections to a parsed document's sub-tasks (分工), made in the import preview.

The parser reads most documents right, but a clerk who knows the document may
still need to split a task the parser kept whole, merge two it split, turn a
supporting unit into the lead (or back), drop a unit it misread or add one it
missed.  Each edit here is a pure function: it takes a ``ParsedDocument`` and
returns a new one with the change (the one measure touched is copied; the
others are shared, never changed), so the preview keeps every earlier version
for undo and imports the last.  After every edit the measure's own ``units``
and ``lead_units`` are again the union of its tasks' and the first task's
leads, as the document writer expects.

A task is named by ``TaskRef``: the measure's index in ``document.measures``
and the task's index in that measure's ``tasks``.  An edit that cannot be made
as asked raises ``InvalidInputError`` with a message for the clerk.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from importers.messages import QT_TRANSLATE_NOOP
from importers.policy.dates import find_dates
from importers.policy.model import ParsedDocument, ParsedMeasure, ParsedMilestone, ParsedTask
from importers.policy.tasks import apply_dates, read_dates
from importers.policy.units import canonical_unit
from tracker.errors import InvalidInputError

_EDGE = " 。，,；;、"
_SENTENCE_END = re.compile(r"[。；;！？!?]")


class TaskRef(NamedTuple):
    """Where a task is: ``document.measures[measure].tasks[task]``."""

    measure: int
    task: int


def task_code(measure: ParsedMeasure, index: int) -> str:
    """The task's number as shown: ``3-2`` under a measure of several tasks, else ``3``."""
    return f"{measure.code}-{index + 1}" if len(measure.tasks) > 1 else measure.code


def sentence_ends(text: str) -> list[int]:
    """The places a task's text may be split at: after each 。；！？ but the last."""
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    return [end for end in ends if text[end:].strip(_EDGE)]


def split_task(
    document: ParsedDocument,
    ref: TaskRef,
    at: int,
    *,
    first_units: Sequence[str] | None = None,
    second_units: Sequence[str] | None = None,
) -> ParsedDocument:
    """Split a task's text at character ``at`` into two tasks, one after the other.

    Each part gets the units given for it (by default all the task's), each
    keeping its role; a part given no lead unit is led by its first unit, as
    the parser reads a bracket that names no lead.  A part whose own text names
    a "before" date (``2025年底前``) takes it as its deadline, otherwise the
    task's deadline; each milestone goes to the part that states it.
    """

    def edit(measure: ParsedMeasure) -> None:
        old = measure.tasks[ref.task]
        head, tail = old.text[:at].strip(_EDGE), old.text[at:].strip(_EDGE)
        if not head or not tail:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages", "task {code} cannot be split there: both parts need some text"
                ),
                code=task_code(measure, ref.task),
            )
        in_head = {phrase.date for phrase in find_dates(head)}
        in_tail = {phrase.date for phrase in find_dates(tail)}
        # A milestone neither part dates was read from the bracket, which closes the tail.
        early = [m for m in old.milestones if m.date in in_head and m.date not in in_tail]
        late = [m for m in old.milestones if m not in early]
        first = _part(old, head, old.units if first_units is None else first_units, early)
        second = _part(old, tail, old.units if second_units is None else second_units, late)
        measure.tasks[ref.task : ref.task + 1] = [first, second]

    return _edited(document, ref, edit)


def merge_with_next(document: ParsedDocument, ref: TaskRef) -> ParsedDocument:
    """Merge a task with the one after it in the same measure.

    The texts are joined, the units united (the first task's leads, then the
    second's, then the others), the later deadline kept.
    """

    def edit(measure: ParsedMeasure) -> None:
        if ref.task + 1 >= len(measure.tasks):
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "task {code} has no next task to merge with"),
                code=task_code(measure, ref.task),
            )
        first, second = measure.tasks[ref.task], measure.tasks[ref.task + 1]
        leads = list(dict.fromkeys([*first.lead_units, *second.lead_units]))
        merged = ParsedTask(
            text=_joined(first.text, second.text),
            lead_units=leads,
            units=list(dict.fromkeys([*leads, *first.units, *second.units])),
            milestones=list(dict.fromkeys([*first.milestones, *second.milestones])),
            line=first.line,
        )
        dated = [t for t in (first, second) if t.deadline is not None]
        worded = [t for t in (first, second) if t.deadline_text or t.standing]
        later = max(dated, key=lambda t: t.deadline or date.min) if dated else None
        later = later or (worded[0] if worded else first)
        merged.deadline, merged.deadline_text = later.deadline, later.deadline_text
        merged.standing = later.standing
        measure.tasks[ref.task : ref.task + 2] = [merged]

    return _edited(document, ref, edit)


def set_lead(document: ParsedDocument, ref: TaskRef, unit: str, lead: bool) -> ParsedDocument:
    """Make ``unit`` a lead (牵头) unit of the task, or a supporting (配合) one."""

    def edit(measure: ParsedMeasure) -> None:
        task = measure.tasks[ref.task]
        _require(measure, ref, unit)
        if lead:
            leads = list(dict.fromkeys([*task.lead_units, unit]))
        else:
            leads = [u for u in task.lead_units if u != unit]
        task.lead_units = leads
        task.units = _ordered(task.units, leads)

    return _edited(document, ref, edit)


def remove_unit(document: ParsedDocument, ref: TaskRef, unit: str) -> ParsedDocument:
    """Take a wrongly read unit off the task (it leaves the measure if no other task names it)."""

    def edit(measure: ParsedMeasure) -> None:
        task = measure.tasks[ref.task]
        _require(measure, ref, unit)
        task.units = [u for u in task.units if u != unit]
        task.lead_units = [u for u in task.lead_units if u != unit]

    return _edited(document, ref, edit)


def add_unit(
    document: ParsedDocument, ref: TaskRef, unit: str, *, lead: bool = False
) -> ParsedDocument:
    """Add a unit the parser missed to the task, as a lead or a supporting unit."""
    name = canonical_unit(unit.strip())

    def edit(measure: ParsedMeasure) -> None:
        task = measure.tasks[ref.task]
        if not name:
            raise InvalidInputError(QT_TRANSLATE_NOOP("messages", "type the unit's name"))
        if name in task.units:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "task {code} already names {unit}"),
                code=task_code(measure, ref.task),
                unit=name,
            )
        task.lead_units = [*task.lead_units, name] if lead else task.lead_units
        task.units = _ordered([*task.units, name], task.lead_units)

    return _edited(document, ref, edit)


# -- the pieces ---------------------------------------------------------------------------
def _edited(
    document: ParsedDocument, ref: TaskRef, edit: Callable[[ParsedMeasure], None]
) -> ParsedDocument:
    """A copy of ``document`` whose measure ``ref.measure`` (a deep copy) went through ``edit``."""
    if not 0 <= ref.measure < len(document.measures):
        raise IndexError(f"no measure {ref.measure}")
    measure = copy.deepcopy(document.measures[ref.measure])
    if not 0 <= ref.task < len(measure.tasks):
        raise IndexError(f"measure {measure.code} has no task {ref.task}")
    edit(measure)
    measure.lead_units = list(measure.tasks[0].lead_units)
    every = (unit for task in measure.tasks for unit in task.units)
    measure.units = list(dict.fromkeys([*measure.lead_units, *every]))
    measures = list(document.measures)
    measures[ref.measure] = measure
    return dataclasses.replace(document, measures=measures)


def _part(
    old: ParsedTask, text: str, units: Sequence[str], milestones: Sequence[ParsedMilestone]
) -> ParsedTask:
    """One part of a split task; its deadline is its own "before" date if it names one."""
    units = [unit for unit in dict.fromkeys(units) if unit in old.units]
    leads = [unit for unit in old.lead_units if unit in units] or units[:1]
    task = ParsedTask(
        text=text,
        lead_units=leads,
        units=_ordered(units, leads),
        deadline=old.deadline,
        deadline_text=old.deadline_text,
        standing=old.standing,
        line=old.line,
    )
    own = read_dates(find_dates(text), [])
    if own.deadline is not None:
        apply_dates(task, own)
        task.standing = False
    task.milestones = list(milestones)
    return task


def _ordered(units: Sequence[str], leads: Sequence[str]) -> list[str]:
    """Leads first, then the others in their order."""
    return list(dict.fromkeys([*leads, *units]))


def _joined(first: str, second: str) -> str:
    """Two texts as one: a 。 between them unless the first ends a sentence already."""
    if not first or not second or first.endswith(("。", "；", ";", "！", "？", "!", "?")):
        return first + second
    return f"{first}。{second}"


def _require(measure: ParsedMeasure, ref: TaskRef, unit: str) -> None:
    if unit not in measure.tasks[ref.task].units:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "task {code} does not name {unit}"),
            code=task_code(measure, ref.task),
            unit=unit,
        )
