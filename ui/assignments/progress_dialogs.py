"""The dialogs before a progress edit: "Set status…" (status, percent and note together) and
the confirmation of 销号 (with a note, which the office's setting may make required).

They only ask: ``ProgressActions`` turns the answers into one undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.statuses import Status
from ui.labels import state_label

if TYPE_CHECKING:
    from tracker.records import AssignmentRow, UnitAnswers

NO_PERCENT = -1
LISTED_ROWS = 8
"""How many of the rows to be ticked off the confirmation names (then "… and n more")."""
SIZE = QSize(540, 500)
"""编辑进展's first size: room to write, and on a 1366 × 768 screen whole."""


@dataclass(frozen=True)
class StatusAnswer:
    """What "Set status…" sets: the status always; percent and note when asked to."""

    status: Status
    set_percent: bool
    percent: int | None
    set_note: bool
    note: str
    evidence: str | None = None
    """佐证材料 (one row only); None leaves it as it is."""
    delay_reason: str | None = None
    """未按期完成原因 (one row only); None leaves it as it is."""


class StatusDialog(QDialog):
    """Status, percent and 进展情况 for one or many assignments; 已完成 fills in 100 %.

    For one row the fields start with its values and all are set, with the unit's
    佐证材料 and 未按期完成原因 (``answers``) besides; for many, percent and note are set
    only when their box is ticked (each keeps its own), and those two are not offered.
    """

    def __init__(
        self,
        rows: Sequence[AssignmentRow],
        parent: QWidget | None = None,
        answers: UnitAnswers | None = None,
    ) -> None:
        super().__init__(parent)
        self.answers = answers if len(rows) == 1 else None
        one = len(rows) == 1
        first = rows[0]
        self.setWindowTitle(self.tr("Set status"))
        self.status = QComboBox()
        for status in Status:
            self.status.addItem(state_label(status), status.value)
        self.status.setCurrentIndex(max(0, self.status.findData(first.status.value)))
        self.percent = QSpinBox()
        self.percent.setRange(NO_PERCENT, 100)
        self.percent.setSpecialValueText("—")
        self.percent.setSuffix("%")
        self.percent.setValue(NO_PERCENT if first.percent is None else first.percent)
        self.note = QPlainTextEdit(first.note if one else "")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(5 * self.fontMetrics().lineSpacing())
        self.set_percent = QCheckBox(self.tr("Set the progress of every one"))
        self.set_note = QCheckBox(self.tr("Set the progress report of every one"))
        for box in (self.set_percent, self.set_note):
            box.setChecked(one)
            box.setVisible(not one)
        self.set_percent.toggled.connect(self.percent.setEnabled)
        self.set_note.toggled.connect(self.note.setEnabled)
        self.percent.setEnabled(one)
        self.note.setEnabled(one)
        self.status.currentIndexChanged.connect(self._status_chosen)
        form = QFormLayout()
        heading = (
            self.tr("{0} / measure {1}").format(first.unit, first.code)
            if one
            else self.tr("{0} selected assignments").format(len(rows))
        )
        form.addRow(QLabel(heading))
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Progress"), self.percent)
        form.addRow("", self.set_percent)
        form.addRow(self.tr("Progress report"), self.note)
        form.addRow("", self.set_note)
        self.evidence = self._text_box(self.answers.evidence if self.answers else "")
        self.delay_reason = self._text_box(self.answers.delay_reason if self.answers else "")
        if self.answers is not None:
            form.addRow(self.tr("Evidence"), self.evidence)
            form.addRow(self.tr("Reason for the delay"), self.delay_reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.buttons = buttons
        # Wider than tall: its three text boxes at their natural height made it 370 × 720,
        # its buttons below the bottom of a 1366 × 768 screen (and 1280 × 800 at 125 %).
        self.resize(SIZE)

    def _text_box(self, text: str) -> QPlainTextEdit:
        box = QPlainTextEdit(text)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        box.setVisible(self.answers is not None)
        return box

    def _status_chosen(self) -> None:
        """已完成 (and 已销号) mean the whole task: 100 %."""
        if self.status.currentData() in (Status.DONE.value, Status.TICKED_OFF.value):
            self.percent.setValue(100)
            self.set_percent.setChecked(True)

    def answer(self) -> StatusAnswer:
        percent = None if self.percent.value() == NO_PERCENT else self.percent.value()
        return StatusAnswer(
            status=Status(self.status.currentData()),
            set_percent=self.set_percent.isChecked(),
            percent=percent,
            set_note=self.set_note.isChecked(),
            note=self.note.toPlainText().strip(),
            evidence=self.evidence.toPlainText().strip() if self.answers else None,
            delay_reason=self.delay_reason.toPlainText().strip() if self.answers else None,
        )


class TickOffDialog(QDialog):
    """ "Tick off these assignments?" with the rows named and a note (required or not)."""

    def __init__(
        self,
        rows: Sequence[AssignmentRow],
        reason_required: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reason_required = reason_required
        self.setWindowTitle(self.tr("Tick off"))
        named = [f"{r.code}　{r.unit}" for r in rows[:LISTED_ROWS]]
        if len(rows) > LISTED_ROWS:
            named.append(self.tr("… and {0} more").format(len(rows) - LISTED_ROWS))
        question = QLabel(
            (
                self.tr(
                    "Tick off (销号) this assignment? The office confirms its task is done.",
                )
                if len(rows) == 1
                else self.tr(
                    "Tick off (销号) these %n assignments? The office confirms their tasks are "
                    "done.",
                    "",
                    len(rows),
                )
            )
            + "\n\n"
            + "\n".join(named)
        )
        question.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            self.tr("Reason (required)") if reason_required else self.tr("Note (optional)")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm: QPushButton = self.buttons.addButton(
            self.tr("Tick off"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self._enable)
        form = QFormLayout()
        form.addRow(self.tr("Reason") if reason_required else self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._enable()

    def _enable(self) -> None:
        self.confirm.setEnabled(not self.reason_required or bool(self.reason()))

    def reason(self) -> str:
        return self.note.text().strip()
