"""Reporting rounds (调度轮次): the list, and a new round with its name and as-of date.

Every ledger export and every imported change belongs to a round, so a clerk
creates one ("2021年第3季度", as of 2021-09-30) before sending ledgers out.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.messages import user_errors
from ui.record_model import Column, RecordTableModel

if TYPE_CHECKING:
    from tracker.rounds.round_service import RoundInfo, RoundService

translate = QCoreApplication.translate


def round_model(parent: QWidget | None = None) -> RecordTableModel[RoundInfo]:
    return RecordTableModel(
        [
            Column(translate("RoundsDialog", "Round"), lambda r: r.name),
            Column(translate("RoundsDialog", "As of"), lambda r: f"{r.as_of:%Y-%m-%d}"),
            Column(translate("RoundsDialog", "Ledgers sent"), lambda r: r.exports, None, True),
            Column(
                translate("RoundsDialog", "Ledgers taken back"), lambda r: r.imports, None, True
            ),
        ],
        parent,
    )


def suggested_name(today: date) -> str:
    """The quarter a clerk most likely reports on: 2021年第3季度."""
    return f"{today.year}年第{(today.month - 1) // 3 + 1}季度"


class RoundsDialog(QDialog):
    def __init__(self, rounds: RoundService, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rounds = rounds
        self.created: RoundInfo | None = None
        self.setWindowTitle(self.tr("Reporting rounds"))
        self.resize(560, 420)
        self.model = round_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit(suggested_name(today))
        self.as_of = QDateEdit(QDate(today))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.create_button = QPushButton(self.tr("Create round"))
        self.create_button.clicked.connect(self.create_round)
        self.name.textChanged.connect(
            lambda text: self.create_button.setEnabled(bool(text.strip()))
        )
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Progress as of"), self.as_of)
        form.addRow("", self.create_button)
        box = QGroupBox(self.tr("New round"))
        box.setLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_records(self.rounds.list())

    def create_round(self) -> None:
        with user_errors(self):
            self.created = self.rounds.create(self.name.text(), self.as_of.date().toPython())  # type: ignore[arg-type]
            self.reload()
            self.name.clear()
