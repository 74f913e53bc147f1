"""Charts as PNG pictures for the Word file, drawn from the same vector drawings as the PDF.

reportlab's own bitmap renderer needs the optional rlPyCairo package; without
it the drawing is rendered to a one-page PDF and rasterised with pdfium (which
the print preview needs anyway).  If neither works the caller leaves the chart
out and says so in the text.
"""

from __future__ import annotations

import io
import logging

from reportlab.graphics import renderPDF, renderPM  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]

DPI = 200
log = logging.getLogger(__name__)


def _with_render_pm(drawing: Drawing) -> bytes:
    data: bytes = renderPM.drawToString(drawing, fmt="PNG", dpi=DPI)
    return data


def _with_pdfium(drawing: Drawing) -> bytes:
    import pypdfium2  # type: ignore[import-untyped]

    pdf = pypdfium2.PdfDocument(renderPDF.drawToString(drawing))
    try:
        image = pdf[0].render(scale=DPI / 72).to_pil()
    finally:
        pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


def png(drawing: Drawing) -> bytes | None:
    """The drawing as PNG bytes at ``DPI``, or None when no renderer is available."""
    for render in (_with_render_pm, _with_pdfium):
        try:
            return render(drawing)
        except Exception as exc:  # a missing optional backend: try the next one
            log.debug("chart renderer %s unavailable: %s", render.__name__, exc)
    return None
