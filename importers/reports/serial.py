"""A ``ReportDocument`` to JSON and back, so an issued bulletin is reprinted identically.

Every block is a frozen dataclass of strings, numbers and tuples; each is
written with its class name as ``"type"`` and rebuilt from it.  An unknown type
(a file from a newer version) raises ``ValueError``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from importers.reports.model import (
    BarChart,
    Block,
    Column,
    Heading,
    Masthead,
    PageBreak,
    Paragraph,
    ReportDocument,
    Series,
    Signature,
    Table,
)
from importers.text_clean import storable_text

_BLOCKS: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (BarChart, Heading, Masthead, PageBreak, Paragraph, Signature, Table)
}


def to_json(report: ReportDocument) -> str:
    blocks = [{"type": type(b).__name__, **asdict(b)} for b in report.blocks]
    return json.dumps(
        {
            "title": report.title,
            "subtitle": list(report.subtitle),
            "landscape": report.landscape,
            "kind": report.kind,
            "blocks": blocks,
        },
        ensure_ascii=False,
    )


def storable(report: ReportDocument) -> ReportDocument:
    """``report`` with every text as a Word file can hold it: a control character that
    reached the database from a note (a bell typed on the command line, a NUL from an older
    import) is dropped (``importers.text_clean.storable_text``), the rest is unchanged."""
    text = to_json(report)
    if "\\u00" not in text and "\\b" not in text and "\\f" not in text and text.isprintable():
        return report
    return from_json(json.dumps(_storable(json.loads(text)), ensure_ascii=False))


def _storable(value: Any) -> Any:
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, list):
        return [_storable(v) for v in value]
    if isinstance(value, dict):
        return {k: _storable(v) for k, v in value.items()}
    return value


def _block(data: dict[str, Any]) -> Block:
    kind = data.pop("type")
    if kind not in _BLOCKS:
        raise ValueError(f"unknown report block {kind!r}")
    if kind == "Table":
        data["columns"] = tuple(Column(**c) for c in data["columns"])
        data["rows"] = tuple(tuple(r) for r in data["rows"])
    elif kind == "PageBreak":
        data["subtitle"] = tuple(data.get("subtitle", ()))
    elif kind == "BarChart":
        data["categories"] = tuple(data["categories"])
        data["series"] = tuple(Series(s["name"], tuple(s["values"])) for s in data["series"])
    names = {f.name for f in fields(_BLOCKS[kind])}
    block: Block = _BLOCKS[kind](**{k: v for k, v in data.items() if k in names})
    return block


def from_json(text: str) -> ReportDocument:
    data = json.loads(text)
    return ReportDocument(
        title=data["title"],
        subtitle=tuple(data["subtitle"]),
        blocks=[_block(dict(b)) for b in data["blocks"]],
        landscape=bool(data["landscape"]),
        kind=data["kind"],
    )
