"""The item models of one returned file's preview: changes, rejects, conflicts and the rest.

The list of files has its own module (``ui.ledgers.file_list_model``).  Conflicts
carry the clerk's choice (take the unit's value, keep the office's, or undecided) as an editable
column; the choices live in ``ConflictModel.choices`` keyed as ``apply`` wants
them: ``(assignment_id, field) → "unit" | "office"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from ui.messages import translated
from ui.record_model import Column, Index, RecordTableModel

if TYPE_CHECKING:
    from importers.ledger.model import ExportedValue
    from tracker.ledgers.ledger_import import Conflict, FieldChange, Ignored, Kept
    from tracker.ledgers.ledger_records import ContactUpdate, ExtensionRequest, FindingEdit, Warned

translate = QCoreApplication.translate
Choices = dict[tuple[int, str], str]

UNIT, OFFICE = "unit", "office"
CLEAR = "clear"
"""The clerk's choice to clear a text the unit emptied (``ledger_records.CLEAR``)."""
ERROR_COLOUR = QColor("#b71c1c")
ATTENTION_COLOUR = QColor("#8a4b00")
READY_COLOUR = QColor("#1b5e20")

_FIELD_NAMES = {
    "status": "Status",
    "percent": "Progress",
    "progress": "Progress report",
    "problems": "Problems",
    "next_steps": "Next steps",
    "contact": "Contact person",
    "phone": "Phone",
    "evidence": "Evidence",
    "delay_reason": "Reason not done on time",
    "extension_to": "Extension requested to",
    "extension_reason": "Reason for the extension",
}


def _mark_for_translation() -> None:
    """Never called: lists the names so lupdate puts them in the .ts file."""
    translate("LedgerField", "Status")
    translate("LedgerField", "Progress")
    translate("LedgerField", "Progress report")
    translate("LedgerField", "Problems")
    translate("LedgerField", "Next steps")
    translate("LedgerField", "Contact person")
    translate("LedgerField", "Phone")
    translate("LedgerField", "Evidence")
    translate("LedgerField", "Reason not done on time")
    translate("LedgerField", "Extension requested to")
    translate("LedgerField", "Reason for the extension")


def field_label(name: str) -> str:
    known = _FIELD_NAMES.get(name)
    return translate("LedgerField", known) if known else name


def value_text(value: ExportedValue) -> str:
    """A ledger value for the screen: empty shown as —, a percentage with its sign."""
    if value is None or value == "":
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value}%"
    return str(value).replace("\n", " ")


def changes_model(parent: QObject | None = None) -> RecordTableModel[FieldChange]:
    return RecordTableModel(
        [
            Column(translate("LedgerPreview", "No."), lambda c: c.code),
            Column(translate("LedgerPreview", "Unit"), lambda c: c.unit),
            Column(translate("LedgerPreview", "Field"), lambda c: field_label(c.field)),
            Column(
                translate("LedgerPreview", "Old → new"),
                lambda c: f"{value_text(c.old)} → {value_text(c.new)}",
            ),
        ],
        parent,
    )


def finding_edits_model(parent: QObject | None = None) -> RecordTableModel[FindingEdit]:
    """What the unit changed in its 整改台账 (the findings' second sheet)."""
    return RecordTableModel(
        [
            Column(translate("LedgerPreview", "Cell"), lambda e: f"{e.sheet}!{e.cell}"),
            Column(translate("LedgerPreview", "Problem"), lambda e: e.problem),
            Column(translate("LedgerPreview", "Field"), lambda e: e.label),
            Column(
                translate("LedgerPreview", "Old → new"),
                lambda e: f"{value_text(e.old)} → {value_text(e.new)}",
            ),
        ],
        parent,
    )


def ignored_model(parent: QObject | None = None) -> RecordTableModel[Ignored]:
    """Cells the unit edited that are not written (locked columns, over-long text)."""
    return RecordTableModel(
        [
            Column(translate("LedgerPreview", "Cell"), lambda r: f"{r.sheet}!{r.cell}"),
            Column(translate("LedgerPreview", "Ignored because"), lambda r: translated(r.reason)),
        ],
        parent,
    )


def warnings_model(parent: QObject | None = None) -> RecordTableModel[Warned]:
    """Rows taken as returned that deserve a look (a percent contradicting the status)."""
    return RecordTableModel(
        [
            Column(translate("LedgerPreview", "Cell"), lambda r: f"{r.sheet}!{r.cell}"),
            Column(translate("LedgerPreview", "No."), lambda r: r.code),
            Column(translate("LedgerPreview", "Unit"), lambda r: r.unit),
            Column(translate("LedgerPreview", "Warning"), lambda r: translated(r.reason)),
        ],
        parent,
    )


def extensions_model(parent: QObject | None = None) -> RecordTableModel[ExtensionRequest]:
    """The requests for a later deadline the file carries, pending once applied."""
    return RecordTableModel(
        [
            Column(translate("LedgerPreview", "Cell"), lambda e: f"{e.sheet}!{e.cell}"),
            Column(translate("LedgerPreview", "No."), lambda e: e.code),
            Column(translate("LedgerPreview", "Unit"), lambda e: e.unit),
            Column(
                translate("LedgerPreview", "Deadline → requested"),
                lambda e: f"{e.deadline_text or e.deadline or '—'} → {e.requested.isoformat()}",
            ),
            Column(translate("LedgerPreview", "Reason"), lambda e: e.reason),
        ],
        parent,
    )


