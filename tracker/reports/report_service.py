"""Printed reports: gather the figures, build a ``ReportDocument``, save it as PDF or Word.

``ReportService`` is the one entry point the CLI and the GUI use.  Four kinds:
``bulletin`` (工作进展情况通报 of a round, with the change since the round before),
``unit`` (a unit's task list), ``chaser`` (催办单 to a unit) and ``ledger`` (the
work ledger printed, master or one unit's).  Rendering lives in
``importers.reports``; a missing Chinese font becomes a ``UserError`` here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from importers.messages import QT_TRANSLATE_NOOP
from importers.reports.model import ReportDocument
from tracker.database_settings import (
    BULLETIN_NAME,
    BULLETIN_RECIPIENTS,
    OFFICE_NAME,
    REPORT_CONTACT,
    REPORT_PHONE,
)
from tracker.documents.document_service import DocumentService
from tracker.errors import InvalidInputError
from tracker.inspections.finding_report import needs_chasing
from tracker.progress.overview import AssignmentFilter, OverviewService
from tracker.records import AssignmentRow
from tracker.reports import report_bulletin_text, report_lists
from tracker.reports.report_bulletin import BulletinData
from tracker.reports.report_bulletin_facts import AchievementChoice, achievement_choices
from tracker.reports.report_bulletin_gather import gather_bulletin
from tracker.reports.report_bulletin_text import BulletinText
from tracker.reports.report_files import FORMATS, check_target, save_report
from tracker.reports.report_kinds import KINDS
from tracker.reports.report_ledger import printed_ledger
from tracker.reports.report_lists import REPLY_DAYS
from tracker.rounds.round_service import RoundService
from tracker.statuses import Derived
from tracker.store import Store
from tracker.units.unit_service import UnitService

if TYPE_CHECKING:
    from tracker.assessment.score_service import AssessmentService
    from tracker.assessment.scoring import RoundScores
    from tracker.inspections.inspection_service import InspectionService
    from tracker.reports.bulletins import BulletinService
    from tracker.reports.chasers import ChaserService

__all__ = ["FORMATS", "REPLY_DAYS", "ReportRequest", "ReportService", "check_target", "save_report"]


@dataclass(frozen=True)
class ReportRequest:
    """What a user asked for, as the CLI options and the dialog's fields say it."""

    kind: str
    round_name: str | None = None
    unit: str | None = None
    document: str | None = None
    note: str = ""
    reply_by: date | None = None
    current: bool = False
    """The printed ledger with today's values rather than the round's."""
    achievements: tuple[str, ...] | None = None
    """The bulletin's 主要成效 as the clerk edited them; None: the round's notes."""
    recipients: str | None = None
    """The bulletin's 主送; None: the setting."""
    scores: bool = False
    """The bulletin prints the round's published 考核得分 and ranking."""


