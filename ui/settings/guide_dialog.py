"""帮助 → 使用说明: the clerk's guide, shipped with the application and shown offline.

The guide is Markdown with its screenshots beside it (``resources/guide``); Qt's
text browser renders both, so nothing needs a web browser or the network.  Links
to web pages, if the guide ever has any, open in the system's browser.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.resources import resource_path

GUIDE = ("guide", "使用说明.md")


class GuideDialog(QDialog):
    """A non-modal window with the user guide, sized for reading beside the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        path = resource_path(*GUIDE)
        if path.exists():
            self.browser.setSource(
                QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
            )
        else:
            self.browser.setPlainText(
                self.tr("The user guide is missing from this installation: {0}").format(path)
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 680)
