"""A whole reporting round from tracker-cli alone (issue 12's "Done means"): the seed's 36
ledgers out (none to its four collectives without members), four back (one with two bad cells and an extension request, one unchanged,
one late), who has not reported, chasers for all of them, the extension approved, and a
bulletin whose figures are the master's 汇总 (``tests/whole_round.py`` tells the story)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.tools import needs_calc
from tests.tracker.cli.test_cli import run
from tests.whole_round import (
    AS_OF,
    CHASED_ON,
    CHASERS,
    COMMERCE,
    DEADLINE,
    MARKET,
    MEMBERLESS,
    MEMBERLESS_NOTE,
    NOT_ON_TIME,
    NOT_REPORTED,
    OVERALL,
    POLICE,
    PUBLISHED_ON,
    REPORTING,
    RETURNED_FIGURES,
    RETURNED_ON,
    ROUND,
    SENT_ON,
    TAX,
    TAX_NOTICE,
    TAX_REJECTED,
    TOTALS,
    as_summary,
    bulletin_rows,
    fill_in,
    fixed_time,  # noqa: F401 (fixture)
    ledger_name,
    summary_sheet,
)

pytestmark = [pytest.mark.needs_shared, pytest.mark.usefixtures("fixed_time")]
Capture = pytest.CaptureFixture[str]


@pytest.fixture
def clerk(tmp_path: Path, capsys: Capture, seed_000: Path):  # type: ignore[no-untyped-def]
    """``tracker-cli`` on a new database with the seed imported, run on a given day."""
    db = str(tmp_path / "office.sqlite3")

    def cli(day: object, *args: str) -> tuple[int, str, str]:
        return run(capsys, "--db", db, "--today", str(day), "--user", "李文", *args)

    assert cli(SENT_ON, "init")[0] == 0
    assert cli(SENT_ON, "import-doc", str(seed_000))[0] == 0
    return cli


def test_a_whole_round_from_the_command_line(clerk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sent, back, notices = tmp_path / "sent", tmp_path / "back", tmp_path / "退回单"
    code, out, _ = clerk(
        SENT_ON, "new-round", ROUND, "--as-of", str(AS_OF), "--deadline", str(DEADLINE)
    )
    assert (code, out) == (0, f"round {ROUND} (as of 2021-12-31, due back by 2022-01-10) created\n")
    code, out, _ = clerk(SENT_ON, "export-ledger", "--all", "--out", str(sent))
    *written, skipped = out.splitlines()
    assert code == 0 and len(written) == 36
    assert skipped == (
        "no ledger for 4 collectives with no members yet (give them members: tracker-cli group "
        f"NAME --add UNIT): {'、'.join(MEMBERLESS)}"
    )
    book = openpyxl.load_workbook(sent / ledger_name(TAX))  # tells the unit when it is due
    assert book.worksheets[0]["M2"].value == "截至日期：2021年12月31日　报送截止日期：2022年1月10日"
    returned = fill_in(sent, back)

    # The returns, each on its day.  宁夏税务局's two bad cells keep the file out until
    # its valid rows are taken with --apply-valid; the 退回单 marks the two cells.
    # Each file says what it is in the round's 报送情况, as the import window does.
    code, out, _ = clerk(RETURNED_ON[MARKET], "import-ledger", str(returned[MARKET]))
    lines = out.splitlines()
    assert (code, lines[:2], lines[-2:]) == (
        0,
        [
            f"== {ledger_name(MARKET)}  unit: {MARKET}  round: {ROUND}",
            "   reporting: 按时报送 (due back by 2022-01-10)",
        ],
        [
            f"reported {ledger_name(MARKET)}: 按时报送",
            "applied 1 file, 27 changes, 2 contacts updated",
        ],
    )
    code, out, _ = clerk(RETURNED_ON[TAX], "import-ledger", str(returned[TAX]), "--json")
    [refused] = json.loads(out)["files"]
    assert code == 2
    assert [(r["sheet"], r["cell"], r["reason"]) for r in refused["rejected"]] == TAX_REJECTED
    assert refused["reporting"] == {
        "deadline": "2022-01-10",
        "on_time": True,
        "days_late": 0,
        "correction": False,
    }
    assert [(c["code"], c["field"], c["new"]) for c in refused["changed"]] == [
        ("1", "完成状态", "已完成"),
        ("1", "完成进度(%)", 100),
        ("1", "进展情况", "税务UKey免费发放"),
        ("2", "完成状态", "推进中"),
        ("2", "完成进度(%)", 50),
        ("41", "完成状态", "推进中"),
        ("41", "完成进度(%)", 70),
        ("41", "未按期完成原因", "需跨部门联调"),
    ]
    assert refused["extension_requests"] == [
        {
            "code": "41",
            "unit": TAX,
            "deadline": "2021-06-30",
            "requested": "2022-03-31",
            "reason": "系统改造需跨部门联调",
            "cell": "台账!Q7",
        }
    ]
    code, out, err = clerk(
        RETURNED_ON[TAX],
        "import-ledger",
        str(returned[TAX]),
        "--apply-valid",
        "--return-notices",
        str(notices),
    )
    notice = notices / f"{TAX}_{ROUND}_退回单.xlsx"
    lines = out.splitlines()
    assert (code, lines[-1], err) == (
        0,
        "applied 1 file, 8 changes, 0 contacts updated; "
        "1 extension request to decide (tracker-cli extensions)",
        f"{notice}\n",
    )
    assert [line for line in lines if "extension" in line] == [
        f"   extension 台账!Q7 41 {TAX}: 2021-06-30 → 2022-03-31 (系统改造需跨部门联调)",
        "   8 changes, 5 rows unchanged, 2 rejected, 0 conflicts, 0 ignored, 0 emptied and kept, "
        "1 warning, 0 finding changes, 1 extension request",
        lines[-1],
    ]
    assert marked_cells(notice) == TAX_NOTICE  # (in Chinese: the unit reads it)
    assert listed_codes(notice) == ["42", "43"]  # J8 and Q9: two measures' rows
    code, out, _ = clerk(RETURNED_ON[POLICE], "import-ledger", str(returned[POLICE]))
    assert (code, out.splitlines()[-1]) == (0, "applied 1 file, 0 changes, 0 contacts updated")
    code, out, _ = clerk(RETURNED_ON[COMMERCE], "import-ledger", str(returned[COMMERCE]))
    assert code == 0
    assert [line for line in out.splitlines() if "报送" in line] == [
        "   reporting: 逾期1天报送 (due back by 2022-01-10)",
        f"reported {ledger_name(COMMERCE)}: 逾期1天报送",
    ]

    # Who has not reported by the deadline: the 32 units never heard from; 商务厅 late.
    assert clerk(CHASED_ON, "rounds")[1] == (
        f"{ROUND}  as of 2021-12-31  due 2022-01-10  36 units sent, 4 reported, "
        "32 not reported  (36 files out, 4 back)\n"
    )
    code, out, _ = clerk(CHASED_ON, "round-status", "--json")
    assert code == 0
    status = json.loads(out)
    sent_at = "2021-12-25 09:30:00"
    answered = {
        MARKET: ("2022-01-06 09:30:00", 27, True),
        TAX: ("2022-01-07 09:30:00", 8, True),
        POLICE: ("2022-01-07 09:30:00", 0, True),
        COMMERCE: ("2022-01-11 09:30:00", 4, False),
    }
    expected_units = [
        {
            "unit": unit,
            "sent_at": sent_at,
            "returned_at": None,
            "file": None,
            "on_time": None,
            "changes": 0,
        }
        for unit in NOT_REPORTED
    ]
    assert status == {
        "round": ROUND,
        "as_of": "2021-12-31",
        "deadline": "2022-01-10",
        "units": status["units"],
        "not_reported": NOT_REPORTED,
        "late": [COMMERCE],
    }
    by_unit = {u["unit"]: u for u in status["units"]}
    assert len(status["units"]) == 36
    assert [by_unit[u] for u in NOT_REPORTED] == expected_units
    for unit, (returned_at, changes, on_time) in answered.items():
        assert by_unit[unit] == {
            "unit": unit,
            "sent_at": sent_at,
            "returned_at": returned_at,
            "file": ledger_name(unit),
            "on_time": on_time,
            "changes": changes,
        }

    # Chasers for every unit not reported, in one go.
    chasers = tmp_path / "催办"
    code, out, _ = clerk(
        CHASED_ON, "report", "--kind", "chaser", "--not-reported", "--out", str(chasers)
    )
    assert code == 0
    assert out.splitlines()[-1] == "32 chasers: 〔2022〕第1号–〔2022〕第32号"
    assert sorted(p.name for p in chasers.iterdir()) == sorted(CHASERS)

    # The extension 宁夏税务局 asked for in its ledger, approved.
    code, out, _ = clerk(CHASED_ON, "extensions", "--json")
    [asked] = json.loads(out)["requests"]
    assert (asked["code"], asked["unit"], asked["requested_deadline"], asked["state"]) == (
        "41",
        TAX,
        "2022-03-31",
        "待审批",
    )
    code, out, _ = clerk(CHASED_ON, "extensions", "--approve", str(asked["id"]))
    assert (code, out) == (
        0,
        f"#{asked['id']} approved: 41 宁夏税务局 deadline 2021-06-30 → 2022-03-31\n",
    )

    # The master's 汇总 and the bulletin, made the next day: the same figures.
    final = tmp_path / "final"
    assert clerk(PUBLISHED_ON, "export-ledger", "--master", "--out", str(final))[0] == 0
    summary = summary_sheet(final / f"总台账_{ROUND}.xlsx")
    for unit, figures in RETURNED_FIGURES.items():
        assert summary[unit] == figures
    assert summary["合计"] == TOTALS
    assert {unit: summary[unit] for unit in MEMBERLESS} == MEMBERLESS
    assert summary["报送情况"] == ("报送情况：" + REPORTING,)
    assert summary["集体"] == (MEMBERLESS_NOTE,)
    assert [u for u, f in summary.items() if f[-1] == "未报送"] == sorted(
        NOT_REPORTED, key=list(summary).index
    )
    code, out, _ = clerk(PUBLISHED_ON, "status", "--round", ROUND, "--json")
    status_now = json.loads(out)
    counted = {  # status --round counts as the 汇总 does: tasks, each status, 逾期
        u["unit"]: (u["assigned"], *u["by_status"].values(), u["overdue"])
        for u in status_now["units"]
    }
    assert counted == {
        u: f[:7] for u, f in summary.items() if u not in ("合计", "报送情况", "集体")
    }
    assert (status_now["assignments"], *status_now["by_status"].values()) == TOTALS[2:8]
    assert status_now["overdue"] == TOTALS[8]
    bulletin = tmp_path / "通报.docx"
    code, out, _ = clerk(PUBLISHED_ON, "report", "--kind", "bulletin", "--out", str(bulletin))
    assert code == 0 and out.splitlines()[-1] == "issued: 2022 No. 1"
    paragraphs, units_table = read_bulletin(bulletin)
    assert OVERALL in paragraphs
    assert "报送情况：" + REPORTING in paragraphs
    assert NOT_ON_TIME in paragraphs
    assert MEMBERLESS_NOTE in paragraphs
    printed = bulletin_rows(units_table)
    assert {unit: printed[unit] for unit in RETURNED_FIGURES} == {
        MARKET: (16, 6, 0, 1, "37.5%"),
        TAX: (10, 1, 0, 2, "10.0%"),
        POLICE: (3, 0, 0, 1, "0.0%"),
        COMMERCE: (4, 1, 0, 0, "25.0%"),
    }
    assert printed == {  # the ranking: every unit of the 汇总 but the four collectives
        unit: as_summary(f)
        for unit, f in summary.items()
        if unit not in ("合计", "报送情况", "集体", *MEMBERLESS)
    }

    # 宁夏税务局 corrects the two cells in the 退回单 and sends it back as its 更正版: the two
    # rows go in (its earlier return this round is the base, no conflict), the new date
    # becomes a request of its own, and its first return still says when it reported.
    corrected = tmp_path / f"{TAX}_{ROUND}_工作台账_更正版.xlsx"
    book = openpyxl.load_workbook(notice)
    book["台账"]["J8"], book["台账"]["K8"], book["台账"]["Q9"] = "推进中", 80, "2022-02-28"
    book.save(corrected)
    code, out, _ = clerk(PUBLISHED_ON, "import-ledger", str(corrected), "--json")
    report = json.loads(out)
    [again] = report["files"]
    assert (code, again["rejected"], again["conflicts"]) == (0, [], [])
    corrected_version = {  # a day after the 更正版 came: its first return decides
        "deadline": "2022-01-10",
        "on_time": True,
        "days_late": 0,
        "correction": True,
    }
    assert again["reporting"] == corrected_version
    assert report["reporting"] == {corrected.name: corrected_version}
    assert [(c["code"], c["field"], c["old"], c["new"]) for c in again["changed"]] == [
        ("42", "完成状态", "未启动", "推进中"),
        ("42", "完成进度(%)", None, 80),
        ("43", "完成状态", "未启动", "推进中"),
        ("43", "完成进度(%)", None, 40),
    ]
    assert [(r["code"], r["requested"]) for r in again["extension_requests"]] == [
        ("43", "2022-02-28")
    ]
    code, out, _ = clerk(PUBLISHED_ON, "round-status", "--json")
    [tax] = [u for u in json.loads(out)["units"] if u["unit"] == TAX]
    assert (tax["returned_at"], tax["file"], tax["on_time"], tax["changes"]) == (
        "2022-01-07 09:30:00",
        ledger_name(TAX),
        True,
        12,
    )


def marked_cells(notice: Path) -> list[tuple[str, str, str]]:
    """The 退回单's marked cells (filled red and commented), as (sheet, cell, comment)."""
    book = openpyxl.load_workbook(notice)
    marked = [
        (sheet.title, cell.coordinate, cell.comment.text)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.comment is not None and cell.fill.fgColor.rgb == "00FFC7CE"
    ]
    notes = book["退回说明"].iter_rows(min_row=3, values_only=True)
    listed = [r[2:5] for r in notes if isinstance(r[0], int)]
    assert listed == marked
    return marked


