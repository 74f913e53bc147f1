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

from tracker.documents.document_delete import DocumentDeletion
from tracker.ledgers.ledger_records import ApplyResult
from ui.documents.document_delete_flow import confirmation_text
from ui.ledgers.ledger_history import import_text
from ui.ledgers.preview_views import apply_summary
from ui.resources import resource_path


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
