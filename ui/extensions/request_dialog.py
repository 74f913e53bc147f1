"""A request the office types itself (新建申请): a unit asked by phone or by letter.

Opened from the extension requests page ("New request…") or from a row's right-click
menu in the main table ("Request an extension…", the row's task and unit filled in).
The clerk picks the unit and its task (each shown with its deadline now), the new
date, the unit's reason and the round it came in; OK records it pending through
``ExtensionService.request`` (source 手工).  What the service refuses — a date not
later than the deadline now, a task without a fixed deadline — is said in the dialog,
which stays open to be corrected.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import UserError
from tracker.extensions.extension_records import ExtensionInfo, TaskChoice
from tracker.extensions.extension_service import ExtensionService
from ui.inspections.finding_dialogs import date_edit, picked_date
from ui.messages import translated

DEFAULT_DAYS = 30
"""The new date first offered: this many days after the deadline now (or today)."""


def deadline_now(task: TaskChoice) -> str:
    """The task's deadline now as the main table shows it: the document's words
    (``2021年底``), else the date; after an approval, the unit's date and the words it
    replaced (``2022-06-30（原 2021年底）``)."""
    if task.deadline is None:
        return ""
    if task.original is not None:
        return (
            f"{task.deadline.isoformat()}（原 {task.deadline_text or task.original.isoformat()}）"
        )
    return task.deadline_text or task.deadline.isoformat()


def _searchable(combo: QComboBox) -> None:
    """Typing part of a name or a number narrows the list (a unit among hundreds)."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)


class RequestDialog(QDialog):
    """``made`` is the request recorded once the dialog is accepted."""

    def __init__(
        self,
        extensions: ExtensionService,
        today: date,
        unit: str | None = None,
        assignment_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.extensions = extensions
        self.today = today
        self.made: ExtensionInfo | None = None
        self.tasks: list[TaskChoice] = []
        self.setWindowTitle(self.tr("New extension request"))
        self.resize(640, 420)
        self.unit = QComboBox()
        _searchable(self.unit)
        self.task = QComboBox()
        _searchable(self.task)
        self.current = QLabel()
        self.until = date_edit(today + timedelta(days=DEFAULT_DAYS))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why the unit asks for more time"))
        self.round = QComboBox()
        self.round.addItem(self.tr("(none)"), None)
        for found in extensions.rounds.list():
            self.round.addItem(found.name, found.name)
        self.round.setCurrentIndex(self.round.count() - 1)  # the latest round
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c")  # (the overdue red)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record request"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Task"), self.task)
        form.addRow(self.tr("Deadline now"), self.current)
        form.addRow(self.tr("New deadline"), self.until)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Came in the round"), self.round)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.unit.addItems(extensions.units_with_tasks())
        self.unit.setCurrentIndex(-1)
        self.unit.currentIndexChanged.connect(lambda _i: self._show_tasks())
        self.task.currentIndexChanged.connect(lambda _i: self._show_deadline())
        if unit is not None:
            self.unit.setCurrentIndex(self.unit.findText(unit))
        if assignment_id is not None:
            ids = [t.assignment_id for t in self.tasks]
            if assignment_id in ids:
                self.task.setCurrentIndex(ids.index(assignment_id))
        self._show_deadline()

    def chosen(self) -> TaskChoice | None:
        index = self.task.currentIndex()
        if not 0 <= index < len(self.tasks) or self.task.currentText() != self.tasks[index].label:
            return None
        return self.tasks[index]

    def _show_tasks(self) -> None:
        name = self.unit.currentText()
        self.tasks = self.extensions.tasks_of(name) if self.unit.findText(name) >= 0 else []
        self.task.blockSignals(True)
        self.task.clear()
        self.task.addItems([t.label for t in self.tasks])
        self.task.setCurrentIndex(0 if self.tasks else -1)
        self.task.blockSignals(False)
        self._show_deadline()

    def _show_deadline(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.current.setText("—")
            return
        if chosen.deadline is None:
            self.current.setText(self.tr("none (no fixed deadline)"))
        else:
            self.current.setText(deadline_now(chosen))
        start = max(chosen.deadline or self.today, self.today)
        self.until.setDate(QDate(start + timedelta(days=DEFAULT_DAYS)))

    def accept(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self._refused(self.tr("Choose the unit and one of its tasks."))
            return
        try:
            self.made = self.extensions.request(
                chosen.assignment_id,
                picked_date(self.until),
                self.reason.toPlainText(),
                round_name=self.round.currentData(),
            )
        except UserError as exc:
            self._refused(translated(exc))
            return
        super().accept()

    def _refused(self, why: str) -> None:
        self.error.setText(why)
        self.error.show()
