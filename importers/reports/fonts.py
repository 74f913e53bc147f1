"""Finding Chinese fonts the PDF writer can embed, on Windows, Linux and macOS.

Official documents want 方正小标宋 or 黑体 for titles and 仿宋 for the body; a
clerk's Windows machine has 黑体/仿宋/宋体, a Linux machine usually only a free CJK
font.  reportlab embeds TrueType outlines only, so CFF-based OpenType collections
(Noto CJK ``.ttc``) are recognised from their header and skipped.  With no usable
font at all we raise ``ReportFontError`` rather than print a page of empty boxes.
"""

from __future__ import annotations

import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from importers.messages import QT_TRANSLATE_NOOP, MessageError

INSTALL_HINT = QT_TRANSLATE_NOOP(
    "messages",
    "no Chinese font installed that PDF reports can use; install e.g. {fonts} "
    "or, on Linux, the fonts-wqy-zenhei or fonts-arphic-uming package",
)
HINT_FONTS = "仿宋/黑体 (simfang.ttf, simhei.ttf)"


class ReportFontError(MessageError):
    """No TrueType font with Chinese characters was found; the message says what to install."""


@dataclass(frozen=True)
class FontFile:
    """One face inside a font file (``index`` selects the face of a ``.ttc`` collection)."""

    path: Path
    index: int
    family: str
    """The name Word knows the font by, e.g. 仿宋; informative for fallback fonts."""


@dataclass(frozen=True)
class ReportFonts:
    """The faces GB/T 9704 names: 小标宋 for the title, 黑体 for 一、 headings, 楷体 for
    （一） headings, 仿宋 for the body, 宋体 for page numbers.  Roles without a face of
    their own fall back (title → heading, kai and song → body), and ``notes`` says so."""

    heading: FontFile
    body: FontFile
    title: FontFile | None = None
    kai: FontFile | None = None
    song: FontFile | None = None
    notes: tuple[str, ...] = ()
    """Substitutions, in Chinese, for the font report (the clerk's proof-reader reads them)."""

    @property
    def title_face(self) -> FontFile:
        return self.title or self.heading

    @property
    def kai_face(self) -> FontFile:
        return self.kai or self.body

    @property
    def song_face(self) -> FontFile:
        return self.song or self.body

    def report(self) -> list[str]:
        """One line per role: which face prints it, then the substitutions."""
        roles = (
            ("标题（2号小标宋）", self.title_face),
            ("一级标题（3号黑体）", self.heading),
            ("二级标题（3号楷体）", self.kai_face),
            ("正文（3号仿宋）", self.body),
            ("页码（4号宋体）", self.song_face),
        )
        return [f"{role}：{face.family}（{face.path.name}）" for role, face in roles] + [
            f"注：{note}" for note in self.notes
        ]


# File names (lower case) in order of preference, with the family name Word uses.
HEADING_FILES: tuple[tuple[str, str], ...] = (
    ("方正小标宋简体.ttf", "方正小标宋简体"),
    ("fzxbsjw.ttf", "方正小标宋简体"),
    ("fzxbsk.ttf", "方正小标宋_GBK"),
    ("simhei.ttf", "黑体"),
    ("stheiti light.ttc", "华文黑体"),
    ("stheiti medium.ttc", "华文黑体"),
    ("msyh.ttc", "微软雅黑"),
    ("msyh.ttf", "微软雅黑"),
    ("wqy-zenhei.ttc", "文泉驿正黑"),
    ("wqy-microhei.ttc", "文泉驿微米黑"),
)
BODY_FILES: tuple[tuple[str, str], ...] = (
    ("simfang.ttf", "仿宋"),
    ("仿宋_gb2312.ttf", "仿宋_GB2312"),
    ("fangsong_gb2312.ttf", "仿宋_GB2312"),
    ("stfangso.ttf", "华文仿宋"),
    ("simsun.ttc", "宋体"),
    ("stsong.ttf", "华文宋体"),
    ("songti.ttc", "宋体-简"),
    ("uming.ttc", "AR PL UMing"),
    ("ukai.ttc", "AR PL UKai"),
)
TITLE_FILES: tuple[tuple[str, str], ...] = (
    ("方正小标宋简体.ttf", "方正小标宋简体"),
    ("fzxbsjw.ttf", "方正小标宋简体"),
    ("fzxbsk.ttf", "方正小标宋_GBK"),
    ("方正小标宋_gbk.ttf", "方正小标宋_GBK"),
)
KAI_FILES: tuple[tuple[str, str], ...] = (
    ("simkai.ttf", "楷体"),
    ("楷体_gb2312.ttf", "楷体_GB2312"),
    ("kaiti_gb2312.ttf", "楷体_GB2312"),
    ("stkaiti.ttf", "华文楷体"),
    ("ukai.ttc", "AR PL UKai"),
)
SONG_FILES: tuple[tuple[str, str], ...] = (
    ("simsun.ttc", "宋体"),
    ("simsun.ttf", "宋体"),
    ("stsong.ttf", "华文宋体"),
    ("songti.ttc", "宋体-简"),
    ("uming.ttc", "AR PL UMing"),
)
FALLBACK_FILES: tuple[tuple[str, str], ...] = (
    ("droidsansfallbackfull.ttf", "Droid Sans Fallback"),
    ("droidsansfallback.ttf", "Droid Sans Fallback"),
)
_TRUETYPE = {b"\x00\x01\x00\x00", b"true"}


