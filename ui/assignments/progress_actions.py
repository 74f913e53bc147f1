"""The progress edits a clerk can make, each pushed onto the undo stack.

In-cell edits (status, percent, 进展情况), "Edit progress…" on many rows (status,
percent and note together), 销号 (tick off, confirmed with a note — or a reason,
when the office's setting requires one — kept as the history entry's source) and
撤销销号 (undo tick off) all become a ``ProgressCommand`` so Ctrl+Z / Ctrl+Y work
the same for every one of them.  已完成 means the whole task: its percent becomes 100.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from tracker.errors import UserError
from tracker.statuses import Status
from ui.labels import state_label
from ui.messages import translated, warn

if TYPE_CHECKING:
    from tracker.progress.progress_service import ProgressService
    from tracker.records import AssignmentRow, UnitAnswers
from ui.assignments.progress_commands import (
    ProgressCommand,
    ProgressEditor,
    Step,
    UndoTickOffCommand,
    Values,
)
from ui.assignments.progress_dialogs import StatusAnswer, StatusDialog, TickOffDialog

TICK_OFF_SOURCE = "销号"


def tick_off_source(reason: str) -> str:
    """The history's source of a 销号: 销号, or 销号：<the clerk's note>."""
    reason = " ".join(reason.split())
    return f"{TICK_OFF_SOURCE}：{reason}"[:500] if reason else TICK_OFF_SOURCE


def _finished_in_full(values: Values) -> Values:
    """已完成 is the whole task: 100 %."""
    if values.status is Status.DONE and values.percent != 100:
        return dataclasses.replace(values, percent=100)
    return values


class ProgressActions(QObject):
    def __init__(
        self,
        progress: ProgressService,
        refresh: Callable[[Sequence[AssignmentRow]], list[AssignmentRow]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.stack = QUndoStack(self)
        self.editor = ProgressEditor(progress, refresh, self._report)
        self.stack.indexChanged.connect(self._step_back_over_a_failure)
        self.reason_required: Callable[[], bool] = lambda: False
        """Whether 销号 needs a reason (the office's setting, read when asked)."""

    def rebind(self, progress: ProgressService) -> None:
        """Another database was opened: edits go there, and the old ones cannot be undone."""
        self.editor.progress = progress
        self.editor.versions.clear()
        self.stack.clear()

    # -- in-cell edits (the table model's edit handler) -------------------------------------
    def edit_cell(self, row: AssignmentRow, field: str, value: object) -> bool:
        """Record one field typed into the table; False if the value was not acceptable."""
        before = Values.of(row)
        if field == "status":
            after = _finished_in_full(dataclasses.replace(before, status=Status(str(value))))
            text = self.tr("Set status of {0} / {1}").format(row.code, row.unit)
        elif field == "percent":
            percent = None if value is None else int(str(value))
            after = dataclasses.replace(before, percent=percent)
            text = self.tr("Set progress of {0} / {1}").format(row.code, row.unit)
        elif field == "note":
            after = dataclasses.replace(before, note=str(value).strip())
            text = self.tr("Edit progress report of {0} / {1}").format(row.code, row.unit)
        else:
            return False
        return self._push(ProgressCommand.setting(self.editor, [row], lambda _r: after, text))

    # -- actions on the selected rows -------------------------------------------------------
    def ask_status(self, rows: Sequence[AssignmentRow]) -> None:
        """ "Edit progress…": status, percent and note for every selected assignment."""
        if not rows:
            return
        answers = None
        if len(rows) == 1:
            try:
                answers = self.editor.progress.answers(rows[0].id)
            except UserError as exc:
                self._report([translated(exc)])
                return
        dialog = StatusDialog(rows, self.window, answers)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_values(rows, dialog.answer(), answers)

    def set_values(
        self,
        rows: Sequence[AssignmentRow],
        answer: StatusAnswer,
        answers: UnitAnswers | None = None,
    ) -> bool:
        """Set what ``answer`` says; ``answers`` (one row) are the 佐证材料 and 未按期完成原因
        the dialog started from, written back on undo."""

        def before(row: AssignmentRow) -> Values:
            if answers is None:
                return Values.of(row)
            return dataclasses.replace(
                Values.of(row), evidence=answers.evidence, delay_reason=answers.delay_reason
            )

        def after(row: AssignmentRow) -> Values:
            values = dataclasses.replace(before(row), status=answer.status)
            if answers is not None:
                values = dataclasses.replace(
                    values,
                    evidence=answers.evidence if answer.evidence is None else answer.evidence,
                    delay_reason=(
                        answers.delay_reason if answer.delay_reason is None else answer.delay_reason
                    ),
                )
            if answer.set_percent:
                values = dataclasses.replace(values, percent=answer.percent)
            if answer.set_note:
                values = dataclasses.replace(values, note=answer.note)
            return values if answer.set_percent else _finished_in_full(values)

        if len(rows) == 1:
            text = self.tr("Edit progress of {0} / {1}").format(rows[0].code, rows[0].unit)
        else:
            text = self._set_text(len(rows), answer.status)
        return self._push(
            ProgressCommand.setting(self.editor, rows, after, text, make_before=before)
        )

    def _set_text(self, n: int, status: Status) -> str:
        if n == 1:
            return self.tr("Set %n assignment to {0}", "", n).format(state_label(status))
        return self.tr("Set %n assignments to {0}", "", n).format(state_label(status))

    def set_status(self, rows: Sequence[AssignmentRow], status: Status) -> bool:
        text = self._set_text(len(rows), status)
        return self._push(
            ProgressCommand.setting(
                self.editor,
                rows,
                lambda r: _finished_in_full(dataclasses.replace(Values.of(r), status=status)),
                text,
            )
        )

    def confirm_tick_off(self, rows: Sequence[AssignmentRow]) -> bool:
        """销号 after the clerk confirmed it (with a note, or the reason the setting wants)."""
        rows = [r for r in rows if r.status is not Status.TICKED_OFF]
        if not rows:
            warn(self.window, self.tr("The selected assignments are ticked off already."))
            return False
        dialog = TickOffDialog(rows, self.reason_required(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.tick_off(rows, dialog.reason())

    def tick_off(self, rows: Sequence[AssignmentRow], reason: str = "") -> bool:
        """销号 every one of ``rows`` not ticked off yet; ``reason`` goes in their history."""
        n = len(rows)
        text = (
            self.tr("Tick off %n assignment", "", n)
            if n == 1
            else self.tr("Tick off %n assignments", "", n)
        )
        return self._push(
            ProgressCommand.setting(
                self.editor,
                rows,
                lambda r: dataclasses.replace(Values.of(r), status=Status.TICKED_OFF),
                text,
                source=tick_off_source(reason),
            )
        )

    def undo_tick_off(self, rows: Sequence[AssignmentRow]) -> bool:
        """撤销销号: back to the status each one had before it was ticked off."""
        ticked = [r for r in rows if r.status is Status.TICKED_OFF]
        if not ticked:
            warn(self.window, self.tr("None of the selected assignments is ticked off."))
            return False
        n = len(ticked)
        text = (
            self.tr("Undo tick-off of %n assignment", "", n)
            if n == 1
            else self.tr("Undo tick-off of %n assignments", "", n)
        )
        return self._push(UndoTickOffCommand(self.editor, ticked, text))

    def paste(self, changes: Sequence[tuple[AssignmentRow, Values]]) -> bool:
        """A paste (Ctrl+V) the clerk previewed: every row's new values, one undo step."""
        steps = [Step(row, Values.of(row), after) for row, after in changes]
        n = len(steps)
        text = (
            self.tr("Paste into %n assignment", "", n)
            if n == 1
            else self.tr("Paste into %n assignments", "", n)
        )
        return self._push(ProgressCommand(self.editor, steps, text))

    # -- helpers ----------------------------------------------------------------------------
    def _push(self, command: ProgressCommand) -> bool:
        """Push (that is, write) ``command``; False if nothing could be saved: it is not kept."""
        if command.is_empty():
            return False
        before = self.stack.index()
        self.stack.push(command)  # a command that saved nothing is obsolete: Qt drops it
        return self.stack.index() != before

    def _step_back_over_a_failure(self, _index: int) -> None:
        """An undo or redo that saved nothing: put the stack's index back where the database is.

        ``QUndoStack`` moves its index whatever the command did; the command asked to be
        stepped over (``ProgressEditor.pending``) and writes nothing this time.
        """
        pending, self.editor.pending = self.editor.pending, None
        if pending is None:
            return
        command, direction = pending
        command.skip_next = True
        if direction == "redo":
            self.stack.redo()
        else:
            self.stack.undo()

    def _report(self, messages: list[str]) -> None:
        shown = messages[:10]
        if len(messages) > len(shown):
            shown.append(self.tr("… and {0} more").format(len(messages) - len(shown)))
        warn(
            self.window,
            self.tr("Some changes could not be saved; the table now shows the current values.")
            + "\n\n"
            + "\n".join(shown),
        )
