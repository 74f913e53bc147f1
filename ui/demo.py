"""A demo database, so a clerk can try the window before importing a real document.

The document is built by hand (no parser involved) and its deadlines are set
relative to today, so the demo always shows some measures overdue (逾期), some
due soon (临期), some done and one ticked off (已销号).
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path

from tracker.statuses import Status

if TYPE_CHECKING:  # the parser and the database are loaded when a demo is built, not at start-up
    from importers.policy import ParsedDocument

DEMO_FILE_NAME = "demo.sqlite3"
DEMO_SOURCE = "演示文件.txt"
DEMO_USER = "演示"

MARKET = "营造公平竞争市场环境"
SERVICE = "提升政务服务效能"
SUPPORT = "强化组织保障"
REGISTRY = "深化商事制度改革"
PERMITS = "优化工程建设项目审批"

# code, part, section, title, units (lead first), days from today to the deadline (None: 长期坚持)
_MEASURES: list[tuple[str, str, str | None, str, list[str], int | None]] = [
    (
        "1",
        MARKET,
        REGISTRY,
        "推进企业开办全程网办",
        ["自治区市场监管厅", "自治区公安厅", "宁夏税务局"],
        -40,
    ),
    ("2", MARKET, REGISTRY, "推广企业开办“零费用”", ["自治区公安厅", "宁夏税务局"], 6),
    ("3", MARKET, REGISTRY, "推行企业经营范围全类登记", ["自治区市场监管厅"], 60),
    (
        "4",
        MARKET,
        PERMITS,
        "压减工程建设项目审批时间",
        ["自治区住房城乡建设厅", "自治区自然资源厅"],
        -5,
    ),
    ("5", MARKET, PERMITS, "推行区域评估成果共享", ["自治区自然资源厅", "自治区生态环境厅"], 120),
    ("6", SERVICE, None, "推进政务服务“一网通办”", ["自治区政府办公厅", "自治区大数据中心"], 12),
    ("7", SERVICE, None, "推行证明事项告知承诺制", ["自治区司法厅"], -90),
    (
        "8",
        SERVICE,
        None,
        "提升企业开办和注销便利度",
        ["自治区市场监管厅", "宁夏税务局", "各市、县（区）"],
        30,
    ),
    ("9", SUPPORT, None, "压实工作责任", ["自治区政府办公厅", "各市、县（区）"], None),
    ("10", SUPPORT, None, "加强督促检查", ["自治区政府办公厅"], 200),
]

# code, unit, status, percent, note
_PROGRESS: list[tuple[str, str, Status, int | None, str]] = [
    (
        "1",
        "自治区市场监管厅",
        Status.IN_PROGRESS,
        70,
        "企业开办平台已升级，正在推进电子印章同步发放",
    ),
    ("1", "宁夏税务局", Status.DONE, 100, "税务UKey已实现免费发放"),
    ("2", "自治区公安厅", Status.IN_PROGRESS, 40, "印章刻制费用由地方财政承担的方案已报批"),
    ("3", "自治区市场监管厅", Status.DONE, 100, "经营范围规范条目已全部上线"),
    ("4", "自治区住房城乡建设厅", Status.IN_PROGRESS, 55, "审批时间已压减至80个工作日以内"),
    ("6", "自治区大数据中心", Status.IN_PROGRESS, 30, "统一身份认证已接入12个部门"),
    ("7", "自治区司法厅", Status.DONE, 100, "告知承诺制事项清单已公布"),
]


def default_demo_path() -> Path:
    return user_data_path("MeasureTracker", appauthor=False) / DEMO_FILE_NAME


def demo_document(today: date) -> ParsedDocument:
    from importers.policy import ParsedDocument, ParsedMeasure, ParsedPart, ParsedSection

    parts: dict[str, ParsedPart] = {}
    measures = []
    for code, part, section, title, units, days in _MEASURES:
        parsed_part = parts.setdefault(part, ParsedPart(len(parts) + 1, part))
        section_number = None
        if section is not None:
            titles = [s.title for s in parsed_part.sections]
            if section not in titles:
                parsed_part.sections.append(ParsedSection(len(titles) + 1, section, [units[0]]))
            section_number = [s.title for s in parsed_part.sections].index(section) + 1
        deadline = None if days is None else today + timedelta(days=days)
        wording = (
            "长期坚持" if deadline is None else f"{deadline:%Y}年{deadline.month}月{deadline.day}日"
        )
        measures.append(
            ParsedMeasure(
                code=code,
                title=title,
                text=f"{title}。（责任单位：{'、'.join(units)}。完成时限：{wording}）",
                part=part,
                part_number=parsed_part.number,
                section=section,
                section_number=section_number,
                lead_units=units[:1],
                units=units,
                deadline=deadline,
                deadline_text=wording,
                standing=deadline is None,
            )
        )
    return ParsedDocument(
        title="演示：关于印发持续优化营商环境若干措施的通知",
        doc_number="演示〔2021〕1号",
        issuer="演示协调小组办公室",
        issued_on=today - timedelta(days=120),
        parts=list(parts.values()),
        measures=measures,
    )


def build_demo_database(path: Path, today: date | None = None) -> Path:
    """Create (or re-create) the demo database file at ``path``; returns the path."""
    from importers.policy.parser import SourceInfo
    from tracker.progress.progress_service import Change
    from tracker.services import Services

    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    services = Services.open(path, user=DEMO_USER, create=True)
    try:
        document = demo_document(today or services.today())
        digest = hashlib.sha256(repr(document).encode()).hexdigest()
        services.documents.import_parsed(document, SourceInfo(DEMO_SOURCE, digest, 0))
        rows = {(r.code, r.unit): r for r in services.overview.assignments()}
        for code, unit, status, percent, note in _PROGRESS:
            row = rows[(code, unit)]
            services.progress.record(
                row.id, Change(status=status, percent=percent, note=note), source=DEMO_USER
            )
        services.progress.tick_off(rows[("7", "自治区司法厅")].id)
    finally:
        services.close()
    return path
