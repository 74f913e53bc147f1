"""The window on an office screen (issue 18 item 2): unit names that stay apart in a narrow
navigator, the columns the clerk chose (kept), the detail pane only where it is used."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from tests.ui.conftest import make_window
from tests.ui.test_translations import chinese  # noqa: F401 - a fixture
from tracker.services import Services
from ui.assignments import assignment_model as columns
from ui.settings import window_settings as keys
from ui.window.main_window import MainWindow
from ui.window.navigator import TARGET_ROLE, UnitTarget
from ui.window.screen_fit import SHARES

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _unit_items(window: MainWindow) -> dict[str, tuple[str, str]]:
    """Each unit's entry in the navigator: full name → (text shown, tooltip)."""
    root = window.navigator.nav_model.units_root
    found = {}
    for row in range(root.rowCount()):
        item = root.child(row)
        target = item.data(TARGET_ROLE)
        assert isinstance(target, UnitTarget)
        found[target.name] = (item.text(), item.toolTip())
    return found


def test_navigator_cuts_long_names_in_the_middle_and_shows_short_names(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
    tmp_path: Path,
) -> None:
    services.units.add_alias("自治区市场监管厅", "市场监管厅")
    services.units.add_alias("自治区公安厅", "公安局")  # not an abbreviation of the name
    window = make_window(qtbot, services, private_settings, tmp_path)
    assert window.navigator.textElideMode() == Qt.TextElideMode.ElideMiddle
    units = _unit_items(window)
    assert units["自治区市场监管厅"][0] == "市场监管厅"
    assert units["自治区市场监管厅"][1].startswith("自治区市场监管厅")
    assert units["自治区公安厅"][0] == "自治区公安厅"
    assert units["自治区公安厅"][1].startswith("自治区公安厅")
    assert units["宁夏税务局"][0] == "宁夏税务局"


def test_the_chosen_columns_are_kept_at_once(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
    tmp_path: Path,
) -> None:
    window = make_window(qtbot, services, private_settings, tmp_path)
    header = window.table.horizontalHeader()
    hidden = [c for c in range(header.count()) if header.isSectionHidden(c)]
    # the first look on a small screen; 所属集体 while no row is a member's share of a group's
    assert hidden == [columns.DOCUMENT, columns.UPDATED, columns.GROUP]
    menu = window.table.column_chooser.menu()
    titles = [(a.text(), a.isChecked()) for a in menu.actions()]
    assert titles[:3] == [("No.", True), ("Document", False), ("Key task", True)]
    [updated] = [a for a in menu.actions() if a.text() == "Updated"]
    updated.setChecked(True)
    [role] = [a for a in menu.actions() if a.text() == "Role"]
    role.setChecked(False)
    assert not header.isSectionHidden(columns.UPDATED) and header.isSectionHidden(columns.ROLE)
    saved = keys.COLUMNS.value(private_settings)  # saved before the window closes
    again = MainWindow(services, private_settings)
    qtbot.addWidget(again)
    assert again.table.save_header() == saved
    shown = again.table.horizontalHeader()
    assert [c for c in range(shown.count()) if shown.isSectionHidden(c)] == [
        columns.DOCUMENT,
        columns.ROLE,
        columns.GROUP,
    ]


def test_the_last_column_shown_cannot_be_hidden(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
) -> None:
    header = window.table.horizontalHeader()
    for column in range(header.count()):
        if column != columns.NOTE:
            window.table.column_chooser.show_column(column, False)
    [note] = [a for a in window.table.column_chooser.menu().actions() if a.isChecked()]
    assert not note.isEnabled()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # (shown offscreen)
def test_detail_pane_only_on_the_assignment_list_unless_asked_for(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
    tmp_path: Path,
) -> None:
    window = make_window(qtbot, services, private_settings, tmp_path)
    window.show()
    detail, toggle = window.detail, window.actions_.show_detail
    assert detail.isVisible() and toggle.isChecked()
    window.tabs.setCurrentIndex(1)  # the board
    assert not detail.isVisible() and not toggle.isChecked()
    window.tabs.setCurrentIndex(2)  # the dashboard: shown there on request
    toggle.trigger()
    assert detail.isVisible()
    window.tabs.setCurrentIndex(0)
    toggle.trigger()  # and hidden on the list
    assert not detail.isVisible()
    window.tabs.setCurrentIndex(2)
    assert detail.isVisible()
    assert keys.DETAIL_ON_TABS.value(private_settings) == "00100"  # (督查整改, 考核得分: hidden)
    again = make_window(qtbot, services, private_settings, tmp_path)
    again.show()
    assert not again.detail.isVisible()  # the list, as the clerk left it
    again.tabs.setCurrentIndex(2)
    assert again.detail.isVisible()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # (shown offscreen)
@pytest.mark.usefixtures("chinese")
def test_on_a_1280_pixel_screen_the_navigator_gets_its_share(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
    tmp_path: Path,
) -> None:
    """The filter row above the list needed 810 pixels at its full widths, more than the
    list's share (57 %) of a 1280-pixel window: the splitter took the difference from the
    navigator (210 pixels instead of 254), whose unit names were cut to 自治…部门, two
    units alike.  Its lists now shrink until their first item (全部文件…) just shows."""
    window = make_window(qtbot, services, private_settings, tmp_path)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.rows.index is not None)
    width = sum(window.splitter.sizes())
    assert width == 1272  # (two handles)
    window.splitter.setSizes([width * share // 100 for share in SHARES])
    assert window.splitter.sizes() == [254, 726, 292]  # (the list takes the odd pixel)
    filters = window.filters
    assert [filters.document.currentText(), filters.unit.currentText()] == ["全部文件", "全部单位"]
    filters.choose_unit("自治区公安厅")
    narrowest = window.tabs.minimumSizeHint().width()  # the list at its narrowest
    window.splitter.setSizes([width - narrowest - 292, narrowest, 292])
    assert window.splitter.sizes()[1] == narrowest
    # the unit list still shows a unit's name whole (it gives way after the search box)
    assert shown_width(filters.unit) >= filters.unit.fontMetrics().horizontalAdvance("自治区公安厅")


def shown_width(combo: QComboBox) -> int:
    """The width of the text a combo box shows (its edit field)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = QStyle.SubControl.SC_ComboBoxEditField
    return (
        combo.style()
        .subControlRect(QStyle.ComplexControl.CC_ComboBox, option, field, combo)
        .width()
    )
