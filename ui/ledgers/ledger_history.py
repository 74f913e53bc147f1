"""A ledger import on the window's undo stack, beside the clerk's hand edits.

Each apply of the import dialog becomes a ``LedgerImportCommand`` ("Import ledgers
(3 files)"), so Ctrl+Z right after an import undoes that import, and the Edit
menu names it.  Undo goes through ``LedgerImporter.undo_apply`` with its checks:
a value changed since the import refuses it (undo that change first), and so
does a later import still in force (named); an import undone already, from the
menu or by another clerk, is simply passed over.  Redo applies the same files
again with the same decisions, as long as they and the database still give the
changes the clerk saw in the preview; otherwise it is refused with the service's
message ("preview again"), and the files can be imported anew.  A step that
saved nothing leaves the stack where it was (``ProgressEditor.pending``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from tracker.errors import UserError
from ui.assignments.progress_commands import ProgressEditor, StackCommand
from ui.messages import busy, translated

if TYPE_CHECKING:
    from tracker.ledgers.ledger_import import ApplyResult, FilePreview, LedgerImporter

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ApplyRequest:
    """What the import dialog applied: the files and the clerk's decisions on them."""

    paths: list[Path]
    expected: list[FilePreview]
    resolutions: dict[tuple[int, str], str] = field(default_factory=dict)
    units: dict[Path, str] = field(default_factory=dict)
    apply_valid: bool = False
    corrections: dict[Path, dict[str, str]] = field(default_factory=dict)
    """The clerk's values for rejected cells, per file."""

    def apply(self, importer: LedgerImporter) -> ApplyResult:
        return importer.apply(
            self.paths,
            expected=self.expected,
            resolutions=self.resolutions,
            units=self.units,
            apply_valid=self.apply_valid,
            corrections=self.corrections,
        )


def import_text(files: int) -> str:
    """The command's name in the Edit menu: 导入台账（3个文件）."""
    if files == 1:
        return translate("LedgerImportCommand", "Import ledgers (%n file)", None, files)
    return translate("LedgerImportCommand", "Import ledgers (%n files)", None, files)


class LedgerImportCommand(StackCommand):
    """An apply the dialog made (its first redo writes nothing); undone and redone here."""

    def __init__(
        self,
        importer: LedgerImporter,
        editor: ProgressEditor,
        request: ApplyRequest,
        result: ApplyResult,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(import_text(len(result.applied)))
        self.importer = importer
        self.editor = editor
        self.request = request
        self.batches = list(result.batches)
        self.files = list(result.applied)
        """The files this import applied (what its undo takes back)."""
        self.changed = changed
        """Re-reads the window's rows after an undo or redo."""
        self._done_once = False
        editor.wrote(result.versions)

    def redo(self) -> None:
        if self.skipped():
            return
        if not self._done_once:  # the dialog applied it
            self._done_once = True
            return
        try:
            with busy():
                result = self.request.apply(self.importer)
        except UserError as exc:
            self._refused(translated(exc), "undo")
            return
        if not result.applied:
            reasons = [f"{name}: {translated(reason)}" for name, reason in result.skipped]
            self._refused(
                "\n".join(
                    [translate("LedgerImportCommand", "No file could be imported again."), *reasons]
                ),
                "undo",
            )
            return
        self.batches, self.files = list(result.batches), list(result.applied)
        self.editor.wrote(result.versions)
        self.changed()

    def undo(self) -> None:
        if self.skipped():
            return
        try:
            with busy():
                undone = self.importer.undo_apply(self.batches)
        except UserError as exc:
            self._refused(translated(exc), "redo")
            return
        self.editor.wrote(undone.versions)
        self.changed()

    def _refused(self, message: str, back: str) -> None:
        """Nothing was saved: the stack steps back (``back``) and the clerk is told why."""
        self.editor.pending = (self, back)
        self.editor.report([message])
