"""tasks: a measure's sub-tasks (分工); assignments belong to a task

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 02:10:00

A measure that carries several responsibility brackets has one task per bracket,
each with its own units and deadline.  Every existing measure gets one task (its
text, deadline and standing) and every assignment moves onto it; the unique key
becomes (task, unit), and (measure, unit) stays indexed for the lists.
"""

from alembic import op
import sqlalchemy as sa


revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("deadline_text", sa.String(length=100), nullable=True),
        sa.Column("standing", sa.Boolean(), nullable=False),
        sa.Column("withdrawn", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_tasks_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
        sa.UniqueConstraint("measure_id", "seq", name=op.f("uq_tasks_measure_id")),
    )
    # One task per measure, numbered like the measure (ids free to reuse: the table is new).
    op.execute(
        "INSERT INTO tasks (id, measure_id, seq, code, text, deadline, deadline_text, standing, "
        "withdrawn) SELECT id, id, 1, code, text, deadline, deadline_text, standing, withdrawn "
        "FROM measures"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "SELECT setval(pg_get_serial_sequence('tasks', 'id'), "
            "COALESCE((SELECT MAX(id) FROM tasks), 0) + 1, false)"
        )
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.add_column(sa.Column("task_id", sa.Integer(), nullable=True))
    op.execute("UPDATE assignments SET task_id = measure_id")
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.alter_column("task_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint(op.f("uq_assignments_measure_id"), type_="unique")
        batch_op.create_unique_constraint(
            op.f("uq_assignments_task_id"), ["task_id", "unit_id"]
        )
        batch_op.create_foreign_key(
            op.f("fk_assignments_task_id_tasks"),
            "tasks",
            ["task_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_index("ix_assignments_measure_unit", ["measure_id", "unit_id"])


def downgrade() -> None:
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.drop_index("ix_assignments_measure_unit")
        batch_op.drop_constraint(op.f("fk_assignments_task_id_tasks"), type_="foreignkey")
        batch_op.drop_constraint(op.f("uq_assignments_task_id"), type_="unique")
        batch_op.create_unique_constraint(
            op.f("uq_assignments_measure_id"), ["measure_id", "unit_id"]
        )
        batch_op.drop_column("task_id")
    op.drop_table("tasks")
