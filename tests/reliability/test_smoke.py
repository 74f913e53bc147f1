"""The smoke test's failures: each names the step that failed, and the command exits 1.

What CI and an IT person read when a build is broken must say what broke, not only
that something did.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tracker.cli.cli_main import main as cli_main
from tracker.cli.smoke import DATABASE_NAME, SmokeFailure, run_smoke


def test_a_missing_document_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "没有这个文件.docx"
    with pytest.raises(SmokeFailure) as caught:
        run_smoke(tmp_path / "work", missing)
    assert caught.value.step == "document"
    assert str(caught.value) == f"document: no such file: {missing}"


def test_a_folder_with_a_database_already_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(b"not to be touched")
    with pytest.raises(SmokeFailure) as caught:
        run_smoke(tmp_path)
    assert caught.value.step == "database"
    assert (tmp_path / DATABASE_NAME).read_bytes() == b"not to be touched"


def test_a_document_without_measures_fails_the_import_step(tmp_path: Path) -> None:
    empty = tmp_path / "空白.txt"
    empty.write_text("关于做好有关工作的通知\n\n请认真贯彻执行。\n", encoding="utf-8")
    with pytest.raises(SmokeFailure) as caught:
        run_smoke(tmp_path / "work", empty)
    assert caught.value.step == "import the document"


def test_a_failing_pdf_writer_is_named_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> int:
        raise OSError("reportlab is missing its fonts")

    monkeypatch.setattr("tracker.reports.report_service.save_report", broken)
    with pytest.raises(SmokeFailure) as caught:
        run_smoke(tmp_path)
    assert caught.value.step == "write the PDF bulletin"
    assert caught.value.reason == "OSError: reportlab is missing its fonts"


def test_the_command_prints_the_failed_step_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "缺.txt"
    status = cli_main(["smoke", "--document", str(missing)])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert captured.err == f"tracker-cli: smoke test failed: document: no such file: {missing}\n"


def test_a_word_bulletin_without_its_charts_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build without a PNG renderer writes a sentence instead of each chart: not a pass."""
    monkeypatch.setattr("importers.reports.chart_png.png", lambda _drawing: None)
    with pytest.raises(SmokeFailure) as caught:
        run_smoke(tmp_path)
    assert str(caught.value) == "read the Word bulletin back: no chart in the Word bulletin"


def test_a_build_without_the_postgresql_driver_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite works without it; the day the office moves to its server would not."""
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg → ImportError
    with pytest.raises(SmokeFailure) as caught:
        run_smoke(tmp_path)
    assert caught.value.step == "load the PostgreSQL driver"
    assert caught.value.reason == (
        "ModuleNotFoundError: import of psycopg halted; None in sys.modules"
    )
