"""SQLModel tables of integrations: the sources, their credentials, and the log of their deliveries."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class IntegrationRow(SQLModel, table=True):
    __tablename__ = "integrations"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        # The public intake names an integration by its id alone (ids are UUIDv7, unique everywhere).
        sa.Index("uq_integrations_id", "id", unique=True),
        sa.CheckConstraint("kind in ('hris_webhook', 'scim', 'file')", name="kind"),
        sa.CheckConstraint("key in ('external_id', 'email')", name="key"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    kind: str
    name: str
    key: str
    owned_fields: list[str] = texts()
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class IntegrationCredentialRow(SQLModel, table=True):
    """A webhook secret sealed with Fernet, or a SCIM token's SHA-256 digest; never the secret in clear."""

    __tablename__ = "integration_credentials"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "integration_id"], ["integrations.tenant_id", "integrations.id"], ondelete="CASCADE"
        ),
        sa.Index("ix_integration_credentials_tenant_id_integration_id", "tenant_id", "integration_id"),
        # A SCIM request names no tenant: its token's digest finds the integration.
        sa.Index("uq_integration_credentials_token_digest", "token_digest", unique=True),
        sa.CheckConstraint("(sealed_secret IS NULL) <> (token_digest IS NULL)", name="one_credential"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    integration_id: UUID
    sealed_secret: str | None = None
    token_digest: str | None = None
    issued_at: datetime = timestamp()
    expires_at: datetime | None = timestamp(nullable=True)


class IntegrationDeliveryRow(SQLModel, table=True):
    """What a delivery did. Processed ones (applied, stale) are unique per webhook-id: a replay is a duplicate."""

    __tablename__ = "integration_deliveries"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "integration_id"], ["integrations.tenant_id", "integrations.id"], ondelete="CASCADE"
        ),
        sa.Index(
            "uq_integration_deliveries_processed_webhook_id",
            "tenant_id",
            "integration_id",
            "webhook_id",
            unique=True,
            postgresql_where=sa.text("outcome in ('applied', 'stale')"),
        ),
        sa.Index("ix_integration_deliveries_tenant_id_integration_id_id", "tenant_id", "integration_id", "id"),
        # The worker's pruning reads every tenant's oldest rows.
        sa.Index("ix_integration_deliveries_received_at", "received_at"),
        sa.CheckConstraint("outcome in ('applied', 'duplicate', 'stale', 'refused')", name="outcome"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    integration_id: UUID
    webhook_id: str
    event_type: str | None = None
    external_id: str | None = None
    occurred_at: datetime | None = timestamp(nullable=True)
    outcome: str
    reason: str = Field(sa_column=Column(sa.Text, nullable=False))
    received_at: datetime = timestamp()
