"""Fill a Qt Linguist .ts from translation files: ``{"Context|English source": "中文"}``.

Engineers working side by side each keep their new translations in a JSON file of their
own instead of merging the .ts by hand; this script writes them into the messages lupdate
left unfinished.  A plural message (Qt ``%n``, ``numerus="yes"``) takes the same kind of
entry: the value is the one Chinese form with ``%n`` (zh_CN has one plural form), or a
list of forms for a language with more.  A key without its context (``"English source"``)
is still read, for a plural message only, as the earlier numerus files were written.

Run from a checkout's root, after lupdate and before lrelease::

    python tools/fill_translations.py resources/translations/tracker_zh_CN.ts DIR_OR_JSON...

With no JSON named, the ``*.json`` beside this script are read.  Every message still
unfinished afterwards is printed as ``UNTRANSLATED: Context|source`` on stderr.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

Translation = str | list[str]


def read_translations(sources: Iterable[Path]) -> dict[str, Translation]:
    """Every entry of the JSON files named or found in the folders named, later ones winning."""
    files: list[Path] = []
    for source in sources:
        files.extend(sorted(source.glob("*.json")) if source.is_dir() else [source])
    mapping: dict[str, Translation] = {}
    for file in files:
        mapping.update(json.loads(file.read_text(encoding="utf-8")))
    return mapping


def _unfinished(translation: ET.Element) -> bool:
    if translation.get("type") == "unfinished":
        return True
    forms = translation.findall("numerusform")
    if forms:
        return not all(form.text for form in forms)
    return not translation.text


def _fill_plural(translation: ET.Element, value: Translation) -> None:
    forms = translation.findall("numerusform") or [ET.SubElement(translation, "numerusform")]
    values = [value] if isinstance(value, str) else value
    for number, form in enumerate(forms):
        form.text = values[min(number, len(values) - 1)]
    translation.text = None


def fill(root: ET.Element, mapping: dict[str, Translation]) -> list[str]:
    """Fill the unfinished messages of a .ts tree found in ``mapping``; those left unfinished."""
    left: list[str] = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or not _unfinished(translation):
                continue
            source = message.findtext("source") or ""
            key = f"{name}|{source}"
            plural = message.get("numerus") == "yes"
            value = mapping.get(key, mapping.get(source) if plural else None)
            if value is None:
                left.append(key)
                continue
            if plural:
                _fill_plural(translation, value)
            elif isinstance(value, str):
                translation.text = value
            else:
                left.append(key)
                continue
            translation.attrib.pop("type", None)
    return left


def fill_file(ts: Path, sources: Iterable[Path]) -> list[str]:
    """Fill ``ts`` in place from ``sources``; the keys still unfinished."""
    root = ET.fromstring(ts.read_text(encoding="utf-8"))
    left = fill(root, read_translations(sources))
    text = ET.tostring(root, encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{text}\n', "utf-8")
    return left


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    sources = [Path(a) for a in argv[1:]] or [Path(__file__).resolve().parent]
    for key in fill_file(Path(argv[0]), sources):
        print("UNTRANSLATED:", key, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
