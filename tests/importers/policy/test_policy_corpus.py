"""Two State Council documents in other styles, read in place from ../shared/corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from importers.policy import ParsedDocument, parse_text

pytestmark = pytest.mark.needs_shared


def read(shared_dir: Path, prefix: str) -> ParsedDocument:
    path = next((shared_dir / "corpus").glob(f"{prefix}_*.txt"))
    return parse_text(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def opinions(shared_dir: Path) -> ParsedDocument:
    """国发〔2019〕3号: measures 1.–21. under （一）–（五） of 四、主要任务."""
    return read(shared_dir, "01")


@pytest.fixture(scope="module")
def notice(shared_dir: Path) -> ParsedDocument:
    """国办发〔2018〕117号: measures 一、–三十、 with （A会同有关部门负责）."""
    return read(shared_dir, "02")


class TestOpinions:
    def test_metadata(self, opinions: ParsedDocument) -> None:
        assert opinions.doc_number == "国发〔2019〕3号"
        assert opinions.issuer == "国务院"
        assert opinions.issued_on == date(2019, 1, 12)
        assert opinions.title == "国务院关于促进综合保税区高水平开放高质量发展的若干意见"

    def test_structure(self, opinions: ParsedDocument) -> None:
        assert [m.code for m in opinions.measures] == [str(n) for n in range(1, 22)]
        assert [(p.number, p.title) for p in opinions.parts] == [(4, "主要任务")]
        assert [s.title for s in opinions.sections] == [
            "统筹两个市场，打造加工制造中心",
            "推动创新创业，打造研发设计中心",
            "推进贸易便利化，打造物流分拨中心",
            "延伸产业链条，打造检测维修中心",
            "培育新动能新优势，打造销售服务中心",
        ]
        assert not any("坚持" in m.title for m in opinions.measures)  # 基本原则 are prose
        assert opinions.warnings == []

    def test_first_listed_unit_leads(self, opinions: ParsedDocument) -> None:
        first = opinions.measures[0]
        assert first.title == "拓展两个市场"
        assert first.units == ["税务总局", "财政部", "海关总署"]
        assert first.lead_units == ["税务总局"]
        assert all(m.lead_units == m.units[:1] for m in opinions.measures)
        assert opinions.measures[1].lead_units == ["海关总署"]

    def test_the_others_kept_as_a_collective(self, opinions: ParsedDocument) -> None:
        """（海关总署、商务部等有关部门负责）: 有关部门 is a collective unit, never dropped."""
        assert opinions.measures[5].units == ["海关总署", "商务部", "有关部门"]
        assert opinions.measures[5].lead_units == ["海关总署"]

    def test_no_deadlines(self, opinions: ParsedDocument) -> None:
        assert all(m.deadline is None and not m.standing for m in opinions.measures)


class TestNotice:
    def test_metadata(self, notice: ParsedDocument) -> None:
        assert notice.doc_number == "国办发〔2018〕117号"
        assert notice.issuer == "国务院办公厅"
        assert notice.issued_on == date(2018, 12, 6)
        assert notice.title == "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知"

    def test_structure(self, notice: ParsedDocument) -> None:
        assert [m.code for m in notice.measures] == [str(n) for n in range(1, 31)]
        assert notice.parts == []
        assert notice.warnings == []
        assert all(m.units for m in notice.measures)

    def test_cooperating_lead(self, notice: ParsedDocument) -> None:
        assert notice.measures[15].units == ["国家发展改革委", "有关部门"]
        assert notice.measures[15].lead_units == ["国家发展改革委"]
        assert notice.measures[17].units == ["国家发展改革委", "财政部", "有关部门"]
        assert notice.measures[17].lead_units == ["国家发展改革委", "财政部"]

    def test_closing_paragraphs_stay_out_of_the_last_measure(self, notice: ParsedDocument) -> None:
        last = notice.measures[-1]
        assert last.text.endswith("（国务院办公厅负责）")
        assert last.deadline is None
        assert last.milestones == []
