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
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, ImportBatch, Measure, ProgressEntry, Round, Unit
from importers.ledger.columns import header_for_field
from importers.ledger.errors import LedgerReadError
from importers.ledger.model import ExportedValue, LedgerFile, ReturnedRow
from importers.ledger.reader import read_ledger
from importers.messages import QT_TRANSLATE_NOOP, Message
from tracker.errors import InvalidInputError, UserError
from tracker.progress import Change, ProgressService, Provenance
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


@dataclass
class _Current:
    assignment_id: int
    code: str
    unit_id: int
    unit: str
    document_id: int
    values: dict[str, ExportedValue]


class LedgerImporter:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.rounds = RoundService(store)
        self.progress = ProgressService(store)
        self._cache: dict[Path, tuple[tuple[float, int], LedgerFile | Message]] = {}

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

    def _snapshot(
        self, session: Session
    ) -> tuple[dict[int, _Current], dict[tuple[str, str], list[_Current]], dict[str, str]]:
        """The office's current values, read once per preview or apply, not once per file."""
        cached = session.info.get("ledger_snapshot")
        if cached is None:
            current = _current_assignments(session)
            by_code: dict[tuple[str, str], list[_Current]] = defaultdict(list)
            for c in current:
                by_code[(c.code, c.unit)].append(c)
            cached = ({c.assignment_id: c for c in current}, by_code, alias_map(session))
            session.info["ledger_snapshot"] = cached
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
        by_id, by_code, aliases = self._snapshot(session)
        owner: str | None = None
        if meta is not None and meta.kind == "unit" and meta.unit:
            owner = aliases.get(meta.unit, meta.unit)
        elif meta is None:
            units = {aliases.get(r.unit, r.unit) for r in read.rows if r.unit}
            owner = units.pop() if len(units) == 1 else None
        preview.unit = owner
        for row in read.rows:
            self._compare_row(preview, read, row, by_id, by_code, aliases, owner)
        return preview

    def _compare_row(
        self,
        preview: FilePreview,
        read: LedgerFile,
        row: ReturnedRow,
        by_id: dict[int, _Current],
        by_code: dict[tuple[str, str], list[_Current]],
        aliases: dict[str, str],
        owner: str | None,
    ) -> None:
        no_meta = read.meta is None
        code_cell = read.cell(row.sheet, "measure_code", row.row)
        unit_cell = read.cell(row.sheet, "unit", row.row)

        def reject(cell: str, template: str, **params: object) -> None:
            preview.rejected.append(Rejected(row.sheet, cell, Message(template, params)))

        unit_name = aliases.get(row.unit, row.unit)
        target: _Current | None = None
        if row.key is not None and row.key.isdigit():
            target = by_id.get(int(row.key))
        if target is None:
            candidates = by_code.get((row.measure_code, unit_name), [])
            if row.doc_key and row.doc_key.isdigit():
                candidates = [c for c in candidates if c.document_id == int(row.doc_key)]
            if len(candidates) > 1:
                reject(
                    code_cell,
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "measure {code} of {unit} exists in several documents "
                        "and the ledger's hidden keys are gone",
                    ),
                    code=row.measure_code,
                    unit=unit_name,
                )
                return
            target = candidates[0] if candidates else None
        if target is None:
            reject(
                code_cell,
                QT_TRANSLATE_NOOP("messages", "no assignment of measure {code!r} to {unit!r}"),
                code=row.measure_code,
                unit=unit_name,
            )
            return
        if owner is not None and target.unit != owner:
            reject(
                unit_cell,
                QT_TRANSLATE_NOOP(
                    "messages", "this row belongs to {unit}; the ledger was exported for {owner}"
                ),
                unit=target.unit,
                owner=owner,
            )
            return
        returned = _returned(row)
        base = (
            dict(target.values)
            if (no_meta or row.exported is None)
            else {f: row.exported.get(f) for f in FIELDS}
        )
        ticking = returned["status"] == Status.TICKED_OFF.value != base["status"]
        if ticking and owner is not None:
            reject(
                read.cell(row.sheet, "status", row.row),
                QT_TRANSLATE_NOOP(
                    "messages",
                    "a unit cannot tick off ({status}) its own measure; only the office can",
                ),
                status=Status.TICKED_OFF.value,
            )
            return
        any_change = False
        for name in FIELDS:
            new = returned[name]
            if name in ("status", "percent") and new is None:
                continue  # an emptied status or percent cell is not an instruction
            old_exported, office = base.get(name), target.values[name]
            if _same(new, old_exported):
                continue
            if not _same(office, old_exported) and not _same(office, new):
                preview.conflicts.append(
                    Conflict(
                        target.assignment_id,
                        target.code,
                        target.unit,
                        name,
                        old_exported,
                        office,
                        new,
                    )
                )
                continue
            if _same(office, new):
                continue
            preview.changed.append(
                FieldChange(target.assignment_id, target.code, target.unit, name, office, new)
            )
            any_change = True
        if not any_change:
            preview.unchanged += 1

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
                grouped = _group(preview.changed)
                # Load the rows to change in one query and hold them, so each record()
                # finds its assignment in the session instead of querying (and flushing).
                ids = list(grouped)
                held = [
                    a
                    for start in range(0, len(ids), 5000)
                    for a in session.scalars(
                        select(Assignment).where(Assignment.id.in_(ids[start : start + 5000]))
                    )
                ]
                with session.no_autoflush:
                    for assignment_id, change in grouped.items():
                        self.progress.record(
                            assignment_id, change, source=origin, session=session, flush=False
                        )
                del held
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
        return read_ledger(path)
    except LedgerReadError as exc:
        return exc.as_message()


def _current_assignments(session: Session) -> list[_Current]:
    """The office's values now, as plain columns (no ORM objects: this can be 100k rows)."""
    rows = session.connection().execute(
        select(
            Assignment.id,
            Assignment.unit_id,
            Assignment.status,
            Assignment.percent,
            Assignment.note,
            Assignment.problems,
            Assignment.next_steps,
            Measure.code,
            Measure.document_id,
            Unit.name,
        )
        .join(Measure, Assignment.measure_id == Measure.id)
        .join(Unit, Assignment.unit_id == Unit.id)
        .where(in_force())
    )
    return [
        _Current(
            aid,
            code,
            unit_id,
            unit,
            doc_id,
            {
                "status": status,
                "percent": percent,
                "progress": note,
                "problems": problems,
                "next_steps": next_steps,
            },
        )
        for aid, unit_id, status, percent, note, problems, next_steps, code, doc_id, unit in rows
    ]


def _returned(row: ReturnedRow) -> dict[str, ExportedValue]:
    return {
        "status": row.status,
        "percent": row.percent,
        "progress": row.progress,
        "problems": row.problems,
        "next_steps": row.next_steps,
    }


def _same(a: ExportedValue, b: ExportedValue) -> bool:
    return (a if a is not None else "") == (b if b is not None else "")


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
