"""No module of the project (``tracker``, ``ui``, ``db``, ``importers``) over 400 lines.

A module a newcomer can read whole does one thing; past 400 lines it has
usually grown a second responsibility, and that is the moment to give it a
module of its own (with a docstring saying why it exists), not later.  Alembic's
revision files are left out: each is one schema change, kept as it was written.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("tracker", "ui", "db", "importers")
SKIPPED = ("db/migrations/versions",)
"""Alembic's revision files: one schema change each, never edited once released."""
MOST_LINES = 400


def module_lengths() -> dict[str, int]:
    """Every module's path (relative to the repository) and its number of lines."""
    lengths: dict[str, int] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if any(relative.startswith(skipped) for skipped in SKIPPED):
                continue
            lengths[relative] = len(path.read_text(encoding="utf-8").splitlines())
    return lengths


def test_every_module_fits_in_400_lines() -> None:
    lengths = module_lengths()
    too_long = [f"{path}: {lines} lines" for path, lines in lengths.items() if lines > MOST_LINES]
    assert not too_long, f"split by responsibility (at most {MOST_LINES} lines): " + "; ".join(
        too_long
    )


def test_the_modules_are_found() -> None:
    """The count covers the packages (a wrong root would pass the test above vacuously)."""
    lengths = module_lengths()
    assert {path.split("/")[0] for path in lengths} == set(PACKAGES)
    assert "db/models/__init__.py" in lengths
    assert not any(path.startswith("db/migrations/versions/") for path in lengths)
    assert "db/migrations/env.py" in lengths
