"""Find and read the responsibility clause of a measure.

A measure names who does it in a bracketed clause, usually at its end:
``（责任单位：A、B。完成时限：2021年底）``, ``（A、B按职责分工负责）``,
``（A会同有关部门负责）``, ``（牵头单位：A；配合单位：B）``, ``（A牵头，B配合）``.
A heading names its leads the same way: ``（A、B分别牵头）``.  This module turns
one such clause into lead units, all units and the raw deadline wording;
deciding the leads where the clause does not say is the measure's job.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from importers.policy.textnorm import normalize_line
from importers.policy.units import is_collective, split_units, split_units_after

_BODIES = ("单位", "部门", "处室", "科室", "司局", "机构")
"""What a key calls the units: a government's 单位/部门, a ministry's 司局, a bureau's 处室."""
_LEAD_KEYS = tuple(f"{role}{body}" for role in ("牵头", "主办", "主责", "指导") for body in _BODIES)
_DUTY_KEYS = (
    *(f"{role}{body}" for role in ("责任", "负责", "承办") for body in _BODIES),
    *("责任主体", "部门分工", "任务分工"),
)
_OTHER_KEYS = tuple(
    f"{role}{body}" for role in ("配合", "协办", "参与", "协同") for body in _BODIES
)
_PEOPLE_KEYS = (
    *("分管省领导", "分管市领导", "分管区领导", "分管县领导", "分管领导", "责任领导"),
    *("牵头省领导", "牵头市领导", "牵头区领导", "牵头县领导", "牵头领导", "联系领导"),
)
"""Keys naming officials, not units: their text is skipped."""
_KEY_RE = re.compile(
    "((?:牵头|主办|主责|指导|责任|负责|承办|配合|协办|参与|协同)"
    f"(?:{'|'.join(_BODIES)})"
    "|" + "|".join(("责任主体", "部门分工", "任务分工", *_PEOPLE_KEYS)) + ")[：:]"
)
"""Any key above, written as roles × bodies so the pattern stays a few branches long."""
_LEAD_VERBS = ("牵头负责", "牵头", "主办", "主责", "指导")
_OTHER_VERBS = ("配合", "参与", "协办", "协助", "协同")
_DUTY_VERBS = ("负责", "落实", "承办")
"""Responsible, without saying who leads: leads if someone else only supports."""
_LEAD_ROLES = (*_LEAD_KEYS, *_LEAD_VERBS)
_OTHER_ROLES = (*_OTHER_KEYS, *_OTHER_VERBS)
_DEADLINE_KEY_RE = re.compile(r"(?:完成时限|完成时间|时限要求|时间要求|办结时限|时间节点)[：:]")
_ROLE_RE = re.compile(
    r"(?P<each>(?:按照?职责)?(?:分工|分头|分别)|按照?职责)?(?:共同|具体)?"
    r"(?P<verb>牵头负责|牵头|主办|主责|指导|配合|参与|协办|协助|协同|负责|落实|承办)(?=$|[，,；;。])"
)
_LEAD_OR_DUTY_RE = re.compile(r"(?:牵头|负责|主办|指导|落实)(?=$|[，,；;。])")
"""A bracket without a key is a clause only if someone leads or is responsible in it."""
_COOPERATES_RE = re.compile(r"会同")
_NAMES_LEAD_RE = re.compile("|".join((*_LEAD_KEYS, *_LEAD_VERBS, "会同")))
_FIRST_LISTED_RE = re.compile(
    r"(?:排|列)[在于]?(?:第一位|首位|第一|最前)的?(?:部门|单位)?(?:为|是)牵头"
)
_TRAILING_DEADLINE_RE = re.compile(
    r"[，,；;。]([^，,；;。]*(?:\d{1,2}月|\d{4}年|年底|年末|季度|半年|长期坚持|持续推进)[^，,；;。]*)$"
)
"""An unlabelled deadline closing a clause: ``（…，各县市人民政府，6月底完成）``."""
_OPEN_CLAUSE_RE = re.compile(
    rf"(?:^|(?<=[。；;！？!?]))\s*(?=(?:{_KEY_RE.pattern}|{_DEADLINE_KEY_RE.pattern}))"
)
"""Where unbracketed ``牵头单位：A 责任单位：B`` lines, closing a measure, begin."""
_STOP = " 。.，,；;：:"
_BRACKET_RE = re.compile("[（）]")
_MARKED_LEAD_RE = re.compile(r"([^、，,；;：:（）]+?)（(?:牵头|牵头单位|牵头部门|主办|主责)）")
"""``省财政厅（牵头）`` inside a list of units."""


