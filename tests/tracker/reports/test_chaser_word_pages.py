"""The Word chaser keeps to the PDF's page rule as far as Word allows (issue 12, 3): only
its last row, or two when short, is kept with the next paragraph and so goes over with
the signature; the 回执 is kept together under the signature, no page break before it.
Read back from the .docx (python-docx); LibreOffice 7.4 ignores a row's keep-with-next,
Word honours it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest

from importers.reports.docx import write_docx
from tests.tracker.reports.test_chaser_pages import OFFICE, REPLY_BY, TODAY, findings, items
from tracker.reports.report_lists import CUT_LINE, chaser


def kept_rows(table: Any) -> list[bool]:
    """Per row (the header first): are all its paragraphs kept with the next?"""
    return [
        all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
        for row in table.rows
    ]


def split_rows(table: Any) -> list[bool]:
    """Per row: may Word split it across pages (no ``w:cantSplit``)?"""
    return [row._tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is None for row in table.rows]


def written(tmp_path: Path, count: int, short: bool = False, with_findings: int = 0) -> Any:
    rows = items(count)
    if short:  # every item a line or two
        rows = [replace(r, title="实施包容审慎监管") for r in rows]
    report = chaser(
        "自治区市场监管厅", rows, TODAY, REPLY_BY, OFFICE, findings=findings(with_findings)
    )
    out = tmp_path / "催办单.docx"
    write_docx(report, out)
    return docx.Document(str(out))


@pytest.mark.parametrize("count", [3, 12, 30])
def test_only_the_last_tall_row_goes_with_the_signature(tmp_path: Path, count: int) -> None:
    """The last item is long (6 lines) or follows a long one: kept alone, as in the PDF."""
    document = written(tmp_path, count)
    table, _receipt = document.tables
    assert kept_rows(table) == [False] * count + [True]


def test_the_last_two_short_rows_go_with_the_signature(tmp_path: Path) -> None:
    document = written(tmp_path, 12, short=True)
    assert kept_rows(document.tables[0]) == [False] * 11 + [True, True]


def test_the_receipt_is_kept_together_under_the_signature(tmp_path: Path) -> None:
    document = written(tmp_path, 12)
    texts = [p.text for p in document.paragraphs]
    cut = texts.index(CUT_LINE)
    assert texts[cut - 2 : cut + 3] == [
        OFFICE,
        "2022年1月11日",
        CUT_LINE,
        "回\u3000执",
        "（请于2022年1月16日前反馈）",
    ]
    kept = [p.paragraph_format.keep_with_next for p in document.paragraphs]
    assert kept[cut - 3 : cut + 3] == [True, True, False, True, True, True]
    assert not any(p.paragraph_format.page_break_before for p in document.paragraphs[cut - 2 :])
    receipt = document.tables[1]
    assert kept_rows(receipt) == [True] * 5 + [False]  # each row with the next: one page
    assert split_rows(receipt) == [False] * 6


def test_the_items_before_the_findings_keep_no_row(tmp_path: Path) -> None:
    """As in the PDF: the findings' table keeps its own last row with the signature."""
    document = written(tmp_path, 8, with_findings=12)
    items_table, findings_table, _receipt = document.tables
    assert kept_rows(items_table) == [False] * 9
    assert kept_rows(findings_table) == [False] * 12 + [True]
