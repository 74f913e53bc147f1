"""tools/fill_translations.py: a .ts filled from the engineers' JSON files, plural (%n)
messages included, and what stays unfinished named."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from tools.fill_translations import fill_file

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardView</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of {0} done</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


def test_plain_and_plural_messages_are_filled(tmp_path: Path) -> None:
    ts = tmp_path / "t.ts"
    ts.write_text(TS, encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps({"BoardView|Refresh": "刷新", "BoardView|%n of {0} done": "{0}项中%n项已完成"}),
        encoding="utf-8",
    )
    # an older numerus file: keyed by the source alone
    (tmp_path / "b.json").write_text(json.dumps({"%n unit": "%n个单位"}), encoding="utf-8")
    left = fill_file(ts, [tmp_path])
    assert left == ["BoardView|Missing"]
    root = ET.fromstring(ts.read_text(encoding="utf-8"))
    found = {
        m.findtext("source"): (
            m.find("translation").get("type"),  # type: ignore[union-attr]
            m.findtext("translation/numerusform") or m.findtext("translation"),
        )
        for m in root.iter("message")
    }
    assert found == {
        "Refresh": (None, "刷新"),
        "%n of {0} done": (None, "{0}项中%n项已完成"),
        "%n unit": (None, "%n个单位"),
        "Kept": (None, "保留"),
        "Missing": ("unfinished", ""),
    }
