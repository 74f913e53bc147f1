"""Taking back returned ledgers: preview first, apply in one transaction, undo.

For every fill-in field of every row the import compares three values: what
was exported (kept in the workbook's hidden sheet), what the database holds
now, and what the unit returned.  The unit changed a field when its value
differs from the exported one; if the office changed the same field since the
export (and to something else), that is a conflict and nothing is overwritten.
Where the hidden keys are gone, rows are matched by 措施编号 + 责任单位 and the
database value stands in for the exported one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypedDict, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from db.models import Assignment, ImportBatch, Measure, ProgressEntry, Round, Unit
from importers.ledger.columns import header_for_field
from importers.ledger.errors import LedgerReadError
from importers.ledger.model import ExportedValue, LedgerFile, ReturnedRow
from importers.ledger.reader import read_ledger
from importers.messages import QT_TRANSLATE_NOOP, Message
from tracker.errors import InvalidInputError, StaleEditError, UserError
from tracker.memory import collector_paused
from tracker.progress import Change, ProgressService, Provenance, history_entry, values_after
from tracker.queries import in_force
from tracker.rounds import RoundService
from tracker.statuses import Status
from tracker.store import Store
from tracker.units import alias_map

FIELDS = ("status", "percent", "progress", "problems", "next_steps")
LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


@dataclass(frozen=True)
class FieldChange:
    assignment_id: int
    code: str
    unit: str
    field: str
    old: ExportedValue
    new: ExportedValue

    @property
    def label(self) -> str:
        return header_for_field(self.field)


@dataclass(frozen=True)
class Conflict:
    assignment_id: int
    code: str
    unit: str
    field: str
    exported: ExportedValue
    office: ExportedValue
    returned: ExportedValue


@dataclass(frozen=True)
class Rejected:
    sheet: str
    cell: str
    reason: Message


@dataclass
class FilePreview:
    path: Path
    sha256: str = ""
    unit: str | None = None
    round_name: str | None = None
    keys_found: bool = False
    changed: list[FieldChange] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    error: Message | None = None

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def applicable(self) -> bool:
        return self.error is None and not self.rejected and not self.conflicts

    @property
    def skip_reason(self) -> Message | None:
        if self.error:
            return self.error
        if self.rejected:
            rejected = QT_TRANSLATE_NOOP("messages", "{count} rejected rows")
            return Message(rejected, {"count": len(self.rejected)})
        if self.conflicts:
            conflicts = QT_TRANSLATE_NOOP("messages", "{count} conflicts")
            return Message(conflicts, {"count": len(self.conflicts)})
        return None

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "unit": self.unit,
            "round": self.round_name,
            "keys_found": self.keys_found,
            "error": None if self.error is None else str(self.error),
            "changed": [
                {"code": c.code, "unit": c.unit, "field": c.label, "old": c.old, "new": c.new}
                for c in self.changed
            ],
            "unchanged": self.unchanged,
            "rejected": [
                {"sheet": r.sheet, "cell": r.cell, "reason": str(r.reason)} for r in self.rejected
            ],
            "conflicts": [
                {
                    "code": c.code,
                    "unit": c.unit,
                    "field": header_for_field(c.field),
                    "exported": c.exported,
                    "office": c.office,
                    "returned": c.returned,
                }
                for c in self.conflicts
            ],
        }


@dataclass
class ApplyResult:
    applied: list[str] = field(default_factory=list)
    skipped: list[tuple[str, Message]] = field(default_factory=list)
    """(file name, why it was not applied)."""
    changes: int = 0


def ledger_paths(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the spreadsheets they hold (not recursing, skipping Excel lock files)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.iterdir()
                    if p.suffix.lower() in LEDGER_SUFFIXES and not p.name.startswith("~$")
                )
            )
        else:
            found.append(path)
    return found


class _Current(TypedDict):
    """An assignment as the office has it now; the fields named as in :data:`FIELDS`.

    A dict of plain values, which the garbage collector does not track (a
    snapshot holds every assignment in force).
    """

    assignment_id: int
    status: str
    percent: int | None
    progress: str
    problems: str
    next_steps: str
    version: int
    code: str
    document_id: int
    unit: str


class _Snapshot:
    """The office's current values, read once per preview or apply, not once per file.

    Rows are found by key (the assignment id) unless a unit's hidden sheet is
    gone, so the (code, unit) index is built only when a row first needs it.
    """

    def __init__(self, session: Session) -> None:
        current = _current_assignments(session)
        self.by_id = {c["assignment_id"]: c for c in current}
        self.aliases = alias_map(session)
        self._by_code: dict[tuple[str, str], list[_Current]] | None = None

    @property
    def by_code(self) -> dict[tuple[str, str], list[_Current]]:
        if self._by_code is None:
            self._by_code = defaultdict(list)
            for c in self.by_id.values():
                self._by_code[(c["code"], c["unit"])].append(c)
        return self._by_code

    def same_as(self, other: _Snapshot) -> bool:
        return other is self or (other.by_id == self.by_id and other.aliases == self.aliases)


@dataclass
class _Comparison:
    """A file's rows compared with the office's values, kept for the apply that follows.

    The apply compares again inside its transaction, in case the database
    changed since the preview; when the file, its owner and every value it is
    compared with are the same, so is the outcome, and the rows are not
    compared a second time.
    """

    read: LedgerFile
    owner: str | None
    snapshot: _Snapshot
    changed: list[FieldChange]
    unchanged: int
    rejected: list[Rejected]
    conflicts: list[Conflict]

    def holds_for(self, read: LedgerFile, owner: str | None, snapshot: _Snapshot) -> bool:
        return self.read is read and self.owner == owner and self.snapshot.same_as(snapshot)


class LedgerImporter:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.rounds = RoundService(store)
        self.progress = ProgressService(store)
        self._cache: dict[Path, tuple[tuple[float, int], LedgerFile | Message]] = {}
        self._compared: dict[Path, _Comparison] = {}

    def _read(self, path: Path) -> tuple[Path, LedgerFile | Message]:
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
        read = _read_file(path)
        if stamp is not None:
            self._cache[path] = (stamp, read)
        return path, read

    # -- preview ---------------------------------------------------------------------------
    def preview(
        self,
        paths: Iterable[Path],
        round_name: str | None = None,
        progress: Callable[[int, int], bool] | None = None,
    ) -> list[FilePreview]:
        """What importing these files would do. Writes nothing.

        ``progress(done, total)`` is called before each file is read; returning
        False stops there and the previews made so far are returned.
        """
        targets = ledger_paths(paths)
        files = []
        for done, path in enumerate(targets):
            if progress is not None and not progress(done, len(targets)):
                break
            files.append(self._read(path))
        if progress is not None and len(files) == len(targets):
            progress(len(targets), len(targets))
        with self.store.reading() as session:
            return [self._preview_one(session, path, read, round_name) for path, read in files]

    def _snapshot(self, session: Session) -> _Snapshot:
        cached = session.info.get("ledger_snapshot")
        if not isinstance(cached, _Snapshot):
            cached = session.info["ledger_snapshot"] = _Snapshot(session)
        return cached

    def _preview_one(
        self, session: Session, path: Path, read: LedgerFile | Message, round_name: str | None
    ) -> FilePreview:
        if isinstance(read, Message):
            return FilePreview(path=path, error=read)
        preview = FilePreview(path=path, sha256=read.sha256, keys_found=read.keys_found)
        preview.rejected.extend(Rejected(e.sheet, e.cell, e.reason) for e in read.errors)
        meta = read.meta
        try:
            chosen = self.rounds.find(session, round_name or (meta.round_name if meta else None))
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
            units = {aliases.get(r.unit, r.unit) for r in read.rows if r.unit}
            owner = units.pop() if len(units) == 1 else None
        preview.unit = owner
        compared = self._compared.get(path)
        if compared is None or not compared.holds_for(read, owner, snapshot):
            rows = FilePreview(path=path)
            for row in read.rows:
                _compare_row(rows, read, row, snapshot, owner)
            compared = _Comparison(
                read,
                owner,
                snapshot,
                rows.changed,
                rows.unchanged,
                rows.rejected,
                rows.conflicts,
            )
            self._compared[path] = compared
        preview.changed.extend(compared.changed)
        preview.unchanged = compared.unchanged
        preview.rejected.extend(compared.rejected)
        preview.conflicts.extend(compared.conflicts)
        return preview

    # -- apply -----------------------------------------------------------------------------
    def apply(
        self,
        paths: Iterable[Path],
        round_name: str | None = None,
        expected: list[FilePreview] | None = None,
        resolutions: Mapping[tuple[int, str], str] | None = None,
    ) -> ApplyResult:
        """Apply every file that has no rejected row and no open conflict, in one transaction.

        ``resolutions`` settles conflicts per (assignment id, field): ``"unit"`` takes
        the value the unit returned, ``"office"`` keeps the office's; a conflict not
        settled keeps its file out.
        """
        files = [self._read(p) for p in ledger_paths(paths)]
        result = ApplyResult()
        now = self.store.clock.now()
        with self.store.transaction() as session:
            previews = [self._preview_one(session, p, r, round_name) for p, r in files]
            if expected is not None and [p.changed for p in previews] != [
                p.changed for p in expected
            ]:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "the database or the files changed since the preview; preview again",
                    )
                )
            for preview in previews:
                _settle(preview, resolutions or {})
            units = {u.name: u.id for u in session.scalars(select(Unit))}
            rounds = {r.name: r.id for r in session.scalars(select(Round))}
            state: dict[int, dict[str, Any]] = {}
            touched: dict[tuple[int, str], str] = {}
            for preview in previews:
                reason = preview.skip_reason
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
                touched.update({(c.assignment_id, c.field): preview.file for c in preview.changed})
                batch = ImportBatch(
                    round_id=rounds.get(preview.round_name or ""),
                    unit_id=units.get(preview.unit or ""),
                    file_name=preview.file,
                    sha256=preview.sha256,
                    imported_at=now,
                    imported_by=self.store.user,
                    changes=len(preview.changed),
                )
                session.add(batch)
                session.flush()
                origin = Provenance(f"台账 {preview.file}", batch.round_id, batch.id)
                by_id = self._snapshot(session).by_id
                for assignment_id in {c.assignment_id for c in preview.changed} - state.keys():
                    state[assignment_id] = _columns(by_id[assignment_id])
                _write(session, _group(preview.changed), state, origin, now, self.store.user)
                result.applied.append(preview.file)
                result.changes += len(preview.changed)
        return result

    # -- undo ------------------------------------------------------------------------------
    def undo_last(self) -> list[str]:
        """Undo the most recent apply (all files it applied). Returns their names."""
        with self.store.transaction() as session:
            latest = session.scalars(
                select(ImportBatch)
                .where(ImportBatch.undone_at.is_(None))
                .order_by(ImportBatch.imported_at.desc(), ImportBatch.id.desc())
            ).first()
            if latest is None:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "there is no ledger import to undo")
                )
            batches = list(
                session.scalars(
                    select(ImportBatch).where(
                        ImportBatch.undone_at.is_(None),
                        ImportBatch.imported_at == latest.imported_at,
                    )
                )
            )
            entries = list(
                session.scalars(
                    select(ProgressEntry)
                    .where(ProgressEntry.batch_id.in_([b.id for b in batches]))
                    .order_by(ProgressEntry.id.desc())
                )
            )
            for entry in entries:
                assignment = session.get(Assignment, entry.assignment_id)
                assert assignment is not None
                if not _matches_new(assignment, entry):
                    raise InvalidInputError(
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "measure {code} of {unit} was changed after the import; "
                            "undo that change first",
                        ),
                        code=assignment.measure.code,
                        unit=assignment.unit.name,
                    )
                change = Change(
                    status=Status(entry.old_status) if entry.old_status else None,
                    percent=entry.old_percent,
                    clear_percent=entry.old_percent is None,
                    note=entry.old_note,
                    problems=entry.old_problems,
                    next_steps=entry.old_next_steps,
                )
                self.progress.record(
                    assignment.id,
                    change,
                    session=session,
                    source=Provenance("撤销导入", entry.round_id),
                )
            for batch in batches:
                batch.undone_at = self.store.clock.now()
            return [b.file_name for b in batches]


def _settle(preview: FilePreview, resolutions: Mapping[tuple[int, str], str]) -> None:
    """Turn the conflicts a clerk decided into changes (unit's value) or nothing (office's)."""
    still_open = []
    for c in preview.conflicts:
        choice = resolutions.get((c.assignment_id, c.field))
        if choice == "unit":
            preview.changed.append(
                FieldChange(c.assignment_id, c.code, c.unit, c.field, c.office, c.returned)
            )
        elif choice != "office":
            still_open.append(c)
    preview.conflicts = still_open


def _read_file(path: Path) -> LedgerFile | Message:
    if not path.exists():
        return Message(QT_TRANSLATE_NOOP("messages", "{file}: no such file"), {"file": path.name})
    try:
        with collector_paused():  # a ledger of 10,000 rows: tens of thousands of objects
            return read_ledger(path)
    except LedgerReadError as exc:
        return exc.as_message()


def _current_assignments(session: Session) -> list[_Current]:
    """The office's values now, as plain columns (no ORM objects: this can be 100k rows).

    Fetched in batches: a list of 100k result rows alive at once would keep
    Python's garbage collector busy; the tuples made from them it stops tracking.
    """
    result = session.connection().execute(
        select(
            Assignment.id,
            Assignment.status,
            Assignment.percent,
            Assignment.note,
            Assignment.problems,
            Assignment.next_steps,
            Assignment.version,
            Measure.code,
            Measure.document_id,
            Unit.name,
        )
        .join(Measure, Assignment.measure_id == Measure.id)
        .join(Unit, Assignment.unit_id == Unit.id)
        .where(in_force())
    )
    return [
        {
            "assignment_id": aid,
            "status": status,
            "percent": percent,
            "progress": note,
            "problems": problems,
            "next_steps": next_steps,
            "version": version,
            "code": code,
            "document_id": document_id,
            "unit": unit,
        }
        for batch in result.partitions(500)
        for (
            aid,
            status,
            percent,
            note,
            problems,
            next_steps,
            version,
            code,
            document_id,
            unit,
        ) in batch
    ]


def _compare_row(
    preview: FilePreview, read: LedgerFile, row: ReturnedRow, snapshot: _Snapshot, owner: str | None
) -> None:
    """One returned row against the database: changed fields, conflicts, or why it is rejected.

    Runs for every row of every file, twice (preview and apply): cell addresses
    and messages are made only for the rows that need them.
    """
    target: _Current | None = None
    if row.key is not None and row.key.isdigit():
        target = snapshot.by_id.get(int(row.key))
    if target is None:
        unit_name = snapshot.aliases.get(row.unit, row.unit)
        candidates = snapshot.by_code.get((row.measure_code, unit_name), [])
        if row.doc_key and row.doc_key.isdigit():
            candidates = [c for c in candidates if c["document_id"] == int(row.doc_key)]
        if len(candidates) > 1:
            _reject(
                preview,
                read,
                row,
                "measure_code",
                QT_TRANSLATE_NOOP(
                    "messages",
                    "measure {code} of {unit} exists in several documents "
                    "and the ledger's hidden keys are gone",
                ),
                code=row.measure_code,
                unit=unit_name,
            )
            return
        if not candidates:
            _reject(
                preview,
                read,
                row,
                "measure_code",
                QT_TRANSLATE_NOOP("messages", "no assignment of measure {code!r} to {unit!r}"),
                code=row.measure_code,
                unit=unit_name,
            )
            return
        target = candidates[0]
    if owner is not None and target["unit"] != owner:
        _reject(
            preview,
            read,
            row,
            "unit",
            QT_TRANSLATE_NOOP(
                "messages", "this row belongs to {unit}; the ledger was exported for {owner}"
            ),
            unit=target["unit"],
            owner=owner,
        )
        return
    office: tuple[ExportedValue, ...] = (
        target["status"],
        target["percent"],
        target["progress"],
        target["problems"],
        target["next_steps"],
    )
    base = office
    exported = row.exported
    if read.meta is not None and exported is not None:
        base = (
            exported.get("status"),
            exported.get("percent"),
            exported.get("progress"),
            exported.get("problems"),
            exported.get("next_steps"),
        )
    ticked_off = Status.TICKED_OFF.value
    if owner is not None and row.status == ticked_off != base[0]:
        _reject(
            preview,
            read,
            row,
            "status",
            QT_TRANSLATE_NOOP(
                "messages",
                "a unit cannot tick off ({status}) its own measure; only the office can",
            ),
            status=ticked_off,
        )
        return
    returned = (row.status, row.percent, row.progress, row.problems, row.next_steps)
    if returned == base:
        preview.unchanged += 1  # most rows: every field as exported
        return
    any_change = False
    for name, new, old_exported, now in zip(FIELDS, returned, base, office, strict=True):
        if new is None and name in ("status", "percent"):
            continue  # an emptied status or percent cell is not an instruction
        if new == old_exported or _same(new, old_exported):
            continue
        if not _same(now, old_exported) and not _same(now, new):
            preview.conflicts.append(
                Conflict(
                    target["assignment_id"],
                    target["code"],
                    target["unit"],
                    name,
                    old_exported,
                    now,
                    new,
                )
            )
            continue
        if _same(now, new):
            continue
        preview.changed.append(
            FieldChange(target["assignment_id"], target["code"], target["unit"], name, now, new)
        )
        any_change = True
    if not any_change:
        preview.unchanged += 1


def _reject(
    preview: FilePreview,
    read: LedgerFile,
    row: ReturnedRow,
    field_name: str,
    template: str,
    **params: object,
) -> None:
    cell = read.cell(row.sheet, field_name, row.row)
    preview.rejected.append(Rejected(row.sheet, cell, Message(template, params)))


def _same(a: ExportedValue, b: ExportedValue) -> bool:
    return (a if a is not None else "") == (b if b is not None else "")


_PROGRESS_COLUMNS = ("status", "percent", "note", "problems", "next_steps")
_assignments = cast(Table, Assignment.__table__)
_VERSIONED_UPDATE = (
    update(_assignments)
    .where(_assignments.c.id == bindparam("_id"), _assignments.c.version == bindparam("_version"))
    .values(version=_assignments.c.version + 1)
)
"""SET the parameters' columns WHERE id and version still match; the version goes up by one,
as the ORM's version counter does."""


