"""Counts the window shows read right for one and for more: "1 file imported with 1
change", "2 files imported with 2 changes" (two English sources picked by the count, each
a Qt %n message), and in Chinese the one form with the count."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QSpinBox

from importers.messages import Message
from tests.ui.factories import make_row
from tracker.documents.document_delete import DocumentDeletion
from tracker.ledgers.ledger_records import ApplyResult, FieldChange, FilePreview, Rejected
from tracker.records import MeasureInfo
from tracker.units.unit_merge import MergePlan
from ui.assignments.paste_dialog import paste_summary
from ui.board.board_view import BoardView
from ui.board.dashboard import due_soon_title, overdue_title
from ui.count_suffix import counted_suffix
from ui.documents.document_delete_flow import confirmation_text
from ui.ledgers.file_list_model import file_status
from ui.ledgers.ledger_history import import_text
from ui.ledgers.preview_views import apply_summary
from ui.resources import resource_path
from ui.units.merge_preview import MergePreviewDialog


def _result(files: int, changes: int, contacts: int, extensions: int) -> ApplyResult:
    return ApplyResult(
        applied=[f"{n}.xlsx" for n in range(files)],
        changes=changes,
        contacts=contacts,
        extensions=extensions,
    )


def test_one_file_one_change_in_english(qapp) -> None:  # type: ignore[no-untyped-def]
    assert import_text(1) == "Import ledgers (1 file)"
    assert apply_summary(_result(1, 1, 1, 1)) == (
        "1 file imported with 1 change.\n"
        "1 contact in the unit directory updated.\n"
        "1 extension request awaits a decision (Edit → Extension requests…)."
    )


def test_two_files_two_changes_in_english(qapp) -> None:  # type: ignore[no-untyped-def]
    assert import_text(2) == "Import ledgers (2 files)"
    assert apply_summary(_result(2, 2, 2, 2)) == (
        "2 files imported with 2 changes.\n"
        "2 contacts in the unit directory updated.\n"
        "2 extension requests await a decision (Edit → Extension requests…)."
    )
    assert apply_summary(_result(1, 0, 0, 0)) == "1 file imported with 0 changes."


@pytest.fixture
def chinese(tmp_path: Path, qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    ts = resource_path("translations", "tracker_zh_CN.ts")
    qm = tmp_path / "tracker_zh_CN.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_one_and_two_in_chinese(chinese: None) -> None:
    assert (import_text(1), import_text(2)) == ("导入台账（1个文件）", "导入台账（2个文件）")
    assert apply_summary(_result(1, 1, 1, 1)) == (
        "已导入 1 个文件，共 1 处修改。\n"
        "通讯录中1项联系方式已更新。\n"
        "1项延期申请待审批（编辑 → 延期申请…）。"
    )
    assert apply_summary(_result(2, 2, 2, 2)) == (
        "已导入 2 个文件，共 2 处修改。\n"
        "通讯录中2项联系方式已更新。\n"
        "2项延期申请待审批（编辑 → 延期申请…）。"
    )


def _deletion(exports: int) -> DocumentDeletion:
    return DocumentDeletion(1, "宁政办〔2021〕1号", "实施方案", 3, 6, 9, exports)


def test_a_document_deletion_names_one_ledger_file_and_two(qapp) -> None:  # type: ignore[no-untyped-def]
    one, two = confirmation_text(_deletion(1)), confirmation_text(_deletion(2))
    assert one.endswith(
        "\n\n1 ledger file was exported since it was imported: rows for this document in it "
        "will be refused when it comes back."
    )
    assert two.endswith(
        "\n\n2 ledger files were exported since it was imported: rows for this document in "
        "them will be refused when they come back."
    )


def test_a_document_deletion_in_chinese(chinese: None) -> None:
    assert confirmation_text(_deletion(1)).endswith(
        "自导入以来已导出 1 份台账：其中属于该文件的行在收回时将被拒绝。"
    )


def _preview(rejected: int) -> FilePreview:
    change = FieldChange(1, "1", "市发展改革委", "status", "未启动", "推进中")
    reason = Message("{header} is empty", {"header": "完成情况"})
    return FilePreview(
        Path("a.xlsx"),
        changed=[change],
        rejected=[Rejected("台账", f"E{n}", reason) for n in range(rejected)],
    )


def _plan(moved: int) -> MergePlan:
    return MergePlan("发改委", "市发展改革委", moved, ())


def test_more_counts_for_one_in_english(qapp) -> None:  # type: ignore[no-untyped-def]
    assert file_status(_preview(1), {}, apply_valid=True) == (
        "Ready: the valid rows; 1 rejected row stays"
    )
    assert file_status(_preview(2), {}, apply_valid=True) == (
        "Ready: the valid rows; 2 rejected rows stay"
    )
    assert paste_summary(1, 1) == "1 assignment changes; 1 pasted cell is not taken."
    assert paste_summary(2, 2) == "2 assignments change; 2 pasted cells are not taken."
    assert paste_summary(2, 0) == "2 assignments change; 0 pasted cells are not taken."
    assert (overdue_title(1, 1), overdue_title(2, 2)) == (
        "Overdue — 1 assignment",
        "Overdue — 2 assignments",
    )
    assert overdue_title(20, 31) == "Overdue — the 20 most overdue of 31"
    assert (due_soon_title(1, 1), due_soon_title(0, 0), due_soon_title(20, 21)) == (
        "Due soon — 1 assignment",
        "Due soon — 0 assignments",
        "Due soon — the 20 nearest of 21",
    )
    one = MergePreviewDialog(_plan(1))
    assert one.summary.text() == (
        "Merge 发改委 into 市发展改革委? 发改委 becomes another name of 市发展改革委; its 1 "
        "assignment moves to 市发展改革委 with its history. A backup is made first."
    )
    assert MergePreviewDialog(_plan(2)).summary.text() == (
        "Merge 发改委 into 市发展改革委? 发改委 becomes another name of 市发展改革委; its 2 "
        "assignments move to 市发展改革委 with their history. A backup is made first."
    )


def test_more_counts_for_one_in_chinese(chinese: None) -> None:
    assert file_status(_preview(1), {}, apply_valid=True) == "可导入有效行；1处退回保持不变"
    assert paste_summary(1, 2) == "1 项分工将被修改；2 个粘贴的单元格未被采用。"
    assert (overdue_title(1, 1), overdue_title(20, 31)) == (
        "逾期 — 共 1 项",
        "逾期 — 共 31 项，逾期最久的 20 项",
    )
    assert due_soon_title(2, 2) == "临期 — 共 2 项"
    assert MergePreviewDialog(_plan(1)).summary.text() == (
        "将 发改委 合并到 市发展改革委？发改委 将成为 市发展改革委 的别名；其 1 项任务连同历史"
        "记录移至 市发展改革委。合并前会先备份数据库。"
    )


def test_a_document_deletion_counts_each_thing_for_one(qapp) -> None:  # type: ignore[no-untyped-def]
    one = DocumentDeletion(1, "宁政办〔2021〕1号", "实施方案", 1, 1, 1, 0)
    assert confirmation_text(one) == (
        "Delete 宁政办〔2021〕1号 (实施方案)?\n\nThis deletes 1 measure, 1 unit assignment and "
        "1 history entry of progress. A backup of the database is made first."
    )
    assert confirmation_text(_deletion(0)) == (
        "Delete 宁政办〔2021〕1号 (实施方案)?\n\nThis deletes 3 measures, 6 unit assignments and "
        "9 history entries of progress. A backup of the database is made first."
    )


def test_a_document_deletion_counts_in_chinese(chinese: None) -> None:
    assert confirmation_text(_deletion(0)) == (
        "删除 宁政办〔2021〕1号（实施方案）？\n\n将删除 3 项措施、6 项单位任务和 9 条进展历史记录。"
        "删除前会先备份数据库。"
    )


def test_a_spin_box_says_1_day_and_2_days(qapp) -> None:  # type: ignore[no-untyped-def]
    spin = QSpinBox()
    spin.setRange(0, 10)
    spin.setValue(1)
    counted_suffix(spin, " day", " days")
    assert spin.text() == "1 day"
    spin.setValue(2)
    assert spin.text() == "2 days"
    spin.setValue(0)
    assert spin.text() == "0 days"


def test_the_boards_line_for_one_measure_one_unit(qapp) -> None:  # type: ignore[no-untyped-def]
    row = make_row(1)  # measure 1, 自治区公安厅, 推进中 (status 1 of five)
    measure = MeasureInfo(row.measure_id, row.code, row.title, None, None, False, None, None)
    board = BoardView()
    board.set_contents([measure], [row])
    assert board.summary.text() == "1 measure × 1 unit · 0 of 1 unit part done"
    board.set_contents([measure], [row, make_row(2)])  # 已完成
    assert board.summary.text() == "1 measure × 2 units · 1 of 2 unit parts done"
