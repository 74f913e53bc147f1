"""The adversarial corpus: returned ledgers and policy documents as careless units, other
programs and damaged disks make them, each with what the import must say or do.

Every ledger entry starts from a ledger the office sent to 自治区公安厅 (or 宁夏税务局) for
the sample office (``tests.tracker.conftest.sample_document``, round ``ROUND``) and
changes it the way it happens in the field: a damaged or mislabelled file, the hidden
sheet deleted or edited, rows sorted, filtered, inserted or deleted, columns moved,
renamed, deleted or inserted, merged cells, a formula, dates and percents typed every
way, someone else's ledger, a sheet of a million rows, Chinese names with spaces, a
LibreOffice re-save.  :func:`build_ledgers` writes them all once per test session; the
sample office's ids do not depend on the database, so any fresh office reads them.

An entry's expectation is one of:

- ``Refused``: the whole file is refused with this exact message (naming the file);
- ``Rejected``: the file is kept out, these exact cells (sheet, cell, reason) named;
- ``Applied``: the file is applied and exactly these values land on exactly these
  assignments (code, unit, field) — nothing lost, nothing on a neighbour's row;
- ``NeedsUnit``: the hidden sheet is unusable, so the clerk must say whose file it is.

Policy documents (:data:`DOCUMENTS`) are refused with an exact message or imported with
an exact number of measures.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

REPO = Path(__file__).resolve().parents[2]
LEDGER_FIXTURES = REPO / "tests" / "fixtures" / "ledger"
POLICY_FIXTURES = REPO / "tests" / "fixtures" / "policy"
ROUND = "2021年第2季度"
POLICE = "自治区公安厅"
TAX = "宁夏税务局"


@dataclass(frozen=True)
class Refused:
    message: str


@dataclass(frozen=True)
class Rejected:
    cells: tuple[tuple[str, str, str], ...]
    """(sheet, cell, reason) of every rejected cell, in the preview's order."""


@dataclass(frozen=True)
class Applied:
    values: dict[tuple[str, str, str], object]
    """(measure code, unit, field) → the value the assignment has afterwards; every other
    assignment keeps its values."""


@dataclass(frozen=True)
class NeedsUnit:
    skip: str
    """Why the file is not applied (the clerk names the unit)."""
    rejected: tuple[tuple[str, str, str], ...] = ()


Expected = Refused | Rejected | Applied | NeedsUnit
Maker = Callable[["Sent", Path], Path]


@dataclass(frozen=True)
class Sent:
    """The ledgers the office sent, which the entries start from."""

    police: Path
    tax: Path


@dataclass(frozen=True)
class Entry:
    kind: str
    make: Maker
    expected: Expected
    needs: str = ""
    """A program the entry needs (``soffice``: LibreOffice Calc), else empty."""


# -- editing a sent ledger as a unit would ---------------------------------------------


Edit = Callable[[Any, Any, int, dict[str, int]], None]
"""(workbook, first sheet, header row, column of each header) → None."""


def edited(src: Path, target: Path, *edits: Edit) -> Path:
    wb = openpyxl.load_workbook(src)
    ws = wb.worksheets[0]
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "序号")
    columns = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    for edit in edits:
        edit(wb, ws, header, columns)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target


