"""Deleting a document from the navigator's context menu; a text without measures refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.tracker.conftest import sample_document, source
from tracker.services import Services
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_delete_a_document_from_the_navigator(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
) -> None:
    services.documents.import_parsed(sample_document("宁政办〔2021〕12号"), source(sha="c" * 64))
    window.rows.reload()
    qtbot.waitUntil(lambda: window.navigator.nav_model.documents_root.rowCount() == 2)
    asked: list[str] = []

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    index = window.navigator.nav_model.documents_root.child(0).index()
    menu = window.navigator.context_menu(index)
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["Delete document…"]
    menu.actions()[0].trigger()
    assert asked == [
        "Delete 宁政办〔2021〕9号 (自治区人民政府办公厅关于印发优化营商环境若干措施的通知)?\n\n"
        "This deletes 4 measures, 6 unit assignments and 6 history entries of progress. "
        "A backup of the database is made first."
    ]
    if answer == QMessageBox.StandardButton.No:
        assert len(services.documents.list()) == 2
        return
    assert [d.doc_number for d in services.documents.list()] == ["宁政办〔2021〕12号"]
    qtbot.waitUntil(lambda: window.navigator.nav_model.documents_root.rowCount() == 1)
    assert {r.doc_label for r in window.model.rows()} == {"宁政办〔2021〕12号"}
    # a part is not a document: no menu
    assert window.navigator.context_menu(window.navigator.nav_model.units_root.index()) is None


def test_the_window_refuses_a_text_without_measures(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    services: Services,
    messages: list[tuple[str, str]],
    tmp_path: Path,
) -> None:
    from ui.documents.import_flow import import_policy_file

    file = tmp_path / "值班通知.txt"
    file.write_text("关于做好假期值班工作的通知\n请大家按时值班。\n", encoding="utf-8")
    assert not import_policy_file(window, services.documents, services.units, file)
    assert messages == [("warning", "no measures found in 值班通知.txt — is this a task document?")]
    assert len(services.documents.list()) == 1
