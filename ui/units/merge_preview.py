"""The preview of a unit merge: each measure both units have, both values, and a choice.

Nothing is written here: the dialog shows ``UnitService.plan_merge`` and gives back
the clerk's choices (measure id → ``merged`` / ``source`` / ``target``), which
``UnitService.merge`` then applies.  The default of every row is the service's
rule: the more advanced progress, both units' texts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.units.unit_merge import CHOICES, MERGED, SOURCE, TARGET, MergePlan, Progress


def progress_text(progress: Progress) -> str:
    """Status, percent and the texts of one assignment, one per line."""
    lines = [progress.status + (f"  {progress.percent}%" if progress.percent is not None else "")]
    lines += [text for text in (progress.note, progress.problems, progress.next_steps) if text]
    return "\n".join(lines)


class MergePreviewDialog(QDialog):
    """Merge ``plan.source`` into ``plan.target``? — with a choice per collision."""

    DOCUMENT, MEASURE, SOURCE_VALUES, TARGET_VALUES, KEEP = range(5)

    def __init__(self, plan: MergePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Merge units"))
        self.resize(900, 480)
        summary = (
            self.tr(
                "Merge {0} into {1}? {0} becomes another name of {1}; its %n assignment moves "
                "to {1} with its history. A backup is made first.",
                "",
                plan.moved,
            )
            if plan.moved == 1
            else self.tr(
                "Merge {0} into {1}? {0} becomes another name of {1}; its %n assignments move "
                "to {1} with their history. A backup is made first.",
                "",
                plan.moved,
            )
        ).format(plan.source, plan.target)
        if plan.collisions:
            summary += "\n" + (
                self.tr("Both units have %n measure: choose what each one keeps.", "", 1)
                if len(plan.collisions) == 1
                else self.tr(
                    "Both units have %n measures: choose what each one keeps.",
                    "",
                    len(plan.collisions),
                )
            )
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(plan.collisions), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Measure"), plan.source, plan.target, self.tr("Keep")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.combos: list[QComboBox] = []
        labels = {
            MERGED: self.tr("The more advanced progress and both texts"),
            SOURCE: self.tr("The values of {0}").format(plan.source),
            TARGET: self.tr("The values of {0}").format(plan.target),
        }
        for row, collision in enumerate(plan.collisions):
            cells = (
                collision.doc_label,
                f"{collision.code} {collision.title}",
                progress_text(collision.source),
                progress_text(collision.target),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            combo = QComboBox()
            for choice in CHOICES:
                combo.addItem(labels[choice], choice)
            if collision.choice == MERGED:  # what the rule gives, seen before merging
                kept = self.tr("Kept:") + "\n" + progress_text(collision.kept)
                combo.setItemData(CHOICES.index(MERGED), kept, Qt.ItemDataRole.ToolTipRole)
                combo.setToolTip(kept)
            combo.setCurrentIndex(CHOICES.index(collision.choice))
            self.table.setCellWidget(row, self.KEEP, combo)
            self.combos.append(combo)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.MEASURE, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(plan.collisions))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def choices(self) -> dict[int, str]:
        """Measure id → what the clerk chose to keep for it."""
        return {
            collision.measure_id: str(combo.currentData())
            for collision, combo in zip(self.plan.collisions, self.combos, strict=True)
        }
