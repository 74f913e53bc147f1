"""What the window lets the clerk do while its database opens, and once it is open.

At start-up the window takes input before the database layer is loaded: importing
SQLAlchemy, the models and the services on a worker thread is most of the start
(``bench/notes.md``).  So there are three stages:

- ``FRAME``: only the window's frame, with "Opening the database…" in its middle
  (``opening_placeholder``), until the parts are built;
- ``OPENING``: every part is built and the first rows (read with ``sqlite3`` alone)
  are shown.  The menus open, the filter box and the other filters take a choice,
  the navigator lists the documents, rows can be selected and copied.  What needs
  the database waits for it: its commands are greyed, a cell cannot be edited, the
  other tabs stay closed, and a filter chosen meanwhile applies once the database
  is open (``RowLoader.show_first_look``);
- ``OPEN``: everything.

It is kept apart from ``main_window`` (which makes and places the widgets) as the one
place that says what each stage allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from ui.assignments.assignment_model import AssignmentTableModel, EditHandler


class Stage(Enum):
    """Once the parts are built (the frame before them takes no input)."""

    OPENING = "opening"
    OPEN = "open"


def opening_text() -> str:
    return QCoreApplication.translate("MainWindow", "Opening the database…")


def opening_placeholder() -> QLabel:
    """The frame's centre before the parts are built: never a blank window."""
    label = QLabel(opening_text())
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def apply_stage(
    stage: Stage,
    *,
    model: AssignmentTableModel,
    table: QAbstractItemView,
    parts: Sequence[QWidget],
    tab_bar: QWidget,
    menu_bar: QWidget,
    needs_database: Sequence[QAction],
    window_only: Sequence[QAction],
    edit_cell: EditHandler,
) -> None:
    """Enable what ``stage`` allows (``OPENING`` or ``OPEN``).

    ``parts`` (the filter bar, the navigator) take input from ``OPENING`` on;
    ``needs_database`` are the commands that wait for the database, except
    ``window_only`` (find, reset the filters), which work on the window alone;
    ``edit_cell`` is the model's edit handler once the database is open.
    """
    open_ = stage is Stage.OPEN
    model.edit_handler = edit_cell if open_ else None
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    for part in parts:
        part.setEnabled(True)
    menu_bar.setEnabled(True)
    tab_bar.setEnabled(open_)
    for action in needs_database:
        action.setEnabled(open_ or action in window_only)
