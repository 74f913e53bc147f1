"""The compiled translation read without Qt (``importers.qm_catalog``): the same
translations Qt loads, and a service message worded as the window words it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from importers.messages import Message
from importers.qm_catalog import read_catalog, worded

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def test_the_shipped_translation_reads_as_its_source() -> None:
    """Every finished translation of the .ts is in the .qm lrelease compiled from it."""
    source = ET.parse(TRANSLATIONS / "tracker_zh_CN.ts").getroot()
    expected = {
        (context.findtext("name"), message.findtext("source")): message.findtext("translation")
        for context in source.iter("context")
        for message in context.iter("message")
        if message.get("numerus") != "yes"
        and message.find("translation") is not None
        and message.find("translation").get("type") is None  # type: ignore[union-attr]
        and message.findtext("translation")
    }
    catalog = read_catalog(TRANSLATIONS / "tracker_zh_CN.qm")
    assert {key: catalog.get(key) for key in expected} == expected
    assert len(expected) > 1000


def test_a_message_is_worded_as_the_window_words_it() -> None:
    catalog = {
        ("messages", "{column} is {state}"): "{column}{state}",
        ("messages", "empty"): "为空",
        ("messages", "lost {field}"): "丢了",
        ("messages", "broken {field}"): "坏了{other}",
    }
    nested = Message("{column} is {state}", {"column": "进展情况", "state": Message("empty")})
    assert worded(nested, catalog) == "进展情况为空"
    assert worded(Message("not translated {n}", {"n": 3}), catalog) == "not translated 3"
    assert worded(Message("lost {field}", {"field": "x"}), catalog) == "丢了"
    assert worded(Message("broken {field}", {"field": "x"}), catalog) == "broken x"
    assert worded(Message("empty"), catalog) == "为空"


def test_a_file_that_is_no_translation_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.qm"
    other.write_bytes(b"PK\x03\x04 not a translation")
    with pytest.raises(ValueError, match="not a compiled Qt translation"):
        read_catalog(other)
