"""progress history: one covering index for the state as of a round

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 04:30:00

The bulletin rebuilds every assignment's state as of a round from the history
(tracker.reports.report_data).  An index on (assignment_id, round_id, changed_at)
answers that from the index alone; it starts with assignment_id, so it also
replaces the single-column index on it.
"""

from alembic import op


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_progress_history_assignment_round",
        "progress_history",
        ["assignment_id", "round_id", "changed_at"],
        unique=False,
    )
    op.drop_index("ix_progress_history_assignment_id", table_name="progress_history")


def downgrade() -> None:
    op.create_index(
        "ix_progress_history_assignment_id", "progress_history", ["assignment_id"], unique=False
    )
    op.drop_index("ix_progress_history_assignment_round", table_name="progress_history")
