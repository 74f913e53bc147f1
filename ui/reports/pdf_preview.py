"""The print preview of a report's PDF, as an office program shows one.

It opens at the page's width (not a whole page at 40 %), and every table line
is drawn at every zoom: pdfium renders each page at the resolution it is seen at
(``PdfPagePainter.paint``: on screen, the zoom times the screen's pixels per
inch; on paper, the printer's, at most ``MAX_DPI``), so a hairline is at least a
device pixel wide instead of being scaled away from a 300 dpi picture.  When the
clerk zooms, the pages are rendered again (``ZoomFollower``).  "Save as PDF…"
on its toolbar writes the report's own PDF, offered as ``<report>_<round>.pdf``
in the folder reports were last saved to; the printer's document name is the
same, which the system's "print to PDF" offers as its file name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped]
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QGraphicsView, QToolBar, QWidget

from ui.messages import warn
from ui.settings.folders import save_file

translate = QCoreApplication.translate
log = logging.getLogger(__name__)
MAX_DPI = 300
"""Pages are rendered at most this finely: enough for print, bounded memory at 1200 dpi."""
SCREEN_DPI = 96.0
"""Qt's preview shows a page at zoom 1.0 with this many logical pixels per inch."""
RERENDER_RATIO = 1.15
"""Render again once the zoom has moved the needed resolution this far from the last one."""


class PdfPagePainter:
    """Paints a PDF's pages onto a printer (the preview's or a real one), one per sheet."""

    def __init__(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.painted = 0
        self.rendered_dpi = 0.0
        """The resolution of the last pages painted."""
        self.screen_dpi: Callable[[], float] = lambda: float(MAX_DPI)
        """For the preview: the pixels per inch a page is seen at now (set by the dialog)."""

    def page_count(self) -> int:
        doc = pypdfium2.PdfDocument(self.pdf)
        try:
            return len(doc)
        finally:
            doc.close()

    def setup(self, printer: QPrinter) -> None:
        """A4, no extra margins (the PDF has its own), orientation of the first page."""
        doc = pypdfium2.PdfDocument(self.pdf)
        try:
            width, height = doc[0].get_size()
        finally:
            doc.close()
        orientation = (
            QPageLayout.Orientation.Landscape
            if width > height
            else QPageLayout.Orientation.Portrait
        )
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(orientation)
        printer.setFullPage(True)

    def paint(self, printer: QPrinter) -> None:
        self.painted = 0
        painter = QPainter()
        if not painter.begin(printer):
            log.warning("cannot paint on the printer")
            return
        on_screen = painter.paintEngine().type() == QPaintEngine.Type.Picture  # the preview
        dpi = min(self.screen_dpi() if on_screen else printer.resolution(), MAX_DPI)
        self.rendered_dpi = dpi
        doc = pypdfium2.PdfDocument(self.pdf)
        try:
            target = printer.paperRect(QPrinter.Unit.DevicePixel)
            for index in range(len(doc)):
                if index:
                    printer.newPage()
                bitmap = doc[index].render(scale=dpi / 72, rev_byteorder=True)
                image = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGB888,
                ).copy()
                painter.drawImage(target, image)
                self.painted += 1
        finally:
            doc.close()
            painter.end()


class ZoomFollower(QObject):
    """Renders the preview's pages again when the clerk zoomed far from what was rendered.

    The preview widget says nothing when it is zoomed in or out, so its view is watched
    as it paints; the new rendering is asked for once that paint is over.
    """

    def __init__(self, preview: QPrintPreviewWidget, pages: PdfPagePainter) -> None:
        super().__init__(preview)
        self.preview = preview
        self.pages = pages
        self.scheduled = False
        pages.screen_dpi = self.seen_dpi
        view = preview.findChild(QGraphicsView)
        if view is not None:
            view.viewport().installEventFilter(self)

    def seen_dpi(self) -> float:
        """The device pixels per inch of a page at the preview's zoom."""
        return self.preview.zoomFactor() * SCREEN_DPI * self.preview.devicePixelRatioF()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.scheduled and self._stale():
            self.scheduled = True
            QTimer.singleShot(0, self._render_again)
        return False

    def _stale(self) -> bool:
        rendered = self.pages.rendered_dpi
        wanted = min(self.seen_dpi(), MAX_DPI)
        if not rendered or wanted <= 0:
            return False
        return max(wanted / rendered, rendered / wanted) > RERENDER_RATIO

    def _render_again(self) -> None:
        self.scheduled = False
        if self._stale():
            self.preview.updatePreview()


def preview_dialog(
    pdf: bytes, parent: QWidget | None = None, name: str = ""
) -> QPrintPreviewDialog:
    """A print preview of ``pdf`` at the page's width, ready to ``exec()``; the clerk prints
    from it, or saves the PDF (offered as ``name``, e.g. ``工作进展情况通报_2021年第3季度.pdf``)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    pages = PdfPagePainter(pdf)
    pages.setup(printer)
    if name:
        printer.setDocName(Path(name).stem)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("ReportDialog", "Print preview"))
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None  # (the dialog is made of one)
    follower = ZoomFollower(preview, pages)
    dialog.paintRequested.connect(pages.paint)
    dialog.setProperty("pages", pages.page_count())
    fit_width = next(
        (a for a in dialog.findChildren(QAction) if a.objectName() == "fitWidthAction"), None
    )
    if fit_width is not None:
        fit_width.setChecked(True)  # the toolbar shows the mode the preview opens in
    preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
    save = QAction(translate("ReportDialog", "Save as PDF…"), dialog)
    save.setObjectName("save_pdf")
    save.triggered.connect(lambda: save_pdf(dialog, pdf, name or "report.pdf"))
    toolbar = dialog.findChild(QToolBar)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addAction(save)
    # The dialog only points at these: Python must keep them alive as long as it lives.
    dialog.pdf_pages = pages  # type: ignore[attr-defined]
    dialog.pdf_printer = printer  # type: ignore[attr-defined]
    dialog.zoom_follower = follower  # type: ignore[attr-defined]
    dialog.save_action = save  # type: ignore[attr-defined]
    return dialog


def save_pdf(parent: QWidget, pdf: bytes, name: str) -> Path | None:
    """Write ``pdf`` where the clerk says, offered as ``name`` in the last reports folder."""
    path = save_file(
        parent,
        "reports",
        translate("ReportDialog", "Save report"),
        name,
        translate("ReportDialog", "PDF (*.pdf)"),
    )
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        warn(
            parent,
            translate("ReportDialog", "Could not save {0}: {1}").format(
                path.name, exc.strerror or exc
            ),
        )
        return None
    return path
