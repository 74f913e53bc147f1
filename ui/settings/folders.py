"""Where file dialogs open and exports go: the folders a clerk expects.

Exports go to ``文档\\督办台账\\<轮次>\\`` (the Documents folder on Windows, its
equivalent elsewhere), not the root of the home folder; every file dialog opens
where the clerk last took or saved that kind of file, remembered per kind in
the window's settings (a returned ledger is not looked for among reports).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from importers.text_clean import safe_file_name
from ui.settings.window_settings import FOLDER, app_settings

WORK_FOLDER_NAME = "督办台账"
KINDS = ("documents", "ledgers", "exports", "reports", "backups", "database")
"""What a dialog is choosing: each kind remembers its own last folder."""


def work_folder() -> Path:
    """``文档\\督办台账``: the office's files from this application, in the Documents folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / WORK_FOLDER_NAME


def round_folder(round_name: str) -> Path:
    """Where a round's ledgers are exported by default: ``文档\\督办台账\\<轮次>``."""
    return work_folder() / safe_file_name(round_name)


def last_folder(settings: QSettings, kind: str) -> Path:
    """The folder a dialog for ``kind`` opens in: the last one used, else the work folder."""
    if kind not in KINDS:
        raise ValueError(kind)
    remembered = FOLDER.of(kind=kind).value(settings)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return work_folder() if work_folder().is_dir() else Path.home()


def remember_folder(settings: QSettings, kind: str, chosen: Path | str) -> None:
    """Remember the folder of what was just chosen (a file's folder, or the folder itself)."""
    if kind not in KINDS:
        raise ValueError(kind)
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    FOLDER.of(kind=kind).set(settings, str(folder))


def open_file(parent: QWidget | None, kind: str, title: str, filters: str) -> Path | None:
    """Ask for one file to open, starting where this kind of file was last taken from."""
    settings = app_settings()
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, title, str(last_folder(settings, kind)), filters
    )
    if not chosen:
        return None
    remember_folder(settings, kind, chosen)
    return Path(chosen)


def open_files(parent: QWidget | None, kind: str, title: str, filters: str) -> list[Path]:
    """Ask for files to open (several at once), starting where this kind was last taken from."""
    settings = app_settings()
    chosen, _filter = QFileDialog.getOpenFileNames(
        parent, title, str(last_folder(settings, kind)), filters
    )
    if chosen:
        remember_folder(settings, kind, chosen[0])
    return [Path(c) for c in chosen]


def save_file(
    parent: QWidget | None,
    kind: str,
    title: str,
    name: str,
    filters: str,
    options: QFileDialog.Option | None = None,
) -> Path | None:
    """Ask where to save ``name``: offered in the folder this kind was last saved to."""
    settings = app_settings()
    start = str(last_folder(settings, kind) / name) if name else str(last_folder(settings, kind))
    if options is None:
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, start, filters)
    else:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, title, start, filters, options=options
        )
    if not chosen:
        return None
    remember_folder(settings, kind, chosen)
    return Path(chosen)


def choose_folder(
    parent: QWidget | None, kind: str, title: str, start: Path | None = None
) -> Path | None:
    """Ask for a folder, starting at ``start`` or where this kind was last kept."""
    settings = app_settings()
    chosen = QFileDialog.getExistingDirectory(
        parent, title, str(start or last_folder(settings, kind))
    )
    if not chosen:
        return None
    remember_folder(settings, kind, chosen)
    return Path(chosen)
