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

    op.create_table(
        "organization_invitations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("invited_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "role IN ('admin', 'member', 'viewer')", name="ck_organization_invitations_role"
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'accepted', 'declined')",
            name="ck_organization_invitations_status",
        ),
        sa.CheckConstraint(
            "(account_id IS NULL) <> (email IS NULL)", name="ck_organization_invitations_invitee"
        ),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["invited_by"], ["accounts.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("account_id", "email"):
        where = sa.text(f"status = 'pending' AND {column} IS NOT NULL")
        op.create_index(
            f"uq_organization_invitations_pending_{column.split('_')[0]}",
            "organization_invitations",
            ["organization_id", column],
            unique=True,
            postgresql_where=where,
            sqlite_where=where,
        )
        op.create_index(
            f"ix_organization_invitations_{column.split('_')[0]}",
            "organization_invitations",
            [column, "status"],
        )
    op.create_index(
        "ix_organization_invitations_organization",
        "organization_invitations",
        ["organization_id", "created_at", "id"],
    )


def downgrade() -> None:
    op.drop_table("organization_invitations")
    op.drop_column("deployments", "pricing")
