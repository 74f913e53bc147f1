"""佐证材料 and 未按期完成原因 on assignments, with their history

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 03:00:00

A unit's returned ledger carries what evidence it has (佐证材料) and why an overdue
task is not done (未按期完成原因); each assignment keeps them, and every change of
them is in its history like the other texts.  Existing rows get empty texts.
"""

from alembic import op
import sqlalchemy as sa


revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assignments") as batch:
        batch.add_column(sa.Column("evidence", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("delay_reason", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("progress_history") as batch:
        for name in ("old_evidence", "new_evidence", "old_delay_reason", "new_delay_reason"):
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("progress_history") as batch:
        for name in ("new_delay_reason", "old_delay_reason", "new_evidence", "old_evidence"):
            batch.drop_column(name)
    with op.batch_alter_table("assignments") as batch:
        batch.drop_column("delay_reason")
        batch.drop_column("evidence")
