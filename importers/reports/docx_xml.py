"""WordprocessingML properties put where the schema wants them.

python-docx places the properties it knows in schema order; those it does not
(character spacing, grid snapping, shading, borders, cell margins, automatic
spacing between Chinese and Latin text) are added here in the same order.  Word
refuses a file whose property elements are out of order ("unreadable content"),
even when LibreOffice opens it.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_ORDER = {
    "w:pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
        "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ),
    "w:rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
        "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
        "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
    ),
    "w:tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription"
    ),
    "w:sectPr": (
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
        "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection "
        "bidi rtlGutter docGrid printerSettings sectPrChange"
    ),
    "w:tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
        "tcFitText vAlign hideMark"
    ),
}
ORDER = {qn(parent): [qn(f"w:{tag}") for tag in tags.split()] for parent, tags in _ORDER.items()}


def put(parent: Any, tag: str, **attributes: str) -> Any:
    """``parent``'s ``tag`` child (replacing one already there) with ``attributes``
    (``w:`` names), inserted in schema order; returns it."""
    node = OxmlElement(tag)
    for key, value in attributes.items():
        node.set(qn(f"w:{key}"), value)
    return put_element(parent, node)


def put_element(parent: Any, node: Any) -> Any:
    """``node`` as ``parent``'s child of its kind, in schema order; returns it."""
    old = parent.find(node.tag)
    if old is not None:
        parent.replace(old, node)
        return node
    order = ORDER[parent.tag]
    after = order[order.index(node.tag) + 1 :]
    for child in parent:
        if child.tag in after:
            child.addprevious(node)
            return node
    parent.append(node)
    return node
