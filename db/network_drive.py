"""Whether a database file lives on a network drive, where SQLite is not safe.

SQLite relies on the file system's locks; SMB/CIFS and NFS shares implement them
unreliably, and WAL mode needs shared memory that a network file system cannot
give at all (SQLite's own documentation says so).  Two clerks opening one file on
a shared folder can then corrupt it.  The office is warned and pointed to the
server option (PostgreSQL), and such a file is opened without WAL.

Free of SQLAlchemy and Qt: the engine and the window both ask.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath, PureWindowsPath

NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "ncpfs", "afs", "9p", "fuse.sshfs",
     "fuse.rclone", "davfs", "fuse.davfs2", "glusterfs", "ceph", "lustre", "gpfs"}
)  # fmt: skip
DRIVE_REMOTE = 4
"""``GetDriveTypeW``'s answer for a mapped network drive."""


def is_unc(path: PurePath | str) -> bool:
    r"""``\\server\share\…`` (or ``//server/share/…``): a Windows network path."""
    text = str(path)
    return text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\"))


def mount_file_system(path: Path, mounts: str) -> str | None:
    """The file-system type of the mount that holds ``path``, from ``/proc/mounts`` text."""
    best: tuple[int, str] | None = None
    target = path.as_posix()
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > best[0]):
            best = (len(point), fields[2])
    return best[1] if best else None


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive:
        return False
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)


def on_network_drive(path: Path) -> bool:
    """True for a file on a network share (UNC path, mapped drive, NFS/SMB mount)."""
    if is_unc(path):
        return True
    try:
        resolved = path.resolve()
    except OSError:
        return False
    if os.name == "nt":
        return is_unc(resolved) or _windows_drive_is_remote(resolved)
    if sys.platform.startswith("linux"):
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
        kind = mount_file_system(resolved, mounts)
        return kind is not None and kind.lower() in NETWORK_FILE_SYSTEMS
    return False
