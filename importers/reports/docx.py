"""Writing a ``ReportDocument`` as a Word file (python-docx) laid out like the PDF.

The same GB/T 9704 measures (``gbt9704``): A4 with the standard's margins, body
3号 仿宋 with a document grid of 22 lines × 28 characters (``w:docGrid``), title
2号 小标宋 (黑体 where the PDF found no 小标宋), 一、黑体, （一）楷体, 1. 仿宋 bold,
page numbers "— n —" as PAGE fields on the outer side (turned with the sheet on
a landscape page: ``docx_turned``).  East Asian text gets its own font attribute
(``w:eastAsia``), without which Word would show Chinese in the Latin font's
fallback; no extra space between Chinese and digits (the PDF adds none).  Table
header rows repeat on each page, rows do not break across pages, are as high as
the PDF's, and each table's cells use the table's own font size; charts are cut
where the PDF cuts them (``docx_charts``).  So the pages break where the PDF's do.
Fonts are named, not embedded: 黑体, 楷体, 仿宋 and 宋体 come with every Chinese
Windows.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from importers.reports import charts
from importers.reports import gbt9704 as g
from importers.reports.column_widths import column_widths, estimate
from importers.reports.docx_blocks import masthead, page_numbers, set_fonts, signature
from importers.reports.docx_charts import chart, chart_pieces, off_grid
from importers.reports.docx_combined import blank_backs, new_document
from importers.reports.docx_turned import turned_numbers
from importers.reports.docx_xml import put, put_element
from importers.reports.fonts import ReportFontError, find_fonts
from importers.reports.layout import (
    LANDSCAPE_MARGINS_MM,
    PORTRAIT_MARGINS_MM,
    TURNED_MARGINS_MM,
)
from importers.reports.model import (
    Align,
    BarChart,
    Block,
    Heading,
    Masthead,
    PageBreak,
    Paragraph,
    ReportDocument,
    Signature,
    Table,
)
from importers.reports.pdf_tables import PADDING
from importers.reports.serial import storable

HEADING_FONT = "黑体"
BODY_FONT = "仿宋"
KAI_FONT = "楷体"
TITLE_FONTS = ("方正小标宋简体", HEADING_FONT)
TITLE_SIZE, BODY_SIZE = g.TITLE_SIZE, g.BODY_SIZE
CELL_STYLE = "Report Cell"
RULE = 0.5
"""A table's rules, in points (``w:sz`` 4 eighths, the PDF's GRID 0.5)."""
TURNED_SHAPE_IDS = 9000
"""Drawing ids of the turned pages' number boxes: clear of the pictures' (1, 2, …)."""
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _title_font() -> str:
    """方正小标宋 when this machine has it (as the PDF would use it), else 黑体."""
    try:
        return TITLE_FONTS[0] if find_fonts().title is not None else TITLE_FONTS[1]
    except ReportFontError:
        return TITLE_FONTS[1]


def _exact(style: Any, points: float) -> None:
    style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    style.paragraph_format.line_spacing = Pt(points)


def _condensed(style: Any) -> None:
    """Body characters drawn ``gbt9704.word_char_spacing`` closer: 28 fill a line."""
    put(style.element.get_or_add_rPr(), "w:spacing", val=str(g.word_char_spacing()))


def _defaults(doc: Any) -> None:
    """The document's defaults: size 3号 (the grid's character pitch is counted from it),
    Chinese as the East Asian language (line breaking by Chinese rules), and no extra
    space between Chinese and Latin letters or digits (自动调整中西文间距), which the PDF
    does not add either: with it, "2021年12月20日" grows by two characters."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        put(r_pr, tag, val=str(int(BODY_SIZE * 2)))
    put(r_pr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    p_pr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        put(p_pr, tag, val="0")
        put(doc.styles["Normal"].element.get_or_add_pPr(), tag, val="0")


def _styles(doc: Any, title_font: str) -> None:
    _defaults(doc)
    normal = doc.styles["Normal"]
    set_fonts(normal, BODY_FONT, BODY_SIZE)
    _condensed(normal)
    _exact(normal, g.LINE_PITCH)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    for name, font, size, level in (
        ("Report Title", title_font, TITLE_SIZE, None),
        ("Report Subtitle", BODY_FONT, BODY_SIZE, None),
        ("Report Heading 1", HEADING_FONT, BODY_SIZE, 0),
        ("Report Heading 2", KAI_FONT, BODY_SIZE, 1),
        ("Report Heading 3", BODY_FONT, BODY_SIZE, 2),
        (CELL_STYLE, BODY_FONT, 10.5, None),
    ):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        set_fonts(style, font, size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        if level is not None:
            put(style.element.get_or_add_pPr(), "w:outlineLvl", val=str(level))
            style.paragraph_format.first_line_indent = Pt(2 * g.CHAR_PITCH)
            style.paragraph_format.keep_with_next = True
    doc.styles["Report Heading 3"].font.bold = True
    for name in ("Report Title", CELL_STYLE):
        off_grid(doc.styles[name].element.get_or_add_pPr())
    cell = doc.styles[CELL_STYLE]
    cell.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    cell.paragraph_format.first_line_indent = Pt(0)
    for name in ("Report Title", "Report Subtitle"):
        doc.styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _exact(doc.styles["Report Title"], g.TITLE_LEADING)
    doc.styles["Report Title"].paragraph_format.space_after = Pt(
        g.LINE_PITCH - (g.TITLE_LEADING - g.TITLE_SIZE)
    )


def _grid(section: Any) -> None:
    """The document grid of 22 lines (Word's 文档网格).  The 28 characters a line come from
    the body's character spacing (``_condensed``), not from a character grid: Word and
    LibreOffice read a character grid differently (LibreOffice gives a 16 pt glyph two
    15.8 pt cells, 14 characters a line)."""
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(g.word_line_pitch()))


def _page(doc: Any, landscape: bool) -> float:
    """Paper, margins, grid and page numbers; returns the text block's width in mm."""
    section = doc.sections[0]
    top, bottom, left, right = LANDSCAPE_MARGINS_MM if landscape else PORTRAIT_MARGINS_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (297, 210) if landscape else (210, 297)
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    if not landscape:
        _grid(section)
    page_numbers(doc, section, bottom)
    return width - left - right


def _break_before(element: Any) -> None:
    """Start ``element`` (a paragraph, or a table's first paragraph) on a new page."""
    paragraph = element if element.tag == qn("w:p") else element.find(".//" + qn("w:p"))
    if paragraph is None:
        return
    put(paragraph.get_or_add_pPr(), "w:pageBreakBefore")


def _section(doc: Any, turned: bool) -> float:
    """A new section on a new page, landscape (§8) or back to portrait, with its own page
    numbers (turned with the sheet on a landscape page).  Returns the text block's width
    in mm."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    top, bottom, left, right = TURNED_MARGINS_MM if turned else PORTRAIT_MARGINS_MM
    section.orientation = WD_ORIENT.LANDSCAPE if turned else WD_ORIENT.PORTRAIT
    width, height = (297, 210) if turned else (210, 297)
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    if turned:
        turned_numbers(section, TURNED_SHAPE_IDS + 2 * len(doc.sections))
    else:
        page_numbers(doc, section, bottom)
    return width - left - right


def _title(doc: Any, title: str, subtitle: tuple[str, ...]) -> None:
    if title:
        doc.add_paragraph(title, style="Report Title")
    for line in subtitle:
        doc.add_paragraph(line, style="Report Subtitle")


def _row_flag(row: Any, tag: str) -> None:
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _cell(
    cell: Any, text: str, align: Align, width: Any, header: bool, style_id: str, size: float
) -> None:
    cell.width = width
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    paragraph = cell.paragraphs[0]
    # The style by its id: ``paragraph.style = name`` looks the name up among every
    # style of the document, cell after cell (half the time of a long report).
    paragraph._p.get_or_add_pPr().style = style_id
    paragraph.alignment = _ALIGN["center" if header else align]
    paragraph.paragraph_format.line_spacing = Pt(round(size * 1.35, 1))  # as the PDF's cells
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    if header:
        set_fonts(run, HEADING_FONT, size)
        put(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", fill="E7E6E6")


def _cell_margins(table: Any, points: float) -> None:
    """Narrow cell margins (the PDF's 3 pt), so the Word table fits as many rows a page.
    Word counts a row's ½ pt rule into its height where the PDF draws the rule over
    the cell's edge: above and below, the margin gives that ½ pt back, so rows are
    exactly as high as the PDF's and a page holds as many."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        node = OxmlElement(f"w:{side}")
        rule = RULE if side in ("top", "bottom") else 0.0
        node.set(qn("w:w"), str(round((points - rule / 2) * 20)))
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    put_element(table._tbl.tblPr, margins)


def _widths(model: Table, frame_mm: float) -> list[Any]:
    """The columns' widths: a ``fit`` column's text measured by its characters, as Word
    may print it in another face than the PDF's."""
    size = model.font_size
    points = column_widths(model, frame_mm * 72 / 25.4, lambda t, _: estimate(t, size), PADDING)
    return [Pt(w) for w in points]


def _heights(model: Table, widths: list[Any]) -> list[float]:
    """The last ``keep_last`` rows' heights in points, estimated as the PDF lays them out
    (its cells' leading, ``estimate``'s character widths): Word measures none itself."""
    size = model.font_size
    leading = round(size * 1.35, 1)
    heights = []
    for values in model.rows[-model.keep_last :]:
        lines = 0
        for text, width in zip(values, widths, strict=True):
            room = width.pt - 2 * PADDING
            parts = text.split("\n")
            lines = max(lines, sum(max(1, math.ceil(estimate(t, size) / room)) for t in parts))
        heights.append(lines * leading + 2 * PADDING)
    return heights


def _table(doc: Any, model: Table, frame_mm: float) -> None:
    widths = _widths(model, frame_mm)
    table = doc.add_table(rows=1, cols=len(model.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table, PADDING)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    style_id = doc.styles[CELL_STYLE].style_id
    size = model.font_size
    header = table.rows[0]
    _row_flag(header, "w:tblHeader")
    _row_flag(header, "w:cantSplit")
    for cell, column, width in zip(header.cells, model.columns, widths, strict=True):
        _cell(cell, column.header, column.align, width, True, style_id, size)
    for values in model.rows:
        row = table.add_row()
        _row_flag(row, "w:cantSplit")
        for cell, text, column, width in zip(row.cells, values, model.columns, widths, strict=True):
            _cell(cell, text, column.align, width, False, style_id, size)
    rows = list(table.rows)
    kept = rows[:-1] if model.whole else []  # a form on one page: each row kept with the next
    if model.keep_last:  # the last row, or two when short, with the signature (as the PDF)
        kept += rows[len(rows) - g.kept_rows(_heights(model, widths), model.keep_last) :]
    for row in kept:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    spacer = doc.add_paragraph()
    spacer.paragraph_format.keep_with_next = bool(model.keep_last)
    spacer.paragraph_format.line_spacing = Pt(6)
    spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    off_grid(spacer._p.get_or_add_pPr())  # (LibreOffice would give it a whole grid line)


def _block(
    doc: Any, block: Block, frame_mm: float, title_font: str, bars: Iterator[list[int] | None]
) -> None:
    if isinstance(block, Paragraph):
        p = doc.add_paragraph()
        p.alignment = _ALIGN[block.align]
        p.paragraph_format.first_line_indent = Pt(2 * g.CHAR_PITCH if block.indent else 0)
        if block.left:
            p.paragraph_format.left_indent = Pt(block.left * g.CHAR_PITCH)
        if block.keep_with_next:
            p.paragraph_format.keep_with_next = True
        run = p.add_run(block.text)
        if block.bold:
            set_fonts(run, HEADING_FONT)
    elif isinstance(block, Heading):
        p = doc.add_paragraph(block.text, style=f"Report Heading {min(max(block.level, 1), 3)}")
        if block.centred:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.first_line_indent = Pt(0)
    elif isinstance(block, Table):
        _table(doc, block, frame_mm)
    elif isinstance(block, BarChart):
        if not charts.is_empty(block):
            chart(doc, block, frame_mm, next(bars))
    elif isinstance(block, Signature):
        signature(doc, block, BODY_FONT, frame_mm)
    elif isinstance(block, Masthead):
        masthead(doc, block, title_font, BODY_FONT, frame_mm)
    elif isinstance(block, PageBreak):
        doc.add_page_break()  # (``write_docx`` marks the next block instead, see there)


def write_docx(report: ReportDocument, target: Path | BinaryIO) -> None:
    report = storable(report)  # no control character (Word refuses the file)
    doc = Document()
    title_font = _title_font()
    _styles(doc, title_font)
    frame_mm = _page(doc, report.landscape)
    doc.core_properties.title = report.title
    doc.core_properties.author = "督办台账"
    blocks = list(report.blocks)
    bars = chart_pieces(report)
    backs = iter(blank_backs(report))
    while blocks and isinstance(blocks[0], Masthead):
        _block(doc, blocks.pop(0), frame_mm, title_font, bars)
    _title(doc, report.title, report.subtitle)
    keeping = False  # after a table whose last rows go with the signature
    turned = new_page = False
    kept = g.kept_with_signature(blocks)  # paragraphs going onto the signature's page
    for index, block in enumerate(blocks):
        if isinstance(block, PageBreak) and block.new_document:
            new_document(doc, next(backs, False))
            _title(doc, block.title, block.subtitle)
            continue
        if isinstance(block, PageBreak) and not report.landscape and (block.turned or turned):
            turned = block.turned
            frame_mm = _section(doc, turned)
            continue
        if isinstance(block, PageBreak):
            # Not a break run: after a page-filling chart the break's own paragraph would
            # spill onto a page of its own, blank.  The next block starts the page instead.
            new_page = True
            continue
        if isinstance(block, Table) and not g.signature_after(blocks[index + 1 :]):
            block = replace(block, keep_last=0)  # a table follows: it keeps its rows (PDF too)
        start = len(doc.element.body) - 1  # new content goes in before the final sectPr
        _block(doc, block, frame_mm, title_font, bars)
        if new_page:
            _break_before(doc.element.body[start])
            new_page = False
        if isinstance(block, Table):
            keeping = block.keep_last > 0
        elif isinstance(block, Signature):
            keeping = False
        elif (keeping or index in kept) and isinstance(block, Paragraph):
            doc.paragraphs[-1].paragraph_format.keep_with_next = True
    doc.save(str(target) if isinstance(target, Path) else target)
