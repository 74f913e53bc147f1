"""The checks a returned row must pass before its values are believed (tracker.ledgers.ledger_checks)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from importers.ledger.model import LedgerFile, LedgerMeta, MetaEntry, ReturnedRow
from tracker.ledgers.ledger_checks import FileChecks, disagreeing_field, unit_suggestions


def row(
    code: str = "1",
    unit: str = "自治区公安厅",
    key: str | None = "7",
    deadline_text: str = "",
    deadline: date | None = None,
    sheet: str = "台账",
) -> ReturnedRow:
    return ReturnedRow(
        sheet=sheet,
        row=4,
        key=key,
        measure_code=code,
        unit=unit,
        status=None,
        percent=None,
        progress="",
        problems="",
        next_steps="",
        contact="",
        phone="",
        deadline_text=deadline_text,
        deadline=deadline,
    )


def ledger(entries: list[MetaEntry], columns: dict[str, dict[str, str]]) -> LedgerFile:
    meta = LedgerMeta(1, "unit", "自治区公安厅", "R", None, None, "", {"台账": "1"}, entries)
    return LedgerFile("x.xlsx", "", meta, [], [], True, columns)


def test_a_key_is_believed_only_with_its_code_and_unit() -> None:
    aliases = {"公安厅": "自治区公安厅"}
    assert disagreeing_field(row(), "1", "自治区公安厅", aliases) == ""
    assert disagreeing_field(row(code=" 1 "), "1", "自治区公安厅", aliases) == ""
    assert disagreeing_field(row(unit="公安厅"), "1", "自治区公安厅", aliases) == ""
    assert disagreeing_field(row(code="2"), "1", "自治区公安厅", aliases) == "measure_code"
    assert disagreeing_field(row(unit="宁夏税务局"), "1", "自治区公安厅", aliases) == "unit"


def test_the_first_row_of_an_assignment_is_remembered() -> None:
    checks = FileChecks(ledger([], {}))
    values = ("推进中", None, "", "", "")
    assert checks.first_seen(7, row(), values) is None
    assert checks.first_seen(7, row(sheet="汇总"), ("已完成", None, "", "", "")) == (
        "台账",
        4,
        values,
    )


def test_an_edited_deadline_is_found_only_where_it_can_be_compared() -> None:
    entry = MetaEntry("台账", 4, "7", "1", "自治区公安厅", {}, "2021-06-30")
    old = MetaEntry("台账", 4, "8", "1", "自治区公安厅", {}, None)
    checks = FileChecks(ledger([entry, old], {"台账": {"deadline": "G"}}))
    assert checks.changed_deadline(row(deadline=date(2021, 6, 30))) is None
    assert checks.changed_deadline(row(deadline_text="2022年底")) == ("2021-06-30", "2022年底")
    assert checks.changed_deadline(row(key="8", deadline_text="2022年底")) is None  # old ledger
    assert checks.changed_deadline(row(key=None, deadline_text="2022年底")) is None
    no_column = FileChecks(ledger([entry], {"台账": {}}))
    assert no_column.changed_deadline(row(deadline_text="")) is None


def test_unit_suggestions_file_name_first_then_rows_by_count() -> None:
    rows = [row(unit="宁夏税务局"), row(unit="公安厅"), row(unit="公安厅"), row(unit="不认识")]
    known = ["自治区公安厅", "宁夏税务局", "自治区市场监管厅"]
    aliases = {"公安厅": "自治区公安厅", "市场监管厅": "自治区市场监管厅"}
    assert unit_suggestions(Path("市场监管厅 报送.xlsx"), rows, known, aliases) == [
        "自治区市场监管厅",
        "自治区公安厅",
        "宁夏税务局",
    ]
    assert unit_suggestions(Path("台账.xlsx"), [], known, aliases) == []
