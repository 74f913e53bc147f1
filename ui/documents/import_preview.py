"""The preview of a policy document before it is imported.

Shows what the parser read (number, title, issuer, date; parts, sections and
measures; the measures that name no unit; the parser's warnings), every unit
the document names, and — for a revised version of a stored document — what
the revision changes.  A unit never seen before gets a combo: create it, or
map it onto a known unit (the closest names first), so 自治区高院 does not
become a second 自治区高级人民法院.  Nothing is written here: the caller
imports with ``unit_mapping()`` once the dialog is accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from importers.messages import Message
from tracker.reports.report_format import cn_date
from ui.documents.import_preview_models import (
    OPTIONS_ROLE,
    SUGGESTIONS_ROLE,
    MeasuresModel,
    UnitsModel,
    change_line,
)
from ui.documents.task_review import TaskReview
from ui.messages import translated

if TYPE_CHECKING:
    from importers.policy import ParsedDocument, SourceInfo
    from tracker.records import ImportPlan

Index = QModelIndex | QPersistentModelIndex


class UnitChoiceDelegate(QStyledItemDelegate):
    """A combo for a new unit: "Create as a new unit", the suggestions, then every known unit."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setMaxVisibleItems(20)
        combo.addItem(self.tr("Create as a new unit"), "")
        suggested = list(index.data(SUGGESTIONS_ROLE) or [])
        for name in index.data(OPTIONS_ROLE) or []:
            if name in suggested:
                combo.addItem(self.tr("{0} (suggested)").format(name), name)
            else:
                if combo.count() == len(suggested) + 1:
                    combo.insertSeparator(combo.count())
                combo.addItem(name, name)
        combo.currentIndexChanged.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or "")


