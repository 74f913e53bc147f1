"""Tab pages whose widget is built the first time it is needed, not at start-up.

The progress board and the dashboard are behind tabs nobody sees when the
window opens; building them (and importing their modules: the board model, the
bar charts…) waits until a tab is chosen or the window hands them data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyPage(QWidget, Generic[W]):
    """A tab's page: empty until ``content()`` builds the real widget into it."""

    def __init__(self, build: Callable[[], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._content: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def built(self) -> W | None:
        """The widget, if it has been built."""
        return self._content

    def content(self) -> W:
        if self._content is None:
            self._content = self._build()
            self._layout.addWidget(self._content)
        return self._content
