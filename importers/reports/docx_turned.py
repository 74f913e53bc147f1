"""Page numbers of a turned (landscape) page in a portrait Word document (GB/T 9704 §8).

A landscape table page is bound and read with the portrait pages, so its
number stays where a portrait page has it: on the sheet's portrait bottom edge,
outer side, turned with the sheet — as the PDF draws it (``pdf._numbered_canvas``).
A footer cannot turn its text, so the number is a text box anchored to the page
in the turned section's footers, its text running top to bottom (``vert``): on
an odd page near the sheet's lower left corner, on an even page near the upper
left.  The footer paragraph holding the anchor is 1 pt high and takes no room
from the table.
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from importers.reports import gbt9704 as g
from importers.reports.docx_blocks import number_runs
from importers.reports.layout import PORTRAIT_MARGINS_MM

WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    f'xmlns:wps="{WPS}"'
)
BOX_MM = 8.0
"""The text box's width on the landscape page (its text's line height, with room)."""
FOOTER_MM = 10.0
"""The turned section's footer distance: its 1 pt anchor line stays far below the table."""
_BOX = """<w:r {ns}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"
 relativeHeight="{depth}" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>
<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{id}" name="页码{id}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="{wps}"><wps:wsp><wps:cNvSpPr txBox="1"/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent><w:p/></w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"
 anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"""


def box_geometry() -> tuple[float, float, float, float]:
    """The number's box on the landscape page, in mm: (left, top, width, height).

    The portrait sheet turned: a point ``X`` mm from its left edge and ``Y`` mm above
    its bottom edge lies ``Y`` mm from the landscape page's left edge and ``X`` mm from
    its top.  The box spans the text block's width (portrait) and is centred on the
    dashes, ``NUMBER_GAP_MM`` under the block."""
    _, bottom, left, right = PORTRAIT_MARGINS_MM
    dashes = bottom - g.NUMBER_GAP_MM
    return dashes - BOX_MM / 2, left, BOX_MM, g.PAGE_MM[0] - left - right


def _emu(mm: float) -> int:
    return int(Mm(mm))


def _box(paragraph: Any, odd: bool, shape_id: int) -> None:
    x, y, width, height = box_geometry()
    run = parse_xml(
        _BOX.format(
            ns=_NAMESPACES,
            wps=WPS,
            depth=251659264 + shape_id,
            id=shape_id,
            x=_emu(x),
            y=_emu(y),
            cx=_emu(width),
            cy=_emu(height),
        )
    )
    paragraph._p.append(run)
    number = DocxParagraph(run.find(".//" + qn("w:txbxContent"))[0], paragraph._parent)
    number.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    number_runs(number, odd)


def _anchor_line(paragraph: Any) -> None:
    """The footer's own line: 1 pt, so the footer takes no room from the page."""
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = Pt(1)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT


def turned_numbers(section: Any, first_id: int) -> None:
    """Odd and even footers of a turned section: the number in a turned text box."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    section.footer_distance = Mm(FOOTER_MM)
    for n, (footer, odd) in enumerate(((section.footer, True), (section.even_page_footer, False))):
        paragraph = footer.paragraphs[0]
        _anchor_line(paragraph)
        _box(paragraph, odd, first_id + n)
