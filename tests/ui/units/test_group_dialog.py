"""A group's members edited in the units directory: preset, paste, file, order, new units."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from tests.ui.conftest import shown
from tracker.services import Services
from ui.units import group_dialog
from ui.units.group_dialog import GroupDialog, pasted_names
from ui.units.units_dialog import UnitsDialog
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
GROUP = "各市、县（区）"


def test_pasted_names_split_on_lines_and_enumeration_commas() -> None:
    assert pasted_names("银川市、石嘴山市\n 吴忠市 ,固原市\t中卫市\n\n") == [
        "银川市",
        "石嘴山市",
        "吴忠市",
        "固原市",
        "中卫市",
    ]


def test_preset_paste_file_order_and_the_new_units_confirmed(
    qtbot,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    dialog = GroupDialog(services.groups, GROUP, [u.name for u in services.units.list()])
    qtbot.addWidget(dialog)
    assert [dialog.preset_box.itemText(i) for i in range(dialog.preset_box.count())] == [
        "Ready-made list…",
        "宁夏回族自治区五个地级市",
        "宁夏回族自治区五个地级市 and 宁东基地管委会",
    ]
    dialog.preset_box.activated.emit(1)
    assert dialog.names() == ["银川市", "石嘴山市", "吴忠市", "固原市", "中卫市"]
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a: ("宁东基地管委会、银川市", True))
    )
    dialog.paste()
    csv = tmp_path / "名单.csv"
    csv.write_text("单位\n自治区公安厅\n", "utf-8")
    monkeypatch.setattr(group_dialog, "open_file", lambda *a: csv)
    dialog.from_file()
    dialog.list.setCurrentRow(5)
    dialog.move_member(-1)
    dialog.list.setCurrentRow(6)
    dialog.remove()
    assert dialog.names() == ["银川市", "石嘴山市", "吴忠市", "固原市", "宁东基地管委会", "中卫市"]
    asked: list[str] = []

    def question(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog.direct.setChecked(True)
    dialog.save()
    assert asked == [
        "These units are not in the directory yet and will be added:\n"
        "银川市、石嘴山市、吴忠市、固原市、宁东基地管委会、中卫市"
    ]
    info = services.groups.group(GROUP)
    assert (info.members, info.members_report_directly) == (
        ("银川市", "石嘴山市", "吴忠市", "固原市", "宁东基地管委会", "中卫市"),
        True,
    )


def test_the_units_dialog_opens_the_members_and_the_window_shows_them(
    qtbot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    dialog = UnitsDialog(services.units, services.groups)
    qtbot.addWidget(dialog)
    dialog.select(GROUP)

    def choose(self: GroupDialog) -> int:
        self.list.addItems(["自治区公安厅", "宁夏税务局"])
        self.save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(GroupDialog, "exec", choose)
    dialog.members_button.click()
    assert dialog.changed
    assert services.groups.members(GROUP) == ("自治区公安厅", "宁夏税务局")
    window.rows.reload()
    qtbot.waitUntil(lambda: ("1", "宁夏税务局") in shown(window))
    assert [u for c, u in shown(window) if c == "1"] == [
        "自治区市场监管厅",
        "自治区公安厅",
        "宁夏税务局",
    ]


def test_the_navigator_shows_the_group_with_its_members_beneath(
    qtbot,
    window: MainWindow,
    services: Services,  # type: ignore[no-untyped-def]
) -> None:
    services.groups.set_members(GROUP, ["银川市", "吴忠市"], create=True)
    window.rows.reload()
    qtbot.waitUntil(lambda: ("1", "吴忠市") in shown(window))
    model = window.navigator.nav_model

    def rows(parent):  # type: ignore[no-untyped-def]
        return [
            (parent.child(r, 0).text(), parent.child(r, 1).text(), parent.child(r, 2).text())
            for r in range(parent.rowCount())
        ]

    assert rows(model.units_root) == [
        ("各市、县（区）", "2", "2"),
        ("自治区公安厅", "2", "1"),
        ("自治区市场监管厅", "1", "1"),
        ("宁夏税务局", "1", "0"),
        ("自治区政府办公厅", "1", "0"),
    ]
    group = model.units_root.child(0, 0)
    assert rows(group) == [("银川市", "1", "1"), ("吴忠市", "1", "1")]
    window.navigator.setCurrentIndex(group.index())
    assert shown(window) == [("1", "银川市"), ("1", "吴忠市")]
    window.navigator.setCurrentIndex(group.child(1, 0).index())
    assert shown(window) == [("1", "吴忠市")]
