"""The scores tab (考核得分) in the main window: built when first shown, read whenever
it is shown, like the findings tab.

The page (``ScoresPage``) is given the open database's services — again after
another database was opened — and its list of rounds is read again each time, so a
round made meanwhile is there.  编辑 → 考核得分 brings this tab to the front.

File → Export the current list exports what this tab shows when it is in front — the
scores, totals and lines, as the tab's own button does — not the assignment list
behind it; File → Print the current list is greyed here (the scores are printed in a
bulletin's 考核得分 section), its tooltip saying so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.window.window_pages import LazyPage

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
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
        self._list_actions: tuple[QAction, QAction] | None = None

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

    def take_list_actions(self, export: QAction, print_: QAction) -> None:
        """Make File → Export/Print the current list follow this tab (see the module)."""
        self._list_actions = (export, print_)
        self._tabs.currentChanged.connect(lambda _i: self._follow())

    def shown(self) -> bool:
        return self._tabs.currentWidget() is self.page

    def output(self, how: str) -> bool:
        """Export (``how`` "export") the scores if this tab is in front; True if it was (the
        list behind it is then not exported), and for "print", which is greyed here."""
        if not self.shown():
            return False
        if how == "export":
            self.page.content().export()
        return True

    def _follow(self) -> None:
        if self._list_actions is None:
            return
        export, print_ = self._list_actions
        shown = self.shown()
        translate = QCoreApplication.translate
        export.setToolTip(
            translate("ScoresPage", "Export the scores shown: the totals and every line")
            if shown
            else ""
        )
        print_.setEnabled(not shown)
        print_.setToolTip(
            translate(
                "ScoresPage",
                "The scores are printed in a bulletin (its 考核得分 section); "
                "export them to Excel from here",
            )
            if shown
            else ""
        )
