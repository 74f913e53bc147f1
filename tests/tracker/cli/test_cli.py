"""tracker-cli end to end: JSON output, exit codes, the seeds through the whole workflow."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tracker.cli.cli_main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A new database, made as a clerk makes one: ``tracker-cli init``."""
    path = str(tmp_path / "office.sqlite3")
    assert run(capsys, "--db", path, "init") == (0, f"Created a new database: {path}\n", "")
    return path


@pytest.mark.needs_shared
def test_parse_doc_json_for_the_first_seed(
    capsys: pytest.CaptureFixture[str], seed_000: Path
) -> None:
    code, out, _ = run(capsys, "parse-doc", str(seed_000), "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["doc_number"], data["issued_on"]) == ("宁政职转办〔2021〕1号", "2021-05-19")
    assert len(data["measures"]) == 80
    first = data["measures"][0]
    assert first["code"] == "1"
    assert first["title"] == "推进企业开办全程网办"
    assert first["part"] == "营造公平竞争市场环境"
    assert first["section"] == "深化商事制度改革"
    assert first["lead_units"] == ["自治区市场监管厅"]
    assert first["units"] == [
        "自治区市场监管厅",
        "自治区公安厅",
        "自治区人力资源社会保障厅",
        "自治区住房城乡建设厅",
        "宁夏税务局",
        "人民银行银川中心支行",
        "各市、县（区）",
    ]
    assert (first["deadline"], first["deadline_text"]) == ("2021-12-31", "2021年底")
    assert [m["units"] for m in data["measures"][75:]] == [[]] * 5
    assert {w["line"] for w in data["warnings"]} >= {266, 268, 272, 274, 276}


@pytest.mark.needs_shared
def test_both_seeds_into_one_database(
    capsys: pytest.CaptureFixture[str], db: str, seed_000: Path, seed_003: Path, tmp_path: Path
) -> None:
    assert run(capsys, "--db", db, "import-doc", str(seed_000))[0] == 0
    assert run(capsys, "--db", db, "import-doc", str(seed_003))[0] == 0
    code, out, _ = run(capsys, "--db", db, "import-doc", str(seed_003))
    assert (code, out.strip()) == (0, "This file was imported before; nothing changed.")

    code, out, _ = run(capsys, "--db", db, "--today", "2021-12-20", "status", "--json")
    status = json.loads(out)
    assert (status["measures"], status["assignments"]) == (126, 490)
    assert status["by_status"] == {
        "未启动": 490,
        "推进中": 0,
        "已完成": 0,
        "已销号": 0,
        "长期坚持": 0,
    }
    police = next(u for u in status["units"] if u["unit"] == "自治区公安厅")
    assert (police["assigned"], police["overdue"]) == (5, 1)

    code, out, _ = run(
        capsys,
        "--db",
        db,
        "--today",
        "2021-12-20",
        "measures",
        "--unit",
        "自治区公安厅",
        "--overdue",
        "--json",
    )
    assert [(m["doc"], m["code"], m["deadline"], m["state"]) for m in json.loads(out)] == [
        ("宁政职转办〔2021〕1号", "39", "2021-11-30", "逾期"),
    ]
    # Progress, tick-off and history from the command line.
    assert (
        run(
            capsys,
            "--db",
            db,
            "--user",
            "张三",
            "progress",
            "39",
            "公安厅",
            "--status",
            "已完成",
            "--percent",
            "100",
            "--note",
            "已全面推行",
        )[0]
        == 0
    )
    assert run(capsys, "--db", db, "--user", "李四", "tick-off", "39", "自治区公安厅")[0] == 0
    code, out, _ = run(capsys, "--db", db, "history", "39", "自治区公安厅", "--json")
    assert [(h["old_status"], h["new_status"], h["changed_by"]) for h in json.loads(out)][1:] == [
        ("未启动", "已完成", "张三"),
        ("已完成", "已销号", "李四"),
    ]

    # The ledger workflow: a round, 45 unit ledgers (the 5 collectives, 各市、县（区）,
    # 自治区相关部门 and the like, have no member yet: named, no file) and the master, a
    # returned file.
    assert run(capsys, "--db", db, "new-round", "2021年第4季度", "--as-of", "2021-12-31")[0] == 0
    out_dir = tmp_path / "ledgers"
    code, out, _ = run(capsys, "--db", db, "export-ledger", "--all", "--out", str(out_dir))
    *paths, skipped = out.splitlines()
    assert code == 0 and len(paths) == 45
    assert skipped == (
        "no ledger for 5 collectives with no members yet (give them members: tracker-cli group "
        "NAME --add UNIT): 各市、县（区）、自治区有关部门、自治区相关部门、"
        "自治区市场监管领域相关部门、自治区政府相关部门"
    )
    code, out, _ = run(capsys, "--db", db, "export-ledger", "--master", "--out", str(out_dir))
    assert code == 0
    returned = out_dir / "自治区公安厅_2021年第4季度_工作台账.xlsx"
    wb = openpyxl.load_workbook(returned)
    ws = wb.worksheets[0]
    ws["J4"] = "进行中"
    wb.save(returned)
    code, out, _ = run(capsys, "--db", db, "import-ledger", str(out_dir), "--dry-run", "--json")
    files = json.loads(out)["files"]
    assert len(files) == 46
    changed = [f for f in files if f["changed"]]
    assert [(f["unit"], f["changed"]) for f in changed] == [
        (
            "自治区公安厅",
            [
                {
                    "code": "1",
                    "unit": "自治区公安厅",
                    "field": "完成状态",
                    "old": "未启动",
                    "new": "推进中",
                }
            ],
        ),
    ]
    code, out, _ = run(capsys, "--db", db, "import-ledger", str(returned), "--json")
    assert json.loads(out)["applied"] == [returned.name]
    assert run(capsys, "--db", db, "undo-import")[0] == 0


def test_user_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", db, "import-doc", str(tmp_path / "缺失.txt"))
    assert code == 2 and err.count("\n") == 1 and "no such file" in err
    code, _, err = run(capsys, "--db", db, "progress", "1", "自治区公安厅", "--status", "差不多")
    assert code == 2 and "unknown status" in err
    code, _, err = run(capsys, "--db", db, "export-ledger", "--all", "--out", str(tmp_path))
    assert code == 2 and "no reporting round" in err
    code, _, err = run(capsys, "--db", db, "measures", "--unit", "不存在的单位")
    assert code == 2 and "unknown unit" in err
    garbage = tmp_path / "乱码.txt"
    garbage.write_bytes(bytes(range(256)) * 4)
    code, out, err = run(capsys, "parse-doc", str(garbage), "--json")
    assert code in (0, 2)
    if code == 0:
        assert json.loads(out)["measures"] == []
