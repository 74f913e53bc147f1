"""tracker-cli measures --by-measure: one line per measure, rolled up from its sub-tasks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tracker.cli.test_cli import run

pytestmark = pytest.mark.needs_shared

SHANDONG = "corpus/03_shandong-luzhengbanzi_shuzishandong_2019-45.txt"


@pytest.fixture
def shandong(tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_dir: Path) -> str:
    """A database holding corpus 03 (measure 1 has five sub-tasks, measure 2 one)."""
    path = str(tmp_path / "office.sqlite3")
    assert run(capsys, "--db", path, "init")[0] == 0
    assert run(capsys, "--db", path, "import-doc", str(shared_dir / SHANDONG))[0] == 0
    return path


def _by_measure(
    capsys: pytest.CaptureFixture[str], db: str, today: str, *args: str
) -> list[dict[str, object]]:
    code, out, _ = run(
        capsys, "--db", db, "--today", today, "measures", "--by-measure", "--json", *args
    )
    assert code == 0
    lines: list[dict[str, object]] = json.loads(out)
    return lines


def test_each_measure_once_under_its_own_code(
    capsys: pytest.CaptureFixture[str], shandong: str
) -> None:
    lines = _by_measure(capsys, shandong, "2019-06-01")
    assert [line["code"] for line in lines] == [str(n) for n in range(1, 22)]
    assert [(line["tasks"], line["tasks_finished"], line["state"]) for line in lines[:3]] == [
        (5, 0, "未启动"),
        (1, 0, "未启动"),
        (3, 0, "未启动"),
    ]
    # 1-2 and 2 are due by the end of 2019; 3's tasks have no deadline.
    later = _by_measure(capsys, shandong, "2020-01-15")
    assert [line["state"] for line in later[:3]] == ["逾期", "逾期", "未启动"]


def test_a_unit_in_one_sub_task_still_reads_the_measures_code(
    capsys: pytest.CaptureFixture[str], shandong: str
) -> None:
    """省财政厅 is named in 1-3 only of measure 1: its line is measure 1 (the task's
    measure), with the one task it has there — not ``1-3`` read as a measure's code."""
    lines = _by_measure(capsys, shandong, "2019-06-01", "--unit", "省财政厅")
    first = lines[0]
    assert (first["code"], first["tasks"], first["title"]) == (
        "1",
        1,
        "推动政务服务数字化转型",
    )


def test_the_count_under_the_lines_reads_right_for_one(
    capsys: pytest.CaptureFixture[str], shandong: str
) -> None:
    code, out, _ = run(
        capsys, "--db", shandong, "--today", "2019-06-01", "measures", "--by-measure"
    )
    assert code == 0 and out.splitlines()[-1] == "21 measures"
    args = ("--db", shandong, "--today", "2019-06-01", "measures", "--by-measure")
    code, out, _ = run(capsys, *args, "--unit", "省委组织部")
    assert code == 0 and out.splitlines()[-1] == "1 measure"