def contacts_model(parent: QObject | None = None) -> RecordTableModel[ContactUpdate]:
    """The unit's 联系人 and 联系电话 as the directory will have them."""
    return RecordTableModel(
        [
            Column(translate("LedgerPreview", "Unit"), lambda c: c.unit),
            Column(translate("LedgerPreview", "Field"), lambda c: field_label(c.field)),
            Column(
                translate("LedgerPreview", "Directory → returned"),
                lambda c: f"{c.old or '—'} → {c.new}",
            ),
            Column(translate("LedgerPreview", "Cell"), lambda c: f"{c.sheet}!{c.cell}"),
        ],
        parent,
    )


CHOICE = 6
"""The conflict model's decision column."""

KEPT_CHOICE = 5
"""The emptied-texts model's decision column."""


class _Decided(Protocol):
    """A row the clerk decides on: its ``key`` is the key of ``Choices``."""

    @property
    def key(self) -> tuple[int, str]: ...


D = TypeVar("D", bound=_Decided)


class DecisionModel(RecordTableModel[D]):
    """A list whose last column (editable) is the clerk's decision on each row.

    The emptied texts and the conflicts are decided the same way: the choice is
    stored in ``choices`` shared with the file list (so its status follows), an
    empty value withdraws it, and only the values ``choice_names`` offers are
    taken; the two differ only in their columns and their choices.
    """

    def __init__(
        self, columns: Sequence[Column[D]], choices: Choices, parent: QObject | None = None
    ) -> None:
        self.choices = choices  # shared with the file list, so its status follows
        super().__init__(
            [*columns, Column(translate("LedgerPreview", "Decision"), self.choice_label)], parent
        )
        self.decision_column = len(self.columns) - 1

    @staticmethod
    def choice_names() -> dict[str | None, str]:
        """Each choice (``None``: none made) → its label; overridden per list."""
        raise NotImplementedError

    def choice(self, record: D) -> str | None:
        return self.choices.get(record.key)

    def choice_label(self, record: D) -> str:
        return self.choice_names()[self.choice(record)]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.decision_column:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and index.column() == self.decision_column
            and role == Qt.ItemDataRole.EditRole
        ):
            return self.choice(self.record(index.row())) or ""
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != self.decision_column
            or role != Qt.ItemDataRole.EditRole
        ):
            return False
        record = self.record(index.row())
        key = record.key
        if isinstance(value, str) and value and value in self.choice_names():
            self.choices[key] = value
        elif not value:
            self.choices.pop(key, None)
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


class KeptModel(DecisionModel["Kept"]):
    """Texts the unit emptied: kept unless the clerk chooses to clear one (last column)."""

    def __init__(self, choices: Choices, parent: QObject | None = None) -> None:
        columns: list[Column[Kept]] = [
            Column(translate("LedgerPreview", "No."), lambda k: k.code),
            Column(translate("LedgerPreview", "Unit"), lambda k: k.unit),
            Column(translate("LedgerPreview", "Field"), lambda k: field_label(k.field)),
            Column(translate("LedgerPreview", "Cell"), lambda k: f"{k.sheet}!{k.cell}"),
            Column(translate("LedgerPreview", "Office's text"), lambda k: value_text(k.office)),
        ]
        super().__init__(columns, choices, parent)

    @staticmethod
    def choice_names() -> dict[str | None, str]:
        return {
            None: translate("LedgerPreview", "Emptied, kept"),
            CLEAR: translate("LedgerPreview", "Clear it"),
        }


class ConflictModel(DecisionModel["Conflict"]):
    """A file's conflicts; the last column (editable) is the clerk's decision.  A 整改台账
    conflict shows the finding's problem as its No. and the sheet's header as its field."""

    def __init__(self, choices: Choices, parent: QObject | None = None) -> None:
        columns: list[Column[Conflict]] = [
            Column(translate("LedgerPreview", "No."), lambda c: c.code),
            Column(translate("LedgerPreview", "Unit"), lambda c: c.unit),
            Column(
                translate("LedgerPreview", "Field"),
                lambda c: c.label if c.finding else field_label(c.field),
            ),
            Column(translate("LedgerPreview", "Sent out"), lambda c: value_text(c.exported)),
            Column(translate("LedgerPreview", "Office now"), lambda c: value_text(c.office)),
            Column(translate("LedgerPreview", "Unit returned"), lambda c: value_text(c.returned)),
        ]
        super().__init__(columns, choices, parent)

    @staticmethod
    def choice_names() -> dict[str | None, str]:
        return {
            None: translate("LedgerPreview", "Undecided"),
            UNIT: translate("LedgerPreview", "Take the unit's value"),
            OFFICE: translate("LedgerPreview", "Keep the office's value"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and index.column() == self.decision_column
            and role == Qt.ItemDataRole.ForegroundRole
            and self.choice(self.record(index.row())) is None
        ):
            return ATTENTION_COLOUR
        return super().data(index, role)
