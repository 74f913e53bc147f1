"""A column of unit names from a spreadsheet or CSV file (a group's members)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from importers.units.unit_list import UnitListReadError, read_unit_column


def test_the_column_headed_by_unit_from_an_xlsx(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "成员"
    for row in (
        ["序号", "单位名称", "联系人"],
        [1, "银川市", "张三"],
        [2, " 石嘴山市\u200b", "李四"],
        [3, "银川市", ""],
        [4, None, "王五"],
        [5, "吴忠市", ""],
    ):
        sheet.append(row)
    path = tmp_path / "名单.xlsx"
    book.save(path)
    assert read_unit_column(path) == ["银川市", "石嘴山市", "吴忠市"]


def test_the_first_text_column_of_a_gbk_csv(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("1,固原市\n2,中卫市\n".encode("gb18030"))
    assert read_unit_column(path) == ["固原市", "中卫市"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.txt", b"x", "a.txt: not a spreadsheet or CSV file"),
        ("b.csv", b"1,2\n3,4\n", "b.csv: no unit names found in the first columns"),
        ("c.xlsx", b"<html></html>", "c.xlsx: not a spreadsheet but a web page"),
    ],
)
def test_a_file_without_names_is_refused_naming_it(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnitListReadError) as raised:
        read_unit_column(path)
    assert str(raised.value).startswith(message)
