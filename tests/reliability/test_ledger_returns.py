"""Returned ledgers a careless unit sends back: exported with the services, altered with
openpyxl as the unit would in Excel, previewed and applied.

Each case asserts the preview's exact lists and what the database holds afterwards:
unchanged where a row is refused, exactly the clean changes where it is not.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from db.models import Assignment, ImportBatch, ProgressEntry
from tests.tracker.conftest import sample_document, source
from tracker.cli.cli_main import main
from tracker.ledgers.ledger_import import CLEAR
from tracker.progress.progress_service import Change
from tracker.rounds.round_service import RoundService
from tracker.services import Services

ROUND = "2021年第2季度"
POLICE = "自治区公安厅"
TAX = "宁夏税务局"
HEADER_ROW = 3


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def export(services: Services, unit: str, out: Path) -> Path:
    [path] = services.ledger_export.export_units(ROUND, out, units=[unit])
    return path


def alter(path: Path, cells: dict[str, object], target: str, sheet: str = "台账") -> Path:
    """Set cells (``"J4": "text"``) as a unit would in Excel and save under ``target``."""
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb[sheet][ref] = value
    out = path.with_name(target)
    wb.save(out)
    return out


def state(services: Services) -> tuple[Any, ...]:
    """Everything an import may write: the progress columns, the history, the batches."""
    with services.store.reading() as session:
        rows = session.execute(
            select(
                Assignment.id,
                Assignment.status,
                Assignment.percent,
                Assignment.note,
                Assignment.problems,
                Assignment.next_steps,
                Assignment.version,
            ).order_by(Assignment.id)
        ).all()
        entries = session.scalar(select(func.count()).select_from(ProgressEntry))
        batches = session.scalar(select(func.count()).select_from(ImportBatch))
    return tuple(map(tuple, rows)), entries, batches


def progress(services: Services, assignment_id: int) -> tuple[Any, ...]:
    """(status, percent, note, problems, next_steps) as stored."""
    with services.store.reading() as session:
        a = session.get(Assignment, assignment_id)
        assert a is not None
        return (a.status, a.percent, a.note, a.problems, a.next_steps)


def ids(services: Services) -> dict[tuple[str, str], int]:
    return {(r.code, r.unit): r.id for r in services.overview.assignments()}


def rejected(preview: Any) -> list[tuple[str, str, str]]:
    return [(r.sheet, r.cell, str(r.reason)) for r in preview.rejected]


def refused_leaves_the_database(services: Services, path: Path, reason: str) -> None:
    before = state(services)
    result = services.ledger_import.apply([path])
    assert (result.applied, [(f, str(r)) for f, r in result.skipped]) == (
        [],
        [(path.name, reason)],
    )
    assert state(services) == before


def test_hidden_keys_of_another_database_are_not_trusted(office: Services, tmp_path: Path) -> None:
    """A ledger exported from another office's database: its keys name other assignments here."""
    sent = export(office, POLICE, tmp_path)
    known = ids(office)
    wb = openpyxl.load_workbook(sent)
    meta = wb["_台账元数据"]
    for line in meta.iter_rows():
        if line[0].value == "row" and line[2].value == "4":  # 1 / 公安厅 → 1 / 市场监管厅 here
            line[3].value = str(known[("1", "自治区市场监管厅")])
        if line[0].value == "row" and line[2].value == "5":  # 2 / 公安厅 → 1 / 公安厅 here
            line[3].value = str(known[("1", POLICE)])
    wb["台账"]["J4"] = "推进中"
    wb["台账"]["J5"] = "已完成"
    back = tmp_path / "外单位库_公安厅.xlsx"
    wb.save(back)
    [preview] = office.ledger_import.preview([back])
    assert rejected(preview) == [
        (
            "台账",
            "G4",
            "the row shows measure 1 of 自治区公安厅, but its hidden key is measure 1 of "
            "自治区市场监管厅; a ledger from another database, or an edited row: not imported",
        ),
        (
            "台账",
            "B5",
            "the row shows measure 2 of 自治区公安厅, but its hidden key is measure 1 of "
            "自治区公安厅; a ledger from another database, or an edited row: not imported",
        ),
    ]
    assert preview.changed == []
    refused_leaves_the_database(office, back, "2 rejected rows")


