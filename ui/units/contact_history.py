"""A unit's contact history: every change of its 联系人 and 联系电话, newest first.

Its own module because the directory dialog only opens it: who changed the
contact, when, and from where (typed by a clerk, or sent back in which ledger
file — the source ``tracker.units.unit_contacts`` keeps with each change).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.units.unit_contacts import ContactChange
from ui.record_model import Column, RecordTableModel


def _field(name: str) -> str:
    if name == "contact":
        return QCoreApplication.translate("ContactHistory", "Contact person")
    if name == "phone":
        return QCoreApplication.translate("ContactHistory", "Phone")
    return name


def _source(source: str) -> str:
    """Where a change came from, in the clerk's words: 手工 a clerk, 台账 a file, 撤销导入 undo."""
    if source == "手工":
        return QCoreApplication.translate("ContactHistory", "typed by a clerk")
    if source == "撤销导入":
        return QCoreApplication.translate("ContactHistory", "undo of a ledger import")
    if source.startswith("台账 "):
        return QCoreApplication.translate("ContactHistory", "ledger {0}").format(source[3:])
    return source


def history_model(parent: QObject | None = None) -> RecordTableModel[ContactChange]:
    """One row per change: when, which field, before → after, by whom, from where."""
    translate = QCoreApplication.translate
    return RecordTableModel(
        [
            Column(
                translate("ContactHistory", "When"),
                lambda c: c.changed_at.strftime("%Y-%m-%d %H:%M"),
            ),
            Column(translate("ContactHistory", "Field"), lambda c: _field(c.field)),
            Column(translate("ContactHistory", "Before"), lambda c: c.old or "—"),
            Column(translate("ContactHistory", "After"), lambda c: c.new or "—"),
            Column(translate("ContactHistory", "Changed by"), lambda c: c.changed_by),
            Column(translate("ContactHistory", "From"), lambda c: _source(c.source)),
        ],
        parent,
    )


class ContactHistoryDialog(QDialog):
    """The history of one unit's contact, newest change first."""

    def __init__(
        self, unit: str, history: Sequence[ContactChange], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact history of {0}").format(unit))
        self.resize(760, 360)
        self.history = list(history)
        """Oldest first, as the service gives it; the table shows it newest first."""
        self.model = history_model(self)
        self.model.set_records(reversed(self.history))
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not history:
            layout.addWidget(QLabel(self.tr("The contact of this unit was never changed.")))
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
