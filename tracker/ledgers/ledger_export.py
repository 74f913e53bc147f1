"""Exporting work ledgers (工作台账): one workbook per unit, and the master ledger.

The rows come from one query over the active assignments; the file layout is
``importers.ledger``'s business.  Every export is recorded against its round.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from db.models import LedgerExport, Round, Unit
from importers.ledger.model import LedgerWorkbook
from importers.ledger.writer import write_ledger
from importers.messages import QT_TRANSLATE_NOOP, Message
from importers.text_clean import safe_file_name
from tracker.database_settings import DUE_SOON_DAYS, OFFICE_NAME
from tracker.errors import UserError
from tracker.ledgers.export_errors import write_failure
from tracker.ledgers.finding_returns import finding_lines
from tracker.ledgers.ledger_rows import (
    AssignmentContext,
    ledger_rows,
    ledger_sheets,
    measure_units,
)
from tracker.ledgers.master_groups import with_group_headings
from tracker.records import NamedRef
from tracker.rounds.round_service import RoundInfo, RoundService
from tracker.rounds.round_status import round_summary_sheet
from tracker.store import Store
from tracker.units.memberless import memberless_collectives
from tracker.units.unit_service import UnitService

Progress = Callable[[int, int], bool]
"""Called with (done, total); returning False cancels the remaining work."""


@dataclass(frozen=True)
class ExportFailure:
    """A unit whose ledger was not written, the file it was to be, and why."""

    unit: str
    path: Path
    reason: Message

    def __str__(self) -> str:
        return str(self.reason)


@dataclass
class UnitExports:
    """What :meth:`LedgerExporter.export_each_unit` wrote, and what it could not."""

    written: list[Path] = field(default_factory=list)
    failed: list[ExportFailure] = field(default_factory=list)
    memberless: list[str] = field(default_factory=list)
    """Collectives skipped for having no member yet (``tracker.units.memberless``): nobody
    to send their ledger to; the export's summary names them."""

    def raise_if_failed(self) -> None:
        """A :class:`UserError` naming the first failure (and how many there were)."""
        if len(self.failed) == 1:
            raise UserError(self.failed[0].reason.template, **self.failed[0].reason.params)
        if self.failed:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "messages", "{count} ledgers could not be written; the first: {first}"
                ),
                count=len(self.failed),
                first=self.failed[0].reason,
            )


class FileNames:
    """File names safe on Windows and Linux, unique within one export.

    Two units whose names differ only in characters a file name cannot hold
    (``A/B`` and ``A_B``) would otherwise write the same file, the second over
    the first; Windows compares names without case, so neither may differ only
    in case.
    """

    def __init__(self) -> None:
        self.used: set[str] = set()

    def unique(self, wanted: str) -> str:
        name = safe_file_name(wanted)
        stem, dot, suffix = name.rpartition(".")
        candidate, n = name, 1
        while candidate.casefold() in self.used:
            n += 1
            candidate = f"{stem}_{n}{dot}{suffix}" if dot else f"{name}_{n}"
        self.used.add(candidate.casefold())
        return candidate


