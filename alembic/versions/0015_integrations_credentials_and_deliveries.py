"""Roster sync: integrations (the roster sources an admin registers), their credentials (webhook
secrets sealed, SCIM tokens as digests), the log of their deliveries, and on employees the source's
time of the last event applied and the manager a source named before they arrived.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "integrations",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("owned_fields", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("key in ('external_id', 'email')", name=op.f("ck_integrations_key")),
        sa.CheckConstraint("kind in ('hris_webhook', 'scim', 'file')", name=op.f("ck_integrations_kind")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_integrations_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_integrations")),
    )
    op.create_index("uq_integrations_id", "integrations", ["id"], unique=True)
    op.create_table(
        "integration_credentials",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("integration_id", sa.Uuid(), nullable=False),
        sa.Column("sealed_secret", sa.String(), nullable=True),
        sa.Column("token_digest", sa.String(), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "(sealed_secret IS NULL) <> (token_digest IS NULL)", name=op.f("ck_integration_credentials_one_credential")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "integration_id"],
            ["integrations.tenant_id", "integrations.id"],
            name=op.f("fk_integration_credentials_tenant_id_integration_id_integrations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_integration_credentials")),
    )
    op.create_index(
        "ix_integration_credentials_tenant_id_integration_id",
        "integration_credentials",
        ["tenant_id", "integration_id"],
        unique=False,
    )
    op.create_index("uq_integration_credentials_token_digest", "integration_credentials", ["token_digest"], unique=True)
    op.create_table(
        "integration_deliveries",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("integration_id", sa.Uuid(), nullable=False),
        sa.Column("webhook_id", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=True),
        sa.Column("external_id", sa.String(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "outcome in ('applied', 'duplicate', 'stale', 'refused')", name=op.f("ck_integration_deliveries_outcome")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "integration_id"],
            ["integrations.tenant_id", "integrations.id"],
            name=op.f("fk_integration_deliveries_tenant_id_integration_id_integrations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_integration_deliveries")),
    )
    op.create_index("ix_integration_deliveries_received_at", "integration_deliveries", ["received_at"], unique=False)
    op.create_index(
        "ix_integration_deliveries_tenant_id_integration_id_id",
        "integration_deliveries",
        ["tenant_id", "integration_id", "id"],
        unique=False,
    )
    op.create_index(
        "uq_integration_deliveries_processed_webhook_id",
        "integration_deliveries",
        ["tenant_id", "integration_id", "webhook_id"],
        unique=True,
        postgresql_where=sa.text("outcome in ('applied', 'stale')"),
    )
    op.add_column("employees", sa.Column("source_timestamp", sa.DateTime(timezone=True), nullable=True))
    op.add_column("employees", sa.Column("pending_manager_external_id", sa.String(), nullable=True))
    op.create_index(
        "ix_employees_tenant_id_pending_manager_external_id",
        "employees",
        ["tenant_id", "pending_manager_external_id"],
        unique=False,
        postgresql_where=sa.text("pending_manager_external_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_employees_tenant_id_pending_manager_external_id",
        table_name="employees",
        postgresql_where=sa.text("pending_manager_external_id IS NOT NULL"),
    )
    op.drop_column("employees", "pending_manager_external_id")
    op.drop_column("employees", "source_timestamp")
    op.drop_index(
        "uq_integration_deliveries_processed_webhook_id",
        table_name="integration_deliveries",
        postgresql_where=sa.text("outcome in ('applied', 'stale')"),
    )
    op.drop_index("ix_integration_deliveries_tenant_id_integration_id_id", table_name="integration_deliveries")
    op.drop_index("ix_integration_deliveries_received_at", table_name="integration_deliveries")
    op.drop_table("integration_deliveries")
    op.drop_index("uq_integration_credentials_token_digest", table_name="integration_credentials")
    op.drop_index("ix_integration_credentials_tenant_id_integration_id", table_name="integration_credentials")
    op.drop_table("integration_credentials")
    op.drop_index("uq_integrations_id", table_name="integrations")
    op.drop_table("integrations")
