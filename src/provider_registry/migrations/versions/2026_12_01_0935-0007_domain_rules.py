"""domain rules: prices agreed at acceptance, organization invitations

Revision ID: 0007_domain_rules
Revises: 0006
Create Date: 2026-12-01 09:35:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_domain_rules"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("deployments", sa.Column("pricing", sa.JSON(), nullable=True))
    # Deployments accepted before prices were recorded: the provider's prices as they stand now,
    # the best record there is (from here on they cannot change).
    op.execute(
        "UPDATE deployments SET pricing = "
        "(SELECT providers.pricing FROM providers WHERE providers.id = deployments.provider_id) "
        "WHERE accepted_at IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_column("deployments", "pricing")
