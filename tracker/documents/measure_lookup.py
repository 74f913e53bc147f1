"""Finding a measure in force by the code a user typed, in one document or in all.

One rule for every command that names a measure (progress, findings, the finding list's
import): a withdrawn measure is not found, and a code several documents use asks for the
document instead of picking one.  A sub-task is named by its measure's code and its order,
``3-2``; the measure's code alone names its task when it has one.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Measure, Task
from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import AmbiguousError, NotFoundError
from tracker.records import NamedRef


def measure_named(session: Session, code: str, document: NamedRef | None) -> Measure:
    """The measure in force named by ``code`` (in ``document``, when given)."""
    query = select(Measure).where(Measure.code == code.strip(), Measure.withdrawn.is_(False))
    if document is not None:
        query = query.where(Measure.document_id == document.id)
    found = list(session.scalars(query))
    if not found:
        if document is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("messages", "no measure {code!r} in {document}"),
                code=code,
                document=document.name,
            )
        raise NotFoundError(QT_TRANSLATE_NOOP("messages", "no measure {code!r}"), code=code)
    if len(found) > 1:
        docs = "、".join(m.document.doc_number or m.document.short_title for m in found)
        raise AmbiguousError(
            QT_TRANSLATE_NOOP(
                "messages",
                "measure {code!r} exists in several documents ({documents}); name one with --doc",
            ),
            code=code,
            documents=docs,
        )
    return found[0]


_TASK_CODE = re.compile(r"^(?P<measure>.+)-(?P<seq>\d+)$")


def task_code(measure_code: str, seq: int, tasks: int) -> str:
    """The code a user sees for a task: the measure's alone when it has one, else ``3-2``."""
    return measure_code if tasks <= 1 else f"{measure_code}-{seq}"


def task_named(session: Session, code: str, document: NamedRef | None) -> Task:
    """The task in force named by ``code``: ``3-2``, or ``3`` for a measure of one task."""
    code = code.strip()
    split = _TASK_CODE.match(code)
    try:
        measure = measure_named(session, code, document)
        seq = None
    except NotFoundError:
        if split is None:
            raise
        measure = measure_named(session, split["measure"], document)
        seq = int(split["seq"])
    live = [t for t in measure.tasks if not t.withdrawn]
    if seq is None:
        if len(live) == 1:
            return live[0]
        raise AmbiguousError(
            QT_TRANSLATE_NOOP(
                "messages",
                "measure {code} has {count} sub-tasks: name one as {first} to {last}",
            ),
            code=measure.code,
            count=len(live),
            first=f"{measure.code}-1",
            last=f"{measure.code}-{len(live)}",
        )
    for task in live:
        if task.seq == seq:
            return task
    raise NotFoundError(
        QT_TRANSLATE_NOOP("messages", "measure {code} has no sub-task {seq}"),
        code=measure.code,
        seq=seq,
    )
