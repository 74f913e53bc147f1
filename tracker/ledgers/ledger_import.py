"""Taking back returned ledgers: preview first, apply in one transaction, undo.

The service the GUI and ``tracker-cli`` call.  It reads the files and the
office's values and keeps the sessions; :mod:`tracker.ledgers.ledger_compare` decides,
field by field, what a returned row changes, :mod:`tracker.ledgers.ledger_write` writes
a file's changes, and :mod:`tracker.ledgers.ledger_records` holds what is handed back
(re-exported here, where callers have always found them).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ImportBatch, Round, Unit
from importers.ledger.corrections import corrected, editable_field
from importers.ledger.model import LedgerFile
from importers.ledger.return_notice import ReturnedCell, write_return_notice
from importers.messages import QT_TRANSLATE_NOOP, Message
from importers.text_clean import safe_file_name
from tracker.backups.backup_service import backup_before
from tracker.database_settings import OFFICE_NAME, REPORT_CONTACT, REPORT_PHONE
from tracker.errors import InvalidInputError, UserError
from tracker.inspections.inspection_service import InspectionService
from tracker.ledgers import ledger_snapshot
from tracker.ledgers.finding_returns import apply_findings, compare_findings
from tracker.ledgers.ledger_checks import chosen_unit, code_of, row_codes
from tracker.ledgers.ledger_compare import FIELDS, Comparison, compare_file, settle
from tracker.ledgers.ledger_extras import write_extras
from tracker.ledgers.ledger_files import LEDGER_SUFFIXES, ledger_paths, read_file
from tracker.ledgers.ledger_records import (
    CLEAR,
    ApplyResult,
    Conflict,
    FieldChange,
    FilePreview,
    Ignored,
    Kept,
    Rejected,
)
from tracker.ledgers.ledger_requests import overdue_day, worded_deadlines
from tracker.ledgers.ledger_returns import earlier_returns
from tracker.ledgers.ledger_undo import UndoneImport, undo_import
from tracker.ledgers.ledger_write import assignment_columns, group_changes, write_changes
from tracker.ledgers.unit_wording import in_unit_words, notice_note
from tracker.memory import collector_paused
from tracker.progress.history_entries import Provenance
from tracker.progress.progress_service import ProgressService
from tracker.rounds.file_reporting import applied_reporting, preview_reporting
from tracker.rounds.round_service import RoundService
from tracker.store import Store
from tracker.units.unit_service import alias_map

NOTICE_SETTINGS = (OFFICE_NAME, REPORT_CONTACT, REPORT_PHONE)
"""Whom a 退回单 tells the unit to ask (``unit_wording.notice_note``)."""

__all__ = [
    "CLEAR",
    "FIELDS",
    "LEDGER_SUFFIXES",
    "ApplyResult",
    "Conflict",
    "FieldChange",
    "FilePreview",
    "Ignored",
    "Kept",
    "LedgerImporter",
    "Rejected",
    "ledger_paths",
]

Corrections = Mapping[Path, Mapping[str, str]] | None
Read = LedgerFile | Message


class LedgerImporter:
    def __init__(
        self,
        store: Store,
        rounds: RoundService,
        progress: ProgressService,
        inspections: InspectionService | None = None,
    ) -> None:
        self.store = store
        self.rounds = rounds
        self.progress = progress
        self.inspections = inspections
        self._cache: dict[Path, tuple[tuple[float, int], LedgerFile | Message]] = {}
        self._compared: dict[Path, Comparison] = {}

    def _read(self, path: Path, corrections: Corrections = None) -> tuple[Path, Read]:
        path, read = self._read_once(path)
        typed = (corrections or {}).get(path)
        return path, corrected(read, typed) if typed and isinstance(read, LedgerFile) else read

    def _read_once(self, path: Path) -> tuple[Path, LedgerFile | Message]:
        """Read a returned file, reusing the preview's reading when the file is unchanged.

        The clerk previews and then applies the same files: reading 40 workbooks
        twice would double the wait. A changed file (size or time) is read again.
        """
        try:
            stat = path.stat()
            stamp: tuple[float, int] | None = (stat.st_mtime, stat.st_size)
        except OSError:
            stamp = None
        cached = self._cache.get(path)
        if stamp is not None and cached is not None and cached[0] == stamp:
            return path, cached[1]
        read = read_file(path)
        if stamp is not None:
            self._cache[path] = (stamp, read)
        return path, read

    # -- preview ---------------------------------------------------------------------------
    def preview(
        self,
        paths: Iterable[Path],
        round_name: str | None = None,
        progress: Callable[[int, int], bool] | None = None,
        units: Mapping[Path, str] | None = None,
        corrections: Corrections = None,
    ) -> list[FilePreview]:
        """What importing these files would do. Writes nothing.

        ``progress(done, total)`` is called before each file is read; returning
        False stops there and the previews made so far are returned.  ``units``
        names the unit of a file whose hidden sheet is gone (the clerk's choice,
        by path as listed); such a file without one ``needs_unit``.  ``corrections``: the
        clerk's text for rejected cells, per file (``importers.ledger.corrections``).

        Runs with the cycle collector paused (``tracker.memory``): a 10,000-row file makes
        hundreds of thousands of lasting objects, and each full collection set off meanwhile
        walked all of them again (``bench/notes.md``)."""
        with collector_paused():
            return self._preview(paths, round_name, progress, units, corrections)

    def _preview(
        self,
        paths: Iterable[Path],
        round_name: str | None,
        progress: Callable[[int, int], bool] | None,
        units: Mapping[Path, str] | None,
        corrections: Corrections,
    ) -> list[FilePreview]:
        targets = ledger_paths(paths)
        kept = set(targets)  # what earlier previews of other files left behind goes
        self._cache = {p: c for p, c in self._cache.items() if p in kept}
        self._compared = {p: c for p, c in self._compared.items() if p in kept}
        files = []
        for done, path in enumerate(targets):
            if progress is not None and not progress(done, len(targets)):
                break
            files.append(self._read(path, corrections))
        if progress is not None and len(files) == len(targets):
            progress(len(targets), len(targets))
        with self.store.reading() as session:
            previews = [
                self._preview_one(session, path, read, round_name, (units or {}).get(path))
                for path, read in files
            ]
            preview_reporting(session, previews, self.store.clock.today())
            worded_deadlines(session, previews)
            return previews

    def _snapshot(self, session: Session) -> ledger_snapshot.Snapshot:
        cached = session.info.get("ledger_snapshot")
        if not isinstance(cached, ledger_snapshot.Snapshot):
            snapshot = ledger_snapshot.Snapshot(
                ledger_snapshot.current_assignments(session),
                alias_map(session),
                ledger_snapshot.unit_contacts(session),
            )
            cached = session.info["ledger_snapshot"] = snapshot
        return cached

    def _preview_one(
        self,
        session: Session,
        path: Path,
        read: LedgerFile | Message,
        round_name: str | None,
        unit: str | None = None,
    ) -> FilePreview:
        if isinstance(read, Message):
            return FilePreview(path=path, error=read)
        preview = FilePreview(path=path, sha256=read.sha256, keys_found=read.keys_found)
        codes = row_codes(read) if read.errors else {}
        preview.rejected.extend(
            Rejected(
                e.sheet,
                e.cell,
                e.reason,
                editable_field(read, e) or "",
                code_of(codes, e.sheet, e.cell),
            )
            for e in read.errors
        )
        meta = read.meta
        try:
            chosen = self.rounds.chosen(round_name or (meta.round_name if meta else None))
        except UserError as exc:
            preview.error = exc.as_message()
            return preview
        preview.round_name = chosen.name
        earlier = session.scalar(
            select(ImportBatch).where(
                ImportBatch.sha256 == read.sha256, ImportBatch.undone_at.is_(None)
            )
        )
        if earlier is not None:
            preview.error = Message(
                QT_TRANSLATE_NOOP("messages", "this file was already imported on {when}"),
                {"when": f"{earlier.imported_at:%Y-%m-%d %H:%M}"},
            )
            return preview
        snapshot = self._snapshot(session)
        aliases = snapshot.aliases
        owner: str | None = None
        if meta is not None and meta.kind == "unit" and meta.unit:
            owner = aliases.get(meta.unit, meta.unit)
        elif meta is None:
            owner = chosen_unit(preview, read, snapshot, unit)
            if preview.error is not None:
                return preview
        preview.unit, preview.master = owner, meta is not None and meta.kind == "master"
        superseded = earlier_returns(session, chosen.name, owner) if owner else frozenset()
        compared = self._compared.get(path)
        overdue = overdue_day(session, chosen.as_of, self.store.clock.today())
        if compared is None or not compared.holds_for(read, owner, snapshot, superseded, overdue):
            compared = compare_file(path, read, owner, snapshot, superseded, overdue)
            self._compared[path] = compared
        compared.fill(preview)
        compare_findings(session, read, owner, preview)
        return preview

    # -- apply -----------------------------------------------------------------------------
    def apply(
        self,
        paths: Iterable[Path],
        round_name: str | None = None,
        expected: list[FilePreview] | None = None,
        resolutions: Mapping[tuple[int, str], str] | None = None,
        units: Mapping[Path, str] | None = None,
        *,
        apply_valid: bool = False,
        prefer: str | None = None,
        corrections: Corrections = None,
    ) -> ApplyResult:
        """Apply every file that has no rejected row and no open conflict, in one transaction.

        ``apply_valid`` applies the valid rows of a file with rejected cells too (the
        rejected rows keep the office's values; the 退回单 tells the unit what to
        correct).  ``prefer`` (``"unit"`` or ``"office"``) settles every conflict that
        ``resolutions`` does not.

        ``resolutions`` settles conflicts per (assignment id, field): ``"unit"`` takes
        the value the unit returned, ``"office"`` keeps the office's; a conflict not
        settled keeps its file out.  ``"clear"`` clears a text the unit emptied (kept
        otherwise).  ``units`` and ``corrections`` as for :meth:`preview` (a file that needs
        a unit and has none is skipped).  The collector is paused as for :meth:`preview`."""
        with collector_paused():
            return self._apply(
                paths, round_name, expected, resolutions, units, apply_valid, prefer, corrections
            )

    def _apply(
        self,
        paths: Iterable[Path],
        round_name: str | None,
        expected: list[FilePreview] | None,
        resolutions: Mapping[tuple[int, str], str] | None,
        units: Mapping[Path, str] | None,
        apply_valid: bool,
        prefer: str | None,
        corrections: Corrections,
    ) -> ApplyResult:
        files = [self._read(p, corrections) for p in ledger_paths(paths)]
        result = ApplyResult()
        now = self.store.clock.now()
        backup_before(self.store, "ledger-apply")  # no backup, no apply (BackupError)
        with self.store.transaction() as session:
            previews = [
                self._preview_one(session, p, r, round_name, (units or {}).get(p)) for p, r in files
            ]
            if expected is not None and [(p.changed, p.finding_edits) for p in previews] != [
                (p.changed, p.finding_edits) for p in expected
            ]:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "the database or the files changed since the preview; preview again",
                    )
                )
            for preview in previews:
                chosen = dict(resolutions or {})
                if prefer is not None:
                    for c in preview.conflicts:
                        chosen.setdefault(c.key, prefer)
                settle(preview, chosen)
            units_by_name = {u.name: u for u in session.scalars(select(Unit))}
            unit_ids = {name: u.id for name, u in units_by_name.items()}
            rounds = {r.name: r.id for r in session.scalars(select(Round))}
            state: dict[int, dict[str, Any]] = {}
            touched: dict[tuple[int, str], str] = {}
            for preview in previews:
                reason = preview.blocking(apply_valid=apply_valid)
                clash = next(
                    (
                        touched[(c.assignment_id, c.field)]
                        for c in preview.changed
                        if (c.assignment_id, c.field) in touched
                    ),
                    None,
                )
                if reason is None and clash is not None:
                    reason = Message(
                        QT_TRANSLATE_NOOP(
                            "messages", "changes the same fields as {file}; import it on its own"
                        ),
                        {"file": clash},
                    )
                if reason is not None:
                    result.skipped.append((preview.file, reason))
                    continue
                file = preview.file  # (a property: not once per change)
                touched.update({(c.assignment_id, c.field): file for c in preview.changed})
                result.requests.extend(preview.requests)
                batch = ImportBatch(
                    round_id=rounds.get(preview.round_name or ""),
                    unit_id=unit_ids.get(preview.unit or ""),
                    file_name=preview.file,
                    sha256=preview.sha256,
                    imported_at=now,
                    imported_by=self.store.user,
                    changes=len(preview.changed) + len(preview.finding_edits),
                )
                session.add(batch)
                session.flush()
                origin = Provenance(f"台账 {preview.file}", batch.round_id, batch.id)
                by_id = self._snapshot(session).by_id
                for assignment_id in {c.assignment_id for c in preview.changed} - state.keys():
                    state[assignment_id] = assignment_columns(by_id[assignment_id])
                write_changes(
                    session, group_changes(preview.changed), state, origin, now, self.store.user
                )
                write_extras(
                    session, preview, units_by_name, batch, origin.source, self.store, now, result
                )
                if self.inspections is not None:  # the 整改台账's edits, in the same batch
                    edits = preview.finding_edits
                    apply_findings(session, self.inspections, edits, origin.source, batch.id)
                result.applied.append(preview.file)
                result.batches.append(batch.id)
                result.changes += len(preview.changed) + len(preview.finding_edits)
            # The versioned UPDATE matched each stored version and raised it by one, as
            # ``state`` did: the versions after the apply, without reading them back.
            result.versions = {assignment_id: s["version"] for assignment_id, s in state.items()}
            applied_reporting(session, previews, result)
        return result

    def return_notice(self, preview: FilePreview, out_dir: Path) -> Path:
        """The 退回单 for a previewed file with rejected cells: the unit's workbook with them
        marked and commented, and a one-page list (``importers.ledger.return_notice``),
        its reasons in the unit's Chinese from the window and the command line alike
        (``tracker.ledgers.unit_wording``)."""
        if not preview.rejected:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "{file} has no rejected cell to send back"),
                file=preview.file,
            )
        unit = preview.unit or preview.path.stem
        cells = [
            ReturnedCell(r.sheet, r.cell, in_unit_words(r.reason), r.code) for r in preview.rejected
        ]
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / safe_file_name(f"{unit}_{preview.round_name or ''}_退回单.xlsx")
        source = preview.path if preview.path.suffix.lower() in (".xlsx", ".xlsm") else None
        write_return_notice(
            source,
            target,
            cells,
            f"{unit}工作台账退回单",
            notice_note(len(cells), *(self.store.setting(s) for s in NOTICE_SETTINGS)),
        )
        return target

    # -- undo ------------------------------------------------------------------------------
    def undo_last(self) -> list[str]:
        """Undo the most recent apply (all files it applied). Returns their names."""
        return undo_import(self.store).files

    def undo_apply(self, batches: Collection[int]) -> UndoneImport:
        """Undo the apply that wrote ``batches`` (``ApplyResult.batches``) if it is still the
        latest; nothing if it was undone already (see :mod:`tracker.ledgers.ledger_undo`)."""
        return undo_import(self.store, batches)
