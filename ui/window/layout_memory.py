"""The window's layout as the clerk left it: size, place, toolbars, splitter and columns.

Kept in this user's window settings (``ui.settings.window_settings``): the size and
place are restored as the frame opens, the rest once the parts exist, and all of it
is saved on closing.  A first start (nothing saved) fits the window to its screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.settings import window_settings as keys

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow, QSplitter

    from ui.assignments.assignment_table import AssignmentTable


def restore_geometry(window: QMainWindow, settings: QSettings) -> None:
    """The window's size and place (or, the first time, a size that fits its screen)."""
    geometry = keys.GEOMETRY.value(settings)
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        from ui.window.screen_fit import fit_screen

        fit_screen(window)


def restore_layout(
    window: QMainWindow, splitter: QSplitter, table: AssignmentTable, settings: QSettings
) -> None:
    """Toolbars, splitter and columns as the clerk left them (the parts exist now)."""
    window.restoreState(keys.STATE.value(settings))
    sizes = keys.SPLITTER.value(settings)
    if not sizes.isEmpty() and splitter.restoreState(sizes):
        from ui.window.screen_fit import keep_sizes

        keep_sizes(splitter)
    table.column_chooser.restore_chosen(keys.CHOSEN_COLUMNS.value(settings))
    table.restore_header(keys.COLUMNS.value(settings))


def save_layout(
    window: QMainWindow, splitter: QSplitter, table: AssignmentTable, settings: QSettings
) -> None:
    """Size, place, toolbars, splitter and columns, for ``restore_layout`` next time."""
    keys.GEOMETRY.set(settings, window.saveGeometry())
    keys.STATE.set(settings, window.saveState())
    keys.SPLITTER.set(settings, splitter.saveState())
    save_columns(table, settings)
    settings.sync()


def save_columns(table: AssignmentTable, settings: QSettings) -> None:
    """The columns: the header, and which the clerk showed or hid by hand."""
    keys.COLUMNS.set(settings, table.save_header())
    keys.CHOSEN_COLUMNS.set(settings, table.column_chooser.chosen_text())
