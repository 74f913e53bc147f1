"""bulletins: issued bulletins, numbered per year, kept whole for an identical reprint

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 21:30:00

A bulletin carries 第X期 (its number within the year) and paragraphs the clerk
picked or edited before printing; both are stored with the whole document as
issued, so the number is never given twice and a reprint matches the original.
"""

from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bulletins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["rounds.id"],
            name=op.f("fk_bulletins_round_id_rounds"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bulletins")),
        sa.UniqueConstraint("year", "number", name=op.f("uq_bulletins_year_number")),
    )
    op.create_index(op.f("ix_bulletins_round_id"), "bulletins", ["round_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_bulletins_round_id"), table_name="bulletins")
    op.drop_table("bulletins")
