"""``tracker-cli report``: files by suffix, user errors exit 2 with one line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.tracker.conftest import sample_document, source
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.store import Clock


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "office.sqlite3"
    services = Services.open(path, clock=Clock(), user="测试员", create=True)
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create("2021年第1季度", date(2021, 3, 31))  # before 19 May
    RoundService(services.store).create("2021年第3季度", date(2021, 9, 30))
    services.close()
    return str(path)


def test_each_kind_to_pdf_and_word(run, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    today = ["--db", db, "--today", "2021-07-05"]
    for kind, extra in (
        ("bulletin", ["--note", "请抓紧推进。"]),
        ("unit", ["--unit", "公安厅"]),
        ("chaser", ["--unit", "自治区公安厅", "--reply-by", "2021-07-09"]),
        ("ledger", ["--current"]),
    ):
        for suffix in (".pdf", ".docx"):
            out = tmp_path / f"{kind}{suffix}"
            code, printed, err = run(*today, "report", "--kind", kind, *extra, "--out", str(out))
            assert (code, err) == (0, ""), err
            assert printed.startswith(str(out)) and out.stat().st_size > 1000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "chaser"], "a chaser report is for one unit"),
        (["--kind", "unit"], "a unit report is for one unit"),
        (["--kind", "unit", "--unit", "不存在的单位"], "unknown unit"),
        (["--kind", "bulletin", "--round", "第9轮"], "no round named"),
        (["--kind", "chaser", "--unit", "自治区政府办公厅"], "nothing overdue or due soon"),
        (["--kind", "bulletin", "--out-ignored"], None),
        (
            # The document was issued on 19 May: nothing of it counts as of 31 March.
            ["--kind", "ledger", "--round", "2021年第1季度"],
            "nothing of this ledger had been recorded as of 2021年第1季度 (2021年3月31日)",
        ),
    ],
)
def test_user_errors_exit_2(
    run, db: str, tmp_path: Path, args: list[str], message: str | None
) -> None:  # type: ignore[no-untyped-def]
    if message is None:
        with pytest.raises(SystemExit):
            run("--db", db, "report", *args)
        return
    code, _, err = run(
        "--db", db, "--today", "2021-07-05", "report", *args, "--out", str(tmp_path / "x.pdf")
    )
    assert code == 2 and err.count("\n") == 1 and message in err
    assert not (tmp_path / "x.pdf").exists()


def test_wrong_suffix_is_refused_before_any_work(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(
        "--db",
        str(tmp_path / "none.sqlite3"),
        "report",
        "--kind",
        "bulletin",
        "--out",
        str(tmp_path / "x.xlsx"),
    )
    assert code == 2 and "must end in .pdf or .docx" in err
    assert not (tmp_path / "none.sqlite3").exists()
