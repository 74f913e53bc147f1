"""0013 keeps the unit's 佐证材料 of every finding apart from the office's closing evidence,
recovering it from the history where a closing replaced it or a reopening emptied it."""

from __future__ import annotations

from sqlalchemy import text

from db import migrate
from db.engine import make_engine
from tests.db.test_migration_keeps_rows import _ROWS

_FINDING = (
    "INSERT INTO findings (id, inspection_id, unit_id, problem, requirement, deadline, status, "
    "note, evidence, closed_by, updated_by, updated_at, version) VALUES "
    "({id}, 1, 1, '问题{id}', '整改', '2021-06-30', '{status}', '', '{evidence}', '', '测试员', "
    "'2021-07-01 09:00:00', 1)"
)
_ENTRY = (
    "INSERT INTO finding_history (finding_id, changed_at, changed_by, source, new_status, "
    "new_note, evidence) VALUES ({id}, '2021-07-0{day} 09:00:00', '测试员', '{source}', "
    "'{status}', '', '{evidence}')"
)
_FINDINGS = (
    "INSERT INTO inspections (id, name, held_on, team, created_at, created_by) VALUES "
    "(1, '专项督查', '2021-06-01', '', '2021-06-01 09:00:00', '测试员')",
    # 1: open, the unit's evidence from its ledger
    _FINDING.format(id=1, status="已完成", evidence="整改报告"),
    _ENTRY.format(id=1, day=1, source="手工", status="未启动", evidence=""),
    _ENTRY.format(id=1, day=2, source="台账 回.xlsx", status="已完成", evidence="整改报告"),
    # 2: closed, the unit's evidence replaced by the office's
    _FINDING.format(id=2, status="已销号", evidence="验收意见"),
    _ENTRY.format(id=2, day=1, source="台账 回.xlsx", status="已完成", evidence="照片"),
    _ENTRY.format(id=2, day=2, source="整改销号", status="已销号", evidence="验收意见"),
    # 3: reopened, the unit's evidence emptied
    _FINDING.format(id=3, status="已完成", evidence=""),
    _ENTRY.format(id=3, day=1, source="台账 回.xlsx", status="已完成", evidence="台账截图"),
    _ENTRY.format(id=3, day=2, source="整改销号", status="已销号", evidence="核查记录"),
    _ENTRY.format(id=3, day=3, source="撤销销号", status="已完成", evidence=""),
)


def test_upgrading_0012_to_0013_keeps_the_units_evidence_apart(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0012")
    with engine.begin() as conn:
        for statement in (*_ROWS, *_FINDINGS):
            conn.execute(text(statement))
    migrate.upgrade(engine, "0013")
    with engine.connect() as conn:
        findings = conn.execute(
            text("SELECT id, status, unit_evidence, evidence FROM findings ORDER BY id")
        ).all()
        history = conn.execute(
            text(
                "SELECT finding_id, source, unit_evidence, evidence FROM finding_history "
                "ORDER BY finding_id, id"
            )
        ).all()
    assert [tuple(f) for f in findings] == [
        (1, "已完成", "整改报告", ""),
        (2, "已销号", "照片", "验收意见"),
        (3, "已完成", "台账截图", ""),
    ]
    assert [tuple(h) for h in history] == [
        (1, "手工", "", ""),
        (1, "台账 回.xlsx", "整改报告", ""),
        (2, "台账 回.xlsx", "照片", ""),
        (2, "整改销号", "照片", "验收意见"),
        (3, "台账 回.xlsx", "台账截图", ""),
        (3, "整改销号", "台账截图", "核查记录"),
        (3, "撤销销号", "台账截图", ""),
    ]
    engine.dispose()
