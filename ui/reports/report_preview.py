"""Printing reports from the window: choose a report, save it as PDF or Word, or preview and print.

The PDF is the one layout: the print preview (``ui.reports.pdf_preview``) shows its
pages, rendered with pdfium, so paper and file look the same.
Gathering the figures and laying out the pages can take seconds on a big
database, so it runs on a worker thread (``QThreadPool``); the dialog stays
responsive and only the finished bytes come back to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from importers.messages import QT_TRANSLATE_NOOP
from importers.reports.model import ReportDocument
from importers.text_clean import safe_file_name
from tracker.errors import UserError
from tracker.reports.report_kinds import KINDS
from tracker.reports.report_service import (
    REPLY_DAYS,
    ReportRequest,
    ReportService,
    save_report,
)
from tracker.rounds.round_service import RoundService
from tracker.units.unit_service import UnitService
from ui.messages import translated, warn
from ui.reports.achievement_list import AchievementList
from ui.reports.pdf_preview import preview_dialog
from ui.settings.folders import save_file

translate = QCoreApplication.translate


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    """Runs ``work`` on a pool thread and reports back through queued signals."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


KIND_LABELS: dict[str, str] = {
    "bulletin": QT_TRANSLATE_NOOP("ReportDialog", "Progress bulletin"),
    "unit": QT_TRANSLATE_NOOP("ReportDialog", "Unit task list"),
    "chaser": QT_TRANSLATE_NOOP("ReportDialog", "Chaser notice"),
    "ledger": QT_TRANSLATE_NOOP("ReportDialog", "Work ledger"),
}
"""Each report's name in the dialog (English here, translated where shown)."""
FILE_NAMES = {
    "bulletin": "工作进展情况通报",
    "unit": "单位任务清单",
    "chaser": "催办单",
    "ledger": "工作台账",
}
"""The start of a saved report's file name: the report's own (Chinese) title."""
FOR_ONE_UNIT = ("unit", "chaser")