@dataclass(frozen=True)
class Clause:
    """One responsibility clause: where it stands and what it says."""

    start: int
    end: int
    units: tuple[str, ...]
    """Every unit named, in the order written."""
    leads: tuple[str, ...]
    """Leads the clause itself states (牵头单位, 会同, 牵头); empty when it does not say."""
    deadline_text: str | None
    """The wording after 完成时限：, if the clause has one."""
    first_listed: bool
    """The clause says the first-listed unit leads (排在第一位的部门为牵头部门)."""
    each: bool = False
    """``A、B、C分工负责`` (按职责 / 分头 / 分别): each unit answers for its own part and
    the clause names no lead; who leads then depends on the document (``build_measure``)."""


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the outermost ``（…）`` groups, end exclusive."""
    groups: list[tuple[int, int]] = []
    depth, start = 0, 0
    for bracket in _BRACKET_RE.finditer(text):
        index = bracket.start()
        if bracket.group(0) == "（":
            if depth == 0:
                start = index
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                groups.append((start, index + 1))
    return groups


def is_clause(inner: str) -> bool:
    """Whether a bracket's content names responsible units."""
    return bool(_KEY_RE.match(inner) or _LEAD_OR_DUTY_RE.search(inner))


def has_clause(text: str) -> bool:
    """Whether ``text`` holds a responsibility clause (cheap: names are not read)."""
    return _open_clause_start(text) is not None or any(
        is_clause(text[start + 1 : end - 1]) for start, end in bracket_groups(text)
    )


def find_clauses(text: str, aliases: Mapping[str, str] | None = None) -> list[Clause]:
    """Every responsibility clause in ``text``, in order.

    Besides bracketed clauses, a measure may end with unbracketed lines such as
    ``牵头单位：区发改局`` / ``责任单位：各街道``; they form one clause.
    """
    clauses = []
    open_start = _open_clause_start(text)
    for start, end in bracket_groups(text):
        inner = text[start + 1 : end - 1]
        if (open_start is None or start < open_start) and is_clause(inner):
            clauses.append(read_clause(inner, start, end, aliases))
    if open_start is not None:
        clauses.append(read_clause(text[open_start:], open_start, len(text), aliases))
    return clauses


def ends_with_clause(text: str) -> bool:
    """Whether ``text`` ends with a responsibility clause (the measure is complete)."""
    if _open_clause_start(text) is not None:
        return True
    groups = bracket_groups(text)
    if not groups or groups[-1][1] != len(text.rstrip("。")):
        return False
    start, end = groups[-1]
    return is_clause(text[start + 1 : end - 1])


def starts_with_clause_key(text: str) -> bool:
    """``牵头单位：…`` / ``完成时限：…`` opening a paragraph: it belongs to the measure above."""
    return bool(_KEY_RE.match(text) or _DEADLINE_KEY_RE.match(text))


def _open_clause_start(text: str) -> int | None:
    """Where an unbracketed clause begins, outside any bracket, or None."""
    groups = bracket_groups(text)
    for match in _OPEN_CLAUSE_RE.finditer(text):
        position = match.end()
        if not any(start < position < end for start, end in groups):
            return position
    return None


def names_a_lead(text: str) -> bool:
    """Whether a responsibility clause in ``text`` says who leads (牵头, 牵头单位：, 主办 …):
    a document that does so says it when it means it (cheap: names are not read)."""
    start = _open_clause_start(text)
    if start is not None and _NAMES_LEAD_RE.search(text, start):
        return True
    return any(
        is_clause(inner) and _NAMES_LEAD_RE.search(inner) is not None
        for inner in (text[s + 1 : e - 1] for s, e in bracket_groups(text))
    )


def named_first(units: Sequence[str]) -> list[str]:
    """``units`` without the collectives named beside them (``A、B等有关部门``: A and B);
    all of them when they are all collectives."""
    return [name for name in units if not is_collective(name)] or list(units)


def states_first_listed_leads(text: str) -> bool:
    """``排在第一位的部门为牵头部门`` and its variants."""
    return bool(_FIRST_LISTED_RE.search(text))


