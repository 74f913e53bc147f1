"""Network drives are recognised (UNC paths, mapped drives, NFS/SMB mounts)."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from db.network_drive import is_unc, mount_file_system, on_network_drive

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//fileserver/督办 /mnt/share cifs rw,vers=3.0 0 0
server:/export /mnt/share/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/share\\040local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"\\fileserver\督办\tracker.sqlite3", True),
        ("//fileserver/share/tracker.sqlite3", True),
        (r"\\?\C:\data\tracker.sqlite3", False),
        (r"C:\Users\clerk\tracker.sqlite3", False),
    ],
)
def test_unc_paths(path: str, expected: bool) -> None:
    assert is_unc(PureWindowsPath(path)) is expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/clerk/tracker.sqlite3", "ext4"),
        ("/mnt/share/台账/tracker.sqlite3", "cifs"),
        ("/mnt/share/nfs/tracker.sqlite3", "nfs4"),
        ("/mnt/shared/tracker.sqlite3", "ext4"),
        ("/mnt/share local/tracker.sqlite3", "ext4"),
    ],
)
def test_the_deepest_mount_decides(path: str, expected: str) -> None:
    assert mount_file_system(Path(path), MOUNTS) == expected


def test_a_local_temporary_file_is_not_on_a_network_drive(tmp_path: Path) -> None:
    assert on_network_drive(tmp_path / "tracker.sqlite3") is False
    assert on_network_drive(Path(r"\\fileserver\share\tracker.sqlite3")) is True
