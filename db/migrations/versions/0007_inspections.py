"""inspections: supervision inspections and their findings (督查问题), with history

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 10:00:00

An inspection has findings; each names a unit (optionally a measure), the problem,
the required rectification and its deadline, and is tracked like an assignment —
status, percent, note, every change kept in ``finding_history`` — until the office
closes it (整改销号) noting the evidence.
"""

from alembic import op
import sqlalchemy as sa


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inspections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
        sa.UniqueConstraint("name", name=op.f("uq_inspections_name")),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("requirement", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_findings_inspection_id_inspections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_findings_measure_id_measures"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_findings_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    op.create_index(op.f("ix_findings_deadline"), "findings", ["deadline"], unique=False)
    op.create_index(
        op.f("ix_findings_inspection_id"), "findings", ["inspection_id"], unique=False
    )
    op.create_index(op.f("ix_findings_measure_id"), "findings", ["measure_id"], unique=False)
    op.create_index(op.f("ix_findings_unit_id"), "findings", ["unit_id"], unique=False)
    op.create_table(
        "finding_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("old_status", sa.String(length=10), nullable=True),
        sa.Column("new_status", sa.String(length=10), nullable=False),
        sa.Column("old_percent", sa.Integer(), nullable=True),
        sa.Column("new_percent", sa.Integer(), nullable=True),
        sa.Column("old_note", sa.Text(), nullable=True),
        sa.Column("new_note", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_finding_history_batch_id_import_batches"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_finding_history_finding_id_findings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_history")),
    )
    op.create_index(
        op.f("ix_finding_history_batch_id"), "finding_history", ["batch_id"], unique=False
    )
    op.create_index(
        op.f("ix_finding_history_finding_id"), "finding_history", ["finding_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_finding_history_finding_id"), table_name="finding_history")
    op.drop_index(op.f("ix_finding_history_batch_id"), table_name="finding_history")
    op.drop_table("finding_history")
    op.drop_index(op.f("ix_findings_unit_id"), table_name="findings")
    op.drop_index(op.f("ix_findings_measure_id"), table_name="findings")
    op.drop_index(op.f("ix_findings_inspection_id"), table_name="findings")
    op.drop_index(op.f("ix_findings_deadline"), table_name="findings")
    op.drop_table("findings")
    op.drop_table("inspections")
