"""Read a policy document file into text lines (and, from Word, tables).

Offices receive documents as Word files, as PDFs printed from them, and as
plain text saved by whatever editor was at hand — UTF-8 with or without BOM,
or GB18030/GBK on older Windows machines.  This module only gets the text
out; it raises ``PolicyReadError`` for anything that is not a readable
document, and fingerprints the bytes so the same file is not imported twice.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from importers.messages import QT_TRANSLATE_NOOP
from importers.policy.conversion import CONVERTIBLE_SUFFIXES, convert_to_docx
from importers.policy.docx_numbering import ListNumbering
from importers.policy.errors import PolicyReadError
from importers.text_clean import storable_text

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")
READABLE_SUFFIXES = SUPPORTED_SUFFIXES + CONVERTIBLE_SUFFIXES
"""Every policy document file this importer takes (some through a word processor)."""
_MAX_CONTROL_SHARE = 0.01
"""More control characters than this and the "text" is binary data."""
_QUIET = logging.NullHandler()


@dataclass(frozen=True)
class SourceInfo:
    """What the caller stores about the imported file."""

    file_name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class SourceTable:
    """A table: rows of cell texts, and the line (paragraph number) it starts on."""

    line: int
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int, ...] = ()
    """The source line of every row (a Word table's rows count as lines; empty where a PDF
    page's layout gives none)."""


@dataclass(frozen=True)
class SourceText:
    lines: list[str]
    tables: list[SourceTable] = field(default_factory=list)
    layout_pages: list[str] = field(default_factory=list)
    """A PDF's pages laid out as text (cells at their columns), for its tables."""


def read_source(path: Path) -> tuple[SourceText, SourceInfo]:
    """The file's text and fingerprint; ``PolicyReadError`` if it cannot be read."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES and suffix not in CONVERTIBLE_SUFFIXES:
        if not suffix:
            raise PolicyReadError(
                name, QT_TRANSLATE_NOOP("messages", "unsupported file type '(none)'")
            )
        raise PolicyReadError(
            name, QT_TRANSLATE_NOOP("messages", "unsupported file type {suffix!r}"), suffix=suffix
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PolicyReadError(
            name,
            QT_TRANSLATE_NOOP("messages", "cannot be read ({reason})"),
            reason=error.strerror or error,
        ) from error
    if not data.strip():
        raise PolicyReadError(name, QT_TRANSLATE_NOOP("messages", "is empty"))
    info = SourceInfo(name, hashlib.sha256(data).hexdigest(), len(data))
    if suffix == ".docx":
        source = _read_docx(data, name)
    elif suffix in CONVERTIBLE_SUFFIXES:
        source = _read_docx(convert_to_docx(path), name)
    elif suffix == ".pdf":
        text, layout = _read_pdf(data, name)
        source = SourceText(text.splitlines(), layout_pages=layout)
    else:
        source = SourceText(decode_text(data, name).splitlines())
    source = _storable(source)
    if not any(line.strip() for line in source.lines) and not source.tables:
        raise PolicyReadError(name, QT_TRANSLATE_NOOP("messages", "contains no text"))
    return source, info


def _storable(source: SourceText) -> SourceText:
    """The text without control characters (a NUL in a .txt, a stray one in a PDF's text
    layer): PostgreSQL refuses a NUL, a Word report the others, and the parser marks
    collectives with NULs of its own (``importers.policy.units``)."""
    clean = storable_text
    return SourceText(
        [clean(line) for line in source.lines],
        [
            replace(t, rows=tuple(tuple(clean(c) for c in row) for row in t.rows))
            for t in source.tables
        ],
        [clean(page) for page in source.layout_pages],
    )


def decode_text(data: bytes, file_name: str) -> str:
    """Decode plain text: BOM, else strict UTF-8, else GB18030; refuse binary data."""
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text = _try_decode(data[len(codecs.BOM_UTF8) :], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try_decode(data, "utf-16")
    else:
        text = _try_decode(data, "utf-8")
        if text is None:
            text = _try_decode(data, "gb18030")
    if text is None:
        raise PolicyReadError(
            file_name, QT_TRANSLATE_NOOP("messages", "is neither UTF-8 nor GB18030 text")
        )
    if _looks_binary(text):
        raise PolicyReadError(file_name, QT_TRANSLATE_NOOP("messages", "is binary data, not text"))
    return text


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    controls = sum(
        1
        for ch in text
        if ch not in "\r\n\t\f\v" and unicodedata.category(ch) in ("Cc", "Cs", "Co")
    )
    return controls > _MAX_CONTROL_SHARE * len(text)


def _read_docx(data: bytes, file_name: str) -> SourceText:
    """Body paragraphs in order; tables as rows of cell text, placed after their paragraph."""
    import docx  # python-docx; imported here so plain-text imports do not pay for it
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a broken package
        raise PolicyReadError(
            file_name, QT_TRANSLATE_NOOP("messages", "is not a readable Word (.docx) document")
        ) from error
    numbering = ListNumbering(document)
    lines: list[str] = []
    tables: list[SourceTable] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = tuple(
                tuple(cell.text.replace("\n", "") for cell in row.cells) for row in block.rows
            )
            # Every row counts as a line, as Word's "save as text" writes it: a task and a
            # warning name their own row, not the line above the table.
            first = len(lines) + 1
            tables.append(SourceTable(first, rows, tuple(range(first, first + len(rows)))))
            lines.extend([""] * len(rows))
        else:
            lines.extend((numbering.label(block) + block.text).splitlines() or [""])
    return SourceText(lines, tables)


def _read_pdf(data: bytes, file_name: str) -> tuple[str, list[str]]:
    """The text layer of every page, pages separated by a blank line; and each page laid out."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs what it mends ("EOF marker not found"): to the application's log, if it
    # keeps one, never as a stray line on the clerk's console.
    logging.getLogger("pypdf").addHandler(_QUIET)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
        layout = [_laid_out(page) for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise PolicyReadError(
            file_name, QT_TRANSLATE_NOOP("messages", "is not a readable PDF document")
        ) from error
    text = "\n\n".join(pages)
    if not text.strip():
        raise PolicyReadError(
            file_name, QT_TRANSLATE_NOOP("messages", "has no text layer (a scanned PDF?)")
        )
    return text, layout


def _laid_out(page: Any) -> str:
    """The page with every piece of text at its column; empty where pypdf cannot lay it out."""
    try:
        return str(page.extract_text(extraction_mode="layout") or "")
    except Exception:  # layout mode is an extra: a page it fails on still has its plain text
        return ""
