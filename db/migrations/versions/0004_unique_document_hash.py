"""documents: one document per file (a unique index on the content hash)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 20:40:00

The same file imported twice at once (two clerks, two windows) made two copies:
the check "is this hash stored?" ran in Python, before either wrote.  The
database now refuses the second copy and the importer answers "already imported".

A database that already holds copies keeps every one of them — they may carry
progress — and the oldest keeps the hash; each later copy's hash is marked
``dup<id>-…`` (still unique, still 64 characters at most), so the file matches
the oldest copy, and a clerk can delete the extra ones (``tracker-cli delete-doc``).
"""

from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        sa.text(
            "UPDATE documents SET source_sha256 = "
            "substr('dup' || CAST(id AS VARCHAR(20)) || '-' || source_sha256, 1, 64) "
            "WHERE id NOT IN (SELECT MIN(id) FROM documents GROUP BY source_sha256)"
        )
    )
    op.drop_index("ix_documents_source_sha256", table_name="documents")
    op.create_index("ix_documents_source_sha256", "documents", ["source_sha256"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_documents_source_sha256", table_name="documents")
    op.create_index("ix_documents_source_sha256", "documents", ["source_sha256"], unique=False)
