"""Saving a report: PDF or Word by the file's suffix, a missing font or a write failure
told as a ``UserError`` (used by ``ReportService``'s callers and the batch of chasers)."""

from __future__ import annotations

from pathlib import Path

from importers.messages import QT_TRANSLATE_NOOP
from importers.reports.fonts import ReportFontError
from importers.reports.model import ReportDocument
from tracker.errors import InvalidInputError, UserError
from tracker.memory import collector_paused

FORMATS = (".pdf", ".docx")


def check_target(path: Path) -> str:
    """The output format (".pdf" / ".docx") of ``path``; checked before any work is done."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages", "cannot write {file}: the file must end in .pdf or .docx"
            ),
            file=path.name,
        )
    return suffix


def save_report(report: ReportDocument, path: Path) -> int:
    """Write ``report`` as PDF or Word, by the file's suffix; returns the PDF's page count
    (0 for Word, which counts its own pages)."""
    suffix = check_target(path)
    try:
        # (Laying out a long report makes objects by the hundred thousand: see tracker.memory.)
        with collector_paused():
            if suffix == ".pdf":
                from importers.reports.pdf import write_pdf

                return write_pdf(report, path)
            from importers.reports.docx import write_docx

            write_docx(report, path)
            return 0
    except ReportFontError as exc:
        raise UserError.from_message(exc.as_message()) from None
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("messages", "cannot write {path}: {reason}"),
            path=path,
            reason=exc.strerror or exc,
        ) from None
