"""The unit's 佐证材料 on a finding, apart from the office's closing evidence

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 03:30:00

Until now a finding kept one evidence text: the 佐证材料 its unit sent was replaced by
the office's closing evidence (整改销号) and emptied by a reopening.  Each finding (and
each history entry) now keeps the unit's apart, in ``unit_evidence``; ``evidence`` is
the office's closing evidence alone.  Existing rows: the unit's evidence is recovered
from the history (the last non-empty evidence a progress change, not a closing or a
reopening, recorded), and an open finding's ``evidence`` — the unit's until now — is
emptied, as is that of every history entry that did not close the finding.
"""

from alembic import op
import sqlalchemy as sa


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_OFFICE = ("整改销号", "撤销销号")
_CLOSED = "已销号"


def upgrade() -> None:
    for table in ("findings", "finding_history"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("unit_evidence", sa.Text(), server_default="", nullable=False)
            )
    conn = op.get_bind()
    entries = sa.table(
        "finding_history",
        sa.column("id", sa.Integer),
        sa.column("finding_id", sa.Integer),
        sa.column("source", sa.String),
        sa.column("evidence", sa.Text),
        sa.column("new_status", sa.String),
        sa.column("unit_evidence", sa.Text),
    )
    findings = sa.table(
        "findings",
        sa.column("id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("evidence", sa.Text),
        sa.column("unit_evidence", sa.Text),
    )
    running: dict[int, str] = {}
    rows = conn.execute(
        sa.select(entries.c.id, entries.c.finding_id, entries.c.source, entries.c.evidence)
        .order_by(entries.c.finding_id, entries.c.id)
    ).all()
    for entry_id, finding_id, source, evidence in rows:
        if source not in _OFFICE and evidence:
            running[finding_id] = evidence
        if running.get(finding_id):
            conn.execute(
                entries.update()
                .where(entries.c.id == entry_id)
                .values(unit_evidence=running[finding_id])
            )
    for finding_id, evidence in running.items():
        conn.execute(
            findings.update().where(findings.c.id == finding_id).values(unit_evidence=evidence)
        )
    conn.execute(findings.update().where(findings.c.status != _CLOSED).values(evidence=""))
    conn.execute(entries.update().where(entries.c.new_status != _CLOSED).values(evidence=""))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(
        sa.text("UPDATE findings SET evidence = unit_evidence WHERE status <> :closed"),
        {"closed": _CLOSED},
    )
    for table in ("finding_history", "findings"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("unit_evidence")
