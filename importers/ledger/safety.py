"""Checks a returned file must pass before any parser touches it.

Returned files come by e-mail and chat from 40+ units; some are not what
their name says (an HTML page saved as ``.xls``, a ``.docx``, a truncated
download), a few are password-protected, and a hostile or broken one could be
a zip or XML bomb that would exhaust memory in the parser.  Each check fails
with a :class:`LedgerReadError` that tells the office, in plain words, what is
wrong with which file.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Literal
from xml.etree import ElementTree

from importers.ledger.errors import LedgerReadError
from importers.ledger.extent import PartWatch, check_ods, check_xlsx
from importers.ledger.ole import OLE_MAGIC, OleFormatError, stream_names
from importers.ledger.xls_extent import check_xls
from importers.messages import QT_TRANSLATE_NOOP

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
"""Ledgers expand up to about 20:1 (openpyxl, which wrote the earlier exports, writes
every CJK character as an ``&#NNNNN;`` reference), so a 50 MB ledger may legitimately
hold 1 GB of XML: a 100,000-row master ledger is 21 MB zipped, 189 MB unzipped."""
MAX_RATIO = 100
RATIO_MIN_BYTES = 1024 * 1024
"""Members smaller than this are not ratio-checked: tiny XML parts compress extremely."""
PROLOG_BYTES = 64 * 1024
"""How much of each XML member is searched for DOCTYPE / ENTITY declarations."""
_CHUNK = 1024 * 1024

Format = Literal["xlsx", "ods", "xls"]
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_MB = 1024 * 1024
PASSWORD_PROTECTED = QT_TRANSLATE_NOOP(
    "messages", "the workbook is password-protected; ask the unit to remove the password"
)


def check_size(name: str, size: int) -> None:
    """Refuse empty and oversized files before reading them into memory."""
    if size == 0:
        raise LedgerReadError(name, QT_TRANSLATE_NOOP("messages", "the file is empty"))
    if size > MAX_FILE_BYTES:
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP(
                "messages", "the file is {size} MB; a ledger is never larger than {limit} MB"
            ),
            size=f"{size / _MB:.1f}",
            limit=MAX_FILE_BYTES // _MB,
        )


def check_content(name: str, data: bytes, watch: PartWatch | None = None) -> Format:
    """Identify the spreadsheet format of ``data`` or raise :class:`LedgerReadError`;
    ``watch`` sees an ``.xlsx``'s worksheet parts as the checks inflate them."""
    check_size(name, len(data))
    if data.startswith(OLE_MAGIC):
        return _check_ole(name, data)
    if data.startswith(_ZIP_MAGIC):
        return _check_zip(name, data, watch)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype html", b"<?xml", b"<table")):
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP(
                "messages",
                "not a spreadsheet but a web page or XML file saved with a spreadsheet name; "
                "open it in Excel or WPS and save it as .xlsx",
            ),
        )
    raise LedgerReadError(
        name,
        QT_TRANSLATE_NOOP("messages", "not a spreadsheet (expected an .xlsx, .xls or .ods file)"),
    )


def _check_ole(name: str, data: bytes) -> Format:
    try:
        names = {n.casefold() for n in stream_names(data)}
    except OleFormatError as exc:
        raise LedgerReadError(
            name, QT_TRANSLATE_NOOP("messages", "the .xls file is damaged ({reason})"), reason=exc
        ) from None
    if "encryptioninfo" in names or "encryptedpackage" in names:
        raise LedgerReadError(
            name,
            PASSWORD_PROTECTED,
        )
    if not names & {"workbook", "book"}:
        raise LedgerReadError(
            name, QT_TRANSLATE_NOOP("messages", "an Office document but not an Excel workbook")
        )
    try:
        check_xls(name, data)
    except (OleFormatError, struct.error) as exc:
        raise LedgerReadError(
            name, QT_TRANSLATE_NOOP("messages", "the .xls file is damaged ({reason})"), reason=exc
        ) from None
    return "xls"


