"""Chasers (催办单) for many units at once, each numbered 〔YYYY〕第N号, numbers kept per year.

Which units: those that have not returned the round's ledger (``not_reported``),
those with overdue tasks or overdue inspection findings (``overdue``), or the ones
named.  Each chaser lists the unit's late tasks and its open findings.  A draft carries the
numbers the chasers would take now; ``take_numbers`` gives them for good — a row
per number in ``chaser_numbers``, unique per (year, number), inserted in one
transaction, so two clerks saving at once on a server never print the same
number: the second insert fails and that clerk's chasers are renumbered with
the next free numbers.  A number once taken stays used (as a paper register's
would), even if its file could not be written afterwards.  Numbers follow on
from the settings counter older versions kept (``chaser_last_<year>``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from db.models import ChaserNumber, Round, Unit
from importers.messages import QT_TRANSLATE_NOOP
from importers.reports.model import Block, PageBreak, Paragraph, ReportDocument
from importers.text_clean import safe_file_name
from tracker.database_settings import CHASER_LAST, OFFICE_NAME, REPORT_CONTACT, REPORT_PHONE
from tracker.db_errors import DatabaseConflictError
from tracker.errors import InvalidInputError
from tracker.inspections.finding_records import FindingRow
from tracker.inspections.finding_report import needs_chasing
from tracker.inspections.inspection_service import InspectionService
from tracker.progress.overview import AssignmentFilter, OverviewService
from tracker.records import AssignmentRow
from tracker.reports import report_lists
from tracker.reports.report_files import save_report
from tracker.reports.report_lists import REPLY_DAYS
from tracker.rounds.round_status import RoundStatusService
from tracker.statuses import Derived
from tracker.store import Store
from tracker.units.unit_service import UnitService

ATTEMPTS = 20
Progress = Callable[[int, int], bool]
"""Called with (done, total); returning False stops before the next file."""


@dataclass(frozen=True)
class Chaser:
    """One unit's chaser: its number of the year and the document (numbered so)."""

    unit: str
    year: int
    number: int
    report: ReportDocument

    @property
    def label(self) -> str:
        return chaser_number(self.year, self.number)


@dataclass(frozen=True)
class ChaserRequest:
    """Which units to chase and how: the CLI's options and the dialog's fields."""

    units: tuple[str, ...] = ()
    not_reported: bool = False
    """Every unit that has not returned ``round_name``'s ledger."""
    overdue: bool = False
    """Every unit with an overdue task or an overdue finding (整改逾期)."""
    round_name: str | None = None
    reply_by: date | None = None
    document: str | None = None


def chaser_number(year: int, number: int) -> str:
    return f"〔{year}〕第{number}号"


def renumbered(chaser: Chaser, number: int) -> Chaser:
    report = replace(chaser.report, subtitle=(chaser_number(chaser.year, number),))
    return Chaser(chaser.unit, chaser.year, number, report)


