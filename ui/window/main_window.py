"""The main window: navigator | tabs (assignment table, progress board, dashboard) | detail pane.

It is where the pieces meet: it owns the open ``Services`` (and closes them) and
hands each widget only what it needs.  The work is done by the mixins it is made
of, one job each, every one building on the ones below it:

- ``WindowLayout`` (``ui.window.window_layout``) makes, places and wires the parts;
- ``WindowLoading`` (``ui.window.window_loading``) fills them with rows and keeps them
  fresh after an edit or import (its worker reads are in ``ui.window.window_reads``);
- ``WindowSelection`` (``ui.window.window_selection``) keeps the detail pane and the
  actions in step with the selected assignment;
- ``WindowCommands`` (``ui.window.window_commands``) runs the menus' commands.

An empty database shows the first-run page instead of an empty table.  The
names other modules import from here (``FirstLook``, ``first_look``,
``settle_memory``…) are re-exported from where they now live.

At start-up the window is first only a frame (``frame_only``); ``build`` makes
its parts while a worker thread opens the database.  Then (``attach(…,
first=…)``) the first document's rows, read by that worker, are painted at once;
the documents, the navigator and then every row (read on another worker, with a
``RowIndex`` built there) follow.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.assignments.row_filter import RowIndex
from ui.settings import window_settings as keys
from ui.window.window_layout import WindowLayout
from ui.window.window_reads import (
    FREEZE_FROM_ROWS,
    Everything,
    FirstLook,
    first_look,
    read_everything,
    settle_memory,
)
from ui.window.window_selection import DETAIL_DELAY_MS

if TYPE_CHECKING:
    from tracker.records import DocumentInfo
    from tracker.services import Services

__all__ = [
    "DETAIL_DELAY_MS",
    "FREEZE_FROM_ROWS",
    "WAIT_FOR_READS_MS",
    "Everything",
    "FirstLook",
    "MainWindow",
    "first_look",
    "read_everything",
    "settle_memory",
    "window_title",
]

WAIT_FOR_READS_MS = 5_000
"""On closing, how long background reads may take to finish before the database closes."""


def window_title() -> str:
    """``ui.messages.app_title()``: the same text, without importing that module (and Qt's
    enums with it, 15 ms) before the frame is on screen."""
    return QCoreApplication.translate("Messages", "Measure Tracker")


class MainWindow(WindowLayout):
    def __init__(
        self,
        services: Services | None,
        settings: QSettings | None = None,
        *,
        frame_only: bool = False,
    ) -> None:
        """``services`` None: the window shows at once, and ``attach`` brings the database.

        ``frame_only`` (at start-up): just the frame — title, size and place, "Opening the
        database…" — so it is on screen as soon as a bare window would be; ``build`` then
        makes every part (importing their modules) while the database opens.
        """
        super().__init__()
        self.settings = settings or keys.app_settings()
        self.index: RowIndex | None = None
        """Every assignment, when loaded: filters then pick from it instead of querying."""
        self.demo_path: Path | None = None
        """Where "Open a demo database" writes (None: the user's data folder)."""
        self.built = False
        self.attached = False
        self._documents: list[DocumentInfo] = []
        self._loading = 0  # which background read of every row is the current one
        self._closed = False
        self.setWindowTitle(window_title())
        self._restore_geometry()
        if frame_only:
            self.setCentralWidget(QWidget())
            self.statusBar().showMessage(self.tr("Opening the database…"))
            return
        self.build()
        if services is not None:
            self.attach(services)

    def attach(self, services: Services, *, first: FirstLook | None = None) -> None:
        """Show an open database (the caller closed the previous one).

        ``first`` (at start-up, read with the database's opening): its rows are shown
        at once, then the documents and the navigator, and every row is read on a
        worker thread, so a big database paints in a blink.
        """
        from ui.assignments.assignment_source import AssignmentSource

        self.build()
        if getattr(self, "services", None) is not services:
            self.index = None  # (another database: its rows are read afresh, not shown stale)
        self.services = services
        self.source = AssignmentSource(services.overview, services.progress)
        self.progress_actions.rebind(services.progress)
        self.menuBar().setEnabled(True)
        for action in self.actions_.database_actions():
            action.setEnabled(True)
        if not self.attached:
            self._end_preview()
        self.attached = True
        if first is None:
            self.reload()
        else:
            self._show_first_look(first)
        from ui.settings.backup_dialog import start_daily_backup

        start_daily_backup(self, services.store)  # once a day per database, in the background
        self._warn_of_a_network_drive(services)

    def _warn_of_a_network_drive(self, services: Services) -> None:
        """An SQLite file on a shared folder is a risk the office must hear of (each opening)."""
        from tracker.sharing import network_drive_warning
        from ui.messages import app_title, translated

        warning = network_drive_warning(services.store)
        if warning is not None:
            QMessageBox.warning(self, app_title(), translated(warning))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.built:  # (closed while still only a frame: nothing worth remembering)
            self._save_layout()
        self._closed = True  # a background read that arrives now is not shown
        if hasattr(self, "services"):  # not yet, if the database never opened
            QThreadPool.globalInstance().waitForDone(WAIT_FOR_READS_MS)  # then close under none
            self.services.close()
        super().closeEvent(event)
