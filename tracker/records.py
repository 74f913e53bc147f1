"""Plain objects the services hand to the CLI and the GUI (never ORM instances)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from tracker.statuses import STATUS_BY_TEXT, Derived, Status, derive
from tracker.units.memberless import is_memberless


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    title: str
    short_title: str
    doc_number: str | None
    issuer: str | None
    issued_on: date | None
    source_name: str
    revision: int
    measures: int
    effective_on: date | None = None
    """When the clerk says it took effect (rounds count its tasks from then)."""


@dataclass(frozen=True)
class UnitInfo:
    id: int
    name: str
    kind: str
    aliases: tuple[str, ...]
    contact_person: str
    phone: str
    needs_review: bool
    assigned: int = 0
    """The unit's assignments in force; a group's: its members' shares of its tasks."""
    open: int = 0
    overdue: int = 0
    members: tuple[str, ...] = ()
    """A group's members, in the office's order."""

    @property
    def memberless(self) -> bool:
        """A collective with no member yet: shown, sent no ledger, ranked nowhere
        (``tracker.units.memberless``)."""
        return is_memberless(self.kind, self.members)


@dataclass(frozen=True)
class NewUnit:
    """A unit name an import had never seen: created, and listed for a clerk to review."""

    name: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class AssignmentRow:
    """One row of the assignment table: a unit's part in a measure, as seen today."""

    id: int
    document_id: int
    doc_label: str
    measure_id: int
    code: str
    """The sub-task's code: ``3-1``, or the measure's own (``3``) when it has one task."""
    measure_code: str
    """The code of the measure the sub-task is of (``3``)."""
    title: str
    part: str | None
    section: str | None
    unit: str
    role: str
    status: Status
    state: Derived
    percent: int | None
    note: str
    deadline: date | None
    deadline_text: str | None
    updated_at: datetime
    updated_by: str
    version: int
    group: str | None = None
    """A member's share of a group's task: the group (各市、县（区）) it answers for."""
    original_deadline: date | None = None
    """The measure's deadline when an approved extension gave this unit a later one
    (``deadline``); None otherwise."""
    outer_group: str | None = None
    """The group ``group``'s own part of the measure is a share of: 各市、县（区） for a
    county's share of 银川市's part, when the counties answer directly."""
    task_start: str | None = None
    """The start of the sub-task's own text (``3-2``'s) when the measure has several, what
    the list's 重点任务 shows for it; None for a measure of one task (its title is shown)."""

    @property
    def shown_title(self) -> str:
        """The list's 重点任务: a sub-task's own text, else the measure's title."""
        return self.task_start or self.title


TASK_START_LENGTH = 60
"""How much of a sub-task's text the list shows (the detail pane shows it whole)."""

TaskStarts = Mapping[tuple[int, str], str]
"""(measure id, sub-task code) → the start of the sub-task's text
(``tracker.progress.assignment_columns.SUB_TASK_STARTS``, read by :func:`task_starts`)."""


def task_starts(rows: Iterable[Sequence[Any]]) -> dict[tuple[int, str], str]:
    """The rows of ``SUB_TASK_STARTS`` as :data:`TaskStarts`: each text's first
    :data:`TASK_START_LENGTH` characters, its white space made single spaces."""
    return {
        (measure_id, code): " ".join(text.split())[:TASK_START_LENGTH]
        for measure_id, code, text in rows
    }


def assignment_row(
    columns: Sequence[Any], today: date, due_soon_days: int, starts: TaskStarts | None = None
) -> AssignmentRow:
    """A table row from the columns of the assignment list, in the order both readers
    select them (``tracker.progress.assignment_columns.COLUMNS``, read by
    ``OverviewService`` and ``tracker.progress.quick_look``): the assignment's id,
    role, status, percent, note, updated at and by, version; the measure's id, code,
    title, deadline, deadline text; the unit's name; the document's id, number and
    short title; the part's and the section's titles; the group a member's share
    answers for; the unit's own deadline (an approved extension's); the group that
    group's part is a share of (nested groups whose members answer directly); the code of
    the measure the sub-task is of.  ``starts``: the sub-tasks' texts (``task_starts``)."""
    (aid, role, status_text, percent, note, updated_at, updated_by, version) = columns[:8]
    (measure_id, code, title, deadline, deadline_text, unit) = columns[8:14]
    doc_id, number, short, part, section, group, own_deadline, outer_group = columns[14:22]
    measure_code = columns[22]
    status = STATUS_BY_TEXT[status_text]
    original = deadline if own_deadline is not None else None
    deadline = own_deadline if own_deadline is not None else deadline
    start = None if starts is None or code == measure_code else starts.get((measure_id, code))
    return AssignmentRow(
        id=aid,
        document_id=doc_id,
        doc_label=number or short,
        measure_id=measure_id,
        code=code,
        measure_code=measure_code,
        title=title,
        part=part,
        section=section,
        unit=unit,
        role=role,
        status=status,
        state=derive(status, deadline, today, due_soon_days),
        percent=percent,
        note=note,
        deadline=deadline,
        deadline_text=deadline_text,
        updated_at=updated_at,
        updated_by=updated_by,
        version=version,
        group=group,
        original_deadline=original,
        outer_group=outer_group,
        task_start=start,
    )


