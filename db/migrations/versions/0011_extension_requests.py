"""extension requests (申请延期) and a unit's own deadline

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 02:10:00

A unit asks for a later deadline for one of its tasks; the office approves or
refuses.  An approval gives that assignment its own deadline (the measure's
stays, shown as the original), kept with the one it replaced so it can be undone.
"""

from alembic import op
import sqlalchemy as sa


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assignments") as batch:
        batch.add_column(sa.Column("deadline", sa.Date(), nullable=True))
    op.create_table(
        "extension_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("requested_deadline", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("previous_deadline", sa.Date(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_extension_requests_assignment_id_assignments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_extension_requests_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["rounds.id"],
            name=op.f("fk_extension_requests_round_id_rounds"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extension_requests")),
    )
    for column in ("assignment_id", "batch_id", "state"):
        op.create_index(
            op.f(f"ix_extension_requests_{column}"), "extension_requests", [column], unique=False
        )


def downgrade() -> None:
    for column in ("assignment_id", "batch_id", "state"):
        op.drop_index(op.f(f"ix_extension_requests_{column}"), table_name="extension_requests")
    op.drop_table("extension_requests")
    with op.batch_alter_table("assignments") as batch:
        batch.drop_column("deadline")
