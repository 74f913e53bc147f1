"""Normalize one line of a policy document to a single spelling.

PDF extraction and careless typing mix half- and full-width brackets, put
spaces between Chinese characters (``2021 年 6 月底``, ``(三) 优化``) and write
document numbers as ``[2021]`` or ``（2021）``.  Every later step matches on one
spelling only, so the whole text goes through here first.
"""

from __future__ import annotations

import re

# Characters that are "wide": CJK ideographs and CJK / full-width punctuation.
_WIDE = r"\u2014\u2018-\u201d\u2026\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uffef"
_SPACE = r"[ \t\u3000\u00a0]+"
# A space run goes when one neighbour is wide and the other is wide, a digit or ASCII punctuation.
_NARROW_NEIGHBOUR = r"0-9%.,:;!?()\[\]\-+/"
_SPACES_RE = re.compile(
    rf"(?<=[{_WIDE}]){_SPACE}(?=[{_WIDE}{_NARROW_NEIGHBOUR}])"
    rf"|(?<=[{_NARROW_NEIGHBOUR}]){_SPACE}(?=[{_WIDE}])"
)
_RUN_OF_SPACES_RE = re.compile(_SPACE)

_CHAR_MAP = str.maketrans(
    {
        "(": "（",
        ")": "）",
        "【": "（",  # 【责任单位：…】 closes a measure like （责任单位：…）
        "】": "）",
        "\ufe59": "（",  # small parenthesis
        "\ufe5a": "）",
        "\ufe5d": "〔",  # small tortoise shell bracket, common in document numbers
        "\ufe5e": "〕",
        "\u3014": "〔",
        "\u3015": "〕",
        **{chr(0xFF10 + i): str(i) for i in range(10)},  # full-width digits
        # One-character numbers Word's numbering leaves behind: ⑴ → （1）, ⒈ → 1., ㈠ → （一）.
        **{chr(0x2474 + i): f"（{i + 1}）" for i in range(20)},
        **{chr(0x2488 + i): f"{i + 1}." for i in range(20)},
        **{chr(0x3220 + i): f"（{'一二三四五六七八九十'[i]}）" for i in range(10)},
    }
)

# ``宁政办发[2021]13号`` / ``国发（2019）3号`` / ``…【2021】…号`` → ``〔2021〕``.
_DOC_NUMBER_RE = re.compile(r"([\u4e00-\u9fff])[\[（【〔]\s*(\d{4})\s*[\]）】〕]\s*(\d{1,5})\s*号")


def normalize_line(line: str) -> str:
    """One spelling for brackets, digits, document numbers and spacing; stripped."""
    text = line.translate(_CHAR_MAP)
    text = _SPACES_RE.sub("", text)
    text = _DOC_NUMBER_RE.sub(r"\1〔\2〕\3号", text)
    return _RUN_OF_SPACES_RE.sub(" ", text).strip()


def bracket_depth(text: str) -> int:
    """How many ``（`` are still open at the end of ``text`` (negative: more closed)."""
    return text.count("（") - text.count("）")


def quotes_open(text: str) -> bool:
    """True when a ``“``, ``《`` or ``〔`` is opened and not yet closed."""
    return (
        text.count("“") > text.count("”")
        or text.count("《") > text.count("》")
        or text.count("〔") > text.count("〕")
    )
