"""tenant portal: organizations, deployments, tickets, invoices, signed requests

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 18:34:20.195801
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "request_nonces",
        sa.Column("signer", sa.String(length=140), nullable=False),
        sa.Column("nonce", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("signer", "nonce"),
    )
    op.create_index("ix_request_nonces_created", "request_nonces", ["created_at"], unique=False)
    op.create_table(
        "hmac_keys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("secret_ciphertext", sa.Text(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_hmac_keys_account_created",
        "hmac_keys",
        ["account_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "organizations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["accounts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_organizations_created", "organizations", ["created_at", "id"], unique=False)
    op.create_table(
        "invoices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("billed_to", sa.String(length=60), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("organization_id", sa.Uuid(), nullable=True),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total", sa.Numeric(precision=20, scale=8), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('pending', 'paid')", name="ck_invoices_status"),
        sa.CheckConstraint(
            "(account_id IS NULL) <> (organization_id IS NULL)", name="ck_invoices_one_party"
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("billed_to", "period", "currency", name="uq_invoices_billed_period"),
        sa.UniqueConstraint("number"),
    )
    op.create_index(
        "ix_invoices_account_created", "invoices", ["account_id", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_invoices_organization_created",
        "invoices",
        ["organization_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "organization_members",
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("added_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'member', 'viewer')", name="ck_organization_members_role"
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["added_by"],
            ["accounts.id"],
        ),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("organization_id", "account_id"),
    )
    op.create_index(
        "ix_organization_members_account",
        "organization_members",
        ["account_id", "organization_id"],
        unique=False,
    )
    op.create_table(
        "deployments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_account_id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=True),
        sa.Column("provider_id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("cpu", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("memory", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("storage", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("gpu", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("lease_id", sa.String(length=100), nullable=True),
        sa.Column("replicas_ready", sa.Integer(), nullable=False),
        sa.Column("replicas_total", sa.Integer(), nullable=False),
        sa.Column("services", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("state IN ('pending', 'active', 'closed')", name="ck_deployments_state"),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["owner_account_id"],
            ["accounts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_deployments_organization_created",
        "deployments",
        ["organization_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_deployments_owner_created",
        "deployments",
        ["owner_account_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_deployments_provider_created",
        "deployments",
        ["provider_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "deployment_actions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("deployment_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("requested_by", sa.Uuid(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "acknowledged_at",
            sa.DateTime(timezone=True),
            nullable=True,
        ),
        sa.CheckConstraint(
            "action IN ('start', 'stop', 'restart')", name="ck_deployment_actions_action"
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'succeeded', 'failed')", name="ck_deployment_actions_status"
        ),
        sa.ForeignKeyConstraint(["deployment_id"], ["deployments.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["requested_by"],
            ["accounts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_deployment_actions_deployment_status",
        "deployment_actions",
        ["deployment_id", "status", "created_at"],
        unique=False,
    )
    op.create_table(
        "deployment_logs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("deployment_id", sa.Uuid(), nullable=False),
        sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
        sa.Column("service", sa.String(length=100), nullable=True),
        sa.Column("line", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["deployment_id"], ["deployments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_deployment_logs_deployment_ts",
        "deployment_logs",
        ["deployment_id", "ts", "id"],
        unique=False,
    )
    op.create_table(
        "deployment_metrics",
        sa.Column("deployment_id", sa.Uuid(), nullable=False),
        sa.Column("cpu", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("memory", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("storage", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("gpu", sa.Numeric(precision=12, scale=3), nullable=True),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["deployment_id"], ["deployments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("deployment_id"),
    )
    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("deployment_id", sa.Uuid(), nullable=False),
        sa.Column("provider_id", sa.Uuid(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("cpu_hours", sa.Numeric(precision=20, scale=6), nullable=False),
        sa.Column("memory_gb_hours", sa.Numeric(precision=20, scale=6), nullable=False),
        sa.Column("storage_gb_hours", sa.Numeric(precision=20, scale=6), nullable=False),
        sa.Column("gpu_hours", sa.Numeric(precision=20, scale=6), nullable=False),
        sa.Column("amount", sa.Numeric(precision=20, scale=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["deployment_id"],
            ["deployments.id"],
        ),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_invoice_lines_invoice", "invoice_lines", ["invoice_id"], unique=False)
    op.create_table(
        "tickets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("deployment_id", sa.Uuid(), nullable=False),
        sa.Column("provider_id", sa.Uuid(), nullable=False),
        sa.Column("opened_by", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("priority", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "category IN ('technical', 'billing', 'general', 'security')",
            name="ck_tickets_category",
        ),
        sa.CheckConstraint(
            "priority IN ('low', 'medium', 'high', 'critical')", name="ck_tickets_priority"
        ),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'waiting_customer', 'resolved', 'closed')",
            name="ck_tickets_status",
        ),
        sa.ForeignKeyConstraint(
            ["deployment_id"],
            ["deployments.id"],
        ),
        sa.ForeignKeyConstraint(
            ["opened_by"],
            ["accounts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_tickets_deployment_created",
        "tickets",
        ["deployment_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_tickets_opened_by_created", "tickets", ["opened_by", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_tickets_provider_created", "tickets", ["provider_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "ticket_comments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("author_kind", sa.String(length=20), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "author_kind IN ('account', 'provider')", name="ck_ticket_comments_author_kind"
        ),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_ticket_comments_ticket_created",
        "ticket_comments",
        ["ticket_id", "created_at", "id"],
        unique=False,
    )
    # Wallet accounts have an address and no email (batch mode: SQLite rebuilds the table).
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("wallet_address", sa.String(length=120), nullable=True))
        batch.alter_column("email", existing_type=sa.VARCHAR(length=320), nullable=True)
        batch.create_unique_constraint("uq_accounts_wallet_address", ["wallet_address"])
        batch.create_check_constraint(
            "ck_accounts_identity", "email IS NOT NULL OR wallet_address IS NOT NULL"
        )


def downgrade() -> None:
    op.drop_index("ix_ticket_comments_ticket_created", table_name="ticket_comments")
    op.drop_table("ticket_comments")
    op.drop_index("ix_tickets_provider_created", table_name="tickets")
    op.drop_index("ix_tickets_opened_by_created", table_name="tickets")
    op.drop_index("ix_tickets_deployment_created", table_name="tickets")
    op.drop_table("tickets")
    op.drop_index("ix_invoice_lines_invoice", table_name="invoice_lines")
    op.drop_table("invoice_lines")
    op.drop_table("deployment_metrics")
    op.drop_index("ix_deployment_logs_deployment_ts", table_name="deployment_logs")
    op.drop_table("deployment_logs")
    op.drop_index("ix_deployment_actions_deployment_status", table_name="deployment_actions")
    op.drop_table("deployment_actions")
    op.drop_index("ix_deployments_provider_created", table_name="deployments")
    op.drop_index("ix_deployments_owner_created", table_name="deployments")
    op.drop_index("ix_deployments_organization_created", table_name="deployments")
    op.drop_table("deployments")
    op.drop_index("ix_organization_members_account", table_name="organization_members")
    op.drop_table("organization_members")
    op.drop_index("ix_invoices_organization_created", table_name="invoices")
    op.drop_index("ix_invoices_account_created", table_name="invoices")
    op.drop_table("invoices")
    op.drop_index("ix_organizations_created", table_name="organizations")
    op.drop_table("organizations")
    op.drop_index("ix_hmac_keys_account_created", table_name="hmac_keys")
    op.drop_table("hmac_keys")
    op.drop_index("ix_request_nonces_created", table_name="request_nonces")
    op.drop_table("request_nonces")
    op.execute("DELETE FROM accounts WHERE email IS NULL")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_constraint("ck_accounts_identity", type_="check")
        batch.drop_constraint("uq_accounts_wallet_address", type_="unique")
        batch.alter_column("email", existing_type=sa.VARCHAR(length=320), nullable=False)
        batch.drop_column("wallet_address")
