"""The detail pane shown on the tab that uses it, hidden on the others unless asked for.

The pane shows the selected assignment's measure, units and history: the
assignment list needs it; the board and the dashboard, which are wide, start
without it.  View → Detail pane (the checkable ``action``) shows or hides it
on the current tab, and each tab remembers its own choice (``window_settings``'
``DETAIL_ON_TABS``, saved at once).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, QSignalBlocker
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.settings import window_settings as keys

SHOWN_AT_FIRST = (True, False, False)
"""Per tab (assignments, board, dashboard), before the clerk chose."""


class DetailToggle(QObject):
    def __init__(
        self, tabs: QTabWidget, pane: QWidget, action: QAction, settings: QSettings
    ) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.pane = pane
        self.action = action
        self.settings = settings
        saved = keys.DETAIL_ON_TABS.value(settings)
        self.shown = [c == "1" for c in saved] if len(saved) == tabs.count() else []
        if not self.shown:
            self.shown = [SHOWN_AT_FIRST[i] if i < 3 else False for i in range(tabs.count())]
        tabs.currentChanged.connect(self.follow_tab)
        action.toggled.connect(self.choose)
        self.follow_tab(tabs.currentIndex())

    def follow_tab(self, tab: int) -> None:
        """The pane as this tab last had it."""
        shown = self.shown[tab] if 0 <= tab < len(self.shown) else False
        with QSignalBlocker(self.action):
            self.action.setChecked(shown)
        self.pane.setVisible(shown)

    def choose(self, shown: bool) -> None:
        """The clerk showed or hid the pane on the current tab."""
        tab = self.tabs.currentIndex()
        if 0 <= tab < len(self.shown):
            self.shown[tab] = shown
        self.pane.setVisible(shown)
        keys.DETAIL_ON_TABS.set(self.settings, "".join("1" if s else "0" for s in self.shown))