class ReportDialog(QDialog):
    """Choose a report and its options; save it as PDF or Word, or preview and print it."""

    saved = Signal(str)
    """A report file was written (its path)."""

    def __init__(
        self,
        reports: ReportService,
        rounds: RoundService,
        units: UnitService,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.reports = reports
        self.pool = QThreadPool(self)  # our own: closing waits for our jobs only
        self.jobs: list[_Job] = []
        self.last_pdf: bytes | None = None
        self.previewed: tuple[ReportRequest, ReportDocument] | None = None
        self.issue: tuple[ReportRequest, ReportDocument] | None = None
        """The bulletin this dialog issued and what was asked: saved or printed again
        unchanged (as Word after PDF), it is the same 第N期, not the next issue."""
        self.setWindowTitle(self.tr("Print a report"))
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(translate("ReportDialog", KIND_LABELS[kind]), kind)
        self.round = QComboBox()
        for r in reversed(rounds.list()):
            self.round.addItem(f"{r.name}（{r.as_of:%Y-%m-%d}）", r.name)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItem("", None)
        for u in units.list():
            if u.assigned:
                self.unit.addItem(u.name, u.name)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("Next steps, one paragraph per line (empty: the standard text)")
        )
        self.facts = AchievementList()
        self.achievements = QPlainTextEdit()
        self.achievements.setPlaceholderText(
            self.tr(
                "Further achievements of your own, one paragraph per line "
                "(with nothing picked or written: the round's facts and notes)"
            )
        )
        self.achievements.setMaximumHeight(6 * self.fontMetrics().lineSpacing())
        for paragraphs in (self.note, self.achievements):  # Tab goes on to the next field
            paragraphs.setTabChangesFocus(True)
        self.quote = QPushButton(self.tr("Offer the round's facts and notes"))
        self.quote.clicked.connect(self._quote_notes)
        self.recipients = QLineEdit(reports.bulletin_text().recipients)
        self.current = QCheckBox(self.tr("Today's values instead of the round's"))
        self.scores = QCheckBox(self.tr("With the round's published assessment scores and ranking"))
        self.reply_by = QDateEdit()
        self.reply_by.setDisplayFormat("yyyy-MM-dd")  # as every other date field of the window
        self.reply_by.setCalendarPopup(True)
        start = (today or date.today()).toordinal() + REPLY_DAYS
        self.reply_by.setDate(QDate(date.fromordinal(start)))
        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Round"), self.round)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Reply by"), self.reply_by)
        form.addRow(self.tr("To (主送)"), self.recipients)
        form.addRow(self.tr("Main achievements"), self.facts)
        form.addRow("", self.quote)
        form.addRow(self.tr("Further achievements"), self.achievements)
        form.addRow(self.tr("Next steps"), self.note)
        form.addRow("", self.scores)
        form.addRow("", self.current)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_pdf = self._button(self.tr("Save as PDF…"), lambda: self._save(".pdf"))
        self.save_docx = self._button(self.tr("Save as Word…"), lambda: self._save(".docx"))
        self.preview = self._button(self.tr("Print preview…"), self._preview)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._enable)
        self.round.currentIndexChanged.connect(self.facts.clear)  # another round's facts
        self._enable()

    def done(self, result: int) -> None:
        """Close only after a running report has finished (its result needs this dialog)."""
        self.pool.waitForDone()
        super().done(result)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    def _enable(self) -> None:
        kind = self.kind.currentData()
        self.round.setEnabled(kind in ("bulletin", "ledger"))
        self.unit.setEnabled(kind != "bulletin")
        bulletin_only = (self.note, self.facts, self.achievements, self.quote, self.recipients)
        for widget in (*bulletin_only, self.scores):
            widget.setEnabled(kind == "bulletin")
        self.reply_by.setEnabled(kind == "chaser")
        self.current.setEnabled(kind == "ledger")

    def request(self) -> ReportRequest:
        unit = self.unit.currentText().strip() or None
        return ReportRequest(
            kind=self.kind.currentData(),
            round_name=self.round.currentData(),
            unit=unit,
            note=self.note.toPlainText(),
            reply_by=self.reply_by.date().toPython(),  # type: ignore[arg-type]
            current=self.current.isChecked(),
            achievements=self.picked_achievements(),
            recipients=self.recipients.text(),
            scores=self.scores.isChecked(),
        )

    def picked_achievements(self) -> tuple[str, ...] | None:
        """主要成效: the ticked facts and notes, then the clerk's own paragraphs; None (the
        defaults) while the list was not offered and nothing is written."""
        own = [line for line in self.achievements.toPlainText().splitlines() if line.strip()]
        if not self.facts.count() and not own:
            return None
        return (*self.facts.picked(), *own)

    def _quote_notes(self) -> None:
        """Offer the round's facts and notes in the pick list, ticked as printed by default."""
        round_name = self.round.currentData()
        self.run(
            lambda: self.reports.achievement_choices(round_name),
            self.facts.show_choices,
        )

    def build(self) -> ReportDocument:
        return self.reports.build(self.request())

    # -- running off the GUI thread ----------------------------------------------------------
    def run(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        for button in (self.save_pdf, self.save_docx, self.preview, self.quote):
            button.setEnabled(False)
        job = _Job(work)
        job.setAutoDelete(False)
        self.jobs.append(job)
        job.signals.done.connect(lambda result: self._finish(job, then, result))
        job.signals.failed.connect(lambda exc: self._finish(job, self._failed, exc))
        self.pool.start(job)

    def _finish(self, job: _Job, then: Callable[[Any], None], value: Any) -> None:
        self.jobs.remove(job)
        for button in (self.save_pdf, self.save_docx, self.preview, self.quote):
            button.setEnabled(True)
        then(value)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            warn(self, translated(exc))
            return
        raise exc  # a bug: the crash hook logs it

    def suggested_name(self, suffix: str) -> str:
        """``<report>_<round>[_<unit>].pdf``, e.g. ``工作进展情况通报_2021年第3季度.pdf``."""
        kind = self.kind.currentData()
        parts = [FILE_NAMES[kind]]
        if kind in ("bulletin", "ledger") and self.round.currentData():
            parts.append(str(self.round.currentData()))
        if self.unit.currentText().strip():
            parts.append(self.unit.currentText().strip())
        return safe_file_name("_".join(parts)) + suffix

    def choose_file(self, suffix: str) -> Path | None:
        kinds = {".pdf": self.tr("PDF (*.pdf)"), ".docx": self.tr("Word (*.docx)")}
        path = save_file(
            self, "reports", self.tr("Save report"), self.suggested_name(suffix), kinds[suffix]
        )
        if path is None:
            return None
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def _unit_missing(self) -> bool:
        """A task list or a chaser names no unit: the clerk is asked to choose one."""
        if self.kind.currentData() in FOR_ONE_UNIT and not self.unit.currentText().strip():
            warn(self, self.tr("This report is for one unit: choose the unit first."))
            self.unit.setFocus()
            return True
        return False

    def _save(self, suffix: str) -> None:
        if self._unit_missing():
            return
        path = self.choose_file(suffix)
        if path is None:
            return
        request = self.request()

        def work() -> int:
            again = self.issued_again(request)
            if again is not None:
                return save_report(again, path)
            report = self.reports.take_number(request, self.reports.build(request))
            pages = save_report(report, path)
            self.record_issue(request, report)  # a bulletin is stored, numbered
            return pages

        self.run(work, lambda _pages: self.saved.emit(str(path)))

    def issued_again(self, request: ReportRequest) -> ReportDocument | None:
        """The bulletin this dialog issued, if ``request`` asks for it unchanged."""
        if request.kind == "bulletin" and self.issue is not None and self.issue[0] == request:
            return self.issue[1]
        return None

    def record_issue(self, request: ReportRequest, report: ReportDocument) -> None:
        """``report`` was saved or printed: issued (a bulletin stored under its number)."""
        self.reports.issued(request, report)
        if request.kind == "bulletin":
            self.issue = (request, report)

    def _preview(self) -> None:
        from importers.reports.pdf import pdf_bytes

        if self._unit_missing():
            return
        request = self.request()

        def work() -> bytes:
            from importers.reports.fonts import ReportFontError

            try:
                report = self.issued_again(request) or self.reports.build(request)
                self.previewed = (request, report)
                return pdf_bytes(report)
            except ReportFontError as exc:
                raise UserError.from_message(exc.as_message()) from None

        self.run(work, self.show_preview)

    def show_preview(self, pdf: bytes) -> None:
        """Show the pages; printed from there (the dialog accepted), a bulletin is issued
        and a chaser uses up its number, as when saved."""
        self.last_pdf = pdf
        preview = preview_dialog(pdf, self, self.suggested_name(".pdf"))
        printed = preview.exec() == QDialog.DialogCode.Accepted
        if printed and self.previewed is not None:
            request, report = self.previewed
            self.previewed = None
            if self.issued_again(request) is report:
                return
            try:
                self.record_issue(request, report)
            except UserError as exc:
                warn(self, translated(exc))
