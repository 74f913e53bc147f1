"""报送情况: which units a round sent a ledger to, which returned it, on time or late.

A unit was *sent* a ledger when a unit ledger was exported to it under the
round; it *reported* when a returned ledger of its was imported under the round
and not undone — an unchanged ledger counts (its import batch records 0
changes).  The first return decides on time or late against the round's
报送截止日期 (a return on the deadline day is on time); ``changes`` adds up
every return of the unit in the round.  A unit that returned a ledger without
being sent one under this round is listed too (sent: none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, Finding, ImportBatch, LedgerExport, Measure, Round, Unit
from importers.ledger.model import UnitSummary
from tracker.database_settings import DUE_SOON_DAYS
from tracker.queries import in_force
from tracker.records import Summary
from tracker.reports.report_format import cn_date
from tracker.rounds.round_figures import round_items, round_summary, unit_summaries
from tracker.rounds.round_service import RoundInfo
from tracker.statuses import Status
from tracker.store import Store
from tracker.units.fan_out import nested_shares
from tracker.units.memberless import memberless_collectives, memberless_sentence

if TYPE_CHECKING:
    from tracker.documents.document_service import DocumentService
    from tracker.rounds.round_service import RoundService

ON_TIME, LATE, NOT_REPORTED = "按时报送", "逾期报送", "未报送"
NO_LEDGERS = "本轮未发放工作台账，无报送统计。"
"""报送情况 of a round that sent no ledger to any unit: nobody failed to report."""
NO_MEMBERS = "尚无成员单位"
"""The 汇总's 报送情况 of a collective with no member yet: sent nothing, owes nothing."""


@dataclass(frozen=True)
class UnitReturn:
    """One unit's part in a round: its ledger sent, and what came back."""

    unit: str
    sent_at: datetime | None
    returned_at: datetime | None = None
    file: str | None = None
    imported_by: str | None = None
    changes: int = 0
    returns: int = 0
    """How many returned files were imported (a corrected one sent again counts too)."""
    on_time: bool | None = None
    """True or False once returned (True when the round has no deadline); None before."""
    days_late: int = 0
    """Days after the 报送截止日期 the first return came (``late_days``); 0 on time."""
    batch: int | None = None
    """The import batch of the first return: a later one of the unit is a 更正版."""

    @property
    def state(self) -> str:
        """按时报送, 逾期报送 or 未报送."""
        if self.returned_at is None:
            return NOT_REPORTED
        return ON_TIME if self.on_time else LATE

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "sent_at": _iso(self.sent_at),
            "returned_at": _iso(self.returned_at),
            "file": self.file,
            "on_time": self.on_time,
            "changes": self.changes,
        }


@dataclass(frozen=True)
class RoundStatus:
    round: str
    as_of: date
    deadline: date | None
    units: list[UnitReturn] = field(default_factory=list)

    @property
    def not_reported(self) -> list[str]:
        return [u.unit for u in self.units if u.returned_at is None]

    @property
    def late(self) -> list[str]:
        return [u.unit for u in self.units if u.on_time is False]

    @property
    def on_time(self) -> list[str]:
        return [u.unit for u in self.units if u.on_time is True]

    def to_json(self) -> dict[str, Any]:
        """The shape ``tracker-cli round-status --json`` prints."""
        return {
            "round": self.round,
            "as_of": self.as_of.isoformat(),
            "deadline": _iso(self.deadline),
            "units": [u.to_json() for u in self.units],
            "not_reported": self.not_reported,
            "late": self.late,
        }


def late_days(deadline: date | None, returned_on: date) -> int:
    """How many days after the round's 报送截止日期 a return on ``returned_on`` came: 0 when on
    time (on the deadline day too, or the round has no deadline).  The one rule of 按时 and
    逾期 — the round's page, the import preview and the 汇总 all read it from here."""
    if deadline is None:
        return 0
    return max(0, (returned_on - deadline).days)


def reporting_text(status: RoundStatus, most: int = 10) -> str:
    """报送情况 in one sentence, naming the late and missing units (the first ``most`` of
    each).  A unit can only fail to report what it was sent: a round that sent no ledger
    says so (``NO_LEDGERS``) and names no one — the bulletin, the 汇总, ``round-status``
    and the round's page all read it here."""
    sent = sum(u.sent_at is not None for u in status.units)
    if not sent:
        if not status.units:
            return NO_LEDGERS
        return f"本轮未发放工作台账，收到{len(status.units)}个单位报送的工作台账。"
    text = f"本轮共向{sent}个单位发出工作台账"
    if status.deadline is not None:
        text += f"（报送截止日期：{cn_date(status.deadline)}）"
    reported = len(status.units) - len(status.not_reported)
    text += f"，已报送{reported}个"
    if status.deadline is not None and reported:
        text += f"，其中按时报送{len(status.on_time)}个、逾期报送{len(status.late)}个"
        if status.late:
            text += f"（{_named(status.late, most)}）"
    if status.not_reported:
        text += f"；未报送{len(status.not_reported)}个：{_named(status.not_reported, most)}"
    return text + "。"


def _named(units: list[str], most: int) -> str:
    shown = "、".join(units[:most])
    return shown + (f"等{len(units)}个单位" if len(units) > most else "")


