"""The light theme (issue 18 item 6): every status colour readable (WCAG AA for text,
a contrast ratio of at least 4.5), and the board's legend the board's own colours."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tracker.statuses import Derived
from ui import theme
from ui.board.board_model import CELL_COLOURS, cell_text_colour
from ui.board.board_view import BoardView
from ui.labels import state_background, state_foreground

AA = 4.5


def luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(text: QColor, background: QColor) -> float:
    light, dark = sorted((luminance(text), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_ratio_is_wcags() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_every_status_text_in_the_table_is_readable_on_its_row() -> None:
    rows = [QColor(theme.BASE), QColor(theme.ALTERNATE)]
    ratios = {}
    for state in Derived:
        text = state_foreground(state) or QColor(theme.TEXT)
        background = state_background(state)
        for row in [background] if background is not None else rows:
            ratios[(state.value, row.name())] = round(contrast(text, row), 2)
    assert {pair: ratio for pair, ratio in ratios.items() if ratio < AA} == {}


def test_every_board_cell_is_readable() -> None:
    ratios = {
        str(key): round(contrast(cell_text_colour(key), colour), 2)
        for key, colour in CELL_COLOURS.items()
    }
    assert {key: ratio for key, ratio in ratios.items() if ratio < AA} == {}
    assert ratios[Derived.OVERDUE] >= AA  # white on red: was 4.23


def test_the_selection_and_the_palette_are_readable() -> None:
    palette = theme.palette()
    role = QPalette.ColorRole
    for text, background in (
        (role.HighlightedText, role.Highlight),
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.WindowText, role.Window),
        (role.PlaceholderText, role.Base),
        (role.ToolTipText, role.ToolTipBase),
    ):
        assert contrast(palette.color(text), palette.color(background)) >= AA, (text, background)


def test_the_legend_shows_the_board_colours(qtbot) -> None:  # type: ignore[no-untyped-def]
    board = BoardView()
    qtbot.addWidget(board)
    legend = board.legend_entries()
    assert [colour.name() for colour, _ in legend] == [
        CELL_COLOURS[key].name() for key in (Derived.OVERDUE, Derived.DUE_SOON)
    ] + [colour.name() for colour, _ in legend][2:]
    assert {colour.name() for colour, _ in legend} == {c.name() for c in CELL_COLOURS.values()}


def test_apply_theme_sets_the_palette_and_the_sheet(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, palette, sheet = app.style().objectName(), app.palette(), app.styleSheet()
    try:
        theme.apply_theme(app)
        assert app.palette().color(QPalette.ColorRole.Highlight) == QColor(theme.HIGHLIGHT)
        assert "QHeaderView::section" in app.styleSheet()
    finally:
        app.setStyle(style or "fusion")
        app.setPalette(palette)
        app.setStyleSheet(sheet)
