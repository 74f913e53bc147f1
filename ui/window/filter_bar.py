"""The row of filters above the assignment table.

It turns the clerk's choices into an ``AssignmentFilter`` plus a ``Scope`` (a
part or section picked in the navigator).  The window applies them to the rows
it already holds when it can (``tracker.progress.row_index``), else asks the
database.  Typing in the search box waits 200 ms for the next key before
filtering, so the search (one query for the matching measures) runs once per
pause rather than once per character; Esc in the search box clears it at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)

from tracker.statuses import Status
from ui.assignments.assignment_source import make_filter
from ui.count_suffix import counted_suffix
from ui.labels import state_label

if TYPE_CHECKING:
    from tracker.progress.overview import AssignmentFilter
    from tracker.records import AssignmentRow, DocumentInfo, UnitInfo

SEARCH_DELAY_MS = 200


@dataclass(frozen=True)
class Scope:
    """A part, or a section of a part, of one document."""

    document_id: int
    part: str
    section: str | None = None
    heading_id: int | None = field(default=None, compare=False)
    """The part's or section's id, for a database query."""

    def matches(self, row: AssignmentRow) -> bool:
        return (
            row.document_id == self.document_id
            and row.part == self.part
            and (self.section is None or row.section == self.section)
        )

    def label(self) -> str:
        return f"{self.part} › {self.section}" if self.section else self.part


def document_label(doc: DocumentInfo) -> str:
    return doc.doc_number or doc.short_title


def _narrow_combo(characters: int) -> QComboBox:
    """A combo box as wide as ``characters`` characters, whatever its longest item.

    Sized to their longest item (a document number, 自治区人力资源和社会保障厅…),
    the filter bar's combos made it over 1,000 pixels wide at least, and the
    splitter took the difference from the navigator.  The list that drops down
    is still as wide as its items (``_fit_popup``).
    """
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


UNIT_SHOWN = "自治区商务厅"
"""What the unit list keeps room for on a narrow window: most units' names whole."""
SEARCH_WIDTH = 96
"""The search box's least width (it gives way before the unit list does)."""


