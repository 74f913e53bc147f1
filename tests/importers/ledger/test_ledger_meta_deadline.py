"""The hidden sheet keeps each row's 完成时限 as sent, so an edit of the locked column shows."""

from __future__ import annotations

from datetime import date

from importers.ledger.metadata import (
    FORMAT_1_ROW_HEADER,
    MAGIC,
    parse_meta,
    printed_deadline,
)


def _lines(header: tuple[str, ...], *rows: list[object]) -> list[list[object]]:
    return [[MAGIC, "1"], ["kind", "unit"], list(header), *rows]


def test_printed_deadline_is_a_date_as_iso_text_else_the_text() -> None:
    assert printed_deadline("2021年底", None) == "2021年底"
    assert printed_deadline("2021-06-30 00:00:00", date(2021, 6, 30)) == "2021-06-30"
    assert printed_deadline("", None) == ""


def test_the_exported_deadline_is_read_as_the_visible_cell_is() -> None:
    fill_in = ["推进中", "50", "", "", "", "", ""]
    meta = parse_meta(
        _lines(
            FORMAT_1_ROW_HEADER,
            ["row", "台账", 4, 101, "1", "甲", *fill_in, "2021年6月底"],
            ["row", "台账", 5, 102, "2", "甲", *fill_in, "2021年7月10日"],
            ["row", "台账", 6, 103, "3", "甲", *fill_in, ""],
            ["row", "台账", 7, 104, "4", "甲", *fill_in],  # re-saved: the empty tail dropped
        )
    )
    assert [e.deadline for e in meta.entries] == ["2021年6月底", "2021-07-10", "", ""]


def test_a_ledger_written_before_the_deadline_was_kept_has_none() -> None:
    old_header = FORMAT_1_ROW_HEADER[: FORMAT_1_ROW_HEADER.index("deadline")]
    meta = parse_meta(_lines(old_header, ["row", "台账", 4, 101, "1", "甲", "推进中"]))
    assert [e.deadline for e in meta.entries] == [None]
