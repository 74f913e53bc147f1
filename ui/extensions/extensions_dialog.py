"""The units' requests for a later deadline (申请延期): the clerk approves or refuses each.

Reached from 编辑 → 延期申请… and the navigator's 延期申请 entry (which shows how
many wait).  Pending requests are listed first-come first; "Show decided requests"
adds the approved and refused ones with their decisions.  Approve gives the unit the
requested deadline (an optional note), Refuse asks for the reason (required: the
unit is told), Undo takes a decision back (an approval's old deadline returns).
"New request…" records one the unit made by phone or letter
(``ui.extensions.request_dialog``).  Every decision is one write through
``ExtensionService``; the window reloads after.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.extensions.extension_records import ExtensionInfo, ExtensionState
from tracker.extensions.extension_service import ExtensionService
from ui.messages import user_errors
from ui.record_model import Column, RecordTableModel

translate = QCoreApplication.translate


def _day(day: date | None) -> str:
    return day.isoformat() if day else "—"


def deadline_now(e: ExtensionInfo) -> str:
    """The unit's deadline now as the main table shows it: the measure's in the
    document's words (``2021年6月底``), else its date; the unit's own date with the
    measure's when they differ: ``2021-12-31（原 2021年6月底）``."""
    measure = e.deadline_text or _day(e.measure_deadline)
    if e.unit_deadline != e.measure_deadline:
        return f"{_day(e.unit_deadline)}（原 {measure}）"
    return measure


def state_label(state: ExtensionState) -> str:
    return {
        ExtensionState.PENDING: translate("ExtensionsDialog", "Pending"),
        ExtensionState.APPROVED: translate("ExtensionsDialog", "Approved"),
        ExtensionState.REFUSED: translate("ExtensionsDialog", "Refused"),
    }[state]


def _decision(e: ExtensionInfo) -> str:
    if e.decided_at is None:
        return ""
    note = f"：{e.decision_note}" if e.decision_note else ""
    return f"{e.decided_at:%Y-%m-%d} {e.decided_by}{note}"


def extensions_model(parent: QObject | None = None) -> RecordTableModel[ExtensionInfo]:
    return RecordTableModel(
        [
            Column(translate("ExtensionsDialog", "No."), lambda e: e.code),
            Column(translate("ExtensionsDialog", "Task"), lambda e: e.title),
            Column(translate("ExtensionsDialog", "Unit"), lambda e: e.unit),
            Column(translate("ExtensionsDialog", "Deadline now"), deadline_now),
            Column(
                translate("ExtensionsDialog", "Requested"), lambda e: _day(e.requested_deadline)
            ),
            Column(translate("ExtensionsDialog", "Reason"), lambda e: e.reason),
            Column(translate("ExtensionsDialog", "From"), lambda e: e.source),
            Column(translate("ExtensionsDialog", "State"), lambda e: state_label(e.state)),
            Column(translate("ExtensionsDialog", "Decision"), _decision),
        ],
        parent,
    )


class ExtensionsDialog(QDialog):
    def __init__(
        self, extensions: ExtensionService, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.extensions = extensions
        self.today = today
        self.changed = False
        """True once a decision was written: the window then reloads its rows."""
        self.requested = False
        """True once a request was typed in: the navigator's pending count changed."""
        self.setWindowTitle(self.tr("Extension requests"))
        self.resize(1100, 520)
        self.model = extensions_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.show_decided = QCheckBox(self.tr("Show decided requests"))
        self.show_decided.toggled.connect(lambda _checked: self.reload())
        self.count = QLabel()
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.refuse_button = QPushButton(self.tr("Refuse…"))
        self.undo_button = QPushButton(self.tr("Undo decision"))
        self.new_button = QPushButton(self.tr("New request…"))
        self.new_button.clicked.connect(self.new_request)
        self.approve_button.clicked.connect(self.approve)
        self.refuse_button.clicked.connect(self.refuse)
        self.undo_button.clicked.connect(self.undo)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.show_decided)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addSpacing(16)
        for button in (self.approve_button, self.refuse_button, self.undo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self, select: int | None = None) -> None:
        with user_errors(self):
            found = self.extensions.list(pending_only=not self.show_decided.isChecked())
            pending = self.extensions.pending_count()
            self.model.set_records(found)
            self.count.setText(
                self.tr("%n request waits for a decision", "", pending)
                if pending == 1
                else self.tr("%n requests wait for a decision", "", pending)
            )
        ids = [e.id for e in self.model.records()]
        if select in ids:
            self.table.selectRow(ids.index(select))
        elif ids:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> ExtensionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def new_request(self) -> None:
        """A request the unit made by phone or letter, typed in; shown selected."""
        from ui.extensions.request_dialog import RequestDialog

        dialog = RequestDialog(self.extensions, self.today, parent=self)
        if dialog.exec() and dialog.made is not None:
            self.requested = True
            self.reload(dialog.made.id)

    def approve(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        note, ok = QInputDialog.getText(
            self,
            self.tr("Approve the extension"),
            self.tr("{0} {1}: deadline {2} → {3}. A note (optional):").format(
                chosen.code, chosen.unit, deadline_now(chosen), chosen.requested_deadline
            ),
        )
        if ok:
            self._decided(chosen.id, lambda: self.extensions.approve(chosen.id, note))

    def refuse(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Refuse the extension"),
            self.tr("Why is the request of {0} for {1} refused?").format(chosen.unit, chosen.code),
        )
        if ok:
            self._decided(chosen.id, lambda: self.extensions.refuse(chosen.id, reason))

    def undo(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._decided(chosen.id, lambda: self.extensions.undo_decision(chosen.id))

    def _decided(self, request_id: int, write: Callable[[], object]) -> None:
        with user_errors(self):
            write()
            self.changed = True
        self.reload(request_id)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        pending = chosen is not None and chosen.state is ExtensionState.PENDING
        self.approve_button.setEnabled(pending)
        self.refuse_button.setEnabled(pending)
        self.undo_button.setEnabled(chosen is not None and not pending)
