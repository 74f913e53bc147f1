"""The Chinese translation: complete, up to date with the code, and used by the window."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator

from tests.ui.conftest import make_window
from tracker.services import Services
from ui.resources import resource_path

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

TS = resource_path("translations", "tracker_zh_CN.ts")
UI = Path(__file__).resolve().parents[2] / "ui"


def _tool(name: str) -> Path:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return found
    on_path = shutil.which(name)
    if on_path is None:
        pytest.skip(f"{name} not installed")
    return Path(on_path)


def _unfinished(ts: Path) -> list[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation") is None
        or message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (message.findtext("translation") or "").strip()
    ]


def test_every_string_in_the_code_has_a_chinese_translation(tmp_path: Path) -> None:
    """Run lupdate over ui/ into a copy: a string added without a translation shows up here."""
    copy = tmp_path / "tracker_zh_CN.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in UI.glob("*.py"))
    subprocess.run(
        [str(_tool("pyside6-lupdate")), *sources, "-ts", str(copy), "-no-obsolete", "-silent"],
        check=True,
    )
    assert _unfinished(copy) == []


@pytest.fixture
def chinese(tmp_path: Path) -> Iterator[None]:
    qm = tmp_path / "tracker_zh_CN.qm"
    subprocess.run([str(_tool("pyside6-lrelease")), "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_window_speaks_chinese(
    chinese: None,
    qtbot,
    services: Services,
    private_settings: QSettings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window(qtbot, services, private_settings, tmp_path)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    headers = [
        window.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(window.model.columnCount())
    ]
    assert headers == [
        "措施编号",
        "文件",
        "重点任务",
        "责任单位",
        "角色",
        "状态",
        "完成进度",
        "完成时限",
        "进展情况",
        "更新时间",
    ]
    assert window.actions_.tick_off.text() == "销号"
    assert window.actions_.import_document.text() == "导入政策文件…"
    assert window.filters.overdue.text() == "仅看逾期"
    assert window.model.data(window.model.index(0, 5)) == "逾期"
    assert window.model.data(window.model.index(0, 4)) == "牵头"
    assert window.counts.text() == "显示 6 项分工 · 逾期 3 项 · 临期 2 项"
