"""``ui/`` talks to the services only: never to the store, its engine or its sessions.

What the window needs of the database itself it asks ``tracker.services.Services``
(``today()``, ``database_location()``, ``network_drive_warning()``, ``settings``…).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REACHING = {"store", "engine", "sessions"}
"""Attributes that lead past the services to the open database."""
FORBIDDEN_MODULES = ("tracker.store", "db.engine", "sqlalchemy")


def reaches_the_database(path: Path, root: Path = ROOT) -> list[str]:
    """Each place in ``path`` that touches the store, its engine, or imports them."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    where = path.relative_to(root).as_posix()
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in REACHING:
            found.append(f"{where}:{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Name) and node.id in REACHING:
            found.append(f"{where}:{node.lineno}: {node.id}")
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if name.startswith(FORBIDDEN_MODULES):
                    found.append(f"{where}:{node.lineno}: import {name}")
    return sorted(found, key=lambda place: int(place.split(":")[1]))


def test_the_check_sees_a_store_an_engine_and_their_imports(tmp_path: Path) -> None:
    sample = tmp_path / "ui" / "sample.py"
    sample.parent.mkdir()
    sample.write_text(
        "from tracker.store import Store\n"
        "today = services.store.clock.today()\n"
        "url = services.engine.url\n"
        "days = services.settings.due_soon_days()\n",
        encoding="utf-8",
    )
    assert reaches_the_database(sample, tmp_path) == [
        "ui/sample.py:1: import tracker.store",
        "ui/sample.py:2: .store",
        "ui/sample.py:3: .engine",
    ]


def test_no_ui_module_reaches_the_store_or_engine() -> None:
    found = [
        place
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for place in reaches_the_database(path)
    ]
    assert found == []