def _table(model: QAbstractItemModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def warning_text(message: Message | str) -> str:
    return translated(message) if isinstance(message, Message) else str(message)


class ImportPreviewDialog(QDialog):
    """What importing a document would do; accepted means "import it"."""

    def __init__(
        self,
        parsed: ParsedDocument,
        source: SourceInfo,
        plan: ImportPlan,
        known_units: Sequence[str],
        parent: QWidget | None = None,
        replan: Callable[[ParsedDocument], ImportPlan] | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.replan = replan
        self.setWindowTitle(self.tr("Import policy document — preview"))
        self.resize(1180, 720)
        self.measures = MeasuresModel(parsed.measures, self)
        self.review = TaskReview(parsed, known_units, self)
        self.review.edited.connect(self._corrected)
        self.units = UnitsModel(plan.units, known_units, self)
        self.measure_view = _table(self.measures, MeasuresModel.TITLE)
        self.unit_view = _table(self.units, UnitsModel.TARGET)
        self.unit_view.setItemDelegateForColumn(UnitsModel.TARGET, UnitChoiceDelegate(self))
        self.unit_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.unit_view.horizontalHeader().setSectionResizeMode(
            UnitsModel.TARGET, QHeaderView.ResizeMode.Interactive
        )
        self.unit_view.horizontalHeader().setStretchLastSection(True)
        self._open_unit_editors()
        self.changes = QListWidget()
        self.changes.addItems([change_line(c) for c in plan.changes])
        self.warnings = QListWidget()
        for warning in parsed.warnings:
            text = self.tr("Line {0}: {1}").format(warning.line, warning_text(warning.message))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, warning.line)
            item.setToolTip(self.tr("Double-click to show the task of this line"))
            self.warnings.addItem(item)
        self.warnings.itemActivated.connect(self.show_warning)
        self.state = QLabel(self._state_text(source.file_name))
        self.state.setWordWrap(True)
        self.counts = QLabel(self._counts_text())
        self.unassigned = QLabel()
        self.unassigned.setStyleSheet("color: #b00020")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.measure_view, self.tr("Measures ({0})").format(plan.measures))
        self.tabs.addTab(self.review, "")
        new = len(self.units.new_rows())
        self.tabs.addTab(self.unit_view, "")
        self._show_plan()
        if plan.state == "revision":
            self.tabs.addTab(self.changes, self.tr("Changes ({0})").format(len(plan.changes)))
            self.tabs.setCurrentWidget(self.changes)
        elif new:
            self.tabs.setCurrentWidget(self.unit_view)
        if parsed.warnings:
            self.tabs.addTab(
                self.warnings, self.tr("Parser warnings ({0})").format(len(parsed.warnings))
            )
        self.buttons = QDialogButtonBox(self)  # (parented first: the dialog takes its default)
        self.confirm: QPushButton | None = None
        if plan.state == "unchanged":
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            text = self.tr("Accept revision") if plan.state == "revision" else self.tr("Import")
            self.confirm = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
            self.confirm.setDefault(True)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout(parsed, source)

    def _layout(self, parsed: ParsedDocument, source: SourceInfo) -> None:
        title = QLabel(parsed.title or source.file_name)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        form = QFormLayout()
        form.addRow(self.tr("Document number:"), QLabel(parsed.doc_number or "—"))
        form.addRow(self.tr("Issued by:"), QLabel(parsed.issuer or "—"))
        # As the document itself writes it (2021年5月19日), not 2021-05-19.
        issued = cn_date(parsed.issued_on) if parsed.issued_on else "—"
        self.issued_on = QLabel(issued)
        form.addRow(self.tr("Issued on:"), self.issued_on)
        form.addRow(self.tr("File:"), QLabel(source.file_name))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.counts)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.unassigned)
        layout.addWidget(self.buttons)

    def _state_text(self, file_name: str) -> str:
        if self.plan.state == "unchanged":
            return self.tr(
                "{0} was imported before; importing it again would change nothing."
            ).format(file_name)
        if self.plan.state == "revision":
            return self.tr(
                "This is a revised version of the stored document {0}. Accepting the "
                "revision applies the changes listed below; progress already recorded is kept."
            ).format(self.plan.stored)
        new = len(self.units.new_rows())
        if new:
            return self.tr("Check the new units: create each one, or pick the known unit it means.")
        return self.tr("Every unit the document names is already known.")

    def _counts_text(self) -> str:
        plan, named = self.plan, len(self.plan.units)
        parts = (
            self.tr("%n part", "", plan.parts)
            if plan.parts == 1
            else self.tr("%n parts", "", plan.parts)
        )
        sections = (
            self.tr("%n section", "", plan.sections)
            if plan.sections == 1
            else self.tr("%n sections", "", plan.sections)
        )
        measures = (
            self.tr("%n measure", "", plan.measures)
            if plan.measures == 1
            else self.tr("%n measures", "", plan.measures)
        )
        units = (
            self.tr("%n unit named", "", named)
            if named == 1
            else self.tr("%n units named", "", named)
        )
        return self.tr("{0}, {1}, {2}, {3} ({4} new).").format(
            parts, sections, measures, units, len(self.units.new_rows())
        )

    def show_warning(self, item: QListWidgetItem) -> None:
        """The task the warning's line belongs to, selected in the Tasks tab."""
        line = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(line, int) and self.review.select_line(line):
            self.tabs.setCurrentWidget(self.review)

    def document(self) -> ParsedDocument:
        """The parsed document with the clerk's corrections to its tasks: what to import."""
        return self.review.document()

    def _corrected(self, document: ParsedDocument) -> None:
        self.measures.reset(document.measures)
        if self.replan is None:
            return
        self.plan = self.replan(document)
        self.units.reset(self.plan.units)
        self._open_unit_editors()
        self.changes.clear()
        self.changes.addItems([change_line(c) for c in self.plan.changes])
        self.counts.setText(self._counts_text())
        self._show_plan()

    def _show_plan(self) -> None:
        """The tab titles and the line of measures without a unit, from the plan."""
        plan = self.plan
        tasks = sum(len(m.tasks) for m in self.document().measures)
        self.tabs.setTabText(self.tabs.indexOf(self.review), self.tr("Tasks ({0})").format(tasks))
        new = len(self.units.new_rows())
        self.tabs.setTabText(
            self.tabs.indexOf(self.unit_view),
            self.tr("Units ({0}, {1} new)").format(len(plan.units), new),
        )
        codes = "、".join(plan.unassigned_codes)
        self.unassigned.setText(self.tr("Measures without a responsible unit: {0}").format(codes))
        self.unassigned.setVisible(bool(plan.unassigned_codes))

    def _open_unit_editors(self) -> None:
        for row in self.units.new_rows():
            self.unit_view.openPersistentEditor(self.units.index(row, UnitsModel.TARGET))

    def unit_combo(self, name: str) -> QComboBox:
        """The "Import as" combo of a new unit (for tests and for keyboard focus)."""
        [row] = [r for r in self.units.new_rows() if self.units.unit(r).name == name]
        widget = self.unit_view.indexWidget(self.units.index(row, UnitsModel.TARGET))
        assert isinstance(widget, QComboBox)
        return widget

    def unit_mapping(self) -> dict[str, str]:
        """New names mapped to known units: ``import_parsed(…, unit_mapping=…)``."""
        return self.units.unit_mapping()
