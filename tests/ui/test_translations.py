"""The Chinese translation: complete, up to date with the code, and used by the window.

Strings come from ``tr()`` in ``ui/`` and, for what the services and importers tell
the user, from ``QT_TRANSLATE_NOOP("messages", …)`` templates in ``tracker/`` and
``importers/`` (shown by ``ui.messages.translated``).
"""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator

from tests.tracker.ledgers.test_ledgers import _edit, _export
from tests.ui.conftest import make_window
from tracker.progress.progress_service import Change
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from ui.ledgers.file_list_model import file_status
from ui.ledgers.rejected_edits import RejectedModel
from ui.messages import user_errors
from ui.resources import resource_path
from ui.workers import run_with_progress

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

TS = resource_path("translations", "tracker_zh_CN.ts")
ROOT = Path(__file__).resolve().parents[2]
TRANSLATED_FOLDERS = ("ui", "tracker", "importers")
"""Where lupdate looks for strings: tr() in ui/, QT_TRANSLATE_NOOP templates everywhere."""


def _tool(name: str) -> Path:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return found
    on_path = shutil.which(name)
    if on_path is None:
        pytest.skip(f"{name} not installed")
    return Path(on_path)


def _translation(message: ET.Element) -> str:
    """A message's translation; of a plural (%n) message, its one form (Chinese has one),
    or its forms one a line."""
    forms = message.findall("translation/numerusform")
    if forms:
        return "\n".join(f.text or "" for f in forms)
    return message.findtext("translation") or ""


def _unfinished(ts: Path) -> list[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation") is None
        or message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not _translation(message).strip()
    ]


def _entries(ts: Path) -> list[tuple[str, str, str]]:
    """(context, source, translation) of every message."""
    root = ET.parse(ts).getroot()
    return [
        (
            context.findtext("name", ""),
            message.findtext("source", ""),
            _translation(message),
        )
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _fields(text: str) -> set[str]:
    """The ``str.format`` fields of a text (``{unit!r}`` and ``{unit}`` are both ``unit``)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.fixture(scope="module")
def updated_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts after lupdate over the code, in a copy: what the code asks to be translated."""
    copy = tmp_path_factory.mktemp("ts") / "tracker_zh_CN.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for folder in TRANSLATED_FOLDERS for p in (ROOT / folder).rglob("*.py"))
    subprocess.run(
        [str(_tool("pyside6-lupdate")), *sources, "-ts", str(copy), "-no-obsolete", "-silent"],
        check=True,
    )
    return copy


def test_every_string_in_the_code_has_a_chinese_translation(updated_ts: Path) -> None:
    """A string added without a translation (or a changed one) shows up here."""
    assert _unfinished(updated_ts) == []


def test_every_message_of_the_services_and_importers_is_translated(updated_ts: Path) -> None:
    messages = [
        (source, text) for context, source, text in _entries(updated_ts) if context == "messages"
    ]
    assert len(messages) > 80  # lupdate found the QT_TRANSLATE_NOOP templates below ui/
    assert ("unknown unit {unit!r}", "未知单位“{unit}”") in messages
    assert [m for m in _unfinished(updated_ts) if m[0] == "messages"] == []


def test_service_messages_have_one_context(updated_ts: Path) -> None:
    """``messages`` only: a second context spelled otherwise (``Messages``) split them."""
    contexts = {context for context, _, _ in _entries(updated_ts)}
    assert [c for c in contexts if c.lower() == "messages"] == ["messages"]
    assert ("messages", "Measure Tracker", "督办台账") in _entries(updated_ts)


def test_a_plural_message_has_its_count_in_chinese_too(updated_ts: Path) -> None:
    """Qt's %n messages: a .ts plural entry, one form in Chinese, the count in it."""
    root = ET.parse(updated_ts).getroot()
    plural = [m for m in root.iter("message") if m.get("numerus") == "yes"]
    assert len(plural) >= 30
    assert [
        (m.findtext("source"), _translation(m))
        for m in plural
        if len(m.findall("translation/numerusform")) != 1 or "%n" not in _translation(m)
    ] == []


def test_every_translation_keeps_the_fields_of_its_source(updated_ts: Path) -> None:
    """A field lost or renamed in Chinese would show a message without its unit, or fail."""
    assert [
        (context, source, text)
        for context, source, text in _entries(updated_ts)
        if _fields(source) != _fields(text)
    ] == []


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
        "所属集体",
    ]
    assert window.actions_.tick_off.text() == "销号"
    assert window.actions_.import_document.text() == "导入政策文件…"
    assert window.filters.overdue.text() == "仅看逾期"
    assert window.model.data(window.model.index(0, 5)) == "未启动 · 逾期"  # recorded · deadline
    assert window.model.data(window.model.index(0, 4)) == "牵头"
    assert window.counts.text() == "显示 6 项分工 · 逾期 3 项 · 临期 2 项"


def test_a_user_error_from_a_service_reads_chinese(
    chinese: None, services: Services, messages: list[tuple[str, str]], tmp_path: Path
) -> None:
    row = services.overview.assignments()[0]
    outcome = run_with_progress(
        None, "…", lambda _reporter: services.progress.record(row.id, Change(percent=150))
    )
    assert not outcome.ok
    empty = tmp_path / "空白.txt"
    empty.write_bytes(b"")
    with user_errors(None):
        services.documents.import_file(empty)  # an importer's error, passed on by the service
    with user_errors(None):
        services.units.add_alias(services.units.list()[0].name, "")
    assert messages == [
        ("warning", "完成进度 150 超出 0–100 的范围"),
        ("warning", "空白.txt：文件为空"),
        ("warning", "别名不能为空"),
    ]


def test_the_ledger_preview_gives_its_reasons_in_chinese(
    chinese: None, services: Services, tmp_path: Path
) -> None:
    RoundService(services.store).create("2021年第2季度", date(2021, 6, 30))
    sent = _export(services, "自治区公安厅", tmp_path / "sent")
    back = _edit(sent, {"1/完成状态": "差不多", "2/完成进度(%)": 150})
    [preview, missing] = services.ledger_import.preview([back, tmp_path / "缺失.xlsx"])
    model = RejectedModel()
    model.set_records(preview.rejected)
    reasons = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert reasons == [
        "无法识别的完成状态“差不多”；只能填写：未启动、推进中、已完成、已销号、长期坚持",
        "完成进度 150 超出 0–100 的范围",
    ]
    assert file_status(preview, {}) == "请先改正被退回的单元格"
    assert "缺失.xlsx：文件不存在" in file_status(missing, {})
