"""考核: the office's scoring rules, its 通报表扬/批评, and each round's scores.

``AssessmentService`` keeps the rules as versioned data (``rules_in_force`` on a day,
``save_rules`` a new version), records remarks, scores a round from its events
(``tracker.assessment.score_events``) and publishes it: a published round's scores
are stored whole and read back as they were, whatever changed since; a
recalculation is a new version with its reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Round, ScorePublication, ScoreRemark, ScoreRuleSet, Unit
from importers.messages import QT_TRANSLATE_NOOP
from tracker.assessment.finding_events import finding_events
from tracker.assessment.score_events import remark_events, reporting_events, task_events
from tracker.assessment.score_rules import (
    DEFAULT_RULES,
    EventKind,
    RuleSet,
    apply_setting,
    from_content,
)
from tracker.assessment.scoring import RoundScores, score_units
from tracker.errors import InvalidInputError, NotFoundError
from tracker.reports.report_data import previous_round
from tracker.rounds.round_service import RoundService
from tracker.store import Store
from tracker.units.unit_service import UnitService

REMARK_KINDS = (EventKind.COMMENDATION, EventKind.CRITICISM)


@dataclass(frozen=True)
class Remark:
    id: int
    round: str
    unit: str
    kind: EventKind
    note: str
    recorded_on: date
    recorded_by: str


class AssessmentService:
    def __init__(self, store: Store, rounds: RoundService, units: UnitService) -> None:
        self.store = store
        self.rounds = rounds
        self.units = units

    def today(self) -> date:
        """The day a new rule version is in force from unless the clerk says otherwise."""
        return self.store.clock.today()

    # -- rules ---------------------------------------------------------------------------
    def rules_in_force(self, day: date | None = None) -> RuleSet:
        """The set in force on ``day`` (default today): the newest version effective by
        then; the built-in defaults (version 0) before the office saved one."""
        with self.store.reading() as session:
            return _in_force(session, day or self.store.clock.today())

    def rule_versions(self) -> list[RuleSet]:
        """Every saved version, oldest first (the defaults, version 0, are not stored)."""
        with self.store.reading() as session:
            found = session.scalars(select(ScoreRuleSet).order_by(ScoreRuleSet.version))
            return [_rule_set(r) for r in found]

    def save_rules(self, rules: RuleSet, effective_from: date, reason: str = "") -> RuleSet:
        """``rules`` as a new version, in force from ``effective_from``."""
        with self.store.transaction() as session:
            latest = session.scalar(select(func.max(ScoreRuleSet.version))) or 0
            row = ScoreRuleSet(
                version=latest + 1,
                effective_from=effective_from,
                content=rules.content(),
                reason=reason.strip(),
                created_at=self.store.clock.now(),
                created_by=self.store.user,
            )
            session.add(row)
            session.flush()
            return _rule_set(row)

    def change_rules(
        self, settings: Iterable[str], effective_from: date, reason: str = ""
    ) -> RuleSet:
        """The set in force on ``effective_from`` with ``settings`` (``EVENT=POINTS[:CAP]``,
        ``base=POINTS``) applied, saved as a new version; all refused if one is wrong."""
        changed = self.rules_in_force(effective_from)
        for setting in settings:
            changed = apply_setting(changed, setting)
        return self.save_rules(changed, effective_from, reason)

    # -- remarks -------------------------------------------------------------------------
    def add_remark(self, round_name: str | None, unit: str, kind: EventKind, note: str) -> Remark:
        """A 通报表扬 or 通报批评 for ``unit`` in the round; the note says what for."""
        if kind not in REMARK_KINDS:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "a remark is a commendation or a criticism")
            )
        if not note.strip():
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "say what the {kind} is for (a note)"),
                kind=kind.label,
            )
        chosen = self.rounds.chosen(round_name)
        named = self.units.named(unit)
        today = self.store.clock.today()
        with self.store.transaction() as session:
            row = ScoreRemark(
                round_id=chosen.id,
                unit_id=named.id,
                kind=kind.value,
                note=note.strip(),
                recorded_on=today,
                recorded_at=self.store.clock.now(),
                recorded_by=self.store.user,
            )
            session.add(row)
            session.flush()
            return Remark(row.id, chosen.name, named.name, kind, row.note, today, row.recorded_by)

    def remarks(self, round_name: str | None) -> list[Remark]:
        chosen = self.rounds.chosen(round_name)
        query = (
            select(ScoreRemark, Unit.name)
            .join(Unit, ScoreRemark.unit_id == Unit.id)
            .where(ScoreRemark.round_id == chosen.id)
            .order_by(ScoreRemark.id)
        )
        with self.store.reading() as session:
            return [
                Remark(
                    r.id, chosen.name, unit, EventKind(r.kind), r.note, r.recorded_on, r.recorded_by
                )
                for r, unit in session.execute(query).all()
            ]

    def delete_remark(self, remark_id: int) -> None:
        """Take a remark back (a published score keeps it: it is frozen)."""
        with self.store.transaction() as session:
            row = session.get(ScoreRemark, remark_id)
            if row is None:
                raise NotFoundError(QT_TRANSLATE_NOOP("messages", "no remark {id}"), id=remark_id)
            session.delete(row)

    # -- scores --------------------------------------------------------------------------
    def scores(self, round_name: str | None = None, *, fresh: bool = False) -> RoundScores:
        """The round's scores: as published (the latest version) once published, else
        computed now; ``fresh`` computes them now in any case (a preview of a
        recalculation)."""
        chosen = self.rounds.chosen(round_name)
        with self.store.reading() as session:
            if not fresh:
                published = _publications(session, chosen.id)
                if published:
                    return _published(published[-1], [p.version for p in published])
            computed = self._compute(session, chosen.id)
            versions = tuple(p.version for p in _publications(session, chosen.id))
            return replace(computed, versions=versions)

    def publish(self, round_name: str | None = None) -> RoundScores:
        """Freeze the round's scores as computed now (version 1); refused once published."""
        chosen = self.rounds.chosen(round_name)
        with self.store.transaction() as session:
            published = _publications(session, chosen.id)
            if published:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "the scores of {round} are already published (version {version}); "
                        "a change is a recalculation with its reason",
                    ),
                    round=chosen.name,
                    version=published[-1].version,
                )
            return self._store(session, chosen.id, 1, "")

    def recalculate(self, round_name: str | None, reason: str) -> RoundScores:
        """A new published version of the round's scores, computed now, with ``reason``."""
        if not reason.strip():
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "a recalculation needs its reason")
            )
        chosen = self.rounds.chosen(round_name)
        with self.store.transaction() as session:
            published = _publications(session, chosen.id)
            if not published:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP(
                        "messages", "the scores of {round} are not published yet: publish them"
                    ),
                    round=chosen.name,
                )
            latest = published[-1]
            computed = self._compute(session, chosen.id)
            if computed.content() == json.loads(latest.content):
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "recalculating {round} gives the published scores (version {version}) "
                        "again: nothing to publish",
                    ),
                    round=chosen.name,
                    version=latest.version,
                )
            return self._store(session, chosen.id, latest.version + 1, reason.strip(), computed)

    def export(self, scores: RoundScores, path: Path) -> None:
        """``scores`` to an Excel file (sheet 1 totals, sheet 2 lines)."""
        from tracker.assessment.score_export import export_scores

        export_scores(scores, path)

    def _store(
        self,
        session: Session,
        round_id: int,
        version: int,
        reason: str,
        computed: RoundScores | None = None,
    ) -> RoundScores:
        computed = computed or self._compute(session, round_id)
        row = ScorePublication(
            round_id=round_id,
            version=version,
            reason=reason,
            rules_version=computed.rules_version,
            content=json.dumps(computed.content(), ensure_ascii=False),
            published_at=self.store.clock.now(),
            published_by=self.store.user,
        )
        session.add(row)
        session.flush()
        return _published(row, [p.version for p in _publications(session, round_id)])

    def _compute(self, session: Session, round_id: int) -> RoundScores:
        chosen = session.get_one(Round, round_id)
        rules = _in_force(session, chosen.as_of)
        before = previous_round(session, chosen)
        events, scope = task_events(session, chosen, before)
        events += reporting_events(session, chosen, self.store.clock.today())
        events += finding_events(session, chosen, before)
        events += remark_events(session, chosen)
        units = score_units(events, scope, rules)
        used = json.loads(rules.content())
        return RoundScores(chosen.name, chosen.as_of, rules.version, tuple(units), rules=used)


def _in_force(session: Session, day: date) -> RuleSet:
    found = session.scalars(
        select(ScoreRuleSet)
        .where(ScoreRuleSet.effective_from <= day)
        .order_by(ScoreRuleSet.effective_from.desc(), ScoreRuleSet.version.desc())
    ).first()
    return DEFAULT_RULES if found is None else _rule_set(found)


def _rule_set(row: ScoreRuleSet) -> RuleSet:
    return from_content(row.content, row.version, row.effective_from, row.reason)


def _publications(session: Session, round_id: int) -> list[ScorePublication]:
    query = select(ScorePublication).where(ScorePublication.round_id == round_id)
    return list(session.scalars(query.order_by(ScorePublication.version)))


def _published(row: ScorePublication, versions: list[int]) -> RoundScores:
    return RoundScores.from_content(
        json.loads(row.content),
        version=row.version,
        reason=row.reason,
        published_at=row.published_at,
        published_by=row.published_by,
        versions=tuple(versions),
    )
