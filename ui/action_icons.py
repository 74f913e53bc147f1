"""The icons of the main actions: this project's drawings, rendered to PNG at two sizes.

``resources/icons/svg/`` holds the drawings (CC0, ``resources/icons/ICONS-LICENCE.md``);
``packaging/render_icons.py`` renders each to ``resources/icons/actions/<name>.png``
(24 px) and ``<name>@2x.png`` (48 px), which are committed: the frozen build ships no
SVG support, and Qt picks the sharper picture at 125 %, 150 % or 200 % scaling.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ui.resources import resource_path

ACTION_ICONS = (
    "import_document",
    "export_ledgers",
    "import_ledgers",
    "print_report",
    "rounds",
    "units_directory",
    "settings",
    "undo",
    "redo",
    "find",
    "tick_off",
    "set_status",
    "refresh",
)
"""The drawn icons, named as the actions that show them (``WindowActions``' fields)."""


def action_icon(name: str) -> QIcon:
    """The icon drawn for the action ``name`` (both sizes; a null icon for an unknown name)."""
    icon = QIcon()
    for suffix in ("", "@2x"):
        path = resource_path("icons", "actions", f"{name}{suffix}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
