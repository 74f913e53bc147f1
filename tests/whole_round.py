"""One reporting round of the seed 宁政职转办〔2021〕1号, as a clerk runs it (issue 12's
"Done means"): shared by the window's test and tracker-cli's.

The round 2021年第4季度 is as of 2021-12-31, its ledgers due back by 2022-01-10; 36
units are sent their ledgers on 2021-12-25.  The document also names four collectives
(各市、县（区）, and after 等 自治区相关部门, 自治区有关部门, 自治区市场监管领域相关部门)
that nobody has given members: they are sent nothing and chased for nothing, their 92
tasks count in the totals, not started, and the 汇总 and the bulletin say so (issue 16).
Four units come back:

- 自治区市场监管厅 on 2022-01-06: 12 of its 16 rows changed (6 done, 6 in progress,
  a 未按期完成原因 and its contact);
- 宁夏税务局 on 2022-01-07: three valid rows (one asking for an extension of the
  overdue measure 41 to 2022-03-31), an unknown status (基本完成, J8) and a date that
  is none (申请延期至 2022年2月30日, Q9) — its valid rows applied, a 退回单 written;
- 自治区公安厅 on 2022-01-07, unchanged (it reported: nothing new to say);
- 自治区商务厅 on 2022-01-11, after the deadline: two rows changed.

The other 32 never answer: they are chased on 2022-01-11, the extension is approved,
and the master ledger and the bulletin are made on 2022-01-12.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from tracker.store import Clock

ROUND = "2021年第4季度"
AS_OF, DEADLINE = date(2021, 12, 31), date(2022, 1, 10)
SENT_ON = date(2021, 12, 25)
MARKET, TAX, POLICE, COMMERCE = "自治区市场监管厅", "宁夏税务局", "自治区公安厅", "自治区商务厅"
RETURNED_ON = {
    MARKET: date(2022, 1, 6),
    TAX: date(2022, 1, 7),
    POLICE: date(2022, 1, 7),
    COMMERCE: date(2022, 1, 11),
}
CHASED_ON, PUBLISHED_ON = date(2022, 1, 11), date(2022, 1, 12)
TIME = (9, 30)
"""Every change is stamped at 09:30 of the clock's day (``fixed_time``)."""

Edits = dict[str, dict[str, object]]
EDITS: dict[str, Edits] = {
    MARKET: {
        "1": {
            "完成状态": "已完成",
            "完成进度(%)": 100,
            "进展情况": "企业开办全程网办已上线",
            "联系人": "王芳",
            "联系电话": "09516012345",
        },
        "3": {"完成状态": "已完成", "完成进度(%)": 100, "进展情况": "经营范围全类登记已推行"},
        "4": {"完成状态": "已完成", "完成进度(%)": 100},
        "5": {"完成状态": "已完成", "完成进度(%)": 100},
        "8": {"完成状态": "已完成", "完成进度(%)": 100},
        "38": {"完成状态": "已完成", "完成进度(%)": 100},
        "39": {"完成状态": "推进中", "完成进度(%)": 60, "未按期完成原因": "电子证照系统对接延迟"},
        "50": {"完成状态": "推进中", "完成进度(%)": 30},
        "51": {"完成状态": "推进中", "完成进度(%)": 40},
        "58": {"完成状态": "推进中", "完成进度(%)": 50},
        "60": {"完成状态": "推进中", "完成进度(%)": 60},
        "61": {"完成状态": "推进中", "完成进度(%)": 70},
    },
    TAX: {
        "1": {"完成状态": "已完成", "完成进度(%)": 100, "进展情况": "税务UKey免费发放"},
        "2": {"完成状态": "推进中", "完成进度(%)": 50},
        "41": {
            "完成状态": "推进中",
            "完成进度(%)": 70,
            "未按期完成原因": "需跨部门联调",
            "申请延期至": "2022-03-31",
            "延期理由": "系统改造需跨部门联调",
        },
        "42": {"完成状态": "基本完成"},
        "43": {"完成状态": "推进中", "完成进度(%)": 40, "申请延期至": "2022年2月30日"},
    },
    POLICE: {},
    COMMERCE: {
        "46": {"完成状态": "已完成", "完成进度(%)": 100},
        "48": {"完成状态": "推进中", "完成进度(%)": 50},
    },
}
TAX_REJECTED = [
    ("台账", "J8", 'unknown status "基本完成"; allowed: 未启动、推进中、已完成、已销号、长期坚持'),
    (
        "台账",
        "Q9",
        '申请延期至 "2022年2月30日" is not a date; write it as 2021-12-31 or 2021年12月31日',
    ),
]
TAX_NOTICE = [
    (
        "台账",
        "J8",
        "无法识别的完成状态“基本完成”；只能填写：未启动、推进中、已完成、已销号、长期坚持",
    ),
    ("台账", "Q9", "申请延期至“2022年2月30日”不是日期；请写成 2021-12-31 或 2021年12月31日"),
]
"""The same two cells in the 退回单: marked, and commented in the unit's Chinese."""