def round_summary_sheet(
    session: Session, chosen: Round, today: date, due_soon_days: int
) -> dict[str, Any]:
    """The master ledger's 汇总 (``LedgerWorkbook.summary`` and ``summary_notes``): each
    unit's tasks as of the round with its 报送情况, and the 报送情况 sentence."""
    status = RoundStatus(chosen.name, chosen.as_of, chosen.deadline, unit_returns(session, chosen))
    states = {u.unit: u.state for u in status.units}
    memberless = set(memberless_collectives(session).values())
    states.update((unit, NO_MEMBERS) for unit in memberless if unit not in states)
    lines = [
        UnitSummary(s.unit, s.assigned, s.by_status, s.overdue, states.get(s.unit, ""))
        for s in unit_summaries(round_items(session, chosen, today, due_soon_days))
    ]
    text = reporting_text(status)
    waiting = memberless_sentence({s.unit: s.assigned for s in lines if s.unit in memberless})
    notes = (f"报送情况：{text}",) + ((waiting,) if waiting else ())
    return {"summary": lines, "summary_notes": notes}


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return value.isoformat()


def unit_returns(session: Session, chosen: Round | RoundInfo) -> list[UnitReturn]:
    """Every unit sent a ledger under ``chosen`` or returning one: 未报送 first, then late,
    then on time; within each, in the order the ledgers were sent.  A unit that returned
    nothing is left out when it owes no ledger: a collective with no member yet
    (``tracker.units.memberless``), even one sent before the rule, and a unit with neither
    a task in force nor an open finding any more (taken out of a group after its ledger
    was sent: no chaser goes to it and the ranking leaves it out, so 未报送 does too)."""
    names = dict(session.execute(select(Unit.id, Unit.name)).all())
    memberless = memberless_collectives(session)
    owing = _owing_a_ledger(session)
    sent: dict[int, datetime] = {}
    for unit_id, when in session.execute(
        select(LedgerExport.unit_id, LedgerExport.exported_at)
        .where(
            LedgerExport.round_id == chosen.id,
            LedgerExport.kind == "unit",
            LedgerExport.unit_id.is_not(None),
        )
        .order_by(LedgerExport.exported_at, LedgerExport.id)
    ):
        if unit_id is not None:
            sent.setdefault(unit_id, when)
    batches: dict[int, list[ImportBatch]] = {}
    for batch in session.scalars(
        select(ImportBatch)
        .where(
            ImportBatch.round_id == chosen.id,
            ImportBatch.undone_at.is_(None),
            ImportBatch.unit_id.is_not(None),
        )
        .order_by(ImportBatch.imported_at, ImportBatch.id)
    ):
        if batch.unit_id is not None:
            batches.setdefault(batch.unit_id, []).append(batch)
    order = list(sent) + [u for u in batches if u not in sent]
    out = []
    for unit_id in order:
        found = batches.get(unit_id, [])
        if not found and (unit_id in memberless or unit_id not in owing):
            continue
        if not found:
            out.append(UnitReturn(names[unit_id], sent.get(unit_id)))
            continue
        first = found[0]
        late = late_days(chosen.deadline, first.imported_at.date())
        out.append(
            UnitReturn(
                names[unit_id],
                sent.get(unit_id),
                first.imported_at,
                first.file_name,
                first.imported_by,
                sum(b.changes for b in found),
                len(found),
                late == 0,
                late,
                first.id,
            )
        )
    rank = {NOT_REPORTED: 0, LATE: 1, ON_TIME: 2}
    return sorted(out, key=lambda u: rank[u.state])  # stable: the sending order within


def _owing_a_ledger(session: Session) -> set[int]:
    """The units a ledger is for (``LedgerExporter.export_each_unit``): those with a task in
    force or an open finding."""
    tasks = select(Assignment.unit_id).join(Measure, Assignment.measure_id == Measure.id)
    findings = select(Finding.unit_id).where(Finding.status != Status.TICKED_OFF.value)
    return set(session.scalars(tasks.where(in_force()).union(findings)))


class RoundStatusService:
    """报送情况 and the figures of a round; given the rounds and documents services."""

    def __init__(self, store: Store, rounds: RoundService, documents: DocumentService) -> None:
        self.store = store
        self.rounds = rounds
        self.documents = documents

    def status(self, round_name: str | None = None) -> RoundStatus:
        """报送情况 of the round named (the latest without a name)."""
        chosen = self.rounds.chosen(round_name)
        with self.store.reading() as session:
            returns = unit_returns(session, chosen)
        return RoundStatus(chosen.name, chosen.as_of, chosen.deadline, returns)

    def returns(self, round_name: str | None, unit: str) -> list[UnitFile]:
        """Every file of ``unit`` imported under the round (undone ones too), oldest first."""
        chosen = self.rounds.chosen(round_name)
        with self.store.reading() as session:
            rows = session.scalars(
                select(ImportBatch)
                .join(Unit, ImportBatch.unit_id == Unit.id)
                .where(ImportBatch.round_id == chosen.id, Unit.name == unit)
                .order_by(ImportBatch.imported_at, ImportBatch.id)
            ).all()
            return [
                UnitFile(b.file_name, b.imported_at, b.imported_by, b.changes, b.undone_at)
                for b in rows
            ]

    def figures(self, round_name: str | None, document: str | None = None) -> Summary:
        """``tracker-cli status --round``: the totals as of the round (the bulletin's)."""
        chosen = self.rounds.chosen(round_name)
        doc = self.documents.chosen(document)
        today, days = self.store.clock.today(), self.store.setting(DUE_SOON_DAYS)
        with self.store.reading() as session:
            current = session.get_one(Round, chosen.id)
            items = round_items(session, current, today, days, None if doc is None else doc.id)
            nested = nested_shares(session)
        return round_summary(items, nested)


@dataclass(frozen=True)
class UnitFile:
    """One returned file of a unit, as imported."""

    file: str
    imported_at: datetime
    imported_by: str
    changes: int
    undone_at: datetime | None
