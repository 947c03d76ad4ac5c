"""deployment_logs(ts): the maintenance job prunes log lines past their retention in batches

Built CONCURRENTLY on PostgreSQL (outside the migration's transaction), so serving instances keep
writing logs while it builds: an expand step, safe during a rolling deploy.

Revision ID: 0010_log_retention
Revises: 0009_approval_claims
Create Date: 2026-12-08 03:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_log_retention"
down_revision: str | None = "0009_approval_claims"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_deployment_logs_ts",
            "deployment_logs",
            ["ts"],
            postgresql_concurrently=True,
            if_not_exists=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(
            "ix_deployment_logs_ts",
            table_name="deployment_logs",
            postgresql_concurrently=True,
            if_exists=True,
        )
