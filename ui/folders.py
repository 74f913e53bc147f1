"""Where file dialogs open and exports go: the folders a clerk expects.

Exports go to ``文档\\督办台账\\<轮次>\\`` (the Documents folder on Windows, its
equivalent elsewhere), not the root of the home folder; every file dialog opens
where the clerk last took or saved that kind of file, remembered per kind in
the window's settings (a returned ledger is not looked for among reports).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from importers.text_clean import safe_file_name

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
    remembered = settings.value(f"folders/{kind}", "", type=str)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return work_folder() if work_folder().is_dir() else Path.home()


def remember_folder(settings: QSettings, kind: str, chosen: Path | str) -> None:
    """Remember the folder of what was just chosen (a file's folder, or the folder itself)."""
    if kind not in KINDS:
        raise ValueError(kind)
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings.setValue(f"folders/{kind}", str(folder))
