"""The streams inside an OLE2 compound file (the container of ``.xls``).

The directory tells an Excel 97–2003 workbook (a ``Workbook`` or ``Book``
stream) from a password-protected ``.xlsx``, which Office stores as an OLE2
file with ``EncryptionInfo`` and ``EncryptedPackage`` streams, and from other
OLE2 documents such as ``.doc``.  Searching the raw bytes for those names would
also hit a cell that happens to contain them.  :func:`read_stream` gives one
stream's bytes, so the workbook's records can be measured before calamine
allocates what they declare (:mod:`importers.ledger.xls_extent`).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_END_OF_CHAIN = 0xFFFFFFFE
_MAX_REGULAR_SECTOR = 0xFFFFFFFA
_HEADER_DIFAT_ENTRIES = 109
_MINI_SECTOR = 64


class OleFormatError(ValueError):
    """The compound file's header or directory is damaged."""


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int


class _Compound:
    """The header, FAT and directory of a compound file, read once."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(OLE_MAGIC) or len(data) < 512:
            raise OleFormatError("not an OLE2 compound file")
        self.data = data
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            raise OleFormatError(f"bad sector size 2^{shift}")
        self.size = size = 1 << shift
        (first_dir,) = struct.unpack_from("<I", data, 0x30)
        (self.mini_cutoff, first_minifat, minifat_count) = struct.unpack_from("<III", data, 0x38)
        first_difat, difat_count = struct.unpack_from("<II", data, 0x44)
        self.sector_count = max(0, (len(data) - size) // size)
        fat_sectors = [
            n
            for n in struct.unpack_from(f"<{_HEADER_DIFAT_ENTRIES}I", data, 0x4C)
            if n <= _MAX_REGULAR_SECTOR
        ]
        per_sector = size // 4
        next_difat = first_difat
        for _ in range(min(difat_count, self.sector_count)):
            if next_difat > _MAX_REGULAR_SECTOR:
                break
            entries = struct.unpack(f"<{per_sector}I", self.sector(next_difat))
            fat_sectors += [n for n in entries[:-1] if n <= _MAX_REGULAR_SECTOR]
            next_difat = entries[-1]
        self.fat: list[int] = []
        for n in fat_sectors:
            self.fat += struct.unpack(f"<{per_sector}I", self.sector(n))
        self.entries: list[_Entry] = []
        for current in self.chain(first_dir):
            block = self.sector(current)
            for offset in range(0, size, 128):
                length, kind = struct.unpack_from("<HB", block, offset + 64)
                start, low = struct.unpack_from("<II", block, offset + 116)
                if kind in (1, 2, 5) and 2 <= length <= 64:
                    name = block[offset : offset + length - 2].decode("utf-16-le", "replace")
                    self.entries.append(_Entry(name, kind, start, low))
        self._minifat = [
            n
            for s in self.chain(first_minifat, limit=minifat_count)
            for n in struct.unpack(f"<{per_sector}I", self.sector(s))
        ]

    def sector(self, n: int) -> bytes:
        if n > _MAX_REGULAR_SECTOR or n >= self.sector_count:
            raise OleFormatError(f"sector {n} is outside the file")
        start = (n + 1) * self.size
        return self.data[start : start + self.size]

    def chain(self, first: int, table: list[int] | None = None, limit: int = -1) -> list[int]:
        """The sectors of a chain starting at ``first`` (a loop or a stray link is damage)."""
        table = self.fat if table is None else table
        found: list[int] = []
        current = first
        while current != _END_OF_CHAIN and current <= _MAX_REGULAR_SECTOR:
            if len(found) == limit:
                break
            if current >= len(table) or len(found) > len(table):
                raise OleFormatError("a sector chain is broken")
            found.append(current)
            current = table[current]
        return found

    def read(self, entry: _Entry) -> bytes:
        if entry.size < self.mini_cutoff and entry.kind != 5:
            root = next((e for e in self.entries if e.kind == 5), None)
            if root is None:
                raise OleFormatError("the root entry is missing")
            mini = self.read(root)
            parts = [
                mini[n * _MINI_SECTOR : (n + 1) * _MINI_SECTOR]
                for n in self.chain(entry.start, self._minifat)
            ]
        else:
            parts = [self.sector(n) for n in self.chain(entry.start)]
        return b"".join(parts)[: entry.size]


def stream_names(data: bytes) -> set[str]:
    """Names of all streams and storages in the compound file ``data``."""
    return {entry.name for entry in _Compound(data).entries}


def read_stream(data: bytes, names: tuple[str, ...]) -> bytes | None:
    """The bytes of the first stream called one of ``names`` (case-insensitive), or None."""
    compound = _Compound(data)
    wanted = [n.casefold() for n in names]
    streams = {e.name.casefold(): e for e in compound.entries if e.kind == 2}
    for name in wanted:
        if name in streams:
            return compound.read(streams[name])
    return None
