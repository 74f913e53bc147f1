"""Rows as tab-separated text: what Excel and WPS put on the clipboard and take from it.

``tab_separated`` writes rows the way Excel copies cells: fields apart by a tab,
rows by a line break (CRLF), and a field holding a tab, a line break or a double
quote enclosed in double quotes with its quotes doubled, so a multi-line 进展情况
pastes into one cell.  ``read_tab_separated`` reads such text back, quoted fields
included; a trailing line break (Excel always ends with one) adds no row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

_NEEDS_QUOTES = ("\t", "\n", "\r", '"')


def _field(value: str) -> str:
    if any(mark in value for mark in _NEEDS_QUOTES):
        return '"' + value.replace('"', '""') + '"'
    return value


def tab_separated(rows: Iterable[Sequence[str]]) -> str:
    """The rows as Excel's clipboard text (each row ends with CRLF)."""
    return "".join("\t".join(_field(value) for value in row) + "\r\n" for row in rows)


def read_tab_separated(text: str) -> list[list[str]]:
    """The rows of clipboard text, each a list of fields (quoted fields unquoted)."""
    rows: list[list[str]] = []
    row: list[str] = []
    field: list[str] = []
    at, end = 0, len(text)
    quoted = False
    started = False  # anything read on this row (an empty row still counts once started)
    while at < end:
        char = text[at]
        if quoted:
            if char == '"' and text.startswith('""', at):
                field.append('"')
                at += 2
                continue
            if char == '"':
                quoted = False
            else:
                field.append(char)
            at += 1
            continue
        if char == '"' and not field:
            quoted = True
            started = True
        elif char == "\t":
            row.append("".join(field))
            field = []
            started = True
        elif char in "\r\n":
            row.append("".join(field))
            rows.append(row)
            row, field, started = [], [], False
            if char == "\r" and text.startswith("\r\n", at):
                at += 1
        else:
            field.append(char)
            started = True
        at += 1
    if started or field:
        row.append("".join(field))
        rows.append(row)
    return rows
