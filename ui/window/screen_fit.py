"""The window's first size on an office screen (1280×800, 1366×768) and its panes' shares."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter

WIDTH, HEIGHT = 1480, 900
"""The first size where the screen has room for it."""
SHARES = (20, 57, 23)
"""Navigator, tabs, detail pane: per cent of the window's width."""


def fit_screen(window: QMainWindow) -> None:
    """``WIDTH``×``HEIGHT``, or maximised on a screen with less room."""
    screen = window.screen().availableGeometry()
    window.resize(min(WIDTH, screen.width()), min(HEIGHT, screen.height()))
    if screen.width() < WIDTH or screen.height() < HEIGHT:
        window.setWindowState(Qt.WindowState.WindowMaximized)


class _FirstShares(QObject):
    """Gives the splitter's panes their ``SHARES`` once it is shown at its real width."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        splitter = self.parent()
        if (
            event.type() == QEvent.Type.Resize
            and isinstance(splitter, QSplitter)
            and splitter.isVisible()
        ):
            width = sum(splitter.sizes())
            splitter.setSizes([width * share // 100 for share in SHARES])
            splitter.removeEventFilter(self)
            self.deleteLater()
        return False


def share_out(splitter: QSplitter) -> None:
    """The panes' first widths: ``SHARES`` of the splitter's width once it is on screen
    (the window's size is known only then: maximised on a small screen); the tabs take
    what a resize adds or removes."""
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([WIDTH * share // 100 for share in SHARES])
    splitter.installEventFilter(_FirstShares(splitter))


def keep_sizes(splitter: QSplitter) -> None:
    """The clerk's own widths were restored: no first shares."""
    for first in splitter.findChildren(_FirstShares):
        splitter.removeEventFilter(first)
        first.deleteLater()
