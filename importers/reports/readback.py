"""A written report read back: what a check of the output (the frozen build's smoke test)
asks of a PDF or Word file, kept with the other report formats."""

from __future__ import annotations

from pathlib import Path


def pdf_page_count(path: Path) -> int:
    """The page count as the print preview's pdfium sees it (its native library loads)."""
    import pypdfium2  # type: ignore[import-untyped]

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def docx_picture_count(path: Path) -> int:
    """The pictures in a Word file's text (a bulletin's charts)."""
    from docx import Document

    return len(Document(str(path)).inline_shapes)
