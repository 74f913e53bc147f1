"""A group's members: add, remove, reorder, paste a list, take a column from a file, a preset.

A group such as 各市、县（区） with members has each of its tasks answered by every
member (their own status, ledger rows and place in the bulletin); the group's own
state is derived from theirs.  The list is edited here and written in one step on
OK (``GroupService.set_members``): names the directory does not know are listed
first and created only if the clerk agrees.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from importers.text_clean import clean_unit_name
from importers.units.unit_list import UnitListReadError, read_unit_column
from tracker.units.group_presets import GroupPreset, load_presets
from tracker.units.groups import GroupService
from ui.messages import translated, user_errors, warn
from ui.settings.folders import open_file


def pasted_names(text: str) -> list[str]:
    """Unit names from pasted text: one per line, or separated by 、，, ; or tabs."""
    for separator in ("、", "，", ",", "；", ";", "\t"):
        text = text.replace(separator, "\n")
    return [name for name in (clean_unit_name(line) for line in text.splitlines()) if name]


class GroupDialog(QDialog):
    def __init__(
        self, groups: GroupService, group: str, known: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.groups = groups
        self.group = group
        self.known = known
        self.saved = False
        info = groups.group(group)
        self.setWindowTitle(self.tr("Members of {0}").format(group))
        self.resize(520, 560)
        explain = QLabel(
            self.tr(
                "Each member answers every task of {0} on its own: its own status, ledger "
                "and place in the bulletin. The group is done when every member is."
            ).format(group)
        )
        explain.setWordWrap(True)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.addItems(list(info.members))
        self.direct = QCheckBox(
            self.tr("Members' own members (e.g. counties) answer directly, not through them")
        )
        self.direct.setChecked(info.members_report_directly)
        self.presets = load_presets()
        self.preset_box = QComboBox()
        self.preset_box.addItem(self.tr("Ready-made list…"))
        for preset in self.presets:
            self.preset_box.addItem(preset.title)
            if preset.optional:
                self.preset_box.addItem(
                    self.tr("{0} and {1}").format(preset.title, "、".join(preset.optional))
                )
        self.preset_box.activated.connect(self._preset_chosen)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Add…"), self.add),
            (self.tr("Remove"), self.remove),
            (self.tr("Up"), lambda: self.move_member(-1)),
            (self.tr("Down"), lambda: self.move_member(1)),
            (self.tr("Paste list…"), self.paste),
            (self.tr("From file…"), self.from_file),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.preset_box)
        layout.addWidget(self.direct)
        layout.addWidget(box)

    def names(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def append(self, names: list[str]) -> None:
        present = set(self.names())
        for name in names:
            if name not in present and name != self.group:
                self.list.addItem(name)
                present.add(name)

    # -- editing ----------------------------------------------------------------------------
    def add(self) -> None:
        choices = sorted(n for n in self.known if n != self.group and n not in self.names())
        name, ok = QInputDialog.getItem(
            self, self.tr("Add a member"), self.tr("Unit:"), choices, 0, True
        )
        if ok and clean_unit_name(name):
            self.append([clean_unit_name(name)])

    def remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def move_member(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def paste(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Paste a list"), self.tr("One unit per line (or separated by 、):")
        )
        if ok:
            self.append(pasted_names(text))

    def from_file(self) -> None:
        path = open_file(
            self,
            "documents",
            self.tr("Members from a file"),
            self.tr("Spreadsheets and CSV (*.xlsx *.xls *.ods *.csv)"),
        )
        if path is None:
            return
        try:
            self.append(read_unit_column(path))
        except UnitListReadError as exc:
            warn(self, translated(exc.as_message()))

    def _preset_chosen(self, index: int) -> None:
        entries: list[tuple[GroupPreset, bool]] = []
        for preset in self.presets:
            entries.append((preset, False))
            if preset.optional:
                entries.append((preset, True))
        if 1 <= index <= len(entries):
            preset, optional = entries[index - 1]
            self.append([*preset.members, *(preset.optional if optional else ())])
        self.preset_box.setCurrentIndex(0)

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        names = self.names()
        new = [n for n in names if n not in self.known]
        if new:
            answer = QMessageBox.question(
                self,
                self.tr("New units"),
                self.tr("These units are not in the directory yet and will be added:\n{0}").format(
                    "、".join(new)
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        with user_errors(self):
            self.groups.set_members(
                self.group, names, create=True, report_directly=self.direct.isChecked()
            )
            self.saved = True
            late = self.groups.without_ledger(self.group)
            if late is not None:
                QMessageBox.information(
                    self,
                    self.tr("Members of {0}").format(self.group),
                    self.tr(
                        "The ledgers of {0} went out before these members had tasks: {1}. "
                        "Export their ledgers (File → Export work ledgers) so they can report."
                    ).format(late.round, "、".join(late.units)),
                )
            self.accept()
