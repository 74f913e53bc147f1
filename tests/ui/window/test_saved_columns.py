"""A column layout the clerk saved before a column existed (所属集体): the clerk's order,
widths and hidden columns kept, the new column at its designed place beside 责任单位,
shown or hidden as on a first look."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView

from tests.ui.conftest import make_window
from tracker.services import Services
from ui.assignments import assignment_model as columns
from ui.assignments.column_chooser import saved_column_count
from ui.settings import window_settings as keys

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _layout_of_ten_columns(qtbot) -> QByteArray:  # type: ignore[no-untyped-def]
    """The table's header as a clerk saved it with the ten columns before 所属集体:
    完成时限 moved before 状态, 文件 and 角色 hidden, 重点任务 widened to 333 px."""
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(0, 10, view))
    header = view.horizontalHeader()
    header.setSectionsMovable(True)
    header.moveSection(columns.DEADLINE, columns.STATE)
    header.setSectionHidden(columns.DOCUMENT, True)
    header.setSectionHidden(columns.ROLE, True)
    header.resizeSection(columns.TITLE, 333)
    return header.saveState()


@pytest.mark.parametrize("with_groups", [True, False])
def test_an_older_layout_gets_the_group_column_beside_the_unit(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
    tmp_path: Path,
    with_groups: bool,
) -> None:
    if with_groups:
        services.groups.set_members("各市、县（区）", ["银川市", "吴忠市"], create=True)
    keys.COLUMNS.set(private_settings, _layout_of_ten_columns(qtbot))
    window = make_window(qtbot, services, private_settings, tmp_path)
    window.rows.reload()
    table = window.table
    header = table.horizontalHeader()
    assert [header.logicalIndex(v) for v in range(header.count())] == [
        columns.CODE,
        columns.DOCUMENT,
        columns.TITLE,
        columns.UNIT,
        columns.GROUP,
        columns.ROLE,
        columns.DEADLINE,
        columns.STATE,
        columns.PERCENT,
        columns.NOTE,
        columns.UPDATED,
    ]
    hidden = [c for c in range(header.count()) if header.isSectionHidden(c)]
    assert hidden == [columns.DOCUMENT, columns.ROLE] + ([] if with_groups else [columns.GROUP])
    saved = table.save_header()
    assert saved_column_count(saved) == 11
    again = make_window(qtbot, services, private_settings, tmp_path)  # saved with 11: as left
    assert again.table.save_header() == saved
    header.setSectionHidden(columns.GROUP, False)
    char = table.fontMetrics().horizontalAdvance("国")
    assert (header.sectionSize(columns.TITLE), header.sectionSize(columns.GROUP)) == (
        333,
        12 * char + 16,
    )


def test_the_number_of_columns_a_saved_layout_holds(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert saved_column_count(_layout_of_ten_columns(qtbot)) == 10
    assert saved_column_count(window.table.save_header()) == 11
    assert saved_column_count(QByteArray(b"\x00\x00\x00\xff")) is None
    assert saved_column_count(QByteArray(b"not a header")) is None


@pytest.mark.parametrize("with_groups", [True, False])
def test_the_clerks_choice_of_the_group_column_outlasts_a_restart(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
    tmp_path: Path,
    with_groups: bool,
) -> None:
    """Hidden by hand while rows hold groups, or shown by hand while none do, 所属集体
    stays so after the window opens again — and after its rows are reloaded."""
    if with_groups:
        services.groups.set_members("各市、县（区）", ["银川市", "吴忠市"], create=True)
    window = make_window(qtbot, services, private_settings, tmp_path)
    window.rows.reload()
    header = window.table.horizontalHeader()
    assert header.isSectionHidden(columns.GROUP) is not with_groups  # the first look
    window.table.column_chooser.show_column(columns.GROUP, not with_groups)
    assert keys.CHOSEN_COLUMNS.value(private_settings) == str(columns.GROUP)
    again = make_window(qtbot, services, private_settings, tmp_path)
    again.rows.reload()
    assert again.table.horizontalHeader().isSectionHidden(columns.GROUP) is with_groups
    assert again.table.column_chooser.chosen_columns == {columns.GROUP}