def test_a_row_copied_from_another_units_ledger_is_rejected(
    office: Services, tmp_path: Path
) -> None:
    sent = export(office, POLICE, tmp_path)
    back = alter(sent, {"B6": "2", "G6": TAX, "J6": "已完成", "L6": "税务已办结"}, "抄行.xlsx")
    [preview] = office.ledger_import.preview([back])
    assert rejected(preview) == [
        ("台账", "G6", f"this row belongs to {TAX}; the ledger was exported for {POLICE}")
    ]
    refused_leaves_the_database(office, back, "1 rejected row")


def test_a_row_for_a_measure_not_sent_out_is_rejected(office: Services, tmp_path: Path) -> None:
    """Measure 4 was assigned to the police after the export; the unit typed a row for it."""
    sent = export(office, POLICE, tmp_path)
    office.progress.assign("4", POLICE)
    back = alter(sent, {"B6": "4", "G6": POLICE, "J6": "已完成"}, "加行.xlsx")
    [preview] = office.ledger_import.preview([back])
    assert rejected(preview) == [
        (
            "台账",
            "B6",
            "measure 4 of 自治区公安厅 was not in this ledger as it was sent out "
            "(措施编号 or 责任单位 edited, or the row copied in); not imported",
        )
    ]
    refused_leaves_the_database(office, back, "1 rejected row")


def test_an_edited_code_that_duplicates_another_row_names_both_cells(
    office: Services, tmp_path: Path
) -> None:
    sent = export(office, POLICE, tmp_path)
    back = alter(sent, {"B4": "2", "J4": "已完成", "J5": "推进中"}, "改号.xlsx")
    [preview] = office.ledger_import.preview([back])
    assert rejected(preview) == [
        (
            "台账",
            "B5",
            "measure 2 of 自治区公安厅 is also in 台账!B4 with other values; "
            "keep one of the two rows",
        )
    ]
    refused_leaves_the_database(office, back, "1 rejected row")


def _with_summary(sent: Path, rows: list[list[object]], target: str) -> Path:
    """A hand-made summary sheet with a ledger-like header, as units add them."""
    wb = openpyxl.load_workbook(sent)
    ws = wb.create_sheet("汇总表")
    ws.append(["序号", "措施编号", "责任单位", "完成状态", "进展情况"])
    for line in rows:
        ws.append(line)
    out = sent.with_name(target)
    wb.save(out)
    return out


def test_two_sheets_changing_one_assignment_are_rejected_naming_both_cells(
    office: Services, tmp_path: Path
) -> None:
    sent = export(office, POLICE, tmp_path)
    edited = alter(sent, {"J4": "推进中", "L4": "系统联调"}, "两表.xlsx")
    back = _with_summary(edited, [[1, "1", POLICE, "已完成", "已上线"]], "两表.xlsx")
    [preview] = office.ledger_import.preview([back])
    assert rejected(preview) == [
        (
            "汇总表",
            "B2",
            "measure 1 of 自治区公安厅 is also in 台账!B4 with other values; "
            "keep one of the two rows",
        )
    ]
    refused_leaves_the_database(office, back, "1 rejected row")


def test_a_summary_sheet_repeating_the_same_values_is_no_conflict(
    office: Services, tmp_path: Path
) -> None:
    sent = export(office, POLICE, tmp_path)
    edited = alter(sent, {"J4": "推进中", "L4": "系统联调"}, "同值.xlsx")
    back = _with_summary(edited, [[1, "1", POLICE, "推进中", "系统联调"]], "同值.xlsx")
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert (preview.rejected, [(c.code, c.field, c.new) for c in preview.changed]) == (
        [],
        [("1", "status", "推进中"), ("1", "progress", "系统联调")],
    )
    assert importer.apply([back], expected=[preview]).changes == 2
    row = {(r.code, r.unit): r for r in office.overview.assignments()}[("1", POLICE)]
    assert (row.status, row.note) == ("推进中", "系统联调")


