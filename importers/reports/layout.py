"""Page geometry and font registration shared by the PDF writer and the chart drawings.

Margins follow GB/T 9704 (公文格式): top 37 mm, bottom 35 mm, left 28 mm, right
26 mm on portrait A4.  A landscape page (the printed ledger) turns those margins
with the sheet, so the binding edge keeps its wide margin.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]

from importers.messages import QT_TRANSLATE_NOOP
from importers.reports.fonts import FontFile, ReportFontError, ReportFonts

PORTRAIT_MARGINS_MM = (37.0, 35.0, 28.0, 26.0)
"""top, bottom, left, right"""
LANDSCAPE_MARGINS_MM = (28.0, 26.0, 37.0, 35.0)


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


TURNED_MARGINS_MM = (28.0, 26.0, 35.0, 37.0)
"""A portrait document's landscape page (§8): the sheet turned so the table's head lies on
the portrait sheet's left edge; the portrait margins go with the edges they belong to."""


def turned_page() -> Page:
    """A landscape page inside a portrait document."""
    height, width = A4
    top, bottom, left, right = TURNED_MARGINS_MM
    return Page(width, height, top * mm, bottom * mm, left * mm, right * mm)


def page(landscape: bool) -> Page:
    """A4 in points, portrait or landscape, with its margins."""
    width, height = A4
    top, bottom, left, right = LANDSCAPE_MARGINS_MM if landscape else PORTRAIT_MARGINS_MM
    if landscape:
        width, height = height, width
    return Page(width, height, top * mm, bottom * mm, left * mm, right * mm)


@dataclass(frozen=True)
class FontNames:
    """The names under which the report fonts are registered with reportlab."""

    heading: str
    body: str
    title: str = ""
    kai: str = ""
    song: str = ""

    def __post_init__(self) -> None:
        for role in ("title", "kai", "song"):
            if not getattr(self, role):
                object.__setattr__(self, role, self.heading if role == "title" else self.body)


def _register(face: FontFile) -> str:
    name = f"rpt-{face.path.stem}-{face.index}"
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, str(face.path), subfontIndex=face.index))
        except Exception as exc:  # a damaged or unexpected font file
            raise ReportFontError(
                QT_TRANSLATE_NOOP("messages", "cannot use the font {path}: {reason}"),
                path=face.path,
                reason=exc,
            ) from exc
    return name


def register(fonts: ReportFonts) -> FontNames:
    """Register the fonts once per process; later calls only look the names up."""
    return FontNames(
        heading=_register(fonts.heading),
        body=_register(fonts.body),
        title=_register(fonts.title_face),
        kai=_register(fonts.kai_face),
        song=_register(fonts.song_face),
    )
