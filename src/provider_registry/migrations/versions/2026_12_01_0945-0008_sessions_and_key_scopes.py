"""sessions: absolute refresh-family lifetime, key-bound families, token epochs

Revision ID: 0008_sessions
Revises: 0007_domain_rules
Create Date: 2026-12-01 09:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_sessions"
down_revision: str | None = "0007_domain_rules"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# What the provider role held before keys and profiles had scopes of their own. A provider key
# holding all of it was a full key (the initial key, or one made without a scope list): it keeps
# managing keys and the profile. Narrower keys lose that, which is the point.
_OLD_PROVIDER_SCOPES = {
    "account:read",
    "services:read",
    "services:write",
    "services:publish",
    "deployments:read",
    "deployments:write",
    "organizations:read",
    "organizations:write",
    "tickets:read",
    "tickets:write",
    "billing:read",
}
_NEW_PROVIDER_SCOPES = ["keys:read", "keys:write", "profile:read", "profile:write"]


def _grant_new_scopes_to_full_provider_keys() -> None:
    keys = sa.table(
        "api_keys",
        sa.column("id", sa.Uuid()),
        sa.column("owner_kind", sa.String()),
        sa.column("scopes", sa.JSON()),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(keys.c.id, keys.c.scopes).where(keys.c.owner_kind == "provider")
    ).all()
    for key_id, scopes in rows:
        if set(scopes) >= _OLD_PROVIDER_SCOPES:
            connection.execute(
                keys.update()
                .where(keys.c.id == key_id)
                .values(scopes=sorted(set(scopes) | set(_NEW_PROVIDER_SCOPES)))
            )


def upgrade() -> None:
    _grant_new_scopes_to_full_provider_keys()
    with op.batch_alter_table("refresh_tokens") as batch:
        batch.add_column(sa.Column("family_expires_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("scopes", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("api_key_id", sa.Uuid(), nullable=True))
    # Families issued before this revision end when their newest token does.
    op.execute("UPDATE refresh_tokens SET family_expires_at = expires_at")
    with op.batch_alter_table("refresh_tokens") as batch:
        batch.alter_column(
            "family_expires_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )
        batch.create_index("ix_refresh_tokens_api_key_id", ["api_key_id"], unique=False)
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("token_epoch", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("providers") as batch:
        batch.add_column(sa.Column("token_epoch", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("providers") as batch:
        batch.drop_column("token_epoch")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("token_epoch")
    with op.batch_alter_table("refresh_tokens") as batch:
        batch.drop_index("ix_refresh_tokens_api_key_id")
        batch.drop_column("api_key_id")
        batch.drop_column("scopes")
        batch.drop_column("family_expires_at")