NOT_REPORTED = [
    "自治区地方金融监管局",
    "自治区住房城乡建设厅",
    "国网宁夏电力公司",
    "自治区财政厅",
    "自治区发展改革委",
    "自治区政府办公厅",
    "自治区自然资源厅",
    "银川海关",
    "自治区人力资源社会保障厅",
    "自治区高级法院",
    "宁夏证监局",
    "人民银行银川中心支行",
    "自治区卫生健康委",
    "自治区药监局",
    "宁夏银保监局",
    "自治区水利厅",
    "自治区农业农村厅",
    "自治区林草局",
    "自治区交通运输厅",
    "自治区工业和信息化厅",
    "自治区公共资源交易管理局",
    "自治区残联",
    "自治区生态环境厅",
    "自治区人防办",
    "自治区文化和旅游厅",
    "自治区民政厅",
    "银川市人民政府",
    "自治区编办",
    "自治区司法厅",
    "自治区国资委",
    "自治区科技厅",
    "自治区教育厅",
]
"""The 32 units that never answer, in the order the round's page lists them (as sent)."""

CHASERS = [f"催办单_2022_{n:03d}_{unit}.pdf" for n, unit in enumerate(NOT_REPORTED, 1)] + [
    "催办单_2022_001-032_合订.pdf"
]
"""The chasers of 2022-01-11: one per unit not reported, numbered 〔2022〕第1号 to 第32号
in the page's order, and the combined file for printing."""

# The four units that returned, as of the round (2021-12-31): the extension approved on
# 2022-01-11 changes none of it (宁夏税务局's measure 41, due 2021-06-30, was overdue then);
# (tasks, 未启动, 推进中, 已完成, 已销号, 长期坚持, 逾期, 完成率, 报送情况).
RETURNED_FIGURES = {
    MARKET: (16, 4, 6, 6, 0, 0, 1, 0.375, "按时报送"),
    TAX: (10, 7, 2, 1, 0, 0, 2, 0.1, "按时报送"),
    POLICE: (3, 3, 0, 0, 0, 0, 1, 0, "按时报送"),
    COMMERCE: (4, 2, 1, 1, 0, 0, 0, 0.25, "逾期报送"),
}
NO_MEMBERS = "尚无成员单位"
"""The 汇总's 报送情况 of a collective nobody has given members."""
MEMBERLESS = {
    "各市、县（区）": (68, 68, 0, 0, 0, 0, 9, 0, NO_MEMBERS),
    "自治区有关部门": (1, 1, 0, 0, 0, 0, 0, 0, NO_MEMBERS),
    "自治区相关部门": (22, 22, 0, 0, 0, 0, 3, 0, NO_MEMBERS),
    "自治区市场监管领域相关部门": (1, 1, 0, 0, 0, 0, 0, 0, NO_MEMBERS),
}
"""The four collectives as the 汇总 lists them (in the ledger's order), read from the
document: 各市、县（区） in 68 measures, 9 of them due before 2021年底 (2021年6月底, 8月底,
10月底 …); the tails after 等 — 自治区相关部门 in 22 measures (overdue: 23 by 2021年8月底, 31
by 6月底, 40 by 10月底), 自治区有关部门 in 5, 自治区市场监管领域相关部门 in 50, both 2021年底."""
MEMBERLESS_NOTE = (
    "另有92项任务由尚无成员单位的集体承担（各市、县（区）68项、自治区有关部门1项、"
    "自治区相关部门22项、自治区市场监管领域相关部门1项），已计入任务总数，未发工作台账，"
    "未列入单位排名和报送统计。"
)
"""The 汇总's note and the bulletin's paragraph on them."""
TOTALS = ("合计", None, 299, 282, 9, 8, 0, 0, 43, 0.027, None)
"""275 tasks of named units and the collectives' 24 new ones (issue 16; 各市、县（区）'s 68
were counted before), all not started: 258 + 24 未启动; 40 + 3 overdue; 8 of 299 done."""
REPORTING = (
    "本轮共向36个单位发出工作台账（报送截止日期：2022年1月10日），已报送4个，"
    "其中按时报送3个、逾期报送1个（自治区商务厅）；未报送32个：自治区地方金融监管局、"
    "自治区住房城乡建设厅、国网宁夏电力公司、自治区财政厅、自治区发展改革委、自治区政府办公厅、"
    "自治区自然资源厅、银川海关、自治区人力资源社会保障厅、自治区高级法院等32个单位。"
)
NOT_ON_TIME = (
    "二是部分单位未按时报送工作进展。自治区地方金融监管局、自治区住房城乡建设厅、国网宁夏电力公司、"
    "自治区财政厅、自治区发展改革委、自治区政府办公厅、自治区自然资源厅、银川海关、"
    "自治区人力资源社会保障厅、自治区高级法院等32个单位本期未报送；自治区商务厅逾期报送。"
)
"""三、存在问题 of the bulletin: who did not report, and who reported late."""
OVERALL = (
    "截至2021年12月31日，纳入督办的措施75项，分解到责任单位的任务299项。其中，已完成8项，"
    "已销号0项，完成率2.7%；推进中9项，未启动282项，长期坚持0项；逾期未完成43项，占14.4%；"
    "15日内（含当日）到期248项。已到完成时限的任务299项，完成8项，到期任务完成率2.7%。"
)
"""15日内到期: 227 before and the collectives' 21 new tasks due 2021年底 (自治区相关部门's
19, 自治区有关部门's and 自治区市场监管领域相关部门's 1 each); 43 of 299 overdue, 14.4%."""


