"""The report dialog and the print preview, offscreen: work off the GUI thread, every page painted."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

from importers.reports.pdf import pdf_bytes
from tracker.database_settings import BULLETIN_RECIPIENTS
from tracker.reports.report_service import ReportRequest
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from ui.reports.pdf_preview import MAX_DPI, RERENDER_RATIO, PdfPagePainter, preview_dialog
from ui.reports.report_preview import ReportDialog


@pytest.fixture
def dialog(qtbot, services: Services) -> ReportDialog:  # type: ignore[no-untyped-def]
    RoundService(services.store).create("2021年第3季度", date(2021, 9, 30))
    made = ReportDialog(
        services.reports,
        RoundService(services.store),
        services.units,
        today=services.store.clock.today(),
    )
    qtbot.addWidget(made)
    return made


def ledger_pdf(services: Services) -> bytes:
    report = services.reports.build(ReportRequest("ledger"))
    report.blocks = report.blocks * 8  # a few pages
    return pdf_bytes(report)


def test_preview_paints_every_page_on_the_printer(
    qtbot, services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pdf = ledger_pdf(services)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 2
    painter = PdfPagePainter(pdf)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    painter.setup(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    painter.paint(printer)
    assert painter.painted == pages
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == pages
    box = printed.pages[0].mediabox
    assert box.width > box.height  # the ledger is landscape


def test_preview_dialog_opens_and_paints_the_pages(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    pdf = ledger_pdf(services)
    seen: list[int] = []

    def fake_exec(self: QPrintPreviewDialog) -> int:
        self.show()
        qtbot.waitUntil(lambda: self.pdf_pages.painted == self.property("pages"), timeout=10000)
        seen.append(self.pdf_pages.painted)
        self.close()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    dialog = preview_dialog(pdf)
    qtbot.addWidget(dialog)
    dialog.exec()
    assert seen == [dialog.property("pages")] and seen[0] >= 2


def test_dialog_saves_pdf_and_word_off_the_gui_thread(
    qtbot, dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    for suffix, button in ((".pdf", dialog.save_pdf), (".docx", dialog.save_docx)):
        target = tmp_path / f"通报{suffix}"
        monkeypatch.setattr(dialog, "choose_file", lambda _s, t=target: t)
        with qtbot.waitSignal(dialog.saved, timeout=20000) as saved:
            button.click()
            assert not button.isEnabled()  # busy while the worker runs
        assert saved.args == [str(target)] and target.stat().st_size > 1000
        assert button.isEnabled()


def test_dialog_preview_and_user_errors(
    qtbot, dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    opened: list[int] = []
    monkeypatch.setattr(
        QPrintPreviewDialog, "exec", lambda self: opened.append(self.property("pages")) or 0
    )
    dialog.kind.setCurrentIndex(dialog.kind.findData("unit"))
    dialog.unit.setCurrentText("公安厅")
    dialog.preview.click()
    qtbot.waitUntil(lambda: opened == [1], timeout=20000)
    assert dialog.last_pdf is not None and dialog.last_pdf.startswith(b"%PDF")

    dialog.kind.setCurrentIndex(dialog.kind.findData("chaser"))
    dialog.unit.setCurrentText("")
    dialog.preview.click()  # asked for the unit before any work starts (no CLI flag named)
    assert messages == [("warning", "This report is for one unit: choose the unit first.")]
    assert opened == [1] and dialog.preview.isEnabled()


def test_the_clerks_bulletin_text_is_printed_and_kept_with_the_issued_bulletin(
    qtbot, dialog: ReportDialog, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from importers.reports.model import Paragraph
    from tracker.reports.bulletins import BulletinService

    dialog.kind.setCurrentIndex(dialog.kind.findData("bulletin"))
    assert dialog.achievements.isEnabled() and not dialog.current.isEnabled()
    dialog.recipients.setText("各市、县（区）人民政府")
    dialog.achievements.setPlainText("自治区公安厅：企业开办一日办结。\n\n")
    dialog.note.setPlainText("请各单位抓紧整改。")
    target = tmp_path / "通报.pdf"
    monkeypatch.setattr(dialog, "choose_file", lambda _s: target)
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.save_pdf.click()
    bulletins = BulletinService(services.store)
    assert [b.number for b in bulletins.issued()] == [1]
    stored = [b.text for b in bulletins.reprint(2021, 1).blocks if isinstance(b, Paragraph)]
    assert stored[0] == "各市、县（区）人民政府："
    assert "自治区公安厅：企业开办一日办结。" in stored and "请各单位抓紧整改。" in stored
    assert services.settings.get(BULLETIN_RECIPIENTS) == "各市、县（区）人民政府"
    dialog.kind.setCurrentIndex(dialog.kind.findData("ledger"))
    assert dialog.current.isEnabled() and not dialog.achievements.isEnabled()


def test_printing_a_bulletin_from_the_preview_issues_it(
    qtbot, dialog: ReportDialog, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    from tracker.reports.bulletins import BulletinService

    results = iter([QDialog.DialogCode.Rejected, QDialog.DialogCode.Accepted])
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: next(results))
    dialog.kind.setCurrentIndex(dialog.kind.findData("bulletin"))
    for expected in ([], [1]):  # closed without printing, then printed
        dialog.last_pdf = None
        dialog.preview.click()
        qtbot.waitUntil(
            lambda: dialog.last_pdf is not None and dialog.preview.isEnabled(), timeout=20000
        )
        assert [b.number for b in BulletinService(services.store).issued()] == expected


def test_save_offers_a_name_in_the_last_reports_folder(
    dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []
    kept = tmp_path / "报告"
    kept.mkdir()

    def answer(_parent, _title, start, _filters):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(kept / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    dialog.kind.setCurrentIndex(dialog.kind.findData("bulletin"))
    assert dialog.choose_file(".pdf") == kept / "工作进展情况通报_2021年第3季度.pdf"
    dialog.kind.setCurrentIndex(dialog.kind.findData("chaser"))
    dialog.unit.setCurrentText("自治区财政厅")
    assert dialog.choose_file(".docx") == kept / "催办单_自治区财政厅.docx"
    assert Path(offered[0]).name == "工作进展情况通报_2021年第3季度.pdf"
    assert offered[1] == str(kept / "催办单_自治区财政厅.docx")  # the folder used last


def test_the_clerk_picks_and_rewords_the_achievements_from_the_rounds_facts(
    qtbot, dialog: ReportDialog, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from importers.reports.model import Paragraph
    from tracker.progress.progress_service import Change, Provenance
    from tracker.reports.bulletins import BulletinService
    from tracker.statuses import Status

    with services.store.reading() as session:
        round_id = RoundService(services.store).find(session, "2021年第3季度").id
    row = next(r for r in services.overview.assignments() if r.unit == "自治区公安厅")
    change = Change(status=Status.DONE, note="企业开办一日办结")
    services.progress.record(row.id, change, source=Provenance("台账", round_id))
    dialog.kind.setCurrentIndex(dialog.kind.findData("bulletin"))
    assert dialog.request().achievements is None  # nothing offered or written: the defaults
    dialog.quote.click()
    qtbot.waitUntil(lambda: dialog.facts.count() == 2 and dialog.quote.isEnabled(), timeout=20000)
    items = [dialog.facts.item(n) for n in range(2)]
    assert [(i.text(), i.checkState()) for i in items] == [
        (
            "截至2021年7月1日，1个单位完成任务1项：自治区公安厅（1项），完成率50.0%。",
            Qt.CheckState.Checked,
        ),
        ("自治区公安厅：企业开办一日办结。", Qt.CheckState.Checked),
    ]
    items[0].setCheckState(Qt.CheckState.Unchecked)
    items[1].setText("自治区公安厅：企业开办实现一日办结。")  # what an edit in place leaves
    dialog.achievements.setPlainText("银川市：政务服务事项全部网上可办。\n")
    assert dialog.request().achievements == (
        "自治区公安厅：企业开办实现一日办结。",
        "银川市：政务服务事项全部网上可办。",
    )
    target = tmp_path / "通报.pdf"
    monkeypatch.setattr(dialog, "choose_file", lambda _s: target)
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.save_pdf.click()
    stored = BulletinService(services.store).reprint(2021, 1).blocks
    paragraphs = [b.text for b in stored if isinstance(b, Paragraph)]
    start = paragraphs.index("自治区公安厅：企业开办实现一日办结。")
    assert paragraphs[start + 1] == "银川市：政务服务事项全部网上可办。"
    assert not any("1个单位完成任务1项" in p for p in paragraphs)
    dialog.round.setCurrentIndex(-1)
    assert dialog.facts.count() == 0  # another round: its own facts, offered anew


def ruled_pdf(lines: int) -> bytes:
    """An A4 landscape page with ``lines`` hairlines (0.5 pt) across, 37 pt apart."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=landscape(A4))
    page.setLineWidth(0.5)
    width, _height = landscape(A4)
    for n in range(lines):
        page.line(50, 100 + n * 37, width - 50, 100 + n * 37)
    page.showPage()
    page.save()
    return buffer.getvalue()


