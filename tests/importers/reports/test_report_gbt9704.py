"""GB/T 9704-2012 measured on the PDF: margins, text block, grid, sizes, faces, page numbers.

Positions come from ``pdftotext -bbox-layout`` (each line's box, in points from
the top-left corner); sizes and faces from pypdf (the size and font each text
run is set in).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from importers.reports.fonts import find_fonts
from importers.reports.gbt9704 import kept_with_signature
from importers.reports.layout import register
from importers.reports.model import Heading, Paragraph, ReportDocument, Signature
from importers.reports.pdf import write_pdf
from importers.reports.pdf_blocks import signature_offsets
from tests.tools import needs_pdftotext, pdftotext

pytestmark = needs_pdftotext
MM = 72 / 25.4
TEXT = "为深入贯彻落实党中央国务院关于优化营商环境的决策部署持续推进放管服改革" * 12
OFFICE, DAY = "自治区推进政府职能转变协调小组办公室", "2021年12月20日"


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    blocks = [
        Heading("一、总体情况"),
        Paragraph(TEXT),
        Heading("（一）主要成效", 2),
        Heading("1. 企业开办", 3),
        Paragraph(TEXT * 2),
        Signature(OFFICE, DAY),
    ]
    out = tmp_path_factory.mktemp("gbt") / "通报.pdf"
    write_pdf(ReportDocument(title="关于优化营商环境若干措施落实情况的通报", blocks=blocks), out)
    return out


def _lines(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, text) of every line on ``page``."""
    xml = pdftotext(pdf, "-bbox-layout", "-f", str(page), "-l", str(page))
    out = []
    for box, body in re.findall(r"<line (.*?)>(.*?)</line>", xml, re.S):
        x0, y0, x1, y1 = (float(v) for v in re.findall(r'"([\d.]+)"', box))
        out.append((x0, y0, x1, y1, "".join(re.findall(r">([^<]+)</word>", body))))
    return out


def _runs(pdf: Path, page: int) -> list[tuple[str, str, float]]:
    """(text, face, size) of every text run on ``page``."""
    found: list[tuple[str, str, float]] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if text.strip() and font is not None:
            face = str(font["/BaseFont"]).split("+")[-1].rsplit("-", 1)[0]  # AAAAAA+Name-0
            found.append((text.strip(), face, float(size)))

    PdfReader(pdf).pages[page - 1].extract_text(visitor_text=visit)
    return found


def _face(role: str) -> str:
    names = register(find_fonts())
    face = pdfmetrics.getFont(getattr(names, role)).face.name
    return face.decode() if isinstance(face, bytes) else str(face)


def test_text_block_is_156_by_225_mm_and_the_grid_22_by_28(pdf: Path) -> None:
    body = [line for line in _lines(pdf, 1) if len(line[4]) == 28]
    assert len(body) >= 10
    for x0, _, x1, _, _ in body:
        assert x0 == pytest.approx(28 * MM, abs=0.05)  # left margin 28 mm
        assert x1 == pytest.approx((210 - 26) * MM, abs=0.3)  # right margin 26 mm
    pitches = {round(b[1] - a[1], 2) for a, b in itertools.pairwise(body)}
    assert pitches == {round(225 * MM / 22, 2)}  # 28.99 pt: 22 lines in 225 mm
    first = _lines(pdf, 2)[0]
    assert first[1] == pytest.approx(37 * MM + (225 * MM / 22 - 16) / 2, abs=6.5)
    full_page = [line for line in _lines(pdf, 2) if line[4] and not line[4].startswith("—")]
    assert len(full_page) == 22  # a full page holds exactly 22 lines


def test_sizes_and_faces(pdf: Path) -> None:
    runs = _runs(pdf, 1) + _runs(pdf, 2)
    by_text = {text: (face, size) for text, face, size in runs}
    assert by_text["关于优化营商环境若干措施落实情况的通报"] == (_face("title"), 22.0)  # 2号
    assert by_text["一、总体情况"] == (_face("heading"), 16.0)  # 3号 黑体
    assert by_text["（一）主要成效"] == (_face("kai"), 16.0)  # 3号 楷体
    assert by_text["1. 企业开办"] == (_face("body"), 16.0)  # 3号 仿宋
    assert {(face, size) for text, face, size in runs if text.startswith("持续推进")} == {
        (_face("body"), 16.0)
    }
    assert [r for r in runs if r[0].startswith("—")] == [
        ("— 1 —", _face("song"), 14.0),
        ("— 2 —", _face("song"), 14.0),
    ]