def ledger_name(unit: str) -> str:
    return f"{unit}_{ROUND}_工作台账.xlsx"


def fill_in(sent: Path, back: Path, units: tuple[str, ...] = tuple(EDITS)) -> dict[str, Path]:
    """The units' returned ledgers (the four, or ``units``), edited in their exported
    workbooks as a unit would in Excel (by column header and measure code), saved in ``back``."""
    back.mkdir(exist_ok=True)
    returned = {}
    for unit in units:
        edits = EDITS[unit]
        book = openpyxl.load_workbook(sent / ledger_name(unit))
        sheet = book.worksheets[0]
        header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "序号")
        columns = {sheet.cell(header, c).value: c for c in range(1, sheet.max_column + 1)}
        rows = {
            str(sheet.cell(r, columns["措施编号"]).value): r
            for r in range(header + 1, sheet.max_row + 1)
        }
        for code, values in edits.items():
            for title, value in values.items():
                sheet.cell(rows[code], columns[title]).value = value
        returned[unit] = back / ledger_name(unit)
        book.save(returned[unit])
    return returned


def summary_sheet(master: Path) -> dict[str, tuple[object, ...]]:
    """The master's 汇总 read back: its rows by unit (序号 left out), 合计, the
    报送情况 line under ``"报送情况"`` and the collectives' note under ``"集体"``."""
    book = openpyxl.load_workbook(master, read_only=True)
    rows = [r for r in book["汇总"].iter_rows(min_row=4, values_only=True) if r[0] is not None]
    book.close()
    found: dict[str, tuple[object, ...]] = {}
    for row in rows:
        if isinstance(row[0], int):
            found[str(row[1])] = tuple(row[2:])
        elif row[0] == "合计":
            found["合计"] = tuple(row)
        elif str(row[0]).startswith("报送情况"):
            found["报送情况"] = (row[0],)
        else:
            found["集体"] = (row[0],)
    return found


def bulletin_rows(units_table: list[list[str]]) -> dict[str, tuple[int, int, int, int, str]]:
    """The bulletin's 附件1 (每个责任单位: 承担任务, 已完成, 已销号, 逾期, 完成率) by unit."""
    header, *rows = units_table
    assert header[:7] == ["序号", "责任单位", "承担任务", "已完成", "已销号", "逾期", "完成率"]
    return {r[1]: (int(r[2]), int(r[3]), int(r[4]), int(r[5]), r[6]) for r in rows}


def as_summary(figures: tuple[object, ...]) -> tuple[int, int, int, int, str]:
    """The 汇总's figures of a unit as the bulletin prints them (the rate as 37.5%)."""
    tasks, _new, _going, done, ticked, _standing, overdue, rate, _reported = figures
    assert isinstance(rate, (int, float))
    return (int(str(tasks)), int(str(done)), int(str(ticked)), int(str(overdue)), f"{rate:.1%}")


@pytest.fixture
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """``Clock.now`` gives 09:30 of the clock's day, so every stamp is exact."""

    def now(clock: Clock) -> datetime:
        return datetime.combine(clock.today(), time(*TIME))

    monkeypatch.setattr(Clock, "now", now)
