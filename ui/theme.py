"""The window's light theme: Fusion with a tuned palette and a small stylesheet.

The same on every Windows version and on Linux (Fusion draws the widgets itself);
light greys and one blue, as WPS and the OA lists a clerk knows.  The status colours
are ``ui.labels``' and ``ui.board.board_model``'s, chosen for WCAG AA contrast
(``tests/ui/test_theme.py`` computes each pair).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ui.resources import resource_path

BASE = "#ffffff"
ALTERNATE = "#f6f8fb"
WINDOW = "#f3f5f8"
TEXT = "#1f2328"
HIGHLIGHT = "#2f6db5"
"""The selection; white text on it has a contrast of 5.5."""
MUTED = "#5c6470"


def palette() -> QPalette:
    colours = QPalette()
    role = QPalette.ColorRole
    for which, colour in (
        (role.Window, WINDOW),
        (role.Base, BASE),
        (role.AlternateBase, ALTERNATE),
        (role.Button, WINDOW),
        (role.WindowText, TEXT),
        (role.Text, TEXT),
        (role.ButtonText, TEXT),
        (role.Highlight, HIGHLIGHT),
        (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#fffbe6"),
        (role.ToolTipText, TEXT),
        (role.PlaceholderText, MUTED),
        (role.Link, "#1f4e8c"),
    ):
        colours.setColor(which, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for which in (role.WindowText, role.Text, role.ButtonText):
        colours.setColor(disabled, which, QColor("#8a9099"))
    return colours


def apply_theme(app: QApplication) -> None:
    """Fusion, the palette, and ``resources/theme.qss``."""
    app.setStyle("Fusion")
    app.setPalette(palette())
    sheet = resource_path("theme.qss")
    if sheet.is_file():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
