"""The pane on the right: the chosen measure in full, its units, and the assignment's history.

It only displays: the window gathers a ``Detail`` (``AssignmentSource.detail``)
and hands it over, so the pane can be tested with plain records.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.statuses import Derived, Status
from tracker.units.group_rollup import GroupKey, GroupState, derived_state, group_tallies
from ui.assignments.assignment_model import deadline_text
from ui.group_labels import group_heading
from ui.labels import role_label, state_background, state_foreground, state_label

if TYPE_CHECKING:  # plain records, handed in; their module is not needed to show the window
    from tracker.records import AssignmentRow, HistoryRow
    from ui.assignments.assignment_source import Detail


def _status_word(value: str | None) -> str:
    return state_label(Status(value)) if value else "—"


def describe_change(entry: HistoryRow) -> str:
    """One line saying what an entry changed, e.g. ``未启动 → 推进中；40%；已上线试运行``."""
    parts = []
    if entry.old_status is None:  # the assignment was created (import, new unit)
        parts.append(_status_word(entry.new_status))
    elif entry.old_status != entry.new_status:
        parts.append(f"{_status_word(entry.old_status)} → {_status_word(entry.new_status)}")
    if entry.old_percent != entry.new_percent:
        old = "—" if entry.old_percent is None else f"{entry.old_percent}%"
        new = "—" if entry.new_percent is None else f"{entry.new_percent}%"
        parts.append(f"{old} → {new}")
    if entry.old_note != entry.new_note and (entry.old_note or entry.new_note):
        parts.append(f"“{entry.new_note}”" if entry.new_note else "—")
    for label, was, now in (
        (_EVIDENCE, entry.old_evidence, entry.new_evidence),
        (_DELAY_REASON, entry.old_delay_reason, entry.new_delay_reason),
    ):
        if now is not None and (was or "") != now:
            said = f"“{now}”" if now else "—"
            parts.append(QCoreApplication.translate("DetailPane", label).format(said))
    if entry.new_deadline is not None:  # an approved extension (申请延期)
        was = entry.old_deadline.isoformat() if entry.old_deadline else "—"
        moved = f"{was} → {entry.new_deadline.isoformat()}"
        parts.append(QCoreApplication.translate("DetailPane", "Deadline: {0}").format(moved))
    return "；".join(parts)


_EVIDENCE = "Evidence: {0}"
"""佐证材料 in a history line (translated in the DetailPane context)."""
_DELAY_REASON = "Reason for the delay: {0}"
"""未按期完成原因 in a history line (translated in the DetailPane context)."""


class DetailPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QTextBrowser()
        self.units = self._tree(
            [self.tr("Unit"), self.tr("Role"), self.tr("Status"), self.tr("Progress")],
            stretch=0,
        )
        # Not a table: in a narrow pane a change and its source need to wrap, not be cut.
        self.history = QTextBrowser()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        for title, widget in (
            (self.tr("Measure text"), self.text),
            (self.tr("Units of this measure"), self.units),
            (self.tr("History of the selected unit's part"), self.history),
        ):
            splitter.addWidget(self._titled(title, widget))
        splitter.setSizes([3, 2, 3])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(splitter, 1)
        self.clear()

    def clear(self) -> None:
        self.heading.setText(self.tr("No measure selected"))
        self.facts.setText(self.tr("Choose a row in the table to see the measure in full."))
        self.text.clear()
        self.units.clear()
        self.history.clear()

    def show_detail(self, detail: Detail) -> None:
        row = detail.row
        self.heading.setText(f"{row.code}．{row.title}")
        where = " › ".join(p for p in (row.doc_label, row.part, row.section) if p)
        deadline = deadline_text(row) or (
            self.tr("Standing task") if detail.text.standing else self.tr("none")
        )
        facts = where + "\n" + self.tr("Deadline: {0}").format(deadline)
        if row.group is not None:
            state = group_tallies(detail.units).get((row.measure_id, row.code, row.group))
            if state is not None:
                facts += "\n" + self.tr("Member of the group: {0}").format(
                    group_heading(row.group, state)
                )
        if row.unit in detail.memberless:  # nobody to send its ledger to yet
            facts += "\n" + self.tr(
                "The collective has no member units yet: add its members in the units directory"
            )
        answers = detail.answers
        if answers is not None and answers.evidence:
            facts += "\n" + self.tr("Evidence: {0}").format(answers.evidence)
        if answers is not None and answers.delay_reason:
            facts += "\n" + self.tr("Reason for the delay: {0}").format(answers.delay_reason)
        self.facts.setText(facts)
        body = detail.text.text
        if detail.text.sub_task is not None:  # what this row's part asks, before the whole
            code, asks = detail.text.sub_task
            body = "\n\n".join(
                (
                    self.tr("Sub-task {0}:").format(code) + "\n" + asks,
                    self.tr("The measure in full:") + "\n" + body,
                )
            )
        if detail.text.milestones:
            steps = "\n".join(f"• {due:%Y-%m-%d}  {text}" for due, text in detail.text.milestones)
            body += "\n\n" + self.tr("Milestones:") + "\n" + steps
        self.text.setPlainText(body)
        self._fill_units(detail.units, row.id)
        self._fill_history(detail.history)

    def _fill_units(self, rows: list[AssignmentRow], selected_id: int) -> None:
        """Each unit's part (led by its task's code, 3-1, when the measure has several); a
        group (各市、县（区）) as one line with its derived state and its members beneath it,
        each with its own state."""
        self.units.clear()
        tallies = group_tallies(rows)
        groups: dict[tuple[str, str], QTreeWidgetItem] = {}  # (task code, group)
        several = len({r.code for r in rows}) > 1  # sub-tasks: each line names its own
        for unit_row in rows:
            item = self._unit_item(unit_row, unit_row.id == selected_id)
            code = f"{unit_row.code}  "
            if several and unit_row.group is None:
                item.setText(0, code + unit_row.unit)
            if unit_row.group is None:
                self.units.addTopLevelItem(item)
                continue
            parent = self._group_parent(unit_row, unit_row.group, tallies, groups)
            parent.addChild(item)
            top = parent
            while (above := top.parent()) is not None:
                top = above
            if several and not top.text(0).startswith(code):
                top.setText(0, code + top.text(0))  # 3-1  各市、县（区） (5 members)
            line: QTreeWidgetItem | None = parent
            while unit_row.id == selected_id and line is not None:
                self._bold(line)
                line = line.parent()
        self.units.setRootIsDecorated(bool(groups))
        self.units.expandAll()

    def _group_parent(
        self,
        share: AssignmentRow,
        group: str,
        tallies: dict[GroupKey, GroupState],
        groups: dict[tuple[str, str], QTreeWidgetItem],
    ) -> QTreeWidgetItem:
        """The line of ``group`` in ``share``'s sub-task (made once): top level, or beneath
        the group above it when ``group`` is a city whose counties answer directly
        (``outer_group``)."""
        parent = groups.get((share.code, group))
        if parent is None:
            state = tallies[(share.measure_id, share.code, group)]
            parent = self._group_item(share, group, state)
            groups[(share.code, group)] = parent
            outer = share.outer_group if group == share.group else None
            if outer is None:
                self.units.addTopLevelItem(parent)
            else:
                self._group_parent(share, outer, tallies, groups).addChild(parent)
            parent.setFirstColumnSpanned(True)  # (only once in the tree)
        return parent

    def _unit_item(self, unit_row: AssignmentRow, selected: bool) -> QTreeWidgetItem:
        percent = "" if unit_row.percent is None else f"{unit_row.percent}%"
        item = QTreeWidgetItem(
            [unit_row.unit, role_label(unit_row.role), state_label(unit_row.state), percent]
        )
        self._colour(item, unit_row.state)
        if unit_row.note:
            item.setToolTip(0, unit_row.note)
        if selected:
            self._bold(item)
        return item

    def _group_item(self, share: AssignmentRow, group: str, state: GroupState) -> QTreeWidgetItem:
        """One line across the whole width (``各市、县（区） (5 members) · 3/5 done · 50%``):
        in a narrow pane the group's state in the Status column would squeeze the units'
        names to a character or two; the members' short states fit there."""
        heading = f"{group_heading(group, state)} · {state.percent}%"
        item = QTreeWidgetItem([heading])
        derived = self.tr("Derived from the members' own states, never typed")
        item.setToolTip(0, f"{heading}\n{derived}")
        self._colour(item, derived_state(state), column=0)
        return item

    @staticmethod
    def _colour(item: QTreeWidgetItem, state: Derived, column: int = 2) -> None:
        if (fg := state_foreground(state)) is not None:
            item.setForeground(column, QBrush(fg))
        if (bg := state_background(state)) is not None:
            item.setBackground(column, QBrush(bg))

    @staticmethod
    def _bold(item: QTreeWidgetItem) -> None:
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)

    def _fill_history(self, entries: list[HistoryRow]) -> None:
        """Newest first: when, who and where from on one line, what changed below it."""
        blocks = []
        for entry in reversed(entries):
            head = f"<b>{entry.changed_at:%Y-%m-%d %H:%M}</b> · {escape(entry.changed_by)}"
            source = f"<span style='color:#616161'>{escape(entry.source)}</span>"
            blocks.append(f"<p>{head} · {source}<br>{escape(describe_change(entry))}</p>")
        self.history.setHtml("".join(blocks))

    @staticmethod
    def _tree(headers: list[str], stretch: int) -> QTreeWidget:
        """A read-only list; column ``stretch`` takes the spare width, the others fit."""
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return tree

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        label = QLabel(title)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        layout.addWidget(label)
        layout.addWidget(widget)
        return box
