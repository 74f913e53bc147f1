"""The smoke test of an installation: a clerk's first hour in one function, without a window.

Why it exists: a frozen build (PyInstaller) or an installer can lose a module or a data
file that only one path needs — Alembic's migration scripts, python-docx's template,
reportlab's fonts, calamine's native library, pypdfium2's library.  Unit tests run from the
source tree and never notice.  ``run_smoke`` walks the paths a clerk walks on day one:
open a new database (migrations), import a policy document (parser), record progress,
create a round, export the master ledger (openpyxl) and read it back (calamine), print
the bulletin as PDF (reportlab, the system's Chinese font) and as Word (python-docx, its
charts drawn as PNG), count the PDF's pages as the print preview does (pypdfium2), and
load the PostgreSQL driver (psycopg's libpq) a shared office database needs.
Any failure raises :class:`SmokeFailure` naming the step, so a CI log says what the
build is missing.

``tracker-cli smoke`` (``tracker.cli.smoke_command``) runs it; so does the frozen build's
``tracker-cli smoke`` in CI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tracker.cli.counts import count
from tracker.cli.smoke_sample import SAMPLE_NAME, SAMPLE_TEXT

if TYPE_CHECKING:
    from tracker.services import Services

ROUND_NAME = "冒烟测试"
DATABASE_NAME = "冒烟测试.db"
LEDGER_FOLDER = "台账"
BULLETIN_PDF = "简报.pdf"
BULLETIN_DOCX = "简报.docx"

T = TypeVar("T")


class SmokeFailure(Exception):
    """A step of the smoke test failed; ``step`` names it, the message says why."""

    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


@dataclass(frozen=True)
class SmokeResult:
    """What the smoke test made, for the caller to show and the tests to check."""

    document: Path
    measures: int
    assignments: int
    ledger: Path
    ledger_rows: int
    bulletin_pdf: Path
    pages: int
    bulletin_docx: Path
    charts: int
    """Pictures in the Word bulletin: its bar charts, drawn as PNG (Pillow or pdfium)."""
    postgres_driver: str
    """psycopg's implementation and its libpq's version: a shared office database needs them."""

    def lines(self) -> list[str]:
        """A short report, one line per step."""
        return [
            f"document: {self.document.name}: {count(self.measures, 'measure')}, "
            f"{count(self.assignments, 'assignment')}",
            f"ledger: {self.ledger.name}: {count(self.ledger_rows, 'row')} read back",
            f"bulletin: {self.bulletin_pdf.name}: {count(self.pages, 'page')}; "
            f"{self.bulletin_docx.name}: {count(self.charts, 'chart')}",
            f"PostgreSQL driver: {self.postgres_driver}",
        ]


def _step(name: str, action: Callable[[], T]) -> T:
    """Run one step; any exception becomes a :class:`SmokeFailure` naming the step."""
    try:
        return action()
    except SmokeFailure:
        raise
    except Exception as exc:
        raise SmokeFailure(name, f"{type(exc).__name__}: {exc}") from exc


def write_sample(folder: Path) -> Path:
    """The built-in sample document, written into ``folder``."""
    path = folder / SAMPLE_NAME
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return path


def _open(database: Path, today: date | None) -> Services:
    from tracker.services import Services
    from tracker.store import Clock

    return Services.open(database, clock=Clock(today), user="smoke", create=True)


def run_smoke(
    work: Path, document: Path | None = None, *, today: date | None = None
) -> SmokeResult:
    """Run every step in the empty folder ``work``; raise :class:`SmokeFailure` on any failure.

    ``document``: the policy document to import (default: the built-in sample).
    ``today``: the day the round is as of (default: the real today).
    """
    work.mkdir(parents=True, exist_ok=True)
    if document is None:
        document = write_sample(work)
    if not document.is_file():
        raise SmokeFailure("document", f"no such file: {document}")
    database = work / DATABASE_NAME
    if database.exists():
        raise SmokeFailure("database", f"{database} exists already: give an empty folder")
    services = _step("open the database", lambda: _open(database, today))
    try:
        return _steps(services, work, document)
    finally:
        services.close()


def _steps(services: Services, work: Path, document: Path) -> SmokeResult:
    from importers.reports.readback import pdf_page_count
    from tracker.reports.report_service import ReportRequest, save_report

    outcome = _step("import the document", lambda: services.documents.import_file(document))
    if outcome.state != "created" or outcome.measures < 1:
        raise SmokeFailure(
            "import the document",
            f"expected a new document with measures, got {outcome.state}, "
            f"{count(outcome.measures, 'measure')}",
        )
    _step("record progress", lambda: _record_progress(services))
    _step("create a round", lambda: services.rounds.create(ROUND_NAME, services.today()))
    ledger: Path = _step(
        "export the ledger",
        lambda: services.ledger_export.export_master(ROUND_NAME, work / LEDGER_FOLDER),
    )
    rows = _step("read the ledger back", lambda: _ledger_rows(ledger))
    if rows != outcome.assignments:
        raise SmokeFailure(
            "read the ledger back", f"{count(rows, 'row')} read, {outcome.assignments} exported"
        )
    report = _step(
        "build the bulletin",
        lambda: services.reports.build(ReportRequest(kind="bulletin", round_name=ROUND_NAME)),
    )
    pdf = work / BULLETIN_PDF
    pages: int = _step("write the PDF bulletin", lambda: save_report(report, pdf))
    counted = _step("read the PDF back", lambda: pdf_page_count(pdf))
    if pages < 1 or counted != pages:
        raise SmokeFailure("read the PDF back", f"{count(counted, 'page')} read, {pages} written")
    docx = work / BULLETIN_DOCX
    _step("write the Word bulletin", lambda: save_report(report, docx))
    charts = _step("read the Word bulletin back", lambda: _docx_charts(docx))
    driver = _step("load the PostgreSQL driver", _postgres_driver)
    return SmokeResult(
        document=document,
        measures=outcome.measures,
        assignments=outcome.assignments,
        ledger=ledger,
        ledger_rows=rows,
        bulletin_pdf=pdf,
        pages=pages,
        bulletin_docx=docx,
        charts=charts,
        postgres_driver=driver,
    )


def _record_progress(services: Services) -> None:
    """The first assignment done: a bulletin of nothing done has no chart to draw."""
    from tracker.progress.assignment_filter import AssignmentFilter
    from tracker.progress.progress_service import Change
    from tracker.statuses import Status

    first = services.overview.assignments(AssignmentFilter())[0]
    services.progress.record(
        first.id,
        Change(status=Status.DONE, percent=100, note="冒烟测试"),
        expected_version=first.version,
    )


def _postgres_driver() -> str:
    """Load psycopg, its libpq and SQLAlchemy's dialect for it, without a server.

    A build that lost the driver's native library opens SQLite files fine and fails only
    the day an office switches to its shared server: checked here instead.
    """
    import psycopg
    from sqlalchemy.dialects import registry

    registry.load("postgresql.psycopg")
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq {psycopg.pq.version()})"


def _ledger_rows(path: Path) -> int:
    from importers.ledger.reader import read_ledger

    read = read_ledger(path)
    if read.errors:
        raise SmokeFailure("read the ledger back", f"{count(len(read.errors), 'cell')} rejected")
    return len(read.rows)


def _docx_charts(path: Path) -> int:
    """The Word bulletin's pictures; none means its charts could not be drawn (a build
    without the PNG renderer falls back to a sentence, which a clerk would not report)."""
    from importers.reports.readback import docx_picture_count

    charts = docx_picture_count(path)
    if charts < 1:
        raise SmokeFailure("read the Word bulletin back", "no chart in the Word bulletin")
    return charts
