"""No broken pages: long notes split, headings kept with what follows, charts without gaps."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from importers.ledger.model import LedgerRow, LedgerSheet
from importers.reports.charts import is_empty, label
from importers.reports.model import (
    BarChart,
    Column,
    Heading,
    Paragraph,
    ReportDocument,
    Series,
    Table,
)
from importers.reports.pdf import write_pdf
from tests.tools import compact, needs_pdftotext, pdftotext
from tracker.reports.report_lists import SAME, ledger


def _text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return compact(pdftotext(path, *pages))


def _ledger(progress: str) -> ReportDocument:
    rows = [
        LedgerRow(
            str(i),
            "3",
            "推进企业开办全程网办",
            "内容" * 60,
            "自治区市场监管厅",
            unit,
            status="推进中",
            progress=progress,
        )
        for i, unit in enumerate(("自治区公安厅", "自治区财政厅", "银川市"), start=1)
    ]
    return ledger([LedgerSheet("台账", "d", rows)], "工作总台账", ("2021年第4季度",))


@needs_pdftotext
@pytest.mark.parametrize("length", [300, 1000, 5000])
def test_the_printed_ledger_survives_long_progress_notes(tmp_path: Path, length: int) -> None:
    note = ("甲" * 9 + "。") * (length // 10)
    out = tmp_path / f"台账{length}.pdf"
    pages = write_pdf(_ledger(note), out)
    assert pages == len(PdfReader(out).pages)
    assert _text(out).count("甲") == 3 * 9 * (length // 10)  # every character, once


def test_the_ledger_prints_a_measure_once_and_says_as_above_for_its_other_units() -> None:
    [table] = _ledger("进展").blocks
    assert [row[2:5] for row in table.rows] == [  # type: ignore[union-attr]
        ("推进企业开办全程网办", "内容" * 60, "自治区市场监管厅"),
        (SAME, SAME, SAME),
        (SAME, SAME, SAME),
    ]


def test_chart_labels_round_as_the_tables_do() -> None:
    assert [label(v, "%") for v in (6.25, 6.249, 100.0, 0.05, 0.0)] == [
        "6.3%",
        "6.2%",
        "100.0%",
        "0.1%",
        "0.0%",
    ]


@needs_pdftotext
def test_an_all_zero_chart_is_left_out(tmp_path: Path) -> None:
    zero = BarChart("各单位完成率", ("甲", "乙"), (Series("完成率", (0.0, 0.0)),))
    assert is_empty(zero)
    write_pdf(ReportDocument(title="图", blocks=[Paragraph("正文"), zero]), tmp_path / "z.pdf")
    assert _text(tmp_path / "z.pdf").startswith("图正文") and "各单位完成率" not in _text(
        tmp_path / "z.pdf"
    )


@needs_pdftotext
def test_a_chart_fills_the_rest_of_its_page_and_continues(tmp_path: Path) -> None:
    units = tuple(f"单位{i:02d}" for i in range(60))
    chart = BarChart("各单位完成率", units, (Series("完成率", tuple(float(i) for i in range(60))),))
    report = ReportDocument(title="图", blocks=[Paragraph("正文。" * 100), chart])
    out = tmp_path / "c.pdf"
    pages = write_pdf(report, out)
    first = _text(out, 1)
    assert "各单位完成率" in first and "单位00" in first  # begun on the first page
    assert "各单位完成率（续）" in _text(out, 2)
    found = "".join(_text(out, n) for n in range(1, pages + 1))
    assert all(found.count(u) == 1 for u in units)


@needs_pdftotext
@pytest.mark.parametrize(("lines", "heading_page"), [(11, 1), (13, 2)])
def test_a_heading_never_ends_a_page(tmp_path: Path, lines: int, heading_page: int) -> None:
    """With room for the table's header and first rows it stays; else it moves on with them."""
    rows = tuple((str(i), "单位", "内容") for i in range(30))
    table = Table((Column("序号", 1), Column("单位", 3), Column("内容", 6)), rows)
    report = ReportDocument(title="题", blocks=[Paragraph("填充。" * 40)])
    report.blocks += [Paragraph("行" * 26) for _ in range(lines)]
    report.blocks += [Heading("二、各单位情况"), table]
    out = tmp_path / "h.pdf"
    write_pdf(report, out)
    page = _text(out, heading_page)
    assert "二、各单位情况序号单位内容0单位内容1单位内容2单位内容" in page


TITLE = "持续优化营商环境更好服务黄河流域生态保护和高质量发展先行区建设若干措施工作台账"


@needs_pdftotext
def test_a_ledgers_sheet_title_and_a_telephone_number_keep_to_one_line(tmp_path: Path) -> None:
    """The master ledger printed, two documents: each sheet's title (a line long) is centred
    on one line, as the bulletin's annex titles, and a 联系电话 is never cut.  Indented like
    an 一、 heading the title left 账 alone on a second line; the number printed 095160123/45."""
    row = LedgerRow(
        "1",
        "1",
        "推进企业开办",
        "内容",
        "自治区市场监管厅",
        "自治区市场监管厅",
        contact="王芳",
        phone="09516012345",
    )
    sheets = [LedgerSheet(TITLE, "d", [row]), LedgerSheet("第二份文件工作台账", "e", [row])]
    report = ledger(sheets, "工作总台账", ("2021年第4季度",))
    assert report.blocks[0] == Heading(TITLE, centred=True)
    out = tmp_path / "总台账.pdf"
    write_pdf(report, out)
    lines = [line.strip() for line in pdftotext(out, "-f", "1", "-l", "1").splitlines()]
    assert TITLE in lines
    assert "09516012345" in lines
