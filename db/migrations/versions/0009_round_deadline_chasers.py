"""round deadline, document effective date, numbered chasers

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 10:00:00

A round gets its 报送截止日期; a document the day the clerk says it took effect
(rounds count its tasks from then); every chaser number given is a row, unique
per (year, number), instead of a counter in the settings.
"""

from alembic import op
import sqlalchemy as sa


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rounds") as batch:
        batch.add_column(sa.Column("deadline", sa.Date(), nullable=True))
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("effective_on", sa.Date(), nullable=True))
    op.create_table(
        "chaser_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("unit_name", sa.String(length=200), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["rounds.id"],
            name=op.f("fk_chaser_numbers_round_id_rounds"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_chaser_numbers_unit_id_units"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chaser_numbers")),
        sa.UniqueConstraint("year", "number", name=op.f("uq_chaser_numbers_year_number")),
    )
    op.create_index(
        op.f("ix_chaser_numbers_round_id"), "chaser_numbers", ["round_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_chaser_numbers_round_id"), table_name="chaser_numbers")
    op.drop_table("chaser_numbers")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("effective_on")
    with op.batch_alter_table("rounds") as batch:
        batch.drop_column("deadline")
