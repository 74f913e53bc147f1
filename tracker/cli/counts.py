"""A count as tracker-cli prints it: "1 file", "2 files", "0 files"."""

from __future__ import annotations


def count(n: int, noun: str, plural: str = "") -> str:
    """``n`` and its noun, singular for one (``plural`` where adding s is not the word)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
