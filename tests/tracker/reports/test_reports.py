"""Reports over both seed documents with known progress in two rounds, read back from the files.

The bulletin's figures are checked as printed: pdftotext (poppler) on the PDF,
python-docx on the Word file.  Today is 2021-12-20; round Q3 is as of
2021-09-30, Q4 as of 2021-12-31 (ahead of today, so its figures are as of today
and must agree with ``OverviewService.summary``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import select, update

from db.models import ProgressEntry
from tests.tools import compact, needs_pdftotext, pdftotext
from tracker.database_settings import REPORT_CONTACT, REPORT_PHONE
from tracker.progress.history_entries import Provenance
from tracker.progress.progress_service import Change
from tracker.reports.report_service import ReportRequest, save_report
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock

pytestmark = pytest.mark.needs_shared
TODAY = date(2021, 12, 20)
A, B = "宁政职转办〔2021〕1号", "宁政规发〔2020〕5号"


def _record(
    s: Services,
    key: tuple[str, str, str],
    status: Status,
    when: datetime,
    round_id: int | None,
    ids: dict[tuple[str, str, str], int],
) -> None:
    s.progress.record(ids[key], Change(status=status), source=Provenance("测试", round_id))
    with s.store.transaction() as session:
        last = session.scalars(
            select(ProgressEntry)
            .where(ProgressEntry.assignment_id == ids[key])
            .order_by(ProgressEntry.id.desc())
        ).first()
        assert last is not None
        last.changed_at = when


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Iterator[Services]:
    path = tmp_path_factory.mktemp("reports") / "office.sqlite3"
    s = Services.open(path, clock=Clock(TODAY), user="测试员", create=True)
    for seed in ("000_ddced08bac396bed.txt", "003_8cea6384a45f48e5.txt"):
        s.documents.import_file(shared_dir / "seeds" / seed)
    with s.store.transaction() as session:  # both documents came in on 1 June
        session.execute(update(ProgressEntry).values(changed_at=datetime(2021, 6, 1, 9)))
    rounds = RoundService(s.store)
    q3 = rounds.create("2021年第3季度", date(2021, 9, 30)).id
    q4 = rounds.create("2021年第4季度", date(2021, 12, 31)).id
    ids = {(r.doc_label, r.code, r.unit): r.id for r in s.overview.assignments()}
    police, tax = "自治区公安厅", "宁夏税务局"
    steps = [
        ((A, "1", police), Status.DONE, datetime(2021, 9, 20), q3),
        ((A, "2", police), Status.DONE, datetime(2021, 10, 15), q3),  # Q3 ledger back late
        ((A, "39", police), Status.DONE, datetime(2021, 9, 25), q3),
        ((A, "39", police), Status.TICKED_OFF, datetime(2021, 11, 10), None),
        ((A, "41", tax), Status.IN_PROGRESS, datetime(2021, 9, 10), q3),
        ((A, "38", tax), Status.DONE, datetime(2021, 9, 5), q4),  # a Q4 entry: not in Q3
        ((B, "6.2", "银川市"), Status.DONE, datetime(2021, 9, 30, 23, 30), None),
        ((B, "1.2", "自治区司法厅"), Status.TICKED_OFF, datetime(2021, 12, 10), q4),
    ]
    for key, status, when, round_id in steps:
        _record(s, key, status, when, round_id, ids)
    yield s
    s.close()


@pytest.fixture(scope="module")
def bulletin_pdf(office: Services, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "通报.pdf"
    report = office.reports.bulletin(note="请各单位对照逾期任务逐项整改。")
    assert save_report(report, out) > 1
    return out


def test_bulletin_figures_agree_with_the_overview(office: Services) -> None:
    data = office.reports.bulletin_data()
    summary = office.overview.summary()
    assert (data.round_name, data.day, data.previous_round) == (
        "2021年第4季度",
        TODAY,
        "2021年第3季度",
    )
    # 429 named tasks and 61 of the collectives the documents name after 等 (issue 16):
    # 宁政职转办〔2021〕1号 24 (自治区相关部门 in 22 measures, 自治区有关部门 in 5,
    # 自治区市场监管领域相关部门 in 50), 宁政规发〔2020〕5号 37 (自治区相关部门 24,
    # 自治区政府相关部门 13) — none started
    assert data.now.assigned == summary.assignments == 490
    assert (
        {s.value: n for s, n in data.now.by_status.items()}
        == summary.by_status
        == {
            "未启动": 483,
            "推进中": 1,
            "已完成": 4,
            "已销号": 2,
            "长期坚持": 0,
        }
    )
    assert (data.now.overdue, data.now.due_soon) == (summary.overdue, summary.due_soon)
    assert data.now.measures == 121
    assert data.before is not None
    assert {s.value: n for s, n in data.before.by_status.items()} == {
        "未启动": 485,
        "推进中": 1,
        "已完成": 4,
        "已销号": 0,
        "长期坚持": 0,
    }
    overview_units = {u.unit: (u.assigned, u.overdue) for u in summary.units}
    # the collectives with no member yet are counted, not ranked (各市、县（区） 68 + 37 tasks,
    # 21 overdue as before; 自治区相关部门 22 + 24, overdue in 23, 31, 40 and 1.2, 2.1,
    # 2.2, 3.1, 4.1, 11.2, 11.3, 14.3; 自治区政府相关部门's 2.3, 2.4, 13.5, 13.6)
    waiting = {u.unit: (u.now.assigned, u.now.overdue) for u in data.memberless}
    assert waiting == {
        "各市、县（区）": (105, 21),
        "自治区有关部门": (1, 0),
        "自治区相关部门": (46, 11),
        "自治区市场监管领域相关部门": (1, 0),
        "自治区政府相关部门": (13, 4),
    }
    ranked = {u.unit: (u.now.assigned, u.now.overdue) for u in data.units}
    assert ranked | waiting == overview_units and not ranked.keys() & waiting.keys()


TITLE = (
    "关于《持续优化营商环境更好服务黄河流域生态保护和高质量发展先行区建设若干措施》"
    "和《深化放管服改革优化营商环境若干措施》落实情况的通报"
)


@needs_pdftotext
def test_bulletin_pdf_text(bulletin_pdf: Path, office: Services) -> None:
    data = office.reports.bulletin_data()
    overdue, due_soon = data.now.overdue, data.now.due_soon
    assert data.before is not None
    text = re.sub(r"—\d+—", "", compact(pdftotext(bulletin_pdf)))  # page numbers out
    assert text.startswith(
        f"督查通报第1期协调小组办公室2021年12月20日{TITLE}各责任单位："
        "按照督办工作安排，协调小组办公室对《持续优化营商环境更好服务黄河流域生态保护和高质量"
        "发展先行区建设若干措施》、《深化放管服改革优化营商环境若干措施》落实情况开展了"
        "2021年第4季度调度。现将有关情况通报如下：一、总体情况"
    )
    # The collectives' 61 new tasks (issue 16): 15 overdue on 20 December (the 2020 and
    # mid-2021 deadlines above), 14 of them on 30 September (40's 2021年10月底 not yet);
    # 21 due on 2021年底 (宁政职转办〔2021〕1号's), so due within 15 days.
    assert (
        "截至2021年12月20日，纳入督办的措施121项，分解到责任单位的任务490项。其中，已完成4项，"
        "已销号2项，完成率1.2%；推进中1项，未启动483项，长期坚持0项；"
        f"逾期未完成{overdue}项，占{100 * overdue / 490:.1f}%；15日内（含当日）到期{due_soon}项。"
        "与上期（2021年第3季度）相比，完成率提高0.4个百分点，已完成和已销号任务增加2项，"
        f"逾期任务增加{overdue - data.before.overdue}项。"
        "已到完成时限的任务101项，完成3项，到期任务完成率3.0%，较上期提高3.0个百分点。"
        "报送情况：本轮未发放工作台账，无报送统计。"  # no ledger sent: no one 未报送
        "另有166项任务由尚无成员单位的集体承担（各市、县（区）105项、自治区有关部门1项、"
        "自治区相关部门46项、自治区市场监管领域相关部门1项、自治区政府相关部门13项），"
        "已计入任务总数，未发工作台账，未列入单位排名和报送统计。"
        "另有5项措施未明确责任单位（宁政职转办〔2021〕1号第76、77、78、79、80项），"
        "未纳入以上统计，请尽快明确责任单位。二、主要成效本期2个单位新完成任务2项："
        "宁夏税务局（1项）、自治区司法厅（1项）。银川市承担的任务已全部完成。"
        "三、存在问题一是部分任务逾期未完成。逾期任务98项，较上期增加16项，"
        "涉及25个单位和3个尚无成员单位的集体，"
        "其中自治区住房城乡建设厅（11项）、自治区自然资源厅（8项）、"
        "自治区发展改革委（7项）、自治区市场监管厅（4项）、自治区民政厅（4项）逾期任务较多。"
        "二是临期任务较多。15日内（含当日）到期任务252项"
    ) in text
    assert (overdue, due_soon, data.before.overdue) == (83 + 15, 231 + 21, 68 + 14)
    assert "本期未报送" not in text  # a unit can only fail to report what it was sent
    assert (
        "四、下步工作请各单位对照逾期任务逐项整改。"
        "附件：1.各责任单位任务完成情况2.各部分任务完成情况3.逾期任务清单"
        "协调小组办公室2021年12月20日"
    ) in text
    assert "附件1各责任单位任务完成情况" in text and "附件3逾期任务清单" in text
    assert "\u2f00" not in pdftotext(bulletin_pdf) and "一、总体情况" in pdftotext(bulletin_pdf)


@needs_pdftotext
def test_bulletin_ranks_units_without_overdue_tasks_first(bulletin_pdf: Path) -> None:
    lines = pdftotext(bulletin_pdf, "-layout").splitlines()
    rows = [line.split() for line in lines]
    ranked = [r for r in rows if len(r) == 8 and r[0].isdigit() and r[6].endswith("%")]
    assert ranked[:2] == [
        ["1", "银川市", "1", "1", "0", "0", "100.0%", "0.0"],
        ["2", "自治区公安厅", "5", "2", "1", "0", "60.0%", "0.0"],
    ]
    assert len(ranked) == 45  # the 45 named units; no collective has members (issue 16)
    clean = [r for r in ranked if r[5] == "0"]
    late = [r for r in ranked if r[5] != "0"]
    assert ranked == clean + late  # a unit with overdue tasks never above one without
    assert late[:2] == [
        ["21", "自治区司法厅", "9", "0", "1", "2", "11.1%", "+11.1"],
        ["22", "宁夏税务局", "16", "1", "0", "2", "6.3%", "+6.3"],
    ]
    assert [int(r[0]) for r in ranked] == list(range(1, 46))


@needs_pdftotext
def test_the_overdue_list_is_printed_on_turned_pages(bulletin_pdf: Path) -> None:
    """GB/T 9704 §8: a wide table on landscape pages, the page number where the sheet has
    it (drawn turned, along the left edge: the portrait sheet's foot)."""
    from pypdf import PdfReader

    pages = PdfReader(bulletin_pdf).pages
    turned = [n for n, p in enumerate(pages, 1) if p.mediabox.width > p.mediabox.height]
    assert turned and turned == list(range(turned[0], len(pages) + 1))
    first = compact(pdftotext(bulletin_pdf, "-f", str(turned[0]), "-l", str(turned[0])))
    assert first.startswith(f"—{turned[0]}—附件3逾期任务清单序号文件编号措施完成时限情况责任单位")
    assert "附件3" not in compact(pdftotext(bulletin_pdf, "-l", str(turned[0] - 1)))


def _words(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """(x, y, text) of every word, page by page, from ``pdftotext -bbox``."""
    pages = pdftotext(pdf, "-bbox").split("<page ")[1:]
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>'
    return [[(float(x), float(y), w) for x, y, w in re.findall(pattern, p)] for p in pages]


@needs_pdftotext
def test_the_chart_rounds_as_the_table_and_leaves_out_zero_units(bulletin_pdf: Path) -> None:
    title = "各责任单位任务完成率（另有41个单位完成率为0）"  # 45 ranked, 4 finished some
    [page] = [p for p in _words(bulletin_pdf) if any(w == title for _, _, w in p)]
    top = next(y for _, y, w in page if w == title)
    # The bar's label is on its unit's line, right of the name (where pdftotext puts it in
    # its reading order depends on the font's widths).
    name_x, name_y = next((x, y) for x, y, w in page if w == "宁夏税务局" and y > top)
    label = min(
        ((x, w) for x, y, w in page if abs(y - name_y) < 2 and x > name_x and w.endswith("%")),
    )
    assert label[1] == "6.3%"  # 1/16 = 6.25%: the table's rounding, not 6.2%


@needs_pdftotext
def test_every_page_is_numbered(bulletin_pdf: Path) -> None:
    from pypdf import PdfReader

    pages = len(PdfReader(bulletin_pdf).pages)
    for n in range(1, pages + 1):
        page_text = pdftotext(bulletin_pdf, "-f", str(n), "-l", str(n))
        assert f"—{n}—" in compact(page_text)


def test_pypdf_reads_the_same_characters(bulletin_pdf: Path) -> None:
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(bulletin_pdf).pages)
    assert "一、总体情况" in text and "\u2f00" not in text
    assert "自治区人力资源社会保障厅" in compact(text)


def test_bulletin_word_file(office: Services, tmp_path: Path) -> None:
    out = tmp_path / "通报.docx"
    save_report(office.reports.bulletin(), out)
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[:5] == [
        "督查通报",
        "第1期",
        "\u3000协调小组办公室\t2021年12月20日",
        TITLE,
        "各责任单位：",
    ]
    assert "四、下步工作" in texts and "（一）压实工作责任。" in "".join(texts)
    units, parts = doc.tables[0], doc.tables[1]
    assert [c.text for c in units.rows[0].cells] == [
        "序号",
        "责任单位",
        "承担任务",
        "已完成",
        "已销号",
        "逾期",
        "完成率",
        "较上期",
    ]
    assert [c.text for c in units.rows[1].cells] == [
        "1",
        "银川市",
        "1",
        "1",
        "0",
        "0",
        "100.0%",
        "0.0",
    ]
    # part 一 (measures 1–23): 101 named tasks and the collectives of 5, 11, 20, 21 and 23
    assert [c.text for c in parts.rows[1].cells][:3] == [A, "营造公平竞争市场环境", "106"]
    header = units.rows[0]._tr.trPr
    assert (
        header is not None
        and header.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader")
        is not None
    )
    footer = doc.sections[0].footer._element.xml
    assert "PAGE" in footer and ">— <" in footer and "> —<" in footer
    even = doc.sections[0].even_page_footer._element.xml
    assert "PAGE" in even and 'w:jc w:val="left"' in even and 'w:jc w:val="right"' in footer
    grid = doc.sections[0]._sectPr.xml
    assert '<w:docGrid w:linePitch="579" w:type="lines"/>' in grid
    assert '<w:spacing w:val="-5"/>' in doc.styles["Normal"].element.xml
    section = doc.sections[0]
    assert [
        round(x.mm)
        for x in (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ] == [37, 35, 28, 26]
    assert 'w:eastAsia="仿宋"' in doc.styles["Normal"].element.xml
    assert len(doc.inline_shapes) >= 2  # the charts, as pictures
    assert doc.sections[-1].page_width > doc.sections[-1].page_height  # 附件3 turned (§8)
    assert round(doc.sections[-1].left_margin.mm) == 35
    assert doc.tables[0].rows[1].cells[1].paragraphs[0].runs[0].font.size.pt == 10.5


@needs_pdftotext
def test_chaser_is_numbered_with_progress_contact_and_receipt(
    office: Services, tmp_path: Path
) -> None:
    office.settings.set(REPORT_CONTACT, "张明")
    office.settings.set(REPORT_PHONE, "0951-5012345")
    out = tmp_path / "催办单.pdf"
    service = office.reports
    report = service.build(ReportRequest("chaser", unit="税务局"))
    assert save_report(report, out) == 2
    # -raw: each table cell whole, however the font's widths wrap it
    text = re.sub(r"—\d+—", "", compact(pdftotext(out, "-raw")))
    assert text.startswith(
        "催办单〔2021〕第1号宁夏税务局：根据督办台账记录，截至2021年12月20日，你单位承担的任务中"
        "已逾期2项、临近完成时限8项（见下表）。请高度重视，抓紧推进，并于2021年12月25日前将"
        "办理进展及下步计划书面反馈协调小组办公室（填写所附回执）。"
        "序号文件编号重点任务完成时限情况当前进展1宁政职转办〔2021〕1号41增强办税便捷度"
        "2021年6月底逾期173天推进中"
    )
    assert "联系人：张明联系电话：0951-5012345协调小组办公室2021年12月20日" in text
    assert (
        "沿此线剪下－－－－－－－回执（请于2021年12月25日前反馈）单位名称宁夏税务局经办人" in text
    )
    # The signature is never alone: the last two rows come with it to the second page,
    # and the 回执, whole, under its cut line below them (it was always put on a page of
    # its own, however much room was left: issue 12, 3).
    second = compact(pdftotext(out, "-raw", "-f", "2", "-l", "2"))
    assert second.startswith("序号文件编号重点任务完成时限情况当前进展9")
    assert (
        "协调小组办公室2021年12月20日－－－－－－－沿此线剪下－－－－－－－"
        "回执（请于2021年12月25日前反馈）"
    ) in second
    assert second.endswith("报送日期年月日—2—")
    taken = service.take_number(ReportRequest("chaser"), report)
    assert taken.subtitle == ("〔2021〕第1号",)
    service.issued(ReportRequest("chaser"), taken)  # already this unit's number: nothing more
    again = service.build(ReportRequest("chaser", unit="税务局"))
    assert again.subtitle == ("〔2021〕第2号",)


@needs_pdftotext
def test_unit_list_and_ledger(office: Services, tmp_path: Path) -> None:
    service = office.reports
    unit = service.build(ReportRequest("unit", unit="自治区公安厅"))
    assert save_report(unit, tmp_path / "清单.pdf") == 1
    text = compact(pdftotext(tmp_path / "清单.pdf"))
    assert (
        "自治区公安厅共承担任务5项（其中牵头1项），未启动2项、已完成2项、已销号1项；逾期0项，临期0项。"
        in text
    )
    ledger = service.build(ReportRequest("ledger", unit="自治区公安厅"))
    assert ledger.landscape
    assert save_report(ledger, tmp_path / "台账.pdf") >= 1
    text = compact(pdftotext(tmp_path / "台账.pdf"))
    assert "自治区公安厅工作台账" in text and "推进企业开办全程网办" in text


def _ledger_status(report: object, code: str) -> str:
    from importers.reports.model import Table

    tables = [b for b in report.blocks if isinstance(b, Table)]  # type: ignore[attr-defined]
    return next(row[7] for t in tables for row in t.rows if row[1] == code)


def test_a_ledger_for_a_past_round_shows_that_rounds_values(office: Services) -> None:
    service = office.reports
    q3 = service.build(ReportRequest("ledger", unit="自治区公安厅", round_name="2021年第3季度"))
    assert q3.subtitle == ("2021年第3季度　协调小组办公室　　截至2021年9月30日",)
    assert _ledger_status(q3, "39") == "已完成"  # ticked off only on 10 November
    q4 = service.build(ReportRequest("ledger", unit="自治区公安厅", round_name="2021年第4季度"))
    assert q4.subtitle == ("2021年第4季度　协调小组办公室　　截至2021年12月20日",)
    assert _ledger_status(q4, "39") == "已销号"
    today = service.build(
        ReportRequest("ledger", unit="自治区公安厅", round_name="2021年第3季度", current=True)
    )
    assert today.subtitle == ("协调小组办公室　　2021年12月20日当前数据",)
    assert _ledger_status(today, "39") == "已销号"
