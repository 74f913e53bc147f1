"""Render the icons of the main actions: ``resources/icons/svg/`` → ``resources/icons/actions/``.

    python packaging/render_icons.py

The drawings are SVG (this project's own, CC0: ``resources/icons/ICONS-LICENCE.md``);
the application loads PNGs rendered from them, 24 px and 48 px (``name.png``,
``name@2x.png``: crisp at 100 %, 125 %, 150 % and 200 % display scaling).  Why PNGs
and not the SVGs themselves: showing an SVG needs Qt's SVG module and its image
plugin in the frozen build, which leaves them out (``packaging/tracker.spec``: the
folder is at 198.7 of its 200 MB goal, ``bench/results.md``), and loading that plugin
would cost the start-up time as well.  Both are committed, so a build needs neither
this script nor QtSvg; re-run it after changing a drawing (a test compares the PNGs
with a fresh rendering).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
DRAWINGS = ROOT / "resources" / "icons" / "svg"
RENDERED = ROOT / "resources" / "icons" / "actions"
SIZES = {"": 24, "@2x": 48}
"""File name suffix → pixels."""


def render(drawing: Path, size: int) -> QImage:
    """``drawing`` at ``size`` × ``size`` pixels, on a transparent background."""
    renderer = QSvgRenderer(str(drawing))
    if not renderer.isValid():
        raise ValueError(f"{drawing} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def renderings() -> dict[Path, QImage]:
    """Every PNG this script writes, by its path."""
    return {
        RENDERED / f"{drawing.stem}{suffix}.png": render(drawing, size)
        for drawing in sorted(DRAWINGS.glob("*.svg"))
        for suffix, size in SIZES.items()
    }


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    RENDERED.mkdir(parents=True, exist_ok=True)
    for path, image in renderings().items():
        path.write_bytes(png_bytes(image))
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
