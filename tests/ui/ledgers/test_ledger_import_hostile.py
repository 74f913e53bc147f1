"""The ledger-import dialog, given a folder holding a hostile file and lock files, stays up.

The file implying a huge sheet is one refused row (read on the worker, refused before
calamine allocates), the lock and temporary files are not listed, the good ledger
still previews.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QAbstractItemModelTester

from tests.fixtures.ledger.hostile import A1, xlsx
from tests.ui.ledger_fixtures import returned_ledgers
from tracker.services import Services
from ui.ledgers.ledger_import_dialog import LedgerImportDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def test_a_hostile_file_is_one_refused_row(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledgers = returned_ledgers(services, tmp_path)
    folder = ledgers["tax"].parent
    far = b'<row r="1048576">' + b"<c/>" * 16383 + b"<c><v>1</v></c></row>"
    (folder / "炸弹.xlsx").write_bytes(xlsx(A1 + far))
    (folder / f"~${ledgers['tax'].name}").write_bytes(b"lock")
    (folder / ".ledger-x1y2z3.xlsx").write_bytes(b"half")
    dialog = LedgerImportDialog(services.ledger_import, [folder])
    qtbot.addWidget(dialog)
    QAbstractItemModelTester(dialog.files, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert dialog.load()
    previews = {p.file: p for p in dialog.previews()}
    assert sorted(previews) == sorted(
        ["炸弹.xlsx", ledgers["tax"].name, ledgers["police"].name, ledgers["market"].name]
    )
    assert str(previews["炸弹.xlsx"].error) == (
        '炸弹.xlsx: sheet "台账" reaches cell XFD1048576, far outside any ledger; '
        "delete the stray content there and send the file again"
    )
    assert previews[ledgers["tax"].name].applicable
