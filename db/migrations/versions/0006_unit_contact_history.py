"""unit contact history: every change of a unit's 联系人 and 联系电话

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 23:30:00

A returned ledger's 联系人 and 联系电话 update the unit's directory entry; each
change (and each one a clerk types) is kept with where it came from, and the
ledger import that made it, so undoing the import restores the old contact.
"""

from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_contact_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=10), nullable=False),
        sa.Column("old_value", sa.String(length=100), nullable=False),
        sa.Column("new_value", sa.String(length=100), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_unit_contact_history_batch_id_import_batches"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_unit_contact_history_unit_id_units"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_contact_history")),
    )
    op.create_index(
        op.f("ix_unit_contact_history_batch_id"),
        "unit_contact_history",
        ["batch_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_unit_contact_history_unit_id"),
        "unit_contact_history",
        ["unit_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_unit_contact_history_unit_id"), table_name="unit_contact_history")
    op.drop_index(op.f("ix_unit_contact_history_batch_id"), table_name="unit_contact_history")
    op.drop_table("unit_contact_history")
