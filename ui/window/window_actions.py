"""The main window's actions, menus (File, Edit, View, Help) and toolbar.

Every action is created here once and placed in the menu, the toolbar and the
table's context menu from the same object, so its shortcut and enabled state
agree everywhere.  What they do is connected elsewhere: the commands by
``WindowCommands.connect``, the rest (view, edits) by ``MainWindow``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from ui.action_icons import ACTION_ICONS, action_icon

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMenu, QWidget


translate = QCoreApplication.translate


@dataclass
class WindowActions:
    import_document: QAction
    import_ledgers: QAction
    import_ledger_folder: QAction
    export_ledgers: QAction
    print_report: QAction
    export_list: QAction
    print_list: QAction
    open_demo: QAction
    open_database: QAction
    backup_database: QAction
    restore_backup: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    set_status: QAction
    tick_off: QAction
    undo_tick_off: QAction
    row_detail: QAction
    chaser: QAction
    request_extension: QAction
    copy_rows: QAction
    paste_cells: QAction
    find: QAction
    undo_ledger_import: QAction
    rounds: QAction
    scores: QAction
    scoring_rules: QAction
    round_status: QAction
    extensions: QAction
    chasers: QAction
    refresh: QAction
    reset_filters: QAction
    reset_columns: QAction
    show_navigator: QAction
    show_detail: QAction
    units_directory: QAction
    settings: QAction
    guide: QAction
    about: QAction

    def selection_actions(self) -> list[QAction]:
        """The actions that need selected rows."""
        return [
            self.set_status,
            self.tick_off,
            self.undo_tick_off,
            self.row_detail,
            self.chaser,
            self.request_extension,
        ]

    def database_actions(self) -> list[QAction]:
        """The actions that need an open database (off until the window has one, shortcuts
        included); the selection actions and undo/redo keep their own state."""
        return [
            self.import_document,
            self.import_ledgers,
            self.import_ledger_folder,
            self.export_ledgers,
            self.print_report,
            self.export_list,
            self.print_list,
            self.open_demo,
            self.open_database,
            self.backup_database,
            self.restore_backup,
            self.find,
            self.paste_cells,
            self.undo_ledger_import,
            self.rounds,
            self.scores,
            self.scoring_rules,
            self.round_status,
            self.extensions,
            self.chasers,
            self.refresh,
            self.reset_filters,
            self.units_directory,
            self.settings,
        ]


Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def _action(window: QWidget, text: str, shortcut: Shortcut = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    return action


def build_actions(window: QWidget, stack: QUndoStack) -> WindowActions:
    """Every action, owned by ``window`` (their shortcuts work anywhere in it); undo and
    redo are ``stack``'s.  What they do is connected by the window and its commands."""
    undo = stack.createUndoAction(window, translate("WindowActions", "Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, translate("WindowActions", "Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(QKeySequence.StandardKey.Redo)])
    actions = WindowActions(
        import_document=_action(
            window, translate("WindowActions", "Import policy document…"), "Ctrl+I"
        ),
        import_ledgers=_action(
            window, translate("WindowActions", "Import returned ledgers…"), "Ctrl+L"
        ),
        import_ledger_folder=_action(
            window, translate("WindowActions", "Import a folder of returned ledgers…")
        ),
        export_ledgers=_action(
            window, translate("WindowActions", "Export work ledgers…"), "Ctrl+Shift+E"
        ),
        print_report=_action(
            window, translate("WindowActions", "Print a report…"), QKeySequence.StandardKey.Print
        ),
        export_list=_action(
            window, translate("WindowActions", "Export the current list to Excel…"), "Ctrl+Shift+X"
        ),
        print_list=_action(
            window, translate("WindowActions", "Print the current list…"), "Ctrl+Shift+P"
        ),
        open_demo=_action(window, translate("WindowActions", "Open a demo database")),
        open_database=_action(
            window, translate("WindowActions", "Open database…"), QKeySequence.StandardKey.Open
        ),
        backup_database=_action(window, translate("WindowActions", "Back up the database…")),
        restore_backup=_action(window, translate("WindowActions", "Restore from a backup…")),
        quit=_action(window, translate("WindowActions", "Quit"), QKeySequence.StandardKey.Quit),
        undo=undo,
        redo=redo,
        set_status=_action(window, translate("WindowActions", "Edit progress…"), "Ctrl+E"),
        tick_off=_action(window, translate("WindowActions", "Tick off"), "Ctrl+T"),
        undo_tick_off=_action(window, translate("WindowActions", "Undo tick off"), "Ctrl+Shift+T"),
        row_detail=_action(window, translate("WindowActions", "Measure text and history…")),
        chaser=_action(window, translate("WindowActions", "Chaser for this unit…")),
        request_extension=_action(window, translate("WindowActions", "Request an extension…")),
        copy_rows=_action(
            window, translate("WindowActions", "Copy rows"), QKeySequence.StandardKey.Copy
        ),
        paste_cells=_action(
            window, translate("WindowActions", "Paste…"), QKeySequence.StandardKey.Paste
        ),
        find=_action(window, translate("WindowActions", "Search"), QKeySequence.StandardKey.Find),
        undo_ledger_import=_action(window, translate("WindowActions", "Undo last ledger import")),
        rounds=_action(window, translate("WindowActions", "Reporting rounds…")),
        scores=_action(window, translate("WindowActions", "Assessment scores…")),
        scoring_rules=_action(window, translate("WindowActions", "Scoring rules…")),
        round_status=_action(window, translate("WindowActions", "Reporting status of a round…")),
        extensions=_action(window, translate("WindowActions", "Extension requests…")),
        chasers=_action(window, translate("WindowActions", "Chasers for several units…")),
        refresh=_action(
            window, translate("WindowActions", "Refresh"), QKeySequence.StandardKey.Refresh
        ),
        reset_filters=_action(window, translate("WindowActions", "Show all assignments")),
        reset_columns=_action(window, translate("WindowActions", "Reset column widths")),
        show_navigator=_action(window, translate("WindowActions", "Navigator")),
        show_detail=_action(window, translate("WindowActions", "Detail pane")),
        guide=_action(
            window, translate("WindowActions", "User guide"), QKeySequence.StandardKey.HelpContents
        ),
        about=_action(window, translate("WindowActions", "About Measure Tracker")),
        units_directory=_action(window, translate("WindowActions", "Units directory…"), "Ctrl+U"),
        settings=_action(
            window, translate("WindowActions", "Settings…"), QKeySequence.StandardKey.Preferences
        ),
    )
    for name in ACTION_ICONS:  # (the menus show them too)
        action = getattr(actions, name)
        action.setIcon(action_icon(name))
    actions.tick_off.setToolTip(
        translate("WindowActions", "Tick off (销号) the selected assignments — Ctrl+T")
    )
    actions.copy_rows.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    actions.paste_cells.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    for toggle in (actions.show_navigator, actions.show_detail):
        toggle.setCheckable(True)
        toggle.setChecked(True)
    return actions


