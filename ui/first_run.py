"""The page an empty database opens on: import a first document, or try the demo.

A clerk who has just installed the application should not face an empty
table; this page says what to do next in one sentence and two buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


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
        intro.setMaximumWidth(560)
        self.import_button = QPushButton(self.tr("Import a policy document…"))
        self.demo_button = QPushButton(self.tr("Open a demo database"))
        for button in (self.import_button, self.demo_button):
            button.setMinimumHeight(40)
            button.setMinimumWidth(280)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (title, intro, self.import_button, self.demo_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addSpacing(12)
        layout.addStretch(3)
