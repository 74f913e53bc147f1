"""The adversarial policy documents (``tests/reliability/adversarial.py``) through the
window's import conversation (``ui.documents.import_flow.import_policy_file``): read and
planned on a worker, previewed, confirmed, imported.

A refused file: one warning box with the exact message naming the file, nothing written,
no preview opened.  A file taken: its measures imported, the outcome shown.  No bug
reaches the crash hook.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from tests.reliability.adversarial import DOCUMENTS, Imported, Refused
from tests.reliability.office_state import dump
from tracker.services import Services
from ui.documents import import_flow
from ui.documents.import_preview import ImportPreviewDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_each_adversarial_document_in_the_window(
    empty_services: Services,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
) -> None:
    make, expected = DOCUMENTS[name]
    path = make(tmp_path)
    bugs: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: bugs.append(exc))
    previewed: list[int] = []
    outcomes: list[str] = []

    def confirm(dialog: ImportPreviewDialog) -> int:
        previewed.append(len(dialog.document().measures))
        return QDialog.DialogCode.Accepted

    def shown(dialog: import_flow.ImportOutcomeDialog) -> int:
        outcomes.append(dialog.summary.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", confirm)
    monkeypatch.setattr(import_flow.ImportOutcomeDialog, "exec", shown)
    before = dump(empty_services)
    changed = import_flow.import_policy_file(
        None, empty_services.documents, empty_services.units, path
    )
    assert bugs == []
    if isinstance(expected, Refused):
        assert (changed, previewed, outcomes) == (False, [], [])
        assert messages == [("warning", expected.message)]
        assert dump(empty_services) == before
        return
    assert isinstance(expected, Imported)
    assert (changed, messages) == (True, [])
    assert previewed == [expected.measures]
    assert outcomes == [f"{path.name} was imported."]
    [document] = empty_services.documents.list()
    assert document.measures == expected.measures
