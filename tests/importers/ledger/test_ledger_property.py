"""Whatever a measure's texts contain, an untouched ledger reads back as exported."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.ledger.cells import text as cell_text
from importers.ledger.layout import storable
from importers.ledger.model import LedgerRow, LedgerSheet, LedgerWorkbook
from importers.ledger.reader import read_ledger
from importers.ledger.statuses import STATUSES
from importers.ledger.writer import write_ledger

texts = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("=+-@#_x0041\n\r\t 已完成推进中（）%")),
    ),
    max_size=40,
)


def _normalized(value: str) -> str:
    return cell_text(storable(value))


@st.composite
def rows(draw: st.DrawFn) -> LedgerRow:
    code = draw(st.from_regex(r"[1-9][0-9]?(\.[1-9])?", fullmatch=True))
    return LedgerRow(
        key=draw(st.text(alphabet="abc123-", min_size=1, max_size=8)),
        measure_code=code,
        task=draw(texts),
        content=draw(texts),
        lead_units="牵头单位",
        unit=draw(st.sampled_from(["自治区市场监管厅", "自治区财政厅"])),
        deadline=draw(st.none() | st.dates(date(2000, 1, 1), date(2099, 12, 31))),
        status=draw(st.sampled_from(("", *STATUSES))),
        percent=draw(st.none() | st.integers(0, 100)),
        progress=draw(texts),
        problems=draw(texts),
        next_steps=draw(texts),
        contact=draw(texts),
        phone=draw(texts),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(rows(), min_size=1, max_size=6))
def test_untouched_ledger_reads_back_as_exported(sample: list[LedgerRow]) -> None:
    book = LedgerWorkbook(
        kind="unit",
        unit="自治区市场监管厅",
        round_name="第一轮",
        as_of=date(2021, 6, 30),
        exported_at=datetime(2021, 7, 1),
        office="办公室",
        sheets=[LedgerSheet("工作台账", "d", sample)],
    )
    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "x.xlsx")
        write_ledger(book, path)
        ledger = read_ledger(path)
    assert ledger.errors == []
    assert [r.key for r in ledger.rows] == [r.key for r in sample]
    for got, row in zip(ledger.rows, sample, strict=True):
        assert got.status == (row.status or None)
        assert got.percent == row.percent
        for name in ("progress", "problems", "next_steps", "contact", "phone"):
            assert getattr(got, name) == _normalized(getattr(row, name))
        assert got.exported == {
            "status": row.status or None,
            "percent": row.percent,
            **{n: _normalized(getattr(row, n)) for n in ("progress", "problems", "next_steps")},
            "contact": _normalized(row.contact),
            "phone": _normalized(row.phone),
            **dict.fromkeys(("delay_reason", "evidence", "extension_to", "extension_reason"), ""),
        }
        assert got.deadline == row.deadline
