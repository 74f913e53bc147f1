"""Enter in a dialog's line edit that does its own job (add the unit typed, go to the
matches): the job is done and the key goes no further, so the dialog's default button
is not pressed as well (a QLineEdit passes Enter on after ``returnPressed``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit


class EnterDoes(QObject):
    """Watches ``field``: Enter or Return there calls ``action``, and only that."""

    def __init__(self, field: QLineEdit, action: Callable[[], None]) -> None:
        super().__init__(field)
        self.action = action
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.action()
            return True
        return super().eventFilter(watched, event)