def put(code: str, column: str, value: object) -> Edit:
    """The cell of ``column`` in the row of measure ``code``."""

    def edit(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
        del wb
        row = next(
            r
            for r in range(header + 1, ws.max_row + 1)
            if str(ws.cell(r, columns["措施编号"]).value) == code
        )
        ws.cell(row, columns[column]).value = value

    return edit


def unprotected(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb, header, columns
    ws.protection.sheet = False


def meta(label: str, value: object, column: int = 2) -> Edit:
    """Every line of the hidden sheet starting with ``label`` gets ``value`` in ``column``."""

    def edit(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
        del ws, header, columns
        sheet = wb["_台账元数据"]
        for r in range(1, sheet.max_row + 1):
            if sheet.cell(r, 1).value == label:
                sheet.cell(r, column).value = value

    return edit


def simple(name: str, *edits: Edit, src: str = "police") -> Maker:
    def make(sent: Sent, folder: Path) -> Path:
        return edited(getattr(sent, src), folder / name, *edits)

    return make


def _swap_rows(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb, columns
    width = ws.max_column
    first = [ws.cell(header + 1, c).value for c in range(1, width + 1)]
    second = [ws.cell(header + 2, c).value for c in range(1, width + 1)]
    for c in range(1, width + 1):
        ws.cell(header + 1, c).value = second[c - 1]
        ws.cell(header + 2, c).value = first[c - 1]


def _filter_first_row(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb, columns
    ws.auto_filter.ref = f"A{header}:T{ws.max_row}"
    ws.row_dimensions[header + 1].hidden = True


def _insert_blank_row(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb, columns
    ws.insert_rows(header + 2)


def _insert_own_row(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb
    ws.insert_rows(header + 2)
    ws.cell(header + 2, columns["序号"]).value = 9
    ws.cell(header + 2, columns["措施编号"]).value = "9"
    ws.cell(header + 2, columns["完成状态"]).value = "推进中"
    ws.cell(header + 2, columns["进展情况"]).value = "单位自己加的一行"


def _delete_first_row(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb, columns
    ws.delete_rows(header + 1)


def _swap_columns(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    """进展情况 and 存在问题 change places, headers with their cells."""
    del wb
    a, b = columns["进展情况"], columns["存在问题"]
    for r in range(header, ws.max_row + 1):
        ws.cell(r, a).value, ws.cell(r, b).value = ws.cell(r, b).value, ws.cell(r, a).value
    columns["进展情况"], columns["存在问题"] = b, a


def _rename_percent(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb
    ws.cell(header, columns["完成进度(%)"]).value = "进度"


def _delete_problems(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb, header
    ws.delete_cols(columns["存在问题"])


def _insert_remarks(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb
    ws.insert_cols(columns["完成状态"])
    ws.cell(header, columns["完成状态"]).value = "备注"
    ws.cell(header + 1, columns["完成状态"]).value = "单位的备注"


def merged(column: str) -> Edit:
    def edit(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
        del wb
        letter = get_column_letter(columns[column])
        ws.merge_cells(f"{letter}{header + 1}:{letter}{header + 2}")

    return edit


def _rename_sheet(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb, header, columns
    ws.title = "台 账 (2) 公安"


def _far_cell(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del wb, header, columns
    ws.cell(1048576, 1).value = "x"


def _swap_keys(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    """The hidden keys of the two rows swapped: what a ledger of another database, whose ids
    differ, looks like."""
    del ws, header, columns
    sheet = wb["_台账元数据"]
    lines = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "row"]
    first, second = (sheet.cell(r, 4) for r in lines[:2])
    first.value, second.value = second.value, first.value


def _another_document(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    """The hidden sheet of a ledger of a document this office does not hold: its sheet's
    document key and its rows' keys are none of ours."""
    del ws, header, columns
    sheet = wb["_台账元数据"]
    key = 900
    for r in range(1, sheet.max_row + 1):
        if sheet.cell(r, 1).value == "row":
            sheet.cell(r, 4).value, key = str(key), key + 1
        elif sheet.cell(r, 1).value == "sheet":
            sheet.cell(r, 3).value = "99"


def _drop_meta(wb: Any, ws: Any, header: int, columns: dict[str, int]) -> None:
    del ws, header, columns
    wb.remove(wb["_台账元数据"])


# -- files that are no ledger, or a damaged one ---------------------------------------


def _csv_renamed(sent: Sent, folder: Path) -> Path:
    del sent
    path = folder / "csv台账.xlsx"
    path.write_text("序号,措施编号,完成状态\n1,1,推进中\n", encoding="utf-8")
    return path


def _truncated(sent: Sent, folder: Path) -> Path:
    path = folder / "截断.xlsx"
    data = sent.police.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def _password(sent: Sent, folder: Path) -> Path:
    del sent
    return Path(shutil.copy(LEDGER_FIXTURES / "password.xlsx", folder / "加密.xlsx"))


def _with_escapes(sent: Sent, folder: Path) -> Path:
    """进展情况 and 存在问题 holding the escapes a file may carry for a NUL and a bell."""
    plain = edited(
        sent.police,
        folder / "escapes-plain.xlsx",
        put("1", "进展情况", "MARKNUL已推进"),
        put("1", "存在问题", "MARKBEL无"),
    )
    path = folder / "控制字符.xlsx"
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            data = data.replace(b"MARKNUL", b"_x0000_").replace(b"MARKBEL", b"_x0007_")
            new.writestr(item, data)
    plain.unlink()
    return path


def soffice(source: Path, suffix: str, folder: Path) -> Path:
    """``source`` opened and saved by LibreOffice as ``suffix`` (xlsx, xls, ods)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", suffix, "--outdir", str(folder), str(source)],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return folder / f"{source.stem}.{suffix}"


def resaved(name: str, suffix: str, *edits: Edit, rename: str = "") -> Maker:
    def make(sent: Sent, folder: Path) -> Path:
        source = edited(sent.police, folder / "libreoffice-in" / name, *edits)
        out = soffice(source, suffix, folder / f"libreoffice-{suffix}")
        if rename:
            return out.rename(folder / rename)
        return Path(shutil.move(out, folder / out.name))

    return make


def _in_chinese_folder(sent: Sent, folder: Path) -> Path:
    return edited(
        sent.police,
        folder / "返回 台账 文件夹" / "公安 厅 台账.xlsx",
        put("1", "进展情况", "路径有空格"),
    )


# -- the corpus -------------------------------------------------------------------------

_DATE_HINT = "is not a date; write it as 2021-12-31 or 2021年12月31日"
_NOT_A_LEDGER = "not a spreadsheet (expected an .xlsx, .xls or .ods file)"
_PROGRESS, _STATUS, _PERCENT = "progress", "status", "percent"


def _extension(value: object) -> tuple[Edit, ...]:
    return (put("2", "申请延期至", value), put("2", "延期理由", "系统改造延后"))


def _percent(value: object) -> tuple[Edit, ...]:
    return (put("2", "完成状态", "推进中"), put("2", "完成进度(%)", value))


LEDGERS: dict[str, Entry] = {
    # damaged, or no ledger at all
    "csv_renamed_xlsx": Entry("damaged", _csv_renamed, Refused(f"csv台账.xlsx: {_NOT_A_LEDGER}")),
    "truncated_zip": Entry(
        "damaged",
        _truncated,
        Refused("截断.xlsx: the file is damaged (broken zip archive: File is not a zip file)"),
    ),
    "password_protected": Entry(
        "damaged",
        _password,
        Refused(
            "加密.xlsx: the workbook is password-protected; ask the unit to remove the password"
        ),
    ),
    "sheet_of_a_million_rows": Entry(
        "damaged",
        simple("百万行.xlsx", put("1", "进展情况", "大表"), _far_cell),
        Refused(
            '百万行.xlsx: sheet "台账" reaches cell T1048576, far outside any ledger; '
            "delete the stray content there and send the file again"
        ),
    ),
    "control_characters": Entry(
        "damaged",
        _with_escapes,
        Applied({("1", POLICE, "note"): "已推进", ("1", POLICE, "problems"): "无"}),
    ),
    # other programs
    "libreoffice_resave": Entry(
        "other program",
        resaved("lo.xlsx", "xlsx", put("1", "进展情况", "LO重存"), *_percent(40)),
        Applied(
            {
                ("1", POLICE, "note"): "LO重存",
                ("2", POLICE, "status"): "推进中",
                ("2", POLICE, "percent"): 40,
            }
        ),
        needs="soffice",
    ),
    "libreoffice_xls_renamed_xlsx": Entry(
        "other program",
        resaved("loxls.xlsx", "xls", put("1", "进展情况", "存成xls"), rename="xls改名.xlsx"),
        Applied({("1", POLICE, "note"): "存成xls"}),
        needs="soffice",
    ),
    "libreoffice_ods": Entry(
        "other program",
        resaved("lods.xlsx", "ods", put("2", "进展情况", "存成ods")),
        Applied({("2", POLICE, "note"): "存成ods"}),
        needs="soffice",
    ),
    "formula_calculated_by_libreoffice": Entry(
        "other program",
        resaved("lof.xlsx", "xlsx", *_percent("=50+10")),
        Applied({("2", POLICE, "status"): "推进中", ("2", POLICE, "percent"): 60}),
        needs="soffice",
    ),
    "formula_without_a_result": Entry(
        "other program",
        simple("公式.xlsx", *_percent("=50+10")),
        Rejected(
            (
                (
                    "台账",
                    "K5",
                    "formula =50+10 has no calculated value (the program that saved the file "
                    "did not calculate it); open the file in Excel or WPS, save it and send it "
                    "again",
                ),
            )
        ),
    ),
    # the hidden sheet
    "hidden_sheet_deleted": Entry(
        "hidden sheet",
        simple("无元数据.xlsx", _drop_meta, put("1", "进展情况", "删了元数据")),
        NeedsUnit(
            f"the hidden sheet is gone: choose the unit this file is from (suggested: {POLICE})"
        ),
    ),
    "hidden_sheet_other_unit": Entry(
        "hidden sheet",
        simple("元数据单位.xlsx", meta("unit", TAX), put("1", "进展情况", "改了元数据")),
        Rejected(
            (
                ("台账", "G4", f"this row belongs to {POLICE}; the ledger was exported for {TAX}"),
                ("台账", "G5", f"this row belongs to {POLICE}; the ledger was exported for {TAX}"),
            )
        ),
    ),
    "hidden_sheet_unknown_round": Entry(
        "someone else's",
        simple("元数据轮次.xlsx", meta("round", "2099年第1季度"), put("1", "进展情况", "x")),
        Refused(f"no round named '2099年第1季度' (rounds: {ROUND})"),
    ),
    "newer_program_version": Entry(
        "hidden sheet",
        simple("新版本.xlsx", meta("measure-tracker-ledger", "99"), put("1", "进展情况", "新版")),
        NeedsUnit(
            f"the hidden sheet is gone: choose the unit this file is from (suggested: {POLICE})",
            (
                (
                    "_台账元数据",
                    "B1",
                    "metadata ignored: metadata format 99 is newer than this program's",
                ),
            ),
        ),
    ),
    "hidden_keys_of_another_database": Entry(
        "someone else's",
        simple("别库.xlsx", _swap_keys, put("1", "进展情况", "别的库")),
        Rejected(
            tuple(
                (
                    "台账",
                    cell,
                    f"the row shows measure {shown} of {POLICE}, but its hidden key is measure "
                    f"{key} of {POLICE}; a ledger from another database, or an edited row: "
                    "not imported",
                )
                for cell, shown, key in (("B4", "1", "2"), ("B5", "2", "1"))
            )
        ),
    ),
    "another_documents_ledger": Entry(
        "someone else's",
        simple("别的文件.xlsx", _another_document, put("1", "进展情况", "别的文件")),
        Rejected(
            (
                ("台账", "B4", f"no assignment of measure '1' to '{POLICE}'"),
                ("台账", "B5", f"no assignment of measure '2' to '{POLICE}'"),
            )
        ),
    ),
    "hidden_keys_garbled": Entry(
        "hidden sheet",
        simple("键.xlsx", meta("row", "abc", column=4), put("1", "进展情况", "键坏了")),
        Applied({("1", POLICE, "note"): "键坏了"}),
    ),
    # rows and columns rearranged by the unit
    "rows_sorted": Entry(
        "rearranged",
        simple(
            "排序.xlsx",
            _swap_rows,
            put("1", "进展情况", "一号措施进展"),
            put("2", "进展情况", "二号措施进展"),
        ),
        Applied({("1", POLICE, "note"): "一号措施进展", ("2", POLICE, "note"): "二号措施进展"}),
    ),
    "rows_filtered": Entry(
        "rearranged",
        simple("筛选.xlsx", _filter_first_row, put("2", "进展情况", "筛选后填写")),
        Applied({("2", POLICE, "note"): "筛选后填写"}),
    ),
    "blank_row_inserted": Entry(
        "rearranged",
        simple(
            "插入空行.xlsx",
            put("1", "进展情况", "插行前一号"),
            put("2", "进展情况", "插行前二号"),
            unprotected,
            _insert_blank_row,
        ),
        Applied({("1", POLICE, "note"): "插行前一号", ("2", POLICE, "note"): "插行前二号"}),
    ),
    "own_row_inserted": Entry(
        "rearranged",
        simple("新增一行.xlsx", unprotected, _insert_own_row),
        Rejected((("台账", "G5", "row 5 is filled in but has no 责任单位 (unit)"),)),
    ),
    "unit_cell_emptied": Entry(
        "rearranged",
        simple("无单位.xlsx", put("1", "责任单位", None), put("1", "进展情况", "没单位的进展")),
        Rejected((("台账", "G4", "row 4 is filled in but has no 责任单位 (unit)"),)),
    ),
    "row_deleted": Entry(
        "rearranged",
        simple("删除一行.xlsx", put("2", "进展情况", "删了一号行"), unprotected, _delete_first_row),
        Applied({("2", POLICE, "note"): "删了一号行"}),
    ),
    "columns_swapped": Entry(
        "rearranged",
        simple("换列.xlsx", unprotected, _swap_columns, put("1", "进展情况", "换列后的进展")),
        Applied({("1", POLICE, "note"): "换列后的进展", ("1", POLICE, "problems"): ""}),
    ),
    "column_renamed": Entry(
        "rearranged",
        simple(
            "改列名.xlsx",
            put("1", "完成状态", "推进中"),
            put("1", "完成进度(%)", 50),
            _rename_percent,
        ),
        Applied({("1", POLICE, "status"): "推进中", ("1", POLICE, "percent"): 50}),
    ),
    "column_deleted": Entry(
        "rearranged",
        simple("删列.xlsx", put("1", "进展情况", "删列后"), unprotected, _delete_problems),
        Applied({("1", POLICE, "note"): "删列后"}),
    ),
    "column_inserted": Entry(
        "rearranged",
        simple("插列.xlsx", put("1", "进展情况", "插列后"), unprotected, _insert_remarks),
        Applied({("1", POLICE, "note"): "插列后", ("1", POLICE, "status"): "未启动"}),
    ),
    "cells_merged": Entry(
        "rearranged",
        simple("合并.xlsx", put("1", "进展情况", "两项一起推进"), merged("进展情况")),
        Applied({("1", POLICE, "note"): "两项一起推进", ("2", POLICE, "note"): "两项一起推进"}),
    ),
    "sheet_renamed_in_chinese_with_spaces": Entry(
        "rearranged",
        simple("改表名.xlsx", put("1", "进展情况", "改表名"), _rename_sheet),
        Applied({("1", POLICE, "note"): "改表名"}),
    ),
    "path_in_chinese_with_spaces": Entry(
        "rearranged", _in_chinese_folder, Applied({("1", POLICE, "note"): "路径有空格"})
    ),
    # dates typed every way (申请延期至)
    "date_with_dots": Entry(
        "date",
        simple("日期点.xlsx", *_extension("2022.6.30")),
        Applied({("2", POLICE, "asked"): "2022-06-30"}),
    ),
    "date_excel_serial": Entry(
        "date",
        simple("日期序号.xlsx", *_extension(44742)),
        Applied({("2", POLICE, "asked"): "2022-06-30"}),
    ),
    "date_month_only": Entry(
        "date",
        simple("日期月.xlsx", *_extension("2022年6月")),
        Rejected((("台账", "Q5", f'申请延期至 "2022年6月" {_DATE_HINT}'),)),
    ),
    "date_1900_02_29": Entry(
        "date",
        simple("日期闰.xlsx", *_extension("1900-02-29")),
        Rejected((("台账", "Q5", f'申请延期至 "1900-02-29" {_DATE_HINT}'),)),
    ),
    "date_words": Entry(
        "date",
        simple("日期字.xlsx", *_extension("下个月")),
        Rejected((("台账", "Q5", f'申请延期至 "下个月" {_DATE_HINT}'),)),
    ),
    # percents typed every way
    "percent_with_sign": Entry(
        "percent",
        simple("百分号.xlsx", *_percent("80%")),
        Applied({("2", POLICE, "status"): "推进中", ("2", POLICE, "percent"): 80}),
    ),
    "percent_as_fraction": Entry(
        "percent",
        simple("小数.xlsx", *_percent(0.8)),
        Rejected(
            (
                (
                    "台账",
                    "K5",
                    "percent 0.8 is ambiguous (the cell is not formatted as a percent, so it "
                    "may mean 0.8% or 80%); write a whole number 0–100, e.g. 80 for 80%",
                ),
            )
        ),
    ),
    "percent_in_words": Entry(
        "percent",
        simple("八成.xlsx", *_percent("八成")),
        Rejected((("台账", "K5", 'percent "八成" is not a number'),)),
    ),
    "percent_above_100_in_words": Entry(
        "percent",
        simple("以上.xlsx", *_percent("100以上")),
        Rejected((("台账", "K5", 'percent "100以上" is not a number'),)),
    ),
    "percent_150": Entry(
        "percent",
        simple("超百.xlsx", *_percent(150)),
        Rejected((("台账", "K5", "percent 150 is outside 0–100"),)),
    ),
    "status_in_own_words": Entry(
        "percent",
        simple("状态.xlsx", put("1", "完成状态", "差不多了")),
        Rejected(
            (
                (
                    "台账",
                    "J4",
                    'unknown status "差不多了"; allowed: 未启动、推进中、已完成、已销号、长期坚持',
                ),
            )
        ),
    ),
    # someone else's ledger
    "another_units_ledger": Entry(
        "someone else's",
        simple("税务局.xlsx", put("2", "进展情况", "税务局填的"), src="tax"),
        Applied({("2", TAX, "note"): "税务局填的", ("2", POLICE, "note"): ""}),
    ),
}


def build_ledgers(sent: Sent, folder: Path, *, calc: bool) -> dict[str, Path]:
    """Every ledger entry written under ``folder`` (those needing LibreOffice Calc only
    with ``calc``)."""
    built: dict[str, Path] = {}
    for name, entry in LEDGERS.items():
        if entry.needs and not calc:
            continue
        (folder / name).mkdir(parents=True)
        built[name] = entry.make(sent, folder / name)
    return built


# -- policy documents -------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    measures: int


def _text() -> str:
    return (POLICY_FIXTURES / "straight_responsibility.txt").read_text(encoding="utf-8")


DocMaker = Callable[[Path], Path]


def _bytes(name: str, data: Callable[[], bytes]) -> DocMaker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data())
        return path

    return make


def _plain_zip(folder: Path) -> Path:
    path = folder / "压缩包.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("说明.txt", "不是文档")
    return path


def _ten_megabytes() -> str:
    """The document, then ten megabytes of an appendix's prose continuing its last item."""
    filler = "本附件为各地报送材料的汇编说明，内容仅供参考，不作为任务分工依据。\n"
    return _text() + filler * (10_000_000 // len(filler.encode()))


_HEADINGS = "关于印发若干措施的通知\n一、总体要求\n二、主要任务\n（一）深化改革\n三、保障措施\n"
_NO_TASKS = (
    "holds no assigned tasks: no responsibility bracket such as （…负责） and no task "
    "table — if the tasks are in an attachment, import that file"
)

DOCUMENTS: dict[str, tuple[DocMaker, Refused | Imported]] = {
    "empty_file": (_bytes("空.txt", lambda: b""), Refused("空.txt: is empty")),
    "binary_garbage": (
        _bytes("乱码.txt", lambda: bytes(range(256)) * 40),
        Refused("乱码.txt: is neither UTF-8 nor GB18030 text"),
    ),
    "docx_that_is_no_zip": (
        _bytes("假文档.docx", lambda: _text().encode()),
        Refused("假文档.docx: is not a readable Word (.docx) document"),
    ),
    "docx_that_is_another_zip": (
        _plain_zip,
        Refused("压缩包.docx: is not a readable Word (.docx) document"),
    ),
    "truncated_docx": (
        _bytes("截断.docx", lambda: (POLICY_FIXTURES / "paragraphs.docx").read_bytes()[:3000]),
        Refused("截断.docx: is not a readable Word (.docx) document"),
    ),
    "truncated_pdf": (
        _bytes("截断.pdf", lambda: (POLICY_FIXTURES / "paragraphs.pdf").read_bytes()[:2000]),
        Refused("截断.pdf: is not a readable PDF document"),
    ),
    "gbk_text": (_bytes("GBK编码.txt", lambda: _text().encode("gbk")), Imported(8)),
    "utf16_with_bom": (_bytes("UTF16.txt", lambda: _text().encode("utf-16")), Imported(8)),
    "utf8_with_bom": (
        _bytes("BOM.txt", lambda: b"\xef\xbb\xbf" + _text().encode()),
        Imported(8),
    ),
    "nul_and_bell_in_the_text": (
        _bytes(
            "空字符.txt",
            lambda: _text().replace("。", "。\x00", 3).replace("，", "\x07，", 2).encode(),
        ),
        Imported(8),
    ),
    "only_headings": (
        _bytes("只有标题.txt", lambda: _HEADINGS.encode()),
        Refused(f"只有标题.txt {_NO_TASKS}"),
    ),
    "ten_megabytes": (_bytes("十兆.txt", lambda: _ten_megabytes().encode()), Imported(8)),
    "path_in_chinese_with_spaces": (
        _bytes("政策 文件 (定稿).txt", lambda: _text().encode()),
        Imported(8),
    ),
}


_BUILT: dict[str, Path] = {}


def ledger_corpus(factory: Any) -> dict[str, Path]:
    """The ledger corpus, written once per test session (LibreOffice is slow to start)
    from ledgers the sample office sent (``factory``: pytest's ``tmp_path_factory``)."""
    if not _BUILT:
        from datetime import date

        from tests.tools import calc_installed
        from tests.tracker.conftest import TODAY, sample_document, source
        from tracker.rounds.round_service import RoundService
        from tracker.services import Services
        from tracker.store import Clock

        folder = factory.mktemp("adversarial")
        services = Services.open(
            f"sqlite:///{(folder / 'office.sqlite3').as_posix()}",
            clock=Clock(TODAY),
            user="测试员",
            create=True,
        )
        try:
            services.documents.import_parsed(sample_document(), source())
            RoundService(services.store).create(ROUND, date(2021, 6, 30))
            export = services.ledger_export.export_units
            [police] = export(ROUND, folder / "sent", units=[POLICE])
            [tax] = export(ROUND, folder / "sent", units=[TAX])
        finally:
            services.close()
        _BUILT.update(build_ledgers(Sent(police, tax), folder / "returned", calc=calc_installed()))
    return _BUILT
