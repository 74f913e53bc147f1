"""Undoable progress edits: every change a clerk makes in the table is a ``QUndoCommand``.

Undo does not rewind the database: it records the previous values back through
``ProgressService.record`` (source 撤销), and redo records the new ones again
(source 重做), so the history shows every step.

A step that fails (a stale version, or the database locked, full, gone…) is never
left claiming success on the undo stack: see ``ProgressCommand``.

Every write names the version it expects.  A command's first write expects the
version the clerk saw in the table; later undos and redos expect the version
this window itself wrote last (``ProgressEditor.versions``).  So if another
clerk saved the assignment in between, the step is refused with a message and
its row re-read, while the command's other steps stand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from tracker.errors import UserError

if TYPE_CHECKING:  # the service is handed in; its module is not needed to show the window
    from tracker.progress.progress_service import Change, ProgressService
    from tracker.records import AssignmentRow
from tracker.statuses import Status
from ui.messages import translated

MANUAL = "手工"
"""The source of a change typed in the window (``tracker.progress.progress_service.MANUAL``)."""
UNDO_SOURCE = "撤销"
REDO_SOURCE = "重做"


@dataclass(frozen=True)
class Values:
    """The fields of an assignment the table edits."""

    status: Status
    percent: int | None
    note: str
    evidence: str | None = None
    """佐证材料; None leaves it as stored (the table's rows do not carry it)."""
    delay_reason: str | None = None
    """未按期完成原因; None leaves it as stored."""

    @classmethod
    def of(cls, row: AssignmentRow) -> Values:
        return cls(row.status, row.percent, row.note)

    def change(self) -> Change:
        from tracker.progress.progress_service import Change

        return Change(
            status=self.status,
            percent=self.percent,
            note=self.note,
            clear_percent=self.percent is None,
            evidence=self.evidence,
            delay_reason=self.delay_reason,
        )


@dataclass
class Step:
    """One assignment's part in a command."""

    row: AssignmentRow  # as seen when the command was made
    before: Values
    after: Values


class StackCommand(QUndoCommand):
    """A command on the window's undo stack whose undo or redo may save nothing: the stack
    then steps back over it (``ProgressEditor.pending``), and it writes nothing that time."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.skip_next = False
        """Set when the stack steps back over a failed undo/redo: nothing to write then."""

    def skipped(self) -> bool:
        """True (once) when this undo/redo is the stack stepping back: nothing to do."""
        skip, self.skip_next = self.skip_next, False
        return skip


class ProgressEditor:
    """What the commands need from the window: the service, re-reading rows, reporting."""

    def __init__(
        self,
        progress: ProgressService,
        refresh: Callable[[Sequence[AssignmentRow]], list[AssignmentRow]],
        report: Callable[[list[str]], None],
    ) -> None:
        self.progress = progress
        self.refresh = refresh
        """Re-reads these rows, puts them in the table and returns them."""
        self.report = report
        """Shows messages about steps that could not be applied."""
        self.versions: dict[int, int] = {}
        """assignment id → the version this window's last write produced."""
        self.pending: tuple[StackCommand, str] | None = None
        """A command whose undo/redo wrote nothing, and which way the stack must step back
        (``"redo"``/``"undo"``): the stack moved its index anyway (see ``ProgressActions``)."""

    def write(self, step: Step, values: Values, source: str, *, first: bool) -> None:
        assignment_id = step.row.id
        expected = step.row.version if first else self.versions[assignment_id]
        self.versions[assignment_id] = self.progress.record(
            assignment_id, values.change(), expected_version=expected, source=source
        )

    def wrote(self, versions: dict[int, int]) -> None:
        """This window wrote these versions another way (a ledger import, its undo): the
        edits it made before still expect what is stored now."""
        for assignment_id, version in versions.items():
            if assignment_id in self.versions:
                self.versions[assignment_id] = version

    def reread(self, rows: Sequence[AssignmentRow], failures: list[str]) -> list[AssignmentRow]:
        """The rows re-read (and shown); nothing if the database cannot be read now."""
        try:
            return self.refresh(rows)
        except UserError as exc:
            failures.append(translated(exc))
            return []


class ProgressCommand(StackCommand):
    """Set values on one or more assignments: one step per assignment.

    The stack and the database agree after any failure: a step that could not be
    written leaves the command; a first write that saved nothing leaves the stack
    without the command (obsolete: ``QUndoStack.push`` drops it); an undo or redo
    that saved nothing keeps the command where it was (the stack steps back, see
    ``ProgressActions``), so Ctrl+Z can be tried again once the database is free.
    """

    def __init__(
        self, editor: ProgressEditor, steps: list[Step], text: str, source: str = MANUAL
    ) -> None:
        super().__init__(text)
        self.editor = editor
        self.steps = steps
        self.source = source
        """The history's source of the first write (手工, or 销号 with its reason)."""
        self._done_once = False

    @classmethod
    def setting(
        cls,
        editor: ProgressEditor,
        rows: Sequence[AssignmentRow],
        make_after: Callable[[AssignmentRow], Values],
        text: str,
        source: str = MANUAL,
        make_before: Callable[[AssignmentRow], Values] = Values.of,
    ) -> ProgressCommand:
        """A command giving each row ``make_after(row)``; rows it would not change are left out.
        ``make_before(row)`` is what undo writes back (the row's values by default)."""
        steps = []
        for row in rows:
            before, after = make_before(row), make_after(row)
            if after != before:
                steps.append(Step(row, before, after))
        return cls(editor, steps, text, source)

    def is_empty(self) -> bool:
        return not self.steps

    def redo(self) -> None:
        if self.skipped():
            return
        first = not self._done_once
        self._done_once = True
        source = self.source if first else REDO_SOURCE
        if not self._apply(lambda step: step.after, source, first=first) and not first:
            self.editor.pending = (self, "undo")

    def undo(self) -> None:
        if self.skipped():
            return
        if not self._apply(lambda step: step.before, UNDO_SOURCE, first=False):
            self.editor.pending = (self, "redo")

    def _apply(self, target: Callable[[Step], Values], source: str, *, first: bool) -> bool:
        """Write each step; False if none could be written (the command then stays as it was,
        or, on its first write, becomes obsolete)."""
        failures: list[str] = []
        bugs: list[Exception] = []
        kept: list[Step] = []
        for step in self.steps:
            try:
                self.editor.write(step, target(step), source, first=first)
            except UserError as exc:
                failures.append(translated(exc))
            except Exception as exc:  # a bug: the step's transaction was rolled back
                bugs.append(exc)
            else:
                kept.append(step)
        self.editor.reread([step.row for step in self.steps], failures)
        if kept or first:
            self.steps = kept
        if not self.steps:
            self.setObsolete(True)
        if failures:
            self.editor.report(failures)
        if bugs:
            raise bugs[0]  # to the crash hook, once the stack knows what was saved
        return bool(kept)


class UndoTickOffCommand(ProgressCommand):
    """撤销销号: the service finds the status each row had before it was ticked off."""

    def __init__(self, editor: ProgressEditor, rows: Sequence[AssignmentRow], text: str) -> None:
        # The earlier status is not known yet: ``after`` is filled in by the first redo.
        steps = [Step(r, Values.of(r), Values.of(r)) for r in rows if r.status is Status.TICKED_OFF]
        super().__init__(editor, steps, text)

    def redo(self) -> None:
        if self._done_once:
            super().redo()
            return
        self._done_once = True
        failures: list[str] = []
        bugs: list[Exception] = []
        kept: list[Step] = []
        for step in self.steps:
            try:
                restored = self.editor.progress.undo_tick_off(step.row.id)
            except UserError as exc:
                failures.append(translated(exc))
            except Exception as exc:  # a bug: the step's transaction was rolled back
                bugs.append(exc)
            else:
                # Saved: the step stays even if the row cannot be read back now (only its
                # status changed), so the stack and the database agree.
                step.after = replace(step.before, status=restored.status)
                self.editor.versions[step.row.id] = restored.version
                kept.append(step)
        fresh = {r.id: r for r in self.editor.reread([s.row for s in self.steps], failures)}
        self.steps = kept
        for step in kept:
            now = fresh.get(step.row.id)
            if now is not None:
                step.after = Values.of(now)
                self.editor.versions[now.id] = now.version
        if failures:
            self.editor.report(failures)
        if not self.steps:
            self.setObsolete(True)
        if bugs:
            raise bugs[0]
