"""The words a unit reads: Chinese, from the shipped translation, wherever the file is made.

A 退回单 goes to the unit whatever language the office's window speaks, and the command
line has no window to translate; its reasons (service messages, English templates) are
worded from the compiled translation the window loads (``resources/translations``), read
without Qt (``importers.qm_catalog``).  Without that file the English is written.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from importers.messages import Message
from importers.qm_catalog import Catalog, read_catalog, worded

TRANSLATION = "tracker_zh_CN.qm"


@cache
def unit_catalog() -> Catalog:
    """The shipped Chinese translation (empty if it cannot be read)."""
    path = Path(str(resources.files("resources") / "translations" / TRANSLATION))
    try:
        return read_catalog(path)
    except (OSError, ValueError):
        return {}


def in_unit_words(message: Message) -> str:
    """``message`` as the unit reads it: in Chinese where the translation has it."""
    return worded(message, unit_catalog())


def notice_note(rejected: int, office: str, contact: str, phone: str) -> str:
    """The 退回单's closing line: what the unit does next, and whom it asks — the office's
    contact person and phone (the settings a chaser prints), when they are set."""
    note = f"以上{rejected}处填报有误，请在本表中按标注修改后，作为更正版重新报送。"
    if contact or phone:
        call = f"（电话：{phone}）" if phone else ""
        note += f"如有疑问，请联系{office}{contact}{call}。"
    return note
