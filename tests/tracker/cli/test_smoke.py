"""The installation smoke test (``tracker.cli.smoke``), run from the source tree.

The frozen build runs the same function (``tracker-cli smoke``) in CI; here it is
checked to do what it claims: a document imported, a ledger that is a real workbook
with every assignment, a PDF bulletin of a known number of pages, a Word bulletin.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import psycopg
import pypdf
import pytest
from docx import Document

from tracker.cli.cli_main import main as cli_main
from tracker.cli.smoke import (
    BULLETIN_DOCX,
    BULLETIN_PDF,
    DATABASE_NAME,
    ROUND_NAME,
    SmokeResult,
    run_smoke,
)
from tracker.cli.smoke_sample import SAMPLE_ASSIGNMENTS, SAMPLE_MEASURES, SAMPLE_NAME
from tracker.reports.report_service import ReportRequest, save_report
from tracker.services import Services
from tracker.store import Clock

AS_OF = date(2024, 7, 1)
DRIVER = f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq {psycopg.pq.version()})"


def _bulletin_pages(work: Path) -> int:
    """The pages of the same bulletin made again over the smoke test's database.

    (Its exact count follows the report layout, which changes with the reports' own
    work; the smoke test must match it, whatever it is.)
    """
    services = Services.open(work / DATABASE_NAME, clock=Clock(AS_OF))
    try:
        report = services.reports.build(ReportRequest(kind="bulletin", round_name=ROUND_NAME))
    finally:
        services.close()
    return save_report(report, work / "again.pdf")


def _check_files(result: SmokeResult, work: Path) -> None:
    assert result.ledger == work / "台账" / "总台账_冒烟测试.xlsx"
    assert zipfile.is_zipfile(result.ledger)
    workbook = openpyxl.load_workbook(result.ledger, read_only=True)
    assert workbook.sheetnames == ["汇总", "台账", "_台账元数据"]
    workbook.close()
    pdf = result.bulletin_pdf.read_bytes()
    assert result.bulletin_pdf == work / BULLETIN_PDF
    assert pdf.startswith(b"%PDF-")
    pages = _bulletin_pages(work)
    assert pages >= 2
    assert len(pypdf.PdfReader(result.bulletin_pdf).pages) == pages
    assert result.pages == pages
    assert result.bulletin_docx == work / BULLETIN_DOCX
    # (How many pictures the charts take follows the reports' own layout: at least one.)
    assert len(Document(str(result.bulletin_docx)).inline_shapes) == result.charts >= 1


def test_the_built_in_sample_goes_through_every_step(tmp_path: Path) -> None:
    result = run_smoke(tmp_path, today=AS_OF)

    assert result.document == tmp_path / SAMPLE_NAME
    assert (result.measures, result.assignments) == (SAMPLE_MEASURES, SAMPLE_ASSIGNMENTS)
    assert (result.measures, result.assignments) == (4, 7)
    assert result.ledger_rows == 7
    _check_files(result, tmp_path)
    assert result.lines() == [
        "document: 示例文件.txt: 4 measures, 7 assignments",
        "ledger: 总台账_冒烟测试.xlsx: 7 rows read back",
        f"bulletin: 简报.pdf: {result.pages} pages; 简报.docx: {result.charts} charts",
        f"PostgreSQL driver: {DRIVER}",
    ]


@pytest.mark.needs_shared
def test_a_seed_document_goes_through_every_step(tmp_path: Path, seed_000: Path) -> None:
    result = run_smoke(tmp_path / "工作", seed_000, today=AS_OF)

    assert result.document == seed_000
    assert (result.measures, result.assignments, result.ledger_rows) == (80, 299, 299)
    _check_files(result, tmp_path / "工作")


def test_the_command_reports_each_step_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli_main(["--today", "2024-07-01", "smoke", "--keep", str(tmp_path)])

    out = capsys.readouterr().out
    assert status == 0
    pages = _bulletin_pages(tmp_path)
    charts = len(Document(str(tmp_path / BULLETIN_DOCX)).inline_shapes)
    assert out.splitlines() == [
        "document: 示例文件.txt: 4 measures, 7 assignments",
        "ledger: 总台账_冒烟测试.xlsx: 7 rows read back",
        f"bulletin: 简报.pdf: {pages} pages; 简报.docx: {charts} charts",
        f"PostgreSQL driver: {DRIVER}",
        "smoke test passed",
    ]
    assert (tmp_path / BULLETIN_PDF).read_bytes().startswith(b"%PDF-")


def test_without_keep_the_temporary_folder_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)

    assert cli_main(["smoke"]) == 0

    assert capsys.readouterr().out.endswith("smoke test passed\n")
    assert list(tmp_path.iterdir()) == []
