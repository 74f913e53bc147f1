"""An empty database: the first-run page, importing a document from it, the demo database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.ui.conftest import make_window, shown
from tracker.services import Services
from ui.documents.import_flow import ImportOutcomeDialog
from ui.documents.import_preview import ImportPreviewDialog
from ui.settings import window_settings as keys
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

POLICY = """宁夏回族自治区人民政府办公厅文件

宁政办发〔2021〕99号

自治区人民政府办公厅关于印发优化营商环境若干措施的通知

各市、县（区）人民政府，自治区政府各部门：

现将《优化营商环境若干措施》印发给你们，请认真贯彻执行。

自治区人民政府办公厅
2021年5月19日

优化营商环境若干措施

一、营造公平竞争市场环境

（一）深化商事制度改革（自治区市场监管厅牵头）

1. 推进企业开办全程网办。不断完善企业开办“一网通办”平台。（责任单位：自治区市场监管厅、公安厅，各市、县〔区〕。完成时限：2021年6月底）

2. 推广企业开办“零费用”。向新开办企业提供免费印章刻制服务。（责任单位：自治区公安厅、宁夏税务局。完成时限：{deadline}）

二、强化组织保障

3. 持续优化服务。（责任单位：自治区政府办公厅。完成时限：长期坚持）
"""


@pytest.fixture
def empty_window(
    qtbot, empty_services: Services, private_settings: QSettings, tmp_path: Path
) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window(qtbot, empty_services, private_settings, tmp_path)


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[ImportPreviewDialog]:
    """Import previews, confirmed as they are (new units created) instead of waiting."""
    seen: list[ImportPreviewDialog] = []

    def confirm(dialog: ImportPreviewDialog) -> int:
        seen.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", confirm)
    return seen


@pytest.fixture
def dialogs(
    monkeypatch: pytest.MonkeyPatch, previews: list[ImportPreviewDialog]
) -> list[ImportOutcomeDialog]:
    """Import outcome dialogs (after a confirmed preview), answered with OK instead of waiting."""
    seen: list[ImportOutcomeDialog] = []

    def answer(dialog: ImportOutcomeDialog) -> int:
        seen.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportOutcomeDialog, "exec", answer)
    return seen


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake(_parent, title, _folder, filters):  # type: ignore[no-untyped-def]
        asked.append(filters)
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return asked


def test_an_empty_database_opens_on_the_first_run_page(empty_window: MainWindow) -> None:
    assert empty_window.pages.currentWidget() is empty_window.first_run
    assert empty_window.counts.text() == "The database is empty."
    assert empty_window.first_run.import_button.text() == "Import a policy document…"


def test_importing_from_the_first_run_page(
    qtbot,  # type: ignore[no-untyped-def]
    empty_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: list[ImportOutcomeDialog],
    previews: list[ImportPreviewDialog],
) -> None:
    policy = tmp_path / "措施.txt"
    policy.write_text(POLICY.format(deadline="2021年底"), encoding="utf-8")
    asked = choose_file(monkeypatch, policy)
    qtbot.mouseClick(empty_window.first_run.import_button, Qt.MouseButton.LeftButton)

    assert asked == ["Policy documents (*.docx *.doc *.wps *.rtf *.odt *.pdf *.txt);;All files (*)"]
    [preview] = previews
    assert preview.counts.text() == "2 parts, 1 section, 3 measures, 5 units named (5 new)."
    assert preview.confirm is not None and preview.confirm.text() == "Import"
    [dialog] = dialogs
    assert dialog.summary.text() == "措施.txt was imported."
    details = dialog.details.toPlainText().splitlines()
    assert details[0] == "3 measures, 6 unit assignments."
    assert details[1] == "New units — please check them in the units directory:"
    assert "• 自治区市场监管厅" in details

    assert empty_window.pages.currentWidget() is empty_window.splitter
    assert shown(empty_window) == [
        ("1", "自治区市场监管厅"),
        ("1", "自治区公安厅"),
        ("1", "各市、县（区）"),
        ("2", "自治区公安厅"),
        ("2", "宁夏税务局"),
        ("3", "自治区政府办公厅"),
    ]


def test_a_revision_is_shown_first_and_applied_on_accept(
    empty_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: list[ImportOutcomeDialog],
    previews: list[ImportPreviewDialog],
) -> None:
    first = tmp_path / "措施.txt"
    first.write_text(POLICY.format(deadline="2021年底"), encoding="utf-8")
    choose_file(monkeypatch, first)
    empty_window.actions_.import_document.trigger()
    revised = tmp_path / "措施（修订）.txt"
    revised.write_text(POLICY.format(deadline="2021年9月底"), encoding="utf-8")
    choose_file(monkeypatch, revised)
    empty_window.actions_.import_document.trigger()

    _, pending = previews
    assert pending.plan.state == "revision"
    assert pending.state.text().startswith(
        "This is a revised version of the stored document 宁政办发〔2021〕99号."
    )
    changes = [pending.changes.item(i).text() for i in range(pending.changes.count())]
    assert changes == ["• 2 changed  text changed; deadline: 2021-12-31 → 2021-09-30"]
    assert pending.confirm is not None
    assert pending.confirm.text() == "Accept revision"
    _, applied = dialogs
    assert applied.summary.text() == (
        "The revision was applied. Progress already recorded is kept."
    )
    [row] = [r for r in empty_window.model.rows() if (r.code, r.unit) == ("2", "宁夏税务局")]
    assert row.deadline_text == "2021年9月底"


def test_an_unreadable_file_is_a_message_not_a_crash(
    empty_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    choose_file(monkeypatch, tmp_path / "不存在.txt")
    empty_window.actions_.import_document.trigger()
    assert messages == [("warning", f"no such file: {tmp_path / '不存在.txt'}")]
    assert empty_window.pages.currentWidget() is empty_window.first_run


def test_the_demo_database(qtbot, empty_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(empty_window.first_run.demo_button, Qt.MouseButton.LeftButton)
    assert empty_window.pages.currentWidget() is empty_window.splitter
    assert empty_window.location.text() == str(empty_window.commands.demo_path)
    rows = empty_window.model.rows()
    assert len(rows) == 19
    states = {(r.code, r.unit): r.state.value for r in rows}
    assert states[("1", "自治区市场监管厅")] == "逾期"
    assert states[("2", "自治区公安厅")] == "临期"
    assert states[("7", "自治区司法厅")] == "已销号"
    assert states[("9", "各市、县（区）")] == "长期坚持"
    # The demo is not remembered as the database to open next time.
    assert keys.DATABASE.value(empty_window.settings) == ""
