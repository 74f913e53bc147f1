"""The page an empty database opens on: import a first document, or try the demo.

A clerk who has just installed the application should not face an empty
table; this page says what to do next in one sentence and two buttons.  Where
no database is found at all, ``MissingDatabasePage`` comes first: a new database
is created only when the clerk asks for it there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

COLUMN_WIDTH = 520


def lay_out_centred_column(
    page: QWidget, title_text: str, intro: QLabel, buttons: tuple[QPushButton, ...]
) -> None:
    """Lay out a start page: a large title, the text and big buttons in a column centred on it.

    The first-run and the missing-database pages are read the same way (one sentence,
    then the choices), so they share one layout; the column has a fixed width because a
    wrapped label needs a width to wrap to.
    """
    title = QLabel(title_text)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    title.setFont(font)
    column = QWidget()
    column.setFixedWidth(COLUMN_WIDTH)
    stack = QVBoxLayout(column)
    stack.setSpacing(16)
    stack.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
    stack.addWidget(intro)
    stack.addSpacing(8)
    for button in buttons:
        button.setMinimumHeight(40)
        stack.addWidget(button)
    centre = QHBoxLayout()
    centre.addStretch(1)
    centre.addWidget(column)
    centre.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addStretch(2)
    layout.addLayout(centre)
    layout.addStretch(3)


class FirstRunPage(QWidget):
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            self.tr(
                "The database is empty. Import a policy document (Word, WPS, PDF or text): its "
                "measures, responsible units and deadlines become the table you follow up. "
                "Or open a demo database to look around first."
            )
        )
        intro.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import a policy document…"))
        self.demo_button = QPushButton(self.tr("Open a demo database"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        lay_out_centred_column(
            self,
            self.tr("Welcome to the Measure Tracker"),
            intro,
            (self.import_button, self.demo_button),
        )


class MissingDatabasePage(QWidget):
    """The page shown instead of silently creating an empty database where none is found.

    The configured file may never have existed (a first start), or it may have been
    moved or deleted: only the clerk can tell, so the page names the file and offers
    both ways — start a new database there, or open the file where it is now.
    """

    create_requested = Signal()
    choose_requested = Signal()

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(
            self.tr(
                "There is no database at\n{0}\n\nIf this is the first start, create a new, "
                "empty database there. If the file was moved or renamed, open it where it "
                "is now: nothing is created until you choose."
            ).format(database)
        )
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_button = QPushButton(self.tr("Create a new database here"))
        self.choose_button = QPushButton(self.tr("Open another database file…"))
        self.create_button.clicked.connect(self.create_requested)
        self.choose_button.clicked.connect(self.choose_requested)
        lay_out_centred_column(
            self,
            self.tr("No database found"),
            self.intro,
            (self.create_button, self.choose_button),
        )
