"""Word pieces placed as GB/T 9704 places them: page-number footers, signature, masthead.

Page numbers are PAGE fields between em dashes in 4号 宋体, right on odd pages
and left on even ones (one character in), the footer set so the dashes come
7 mm under the text block.  The sender and date use the same offsets as the PDF
(``pdf_blocks.signature_offsets``), measured on the grid: a CJK character one
pitch, a digit or Latin letter half of one.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from importers.reports import gbt9704 as g
from importers.reports.docx_xml import put_element
from importers.reports.model import Masthead, Signature
from importers.reports.pdf_blocks import MASTHEAD_SIZE, signature_offsets

SONG_FONT = "宋体"
RED = RGBColor(0xE6, 0x00, 0x12)


def set_fonts(run: Any, east_asia: str, size: float | None = None) -> None:
    """A run's Latin (Times New Roman) and East Asian fonts, and its size."""
    run.font.name = "Times New Roman"
    if size is not None:
        run.font.size = Pt(size)
    r_pr = run.element.get_or_add_rPr()
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, r_fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        r_fonts.attrib.pop(qn(theme), None)
    r_fonts.set(qn("w:eastAsia"), east_asia)


def field(paragraph: Any, instruction: str, font: str, size: float) -> None:
    """A field (PAGE), with "1" shown until Word updates it."""
    for kind, text in (
        ("begin", None),
        ("instr", f" {instruction} "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        set_fonts(run, font, size)
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


def number_runs(paragraph: Any, odd: bool) -> None:
    """ "— n —" in 4号 宋体 with a PAGE field, one character in from the outer side."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    indent = Pt(g.NUMBER_SIZE)  # one 4号 character in from the outer edge
    if odd:
        paragraph.paragraph_format.right_indent = indent
    else:
        paragraph.paragraph_format.left_indent = indent
    set_fonts(paragraph.add_run("— "), SONG_FONT, g.NUMBER_SIZE)
    field(paragraph, "PAGE", SONG_FONT, g.NUMBER_SIZE)
    set_fonts(paragraph.add_run(" —"), SONG_FONT, g.NUMBER_SIZE)


def page_numbers(doc: Any, section: Any, bottom_mm: float) -> None:
    """``section``'s odd and even footers with "— n —" on the outer side (§7.5)."""
    doc.settings.odd_and_even_pages_header_footer = True
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    # The footer's bottom: the dashes 7 mm under the block, the line ≈ 1.2 em high.
    dash_mm = g.NUMBER_GAP_MM + (1.2 - g.DASH_RAISE) * g.NUMBER_SIZE / g.MM
    section.footer_distance = Mm(max(bottom_mm - dash_mm, 5))
    number_runs(section.footer.paragraphs[0], odd=True)
    number_runs(section.even_page_footer.paragraphs[0], odd=False)


def grid_chars(text: str) -> float:
    """``text``'s width in grid characters: full-width 1, half-width ½."""
    return sum(0.5 if unicodedata.east_asian_width(c) in ("Na", "H") else 1.0 for c in text)


def signature(doc: Any, block: Signature, font: str, line_mm: float) -> None:
    """A blank line, the sender, the date (same offsets as the PDF)."""
    char = g.CHAR_PITCH
    office_x, day_x = signature_offsets(
        grid_chars(block.office) * char, grid_chars(block.day) * char, char, line_mm * g.MM
    )
    doc.add_paragraph().paragraph_format.keep_with_next = True
    for x, text in ((office_x, block.office), (day_x, block.day)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.left_indent = Pt(x)
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.keep_with_next = text == block.office
        set_fonts(p.add_run(text), font, g.BODY_SIZE)


def masthead(doc: Any, block: Masthead, title_font: str, body_font: str, line_mm: float) -> None:
    """The name in red, 第X期, then office and date on a line with a red rule under it."""
    name = doc.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    name.paragraph_format.first_line_indent = Pt(0)
    name.paragraph_format.line_spacing = Pt(MASTHEAD_SIZE * 1.4)
    run = name.add_run(block.name)
    set_fonts(run, title_font, MASTHEAD_SIZE)
    run.font.color.rgb = RED
    number = doc.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.paragraph_format.first_line_indent = Pt(0)
    set_fonts(number.add_run(block.number), body_font, g.BODY_SIZE)
    line = doc.add_paragraph()
    line.paragraph_format.first_line_indent = Pt(0)
    line.paragraph_format.tab_stops.add_tab_stop(
        Mm(line_mm) - Pt(g.CHAR_PITCH), WD_TAB_ALIGNMENT.RIGHT
    )
    set_fonts(line.add_run(f"\u3000{block.office}\t{block.day}"), body_font, g.BODY_SIZE)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    rule = (("w:val", "single"), ("w:sz", "12"), ("w:space", "4"), ("w:color", "E60012"))
    for key, value in rule:
        bottom.set(qn(key), value)
    borders.append(bottom)
    put_element(line._p.get_or_add_pPr(), borders)
