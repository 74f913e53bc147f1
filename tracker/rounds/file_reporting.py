"""A returned ledger file in its round's 报送情况: on time, N days late, or a 更正版.

The import preview and the result of an apply say it per file in the words of the
round's page (``tracker.rounds.round_status``), from its facts: a unit's first
return (not undone) under the round decides on time or late (``late_days``), and
any later return of the unit is a 更正版 that supersedes it.  A file previewed
counts as returned today; a second file of the same unit in the same preview is a
更正版 of the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Round
from tracker.ledgers.ledger_records import ApplyResult, FilePreview, FileReporting
from tracker.rounds.round_status import ON_TIME, UnitReturn, late_days, unit_returns

CORRECTED = "更正版"


def reporting_words(reporting: FileReporting) -> str:
    """按时报送 or 逾期N天报送, 更正版 · before it for a corrected version: the import
    window's words in Chinese, as ``round-status`` prints a unit's state."""
    when = ON_TIME if reporting.days_late == 0 else f"逾期{reporting.days_late}天报送"
    return f"{CORRECTED} · {when}" if reporting.correction else when


class _Rounds:
    """Each round's deadline and its units' returns, read once for all the files."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.found: dict[str, tuple[date | None, dict[str, UnitReturn]]] = {}

    def __call__(self, name: str) -> tuple[date | None, dict[str, UnitReturn]]:
        if name not in self.found:
            chosen = self.session.scalars(select(Round).where(Round.name == name)).one()
            returns = {u.unit: u for u in unit_returns(self.session, chosen)}
            self.found[name] = (chosen.deadline, returns)
        return self.found[name]


def preview_reporting(session: Session, previews: Sequence[FilePreview], today: date) -> None:
    """Set each preview's ``reporting``: what the file would be if imported today (none for
    a file that cannot be imported or has no unit yet)."""
    rounds = _Rounds(session)
    seen: set[tuple[str, str]] = set()
    for preview in previews:
        if preview.error is not None or preview.unit is None or preview.round_name is None:
            continue
        deadline, returns = rounds(preview.round_name)
        earlier = returns.get(preview.unit)
        key = (preview.round_name, preview.unit)
        if earlier is not None and earlier.returned_at is not None:
            correction = not preview.resent  # an untouched ledger sent again: nothing new
            preview.reporting = FileReporting(deadline, earlier.days_late, correction)
        else:
            preview.reporting = FileReporting(deadline, late_days(deadline, today), key in seen)
        seen.add(key)


def applied_reporting(
    session: Session, previews: Sequence[FilePreview], result: ApplyResult
) -> None:
    """Fill ``result.reporting`` for the files it applied, read back as the round's page
    reads them once the apply is written (``session`` flushed)."""
    session.flush()
    rounds = _Rounds(session)
    by_file = {p.file: p for p in previews}
    for file, batch in zip(result.applied, result.batches, strict=True):
        preview = by_file[file]
        if preview.unit is None or preview.round_name is None:
            continue
        deadline, returns = rounds(preview.round_name)
        first = returns.get(preview.unit)
        if first is None:  # a unit the directory does not know: no 报送情况 to be in
            continue
        correction = first.batch != batch and not preview.resent
        result.reporting[file] = FileReporting(deadline, first.days_late, correction)