def test_emptied_texts_are_kept_unless_the_clerk_clears_them(
    office: Services, tmp_path: Path
) -> None:
    police_1 = ids(office)[("1", POLICE)]
    office.progress.record(
        police_1, Change(note="已完成系统对接", problems="经费不足", next_steps="全区推广")
    )
    sent = export(office, POLICE, tmp_path)
    back = alter(sent, {"L4": None, "M4": "  ", "N4": "年底前推广", "J5": "推进中"}, "清空.xlsx")
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert [(k.code, k.field, k.sheet, k.cell, k.office) for k in preview.kept] == [
        ("1", "progress", "台账", "L4", "已完成系统对接"),
        ("1", "problems", "台账", "M4", "经费不足"),
    ]
    assert [(c.code, c.field, c.old, c.new) for c in preview.changed] == [
        ("1", "next_steps", "全区推广", "年底前推广"),
        ("2", "status", "未启动", "推进中"),
    ]
    assert preview.to_json()["emptied_kept"][0] == {
        "code": "1",
        "unit": POLICE,
        "field": "进展情况",
        "sheet": "台账",
        "cell": "L4",
        "kept": "已完成系统对接",
    }
    result = importer.apply([back], resolutions={(police_1, "problems"): CLEAR})
    assert (result.applied, result.changes) == ([back.name], 3)
    assert progress(office, police_1)[2:] == ("已完成系统对接", "", "年底前推广")
    last = office.progress.history(police_1)[-1]
    assert (last.source, last.new_problems, last.new_next_steps) == (
        "台账 清空.xlsx",
        "",
        "年底前推广",
    )


def test_tick_off_is_refused_from_the_master_ledger_too(office: Services, tmp_path: Path) -> None:
    master = office.ledger_export.export_master(ROUND, tmp_path)
    wb = openpyxl.load_workbook(master)
    ws = next(s for s in wb.worksheets if s.sheet_state == "visible" and s.title != "汇总")
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 7).value == POLICE)
    ws.cell(row, 10).value = "已销号"
    back = tmp_path / "总台账_改.xlsx"
    wb.save(back)
    [preview] = office.ledger_import.preview([back])
    assert rejected(preview) == [
        (
            ws.title,
            f"J{row}",
            "a unit cannot tick off (已销号) its own measure; only the office can",
        )
    ]
    refused_leaves_the_database(office, back, "1 rejected row")


def test_locked_columns_and_overlong_text_are_listed_as_ignored(
    office: Services, tmp_path: Path
) -> None:
    sent = export(office, POLICE, tmp_path)
    long_text = "很长" * 20_000  # 40,000 characters: more than an Excel cell holds
    back = alter(
        sent,
        {
            "H4": "2022年底",
            "L4": long_text,
            "J4": "推进中",
            "H5": date(2021, 8, 31),
            "D5": "单位自行改写的措施内容",
        },
        "越权.xlsx",
    )
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert [(i.sheet, i.cell, str(i.reason)) for i in preview.ignored] == [
        ("台账", "H4", "完成时限 is set by the office: 2021年6月底 → 2022年底 ignored"),
        (
            "台账",
            "L4",
            "进展情况: the text fills a whole cell (32767 characters) and may have been cut; "
            "ignored",
        ),
        ("台账", "H5", "完成时限 is set by the office: 2021-07-10 → 2021-08-31 ignored"),
        ("台账", "D5", "具体内容 is set by the office: the unit's edit is ignored"),
    ]
    assert [(c.code, c.field, c.new) for c in preview.changed] == [("1", "status", "推进中")]
    assert preview.applicable
    assert importer.apply([back]).changes == 1
    assert progress(office, ids(office)[("1", POLICE)])[:3] == ("推进中", None, "")