def lines_seen(preview: QPrintPreviewWidget) -> int:
    """The lines crossing the middle of the page on screen, top to bottom: each a run of
    grey pixels on the white page at least half black at its darkest (a line between two
    pixel rows is shared by both)."""
    from PySide6.QtWidgets import QGraphicsView

    view = preview.findChild(QGraphicsView)
    image = view.viewport().grab().toImage()
    x = image.width() // 2
    column = [image.pixelColor(x, y).lightness() for y in range(image.height())]
    white = [y for y, value in enumerate(column) if value == 255]
    page = column[white[0] : white[-1] + 1]
    lines, run = 0, [255]
    for value in [*page, 255]:
        if value < 250:
            run.append(value)
            continue
        lines += min(run) <= 140
        run = [255]
    return lines


def test_the_preview_opens_at_the_pages_width_and_draws_every_line_at_every_zoom(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = preview_dialog(ruled_pdf(10), None, "工作台账_2021年第3季度.pdf")
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    fit_width = next(a for a in dialog.findChildren(QAction) if a.objectName() == "fitWidthAction")
    assert fit_width.isChecked()
    assert dialog.pdf_printer.docName() == "工作台账_2021年第3季度"  # "print to PDF" offers it
    for zoom in (None, 0.6, 0.3, 0.15):
        if zoom is not None:
            preview.setZoomFactor(zoom)
        wanted = min(preview.zoomFactor() * 96 * preview.devicePixelRatioF(), MAX_DPI)
        qtbot.waitUntil(  # rendered again once the zoom moved far enough
            lambda w=wanted: (
                max(w / dialog.pdf_pages.rendered_dpi, dialog.pdf_pages.rendered_dpi / w)
                <= RERENDER_RATIO
            )
        )
        qtbot.wait(50)
        assert lines_seen(preview) == 10, zoom


def test_the_previews_save_as_pdf_offers_the_reports_name_in_the_last_folder(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    kept = tmp_path / "报告"
    kept.mkdir()
    offered: list[str] = []

    def answer(_parent, _title, start, _filters):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(kept / Path(start).stem), ""  # the clerk's folder, the name without .pdf

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    pdf = ruled_pdf(3)
    for name in ("工作进展情况通报_2021年第3季度.pdf", "催办单_自治区财政厅.pdf"):
        dialog = preview_dialog(pdf, None, name)
        qtbot.addWidget(dialog)
        dialog.save_action.trigger()
        assert (kept / name).read_bytes() == pdf
    assert Path(offered[0]).name == "工作进展情况通报_2021年第3季度.pdf"
    assert offered[1] == str(kept / "催办单_自治区财政厅.pdf")  # where the last one went


def test_a_bulletin_saved_as_pdf_and_word_and_printed_is_one_issue(
    qtbot, dialog: ReportDialog, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The clerk saves the bulletin as PDF, then as Word, then prints it from the preview:
    the same 第1期 three times, issued once; edited afterwards, it is the next issue."""
    import docx
    from PySide6.QtWidgets import QDialog

    from tracker.reports.bulletins import BulletinService

    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog.kind.setCurrentIndex(dialog.kind.findData("bulletin"))

    def save(suffix: str, name: str) -> Path:
        target = tmp_path / f"{name}{suffix}"
        monkeypatch.setattr(dialog, "choose_file", lambda _s: target)
        button = dialog.save_pdf if suffix == ".pdf" else dialog.save_docx
        with qtbot.waitSignal(dialog.saved, timeout=20000):
            button.click()
        return target

    def pdf_number(pdf: bytes) -> str:
        text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        return next(line.strip() for line in text.splitlines() if line.strip().startswith("第"))

    pdf = save(".pdf", "通报")
    word = save(".docx", "通报")
    dialog.last_pdf = None
    dialog.preview.click()
    qtbot.waitUntil(
        lambda: dialog.last_pdf is not None and dialog.preview.isEnabled(), timeout=20000
    )
    assert pdf_number(pdf.read_bytes()) == "第1期"
    assert docx.Document(str(word)).paragraphs[1].text == "第1期"
    assert dialog.last_pdf is not None and pdf_number(dialog.last_pdf) == "第1期"
    assert [b.number for b in BulletinService(services.store).issued()] == [1]

    dialog.note.setPlainText("请各单位抓紧整改。")
    assert pdf_number(save(".pdf", "通报_改").read_bytes()) == "第2期"
    assert [b.number for b in BulletinService(services.store).issued()] == [2, 1]
