"""Split a list of responsible units into canonical unit names.

Documents write units tersely: ``自治区市场监管厅、公安厅`` means 自治区公安厅,
``药监局等有关部门`` means 药监局, ``各市、县〔区〕`` is one collective unit, not
two.  The office follows units by name, so every spelling of one unit must
come out the same: the level prefix (自治区/省/市/县 …) is carried over a list,
filler is dropped, and well-known synonyms go through an alias table the
office can extend (``canonical_unit(name, aliases)``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from importers.policy.textnorm import normalize_line
from importers.text_clean import clean_unit_name

PROVINCES = (
    *("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏"),
    *("浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西"),
    *("海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏"),
    *("新疆", "香港", "澳门", "台湾"),
)
"""The 34 provincial-level short names: a unit starting with one names its own place."""

_LEVELS = "自治区|省|市(?!场)|州|县|区(?!域)|盟|旗"
_LEVEL_PREFIX_RE = re.compile(rf"^({_LEVELS})(?=[\u4e00-\u9fff]{{2}})")
_PLACE_PREFIX_RE = re.compile(
    r"^([\u4e00-\u9fff]{2,7}?(?:自治区|自治州|自治县|省|市|县|区|州|盟|旗))"
)
_STANDALONE_START_RE = re.compile(
    "^(?:" + "|".join(PROVINCES) + "|国家|国务院|中央|中共|中国|全|各|团(?:省|市|县|区)委)"
)
_NON_GOVERNMENT_RE = re.compile(
    "银行|支行|分行|公司|集团|海关|中心|大学|学院|医院|协会|商会|管委会|银保监|证监"
)
"""Bodies that are not the list's level of government (a bank, a company, a branch of a
regulator such as 洛阳银保监分局): they name their own place, or none, and lend none."""
_SEAT_OF_GOVERNMENT = ("", "人民政府", "政府", "党委", "党委和政府", "党委、政府")

_LIST_GOES_ON = (
    r"$|[、，,；;及和]|按|分别|分工|分头|共同|会同|负责|牵头|配合|参与|落实|指导|协办|主办"
)
"""What may follow a name: the end, a separator, or a role word."""
_COLLECTIVE_LEVEL = (
    "新疆生产建设兵团|计划单列市|自治区|自治州|自治县|直辖市|设区市|副省级城市|地区|乡镇|街道"
    "|县级市|省|市|县|区|州|盟|旗|乡|镇|地"
)
# ``各市、县（区）``, ``各省、自治区、直辖市发展改革委``, ``各区、县级市``, ``有关区、市政府``:
# one unit despite the 、 inside.
_COLLECTIVE_RE = re.compile(
    rf"(?:各|有关)(?:{_COLLECTIVE_LEVEL})(?:（[^（）]*）)?(?:、?(?:{_COLLECTIVE_LEVEL})(?:（[^（）]*）)?)*"
    rf"(?:党委[、和]政府|(?![直级])[^、，,；;及和（）]{{0,16}}?)(?={_LIST_GOES_ON})"
)
_HIDDEN_RE = re.compile("^\x00(\\d+)\x00$")
_PLACEHOLDER_RE = re.compile("\x00(\\d+)\x00")
"""A collective unit set aside while the list is split."""
_TAIL_RE = re.compile(
    rf"等(?P<tail>[^、，,；;及和（）]{{0,15}}?(?:部门|单位|机构|方面|司局|处室|科室))(?={_LIST_GOES_ON})"
)
"""The list's open tail: ``等有关部门``, ``等市场监管领域相关部门``, ``等部门``."""
_TAIL_COLLECTIVE_RE = re.compile(
    r"^(?:其他|其它)?(?P<name>[^、，]{0,10}?(?:有关|相关).*(?:部门|单位|机构|司局|处室|科室))$"
)
"""A tail naming who else (有关 / 相关 部门, 单位, 机构; a ministry's 司局, a bureau's
处室) is a collective unit of its own, as a clerk lists it (issue 16: collectives are never
dropped); ``等部门`` / ``等有关方面`` name nobody and are dropped."""
_SEPARATOR_RE = re.compile(
    r"[、，,；;/]|以及|及|会同"
    r"|(?:(?<=[厅局委办部院署行会])|(?<=中心)|(?<=政府)|(?<=部门))[和与](?=[\u4e00-\u9fff]{2}|\x00)"
)
"""Where a list splits (``A会同有关部门``: two units): 和 / 与 only after a unit's last word
(省财政厅和省审计厅, 省直有关部门和各市), never inside a name (工业和信息化厅, 文化和旅游部)."""
_LEADING_FILLER_RE = re.compile(r"^(?:以及|及|和|与|由|请)+")
_TRAILING_FILLER_RE = re.compile(
    r"(?:按照?职责分工|按照?职责|分工|分头|分别|共同)?"
    r"(?:负责|牵头|配合|参与|落实|指导|协办|主办)?等?$"
)
_PURE_FILLER_RE = re.compile(
    r"^(?:其他|其它)?(?:有关|相关)?方面$|^(?:部门|单位|机构|司局|处室|科室)$|^等$"
)
"""``有关方面``, a bare ``部门`` or ``司局``: nobody in particular.  ``有关部门``,
``其他相关单位``, a ministry's ``有关司局``, a bureau's ``相关处室``, ``各有关部门``,
``市直各有关部门``, ``州直相关单位`` are collectives the office lists (and later gives
members), so they stay."""
_OTHER_RE = re.compile(r"^(?:其他|其它)(?=(?:有关|相关))")
"""``其他有关部门`` is the collective ``有关部门``: the others are the units named beside it."""
_COLLECTIVE_NAME_RE = re.compile(
    r"^(?:各|有关|相关)"
    r"|^[^、，]{0,8}?(?:直|级)(?:各|有关|相关)"
    r"|成员单位$"
    r"|^[^、，]{0,10}?(?:有关|相关)[^、，]{0,8}?(?:部门|单位|机构|司局|处室|科室)$"
)

