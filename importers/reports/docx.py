"""Writing a ``ReportDocument`` as a Word file (python-docx) the office can still edit.

Same A4 margins as the PDF; East Asian text gets its own font attribute
(``w:eastAsia``), without which Word would show Chinese in the Latin font's
fallback.  Table header rows are marked to repeat on each page and rows not to
break across pages; the footer holds "第 X 页 共 Y 页" as PAGE/NUMPAGES fields,
which Word fills in.  Fonts are named, not embedded: 黑体 and 仿宋 come with
every Chinese Windows.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from importers.reports import charts
from importers.reports.fonts import ReportFontError, find_fonts
from importers.reports.layout import LANDSCAPE_MARGINS_MM, PORTRAIT_MARGINS_MM, register
from importers.reports.model import (
    Align,
    BarChart,
    Block,
    Heading,
    PageBreak,
    Paragraph,
    ReportDocument,
    Table,
)

HEADING_FONT = "黑体"
BODY_FONT = "仿宋"
LATIN_FONT = "Times New Roman"
TITLE_SIZE, BODY_SIZE = 22, 14
NO_CHART = "（图表未能生成：本机缺少绘图所需的中文字体或组件，请参阅PDF版。）"
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _fonts(target: Any, east_asia: str, size: float | None = None, latin: str = LATIN_FONT) -> None:
    """Set a style's or run's Latin and East Asian fonts (and size)."""
    target.font.name = latin
    if size is not None:
        target.font.size = Pt(size)
    r_pr = target.element.get_or_add_rPr()
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, r_fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        r_fonts.attrib.pop(qn(theme), None)
    r_fonts.set(qn("w:eastAsia"), east_asia)


CELL_STYLE = "Report Cell"


def _styles(doc: Any) -> None:
    normal = doc.styles["Normal"]
    _fonts(normal, BODY_FONT, BODY_SIZE)
    normal.paragraph_format.line_spacing = 1.3
    normal.paragraph_format.space_after = Pt(0)
    for name, font, size, level in (
        ("Report Title", HEADING_FONT, TITLE_SIZE, None),
        ("Report Subtitle", BODY_FONT, BODY_SIZE, None),
        ("Report Heading 1", HEADING_FONT, BODY_SIZE, 0),
        ("Report Heading 2", HEADING_FONT, BODY_SIZE - 1.5, 1),
        (CELL_STYLE, BODY_FONT, 10.5, None),
    ):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _fonts(style, font, size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        if level is not None:
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(level))
            style.element.get_or_add_pPr().append(outline)
            style.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE)
            style.paragraph_format.space_before = Pt(6)
            style.paragraph_format.keep_with_next = True
    doc.styles[CELL_STYLE].paragraph_format.line_spacing = 1.0
    for name in ("Report Title", "Report Subtitle"):
        doc.styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.styles["Report Title"].paragraph_format.space_after = Pt(8)


def _page(doc: Any, landscape: bool) -> None:
    section = doc.sections[0]
    top, bottom, left, right = LANDSCAPE_MARGINS_MM if landscape else PORTRAIT_MARGINS_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    )
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.footer_distance = Mm(max(bottom - 12, 5))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in ("第 ", "PAGE", " 页 共 ", "NUMPAGES", " 页"):
        if piece.isupper():
            _field(footer, piece)
        else:
            _fonts(footer.add_run(piece), BODY_FONT, 10.5)


def _field(paragraph: Any, instruction: str) -> None:
    """A PAGE / NUMPAGES field, with "1" shown until Word updates it."""
    for kind, text in (
        ("begin", None),
        ("instr", f" {instruction} "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        _fonts(run, BODY_FONT, 10.5)
        if kind == "instr":
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = text
        elif kind == "text":
            node = OxmlElement("w:t")
            node.text = text
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        run._r.append(node)


def _row_flag(row: Any, tag: str) -> None:
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _cell(cell: Any, text: str, align: Align, width: Any, header: bool, style_id: str) -> None:
    cell.width = width
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    paragraph = cell.paragraphs[0]
    # The style by its id: ``paragraph.style = name`` looks the name up among every
    # style of the document, cell after cell (half the time of a long report).
    paragraph._p.get_or_add_pPr().style = style_id
    paragraph.alignment = _ALIGN["center" if header else align]
    run = paragraph.add_run(text)
    if header:
        _fonts(run, HEADING_FONT)
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:fill"), "E7E6E6")
        cell._tc.get_or_add_tcPr().append(shade)


def _table(doc: Any, model: Table, frame_mm: float) -> None:
    total = sum(c.width for c in model.columns) or 1.0
    widths = [Mm(frame_mm * c.width / total) for c in model.columns]
    table = doc.add_table(rows=1, cols=len(model.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    style_id = doc.styles[CELL_STYLE].style_id
    header = table.rows[0]
    _row_flag(header, "w:tblHeader")
    _row_flag(header, "w:cantSplit")
    for cell, column, width in zip(header.cells, model.columns, widths, strict=True):
        _cell(cell, column.header, column.align, width, True, style_id)
    for values in model.rows:
        row = table.add_row()
        _row_flag(row, "w:cantSplit")
        for cell, text, column, width in zip(row.cells, values, model.columns, widths, strict=True):
            _cell(cell, text, column.align, width, False, style_id)
    doc.add_paragraph()


def _chart(doc: Any, chart: BarChart, frame_mm: float) -> None:
    from importers.reports.chart_png import png

    if charts.is_empty(chart):
        return
    try:
        names = register(find_fonts())
    except ReportFontError:
        doc.add_paragraph(NO_CHART)
        return
    for drawing in charts.drawings(chart, frame_mm / 25.4 * 72, names):
        picture = png(drawing)
        if picture is None:
            doc.add_paragraph(NO_CHART)
            return
        doc.add_picture(io.BytesIO(picture), width=Mm(frame_mm))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _block(doc: Any, block: Block, frame_mm: float) -> None:
    if isinstance(block, Paragraph):
        p = doc.add_paragraph()
        p.alignment = _ALIGN[block.align]
        if block.indent:
            p.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE)
        run = p.add_run(block.text)
        if block.bold:
            _fonts(run, HEADING_FONT)
    elif isinstance(block, Heading):
        doc.add_paragraph(block.text, style=f"Report Heading {min(max(block.level, 1), 2)}")
    elif isinstance(block, Table):
        _table(doc, block, frame_mm)
    elif isinstance(block, BarChart):
        _chart(doc, block, frame_mm)
    elif isinstance(block, PageBreak):
        doc.add_page_break()


def write_docx(report: ReportDocument, target: Path | BinaryIO) -> None:
    doc = Document()
    _styles(doc)
    _page(doc, report.landscape)
    _, _, left, right = LANDSCAPE_MARGINS_MM if report.landscape else PORTRAIT_MARGINS_MM
    frame_mm = (297 if report.landscape else 210) - left - right
    doc.core_properties.title = report.title
    doc.core_properties.author = "督办台账"
    doc.add_paragraph(report.title, style="Report Title")
    for line in report.subtitle:
        doc.add_paragraph(line, style="Report Subtitle")
    for block in report.blocks:
        _block(doc, block, frame_mm)
    doc.save(str(target) if isinstance(target, Path) else target)