class ReportService:
    def __init__(
        self,
        store: Store,
        *,
        documents: DocumentService,
        units: UnitService,
        rounds: RoundService,
        overview: OverviewService,
        bulletins: BulletinService,
        inspections: InspectionService | None = None,
        chasers: ChaserService,
        assessment: AssessmentService | None = None,
    ) -> None:
        self.store = store
        self.chasers = chasers
        self.assessment = assessment
        self.documents = documents
        self.units = units
        self.rounds = rounds
        self.overview = overview
        self.bulletins = bulletins
        self.inspections = inspections

    @property
    def office(self) -> str:
        return self.store.setting(OFFICE_NAME)

    def build(self, request: ReportRequest) -> ReportDocument:
        if request.kind == "bulletin":
            text = self.bulletin_text(self.bulletins.next_number())
            if request.recipients is not None and request.recipients.strip():
                text.recipients = request.recipients.strip()
            if request.achievements is not None:
                text.achievements = [a.strip() for a in request.achievements if a.strip()]
            if request.scores:
                text.scores = self.published_scores(request.round_name)
            return self.bulletin(request.round_name, request.note, request.document, text)
        if request.kind in ("unit", "chaser") and not (request.unit or "").strip():
            if request.kind == "unit":
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "a unit report is for one unit: name it (--unit)")
                )
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "a chaser report is for one unit: name it (--unit)")
            )
        if request.kind == "unit":
            return self.unit_list(request.unit or "", request.document)
        if request.kind == "chaser":
            return self.chaser(request.unit or "", request.reply_by, request.document)
        if request.kind == "ledger":
            return self.ledger(request.unit, request.document, request.round_name, request.current)
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "unknown report {kind!r}; one of {kinds}"),
            kind=request.kind,
            kinds=", ".join(KINDS),
        )

    # -- the bulletin ----------------------------------------------------------------------
    def bulletin_data(
        self, round_name: str | None = None, note: str = "", document: str | None = None
    ) -> BulletinData:
        """The bulletin's figures (``tracker.reports.report_bulletin_gather``)."""
        wanted = self.rounds.chosen(round_name)
        return gather_bulletin(self.store, wanted.id, self._document_id(document), note)

    def take_number(self, request: ReportRequest, report: ReportDocument) -> ReportDocument:
        """A chaser about to be saved, with its number taken for good (the draft's, or the
        next free one if another clerk took that meanwhile); any other report as it is."""
        if request.kind != "chaser":
            return report
        return self.chasers.take_for(report).report

    def issued(self, request: ReportRequest, report: ReportDocument) -> None:
        """Record that ``report`` was saved or printed: a bulletin is stored under its
        number (``tracker.reports.bulletins``), a chaser's number is taken (if
        ``take_number`` did not already); others: nothing."""
        if request.kind == "chaser":
            self.chasers.confirm_printed(report)
        elif request.kind == "bulletin":
            if request.recipients is not None and request.recipients.strip():
                self.store.set_setting(BULLETIN_RECIPIENTS, request.recipients.strip())
            name = self.rounds.chosen(request.round_name).name
            self.bulletins.issue(report, name)

    def achievement_choices(
        self, round_name: str | None = None, document: str | None = None
    ) -> list[AchievementChoice]:
        """主要成效 to pick from: the round's facts and notes, ticked as printed by default."""
        return achievement_choices(self.bulletin_data(round_name, document=document))

    def published_scores(self, round_name: str | None) -> RoundScores:
        """The round's 考核得分 as published, for the bulletin; refused before publishing."""
        if self.assessment is None:
            raise RuntimeError("the report service was given no assessment service")
        scores = self.assessment.scores(round_name)
        if not scores.published:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages", "the scores of {round} are not published yet: publish them"
                ),
                round=scores.round,
            )
        return scores

    def bulletin_text(self, number: int = 0) -> BulletinText:
        """The clerk's settings for a bulletin: its name and 主送 (settings), and number."""
        return BulletinText(
            number=number,
            name=self.store.setting(BULLETIN_NAME),
            recipients=self.store.setting(BULLETIN_RECIPIENTS),
        )

    def bulletin(
        self,
        round_name: str | None = None,
        note: str = "",
        document: str | None = None,
        text: BulletinText | None = None,
    ) -> ReportDocument:
        """A draft of the bulletin: numbered as the next of this year (stored only when
        issued, ``tracker.reports.bulletins``)."""
        if text is None:
            text = self.bulletin_text(self.bulletins.next_number())
        return report_bulletin_text.build(self.bulletin_data(round_name, note, document), text)

    def _document_id(self, document: str | None) -> int | None:
        found = self.documents.chosen(document)
        return None if found is None else found.id

    # -- today's lists -----------------------------------------------------------------------
    def _unit_rows(self, unit: str, document: str | None) -> tuple[str, list[AssignmentRow]]:
        name = self.units.named(unit).name
        rows = self.overview.assignments(AssignmentFilter(document=document, unit=name))
        if not rows:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "{unit} has no assignment to report on"), unit=name
            )
        return name, rows

    def unit_list(self, unit: str, document: str | None = None) -> ReportDocument:
        name, rows = self._unit_rows(unit, document)
        return report_lists.unit_list(name, rows, self.store.clock.today(), self.office)

    def chaser(
        self, unit: str, reply_by: date | None = None, document: str | None = None
    ) -> ReportDocument:
        name = self.units.named(unit).name
        findings = self.inspections.findings(unit=name, open_only=True) if self.inspections else []
        if not findings:  # (a unit with open findings and no task is chased for them)
            name, rows = self._unit_rows(name, document)
        else:
            rows = self.overview.assignments(AssignmentFilter(document=document, unit=name))
        members = list(dict.fromkeys(r.unit for r in rows if r.unit != name))
        rows = [r for r in rows if r.unit == name]
        if not rows and members:  # a group: its members answer, each chased on its own
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages", "{unit} answers through its members; chase each of them: {members}"
                ),
                unit=name,
                members="、".join(members),
            )
        today = self.store.clock.today()
        late = any(r.state in (Derived.OVERDUE, Derived.DUE_SOON) for r in rows)
        missing_round, missing_deadline = self.chasers.missing_ledger(name)
        if not late and not needs_chasing(findings) and not (rows and missing_round):
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages", "{unit} has nothing overdue or due soon: no chaser needed"
                ),
                unit=name,
            )
        reply = reply_by or today + timedelta(days=REPLY_DAYS)
        header = report_lists.ChaserHeader(
            f"〔{today.year}〕第{self.next_chaser_number()}号",
            self.store.setting(REPORT_CONTACT),
            self.store.setting(REPORT_PHONE),
            self.units.contact(name),
            missing_round if rows else "",
            missing_deadline if rows else None,
        )
        return report_lists.chaser(name, rows, today, reply, self.office, header, findings)

    def next_chaser_number(self) -> int:
        """The number the next chaser of this year carries (``tracker.reports.chasers``)."""
        return self.chasers.next_number()

    def ledger(
        self,
        unit: str | None = None,
        document: str | None = None,
        round_name: str | None = None,
        current: bool = False,
    ) -> ReportDocument:
        """The printed ledger.  Under a round's name it shows that round's values, rebuilt
        from the history (as the bulletin does), dated the round's day; with ``current``,
        or when there is no round yet, today's values, and the subtitle says so
        (``tracker.reports.report_ledger``)."""
        doc_id = self._document_id(document)
        name = self.units.named(unit).name if unit else None
        wanted = self.rounds.chosen(round_name) if round_name or self.rounds.list() else None
        return printed_ledger(
            self.store, name, doc_id, None if wanted is None else wanted.id, current
        )
