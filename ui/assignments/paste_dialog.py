"""Ctrl+V on the assignment table: the preview of what the paste changes, then one undo step.

``paste_clipboard`` reads the clipboard, plans the paste (``paste_plan``) and
shows ``PastePreview``: each changed row's old → new values, and the cells not
taken, with why.  Accepted, the whole paste is one ``ProgressCommand`` on the
window's undo stack ("Paste into 12 assignments"): one Ctrl+Z takes it all back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from importers.table_text import read_tab_separated
from ui.assignments.assignment_model import NOTE, PERCENT, STATE
from ui.assignments.assignment_table import AssignmentTable
from ui.assignments.paste_plan import PasteError, PastePlan, pasted_columns, plan_paste, target_rows
from ui.assignments.progress_actions import ProgressActions
from ui.assignments.progress_commands import Values
from ui.labels import state_label
from ui.messages import warn

translate = QCoreApplication.translate


def paste_summary(changes: int, refused: int) -> str:
    """ "2 assignments change; 1 pasted cell is not taken." """
    return translate("PastePreview", "{0}; {1}.", "assignments change; cells not taken").format(
        translate("PastePreview", "%n assignment changes", None, changes)
        if changes == 1
        else translate("PastePreview", "%n assignments change", None, changes),
        translate("PastePreview", "%n pasted cell is not taken", None, refused)
        if refused == 1
        else translate("PastePreview", "%n pasted cells are not taken", None, refused),
    )


def _shown(values: Values, column: int) -> str:
    if column == STATE:
        return state_label(values.status)
    if column == PERCENT:
        return "—" if values.percent is None else f"{values.percent}%"
    return values.note


class PastePreview(QDialog):
    """The rows a paste changes (old → new) and the cells it refused; Paste or Cancel."""

    def __init__(self, plan: PastePlan, headers: dict[int, str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste"))
        fields = [c for c in (STATE, PERCENT, NOTE) if c in plan.columns or c == PERCENT]
        self.changes = QTableWidget(len(plan.changes), 2 + len(fields))
        self.changes.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Responsible unit"), *(headers[c] for c in fields)]
        )
        for number, (row, after) in enumerate(plan.changes):
            before = Values.of(row)
            cells = [row.code, row.unit]
            for column in fields:
                old, new = _shown(before, column), _shown(after, column)
                cells.append(old if old == new else f"{old} → {new}")
            self._fill(self.changes, number, cells)
        self.refused = QTableWidget(len(plan.refused), 4)
        self.refused.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Responsible unit"), self.tr("Pasted"), self.tr("Why not")]
        )
        for number, refused in enumerate(plan.refused):
            cells = [refused.row.code, refused.row.unit, refused.text, refused.reason]
            self._fill(self.refused, number, cells)
        self.summary = QLabel(paste_summary(len(plan.changes), len(plan.refused)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.paste = buttons.addButton(self.tr("Paste"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.paste.setEnabled(bool(plan.changes))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 3)
        if plan.refused:
            layout.addWidget(QLabel(self.tr("Not taken:")))
            layout.addWidget(self.refused, 1)
        layout.addWidget(buttons)
        self.resize(760, 460)

    @staticmethod
    def _fill(table: QTableWidget, number: int, cells: list[str]) -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            table.setItem(number, column, item)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)


def plan_from_clipboard(table: AssignmentTable, text: str) -> tuple[PastePlan, dict[int, str]]:
    """The paste of ``text`` on the table's selection (raises ``PasteError``)."""
    model = table.assignments
    headers = {
        c: str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    }
    current = table.currentIndex()
    columns, data = pasted_columns(
        read_tab_separated(text),
        headers,
        current.column() if current.isValid() else -1,
        table.visible_columns(),
    )
    if not data:
        raise PasteError(
            translate("PastePlan", "Only headers were copied: there are no values to paste.")
        )
    positions = target_rows(
        len(data),
        table.selected_positions(),
        current.row() if current.isValid() else -1,
        model.rowCount(),
    )
    rows = [model.row_at(p) for p in positions]
    return plan_paste(columns, data[: len(rows)] if len(data) > 1 else data, rows), headers


def paste_clipboard(table: AssignmentTable, progress: ProgressActions, parent: QWidget) -> bool:
    """Ctrl+V: preview what the clipboard's cells change, then apply it as one undo step."""
    try:
        plan, headers = plan_from_clipboard(table, QGuiApplication.clipboard().text())
    except PasteError as exc:
        warn(parent, str(exc))
        return False
    dialog = PastePreview(plan, headers, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return progress.paste(plan.changes)
