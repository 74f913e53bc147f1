"""Finding report fonts: official names first, TrueType only, a clear error when none."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from importers.reports import fonts
from importers.reports.fonts import ReportFontError, find_fonts, truetype_faces
from importers.reports.model import Paragraph, ReportDocument
from tracker.errors import UserError
from tracker.reports.report_service import save_report

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")


def sfnt(version: bytes, tags: list[bytes], collection: bool = False) -> bytes:
    """A font file header with the given table tags (enough for the outline check)."""
    body = version + struct.pack(">HHHH", len(tags), 0, 0, 0)
    body += b"".join(tag + b"\0" * 12 for tag in tags)
    if not collection:
        return body
    return b"ttcf" + struct.pack(">HHI", 1, 0, 1) + struct.pack(">I", 16) + body


def test_truetype_check_reads_only_headers(tmp_path: Path) -> None:
    cases = {
        "tt.ttf": sfnt(b"\x00\x01\x00\x00", [b"cmap", b"glyf", b"loca"]),
        "tt.ttc": sfnt(b"\x00\x01\x00\x00", [b"glyf"], collection=True),
        "cff.otf": sfnt(b"OTTO", [b"CFF ", b"cmap"]),
        "cff.ttc": sfnt(b"OTTO", [b"CFF "], collection=True),
        "junk.ttf": b"not a font",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    assert {n: truetype_faces(tmp_path / n) for n in cases} == {
        "tt.ttf": 1,
        "tt.ttc": 1,
        "cff.otf": 0,
        "cff.ttc": 0,
        "junk.ttf": 0,
    }


def test_no_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A CFF collection under a known name must not be taken either.
    (tmp_path / "wqy-zenhei.ttc").write_bytes(sfnt(b"OTTO", [b"CFF "], collection=True))
    monkeypatch.setattr(fonts, "font_dirs", lambda: [tmp_path])
    with pytest.raises(ReportFontError, match="no Chinese font installed"):
        find_fonts()
    report = ReportDocument(title="催办单", blocks=[Paragraph("正文")])
    with pytest.raises(UserError, match=r"install e\.g\."):
        save_report(report, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.skipif(not (WQY.exists() and UMING.exists()), reason="CI installs these fonts")
def test_linux_free_fonts_fill_in_for_the_official_ones(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "wqy-zenhei.ttc").symlink_to(WQY)
    (tmp_path / "uming.ttc").symlink_to(UMING)
    found = find_fonts([tmp_path])
    assert (found.heading.path.name, found.body.path.name) == ("wqy-zenhei.ttc", "uming.ttc")
    # The official fonts win when present (here: a copy of the free font named as simfang).
    (tmp_path / "SIMFANG.TTF").symlink_to(UMING)
    found = find_fonts([tmp_path, tmp_path / "a"])
    assert (found.body.path.name, found.body.family) == ("SIMFANG.TTF", "仿宋")