def test_headings_and_paragraphs_indent_two_characters(pdf: Path) -> None:
    lines = {line[4]: line for line in _lines(pdf, 1)}
    assert lines["一、总体情况"][0] == pytest.approx(28 * MM + 2 * 156 * MM / 28, abs=0.05)


def test_page_numbers_on_the_outer_side_7_mm_under_the_block(pdf: Path) -> None:
    block_bottom = (297 - 35) * MM
    odd = [line for line in _lines(pdf, 1) if line[4] == "—1—"]
    even = [line for line in _lines(pdf, 2) if line[4] == "—2—"]
    assert len(odd) == len(even) == 1
    assert odd[0][2] == pytest.approx((210 - 26) * MM - 14, abs=0.05)  # one 4号 char in
    assert even[0][0] == pytest.approx(28 * MM + 14, abs=0.05)
    baselines = []
    PdfReader(pdf).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: (
            baselines.append(tm[5]) if text.startswith("—") else None
        )
    )
    # The dashes (一字线) 7 mm under the block: the baseline 0.33 em lower still.
    assert 297 * MM - baselines[0] - block_bottom == pytest.approx(7 * MM + 0.33 * 14, abs=0.05)


def test_sender_and_date_are_placed_as_the_standard_places_them(pdf: Path) -> None:
    pages = len(PdfReader(pdf).pages)
    lines = {line[4]: line for line in _lines(pdf, pages)}
    office, day = lines[OFFICE], lines[DAY]
    char = 156 * MM / 28
    right = (210 - 26) * MM
    # The date is shorter than the sender: the sender keeps two characters on its right,
    # the date starts two characters right of the sender's start, on the next line.
    assert right - office[2] == pytest.approx(2 * char, abs=0.5)
    assert day[0] - office[0] == pytest.approx(2 * char, abs=0.05)
    assert day[1] - office[1] == pytest.approx(225 * MM / 22, abs=0.05)


def test_a_date_longer_than_the_sender_keeps_two_characters_and_moves_the_sender() -> None:
    office_x, day_x = signature_offsets(office_width=60, day_width=120, char=10, line=400)
    assert (day_x, office_x) == (260, 240)
    office_x, day_x = signature_offsets(office_width=200, day_width=120, char=10, line=400)
    assert (office_x, day_x) == (180, 200)


def test_numbered_headings_are_bold_fangsong(pdf: Path) -> None:
    """仿宋 has no bold face: the 1. heading's outlines are filled and stroked (2 Tr)."""
    pages = PdfReader(pdf).pages
    streams = [p.get_contents().get_data() for p in pages]  # type: ignore[union-attr]
    assert sum(s.count(b" 2 Tr") for s in streams) == 1
    assert any(b".45 w" in s for s in streams)


def test_the_font_report_names_each_role_and_the_substitutions() -> None:
    report = find_fonts().report()
    assert [line.split("：")[0] for line in report[:5]] == [
        "标题（2号小标宋）",
        "一级标题（3号黑体）",
        "二级标题（3号楷体）",
        "正文（3号仿宋）",
        "页码（4号宋体）",
    ]
    if find_fonts().title is None:
        assert any(line.startswith("注：本机未安装方正小标宋，标题用") for line in report)


def test_the_signature_never_stands_alone_on_a_page(tmp_path: Path) -> None:
    """The 附件 list (short lines, back to the blank line) goes over with the sender and date;
    a long paragraph is not moved whole."""
    annex = [Paragraph("附件：1. 各责任单位任务完成情况"), Paragraph("2. 各部分任务完成情况")]
    blocks = [Paragraph(TEXT), Paragraph("\u3000"), *annex, Signature(OFFICE, DAY)]
    assert kept_with_signature(blocks) == {2, 3}
    assert kept_with_signature([Paragraph(TEXT), Signature(OFFICE, DAY)]) == set()
    assert kept_with_signature([Heading("一、"), Signature(OFFICE, DAY)]) == set()
    # 21 lines of text leave one line on the page: the list and signature start the next.
    filler = [Paragraph("行" * 28, indent=False) for _ in range(19)]
    out = tmp_path / "s.pdf"
    pages = write_pdf(ReportDocument(title="题", blocks=[*filler, *blocks[1:]]), out)
    assert pages == 2
    assert [line[4] for line in _lines(out, 2)][:4] == [
        "附件：1.各责任单位任务完成情况",
        "2.各部分任务完成情况",
        OFFICE,
        DAY,
    ]
