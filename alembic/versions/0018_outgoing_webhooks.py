"""Outgoing webhooks: endpoints with their sealed secrets, one delivery per event and endpoint with
the log of its attempts, and on the outbox the version of the resource each event is about.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("resource_version", sa.Integer(), nullable=True))
    op.create_table(
        "webhook_endpoints",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("event_types", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("disabled_reason", sa.String(), nullable=True),
        sa.Column("failing_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "disabled_reason in ('admin', 'failing')", name=op.f("ck_webhook_endpoints_disabled_reason")
        ),
        sa.CheckConstraint(
            "enabled = (disabled_reason IS NULL)", name=op.f("ck_webhook_endpoints_disabled_has_reason")
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_webhook_endpoints_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_webhook_endpoints")),
    )
    op.create_table(
        "webhook_endpoint_secrets",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("endpoint_id", sa.Uuid(), nullable=False),
        sa.Column("sealed", sa.String(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id", "endpoint_id"],
            ["webhook_endpoints.tenant_id", "webhook_endpoints.id"],
            name=op.f("fk_webhook_endpoint_secrets_tenant_id_endpoint_id_webhook_endpoints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_webhook_endpoint_secrets")),
    )
    op.create_index(
        "ix_webhook_endpoint_secrets_tenant_id_endpoint_id",
        "webhook_endpoint_secrets",
        ["tenant_id", "endpoint_id"],
        unique=False,
    )
    op.create_table(
        "webhook_deliveries",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("endpoint_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("total_attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("leased_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("attempts >= 0 AND total_attempts >= attempts", name=op.f("ck_webhook_deliveries_attempts")),
        sa.CheckConstraint("state in ('pending', 'succeeded', 'failed')", name=op.f("ck_webhook_deliveries_state")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "endpoint_id"],
            ["webhook_endpoints.tenant_id", "webhook_endpoints.id"],
            name=op.f("fk_webhook_deliveries_tenant_id_endpoint_id_webhook_endpoints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_webhook_deliveries")),
        sa.UniqueConstraint(
            "tenant_id", "endpoint_id", "event_id", name=op.f("uq_webhook_deliveries_tenant_id_endpoint_id_event_id")
        ),
    )
    op.create_index(
        "ix_webhook_deliveries_due",
        "webhook_deliveries",
        ["next_attempt_at"],
        unique=False,
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_index(
        "ix_webhook_deliveries_in_flight",
        "webhook_deliveries",
        ["leased_until", "tenant_id", "endpoint_id"],
        unique=False,
        postgresql_where=sa.text("leased_until IS NOT NULL"),
    )
    op.create_index(
        "ix_webhook_deliveries_tenant_id_endpoint_id_id",
        "webhook_deliveries",
        ["tenant_id", "endpoint_id", "id"],
        unique=False,
    )
    op.create_table(
        "webhook_delivery_attempts",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("delivery_id", sa.Uuid(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id", "delivery_id"],
            ["webhook_deliveries.tenant_id", "webhook_deliveries.id"],
            name=op.f("fk_webhook_delivery_attempts_tenant_id_delivery_id_webhook_deliveries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "delivery_id", "attempt", name=op.f("pk_webhook_delivery_attempts")),
    )


def downgrade() -> None:
    op.drop_table("webhook_delivery_attempts")
    op.drop_index("ix_webhook_deliveries_tenant_id_endpoint_id_id", table_name="webhook_deliveries")
    op.drop_index(
        "ix_webhook_deliveries_in_flight",
        table_name="webhook_deliveries",
        postgresql_where=sa.text("leased_until IS NOT NULL"),
    )
    op.drop_index(
        "ix_webhook_deliveries_due", table_name="webhook_deliveries", postgresql_where=sa.text("state = 'pending'")
    )
    op.drop_table("webhook_deliveries")
    op.drop_index("ix_webhook_endpoint_secrets_tenant_id_endpoint_id", table_name="webhook_endpoint_secrets")
    op.drop_table("webhook_endpoint_secrets")
    op.drop_table("webhook_endpoints")
    op.drop_column("outbox", "resource_version")
