"""A round's page: 报送情况 of every unit sent its ledger, 未报送 first, with filters.

Each unit's line says when its ledger was sent, when it came back (which file, who
imported it, how many changes: an unchanged ledger counts as reported), and whether
on time against the round's 报送截止日期.  Double-clicking a unit lists its returned
files; "Chase the units not reported…" opens the chasers for them at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.messages import user_errors
from ui.record_model import RECORD_ROLE, Column, RecordTableModel

if TYPE_CHECKING:
    from tracker.rounds.round_status import RoundStatus, RoundStatusService, UnitFile, UnitReturn

translate = QCoreApplication.translate
STATES = ("未报送", "逾期报送", "按时报送")


def _when(value: datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def state_label(state: str) -> str:
    labels = {
        "未报送": translate("RoundStatusDialog", "Not reported"),
        "逾期报送": translate("RoundStatusDialog", "Reported late"),
        "按时报送": translate("RoundStatusDialog", "Reported on time"),
    }
    return labels[state]


def _files(unit: UnitReturn) -> str:
    """The first file returned (it decides on time), and how many came after it (a
    更正版): double-clicking the unit lists them."""
    if unit.file and unit.returns > 1:
        more = translate("RoundStatusDialog", "{0} (+{1} more)")
        return more.format(unit.file, unit.returns - 1)
    return unit.file or ""


def unit_return_model(parent: QWidget | None = None) -> RecordTableModel[UnitReturn]:
    return RecordTableModel(
        [
            Column(translate("RoundStatusDialog", "Unit"), lambda u: u.unit),
            Column(translate("RoundStatusDialog", "Reporting"), lambda u: state_label(u.state)),
            Column(translate("RoundStatusDialog", "Sent"), lambda u: _when(u.sent_at)),
            Column(translate("RoundStatusDialog", "Returned"), lambda u: _when(u.returned_at)),
            Column(translate("RoundStatusDialog", "File"), _files),
            Column(translate("RoundStatusDialog", "Imported by"), lambda u: u.imported_by or ""),
            Column(
                translate("RoundStatusDialog", "Changes"),
                lambda u: u.changes if u.returned_at else "",
                None,
                True,
            ),
        ],
        parent,
    )


def unit_file_model(parent: QWidget | None = None) -> RecordTableModel[UnitFile]:
    return RecordTableModel(
        [
            Column(translate("UnitReturnsDialog", "File"), lambda f: f.file),
            Column(translate("UnitReturnsDialog", "Imported"), lambda f: _when(f.imported_at)),
            Column(translate("UnitReturnsDialog", "Imported by"), lambda f: f.imported_by),
            Column(translate("UnitReturnsDialog", "Changes"), lambda f: f.changes, None, True),
            Column(translate("UnitReturnsDialog", "Undone"), lambda f: _when(f.undone_at)),
        ],
        parent,
    )


class StateFilter(QSortFilterProxyModel):
    """Shows the units in one reporting state (or all: ``wanted`` empty)."""

    wanted = ""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # type: ignore[override]
        if not self.wanted:
            return True
        record = self.sourceModel().index(source_row, 0, source_parent).data(RECORD_ROLE)
        return bool(record.state == self.wanted)


class UnitReturnsDialog(QDialog):
    """The files one unit returned under a round (undone ones too)."""

    def __init__(self, unit: str, files: list[UnitFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Returned ledgers of {0}").format(unit))
        self.resize(640, 280)
        self.model = unit_file_model(self)
        self.model.set_records(files)
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        empty = QLabel(self.tr("{0} has not returned a ledger in this round.").format(unit))
        empty.setVisible(not files)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(empty)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)


class RoundStatusDialog(QDialog):
    """报送情况 of a round; ``chase`` (if given) opens the chasers for units not reported."""

    def __init__(
        self,
        status: RoundStatusService,
        rounds: list[str],
        chosen: str | None = None,
        chase: Callable[[str, list[str]], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = status
        self.chase = chase
        self.status: RoundStatus | None = None
        self.setWindowTitle(self.tr("Reporting status"))
        self.resize(860, 480)
        self.round = QComboBox()
        for name in reversed(rounds):
            self.round.addItem(name, name)
        if chosen is not None and self.round.findData(chosen) >= 0:
            self.round.setCurrentIndex(self.round.findData(chosen))
        self.state = QComboBox()
        self.state.addItem(self.tr("All units"), "")
        for state in STATES:
            self.state.addItem(state_label(state), state)
        self.model = unit_return_model(self)
        self.proxy = StateFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.show_returns)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chase_button = QPushButton(self.tr("Chase the units not reported…"))
        self.chase_button.clicked.connect(self._chase)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Round")))
        top.addWidget(self.round, 1)
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.state)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.chase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.round.currentIndexChanged.connect(self.reload)
        self.state.currentIndexChanged.connect(self._filter)
        self.reload()

    def reload(self) -> None:
        from tracker.rounds.round_status import reporting_text

        name = self.round.currentData()
        with user_errors(self):
            self.status = self.service.status(name)
            self.model.set_records(self.status.units)
            self.summary.setText(reporting_text(self.status))  # the bulletin's own words
        self.chase_button.setEnabled(
            self.chase is not None and bool(self.status and self.status.not_reported)
        )

    def _filter(self) -> None:
        self.proxy.wanted = self.state.currentData()
        self.proxy.invalidate()

    def show_returns(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record is None:
            return
        with user_errors(self):
            files = self.service.returns(self.round.currentData(), record.unit)
            UnitReturnsDialog(record.unit, files, self).exec()

    def _chase(self) -> None:
        if self.chase is not None and self.status is not None:
            self.chase(self.status.round, self.status.not_reported)
