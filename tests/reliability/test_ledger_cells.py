"""Returned ledgers whose cells say more than their values: end to end, through the services.

Each file is exported by the office, edited as a unit's program leaves it (openpyxl
writing number formats, formulas without a calculated value, error values), previewed
and applied; the database is asserted value for value — changed exactly as typed, or
untouched when a cell is refused.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.tracker.conftest import sample_document, source
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.statuses import Status

ROUND = "2021年第2季度"
UNIT = "自治区公安厅"
NO_RESULT = (
    "has no calculated value (the program that saved the file did not calculate it); "
    "open the file in Excel or WPS, save it and send it again"
)


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def _returned(office: Services, folder: Path, cells: dict[str, Any], **formats: str) -> Path:
    """The unit's ledger as exported, with ``cells`` set (``formats``: cell → number format)."""
    [sent] = office.ledger_export.export_units(ROUND, folder, units=[UNIT])
    wb = openpyxl.load_workbook(sent)
    ws = wb.worksheets[0]
    assert [ws["B4"].value, ws["B5"].value] == ["1", "2"]  # the rows the cells below address
    for ref, value in cells.items():
        ws[ref] = value
    for ref, number_format in formats.items():
        ws[ref].number_format = number_format
    back = folder / f"returned_{sent.name}"
    wb.save(back)
    return back


def _state(office: Services) -> list[tuple[str, str, Status, int | None, str]]:
    return sorted(
        (r.code, r.unit, r.status, r.percent, r.note) for r in office.overview.assignments()
    )


def _police(office: Services) -> dict[str, tuple[Status, int | None, str]]:
    return {
        r.code: (r.status, r.percent, r.note)
        for r in office.overview.assignments()
        if r.unit == UNIT
    }


def test_percents_typed_with_a_percent_sign_are_recorded_as_typed(
    office: Services, tmp_path: Path
) -> None:
    # Excel stores a typed 100% as 1 with a percent format, 35% as 0.35.
    back = _returned(
        office, tmp_path, {"J4": "推进中", "K4": 1, "J5": "推进中", "K5": 0.35}, K4="0%", K5="0%"
    )
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert preview.rejected == []
    assert [(c.code, c.field, c.new) for c in preview.changed if c.field == "percent"] == [
        ("1", "percent", 100),
        ("2", "percent", 35),
    ]
    result = importer.apply([back], expected=[preview])
    assert result.applied == [back.name]
    assert _police(office) == {
        "1": (Status.IN_PROGRESS, 100, ""),
        "2": (Status.IN_PROGRESS, 35, ""),
    }


def test_percents_typed_into_the_text_formatted_cells(office: Services, tmp_path: Path) -> None:
    back = _returned(office, tmp_path, {"J4": "推进中", "K4": "100%", "J5": "推进中", "K5": "100"})
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert preview.rejected == []
    importer.apply([back], expected=[preview])
    assert {code: values[1] for code, values in _police(office).items()} == {"1": 100, "2": 100}


@pytest.mark.parametrize(
    ("cells", "formats", "rejected"),
    [
        (
            {"L4": "=A1", "L5": "第二条进展"},
            {},
            [("台账", "L4", f"formula =A1 {NO_RESULT}")],
        ),
        (
            {"J5": "#N/A", "L4": "第一条进展"},
            {},
            [("台账", "J5", "the cell shows the error #N/A; correct it and send the file again")],
        ),
        (
            {"K4": 0.35, "L5": "第二条进展"},
            {},
            [
                (
                    "台账",
                    "K4",
                    "percent 0.35 is ambiguous (the cell is not formatted as a percent, so it may "
                    "mean 0.35% or 35%); write a whole number 0–100, e.g. 80 for 80%",
                )
            ],
        ),
        (
            {"K5": 1.5, "L4": "第一条进展"},
            {"K5": "0%"},
            [("台账", "K5", "percent 150 is outside 0–100")],
        ),
    ],
    ids=["formula-without-result", "error-value", "ambiguous-fraction", "percent-over-100"],
)
def test_a_refused_cell_keeps_the_file_out_and_the_database_unchanged(
    office: Services,
    tmp_path: Path,
    cells: dict[str, Any],
    formats: dict[str, str],
    rejected: list[tuple[str, str, str]],
) -> None:
    before = _state(office)
    back = _returned(office, tmp_path, cells, **formats)
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert [(r.sheet, r.cell, str(r.reason)) for r in preview.rejected] == rejected
    assert not preview.applicable
    result = importer.apply([back])
    assert (result.applied, result.changes) == ([], 0)
    assert [name for name, _ in result.skipped] == [back.name]
    assert _state(office) == before


def test_the_masters_summary_sheet_is_not_imported(office: Services, tmp_path: Path) -> None:
    master = office.ledger_export.export_master(ROUND, tmp_path)
    wb = openpyxl.load_workbook(master)
    assert wb.sheetnames[0] == "汇总"
    ws = wb.worksheets[1]
    row = next(r for r in range(4, ws.max_row + 1) if ws[f"G{r}"].value == UNIT)
    # the master merges a measure's 措施编号 down its units' rows: the top one holds it
    code = next(ws[f"B{r}"].value for r in range(row, 3, -1) if ws[f"B{r}"].value is not None)
    ws[f"L{row}"] = "总台账里改的进展"
    back = tmp_path / "returned_master.xlsx"
    wb.save(back)
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert preview.rejected == [] and preview.conflicts == []
    assert [(c.code, c.unit, c.field, c.new) for c in preview.changed] == [
        (code, UNIT, "progress", "总台账里改的进展")
    ]