@dataclass(frozen=True)
class HistoryRow:
    changed_at: datetime
    changed_by: str
    source: str
    old_status: str | None
    new_status: str
    old_percent: int | None
    new_percent: int | None
    old_note: str | None
    new_note: str
    round: str | None = None
    """The reporting round the change belongs to (ledger imports, changes made in a round)."""
    new_problems: str | None = None
    new_next_steps: str | None = None
    old_evidence: str | None = None
    """佐证材料 before and after (None: the entry did not touch it)."""
    new_evidence: str | None = None
    old_delay_reason: str | None = None
    """未按期完成原因 before and after (None: the entry did not touch it)."""
    new_delay_reason: str | None = None
    old_deadline: date | None = None
    """The unit's deadline before and after an approved extension (None: untouched);
    such an entry (``tracker.extensions.extension_history``) changes no progress."""
    new_deadline: date | None = None


@dataclass(frozen=True)
class UnitAnswers:
    """What a unit wrote beside its progress that the table does not show: 佐证材料 (the
    evidence it has) and 未按期完成原因 (why an overdue task is not done)."""

    evidence: str
    delay_reason: str


@dataclass(frozen=True)
class MeasureChange:
    """How a measure differs between the stored document and a revised file."""

    code: str
    kind: str  # "added" | "removed" | "changed" | "renumbered"
    details: tuple[str, ...] = ()
    fields: tuple[FieldDiff, ...] = ()
    """The same differences as data, for a window to word in the user's language."""
    old_code: str | None = None
    """The stored measure's number when the revision numbers the same measure otherwise."""
    moved_units: tuple[str, ...] = ()
    """The units whose recorded progress moves with the measure to its new number."""


@dataclass(frozen=True)
class FieldDiff:
    """One field of a measure that a revision changes: ``title``, ``text``, ``deadline``,
    ``units`` (old/new: the added and removed unit names joined by 、)."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class MilestoneInfo:
    due_on: date
    text: str


@dataclass(frozen=True)
class TaskInfo:
    """A sub-task (分工) of a measure: its code (``3-2``), what it asks, its deadline."""

    code: str
    text: str
    standing: bool


@dataclass(frozen=True)
class MeasureInfo:
    """One measure of a document, assigned or not."""

    id: int
    code: str
    title: str
    deadline: date | None
    deadline_text: str | None
    standing: bool
    part: str | None
    section: str | None


@dataclass(frozen=True)
class MeasureDetail:
    """Everything the detail pane shows about one measure."""

    id: int
    document_id: int
    doc_label: str
    code: str
    title: str
    text: str
    part: str | None
    section: str | None
    deadline: date | None
    deadline_text: str | None
    standing: bool
    milestones: tuple[MilestoneInfo, ...]
    assignments: tuple[AssignmentRow, ...]
    tasks: tuple[TaskInfo, ...] = ()
    """Its sub-tasks in force, in order (one, with the measure's text, when not split)."""
    memberless: frozenset[str] = frozenset()
    """Its units that are collectives with no member yet (``tracker.units.memberless``)."""


@dataclass(frozen=True)
class OutlineHeading:
    id: int
    number: int
    title: str
    sections: tuple[OutlineHeading, ...] = ()


@dataclass(frozen=True)
class OutlineDocument:
    """A document's heading tree, for the navigator."""

    id: int
    label: str
    title: str
    parts: tuple[OutlineHeading, ...]


@dataclass
class ImportOutcome:
    """What importing a policy document did, or would do.

    ``state``: "created", "unchanged" (the same file again), "revision_pending"
    (a revised version: nothing written, ``changes`` lists the differences) or
    "revised" (the revision was applied).
    """

    state: str
    document_id: int | None
    measures: int = 0
    assignments: int = 0
    unassigned_codes: list[str] = field(default_factory=list)
    new_units: list[NewUnit] = field(default_factory=list)
    changes: list[MeasureChange] = field(default_factory=list)


@dataclass(frozen=True)
class PlannedUnit:
    """A unit a document names: the known unit it resolves to, or suggestions for a new one."""

    name: str
    existing: str | None
    suggestions: tuple[str, ...]


@dataclass
class ImportPlan:
    """A preview of importing a document; ``state`` is "new", "unchanged" or "revision"."""

    state: str
    document_id: int | None
    parts: int
    sections: int
    measures: int
    unassigned_codes: list[str]
    units: list[PlannedUnit]
    changes: list[MeasureChange]
    stored: str = ""  # the stored document it is or revises: its 文号, else its short title


@dataclass(frozen=True)
class UnitStats:
    unit: str
    assigned: int
    by_status: dict[str, int]
    overdue: int
    due_soon: int
    group: str | None = None
    """The group the unit answers for as a member (its shares of the group's tasks)."""


@dataclass(frozen=True)
class PartStats:
    document: str
    part: str
    assignments: int
    finished: int
    ticked_off: int
    overdue: int

    @property
    def completion(self) -> float:
        return self.finished / self.assignments if self.assignments else 0.0


@dataclass(frozen=True)
class GroupStats:
    """A group's tasks as its members' shares make them: done when every share is done."""

    name: str
    members: tuple[str, ...]
    """By name (the totals' rows come in no order; ``tracker-cli group`` lists the office's)."""
    tasks: int
    done: int
    overdue: int
    """Tasks with at least one member's share overdue."""
    shares: int


@dataclass(frozen=True)
class Summary:
    measures: int
    assignments: int
    by_status: dict[str, int]
    overdue: int
    due_soon: int
    units: list[UnitStats]
    groups: list[GroupStats] = field(default_factory=list)
    """Each group answered by its members (各市、县（区）), from its members' shares."""


@dataclass(frozen=True)
class NamedRef:
    """A document or unit as a user named it: its id and the name it is shown by.

    What one service hands another instead of an ORM object bound to its session."""

    id: int
    name: str
