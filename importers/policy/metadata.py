"""Document number, title, issuer and date of issue from the preamble.

Chinese official documents put these in fixed places: the number
(``宁政规发〔2020〕5号``) on a line of its own under the header, the title
(``自治区人民政府关于印发…的通知``: issuer, 关于, subject, document type) above
the addressee line, and the date on its own line under the signature.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from importers.policy.dates import find_dates
from importers.policy.repair import (
    DOC_TYPE_WORDS,
    Paragraph,
    is_date_line,
    is_doc_number_line,
    is_title_line,
)

_TITLE_RE = re.compile(rf"^(?P<issuer>[^。；：]{{0,60}}?)关于[^。；]{{2,200}}(?:{DOC_TYPE_WORDS})$")
_PRINTED_RE = re.compile(r"^[^。；，]{2,40}?\d{4}年\d{1,2}月\d{1,2}日印发$")
"""The printing line at the foot of a document: issuer, date, 印发."""
_CITED_NUMBER_RE = re.compile(r"（([\u4e00-\u9fff]{1,16}〔\d{4}〕\d{1,5}号)）$")
"""A title followed by its number: ``国务院关于…的若干意见（国发〔2019〕3号）``."""


_TITLE_YEAR_RE = re.compile(r"(\d{4})\s*年")
_YEAR_RANGE_RE = re.compile(r"\d{4}\s*年?\s*[-—－–~～至到]\s*\d{4}")


@dataclass(frozen=True)
class Metadata:
    title: str | None
    doc_number: str | None
    issuer: str | None
    issued_on: date | None

    @property
    def year(self) -> int | None:
        """The year the document's work is in: the one its title names (《2023年…工作要点》,
        issued in December 2022 or in March 2023), else the year of issue.  A bare 年底前
        or 6月底前 ends in it; a title naming a span (2024—2026年) names no one year."""
        if self.title and not _YEAR_RANGE_RE.search(self.title):
            named = set(_TITLE_YEAR_RE.findall(self.title))
            if len(named) == 1:
                return int(named.pop())
        return self.issued_on.year if self.issued_on else None


def read_metadata(paragraphs: Sequence[Paragraph], body_start: int) -> Metadata:
    """Metadata from the paragraphs; ``body_start`` is where the numbered items begin."""
    preamble = paragraphs[:body_start]
    title, issuer, cited_number = _read_title(preamble)
    return Metadata(
        title=title,
        doc_number=_read_doc_number(paragraphs) or cited_number,
        issuer=issuer,
        issued_on=_read_issue_date(paragraphs),
    )


def _read_title(preamble: Sequence[Paragraph]) -> tuple[str | None, str | None, str | None]:
    """Title, issuer and a document number cited after the title, if any."""
    for paragraph in preamble:
        text = paragraph.text
        cited = _CITED_NUMBER_RE.search(text)
        if cited:
            text = text[: cited.start()]
        match = _TITLE_RE.match(text)
        if match:
            number = cited.group(1) if cited else None
            return text, match.group("issuer") or None, number
    fallback = next((p.text for p in preamble if is_title_line(p.text)), None)
    return fallback, None, None


def _read_doc_number(paragraphs: Sequence[Paragraph]) -> str | None:
    return next((p.text for p in paragraphs if is_doc_number_line(p.text)), None)


def _read_issue_date(paragraphs: Sequence[Paragraph]) -> date | None:
    """The date under the signature, else the printing line of the 版记
    (``山东省人民政府办公厅2019年3月15日印发``) when the source keeps only that."""
    for paragraph in paragraphs:
        if is_date_line(paragraph.text):
            dates = find_dates(paragraph.text)
            if dates:
                return dates[0].date
    for paragraph in paragraphs:
        printed = _PRINTED_RE.search(paragraph.text)
        if printed:
            dates = find_dates(printed.group(0))
            if dates:
                return dates[0].date
    return None
