"""A measure's sub-tasks (分工) as rows: what each parsed task stores, and a revision's pairing.

Its own module so the document writer stays about the document: every measure
stores at least one task (a measure whose parse gave none — no bracket at all —
gets one made of the measure itself), a task without its own deadline takes the
measure's when no sibling states one, and a revised measure's tasks continue the
stored ones by order and text, so a unit's progress on a sub-task stays with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from db.models import Task
from importers.policy import ParsedMeasure, ParsedTask
from tracker.documents.measure_lookup import task_code
from tracker.documents.measure_matching import MeasureText, match_measures


def parsed_tasks(measure: ParsedMeasure) -> list[ParsedTask]:
    """The measure's tasks in order; one made of the measure when the parse gave none."""
    if measure.tasks:
        return list(measure.tasks)
    return [
        ParsedTask(
            text=measure.text,
            lead_units=list(measure.lead_units),
            units=list(measure.units),
            deadline=measure.deadline,
            deadline_text=measure.deadline_text,
            standing=measure.standing,
            milestones=list(measure.milestones),
            line=measure.line,
        )
    ]


def _dated(task: ParsedTask) -> bool:
    return task.deadline is not None or task.deadline_text is not None or task.standing


def task_values(task: ParsedTask, measure: ParsedMeasure, seq: int, tasks: int) -> dict[str, Any]:
    """A task row's columns (the ``seq``-th of ``tasks``): its own deadline, else the
    measure's (and its standing) — unless a sibling task states one: then the measure's
    deadline is that sibling's sentence, not a rule for the whole measure, and a task
    without its own has none (as a clerk reads it)."""
    own = _dated(task) or any(_dated(t) for t in measure.tasks)
    return {
        "seq": seq,
        "code": task_code(measure.code, seq, tasks),
        "text": task.text,
        "deadline": task.deadline if own else measure.deadline,
        "deadline_text": task.deadline_text if own else measure.deadline_text,
        "standing": task.standing if own else measure.standing,
        "withdrawn": False,
    }


def pair_tasks(stored: Sequence[Task], parsed: Sequence[ParsedTask]) -> list[Task | None]:
    """For each parsed task, the stored task of the same measure it continues, or None.

    The same number of tasks continue in order (a reworded bracket keeps its
    progress); otherwise they are paired by text, one to one, the order a tie-break.
    A measure of one task that stays one task always continues it.
    """
    live = [t for t in stored if not t.withdrawn]
    if len(live) == len(parsed):
        return list(live)
    paired: list[Task | None] = [None] * len(parsed)
    old = [MeasureText(str(t.seq), "", t.text) for t in live]
    new = [MeasureText(str(seq), "", t.text) for seq, t in enumerate(parsed, 1)]
    for j, i in match_measures(old, new).items():
        paired[j] = live[i]
    return paired


def recode(tasks: Sequence[Task], measure_code: str) -> None:
    """Every task's code after its measure's code or its tasks changed (withdrawn ones keep
    their number, after the live ones)."""
    live = sum(1 for t in tasks if not t.withdrawn)
    for task in tasks:
        task.code = task_code(measure_code, task.seq, live if not task.withdrawn else 2)
