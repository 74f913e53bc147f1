"""Finding files shipped with the application, from the source tree or a frozen build.

In a PyInstaller build the ``resources`` folder is unpacked next to the
executable's data (``sys._MEIPASS``); in the source tree it sits beside ``ui``.
Every resource lookup goes through ``resource_path`` so both work alike.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The ``resources`` folder of this installation."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file under ``resources``, e.g. ``resource_path("translations", "tracker_zh_CN.qm")``."""
    return resources_root().joinpath(*parts)


def application_version() -> str:
    """The application's version (``tracker.__version__``: also right in a frozen build)."""
    from tracker import __version__

    return __version__
