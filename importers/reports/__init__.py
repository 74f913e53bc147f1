"""Printed reports out: a ``ReportDocument`` (``model.py``) written as PDF or Word.

``tracker.reports.report_service`` gathers the data and builds the document; ``pdf.py``
(reportlab) and ``docx.py`` (python-docx) lay it out on A4 paper with the
official-document margins and fonts that ``fonts.py`` finds on this machine.
"""

from importers.reports.fonts import ReportFontError, find_fonts
from importers.reports.model import (
    BarChart,
    Column,
    Heading,
    PageBreak,
    Paragraph,
    ReportDocument,
    Series,
    Table,
)

__all__ = [
    "BarChart",
    "Column",
    "Heading",
    "PageBreak",
    "Paragraph",
    "ReportDocument",
    "ReportFontError",
    "Series",
    "Table",
    "find_fonts",
]
