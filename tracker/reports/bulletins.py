"""Issued bulletins: 第X期 numbered per year, each kept whole so it is reprinted identically.

A draft (``ReportService.bulletin``) carries the next number of the year; only
``issue`` stores it — with the clerk's edited paragraphs already in the
document — in one transaction.  Two clerks issuing at once cannot get the same
number: the (year, number) pair is unique, and the loser takes the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from db.models import Bulletin, Round
from importers.messages import QT_TRANSLATE_NOOP
from importers.reports.model import Masthead, ReportDocument
from importers.reports.serial import from_json, to_json
from tracker.db_errors import DatabaseConflictError
from tracker.errors import NotFoundError
from tracker.store import Store

ATTEMPTS = 3


@dataclass(frozen=True)
class IssuedBulletin:
    id: int
    year: int
    number: int
    title: str
    issued_on: date
    round_name: str | None


def numbered(report: ReportDocument, number: int) -> ReportDocument:
    """``report`` with its masthead saying 第``number``期."""
    blocks = [
        replace(b, number=f"第{number}期") if isinstance(b, Masthead) else b for b in report.blocks
    ]
    return ReportDocument(report.title, report.subtitle, blocks, report.landscape, report.kind)


class BulletinService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def next_number(self, year: int | None = None) -> int:
        """The number the next bulletin of ``year`` (this year by default) will carry."""
        year = year or self.store.clock.today().year
        with self.store.reading() as session:
            last = session.scalar(select(func.max(Bulletin.number)).where(Bulletin.year == year))
        return (last or 0) + 1

    def issue(self, report: ReportDocument, round_name: str | None = None) -> IssuedBulletin:
        """Store ``report`` as this year's next bulletin (renumbered if another clerk took
        the number first) and return what was stored; the document is then ``reprint``."""
        today = self.store.clock.today()
        for attempt in range(ATTEMPTS):
            number = self.next_number(today.year)
            document = numbered(report, number)
            try:
                with self.store.transaction() as session:
                    round_id = None
                    if round_name:
                        round_id = session.scalar(select(Round.id).where(Round.name == round_name))
                    row = Bulletin(
                        year=today.year,
                        number=number,
                        round_id=round_id,
                        title=document.title,
                        issued_on=today,
                        content=to_json(document),
                        created_at=datetime.now(),
                        created_by=self.store.user,
                    )
                    session.add(row)
                    session.flush()
                    return IssuedBulletin(row.id, today.year, number, row.title, today, round_name)
            except (IntegrityError, DatabaseConflictError):  # the number was taken meanwhile
                if attempt == ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def reprint(self, year: int, number: int) -> ReportDocument:
        """The bulletin 第``number``期 of ``year`` exactly as issued."""
        with self.store.reading() as session:
            content = session.scalar(
                select(Bulletin.content).where(Bulletin.year == year, Bulletin.number == number)
            )
        if content is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("messages", "no bulletin No. {number} of {year} was issued"),
                number=number,
                year=year,
            )
        return from_json(content)

    def issued(self) -> list[IssuedBulletin]:
        """Every issued bulletin, newest first."""
        with self.store.reading() as session:
            rows = session.execute(
                select(Bulletin, Round.name)
                .outerjoin(Round, Bulletin.round_id == Round.id)
                .order_by(Bulletin.year.desc(), Bulletin.number.desc())
            ).all()
            return [
                IssuedBulletin(b.id, b.year, b.number, b.title, b.issued_on, name)
                for b, name in rows
            ]