def font_dirs() -> list[Path]:
    """Where this platform keeps fonts (system-wide and the user's own)."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA")
        dirs = [windir / "Fonts"]
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
        ]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [
        home / ".fonts",
        data_home / "fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]


def truetype_faces(path: Path) -> int:
    """How many faces of ``path`` have TrueType (``glyf``) outlines; 0 for CFF or junk.

    Reads only the sfnt headers, so a scan of a whole font folder stays quick.
    """
    try:
        with path.open("rb") as f:
            head = f.read(12)
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                offsets = struct.unpack(f">{count}I", f.read(4 * count))
            else:
                offsets = (0,)
            for offset in offsets[:1]:
                f.seek(offset)
                version, tables = struct.unpack(">4sH", f.read(6))
                f.seek(offset + 12)
                tags = {f.read(16)[:4] for _ in range(tables)}
                if version not in _TRUETYPE or b"glyf" not in tags:
                    return 0
            return len(offsets)
    except (OSError, struct.error):
        return 0


def _index(dirs: list[Path]) -> dict[str, Path]:
    """Font files by lower-case file name; earlier folders win (the user's own first)."""
    found: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc", ".otf")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _has_chinese(path: Path) -> bool:
    from reportlab.pdfbase.ttfonts import TTFontFile  # type: ignore[import-untyped]

    try:
        face = TTFontFile(str(path), subfontIndex=0)
    except Exception:  # any font reportlab cannot read is simply not a candidate
        return False
    return all(ord(c) in face.charToGlyph for c in "一中国")


def _first(index: dict[str, Path], wanted: tuple[tuple[str, str], ...]) -> FontFile | None:
    for name, family in wanted:
        path = index.get(name)
        if path is not None and truetype_faces(path):
            return FontFile(path, 0, family)
    return None


def _any_cjk(index: dict[str, Path]) -> FontFile | None:
    """Last resort: any large TrueType font that has Chinese characters."""
    for name, path in sorted(index.items()):
        try:
            big = path.stat().st_size > 2_000_000
        except OSError:
            continue
        if big and truetype_faces(path) and _has_chinese(path):
            return FontFile(path, 0, Path(name).stem)
    return None


_cache: dict[tuple[Path, ...], ReportFonts] = {}


def find_fonts(dirs: list[Path] | None = None) -> ReportFonts:
    """The heading and body fonts for reports; raises ``ReportFontError`` if none exists."""
    folders = font_dirs() if dirs is None else dirs
    key = tuple(folders)
    if key in _cache:
        return _cache[key]
    index = _index(folders)
    body = _first(index, BODY_FILES)
    heading = _first(index, HEADING_FILES)
    fallback = body or heading or _first(index, FALLBACK_FILES) or _any_cjk(index)
    if fallback is None:
        raise ReportFontError(INSTALL_HINT, fonts=HINT_FONTS)
    heading, body = heading or fallback, body or fallback
    title, kai, song = (
        _first(index, TITLE_FILES),
        _first(index, KAI_FILES),
        _first(index, SONG_FILES),
    )
    notes = []
    if title is None:
        notes.append(f"本机未安装方正小标宋，标题用{heading.family}代替")
    if kai is None:
        notes.append(f"本机未安装楷体，二级标题用{body.family}代替")
    if song is None:
        notes.append(f"本机未安装宋体，页码用{body.family}代替")
    if body.family not in ("仿宋", "仿宋_GB2312"):
        notes.append(f"本机未安装仿宋，正文用{body.family}代替")
    if heading.family != "黑体" and heading is not fallback:
        notes.append(f"本机未安装黑体，一级标题用{heading.family}代替")
    fonts = ReportFonts(heading, body, title, kai, song, tuple(notes))
    _cache[key] = fonts
    return fonts
