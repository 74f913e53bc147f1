"""The adversarial ledger corpus (``tests/reliability/adversarial.py``) in the window's
import dialog: read on its worker, shown, applied with the dialog's own Apply.

A refused or rejected file: the file list says why (the reader's exact message), the
Rejected tab lists the exact cells, the message box after Apply names the file and the
reason, and every table is row-identical.  A file taken: exactly the expected values on
exactly the expected assignments.  No bug reaches the crash hook.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.adversarial import (
    LEDGERS,
    Applied,
    NeedsUnit,
    Refused,
    Rejected,
    ledger_corpus,
)
from tests.reliability.office_state import assignment_values, dump, prepared_office
from tracker.services import Services
from ui.ledgers.file_list_model import STATUS
from ui.ledgers.ledger_import_dialog import LedgerImportDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _column(model: Any, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


@pytest.mark.parametrize("name", list(LEDGERS))
def test_each_adversarial_ledger_in_the_import_dialog(  # type: ignore[no-untyped-def]
    qtbot,
    empty_services: Services,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
) -> None:
    corpus = ledger_corpus(tmp_path_factory)
    if name not in corpus:
        pytest.skip("needs LibreOffice Calc (libreoffice-calc-nogui)")
    office = prepared_office(empty_services)
    path, expected = corpus[name], LEDGERS[name].expected
    bugs: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: bugs.append(exc))
    before, values = dump(office), assignment_values(office)
    dialog = LedgerImportDialog(office.ledger_import, [path])
    qtbot.addWidget(dialog)
    assert dialog.load()
    assert _column(dialog.files, 0) == [path.name]
    [status] = _column(dialog.files, STATUS)
    if isinstance(expected, Refused):
        assert status == f"Cannot import: {expected.message}"
    elif isinstance(expected, Rejected):
        assert status == "Fix the rejected cells first"
        shown = list(zip(_column(dialog.rejects, 0), _column(dialog.rejects, 2), strict=True))
        assert shown == [(f"{sheet}!{cell}", reason) for sheet, cell, reason in expected.cells]
    elif isinstance(expected, NeedsUnit):
        assert status == "Choose the unit: the hidden sheet is gone"
    else:
        assert status == "Ready to apply"
    dialog.apply()
    [(kind, told)] = messages
    assert kind == "information"
    if isinstance(expected, Applied):
        assert told.startswith("1 file imported with ")
        assert assignment_values(office) == {**values, **expected.values}
    else:
        assert (
            told == f"0 files imported with 0 changes.\nNot imported:\n• {_reason(path, expected)}"
        )
        assert dump(office) == before
    assert bugs == []


def _reason(path: Path, expected: Refused | Rejected | NeedsUnit) -> str:
    """The line the message box gives the file: its name, once, and why."""
    if isinstance(expected, Refused):
        message = expected.message
        return message if message.startswith(path.name) else f"{path.name}: {message}"
    if isinstance(expected, Rejected):
        count = len(expected.cells)
        return f"{path.name}: " + ("1 rejected row" if count == 1 else f"{count} rejected rows")
    return f"{path.name}: {expected.skip}"