def _columns(current: _Current) -> dict[str, Any]:
    return {
        "status": current["status"],
        "percent": current["percent"],
        "note": current["progress"],
        "problems": current["problems"],
        "next_steps": current["next_steps"],
        "version": current["version"],
    }


def _write(
    session: Session,
    changes: dict[int, Change],
    state: dict[int, dict[str, Any]],
    origin: Provenance,
    now: datetime,
    user: str,
) -> None:
    """One file's changes, as ``ProgressService.record`` writes them, in two bulk statements.

    Each assignment gets its new values and a history entry (old → new); its
    version is checked and raised, so a row someone else saved since this
    transaction read it stops the whole apply.  ``state`` holds the values as
    written so far, for a later file of the same apply.
    """
    entries: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for assignment_id, change in changes.items():
        current = state[assignment_id]
        before = {name: current[name] for name in _PROGRESS_COLUMNS}
        after = values_after(before, change)
        if after == before:
            continue
        entries.append(history_entry(assignment_id, before, after, origin, now, user))
        updates.append(
            {
                "_id": assignment_id,
                "_version": current["version"],
                **after,
                "updated_by": user,
                "updated_at": now,
            }
        )
        current.update(after)
        current["version"] += 1
    if not updates:
        return
    connection = session.connection()
    if connection.dialect.supports_sane_multi_rowcount:
        matched = connection.execute(_VERSIONED_UPDATE, updates).rowcount
    else:
        matched = sum(connection.execute(_VERSIONED_UPDATE, one).rowcount for one in updates)
    if matched != len(updates):
        raise StaleEditError(
            QT_TRANSLATE_NOOP("messages", "another user saved this assignment first; reload")
        )
    connection.execute(insert(ProgressEntry), entries)


def _group(changes: list[FieldChange]) -> dict[int, Change]:
    grouped: dict[int, dict[str, ExportedValue]] = defaultdict(dict)
    for c in changes:
        grouped[c.assignment_id][c.field] = c.new
    result = {}
    for assignment_id, values in grouped.items():
        status = values.get("status")
        percent = values.get("percent")
        result[assignment_id] = Change(
            status=Status(str(status)) if status else None,
            percent=int(percent) if isinstance(percent, int) else None,
            note=_text(values, "progress"),
            problems=_text(values, "problems"),
            next_steps=_text(values, "next_steps"),
        )
    return result


def _text(values: dict[str, ExportedValue], name: str) -> str | None:
    return None if name not in values else str(values[name] or "")


def _matches_new(a: Assignment, e: ProgressEntry) -> bool:
    return (a.status, a.percent, a.note, a.problems, a.next_steps) == (
        e.new_status,
        e.new_percent,
        e.new_note,
        e.new_problems if e.new_problems is not None else a.problems,
        e.new_next_steps if e.new_next_steps is not None else a.next_steps,
    )