BUILTIN_ALIASES: Mapping[str, str] = {
    "国家税务总局宁夏回族自治区税务局": "宁夏税务局",
    "国家税务总局宁夏税务局": "宁夏税务局",
    "中国人民银行银川中心支行": "人民银行银川中心支行",
    "国家发展和改革委员会": "国家发展改革委",
    "国家发改委": "国家发展改革委",
}
"""Whole names with a well-known shorter spelling."""

BUILTIN_SUFFIX_ALIASES: Mapping[str, str] = {
    "高级人民法院": "高级法院",
    "人民检察院": "检察院",
    "发改委": "发展改革委",
    "发展和改革委员会": "发展改革委",
    "人力资源和社会保障厅": "人力资源社会保障厅",
    "人社厅": "人力资源社会保障厅",
    "人力资源和社会保障局": "人力资源社会保障局",
    "住房和城乡建设厅": "住房城乡建设厅",
    "市场监督管理厅": "市场监管厅",
    "市场监督管理局": "市场监管局",
    "卫生健康委员会": "卫生健康委",
}
"""Synonyms after a level prefix: 自治区高级人民法院 → 自治区高级法院, 省发改委 → 省发展改革委."""


def canonical_unit(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The one spelling the office uses for ``name``.

    ``aliases`` (office-defined, exact names) wins over the built-in tables.  Control,
    bidi and zero-width characters are dropped first (``importers.text_clean``).
    """
    text = _clean(normalize_line(clean_unit_name(name)).replace("〔", "（").replace("〕", "）"))
    if aliases:
        found = aliases.get(text) or aliases.get(name)
        if found:
            return found
    if text in BUILTIN_ALIASES:
        return BUILTIN_ALIASES[text]
    match = _LEVEL_PREFIX_RE.match(text) or _PLACE_PREFIX_RE.match(text)
    if match:
        prefix, rest = match.group(1), text[match.end() :]
        if rest in BUILTIN_SUFFIX_ALIASES:
            return prefix + BUILTIN_SUFFIX_ALIASES[rest]
    return text


def split_units(text: str, aliases: Mapping[str, str] | None = None) -> list[str]:
    """Every unit named in a list such as ``自治区A厅、B厅，宁夏C局，各市、县〔区〕``.

    Units come out canonical, in the order written, without duplicates.
    """
    return split_units_after(text, "", aliases)[0]


def split_units_after(
    text: str, prefix: str, aliases: Mapping[str, str] | None = None
) -> tuple[list[str], str]:
    """``split_units`` for a list that continues an earlier one.

    ``prefix`` is the level prefix in force where the earlier list ended
    (``牵头单位：自治区A厅；配合单位：B厅``); the prefix in force at the end comes back too.
    """
    text = normalize_line(clean_unit_name(text)).replace("〔", "（").replace("〕", "）")
    collectives: list[str] = []

    def hide(match: re.Match[str]) -> str:
        collectives.append(match.group(0))
        return f"\x00{len(collectives) - 1}\x00"

    def tail(match: re.Match[str]) -> str:
        collective = _TAIL_COLLECTIVE_RE.match(match.group("tail"))
        return "、" if collective is None else f"、{collective.group('name')}、"

    text = _COLLECTIVE_RE.sub(hide, text)
    text = _TAIL_RE.sub(tail, text)
    names: list[str] = []
    for piece in _split_outside_brackets(text):
        piece = _clean(piece)
        if not piece:
            continue
        hidden = _HIDDEN_RE.match(piece)
        if hidden:
            names.append(canonical_unit(collectives[int(hidden.group(1))], aliases))
            continue
        if "\x00" in piece:  # a collective with more words after it: put it back whole
            piece = _PLACEHOLDER_RE.sub(lambda m: collectives[int(m.group(1))], piece)
        prefix, piece = _carry_prefix(prefix, piece)
        names.append(canonical_unit(piece, aliases))
    return list(dict.fromkeys(name for name in names if name)), prefix


def is_collective(name: str) -> bool:
    """A name standing for many units: ``各市、县（区）``, ``有关区、市政府``, ``各有关部门``,
    ``市直各有关部门``, ``专班成员单位``, ``市相关行业主管部门`` (the directory's kind 集体)."""
    return bool(_COLLECTIVE_NAME_RE.search(name))


def stands_alone(name: str) -> bool:
    """A name that takes no level prefix from the list it stands in."""
    return bool(
        _STANDALONE_START_RE.match(name)
        or _NON_GOVERNMENT_RE.search(name)
        or name.endswith("成员单位")
    )


def _carry_prefix(prefix: str, piece: str) -> tuple[str, str]:
    """The prefix to carry on, and ``piece`` with the carried prefix if it lacks one."""
    own = _LEVEL_PREFIX_RE.match(piece)
    if own:
        return own.group(1), piece
    if _NON_GOVERNMENT_RE.search(piece):
        return prefix, piece  # 人行洛阳市中心支行: not a level the list goes on at
    place = _PLACE_PREFIX_RE.match(piece)
    if place:
        rest = piece[place.end() :]
        return (prefix if rest in _SEAT_OF_GOVERNMENT else place.group(1)), piece
    if prefix and not stands_alone(piece):
        return prefix, prefix + piece
    return prefix, piece


def _clean(piece: str) -> str:
    """Drop filler words around a single name."""
    piece = piece.strip(" 。.：:，,；;、")
    previous = None
    while piece != previous:
        previous = piece
        piece = _LEADING_FILLER_RE.sub("", piece)
        piece = _TRAILING_FILLER_RE.sub("", piece)
        piece = _OTHER_RE.sub("", piece)
        piece = piece.strip(" 。.：:，,；;、")
    return "" if _PURE_FILLER_RE.match(piece) else piece


def _split_outside_brackets(text: str) -> list[str]:
    """Split at separators that are not inside （…）."""
    pieces: list[str] = []
    depth, start, index = 0, 0, 0
    while index < len(text):
        char = text[index]
        if char == "（":
            depth += 1
        elif char == "）":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = _SEPARATOR_RE.match(text, index)
            if match:
                pieces.append(text[start:index])
                start = index = match.end()
                continue
        index += 1
    pieces.append(text[start:])
    return pieces
