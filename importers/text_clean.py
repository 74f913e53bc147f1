"""Unit names and file names cleaned of characters no one can see.

A unit name arrives from a policy document, the directory dialog, a returned
ledger's 责任单位 cell and the command line.  Any of them may carry characters
that print as nothing but make two equal-looking names differ — a zero-width
space pasted from a web page, a byte-order mark, a line break typed with
Alt+Enter in a cell — or that make a name *look* like another: a right-to-left
override (U+202E) shows ``厅管监场市`` as ``市场监管厅`` and a file
``台账‮xslx.exe`` as ``台账exe.xlsx``.  :func:`clean_unit_name` removes them all, the
same way at every entry point, so the database never holds a name that differs from
what the clerk sees.  :func:`safe_file_name` builds on it for the names of the
files the exports write: nothing Windows forbids, no reserved device name, and a
length every file system accepts.
"""

from __future__ import annotations

import re
import unicodedata

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Arabic letter mark, LRM/RLM, embeddings and overrides (LRE…RLO), isolates (LRI…PDI)."""
_ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
"""Zero-width space, non-joiner, joiner, word joiner, byte-order mark."""
_BREAKS = "\t\n\x0b\x0c\r\x1c-\x1f\x85\u2028\u2029"
"""Controls that separate words or lines: they become one space (or nothing between
two Chinese characters, where a line break only wrapped the cell)."""
_INVISIBLE = re.compile(f"[{_BIDI}{_ZERO_WIDTH}\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]+")
_BREAK_RUN = re.compile(f"[ {_BREAKS}\u3000\u00a0]*[{_BREAKS}][ {_BREAKS}\u3000\u00a0]*")
_SPACES = re.compile(r"[ \u3000\u00a0]{2,}")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]+")
"""Characters no one types and no file or database keeps: C0 controls but tab and line
breaks, DEL, lone surrogates and the two non-characters.  PostgreSQL refuses a NUL in a
text, a Word or Excel file refuses the rest (XML 1.0 cannot hold them)."""


def clean_unit_name(text: str) -> str:
    """``text`` without control, bidi and zero-width characters, and stripped.

    Tabs and line breaks become one space, or nothing between two wide (Chinese)
    characters: ``"自治区市场\\n监管厅"`` → ``"自治区市场监管厅"``,
    ``"Bank of\\nChina"`` → ``"Bank of China"``.  Other controls (C0 and C1), the
    bidi controls and the zero-width characters are dropped.
    """
    text = _INVISIBLE.sub("", text)
    text = _BREAK_RUN.sub(_break, text)
    return _SPACES.sub(" ", text).strip()


def storable_text(text: str) -> str:
    """``text`` without :data:`_UNSTORABLE` characters (a NUL, a bell, ``_x0000_`` in a
    cell): what a user typed, as every database and file format can keep it.

    Cheap for ordinary text (one ``isprintable`` pass); tabs and line breaks stay.
    """
    if text.isprintable():
        return text
    return _UNSTORABLE.sub("", text)


def _break(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before and after and _WIDE.match(before) and _WIDE.match(after):
        return ""
    return " "


MAX_FILE_NAME_BYTES = 180
"""A file name's limit in UTF-8 bytes: Linux allows 255 bytes (85 Chinese characters),
Windows 255 UTF-16 units but 260 for the whole path, so a name stays well under both
and leaves room for the folder."""
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\s]+')
"""What Windows forbids in a name (and whitespace, which mail clients mangle)."""
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in "123456789¹²³"}
    | {f"LPT{n}" for n in "123456789¹²³"}
)
"""Device names Windows will not create a file under, whatever the extension."""


def safe_file_name(text: str, fallback: str = "台账") -> str:
    """``text`` as a file name any Windows or Linux folder accepts.

    Invisible characters go (:func:`clean_unit_name`), forbidden ones and spaces
    become ``_``, leading and trailing dots, spaces and ``_`` are stripped (Windows
    drops trailing dots and spaces, so the file written would not be the one
    recorded), a reserved device name (``CON``, ``COM1``, ``LPT1``…, whatever the
    extension) gets a ``_`` in front, and a name longer than
    :data:`MAX_FILE_NAME_BYTES` is cut at the end of its stem, keeping the
    extension.  An empty result is ``fallback``.
    """
    name = _FORBIDDEN.sub("_", clean_unit_name(unicodedata.normalize("NFC", text)))
    name = name.strip("._ ") or fallback
    stem, dot, suffix = name.rpartition(".")
    if not stem or len(suffix) > _MAX_SUFFIX:
        stem, dot, suffix = name, "", ""
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    room = MAX_FILE_NAME_BYTES - len((dot + suffix).encode())
    if len(stem.encode()) > room:
        stem = stem.encode()[:room].decode(errors="ignore").rstrip("._ ") or fallback
    return stem + dot + suffix


_MAX_SUFFIX = 8
"""A longer tail after the last dot is part of the name, not an extension."""


def is_scratch_file(name: str) -> bool:
    """Whether a file called ``name`` is a lock or temporary file, never a returned ledger.

    Excel and WPS keep ``~$报表.xlsx`` beside a workbook while it is open, LibreOffice
    ``.~lock.报表.xlsx#``; an export writes ``.ledger-….xlsx`` and renames it into
    place (one interrupted by a power cut leaves it behind); macOS leaves ``._报表.xlsx``
    on shared drives.  Reading any of them as a ledger would report a damaged file.
    """
    return name.startswith(("~$", "."))
