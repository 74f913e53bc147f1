"""Qt's compiled translation (``.qm``) read without Qt, for the texts a unit receives.

A unit reads Chinese whatever the office's tool speaks: the 退回单 (``return_notice.py``)
comments each rejected cell with its reason, a :class:`~importers.messages.Message`
whose Chinese is in the shipped translation.  The window translates through Qt; the
command line has no Qt, so this reads the same compiled file: a 16-byte magic, then
blocks (tag, 32-bit length); the messages block holds one record per message — its
translation (UTF-16), source text, context and comment, each tagged — ended by a 1.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from pathlib import Path

from importers.messages import CONTEXT, Message

MAGIC = bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")
_MESSAGES = 0x69
_END, _TRANSLATION, _OBSOLETE1 = 1, 3, 5
_TEXTS = {6: "source", 7: "context", 8: "comment"}
_NULL = 0xFFFFFFFF

Catalog = Mapping[tuple[str, str], str]
"""(context, English source) → translation."""


def read_catalog(path: Path) -> dict[tuple[str, str], str]:
    """Every translated message in the ``.qm`` at ``path``; ValueError if it is not one."""
    data = path.read_bytes()
    if data[:16] != MAGIC:
        raise ValueError(f"{path.name} is not a compiled Qt translation")
    position, messages = 16, b""
    while position + 5 <= len(data):
        tag = data[position]
        (length,) = struct.unpack_from(">I", data, position + 1)
        if tag == _MESSAGES:
            messages = data[position + 5 : position + 5 + length]
        position += 5 + length
    return _messages(messages)


def _messages(block: bytes) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    record: dict[str, str] = {}
    at = 0
    while at < len(block):
        tag = block[at]
        at += 1
        if tag == _END:
            if "source" in record and "translation" in record:
                found[(record.get("context", ""), record["source"])] = record["translation"]
            record = {}
        elif tag == _OBSOLETE1:
            at += 4
        elif tag == _TRANSLATION or tag in _TEXTS:
            (length,) = struct.unpack_from(">I", block, at)
            at += 4
            if length == _NULL:
                continue
            raw = block[at : at + length]
            at += length
            if tag == _TRANSLATION:
                record["translation"] = raw.decode("utf-16-be")
            else:
                record[_TEXTS[tag]] = raw.decode("utf-8")
        else:
            raise ValueError(f"unknown tag {tag} in a compiled Qt translation")
    return found


def worded(message: Message, catalog: Catalog) -> str:
    """``message`` in the catalog's language, as the window words it
    (``ui.messages.translated``): a parameter that is a Message is translated in turn; a
    template not translated, or a translation that lost a field, gives the English."""
    text = catalog.get((CONTEXT, message.template), message.template)
    if not message.params:
        return text
    params = {
        name: worded(value, catalog) if isinstance(value, Message) else value
        for name, value in message.params.items()
    }
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return message.template.format(**params)