def listed_codes(notice: Path) -> list[str]:
    """The 措施编号 column of the 退回单's list: how the unit finds each row on paper."""
    notes = openpyxl.load_workbook(notice)["退回说明"].iter_rows(min_row=3, values_only=True)
    return [r[1] for r in notes if isinstance(r[0], int)]


def read_bulletin(path: Path) -> tuple[list[str], list[list[str]]]:
    """The bulletin's paragraphs and its 附件1 table (each unit's figures)."""
    document = docx.Document(str(path))
    table = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    return [p.text for p in document.paragraphs], table


@needs_calc
def test_a_ledger_saved_again_by_libreoffice_is_taken_back(clerk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A unit that fills its ledger in LibreOffice Calc and saves it there: recognised
    (its hidden sheet survives), and its rows merge as from Excel."""
    sent, back, saved = tmp_path / "sent", tmp_path / "back", tmp_path / "lo"
    assert clerk(SENT_ON, "new-round", ROUND, "--as-of", str(AS_OF))[0] == 0
    assert clerk(SENT_ON, "export-ledger", "--unit", COMMERCE, "--out", str(sent))[0] == 0
    filled = fill_in(sent, back, (COMMERCE,))[COMMERCE]
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(saved),
            str(filled),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    code, out, _ = clerk(RETURNED_ON[COMMERCE], "import-ledger", str(saved / filled.name), "--json")
    [preview] = json.loads(out)["files"]
    assert (preview["unit"], preview["round"], preview["keys_found"], preview["rejected"]) == (
        COMMERCE,
        ROUND,
        True,
        [],
    )
    assert [(c["code"], c["field"], c["old"], c["new"]) for c in preview["changed"]] == [
        ("46", "完成状态", "未启动", "已完成"),
        ("46", "完成进度(%)", None, 100),
        ("48", "完成状态", "未启动", "推进中"),
        ("48", "完成进度(%)", None, 50),
    ]
    assert code == 0
    code, out, _ = clerk(RETURNED_ON[COMMERCE], "round-status", "--json")
    [unit] = json.loads(out)["units"]
    assert (unit["unit"], unit["file"], unit["changes"]) == (COMMERCE, filled.name, 4)
