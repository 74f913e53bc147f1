"""The scoring rules (考核规则) as the office edits them: the base score, and for each
event its points and an optional cap; saved as a new version in force from a day on,
so rounds already scored by an older version keep it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.assessment.score_rules import BASE_LABEL, EventKind, Rule, RuleSet
from ui.messages import user_errors

if TYPE_CHECKING:
    from tracker.assessment.score_service import AssessmentService

LIMIT = 999.0


def _spin(value: Decimal, minimum: float = -LIMIT) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(minimum, LIMIT)
    spin.setDecimals(2)
    spin.setSingleStep(0.5)
    spin.setValue(float(value))
    return spin


def _decimal(spin: QDoubleSpinBox) -> Decimal:
    return Decimal(f"{spin.value():.2f}")


class RulesDialog(QDialog):
    def __init__(self, assessment: AssessmentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assessment = assessment
        self.saved: RuleSet | None = None
        self.setWindowTitle(self.tr("Scoring rules"))
        current = assessment.rules_in_force()
        self.current = current
        self.version = QLabel(self._version_text(current))
        self.version.setWordWrap(True)
        self.base = _spin(current.base, 0)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Event")), 0, 0)
        grid.addWidget(QLabel(self.tr("Points each")), 0, 1)
        grid.addWidget(QLabel(self.tr("Cap per round (0: none)")), 0, 2)
        grid.addWidget(QLabel(BASE_LABEL), 1, 0)
        grid.addWidget(self.base, 1, 1)
        self.points: dict[EventKind, QDoubleSpinBox] = {}
        self.caps: dict[EventKind, QDoubleSpinBox] = {}
        for row, (kind, rule) in enumerate(current.rules.items(), start=2):
            self.points[kind] = _spin(rule.points)
            self.caps[kind] = _spin(rule.cap or Decimal(0), 0)
            self.caps[kind].setSpecialValueText(self.tr("none"))
            grid.addWidget(QLabel(kind.label), row, 0)
            grid.addWidget(self.points[kind], row, 1)
            grid.addWidget(self.caps[kind], row, 2)
        box = QGroupBox(self.tr("Points"))
        box.setLayout(grid)
        self.effective_from = QDateEdit(QDate(assessment.today()))
        self.effective_from.setCalendarPopup(True)
        self.effective_from.setDisplayFormat("yyyy-MM-dd")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the county's scheme for 2022"))
        form = QFormLayout()
        form.addRow(self.tr("In force from"), self.effective_from)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.history = QLabel(self._history_text(assessment.rule_versions()))
        self.history.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.version)
        layout.addWidget(self.history)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _version_text(self, rules: RuleSet) -> str:
        if rules.version == 0:
            return self.tr(
                "The default rules are in force. Saving makes a new version; rounds are "
                "scored by the version in force on their as-of date."
            )
        return self.tr(
            "Version {version} is in force (from {day}). Saving makes a new version; rounds "
            "are scored by the version in force on their as-of date."
        ).format(version=rules.version, day=f"{rules.effective_from:%Y-%m-%d}")

    def _history_text(self, versions: list[RuleSet]) -> str:
        """The saved versions, newest first (from when, and why)."""
        if not versions:
            return ""
        lines = [
            self.tr("Version {version} from {day}: {reason}").format(
                version=v.version,
                day=f"{v.effective_from:%Y-%m-%d}",
                reason=v.reason or "—",
            )
            for v in reversed(versions)
        ]
        return self.tr("Saved versions:") + "\n" + "\n".join(lines)

    def edited(self) -> RuleSet:
        """The rules as the dialog shows them now."""
        rules = {}
        for kind in self.points:
            cap = _decimal(self.caps[kind])
            rules[kind] = Rule(_decimal(self.points[kind]), cap if cap else None)
        return RuleSet(self.current.version, None, _decimal(self.base), rules)

    def save(self) -> None:
        day = self.effective_from.date().toPython()
        with user_errors(self):
            self.saved = self.assessment.save_rules(self.edited(), day, self.reason.text())  # type: ignore[arg-type]
            self.accept()
