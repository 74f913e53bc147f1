"""A combined print in Word (the chasers' 合订): each document a section of its own from a
new page, numbered from 1, on the front of a sheet where the PDF puts it there.

Word takes a page for odd or even by its number, and each document's numbers restart at
1: an odd-page section break would never leave the back of the one before blank.  The
PDF lays the documents out alike and says where it leaves a page blank
(``pdf.blank_backs``); the Word file leaves the same ones.
"""

from __future__ import annotations

import contextlib
from copy import deepcopy
from typing import Any

from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn

from importers.reports.docx_xml import put, put_element
from importers.reports.fonts import ReportFontError
from importers.reports.model import PageBreak, ReportDocument


def blank_backs(report: ReportDocument) -> list[bool]:
    """Where the PDF leaves a page blank before a combined print's next document; nothing
    known without fonts or such documents (nothing laid out twice then)."""
    if not any(isinstance(b, PageBreak) and b.new_document for b in report.blocks):
        return []
    from importers.reports.pdf import blank_backs as laid_out

    with contextlib.suppress(ReportFontError):
        return laid_out(report)
    return []


def new_document(doc: Any, blank_back: bool) -> None:
    """The next document of a combined print: a section from a new page, numbered from 1,
    after a blank page where the PDF leaves one (``pdf.blank_backs``: Word takes a page
    numbered 1 for odd wherever it falls).  The section before ends in its last paragraph
    (a table's spacer): a paragraph of its own could spill onto a page of its own."""
    if blank_back:  # the section ends on the blank page, in a paragraph of its own
        doc.add_page_break()
    last = doc.element.body[-2]  # (the body's own sectPr is its last child)
    if blank_back or last.tag != qn("w:p"):  # (a space: LibreOffice drops an empty one)
        last = doc.add_paragraph(" " if blank_back else "")._p
    body = doc.sections[-1]._sectPr
    put_element(last.get_or_add_pPr(), deepcopy(body))  # ends the section before
    for reference in body.xpath("w:headerReference|w:footerReference"):
        body.remove(reference)  # the new section's footers: the ones before
    doc.sections[-1].start_type = WD_SECTION.NEW_PAGE
    put(body, "w:pgNumType", start="1")
