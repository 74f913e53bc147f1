"""The page an empty database opens on: import a first document, or try the demo.

A clerk who has just installed the application should not face an empty
table; this page says what to do next in one sentence and two buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

COLUMN_WIDTH = 520


class FirstRunPage(QWidget):
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to the Measure Tracker"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "The database is empty. Import a policy document (.txt, .docx or .pdf): its "
                "measures, responsible units and deadlines become the table you follow up. "
                "Or open a demo database to look around first."
            )
        )
        intro.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import a policy document…"))
        self.demo_button = QPushButton(self.tr("Open a demo database"))
        for button in (self.import_button, self.demo_button):
            button.setMinimumHeight(40)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        column = QWidget()
        column.setFixedWidth(COLUMN_WIDTH)  # a wrapped label needs a width to wrap to
        stack = QVBoxLayout(column)
        stack.setSpacing(16)
        stack.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        stack.addWidget(intro)
        stack.addSpacing(8)
        stack.addWidget(self.import_button)
        stack.addWidget(self.demo_button)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(column)
        centre.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(centre)
        layout.addStretch(3)
