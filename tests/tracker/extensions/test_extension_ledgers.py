"""An approved extension in the unit's next ledger: its 完成时限 with the original."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from tests.tracker.conftest import sample_document, source
from tracker.services import Services

POLICE = "自治区公安厅"
ROUND = "2021年7月"


def _deadlines(path: Path) -> dict[str, object]:
    sheet = openpyxl.load_workbook(path).worksheets[0]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "序号")
    columns = {sheet.cell(header, c).value: c for c in range(1, sheet.max_column + 1)}
    return {
        str(sheet.cell(r, columns["措施编号"]).value): sheet.cell(r, columns["完成时限"]).value
        for r in range(header + 1, sheet.max_row + 1)
        if sheet.cell(r, columns["措施编号"]).value
    }


def test_the_unit_ledger_prints_the_approved_deadline_with_the_original(
    services: Services, tmp_path: Path
) -> None:
    services.documents.import_parsed(sample_document(), source())
    services.rounds.create(ROUND, date(2021, 7, 31))
    made = services.extensions.request_by_code("1", POLICE, date(2021, 12, 31), "改造")
    services.extensions.approve(made.id)
    [path] = services.ledger_export.export_units(ROUND, tmp_path, units=[POLICE])
    assert _deadlines(path) == {"1": "2021-12-31（原 2021年6月底）", "2": "2021年7月10日"}
    [preview] = services.ledger_import.preview([path])  # returned as sent: nothing edited
    assert (preview.ignored, preview.rejected, preview.changed) == ([], [], [])
