"""What a unit asks of the office in its returned ledger, and the reason it owes.

Split from :mod:`tracker.ledgers.ledger_compare` (a row's progress fields) because
these columns are not progress: 申请延期至 with 延期理由 is a request the office
approves or refuses (``ExtensionRequest`` on the preview and on the apply's result,
for the extension service to record), and an overdue row not done should say in
未按期完成原因 why — the preview warns where it does not.  Overdue as the round counts it:
on the round's as-of day, by the deadline in force that day (``OverdueDay``).  The warnings
write their dates as the ledger does (2021年6月30日), never 2021-06-30.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, Task
from importers.ledger.columns import header_for_field
from importers.ledger.model import LedgerFile, ReturnedRow
from importers.messages import QT_TRANSLATE_NOOP, Message
from importers.statuses import Status
from tracker.extensions.deadline_history import DeadlineThen, deadlines_as_of
from tracker.ledgers.ledger_records import ExtensionRequest, FilePreview, Warned
from tracker.ledgers.ledger_rows import extended_text
from tracker.reports.report_format import cn_date

if TYPE_CHECKING:
    from tracker.ledgers.ledger_snapshot import Current

NOT_OVERDUE = frozenset({Status.DONE.value, Status.TICKED_OFF.value, Status.STANDING.value})


@dataclass(frozen=True)
class OverdueDay:
    """The day a returned row is judged overdue on (a row due before it and not done owes
    a 未按期完成原因), and the deadlines in force that day where they differ from now."""

    day: date
    then: Mapping[int, DeadlineThen] = field(default_factory=dict)
    """By assignment id: the deadline before an approval decided after ``day``."""

    def deadline(self, target: Current) -> date | None:
        then = self.then.get(target["assignment_id"])
        return target["deadline"] if then is None else then.deadline


NEVER = OverdueDay(date.min)
"""No row overdue: a file's rows compared without a day (tests of the checks alone)."""


def overdue_day(session: Session, as_of: date | None, today: date) -> OverdueDay:
    """For a return to a round, the round's as-of day with the deadlines in force then (an
    extension approved later does not count), as the round's figures judge the row; for
    one that belongs to no round, today with today's deadlines."""
    if as_of is None:
        return OverdueDay(today)
    return OverdueDay(as_of, deadlines_as_of(session, as_of))


def check_requests(
    preview: FilePreview, read: LedgerFile, row: ReturnedRow, target: Current, judged: OverdueDay
) -> None:
    """The row's extension request (on ``preview.requests``) and the warnings about it and
    about a missing 未按期完成原因 (overdue on ``judged.day``); runs for every row taken."""
    status = row.status or target["status"]
    deadline = target["deadline"]
    then = judged.deadline(target)
    found = read.columns.get(row.sheet, {})
    if (
        then is not None
        and then < judged.day
        and status not in NOT_OVERDUE
        and not row.delay_reason
        and "delay_reason" in found
    ):
        _warn(
            preview,
            read,
            row,
            target,
            "delay_reason",
            QT_TRANSLATE_NOOP(
                "messages",
                "due {deadline} and not done: {column} is empty",
            ),
            deadline=cn_date(then),
            column=header_for_field("delay_reason"),
        )
    requested = row.extension_to
    exported = row.exported.get("extension_to") if row.exported else ""
    if requested is None or requested.isoformat() == exported:
        return
    if requested == deadline:  # granted already (a 更正版 sent after the approval)
        return
    cell = read.cell(row.sheet, "extension_to", row.row)
    preview.requests.append(
        ExtensionRequest(
            target["assignment_id"],
            target["code"],
            target["unit"],
            deadline,
            requested,
            row.extension_reason,
            row.sheet,
            cell,
        )
    )
    if deadline is not None and requested <= deadline:
        _warn(
            preview,
            read,
            row,
            target,
            "extension_to",
            QT_TRANSLATE_NOOP(
                "messages",
                "the extension asked for ({requested}) is not after the deadline {deadline}",
            ),
            requested=cn_date(requested),
            deadline=cn_date(deadline),
        )
    if not row.extension_reason:
        _warn(
            preview,
            read,
            row,
            target,
            "extension_reason",
            QT_TRANSLATE_NOOP(
                "messages", "an extension to {requested} is asked without a {column}"
            ),
            requested=cn_date(requested),
            column=header_for_field("extension_reason"),
        )


def _warn(
    preview: FilePreview,
    read: LedgerFile,
    row: ReturnedRow,
    target: Current,
    field: str,
    template: str,
    **params: object,
) -> None:
    preview.warnings.append(
        Warned(
            row.sheet,
            read.cell(row.sheet, field, row.row),
            target["code"],
            target["unit"],
            Message(template, params),
        )
    )


def worded_deadlines(session: Session, previews: list[FilePreview]) -> None:
    """Each extension request's deadline in force as the ledger prints it (2021年底, or
    2022-03-31（原 2021年底） after an approval) — the preview said 2021-12-31 where the
    ledger and the extension requests page say 2021年底.  One query for every request."""
    asked = {r.assignment_id for p in previews for r in p.requests}
    if not asked:
        return
    found = session.execute(
        select(Assignment.id, Assignment.deadline, Task.deadline, Task.deadline_text)
        .join(Task, Assignment.task_id == Task.id)
        .where(Assignment.id.in_(asked))
    ).all()
    words = {a: extended_text(own, task, text) for a, own, task, text in found}
    for preview in previews:
        preview.requests = [
            replace(r, deadline_text=words.get(r.assignment_id, "")) for r in preview.requests
        ]
