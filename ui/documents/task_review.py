"""The import preview's Tasks tab: review the sub-tasks (分工) and correct them before import.

The clerk sees every task of every measure (``TasksModel``) and, for the one
selected, its units with their roles.  They can split the task (``SplitTaskDialog``:
where, and which units go to each part), merge it with the next task of its
measure, make a unit the lead or a supporting one, remove a unit read by
mistake, or add one from the directory (the name completes as it is typed).
Each correction is a pure function of ``tracker.documents.task_edits`` applied
to the current version of the document; every version is kept, so Undo steps
back.  ``document()`` is what the import is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.documents import task_edits
from tracker.documents.task_edits import TaskRef, sentence_ends
from tracker.errors import UserError
from ui.documents.task_review_model import TasksModel, unit_label
from ui.enter_key import EnterDoes
from ui.messages import translated

if TYPE_CHECKING:
    from importers.policy import ParsedDocument, ParsedTask

Edit = Callable[["ParsedDocument"], "ParsedDocument"]
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
_SHOWN_CHARS = 24
_UNITS_WIDTH = 230


class SplitTaskDialog(QDialog):
    """Where to split a task's text, and which of its units each part keeps."""

    FIRST, SECOND = 1, 2

    def __init__(self, code: str, task: ParsedTask, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split task {0}").format(code))
        self.resize(640, 420)
        self.text = QPlainTextEdit(task.text)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.points = QComboBox()
        start = 0
        for end in sentence_ends(task.text):
            sentence = task.text[start:end]
            if len(sentence) > _SHOWN_CHARS:
                sentence = "…" + sentence[-_SHOWN_CHARS:]
            self.points.addItem(self.tr("after “{0}”").format(sentence), end)
            start = end
        self.points.currentIndexChanged.connect(self._point_chosen)
        self.units = QTableWidget(len(task.units), 3)
        self.units.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("First part"), self.tr("Second part")]
        )
        self.units.verticalHeader().hide()
        self.units.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, unit in enumerate(task.units):
            name = QTableWidgetItem(unit_label(unit))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.units.setItem(row, 0, name)
            for column in (self.FIRST, self.SECOND):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                box.setCheckState(Qt.CheckState.Checked)
                box.setData(UNIT_ROLE, unit)
                self.units.setItem(row, column, box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The task is split where the cursor stands in its text:")))
        layout.addWidget(self.text, 1)
        layout.addWidget(QLabel(self.tr("Or split at the end of a sentence:")))
        layout.addWidget(self.points)
        layout.addWidget(QLabel(self.tr("The units of each part (each keeps its role):")))
        layout.addWidget(self.units, 1)
        layout.addWidget(buttons)
        self._point_chosen(0)

    def _point_chosen(self, index: int) -> None:
        at = self.points.itemData(index)
        if isinstance(at, int):  # the first part shown selected, the cursor at its end
            cursor = self.text.textCursor()
            cursor.setPosition(0)
            cursor.setPosition(at, QTextCursor.MoveMode.KeepAnchor)
            self.text.setTextCursor(cursor)

    def position(self) -> int:
        return self.text.textCursor().position()

    def part_units(self, column: int) -> list[str]:
        items = (self.units.item(row, column) for row in range(self.units.rowCount()))
        return [
            str(item.data(UNIT_ROLE))
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def set_part_unit(self, column: int, unit: str, checked: bool) -> None:
        for row in range(self.units.rowCount()):
            item = self.units.item(row, column)
            if item is not None and item.data(UNIT_ROLE) == unit:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item.setCheckState(state)


class TaskReview(QWidget):
    """Every sub-task of the document, and the clerk's corrections to them."""

    edited = Signal(object)
    """The document after a correction or an undo (a ``ParsedDocument``)."""

    def __init__(
        self, document: ParsedDocument, known_units: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.history: list[ParsedDocument] = [document]
        self.tasks = TasksModel(document, self)
        self.view = QTableView()
        self.view.setModel(self.tasks)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (TasksModel.LEADS, TasksModel.OTHERS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, _UNITS_WIDTH)
        header.setSectionResizeMode(TasksModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_units())
        self.split_button = QPushButton(self.tr("Split task…"))
        self.merge_button = QPushButton(self.tr("Merge with next task"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.split_button.clicked.connect(self.split)
        self.merge_button.clicked.connect(self.merge)
        self.undo_button.clicked.connect(self.undo)
        self.heading = QLabel()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(140)
        self.units = QListWidget()
        self.units.currentRowChanged.connect(lambda _row: self._enable())
        self.role_button = QPushButton(self.tr("Make lead"))
        self.remove_button = QPushButton(self.tr("Remove unit"))
        self.role_button.clicked.connect(self.toggle_role)
        self.remove_button.clicked.connect(self.remove)
        self.new_unit = QLineEdit()
        self.new_unit.setPlaceholderText(self.tr("Add a unit from the directory…"))
        completer = QCompleter(sorted(set(known_units)), self.new_unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.new_unit.setCompleter(completer)
        self.new_unit.returnPressed.connect(self.add)  # (a name picked from the completer)
        EnterDoes(self.new_unit, self.add)  # (Enter typed: adds, and only adds)
        self.as_lead = QCheckBox(self.tr("as lead"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self._layout()
        if self.tasks.rowCount():
            self.view.selectRow(0)
        self._show_units()

    def _layout(self) -> None:
        task_buttons = QHBoxLayout()
        for button in (self.split_button, self.merge_button, self.undo_button):
            task_buttons.addWidget(button)
        task_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(task_buttons)
        left.addWidget(self.view, 1)
        unit_buttons = QHBoxLayout()
        unit_buttons.addWidget(self.role_button)
        unit_buttons.addWidget(self.remove_button)
        adding = QHBoxLayout()
        adding.addWidget(self.new_unit, 1)
        adding.addWidget(self.as_lead)
        adding.addWidget(self.add_button)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.text)
        right.addWidget(QLabel(self.tr("Its units:")))
        right.addWidget(self.units, 1)
        right.addLayout(unit_buttons)
        right.addLayout(adding)
        panel = QWidget()
        panel.setLayout(right)
        panel.setFixedWidth(320)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(panel)

    # -- the document ---------------------------------------------------------------------
    def document(self) -> ParsedDocument:
        """The document with every correction made so far: what the import is given."""
        return self.history[-1]

    def current(self) -> TaskRef | None:
        row = self.view.currentIndex().row()
        return self.tasks.ref(row) if 0 <= row < self.tasks.rowCount() else None

    def select(self, ref: TaskRef) -> None:
        self.view.selectRow(self.tasks.row_of(ref))

    def select_line(self, line: int) -> bool:
        """Select the first task read from source line ``line`` (or the last one before it)."""
        rows = [r for r in range(self.tasks.rowCount()) if 0 < self.tasks.task(r).line <= line]
        if not rows:
            return False
        at = max(self.tasks.task(r).line for r in rows)
        self.view.selectRow(next(r for r in rows if self.tasks.task(r).line == at))
        return True

    def current_unit(self) -> str | None:
        item = self.units.currentItem()
        return str(item.data(UNIT_ROLE)) if item is not None else None

    def apply(self, edit: Edit, then: TaskRef | None = None) -> bool:
        """Make one correction; a refused one is explained and changes nothing."""
        ref = self.current()
        try:
            changed = edit(self.document())
        except UserError as error:
            QMessageBox.warning(self, self.tr("Correct the tasks"), translated(error))
            return False
        self.history.append(changed)
        self._show(changed, then or ref)
        return True

    def undo(self) -> None:
        if len(self.history) > 1:
            self.history.pop()
            self._show(self.document(), self.current())

    def _show(self, document: ParsedDocument, ref: TaskRef | None) -> None:
        unit = self.current_unit()
        self.tasks.reset(document)
        if ref is not None and self.tasks.rowCount():
            self.select(ref)
        self._show_units(unit)
        self.edited.emit(document)

    # -- the corrections ------------------------------------------------------------------
    def split(self) -> None:
        ref = self.current()
        if ref is None:
            return
        row = self.tasks.row_of(ref)
        dialog = SplitTaskDialog(self.tasks.code(row), self.tasks.task(row), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first = dialog.part_units(SplitTaskDialog.FIRST)
        second = dialog.part_units(SplitTaskDialog.SECOND)
        at = dialog.position()
        self.apply(
            lambda doc: task_edits.split_task(doc, ref, at, first_units=first, second_units=second),
            then=TaskRef(ref.measure, ref.task + 1),
        )

    def merge(self) -> None:
        if (ref := self.current()) is not None:
            self.apply(lambda doc: task_edits.merge_with_next(doc, ref))

    def toggle_role(self) -> None:
        ref, unit = self.current(), self.current_unit()
        if ref is not None and unit is not None:
            lead = unit not in self.tasks.task(self.tasks.row_of(ref)).lead_units
            self.apply(lambda doc: task_edits.set_lead(doc, ref, unit, lead))

    def remove(self) -> None:
        ref, unit = self.current(), self.current_unit()
        if ref is not None and unit is not None:
            self.apply(lambda doc: task_edits.remove_unit(doc, ref, unit))

    def add(self) -> None:
        ref, name, lead = self.current(), self.new_unit.text(), self.as_lead.isChecked()
        if ref is not None and self.apply(
            lambda doc: task_edits.add_unit(doc, ref, name, lead=lead)
        ):
            self.new_unit.clear()
            self.as_lead.setChecked(False)

    # -- the selected task's units --------------------------------------------------------
    def _show_units(self, keep: str | None = None) -> None:
        ref = self.current()
        self.units.clear()
        if ref is None:
            self.heading.setText(self.tr("Select a task to correct its units."))
            self.text.clear()
        else:
            row = self.tasks.row_of(ref)
            task = self.tasks.task(row)
            self.heading.setText(self.tr("Task {0}:").format(self.tasks.code(row)))
            self.text.setPlainText(task.text)
            for unit in task.units:
                role = self.tr("lead") if unit in task.lead_units else self.tr("supporting")
                item = QListWidgetItem(f"{unit_label(unit)} — {role}")
                item.setData(UNIT_ROLE, unit)
                self.units.addItem(item)
                if unit == keep:
                    self.units.setCurrentItem(item)
        self._enable()

    def _enable(self) -> None:
        ref, unit = self.current(), self.current_unit()
        task = self.tasks.task(self.tasks.row_of(ref)) if ref is not None else None
        measure = self.document().measures[ref.measure] if ref is not None else None
        self.split_button.setEnabled(task is not None and len(task.text) > 1)
        self.merge_button.setEnabled(
            ref is not None and measure is not None and ref.task + 1 < len(measure.tasks)
        )
        self.undo_button.setEnabled(len(self.history) > 1)
        self.role_button.setEnabled(unit is not None)
        self.remove_button.setEnabled(unit is not None)
        self.add_button.setEnabled(ref is not None)
        if task is not None and unit is not None and unit in task.lead_units:
            self.role_button.setText(self.tr("Make supporting"))
        else:
            self.role_button.setText(self.tr("Make lead"))
