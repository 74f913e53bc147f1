"""A long appendix continuing a document's last item is read in one pass.

Each paragraph after an item asks whether the item already ends with its responsibility
clause; asked of the whole item, a 200 KB appendix took seconds and ten megabytes hours
(every paragraph re-read all before it).  Only the item's last
``importers.policy.outline.CLAUSE_REACH`` characters (and the paragraph reaching past
them) are read for that question now, and the item still gets every paragraph.
"""

from __future__ import annotations

import pytest

from importers.policy import outline, parse_text

FILLER = "本附件为各地报送材料的汇编说明，内容仅供参考，不作为任务分工依据。"
DOCUMENT = (
    "关于印发若干措施的通知\n"
    "一、主要任务\n"
    "1. 推进企业开办全程网办。（责任单位：自治区市场监管厅。完成时限：2021年6月底）\n"
    "2. 压实工作责任。各地各部门要细化工作方案。\n"
)


def test_each_question_reads_a_bounded_tail(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = outline.ends_with_clause

    def counted(text: str) -> bool:
        asked.append(len(text))
        return real(text)

    monkeypatch.setattr(outline, "ends_with_clause", counted)
    parsed = parse_text(DOCUMENT + f"{FILLER}\n" * 3000)
    assert [m.code for m in parsed.measures] == ["1", "2"]
    assert parsed.measures[1].text.count(FILLER) == 3000
    assert len(asked) == 3000
    assert max(asked) < outline.CLAUSE_REACH + len(FILLER)


def test_a_clause_closing_a_long_item_is_still_found() -> None:
    text = (
        DOCUMENT
        + f"{FILLER}\n" * 200
        + "（责任单位：自治区公安厅）\n"
        + "3. 持续优化服务。（责任单位：自治区政府办公厅）\n"
    )
    parsed = parse_text(text)
    assert [(m.code, m.units) for m in parsed.measures] == [
        ("1", ["自治区市场监管厅"]),
        ("2", ["自治区公安厅"]),
        ("3", ["自治区政府办公厅"]),
    ]
