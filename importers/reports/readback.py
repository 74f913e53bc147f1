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


def libreoffice_pdf(docx: Path, outdir: Path) -> Path:
    """``docx`` laid out by LibreOffice (``soffice --headless``) as a PDF in ``outdir``:
    a stand-in for Word where Word is not installed, to count and measure its pages.
    LibreOffice runs with a profile of its own in ``outdir``, so concurrent runs and an
    open LibreOffice do not collide.  Raises ``FileNotFoundError`` without ``soffice``."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        raise FileNotFoundError("soffice")
    profile = (outdir / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        capture_output=True,
        timeout=240,
        check=True,
    )
    return outdir / f"{docx.stem}.pdf"
