"""Reporting rounds (调度轮次): the list, and a new round with its name and as-of date.

Every ledger export and every imported change belongs to a round, so a clerk
creates one ("2021年第3季度", as of 2021-09-30) before sending ledgers out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
DEADLINE_DAYS = 10
"""A new round's ledgers are due back this many days after its as-of date, by default."""


def round_model(parent: QWidget | None = None) -> RecordTableModel[RoundInfo]:
    return RecordTableModel(
        [
            Column(translate("RoundsDialog", "Round"), lambda r: r.name),
            Column(translate("RoundsDialog", "As of"), lambda r: f"{r.as_of:%Y-%m-%d}"),
            Column(
                translate("RoundsDialog", "Reporting deadline"),
                lambda r: f"{r.deadline:%Y-%m-%d}" if r.deadline else "",
            ),
            Column(translate("RoundsDialog", "Units sent"), lambda r: r.units_sent, None, True),
            Column(translate("RoundsDialog", "Reported"), lambda r: r.units_reported, None, True),
            Column(
                translate("RoundsDialog", "Not reported"),
                lambda r: r.units_not_reported,
                None,
                True,
            ),
        ],
        parent,
    )


def suggested_name(today: date) -> str:
    """The quarter a clerk most likely reports on: 2021年第3季度."""
    return f"{today.year}年第{(today.month - 1) // 3 + 1}季度"


class RoundsDialog(QDialog):
    """``show_status(name)`` (if given) opens a round's 报送情况 page."""

    def __init__(
        self,
        rounds: RoundService,
        today: date,
        parent: QWidget | None = None,
        show_status: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.rounds = rounds
        self.show_status = show_status
        self.created: RoundInfo | None = None
        self.setWindowTitle(self.tr("Reporting rounds"))
        self.resize(560, 420)
        self.model = round_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The round's name whole (2021年第4季度 was cut to 2021年第4… in a sixth of the width).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.name = QLineEdit(suggested_name(today))
        self.as_of = QDateEdit(QDate(today))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.has_deadline = QCheckBox(self.tr("Ledgers due back by"))
        self.has_deadline.setChecked(True)
        self.deadline = QDateEdit(QDate(today + timedelta(days=DEADLINE_DAYS)))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.as_of.dateChanged.connect(
            lambda day: self.deadline.setDate(day.addDays(DEADLINE_DAYS))
        )
        self.create_button = QPushButton(self.tr("Create round"))
        self.create_button.clicked.connect(self.create_round)
        self.name.textChanged.connect(
            lambda text: self.create_button.setEnabled(bool(text.strip()))
        )
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Progress as of"), self.as_of)
        form.addRow(self.has_deadline, self.deadline)
        form.addRow("", self.create_button)
        box = QGroupBox(self.tr("New round"))
        box.setLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.status_button = buttons.addButton(
            self.tr("Reporting status…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.status_button.clicked.connect(self._show_status)
        self.status_button.setEnabled(show_status is not None)
        self.deadline_button = buttons.addButton(
            self.tr("Set deadline…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.deadline_button.clicked.connect(self._set_deadline)
        self.table.doubleClicked.connect(lambda _index: self._show_status())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_records(self.rounds.list())

    def create_round(self) -> None:
        deadline = self.deadline.date().toPython() if self.has_deadline.isChecked() else None
        with user_errors(self):
            self.created = self.rounds.create(
                self.name.text(),
                self.as_of.date().toPython(),  # type: ignore[arg-type]
                deadline,  # type: ignore[arg-type]
            )
            self.reload()
            self.name.clear()

    def chosen(self) -> RoundInfo | None:
        """The round selected in the list, else the latest."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.model.record(rows[0].row())
        records = self.model.records()
        return records[-1] if records else None

    def _show_status(self) -> None:
        chosen = self.chosen()
        if chosen is not None and self.show_status is not None:
            self.show_status(chosen.name)

    def _set_deadline(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        start = chosen.deadline or chosen.as_of + timedelta(days=DEADLINE_DAYS)
        picked = ask_date(self, self.tr("Reporting deadline of {0}").format(chosen.name), start)
        if picked is None:
            return
        with user_errors(self):
            self.rounds.set_deadline(chosen.name, picked)
            self.reload()


def ask_date(parent: QWidget, title: str, start: date) -> date | None:
    """A small dialog asking for one date; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    edit = QDateEdit(QDate(start))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(edit)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    picked: date = edit.date().toPython()  # type: ignore[assignment]
    return picked
