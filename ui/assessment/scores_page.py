"""The scores page (考核得分), a tab of the main window: a round's units with their
totals and ranks, and the lines of the unit chosen, so a disputed score is answered
line by line.

From here the office publishes the round (frozen), recalculates a published one
with its reason, records a 通报表扬/批评, edits the rules and exports to Excel.  The
window's tab (``ui.assessment.scores_tab``) hands it the open database's services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from importers.text_clean import safe_file_name
from tracker.assessment.score_rules import show
from ui.messages import user_errors
from ui.record_model import Column, RecordTableModel
from ui.settings.folders import save_file

if TYPE_CHECKING:
    from tracker.assessment.score_service import AssessmentService
    from tracker.assessment.scoring import RoundScores, ScoreLine, UnitScore
    from tracker.rounds.round_service import RoundService
    from tracker.units.unit_service import UnitService

translate = QCoreApplication.translate


def totals_model(parent: QWidget | None = None) -> RecordTableModel[UnitScore]:
    return RecordTableModel(
        [
            Column(
                translate("ScoresPage", "Rank"),
                lambda u: u.rank if u.rank is not None else "—",
                None,
                True,
            ),
            Column(translate("ScoresPage", "Unit"), lambda u: u.unit),
            Column(translate("ScoresPage", "Score"), lambda u: show(u.total), None, True),
            Column(translate("ScoresPage", "Note"), lambda u: u.not_ranked),
        ],
        parent,
    )


def lines_model(parent: QWidget | None = None) -> RecordTableModel[ScoreLine]:
    return RecordTableModel(
        [
            Column(translate("ScoresPage", "Item"), lambda line: line.label),
            Column(translate("ScoresPage", "Measure"), lambda line: line.measure),
            Column(
                translate("ScoresPage", "Date"),
                lambda line: f"{line.day:%Y-%m-%d}" if line.day else "",
            ),
            Column(
                translate("ScoresPage", "Points"),
                lambda line: show(line.points, signed=line.event != "base"),
                None,
                True,
            ),
            Column(translate("ScoresPage", "Detail"), lambda line: line.detail, lambda x: x.detail),
        ],
        parent,
    )


def _table(model: RecordTableModel[UnitScore] | RecordTableModel[ScoreLine]) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ScoresPage(QWidget):
    def __init__(
        self,
        assessment: AssessmentService,
        rounds: RoundService,
        units: UnitService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.assessment = assessment
        self.rounds = rounds
        self.units = units
        self.scores: RoundScores | None = None
        self.round = QComboBox()
        self.fill_rounds()
        self.round.currentIndexChanged.connect(self.reload)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.totals = totals_model(self)
        self.lines = lines_model(self)
        self.totals_table = _table(self.totals)
        self.lines_table = _table(self.lines)
        self.totals_table.selectionModel().currentRowChanged.connect(self._show_lines)
        splitter = QSplitter()
        splitter.addWidget(self.totals_table)
        splitter.addWidget(self.lines_table)
        splitter.setStretchFactor(1, 2)
        self.publish_button = QPushButton(self.tr("Publish…"))
        self.recalculate_button = QPushButton(self.tr("Recalculate…"))
        self.remark_button = QPushButton(self.tr("Commend or criticise…"))
        self.rules_button = QPushButton(self.tr("Scoring rules…"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.publish_button.clicked.connect(self.publish)
        self.recalculate_button.clicked.connect(self.recalculate)
        self.remark_button.clicked.connect(self.remark)
        self.rules_button.clicked.connect(self.edit_rules)
        self.export_button.clicked.connect(self.export)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Round")))
        top.addWidget(self.round, 1)
        actions = QHBoxLayout()
        for button in (
            self.publish_button,
            self.recalculate_button,
            self.remark_button,
            self.rules_button,
            self.export_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self.reload()

    def fill_rounds(self) -> None:
        """The rounds, newest first, the one chosen kept (a round may have been added)."""
        chosen = self.round.currentText()
        names = [found.name for found in reversed(self.rounds.list())]
        if names == [self.round.itemText(i) for i in range(self.round.count())]:
            return
        self.round.blockSignals(True)
        self.round.clear()
        self.round.addItems(names)
        if chosen in names:
            self.round.setCurrentIndex(names.index(chosen))
        self.round.blockSignals(False)

    def chosen_round(self) -> str | None:
        return self.round.currentText() or None

    def reload(self) -> None:
        self.scores = None
        if self.chosen_round() is not None:
            with user_errors(self):
                self.scores = self.assessment.scores(self.chosen_round())
        scores = self.scores
        self.totals.set_records(scores.units if scores else [])
        self.lines.set_records([])
        for button in (self.publish_button, self.remark_button, self.export_button):
            button.setEnabled(scores is not None)
        self.publish_button.setEnabled(scores is not None and not scores.published)
        self.recalculate_button.setEnabled(scores is not None and scores.published)
        self.state.setText(self._state_text())
        if scores and scores.units:
            self.totals_table.selectRow(0)

    def _state_text(self) -> str:
        scores = self.scores
        if scores is None:
            return self.tr("No reporting round yet: create one first.")
        rules = self.tr("scored by rules version {version}").format(version=scores.rules_version)
        if not scores.published or scores.published_at is None:
            return self.tr("Not published: computed now, may still change ({rules}).").format(
                rules=rules
            )
        text = self.tr("Published version {version} on {day} by {user} ({rules}).").format(
            version=scores.version,
            day=f"{scores.published_at:%Y-%m-%d}",
            user=scores.published_by,
            rules=rules,
        )
        if scores.reason:
            text += " " + self.tr("Reason: {reason}").format(reason=scores.reason)
        return text

    def _show_lines(self) -> None:
        row = self.totals_table.currentIndex().row()
        records = self.totals.records()
        self.lines.set_records(records[row].lines if 0 <= row < len(records) else [])

    def publish(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Publish the scores"),
            self.tr(
                "Publish the scores of {round}? Once published they never change; a later "
                "change is a recalculation with its reason."
            ).format(round=self.chosen_round()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with user_errors(self):
            self.assessment.publish(self.chosen_round())
        self.reload()

    def recalculate(self) -> None:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Recalculate the scores"),
            self.tr("Why are the published scores recalculated?"),
        )
        if not ok:
            return
        with user_errors(self):
            self.assessment.recalculate(self.chosen_round(), reason)
        self.reload()

    def remark(self) -> None:
        from ui.assessment.remark_dialog import RemarkDialog

        scored = [u.unit for u in self.totals.records()]
        names = scored + [u.name for u in self.units.list() if u.name not in scored]
        dialog = RemarkDialog(self.assessment, self.chosen_round(), names, self)
        if dialog.exec() == QDialog.DialogCode.Accepted or dialog.deleted:
            self.reload()

    def edit_rules(self) -> None:
        from ui.assessment.rules_dialog import RulesDialog

        dialog = RulesDialog(self.assessment, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def export(self) -> None:
        scores = self.scores
        if scores is None:
            return
        name = safe_file_name(f"{scores.round}考核得分.xlsx")
        target = save_file(
            self, "exports", self.tr("Export the scores"), name, self.tr("Excel (*.xlsx)")
        )
        if target is None:
            return
        with user_errors(self):
            self.assessment.export(scores, target)