class LedgerExporter:
    def __init__(self, store: Store, rounds: RoundService, units: UnitService) -> None:
        self.store = store
        self.rounds = rounds
        self.units = units

    @property
    def office(self) -> str:
        return self.store.setting(OFFICE_NAME)

    def export_units(
        self,
        round_name: str | None,
        out_dir: Path,
        units: list[str] | None = None,
        progress: Progress | None = None,
    ) -> list[Path]:
        """One workbook per unit (all units with assignments when ``units`` is None).

        The paths written; if any unit's could not be written, a :class:`UserError`
        naming it after the others were written (:meth:`export_each_unit` reports each).
        """
        outcome = self.export_each_unit(round_name, out_dir, units, progress)
        outcome.raise_if_failed()
        return outcome.written

    def export_each_unit(
        self,
        round_name: str | None,
        out_dir: Path,
        units: list[str] | None = None,
        progress: Progress | None = None,
    ) -> UnitExports:
        """One workbook per unit, going on past a unit whose file cannot be written.

        Each file is written atomically (a hidden temporary file beside it, renamed
        into place: :func:`write_ledger`), so a failure leaves neither a partial file
        nor a temporary one; only files really written are recorded against the
        round, in one transaction at the end.  A unit asked for by name that has no
        assignment is a failure too; an unknown unit name stops before anything is
        written.  A collective with no member yet gets no file, asked for or not
        (``tracker.units.memberless``): it is listed in ``memberless``.
        """
        _make_folder(out_dir)
        outcome = UnitExports()
        chosen = self.rounds.chosen(round_name)
        named = None if units is None else [self.units.named(n) for n in units]
        with self.store.transaction() as session:
            rows = ledger_rows(session)
            by_unit: dict[int, list[AssignmentContext]] = defaultdict(list)
            for row in rows:
                by_unit[row.unit.id].append(row)
            findings = finding_lines(session)  # each unit's 整改台账, when it has any
            if named is None:
                every = {r.unit.id: r.unit.name for r in rows}
                for unit_id in findings.keys() - every.keys():  # open findings and no task
                    every[unit_id] = session.get_one(Unit, unit_id).name
                targets = [NamedRef(unit_id, every[unit_id]) for unit_id in sorted(every)]
            else:
                targets = list({u.id: u for u in named}.values())
            memberless = memberless_collectives(session)
            outcome.memberless = [u.name for u in targets if u.id in memberless]
            targets = [u for u in targets if u.id not in memberless]
            by_measure = measure_units(rows)
            office = self.office
            names = FileNames()
            for done, unit in enumerate(targets):
                if progress is not None and not progress(done, len(targets)):
                    break
                mine = by_unit.get(unit.id, [])
                path = out_dir / names.unique(f"{unit.name}_{chosen.name}_工作台账.xlsx")
                if not mine and not findings.get(unit.id):
                    outcome.failed.append(
                        ExportFailure(
                            unit.name,
                            path,
                            Message(
                                QT_TRANSLATE_NOOP(
                                    "messages", "{unit} has no assignment to put in a ledger"
                                ),
                                {"unit": unit.name},
                            ),
                        )
                    )
                    continue
                book = LedgerWorkbook(
                    kind="unit",
                    unit=unit.name,
                    round_name=chosen.name,
                    as_of=chosen.as_of,
                    exported_at=self.store.clock.now(),
                    office=office,
                    sheets=ledger_sheets(mine, by_measure),
                    findings=findings.get(unit.id, []),
                    due_back=chosen.deadline,
                )
                try:
                    write_ledger(book, path)
                except OSError as exc:
                    outcome.failed.append(ExportFailure(unit.name, path, write_failure(path, exc)))
                    continue
                session.add(_record(chosen, "unit", unit.id, path, len(mine), self.store))
                outcome.written.append(path)
            if progress is not None:
                progress(len(outcome.written) + len(outcome.failed), len(targets))
        return outcome

    def export_master(self, round_name: str | None, out_dir: Path) -> Path:
        """Every assignment, plus the 汇总 sheet: one line per unit as of the round (the
        bulletin's figures, ``tracker.rounds.round_figures``) and the round's 报送情况."""
        _make_folder(out_dir)
        today = self.store.clock.today()
        chosen = self.rounds.chosen(round_name)
        with self.store.transaction() as session:
            rows = ledger_rows(session)
            if not rows:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "messages", "there is nothing to export yet: import a policy document first"
                    )
                )
            book = LedgerWorkbook(
                kind="master",
                unit=None,
                round_name=chosen.name,
                as_of=chosen.as_of,
                exported_at=self.store.clock.now(),
                office=self.office,
                sheets=with_group_headings(
                    session, ledger_sheets(rows, measure_units(rows)), rows, today
                ),
                **round_summary_sheet(
                    session,
                    session.get_one(Round, chosen.id),
                    today,
                    self.store.setting(DUE_SOON_DAYS),
                ),
            )
            path = out_dir / safe_file_name(f"总台账_{chosen.name}.xlsx")
            _write(book, path)
            session.add(_record(chosen, "master", None, path, len(rows), self.store))
        return path


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if isinstance(exc, FileExistsError | NotADirectoryError):
            raise UserError(
                QT_TRANSLATE_NOOP("messages", "cannot create the folder {folder}: {reason}"),
                folder=folder,
                reason=exc.strerror or exc,
            ) from None
        reason = write_failure(folder, exc)
        raise UserError(reason.template, **reason.params) from None
    remove_stale_temporaries(folder)


STALE_AFTER = timedelta(hours=1)
"""A temporary file older than this is no export's in progress (one writes in seconds)."""


def remove_stale_temporaries(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete the temporary files an export killed half-way left in ``folder``.

    The writer's ``.ledger-*.xlsx`` is renamed into place or removed, but a power
    cut or a killed process leaves it behind.  The import ignores such files; they
    would still puzzle a clerk attaching the folder's files to e-mails.  Only
    those older than :data:`STALE_AFTER` go: another clerk may be exporting into
    the same shared folder right now.  A file that cannot be removed is left.
    """
    cutoff = (now or datetime.now()).timestamp() - STALE_AFTER.total_seconds()
    removed: list[Path] = []
    for path in folder.glob(".ledger-*.xlsx"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def _write(book: LedgerWorkbook, path: Path) -> None:
    """Write one workbook; a full disk, a long name or a file open in Excel is the user's
    to fix, and the message says which it is."""
    try:
        write_ledger(book, path)
    except OSError as exc:
        reason = write_failure(path, exc)
        raise UserError(reason.template, **reason.params) from None


def _record(
    chosen: RoundInfo, kind: str, unit_id: int | None, path: Path, rows: int, store: Store
) -> LedgerExport:
    return LedgerExport(
        round_id=chosen.id,
        kind=kind,
        unit_id=unit_id,
        file_name=path.name,
        exported_at=store.clock.now(),
        exported_by=store.user,
        rows=rows,
    )
