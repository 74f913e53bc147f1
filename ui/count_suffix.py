"""A spin box's unit after its number, singular for one: "1 day", "15 days".

Qt's suffix is a fixed text, so a spin box set to 1 would read "1 days"; this one
follows the value.  The texts come translated from the caller (``tr(" day")``,
``tr(" days")``); Chinese has the one word for both.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox


def counted_suffix(spin: QSpinBox, one: str, many: str) -> None:
    """Show ``one`` after the value 1 and ``many`` after any other, now and on every change."""

    def show(value: int) -> None:
        spin.setSuffix(one if value == 1 else many)

    spin.valueChanged.connect(show)
    show(spin.value())
