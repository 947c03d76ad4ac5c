"""catalog: partial indexes for the public listing

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 08:10:00

The public catalog filters on status IN ('active', 'deprecated') AND deleted_at IS NULL and
sorts by created_at, published_at or name. Indexes led by status could not be read in sort order
under an IN filter (PostgreSQL scanned and sorted all rows); partial indexes can.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PUBLIC_ROWS = sa.text("status IN ('active', 'deprecated') AND deleted_at IS NULL")
SORTS = {"created": "created_at", "published": "published_at", "name": "name"}


def upgrade() -> None:
    for suffix, column in SORTS.items():
        op.drop_index(f"ix_services_status_{suffix}", table_name="services")
        op.create_index(
            f"ix_services_public_{suffix}",
            "services",
            [column, "id"],
            unique=False,
            postgresql_where=PUBLIC_ROWS,
            sqlite_where=PUBLIC_ROWS,
        )


def downgrade() -> None:
    for suffix, column in SORTS.items():
        op.drop_index(f"ix_services_public_{suffix}", table_name="services")
        op.create_index(
            f"ix_services_status_{suffix}", "services", ["status", column, "id"], unique=False
        )