def _shrinks_to(combo: QComboBox, shown: str) -> None:
    """On a narrow window the combo may shrink until ``shown`` (its first item, 全部文件…)
    just shows.  At their full widths the row needed 810 pixels, more than the list's
    share of a 1280-pixel window, and the splitter took it from the navigator: its unit
    names were cut to 自治…部门, two units alike."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    text = QSize(metrics.horizontalAdvance(shown), metrics.height())
    size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, combo)
    combo.setMinimumWidth(size.width())


def _fit_popup(combo: QComboBox) -> None:
    """Let the drop-down list show its longest item in full (after a refill)."""
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width())


class FilterBar(QWidget):
    changed = Signal()
    browsing_changed = Signal()
    """The clerk picked a document or unit here, not in the navigator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scope: Scope | None = None
        self.document = _narrow_combo(10)
        self.unit = _narrow_combo(10)
        self.unit.setMaxVisibleItems(25)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status.addItem(state_label(status), status.value)
        self.round = _narrow_combo(6)
        self.round.setToolTip(self.tr("Only the assignments whose progress changed in this round"))
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.due_soon = QCheckBox(self.tr("Due within"))
        self.days = QSpinBox()
        self.days.setRange(0, 365)
        self.days.setValue(15)
        counted_suffix(self.days, self.tr(" day"), self.tr(" days"))
        self.days.setEnabled(False)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search measures and units…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(SEARCH_WIDTH)
        self.scope_label = QLabel()
        self.scope_clear = QToolButton()
        self.scope_clear.setText("✕")
        self.scope_clear.setToolTip(self.tr("Show the whole document again"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._layout()
        self._connect()
        self.set_documents([])
        self.set_units([])
        self.set_rounds([])
        for combo in (self.document, self.status, self.round):
            _shrinks_to(combo, combo.itemText(0))
        _shrinks_to(self.unit, UNIT_SHOWN)
        self._show_scope()

    def _layout(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        # No "Document:" labels: each list's first item says what it filters (全部文件…),
        # and the row must leave room for the navigator and the detail pane.
        for combo, tip in (
            (self.document, self.tr("Filter by document")),
            (self.unit, self.tr("Filter by responsible unit")),
            (self.status, self.tr("Filter by status")),
        ):
            combo.setToolTip(tip)
            combo.setAccessibleName(tip)
        self.round.setAccessibleName(self.round.toolTip())
        row.addWidget(self.document)
        row.addWidget(self.scope_label)
        row.addWidget(self.scope_clear)
        row.addWidget(self.unit)
        row.addWidget(self.status)
        row.addWidget(self.round)
        row.addWidget(self.overdue)
        row.addWidget(self.due_soon)
        row.addWidget(self.days)
        row.addWidget(self.search, 1)

    def _connect(self) -> None:
        self.document.currentIndexChanged.connect(self._document_changed)
        for combo in (self.document, self.unit):
            combo.activated.connect(self.browsing_changed)  # activated: only by hand
        for combo in (self.unit, self.status, self.round):
            combo.currentIndexChanged.connect(self.changed)
        self.overdue.toggled.connect(self.changed)
        self.due_soon.toggled.connect(self.days.setEnabled)
        self.due_soon.toggled.connect(self.changed)
        self.days.valueChanged.connect(self._days_changed)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.flush)
        self.search.installEventFilter(self)  # Esc: see eventFilter
        self._timer.timeout.connect(self.changed)
        self.scope_clear.clicked.connect(lambda: self.set_scope(None))

    # -- contents ---------------------------------------------------------------------------
    def set_documents(self, documents: list[DocumentInfo]) -> None:
        """Refill the document list, keeping the choice if that document is still there."""
        chosen = self.document.currentData()
        with QSignalBlocker(self.document):
            self.document.clear()
            self.document.addItem(self.tr("All documents"), None)
            for doc in documents:
                self.document.addItem(document_label(doc), str(doc.id))
                self.document.setItemData(
                    self.document.count() - 1, doc.title, Qt.ItemDataRole.ToolTipRole
                )
            self.document.setCurrentIndex(max(0, self.document.findData(chosen)))
        _fit_popup(self.document)

    def set_units(self, units: list[UnitInfo]) -> None:
        chosen = self.unit.currentData()
        with QSignalBlocker(self.unit):
            self.unit.clear()
            self.unit.addItem(self.tr("All units"), None)
            for unit in sorted(units, key=lambda u: (-u.assigned, u.name)):
                if unit.assigned:
                    self.unit.addItem(unit.name, unit.name)
            self.unit.setCurrentIndex(max(0, self.unit.findData(chosen)))
        _fit_popup(self.unit)

    def set_rounds(self, names: list[str]) -> None:
        """Refill the rounds (latest first), keeping the choice if that round is still there."""
        chosen = self.round.currentData()
        with QSignalBlocker(self.round):
            self.round.clear()
            self.round.addItem(self.tr("All rounds"), None)
            for name in reversed(names):
                self.round.addItem(name, name)
            self.round.setCurrentIndex(max(0, self.round.findData(chosen)))
        _fit_popup(self.round)

    def set_default_days(self, days: int) -> None:
        """The office's 临期 window, offered until the clerk ticks "Due within" themselves."""
        if not self.due_soon.isChecked():
            with QSignalBlocker(self.days):
                self.days.setValue(days)

    # -- what the clerk chose ---------------------------------------------------------------
    def current(self) -> AssignmentFilter:
        status = self.status.currentData()
        return make_filter(
            document=self.document.currentData(),
            unit=self.unit.currentData(),
            status=Status(status) if status else None,
            overdue=self.overdue.isChecked(),
            due_within_days=self.days.value() if self.due_soon.isChecked() else None,
            search=self.search.text().strip(),
            heading_id=self._scope.heading_id if self._scope else None,
            round=self.round.currentData(),
        )

    def scope(self) -> Scope | None:
        return self._scope

    def describe(self) -> str:
        """The list's name in words, for an exported or printed list: the document (short
        title or number), its part, the unit, status, round, 逾期/临期 and search chosen,
        joined by _; "All assignments" when nothing is."""
        parts = [
            combo.currentText()
            for combo in (self.document, self.unit, self.status, self.round)
            if combo.currentData() is not None
        ]
        if self._scope is not None:
            parts.insert(1 if self.document.currentData() is not None else 0, self._scope.part)
        if self.overdue.isChecked():
            parts.append(self.tr("Overdue"))
        if self.due_soon.isChecked():
            days = self.days.value()
            parts.append(
                self.tr("Due within %n day", "", days)
                if days == 1
                else self.tr("Due within %n days", "", days)
            )
        if self.search.text().strip():
            parts.append(self.search.text().strip())
        return "_".join(parts) or self.tr("All assignments")

    def choose_document(self, document_id: int | None, scope: Scope | None = None) -> None:
        """Select a document (None: all) and optionally a part or section of it; one refresh."""
        with QSignalBlocker(self.document):
            self.document.setCurrentIndex(
                max(0, self.document.findData(None if document_id is None else str(document_id)))
            )
        self._scope = scope
        self._show_scope()
        self.changed.emit()

    def choose_unit(self, name: str | None) -> None:
        self.unit.setCurrentIndex(max(0, self.unit.findData(name)))

    def show_everywhere(self) -> None:
        """Every document and every unit, keeping the status, date and search filters."""
        with QSignalBlocker(self.document), QSignalBlocker(self.unit):
            self.document.setCurrentIndex(0)
            self.unit.setCurrentIndex(0)
        self.set_scope(None)

    def reset(self) -> None:
        """No filter at all: every assignment of every document."""
        widgets = (
            self.document,
            self.unit,
            self.status,
            self.round,
            self.overdue,
            self.due_soon,
            self.search,
        )
        blockers = [QSignalBlocker(w) for w in widgets]
        for combo in (self.document, self.unit, self.status, self.round):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.due_soon.setChecked(False)
        self.days.setEnabled(False)
        self.search.clear()
        self._timer.stop()
        for blocker in blockers:
            blocker.unblock()
        self.set_scope(None)
        # The navigator forgets its entry too: left highlighted over the whole list, a
        # click on it chose nothing (already chosen) and the list stayed everyone's.
        self.browsing_changed.emit()

    def set_scope(self, scope: Scope | None) -> None:
        self._scope = scope
        self._show_scope()
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the search box clears it (the box would pass the key on unused)."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.search.text()
        ):
            self.clear_search()
            return True
        return super().eventFilter(watched, event)

    def clear_search(self) -> None:
        """Esc: no search text, every row the other filters allow shown at once."""
        if self.search.text():
            self.search.clear()
            self.flush()

    def flush(self) -> None:
        """Apply a pending search at once (Enter, or a test that cannot wait)."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    # -- reactions --------------------------------------------------------------------------
    def _document_changed(self) -> None:
        self._scope = None  # a part of another document makes no sense any more
        self._show_scope()
        self.changed.emit()

    def _days_changed(self) -> None:
        if self.due_soon.isChecked():
            self.changed.emit()

    def _show_scope(self) -> None:
        visible = self._scope is not None
        self.scope_label.setVisible(visible)
        self.scope_clear.setVisible(visible)
        if self._scope is not None:
            elided = self.fontMetrics().elidedText(
                self._scope.label(), Qt.TextElideMode.ElideMiddle, 240
            )
            self.scope_label.setText(elided)
            self.scope_label.setToolTip(self._scope.label())
