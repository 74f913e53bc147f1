"""Draw the application's icon: ``resources/icons/tracker.ico`` and ``tracker.png``.

    python packaging/make_icon.py

Why drawn and not a designer's file: the project has no artwork, and a red seal with
督 in white reads at 16 px as at 256 px.  The outputs are committed (small files), so a
build needs neither this script nor a Chinese font; re-run it only to change the icon.

The ``.ico`` holds 16–48 px images as 32-bit bitmaps (what every Windows version and the
NSIS installer read) and the 256 px one as PNG (Windows' large-icon form).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 256)
RED = QColor("#c0392b")
GLYPH = "督"


def draw(size: int) -> QImage:
    """The icon at ``size`` pixels: a rounded red square, the glyph in white."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    path = QPainterPath()
    margin = size * 0.04
    path.addRoundedRect(
        QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size * 0.18, size * 0.18
    )
    painter.fillPath(path, RED)
    font = QFont(["Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei"])
    font.setPixelSize(round(size * 0.72))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, GLYPH)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def bitmap_bytes(image: QImage) -> bytes:
    """An ICO entry as a 32-bit DIB: header, BGRA rows bottom-up, then the 1-bit AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        row = bytearray()
        for x in range(size):
            pixel = image.pixelColor(x, y)
            row += bytes((pixel.blue(), pixel.green(), pixel.red(), pixel.alpha()))
        rows.append(bytes(row))
    mask_row = bytes(((size + 31) // 32) * 4)  # all zero: the alpha channel decides
    return header + b"".join(rows) + mask_row * size


def ico_bytes(images: list[QImage]) -> bytes:
    entries = [png_bytes(i) if i.width() >= 256 else bitmap_bytes(i) for i in images]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for image, data in zip(images, entries, strict=True):
        side = image.width() % 256  # 0 means 256
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(entries)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    ICONS.mkdir(parents=True, exist_ok=True)
    images = [draw(size) for size in SIZES]
    (ICONS / "tracker.ico").write_bytes(ico_bytes(images))
    (ICONS / "tracker.png").write_bytes(png_bytes(images[-1]))
    print(ICONS / "tracker.ico", ICONS / "tracker.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