def _without_hidden_sheet(sent: Path, target: str) -> Path:
    """The unit re-typed the ledger into a new workbook: the hidden sheet is gone."""
    wb = openpyxl.load_workbook(sent)
    for name in wb.sheetnames:
        if wb[name].sheet_state != "visible":
            del wb[name]
    out = sent.with_name(target)
    wb.save(out)
    return out


def test_a_file_without_its_hidden_sheet_waits_for_the_clerks_unit(
    office: Services, tmp_path: Path
) -> None:
    sent = export(office, POLICE, tmp_path)
    retyped = _without_hidden_sheet(alter(sent, {"J5": "推进中"}, "x.xlsx"), "公安厅台账.xlsx")
    importer = office.ledger_import
    [preview] = importer.preview([retyped])
    assert (preview.unit, preview.needs_unit, preview.unit_suggestions) == (None, True, [POLICE])
    refused_leaves_the_database(
        office,
        retyped,
        f"the hidden sheet is gone: choose the unit this file is from (suggested: {POLICE})",
    )
    [preview] = importer.preview([retyped], units={retyped: "税务局"})
    assert str(preview.error) == "no measure is assigned to the unit '税务局'"
    [preview] = importer.preview([retyped], units={retyped: TAX})
    assert rejected(preview) == [
        ("台账", "G4", f"this row belongs to {POLICE}; the ledger was exported for {TAX}"),
        ("台账", "G5", f"this row belongs to {POLICE}; the ledger was exported for {TAX}"),
    ]
    result = importer.apply([retyped], units={retyped: POLICE})
    assert (result.applied, result.changes) == ([retyped.name], 1)


def test_unit_suggestions_come_from_the_file_name_before_the_rows(
    office: Services, tmp_path: Path
) -> None:
    sent = export(office, POLICE, tmp_path)
    retyped = _without_hidden_sheet(sent, "宁夏税务局报送.xlsx")
    [preview] = office.ledger_import.preview([retyped])
    assert preview.unit_suggestions == [TAX, POLICE]


# -- tracker-cli import-ledger: exit codes -----------------------------------------------------
def cli(db_url: str, *args: str) -> int:
    return main(["--db", db_url, *args])


def test_cli_exits_2_when_a_file_is_refused(
    office: Services, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = export(office, POLICE, tmp_path)
    good = alter(sent, {"J5": "推进中"}, "好.xlsx")
    bad = alter(sent, {"J4": "已销号"}, "坏.xlsx")
    url = db_url
    before = state(office)
    assert cli(url, "import-ledger", str(bad), "--dry-run") == 2
    assert cli(url, "import-ledger", str(good), "--dry-run") == 0
    capsys.readouterr()
    assert state(office) == before
    assert cli(url, "import-ledger", str(good), str(bad), "--json") == 2
    report = json.loads(capsys.readouterr().out)
    assert (report["applied"], report["skipped"]) == (
        ["好.xlsx"],
        [{"file": "坏.xlsx", "reason": "1 rejected row"}],
    )
    again = export(office, POLICE, tmp_path / "again")
    assert cli(url, "import-ledger", str(alter(again, {"J5": "已完成"}, "再.xlsx"))) == 0


def test_cli_skips_a_file_without_hidden_sheet_unless_given_unit(
    office: Services, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = export(office, POLICE, tmp_path)
    retyped = _without_hidden_sheet(alter(sent, {"J5": "推进中"}, "x.xlsx"), "重录.xlsx")
    url = db_url
    before = state(office)
    capsys.readouterr()
    assert cli(url, "import-ledger", str(retyped)) == 2
    out, err = capsys.readouterr()
    assert f"   needs a unit: name it with --unit NAME (suggested: {POLICE})\n" in out
    assert err == (
        "tracker-cli: error: 重录.xlsx: not imported: the hidden sheet is gone: choose the unit "
        f"this file is from (suggested: {POLICE})\n"
    )
    assert state(office) == before
    assert cli(url, "import-ledger", str(retyped), "--unit", POLICE) == 0
    assert "applied 1 file, 1 change" in capsys.readouterr().out
