"""The layers of ``docs/architecture.md``, checked on every import statement.

``ui/`` is the only Qt code; it reaches the database only through ``tracker/``'s
services, so it imports neither ``db/`` nor a database library.  ``tracker/`` knows
nothing of ``ui/``; ``importers/`` (file formats) knows nothing of the database;
``db/`` is the bottom layer.  Every import counts, wherever it stands (module level,
under ``TYPE_CHECKING``, inside a function), read with ``ast`` as in
``tests/test_import_cycles.py``.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_import_cycles import imported_names, project_modules

QT = ("PySide6", "shiboken6")
DATABASE = ("db", "sqlalchemy", "sqlite3", "alembic", "psycopg")

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "tracker": (*QT, "ui"),
    "db": (*QT, "ui", "tracker", "importers"),
    "importers": (*QT, "ui", "tracker", *DATABASE),
    "ui": DATABASE,
}
"""What each package may not import: a top-level package and everything in it."""


def trespasses(modules: dict[str, Path]) -> list[str]:
    """Each import that crosses a layer it may not, as ``module → imported``."""
    found = []
    for module, path in sorted(modules.items()):
        forbidden = FORBIDDEN[module.partition(".")[0]]
        for name in imported_names(module, path):
            if name.partition(".")[0] in forbidden:
                found.append(f"{module} → {name}")
    return found


def test_the_check_sees_a_crossing(tmp_path: Path) -> None:
    service = tmp_path / "service.py"
    service.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    dialog = tmp_path / "dialog.py"
    dialog.write_text("from db.models import Unit\nimport sqlite3\n", encoding="utf-8")
    reader = tmp_path / "reader.py"
    reader.write_text("from importers.messages import Message\n", encoding="utf-8")
    modules = {"tracker.x": service, "ui.y": dialog, "importers.z": reader}
    assert trespasses(modules) == [
        "tracker.x → PySide6.QtCore.QObject",
        "ui.y → db.models.Unit",
        "ui.y → sqlite3",
    ]


def test_no_module_imports_across_its_layer() -> None:
    found = trespasses(project_modules())
    assert not found, "imports across a layer:\n" + "\n".join(found)
