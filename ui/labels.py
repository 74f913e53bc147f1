"""What a status or derived state is called on screen, and how it is coloured.

The database stores the office's own words (未启动, 推进中…); the window shows
them through ``tr`` so an English interface says "In progress" while the
Chinese one shows exactly the word the ledgers use.  Colours live here too, so
the table, the detail pane and the navigator agree on what "overdue" looks like.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from tracker.statuses import Derived, Status

_CONTEXT = "Status"

# QT_TRANSLATE_NOOP-style table: pyside6-lupdate reads the translate() calls below.
_STATE_NAMES: dict[Derived, str] = {
    Derived.NOT_STARTED: "Not started",
    Derived.IN_PROGRESS: "In progress",
    Derived.DONE: "Done",
    Derived.TICKED_OFF: "Ticked off",
    Derived.STANDING: "Standing task",
    Derived.OVERDUE: "Overdue",
    Derived.DUE_SOON: "Due soon",
    Derived.UNASSIGNED: "Unassigned",
}


def _mark_for_translation() -> None:
    """Never called: lists the names so lupdate puts them in the .ts file."""
    QCoreApplication.translate("Status", "Not started")
    QCoreApplication.translate("Status", "In progress")
    QCoreApplication.translate("Status", "Done")
    QCoreApplication.translate("Status", "Ticked off")
    QCoreApplication.translate("Status", "Standing task")
    QCoreApplication.translate("Status", "Overdue")
    QCoreApplication.translate("Status", "Due soon")
    QCoreApplication.translate("Status", "Unassigned")


def state_label(state: Derived | Status) -> str:
    """The on-screen name of a stored status or a derived state."""
    return QCoreApplication.translate(_CONTEXT, _STATE_NAMES[Derived(state.value)])


def role_label(role: str) -> str:
    """牵头 (lead) or 责任 (responsible), as stored by the importer."""
    if role == "牵头":
        return QCoreApplication.translate("Role", "Lead")
    return QCoreApplication.translate("Role", "Responsible")


# Built once: the table asks for these colours on every repaint of every visible cell.
_FOREGROUND: dict[Derived, QColor] = {
    Derived.OVERDUE: QColor("#b71c1c"),
    Derived.DUE_SOON: QColor("#8a4b00"),
    Derived.DONE: QColor("#1b5e20"),
    Derived.TICKED_OFF: QColor("#616161"),
}
_BACKGROUND: dict[Derived, QColor] = {
    Derived.OVERDUE: QColor("#fde0dc"),
    Derived.DUE_SOON: QColor("#ffefd0"),
}


def state_foreground(state: Derived) -> QColor | None:
    """Text colour for a state; None keeps the palette's own."""
    return _FOREGROUND.get(state)


def state_background(state: Derived) -> QColor | None:
    """Cell background for the states a clerk must notice (逾期, 临期)."""
    return _BACKGROUND.get(state)


_KIND_NAMES = {
    "部门": "Department",
    "地方": "Local government",
    "集体": "Collective",
    "其他": "Other",
}


def _mark_kinds_for_translation() -> None:
    """Never called: lists the names so lupdate puts them in the .ts file."""
    QCoreApplication.translate("UnitKind", "Department")
    QCoreApplication.translate("UnitKind", "Local government")
    QCoreApplication.translate("UnitKind", "Collective")
    QCoreApplication.translate("UnitKind", "Other")


def kind_label(kind: str) -> str:
    """部门 / 地方 / 集体 / 其他 as stored by the units directory, for the screen."""
    name = _KIND_NAMES.get(kind)
    return QCoreApplication.translate("UnitKind", name) if name else kind
