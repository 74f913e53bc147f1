"""The stream names inside an OLE2 compound file (the container of ``.xls``).

Only the directory is read — enough to tell an Excel 97–2003 workbook (a
``Workbook`` or ``Book`` stream) from a password-protected ``.xlsx``, which
Office stores as an OLE2 file with ``EncryptionInfo`` and ``EncryptedPackage``
streams, and from other OLE2 documents such as ``.doc``.  Searching the raw
bytes for those names would also hit a cell that happens to contain them.
"""

from __future__ import annotations

import struct

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_END_OF_CHAIN = 0xFFFFFFFE
_MAX_REGULAR_SECTOR = 0xFFFFFFFA
_HEADER_DIFAT_ENTRIES = 109


class OleFormatError(ValueError):
    """The compound file's header or directory is damaged."""


def stream_names(data: bytes) -> set[str]:
    """Names of all streams and storages in the compound file ``data``."""
    if not data.startswith(OLE_MAGIC) or len(data) < 512:
        raise OleFormatError("not an OLE2 compound file")
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        raise OleFormatError(f"bad sector size 2^{shift}")
    size = 1 << shift
    (first_dir,) = struct.unpack_from("<I", data, 0x30)
    first_difat, difat_count = struct.unpack_from("<II", data, 0x44)
    sector_count = max(0, (len(data) - size) // size)

    def sector(n: int) -> bytes:
        if n > _MAX_REGULAR_SECTOR or n >= sector_count:
            raise OleFormatError(f"sector {n} is outside the file")
        start = (n + 1) * size
        return data[start : start + size]

    fat_sectors = [
        n
        for n in struct.unpack_from(f"<{_HEADER_DIFAT_ENTRIES}I", data, 0x4C)
        if n <= _MAX_REGULAR_SECTOR
    ]
    per_sector = size // 4
    next_difat = first_difat
    for _ in range(difat_count):
        if next_difat > _MAX_REGULAR_SECTOR:
            break
        entries = struct.unpack(f"<{per_sector}I", sector(next_difat))
        fat_sectors += [n for n in entries[:-1] if n <= _MAX_REGULAR_SECTOR]
        next_difat = entries[-1]
    fat: list[int] = []
    for n in fat_sectors:
        fat += struct.unpack(f"<{per_sector}I", sector(n))

    names: set[str] = set()
    current, seen = first_dir, 0
    while current != _END_OF_CHAIN:
        seen += 1
        if seen > sector_count or current >= len(fat):
            raise OleFormatError("the directory chain is broken")
        block = sector(current)
        for offset in range(0, size, 128):
            length, kind = struct.unpack_from("<HB", block, offset + 64)
            if kind in (1, 2, 5) and 2 <= length <= 64:
                names.add(block[offset : offset + length - 2].decode("utf-16-le", "replace"))
        current = fat[current]
    return names
