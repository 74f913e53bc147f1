"""The work ledger printed: today's values, or a round's rebuilt from the history.

Its own module because the printed ledger shares the export's rows
(``tracker.ledgers.ledger_export``) and replays a round's values over them, which
none of the other reports does.  ``ReportService.ledger`` resolves the unit, the
document and the round; this module reads and lays out.
"""

from __future__ import annotations

from dataclasses import replace

from db.models import Round
from importers.ledger.model import LedgerSheet
from importers.messages import QT_TRANSLATE_NOOP
from importers.reports.model import ReportDocument
from tracker.database_settings import OFFICE_NAME
from tracker.errors import InvalidInputError
from tracker.extensions.deadline_history import DeadlineThen, deadlines_as_of
from tracker.ledgers.ledger_rows import extended_text, ledger_rows, ledger_sheets, measure_units
from tracker.reports import report_lists
from tracker.reports.report_data import RoundValues, values_as_of
from tracker.reports.report_format import cn_date
from tracker.store import Store


def printed_ledger(
    store: Store, name: str | None, doc_id: int | None, round_id: int | None, current: bool
) -> ReportDocument:
    """One unit's ledger (``name``) or the master's (None), over one document or all;
    as of the round ``round_id`` unless ``current`` or there is no round (None)."""
    today = store.clock.today()
    with store.reading() as session:
        rows = ledger_rows(session)
        units = measure_units(rows)
        if doc_id is not None:
            rows = [r for r in rows if r.document.id == doc_id]
        if name is not None:
            rows = [r for r in rows if r.unit.name == name]
        sheets = ledger_sheets(rows, units)
        chosen = None if round_id is None else session.get_one(Round, round_id)
        if chosen is not None and not current:
            then = deadlines_as_of(session, chosen.as_of)
            sheets = round_sheets(sheets, values_as_of(session, chosen), then)
            as_of = min(chosen.as_of, today)
        round_label = "" if chosen is None else chosen.name + "　"
        round_day = None if chosen is None else chosen.as_of
    if chosen is not None and not current and rows and not any(s.rows for s in sheets):
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages",
                "nothing of this ledger had been recorded as of {round} "
                "({day}): choose a later round or print today's values",
            ),
            round=round_label.strip(),
            day=cn_date(round_day or today),
        )
    if not any(sheet.rows for sheet in sheets):
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "there is nothing to print in this ledger")
        )
    office = store.setting(OFFICE_NAME)
    title = f"{name}工作台账" if name else "工作总台账"
    if chosen is not None and not current:
        line = f"{round_label}{office}　　截至{cn_date(as_of)}"
    else:
        line = f"{office}　　{cn_date(today)}当前数据"
    return report_lists.ledger([s for s in sheets if s.rows], title, (line,))


def round_sheets(
    sheets: list[LedgerSheet],
    values: dict[int, RoundValues],
    deadlines: dict[int, DeadlineThen] | None = None,
) -> list[LedgerSheet]:
    """The sheets with each row's reported values as of a round, and its 完成时限 as it was
    then where a later extension changed it (``deadlines``); rows of assignments that had
    no entry by then (made later) are left out."""
    then = deadlines or {}
    out = []
    for sheet in sheets:
        rows = []
        for row in sheet.rows:
            found = values.get(int(row.key))
            if found is None:
                continue
            if int(row.key) in then:
                was = then[int(row.key)]
                text = extended_text(was.own, was.measure, was.measure_text)
                row = replace(row, deadline=was.deadline, deadline_text=text)
            rows.append(
                replace(
                    row,
                    status=found.status.value,
                    percent=found.percent,
                    progress=found.note,
                    problems=found.problems,
                    next_steps=found.next_steps,
                )
            )
        out.append(replace(sheet, rows=rows))
    return out
