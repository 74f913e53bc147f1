"""The scores tab (考核得分) in the main window: built when first shown, read whenever
it is shown, like the findings tab.

The page (``ScoresPage``) is given the open database's services — again after
another database was opened — and its list of rounds is read again each time, so a
round made meanwhile is there.  编辑 → 考核得分 brings this tab to the front.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.window.window_pages import LazyPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from ui.assessment.scores_page import ScoresPage
    from ui.window.row_loader import RowLoader


class ScoresTab:
    def __init__(self, tabs: QTabWidget, rows: RowLoader) -> None:
        self._tabs = tabs
        self._rows = rows
        self.page: LazyPage[ScoresPage] = LazyPage(self._build)
        tabs.addTab(self.page, QCoreApplication.translate("ScoresPage", "Scores"))
        tabs.currentChanged.connect(lambda _i: self.load())

    def _build(self) -> ScoresPage:
        from ui.assessment.scores_page import ScoresPage

        services = self._rows.services
        assert services is not None  # (the tabs are disabled until the database is open)
        return ScoresPage(services.assessment, services.rounds, services.units)

    def show(self) -> None:
        """Bring the tab to the front (it loads as it is shown)."""
        self._tabs.setCurrentWidget(self.page)
        self.load()

    def load(self) -> None:
        """Read the scores if their tab is the one shown (with the open database's services)."""
        services = self._rows.services
        if services is None or self._tabs.currentWidget() is not self.page:
            return
        built = self.page.built()
        page = self.page.content()
        if built is None:
            return  # just built: it read the scores
        page.assessment, page.rounds, page.units = (
            services.assessment,
            services.rounds,
            services.units,
        )
        page.fill_rounds()
        page.reload()