def read_clause(
    inner: str, start: int = 0, end: int = 0, aliases: Mapping[str, str] | None = None
) -> Clause:
    """Read the content of one clause (without its brackets)."""
    deadline_text = None
    deadline = _DEADLINE_KEY_RE.search(inner)
    if deadline:
        rest = inner[deadline.end() :]
        following = _KEY_RE.search(rest)
        stop = following.start() if following else len(rest)
        deadline_text = normalize_line(rest[:stop]).strip(_STOP) or None
        inner = inner[: deadline.start()] + rest[stop:]
    else:
        unlabelled = _TRAILING_DEADLINE_RE.search(inner.rstrip(_STOP))
        if unlabelled:
            deadline_text = normalize_line(unlabelled.group(1)).strip(_STOP) or None
            inner = inner[: unlabelled.start()]
    reader = _RoleReader(aliases)
    keys = list(_KEY_RE.finditer(inner))
    if keys:
        for index, key in enumerate(keys):
            stop = keys[index + 1].start() if index + 1 < len(keys) else len(inner)
            reader.read(inner[key.end() : stop], key.group(1))
    else:
        reader.read(inner, "")
    return Clause(
        start=start,
        end=end,
        units=tuple(dict.fromkeys(reader.units)),
        leads=tuple(dict.fromkeys(reader.leads)),
        deadline_text=deadline_text,
        first_listed=states_first_listed_leads(inner),
        each=reader.each,
    )


class _RoleReader:
    """Collects units and leads over the parts of one clause, carrying the level prefix."""

    def __init__(self, aliases: Mapping[str, str] | None) -> None:
        self.aliases = aliases
        self.leads: list[str] = []
        self.units: list[str] = []
        self.prefix = ""
        self.each = False
        """Units 分工负责 with nobody stated to lead (``Clause.each``)."""

    def read(self, text: str, key: str) -> None:
        """Read ``A牵头，B配合`` / ``A会同B负责`` / ``A负责，B配合`` / a list under ``key``."""
        if key in _PEOPLE_KEYS:
            return
        marked = [m.group(1) for m in _MARKED_LEAD_RE.finditer(text)]
        if marked:  # ``A（牵头）、B、C``: the marked unit leads
            text = _MARKED_LEAD_RE.sub(lambda m: m.group(1), text)
            before = len(self.units)
            self.read(text, key)
            added = self.units[before:]
            for raw in marked:
                names = split_units(raw, self.aliases)
                name = names[-1] if names else ""
                lead = next((u for u in added if name and u.endswith(name)), None)
                if lead is not None and lead not in self.leads:
                    self.leads.append(lead)
            return
        position = 0
        duty: list[str] = []
        led = supported = each = False
        last = ""
        for role in _ROLE_RE.finditer(text):
            verb = role.group("verb")
            piece = text[position : role.start()]
            if verb in _DUTY_VERBS:
                before = len(self.units)
                self._add(piece, key)
                duty.extend(self.units[before:])
                each = each or role.group("each") is not None
            else:
                self._add(piece, verb)
                led = led or verb in _LEAD_VERBS
                supported = supported or verb in _OTHER_VERBS
            position, last = role.end(), verb
        if last in _DUTY_VERBS:
            pass  # what follows 负责 is a remark (…，排在第一位的为牵头部门，下同)
        else:
            self._add(text[position:], key)
        if duty and supported and not led:
            # ``A、B负责，C配合``: the responsible units lead (a collective beside named
            # units, ``A、B等有关部门``, helps them: it leads only when nobody else is named).
            self.leads.extend(name for name in named_first(duty) if name not in self.leads)
        elif duty and each and not led and not self.leads:
            self.each = True

    def _add(self, text: str, role: str) -> None:
        text = text.strip(_STOP)
        if not text:
            return
        cooperates = _COOPERATES_RE.search(text)
        if cooperates and role not in _OTHER_ROLES:
            first = self._split(text[: cooperates.start()])
            self.leads.extend(first)
            self.units.extend(first)
            self.units.extend(self._split(text[cooperates.end() :]))
            return
        names = self._split(text)
        self.units.extend(names)
        if role in _LEAD_ROLES:
            self.leads.extend(names)

    def _split(self, text: str) -> list[str]:
        names, self.prefix = split_units_after(text, self.prefix, self.aliases)
        return names
