"""Ready-made member lists for a group, read from editable files.

Only public facts ship (Ningxia's five prefecture-level cities, with 宁东基地管委会
as an option): ``resources/groups/*.json``, each ``{"title", "group", "members",
"optional", "note"}``.  An office adds or edits a file there; nothing is hard-wired.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class GroupPreset:
    title: str
    group: str
    """The collective the list is meant for (a suggestion: any group may take it)."""
    members: tuple[str, ...]
    optional: tuple[str, ...] = ()
    note: str = ""


def presets_folder() -> Path:
    return Path(str(resources.files("resources") / "groups"))


def load_presets(folder: Path | None = None) -> list[GroupPreset]:
    """The presets in ``folder`` (default: the shipped ones), by file name; a file that is
    not a preset (bad JSON, no members) is left out."""
    found = []
    for path in sorted((folder or presets_folder()).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            members = tuple(str(m) for m in data["members"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if members:
            found.append(
                GroupPreset(
                    title=str(data.get("title") or path.stem),
                    group=str(data.get("group", "")),
                    members=members,
                    optional=tuple(str(m) for m in data.get("optional", ())),
                    note=str(data.get("note", "")),
                )
            )
    return found