def _check_zip(name: str, data: bytes, watch: PartWatch | None) -> Format:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP("messages", "the file is damaged (broken zip archive: {reason})"),
            reason=exc,
        ) from None
    with archive:
        total = 0
        for member in members:
            total += member.file_size
            if member.file_size > RATIO_MIN_BYTES and (
                member.file_size > MAX_RATIO * max(member.compress_size, 1)
            ):
                raise LedgerReadError(
                    name,
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "refused: part {part} expands {size} MB from {packed} bytes (zip bomb?)",
                    ),
                    part=member.filename,
                    size=member.file_size // _MB,
                    packed=member.compress_size,
                )
        if total > MAX_UNCOMPRESSED_BYTES:
            raise LedgerReadError(
                name,
                QT_TRANSLATE_NOOP(
                    "messages",
                    "refused: the workbook expands to {size} MB (more than {limit} MB; zip bomb?)",
                ),
                size=total // _MB,
                limit=MAX_UNCOMPRESSED_BYTES // _MB,
            )
        listed = {m.filename for m in members}
        kind = _zip_kind(name, archive, listed)
        for member in members:
            if member.filename.endswith((".xml", ".rels", ".vml")) or member.filename in (
                "[Content_Types].xml",
            ):
                _check_xml(name, archive, member, whole=not _streamed_later(kind, member))
        try:
            if kind == "xlsx":
                check_xlsx(name, archive, watch)
            else:
                check_ods(name, archive)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
            raise LedgerReadError(
                name, QT_TRANSLATE_NOOP("messages", "the file is damaged ({reason})"), reason=exc
            ) from None
        except ElementTree.ParseError as exc:
            raise LedgerReadError(
                name,
                QT_TRANSLATE_NOOP("messages", "the file is damaged (bad XML: {reason})"),
                reason=exc,
            ) from None
    return kind


def _zip_kind(name: str, archive: zipfile.ZipFile, listed: set[str]) -> Format:
    if "xl/workbook.xml" in listed:
        return "xlsx"
    if "xl/workbook.bin" in listed:  # its binary sheets are not measured: not read at all
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP(
                "messages",
                "an Excel binary workbook (.xlsb); open it in Excel or WPS and save it as .xlsx",
            ),
        )
    if "mimetype" in listed:
        try:
            mimetype = archive.read("mimetype")[:100]
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise LedgerReadError(
                name, QT_TRANSLATE_NOOP("messages", "the file is damaged ({reason})"), reason=exc
            ) from None
        if b"opendocument.spreadsheet" in mimetype:
            return "ods"
    if "word/document.xml" in listed:
        raise LedgerReadError(
            name, QT_TRANSLATE_NOOP("messages", "a Word document, not a spreadsheet")
        )
    raise LedgerReadError(name, QT_TRANSLATE_NOOP("messages", "a zip archive, not a spreadsheet"))


def _streamed_later(kind: Format, member: zipfile.ZipInfo) -> bool:
    """Whether the extent check reads this part to its end anyway (sheets, ods content)."""
    path = member.filename
    if kind == "xlsx":
        return path.startswith("xl/worksheets/") and path.endswith(".xml")
    return path == "content.xml"


def _check_xml(
    name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo, *, whole: bool
) -> None:
    """Reject any DTD: spreadsheets never need one, and entities make XML bombs.

    With ``whole``, the rest of the part is read too (and dropped): zipfile
    stops at the size the directory declares and checks the CRC, so a part
    that inflates beyond its declared size — which the size limits trusted —
    is refused here instead of being inflated in full by the parser.
    """
    try:
        with archive.open(member) as stream:
            prolog = stream.read(PROLOG_BYTES)
            while whole and stream.read(_CHUNK):
                pass
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP("messages", "the file is damaged (part {part}: {reason})"),
            part=member.filename,
            reason=exc,
        ) from None
    if prolog.startswith((b"\xff\xfe", b"\xfe\xff")):
        prolog = prolog.decode("utf-16", "replace").encode("utf-8")
    upper = prolog.upper()
    if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP(
                "messages", "refused: part {part} declares a DTD or entities (XML bomb?)"
            ),
            part=member.filename,
        )