def build_menus(window: QMainWindow, actions: WindowActions, table_menu: QMenu) -> None:
    """The menu bar and the toolbar of ``window``; the selection actions in ``table_menu``."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("WindowActions", "&File"))
    file_menu.addAction(actions.import_document)
    file_menu.addSeparator()
    file_menu.addActions(
        [actions.import_ledgers, actions.import_ledger_folder, actions.export_ledgers]
    )
    file_menu.addSeparator()
    file_menu.addActions(
        [actions.export_list, actions.print_list, actions.print_report, actions.chasers]
    )
    file_menu.addSeparator()
    file_menu.addActions([actions.open_demo, actions.open_database])
    file_menu.addSeparator()
    file_menu.addActions([actions.backup_database, actions.restore_backup])
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    edit_menu = bar.addMenu(translate("WindowActions", "&Edit"))
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([actions.copy_rows, actions.paste_cells])
    edit_menu.addSeparator()
    edit_menu.addActions([actions.set_status, actions.tick_off, actions.undo_tick_off])
    edit_menu.addSeparator()
    edit_menu.addAction(actions.undo_ledger_import)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)
    edit_menu.addSeparator()
    edit_menu.addActions(
        [
            actions.rounds,
            actions.round_status,
            actions.extensions,
            actions.units_directory,
            actions.settings,
        ]
    )
    edit_menu.addSeparator()
    edit_menu.addActions([actions.scores, actions.scoring_rules])

    view_menu = bar.addMenu(translate("WindowActions", "&View"))
    view_menu.addActions([actions.refresh, actions.reset_filters, actions.reset_columns])
    view_menu.addSeparator()
    view_menu.addActions([actions.show_navigator, actions.show_detail])

    help_menu = bar.addMenu(translate("WindowActions", "&Help"))
    help_menu.addActions([actions.guide, actions.about])

    toolbar = QToolBar(translate("WindowActions", "Main toolbar"), window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    # A round's work in its order: the document, the ledgers out and back, the report.
    toolbar.addActions(
        [
            actions.import_document,
            actions.export_ledgers,
            actions.import_ledgers,
            actions.print_report,
        ]
    )
    toolbar.addSeparator()
    toolbar.addActions([actions.undo, actions.redo])
    toolbar.addSeparator()
    toolbar.addActions([actions.tick_off, actions.set_status, actions.refresh])
    window.addToolBar(toolbar)

    table_menu.addActions([actions.set_status, actions.tick_off, actions.undo_tick_off])
    table_menu.addSeparator()
    table_menu.addActions([actions.row_detail, actions.chaser, actions.request_extension])
    table_menu.addSeparator()
    table_menu.addActions([actions.copy_rows, actions.paste_cells])
