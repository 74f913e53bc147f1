"""Exports go to 文档\\督办台账\\<轮次>; each kind of file dialog reopens where it was last used."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from ui.settings import folders


@pytest.fixture
def documents(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    place = tmp_path / "文档"
    place.mkdir()

    def writable(location: QStandardPaths.StandardLocation) -> str:
        assert location == QStandardPaths.StandardLocation.DocumentsLocation
        return str(place)

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(writable))
    return place


def test_a_rounds_exports_go_under_documents(documents: Path) -> None:
    assert folders.work_folder() == documents / "督办台账"
    assert folders.round_folder("2021年第3季度") == documents / "督办台账" / "2021年第3季度"
    assert folders.round_folder("第1轮:7/8月") == documents / "督办台账" / "第1轮_7_8月"


def test_each_kind_remembers_its_own_folder(
    documents: Path, private_settings: QSettings, tmp_path: Path
) -> None:
    assert folders.last_folder(private_settings, "ledgers") == Path.home()
    folders.work_folder().mkdir()
    assert folders.last_folder(private_settings, "ledgers") == documents / "督办台账"
    returned = tmp_path / "回收台账"
    returned.mkdir()
    folders.remember_folder(private_settings, "ledgers", returned / "财政厅.xlsx")
    folders.remember_folder(private_settings, "reports", tmp_path)
    assert folders.last_folder(private_settings, "ledgers") == returned
    assert folders.last_folder(private_settings, "reports") == tmp_path
    assert folders.last_folder(private_settings, "documents") == documents / "督办台账"
    returned.rmdir()  # a folder that is gone is not offered
    assert folders.last_folder(private_settings, "ledgers") == documents / "督办台账"
    with pytest.raises(ValueError):
        folders.last_folder(private_settings, "photos")


def test_the_policy_dialog_reopens_where_the_last_document_was_taken(
    documents: Path, private_settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ui.documents.import_flow import choose_policy_file

    received = tmp_path / "收文"
    received.mkdir()
    starts: list[str] = []

    def answer(_parent, _title, start, _filters):  # type: ignore[no-untyped-def]
        starts.append(start)
        return str(received / "宁政办〔2021〕9号.docx"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    assert choose_policy_file(None) == received / "宁政办〔2021〕9号.docx"
    assert choose_policy_file(None) == received / "宁政办〔2021〕9号.docx"
    assert starts == [str(Path.home()), str(received)]
