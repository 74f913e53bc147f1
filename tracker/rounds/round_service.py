"""Reporting rounds (调度轮次): every export and every imported change belongs to one."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.models import ImportBatch, LedgerExport, Round
from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import InvalidInputError, NotFoundError
from tracker.store import Store


@dataclass(frozen=True)
class RoundInfo:
    id: int
    name: str
    as_of: date
    exports: int
    imports: int
    deadline: date | None = None
    """报送截止日期: the day the ledgers are due back."""
    units_sent: int = 0
    """The units sent their ledger under the round (each once, however often exported)."""
    units_reported: int = 0
    """The units whose returned ledger was imported under the round and not undone (an
    unchanged one counts): the 报送情况's 已报送 (``tracker.rounds.round_status``)."""
    units_not_reported: int = 0
    """The units sent their ledger that have not returned it: 未报送."""


class RoundService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def today(self) -> date:
        """The day a new round is as of unless the clerk says otherwise (``--today``)."""
        return self.store.clock.today()

    def list(self) -> list[RoundInfo]:
        with self.store.reading() as session:
            exports = dict(
                session.execute(
                    select(LedgerExport.round_id, func.count()).group_by(LedgerExport.round_id)
                ).all()
            )
            imports = dict(
                session.execute(
                    select(ImportBatch.round_id, func.count())
                    .where(ImportBatch.undone_at.is_(None))
                    .group_by(ImportBatch.round_id)
                ).all()
            )
            sent = _units_by_round(
                session,
                select(LedgerExport.round_id, LedgerExport.unit_id).where(
                    LedgerExport.kind == "unit"
                ),
            )
            reported = _units_by_round(
                session,
                select(ImportBatch.round_id, ImportBatch.unit_id).where(
                    ImportBatch.undone_at.is_(None)
                ),
            )
            return [
                RoundInfo(
                    r.id,
                    r.name,
                    r.as_of,
                    exports.get(r.id, 0),
                    imports.get(r.id, 0),
                    r.deadline,
                    len(sent[r.id]),
                    len(reported[r.id]),
                    len(sent[r.id] - reported[r.id]),
                )
                for r in session.scalars(select(Round).order_by(Round.as_of, Round.id))
            ]

    def create(self, name: str, as_of: date, deadline: date | None = None) -> RoundInfo:
        """A new round reporting as of ``as_of``, its ledgers due back by ``deadline``."""
        name = name.strip()
        if not name:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "a round needs a name, e.g. {example}"),
                example="2021年第3季度",
            )
        with self.store.transaction() as session:
            if session.scalar(select(Round).where(Round.name == name)) is not None:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "a round named {name!r} already exists"),
                    name=name,
                )
            _check_deadline(as_of, deadline)
            created = Round(
                name=name, as_of=as_of, deadline=deadline, created_at=self.store.clock.now()
            )
            session.add(created)
            session.flush()
            return RoundInfo(created.id, created.name, created.as_of, 0, 0, deadline)

    def set_deadline(self, name: str | None, deadline: date | None) -> str:
        """Set (or, with None, clear) the 报送截止日期 of the round named (the latest);
        returns the round's name."""
        with self.store.transaction() as session:
            chosen = self.find(session, name)
            _check_deadline(chosen.as_of, deadline)
            chosen.deadline = deadline
            return chosen.name

    def chosen(self, name: str | None) -> RoundInfo:
        """The round a user names (without a name, the latest one), as a plain record."""
        with self.store.reading() as session:
            found = self.find(session, name)
            exports = session.scalar(select(func.count()).where(LedgerExport.round_id == found.id))
            imports = session.scalar(
                select(func.count()).where(
                    ImportBatch.round_id == found.id, ImportBatch.undone_at.is_(None)
                )
            )
            return RoundInfo(
                found.id, found.name, found.as_of, exports or 0, imports or 0, found.deadline
            )

    def find(self, session: Session, name: str | None) -> Round:
        """The round a user names; without a name, the latest one.  Bound to this
        service's ``session``: other services ask :meth:`chosen` for a plain record."""
        if name:
            found = session.scalar(select(Round).where(Round.name == name.strip()))
            if found is None:
                known = "、".join(session.scalars(select(Round.name)))
                if not known:
                    raise NotFoundError(
                        QT_TRANSLATE_NOOP("messages", "no round named {name!r} (rounds: none yet)"),
                        name=name,
                    )
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("messages", "no round named {name!r} (rounds: {rounds})"),
                    name=name,
                    rounds=known,
                )
            return found
        latest = session.scalars(
            select(Round).order_by(Round.as_of.desc(), Round.id.desc())
        ).first()
        if latest is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "messages", "no reporting round yet: create one first (new-round)"
                )
            )
        return latest


def _check_deadline(as_of: date, deadline: date | None) -> None:
    """Ledgers report the state as of ``as_of``: they cannot be due back before it."""
    if deadline is not None and deadline < as_of:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages",
                "the reporting deadline {deadline} is before the round's as-of date {as_of}",
            ),
            deadline=deadline.isoformat(),
            as_of=as_of.isoformat(),
        )


def _units_by_round(
    session: Session, pairs: Select[int | None, int | None]
) -> defaultdict[int, set[int]]:
    """Round id → the units of ``pairs`` (round id, unit id) in it."""
    found: defaultdict[int, set[int]] = defaultdict(set)
    for round_id, unit_id in session.execute(pairs.distinct()):
        if round_id is not None and unit_id is not None:
            found[round_id].add(unit_id)
    return found
