"""The findings tab in the main window: built when first shown, read whenever it is shown.

The window only makes one ``FindingsTab`` with its tab widget and row loader; the page
(``FindingsPage``) is given the open database's ``InspectionService`` — again after
another database was opened — and a change there marks the board stale (its unit
columns count the open findings).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.window.window_pages import LazyPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from ui.inspections.findings_page import FindingsPage
    from ui.window.row_loader import RowLoader


class FindingsTab:
    def __init__(self, tabs: QTabWidget, rows: RowLoader, changed: Callable[[], None]) -> None:
        self._tabs = tabs
        self._rows = rows
        self._changed = changed
        self.page: LazyPage[FindingsPage] = LazyPage(self._build)
        tabs.addTab(self.page, QCoreApplication.translate("FindingsPage", "Findings"))
        tabs.currentChanged.connect(lambda _i: self.load())

    def _build(self) -> FindingsPage:
        from ui.inspections.findings_page import FindingsPage

        services = self._rows.services
        assert services is not None  # (the tabs are disabled until the database is open)
        page = FindingsPage(services.inspections, services.today)
        page.changed.connect(self._changed)
        return page

    def load(self) -> None:
        """Read the findings if their tab is the one shown (with the open database's service)."""
        services = self._rows.services
        if services is None or self._tabs.currentWidget() is not self.page:
            return
        page = self.page.content()
        page.inspections = services.inspections
        page.today = services.today
        page.reload()
