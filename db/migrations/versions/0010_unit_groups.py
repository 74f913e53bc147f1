"""unit groups: ordered members, a nested-reporting setting, members' shares of group tasks

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 23:10:00

A group such as 各市、县（区） gets ordered members; each of its tasks is then answered
per member (an assignment with ``group_id`` = the group), and the group's own row
is ``fanned_out``: its state derived from the members', counted nowhere itself.
"""

from alembic import op
import sqlalchemy as sa


revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("units") as batch_op:
        batch_op.add_column(
            sa.Column(
                "members_report_directly", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
    with op.batch_alter_table("unit_group_members") as batch_op:
        batch_op.add_column(
            sa.Column("position", sa.Integer(), server_default="0", nullable=False)
        )
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("fanned_out", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_assignments_group_id_units"),
            "units",
            ["group_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(batch_op.f("ix_assignments_group_id"), ["group_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignments_group_id"))
        batch_op.drop_constraint(batch_op.f("fk_assignments_group_id_units"), type_="foreignkey")
        batch_op.drop_column("fanned_out")
        batch_op.drop_column("group_id")
    with op.batch_alter_table("unit_group_members") as batch_op:
        batch_op.drop_column("position")
    with op.batch_alter_table("units") as batch_op:
        batch_op.drop_column("members_report_directly")
