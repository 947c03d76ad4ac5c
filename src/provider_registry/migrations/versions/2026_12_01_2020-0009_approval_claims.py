"""providers.approval_started_at: an approval's claim while billing is called outside any lock

Revision ID: 0009_approval_claims
Revises: 0008_sessions
Create Date: 2026-12-01 20:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_approval_claims"
down_revision: str | None = "0008_sessions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("providers") as batch:
        batch.add_column(
            sa.Column("approval_started_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("providers") as batch:
        batch.drop_column("approval_started_at")