class ChaserService:
    """Chasers for many units; given the units, overview, round-status and (for the
    findings a chaser lists) inspection services."""

    def __init__(
        self,
        store: Store,
        units: UnitService,
        overview: OverviewService,
        round_status: RoundStatusService,
        inspections: InspectionService | None = None,
    ) -> None:
        self.store = store
        self.units = units
        self.overview = overview
        self.round_status = round_status
        self.inspections = inspections

    def next_number(self, year: int | None = None) -> int:
        """The number the next chaser of ``year`` (this year by default) takes."""
        year = year or self.store.clock.today().year
        with self.store.reading() as session:
            last = session.scalar(
                select(func.max(ChaserNumber.number)).where(ChaserNumber.year == year)
            )
        legacy = self.store.setting(CHASER_LAST.of(year=year))
        return max(last or 0, legacy) + 1

    # -- whom ------------------------------------------------------------------------------
    def targets(self, request: ChaserRequest) -> list[str]:
        """The units ``request`` names, each once, in the order given: the listed ones,
        then those not reported, then those with overdue tasks, then those with overdue
        findings only; of those found, never a collective with no member yet, which
        nobody could be sent (``tracker.units.memberless``; one listed stays, for
        ``drafts`` to say why it gets none)."""
        listed = [self.units.named(u).name for u in request.units]
        found: list[str] = []
        if request.not_reported:
            found += self.round_status.status(request.round_name).not_reported
        if request.overdue:
            rows = self.overview.assignments(
                AssignmentFilter(document=request.document, overdue=True)
            )
            found += [r.unit for r in rows]
            found += [f.unit for f in self._open_findings() if f.state is Derived.OVERDUE]
        if not (request.units or request.not_reported or request.overdue):
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages", "say whom to chase: --unit U, --not-reported or --overdue"
                )
            )
        memberless = self.units.memberless()
        return list(dict.fromkeys(listed + [u for u in found if u not in memberless]))

    # -- drafts ----------------------------------------------------------------------------
    def drafts(self, request: ChaserRequest, units: list[str] | None = None) -> list[Chaser]:
        """A chaser for each unit (``targets`` by default), numbered as they would be now.

        A unit with nothing to chase (no task and no open finding overdue or due soon,
        and its ledger not missing) gets none, nor does a collective with no member yet
        (nobody to send it to); if no unit has any, that is the clerk's to hear."""
        units = self.targets(request) if units is None else units
        memberless = self.units.memberless()
        skipped = [u for u in units if u in memberless]
        units = [u for u in units if u not in memberless]
        today = self.store.clock.today()
        reply = request.reply_by or today + timedelta(days=REPLY_DAYS)
        missing, round_name, deadline = self._missing(request)
        rows = self.overview.assignments(AssignmentFilter(document=request.document))
        by_unit: dict[str, list[AssignmentRow]] = {}
        for row in rows:
            by_unit.setdefault(row.unit, []).append(row)
        findings: dict[str, list[FindingRow]] = {}
        for finding in self._open_findings():
            findings.setdefault(finding.unit, []).append(finding)
        office = self.store.setting(OFFICE_NAME)
        contact = self.store.setting(REPORT_CONTACT)
        phone = self.store.setting(REPORT_PHONE)
        out: list[Chaser] = []
        first = self.next_number(today.year)
        for unit in units:
            mine, found = by_unit.get(unit, []), findings.get(unit, [])
            late = any(r.state in (Derived.OVERDUE, Derived.DUE_SOON) for r in mine)
            if not (late or needs_chasing(found) or (mine and unit in missing)):
                continue
            number = first + len(out)
            header = report_lists.ChaserHeader(
                chaser_number(today.year, number),
                contact,
                phone,
                self.units.contact(unit),
                round_name if unit in missing else "",
                deadline if unit in missing else None,
            )
            report = report_lists.chaser(unit, mine, today, reply, office, header, found)
            out.append(Chaser(unit, today.year, number, report))
        if not out and skipped:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "no chaser for {units}: a collective with no member units yet has nobody "
                    "to send it to; add its members in the units directory first",
                ),
                units="、".join(skipped),
            )
        if not out:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "no chaser needed: none of these units has anything overdue or due soon, "
                    "or a ledger missing",
                )
            )
        return out

    def _open_findings(self) -> list[FindingRow]:
        return self.inspections.findings(open_only=True) if self.inspections else []

    def _missing(self, request: ChaserRequest) -> tuple[set[str], str, date | None]:
        """The units that have not returned the round's ledger, the round's name and its
        deadline: when the request chases them, or once the round's 报送截止日期 has passed
        (a unit late with its ledger is told so, whatever else it is chased for)."""
        if not (request.not_reported or request.round_name or self.round_status.rounds.list()):
            return set(), "", None  # no round yet: no ledger to miss
        status = self.round_status.status(request.round_name)
        past = status.deadline is not None and self.store.clock.today() > status.deadline
        if not (request.not_reported or past):
            return set(), "", None
        return set(status.not_reported), status.round, status.deadline

    def missing_ledger(self, unit: str) -> tuple[str, date | None]:
        """The latest round and its deadline if ``unit`` is past it without its ledger,
        else ``("", None)``: what a chaser for the unit alone says of its ledger."""
        missing, round_name, deadline = self._missing(ChaserRequest())
        return (round_name, deadline) if unit in missing else ("", None)

    # -- numbering -------------------------------------------------------------------------
    def take_numbers(self, chasers: list[Chaser], round_name: str | None = None) -> list[Chaser]:
        """Give ``chasers`` their numbers for good (the drafts' if still free, else the next
        free ones, in order) and return them numbered so."""
        if not chasers:
            return []
        year = self.store.clock.today().year
        wanted = chasers[0].number
        for attempt in range(ATTEMPTS):
            try:
                return self._insert(chasers, year, wanted, round_name)
            except (IntegrityError, DatabaseConflictError):  # another clerk took one
                if attempt == ATTEMPTS - 1:
                    raise
                wanted = 0
        raise AssertionError("unreachable")

    def take_for(self, report: ReportDocument) -> Chaser:
        """Take the number of one chaser built by ``ReportService.chaser``."""
        unit, year, number = chaser_identity(report)
        return self.take_numbers([Chaser(unit, year, number, report)])[0]

    def confirm_printed(self, report: ReportDocument) -> None:
        """A chaser was printed from its preview: take its number unless it is already
        this unit's; if another clerk took it meanwhile, the paper carries a number
        that is not the chaser's, and the clerk is told which one it is recorded as."""
        unit, year, number = chaser_identity(report)
        with self.store.reading() as session:
            holder = session.scalar(
                select(ChaserNumber.unit_name).where(
                    ChaserNumber.year == year, ChaserNumber.number == number
                )
            )
        if holder == unit:
            return
        taken = self.take_numbers([Chaser(unit, year, number, report)])[0]
        if taken.number != number:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "the chaser was printed as {printed}, but another clerk took that number "
                    "meanwhile: it is recorded as {recorded}; correct the paper or print again",
                ),
                printed=chaser_number(year, number),
                recorded=taken.label,
            )

    def _insert(
        self, chasers: list[Chaser], year: int, wanted: int, round_name: str | None
    ) -> list[Chaser]:
        """Number ``chasers`` from ``wanted`` or the year's next free number, whichever is
        higher, and store the numbers, read and written in one transaction."""
        now, today = self.store.clock.now(), self.store.clock.today()
        legacy = self.store.setting(CHASER_LAST.of(year=year))
        with self.store.transaction() as session:
            last = session.scalar(
                select(func.max(ChaserNumber.number)).where(ChaserNumber.year == year)
            )
            first = max((last or 0) + 1, legacy + 1, wanted)
            numbered = [renumbered(c, first + n) for n, c in enumerate(chasers)]
            units = dict(session.execute(select(Unit.name, Unit.id)).all())
            round_id = None
            if round_name:
                round_id = session.scalar(select(Round.id).where(Round.name == round_name))
            for chaser in numbered:
                session.add(
                    ChaserNumber(
                        year=year,
                        number=chaser.number,
                        unit_id=units.get(chaser.unit),
                        unit_name=chaser.unit,
                        round_id=round_id,
                        issued_on=today,
                        created_at=now,
                        created_by=self.store.user,
                    )
                )
            session.flush()
            return numbered

    # -- files -----------------------------------------------------------------------------
    def save_all(
        self,
        chasers: list[Chaser],
        folder: Path,
        suffix: str = ".pdf",
        progress: Progress | None = None,
    ) -> list[Path]:
        """One file per chaser, then the combined one for printing; the paths written."""
        folder.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        total = len(chasers) + 1
        for done, chaser in enumerate(chasers):
            if progress is not None and not progress(done, total):
                return written
            name = safe_file_name(f"催办单_{chaser.year}_{chaser.number:03d}_{chaser.unit}{suffix}")
            save_report(chaser.report, folder / name)
            written.append(folder / name)
        if progress is not None and not progress(len(chasers), total):
            return written
        first, last = chasers[0].number, chasers[-1].number
        span = f"{first:03d}" if first == last else f"{first:03d}-{last:03d}"
        combined_path = folder / safe_file_name(f"催办单_{chasers[0].year}_{span}_合订{suffix}")
        save_report(combined(chasers), combined_path)
        written.append(combined_path)
        if progress is not None:
            progress(total, total)
        return written


def chaser_identity(report: ReportDocument) -> tuple[str, int, int]:
    """(unit, year, number) of a chaser document: its salutation and its 〔YYYY〕第N号."""
    found = re.fullmatch(r"〔(\d{4})〕第(\d+)号", report.subtitle[0] if report.subtitle else "")
    first = next((b for b in report.blocks if isinstance(b, Paragraph)), None)
    if found is None or first is None:
        raise ValueError("not a numbered chaser")
    return first.text.rstrip("："), int(found.group(1)), int(found.group(2))


def combined(chasers: list[Chaser]) -> ReportDocument:
    """Every chaser in one document, each from the front of a new sheet with its title and
    number, its pages numbered from 1: a unit is handed its own sheets."""
    first = chasers[0].report
    blocks: list[Block] = list(first.blocks)
    for chaser in chasers[1:]:
        blocks += [
            # printed on both sides: each on its own sheets, titled as when printed alone
            PageBreak(
                new_document=True, title=chaser.report.title, subtitle=chaser.report.subtitle
            ),
            *chaser.report.blocks,
        ]
    return ReportDocument(first.title, first.subtitle, blocks, first.landscape, "chaser")
